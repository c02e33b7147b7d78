#include "server/screening.hpp"

#include <algorithm>
#include <cmath>

#include "core/strings.hpp"
#include "wire/hit_json.hpp"

namespace sekisho::server {

Result<ListSelection> select_lists(const Snapshot& snapshot, const std::vector<std::string>& ids) {
  ListSelection out;
  if (ids.empty()) return out;
  out.all = false;
  for (const std::string& id : ids) {
    if (snapshot.list_index(id) < 0) return not_found("unknown list '" + id + "' (see GET /v1/lists or /catalog)");
    if (std::find(out.ids.begin(), out.ids.end(), id) == out.ids.end()) out.ids.push_back(id);
  }
  return out;
}

nlohmann::json lists_json(const Snapshot& snapshot, const ListSelection& selection) {
  nlohmann::json out = nlohmann::json::array();
  for (const ListVersion& v : snapshot.lists) {
    if (!selection.all && std::find(selection.ids.begin(), selection.ids.end(), v.list_id) == selection.ids.end()) {
      continue;
    }
    out.push_back({{"id", v.list_id}, {"version", v.version}});
  }
  return out;
}

ScreenOptions budgeted_options(const ServerOptions& server) {
  ScreenOptions options;
  options.max_pairs = server.max_pairs_per_query;
  return options;
}

ScreenResult screen_names(const Screener& screener, ScreenQuery query, const std::vector<std::string>& names,
                          const ListSelection& lists, ScreenOptions options) {
  ScreenResult result;
  std::vector<ScreenHit>& best = result.hits;
  if (!lists.all && lists.ids.empty()) return result;
  options.lists = lists.ids;
  for (const std::string& name : names) {
    query.name = name;
    ScreenResult one = screener.screen_result(query, options);
    if (!one.complete) {
      result.complete = false;
      if (!result.incomplete_reason.empty()) result.incomplete_reason += "; ";
      result.incomplete_reason += (names.size() > 1 ? "\"" + name + "\": " : std::string()) + one.incomplete_reason;
    }
    for (ScreenHit& hit : one.hits) {
      auto same = std::find_if(best.begin(), best.end(), [&](const ScreenHit& h) { return h.entity == hit.entity; });
      if (same == best.end()) {
        best.push_back(std::move(hit));
      } else if (hit.score > same->score) {
        *same = std::move(hit);
      }
    }
  }
  // The screener's order: score, then entity id, so equal requests answer alike.
  std::sort(best.begin(), best.end(), [](const ScreenHit& a, const ScreenHit& b) {
    return a.score != b.score ? a.score > b.score : a.entity->id < b.entity->id;
  });
  if (best.size() > options.limit) best.resize(options.limit);
  return result;
}

nlohmann::json match_json(const ScreenHit& hit) { return nlohmann::json(screen_hit_json(hit)); }

nlohmann::json matches_json(const Snapshot& snapshot, const std::vector<ScreenHit>& hits, bool group) {
  nlohmann::json out = nlohmann::json::array();
  std::vector<int> taken;
  for (const ScreenHit& h : hits) {
    nlohmann::json m = match_json(h);
    Snapshot::Located at = snapshot.find(h.entity->id);
    if (group && at.facts != nullptr && at.facts->group >= 0) {
      // Hits come best first: the first of a group stands for it.
      if (std::find(taken.begin(), taken.end(), at.facts->group) != taken.end()) continue;
      taken.push_back(at.facts->group);
      nlohmann::json same = nlohmann::json::array();
      for (const Snapshot::Located& member : snapshot.groups[at.facts->group]) {
        if (member.entity != at.entity)
          same.push_back({{"entity_id", member.entity->id}, {"list", member.list->list_id}});
      }
      m["same_party"] = std::move(same);
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<std::string> query_list(const HttpRequest& req, const char* name) {
  std::vector<std::string> out;
  size_t n = req.param_count(name);
  for (size_t i = 0; i < n; ++i) {
    for (std::string& v : split_trimmed(req.param(name, i), ",")) {
      if (!v.empty()) out.push_back(std::move(v));
    }
  }
  return out;
}

}  // namespace sekisho::server
