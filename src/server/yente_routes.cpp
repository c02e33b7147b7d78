// yente-compatible read routes: GET /entities/{id} and GET /catalog, in the
// shapes of yente's EntityResponse and DataCatalogModel (yente/data/common.py).
#include <algorithm>
#include <map>

#include "sekisho/update.hpp"
#include "server/ftm_query.hpp"
#include "server/ftm_view.hpp"
#include "server/state.hpp"

namespace sekisho::server {

namespace {

// An entity by its yente id or sekisho's list-prefixed id; grouped with the
// same party on other lists unless ?group=false.
ApiResponse entity(RequestContext& ctx) {
  std::string id = ctx.param(0);
  Result<YenteFilters> filters = parse_yente_filters(ctx.http, "");
  if (!filters.ok()) return error_response(filters.status());
  Snapshot::Located found = ctx.snapshot->find(id);
  if (found.entity == nullptr) return error_response(not_found("entity '" + id + "' not found"));
  return json_response(yente_entity(*ctx.snapshot, found, filters->group));
}

std::string title_of(const std::string& list_id) {
  for (const SourceSpec& s : default_sources()) {
    if (s.list_id == list_id && !s.title.empty()) return s.title;
  }
  return list_id;
}

// yente versions look like "20240101120000-abc"; ours name the stored version and its content.
std::string version_string(const ListVersion& v) {
  return std::to_string(v.version) + "-" + v.content_hash.substr(0, 12);
}

ApiResponse catalog(RequestContext& ctx) {
  const Snapshot& snap = *ctx.snapshot;
  nlohmann::json datasets = nlohmann::json::array();
  nlohmann::json names = nlohmann::json::array();
  nlohmann::json missing = nlohmann::json::array();
  // Beyond yente's model: each dataset's publication date, age and staleness, and the
  // catalogue lists the store lacks, so a list that is not loaded is never silently absent.
  std::map<std::string, ListAge> ages;
  for (ListAge& a : list_ages(snap.lists, default_sources())) {
    if (!a.version) missing.push_back(a.list_id);
    ages.emplace(a.list_id, std::move(a));
  }
  for (const ListVersion& v : snap.lists) {
    const ListAge& age = ages.at(v.list_id);
    std::string summary = v.format + " list, " + std::to_string(v.entity_count) + " entities" +
                          (v.publication_date.empty() ? "" : ", published " + v.publication_date);
    datasets.push_back(
        {{"name", v.list_id},
         {"title", title_of(v.list_id)},
         {"summary", summary},
         {"url", nullptr},
         {"load", true},
         {"entities_url", nullptr},
         {"version", version_string(v)},
         {"index_version", version_string(v)},
         {"index_current", true},
         {"children", nlohmann::json::array()},
         {"entity_count", v.entity_count},
         {"updated_at", v.created_at},
         {"publication_date", v.publication_date},
         {"topics", list_topics(v.format)},
         {"age_seconds", age.age_seconds < 0 ? nlohmann::json(nullptr) : nlohmann::json(age.age_seconds)},
         {"state", list_age_state_name(age.state)},
         {"stale", age.flagged()}});
    names.push_back(v.list_id);
  }
  auto collection = [&](const char* name, const char* title, const nlohmann::json& children, size_t entities) {
    datasets.push_back(
        {{"name", name},
         {"title", title},
         {"summary", std::to_string(entities) + " entities from " + std::to_string(children.size()) + " lists"},
         {"url", nullptr},
         {"load", true},
         {"entities_url", nullptr},
         {"version", std::to_string(snap.generation)},
         {"index_version", std::to_string(snap.generation)},
         {"index_current", true},
         {"children", children},
         {"entity_count", entities},
         {"updated_at", snap.loaded_at}});
  };
  // The sanction lists; /match/sanctions keeps only their entities whose topics hold "sanction".
  Result<DatasetScope> sanctions = dataset_scope(snap, kSanctionsCollection);
  nlohmann::json sanction_lists = nlohmann::json::array();
  size_t sanction_entities = 0;
  if (sanctions.ok()) {
    for (const std::string& id : sanctions->lists.ids) {
      sanction_lists.push_back(id);
      sanction_entities += snap.lists[snap.list_index(id)].entity_count;
    }
  }
  collection(kSanctionsCollection, "Sanctioned parties on the lists served by sekisho", sanction_lists,
             sanction_entities);
  collection(kAllDatasets, "All lists served by sekisho", names, snap.entity_count);
  names.push_back(kSanctionsCollection);
  names.push_back(kAllDatasets);
  return json_response({{"datasets", datasets},
                        {"current", names},
                        {"outdated", nlohmann::json::array()},
                        {"index_stale", false},
                        {"missing", missing}});
}

}  // namespace

void add_yente_routes(RouteTable& routes) {
  routes.push_back(
      {.method = "GET", .path = "/entities/{id}", .role = Role::kScreener, .needs_snapshot = true, .handler = entity});
  routes.push_back(
      {.method = "GET", .path = "/catalog", .role = Role::kScreener, .needs_snapshot = true, .handler = catalog});
}

}  // namespace sekisho::server
