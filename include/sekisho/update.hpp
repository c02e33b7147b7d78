// sekisho/update.hpp — fetching the current official lists from their
// publishers (libcurl) or from a local mirror, and importing them.
//
// A source says where a list is published and in which format. `run_update`
// downloads each selected source into a scratch directory inside the data
// directory, parses it completely and only then imports it: an unreachable
// publisher or a bad file leaves the stored versions as they were.
//
//   auto sources = sekisho::default_sources();
//   auto outcomes = sekisho::run_update(*store, sources, {.from_dir = "../shared/data"});
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sekisho/status.hpp"
#include "sekisho/store.hpp"

namespace sekisho {

struct SourceSpec {
  std::string list_id;
  std::string title;
  // The publisher's cadence with some slack: a stored version whose publication
  // date is older than this many days is stale. 0: no cadence known.
  int max_age_days = 0;
  std::string format;             // format of the publisher's files
  std::vector<std::string> urls;  // fetched in order; saved under their last path segment
  // Publishers that date their file names (MOF shisantouketsuYYYYMMDD.xlsx)
  // are found by scanning a page for the newest link matching a pattern.
  std::string discover_page;
  std::string discover_pattern;  // ECMAScript regex over href values
  // A local mirror (--from DIR) may hold another published form of the list.
  std::string mirror_format;              // empty = same as `format`
  std::vector<std::string> mirror_paths;  // relative to the mirror root
};

// The lists sekisho knows how to fetch, with their official addresses and
// their place in the bundled mirror (../shared/data layout).
const std::vector<SourceSpec>& default_sources();

// Reads a catalogue in the same shape from JSON (for private mirrors and tests):
// [{"list_id": …, "format": …, "urls": [...], "mirror_paths": [...], …}, …]
Result<std::vector<SourceSpec>> load_sources(const std::filesystem::path& json_file);

struct UpdateOptions {
  std::vector<std::string> lists;     // empty = every source
  std::string from_dir;               // non-empty: read files from this mirror instead of the network
  std::filesystem::path scratch_dir;  // where downloads land before import (default: <store dir>/downloads)
  long timeout_seconds = 120;         // per download
  bool allow_shrink = false;          // store versions that lose over 20% of a list (ImportOptions)
};

struct UpdateOutcome {
  std::string list_id;
  Status status;                       // not OK: nothing was imported for this list
  bool skipped = false;                // mirror mode: the mirror holds no copy of this list
  std::optional<ImportReport> report;  // set when imported or found unchanged
};

std::vector<UpdateOutcome> run_update(ListStore& store, const std::vector<SourceSpec>& sources,
                                      const UpdateOptions& options);

// How a stored list stands against its publisher's cadence.
enum class ListAgeState {
  kFresh,    // dated, and within the catalogue's max_age_days (or no cadence known)
  kStale,    // published longer ago than the catalogue's max_age_days
  kUndated,  // no publication date: its age cannot be told, so it is never shown as fresh
  kMissing,  // in the catalogue but not in the store
};
std::string_view list_age_state_name(ListAgeState state);  // "fresh", "stale", "undated", "missing"

struct ListAge {
  std::string list_id;
  std::string title;                   // the catalogue's title, else the list id
  std::optional<ListVersion> version;  // the latest stored version; none when missing
  int64_t age_seconds = -1;            // now minus the publication date (UTC midnight); -1 when unknown
  int max_age_days = 0;                // from the catalogue; 0 when not in it or no cadence known
  ListAgeState state = ListAgeState::kMissing;
  bool flagged() const { return state != ListAgeState::kFresh; }
};

// The age of every stored list and of every catalogue list not stored (as
// kMissing), ordered by list id.
std::vector<ListAge> list_ages(const std::vector<ListVersion>& stored, const std::vector<SourceSpec>& catalogue,
                               std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// One line for people: "published 2021-07 (from the file name), 1985 days ago, STALE: older than 7 days".
std::string describe_list_age(const ListAge& age);

// Downloads `url` to `dest` (whole file or nothing). Errors name the URL and the cause.
// When `last_modified` is given it receives the server's Last-Modified date
// (YYYY-MM-DD, UTC), or "" when the server sent none.
Status download_file(const std::string& url, const std::filesystem::path& dest, long timeout_seconds,
                     std::string* last_modified = nullptr);

}  // namespace sekisho
