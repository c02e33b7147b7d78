// What the screening routes share: which lists a request reads, screening a
// party known by several names, and the JSON of a hit in the CLI's contract
// shape (docs/cli.md: {"entity_id", "list", "schema", "caption",
// "matched_name", "score", "explanation"}).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sekisho/screen.hpp"
#include "sekisho/server.hpp"
#include "server/request.hpp"

namespace sekisho::server {

// The lists a request screens. `all` means every list of the snapshot (and
// `ids` is then empty); otherwise `ids` names them, possibly none at all.
struct ListSelection {
  bool all = true;
  std::vector<std::string> ids;
};

// Every list, or exactly `ids`; an id the snapshot does not serve is kNotFound.
Result<ListSelection> select_lists(const Snapshot& snapshot, const std::vector<std::string>& ids);

// [{"id", "version"}] of the lists `selection` reads.
nlohmann::json lists_json(const Snapshot& snapshot, const ListSelection& selection);

// Screening options with the server's work budget per query (ServerOptions::max_pairs_per_query).
ScreenOptions budgeted_options(const ServerOptions& server);

// Screens `query` once per name in `names` (query.name is ignored) over the
// selected lists and keeps each entity's best hit, best first, at most
// options.limit. No lists selected: no hits. Incomplete when any name's
// screening was (each one's reason kept).
ScreenResult screen_names(const Screener& screener, ScreenQuery query, const std::vector<std::string>& names,
                          const ListSelection& lists, ScreenOptions options);

// One hit as `sekisho screen` prints it.
nlohmann::json match_json(const ScreenHit& hit);

// The hits as match_json, best first. With `group`, the best hit of a party
// that several lists name (Snapshot::groups) stands for it and gains
// "same_party": [{"entity_id", "list"}] of the other entries; the others'
// hits are folded into it. Without, one match per list entry (/v1's default).
nlohmann::json matches_json(const Snapshot& snapshot, const std::vector<ScreenHit>& hits, bool group);

// Comma-separated and repeated values of query parameter `name`, trimmed, empty ones dropped.
std::vector<std::string> query_list(const HttpRequest& req, const char* name);

}  // namespace sekisho::server
