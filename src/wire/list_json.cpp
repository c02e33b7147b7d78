#include "wire/list_json.hpp"

namespace sekisho::wire {

namespace {

nlohmann::json changes_json(const std::vector<EntityChange>& changes) {
  nlohmann::json out = nlohmann::json::array();
  for (const EntityChange& c : changes) {
    nlohmann::json j = {{"id", c.entity_id}, {"caption", c.caption}, {"schema", c.schema}};
    if (!c.fields.empty()) j["fields"] = c.fields;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

nlohmann::json list_version_json(const ListVersion& v) {
  nlohmann::json files = nlohmann::json::array();
  for (const SourceFile& f : v.files) files.push_back({{"name", f.name}, {"sha256", f.sha256}, {"size", f.size}});
  return {{"list", v.list_id},
          {"version", v.version},
          {"created_at", v.created_at},
          {"publication_date", v.publication_date},
          {"format", v.format},
          {"entities", v.entity_count},
          {"by_schema", v.counts_by_schema},
          {"content_hash", v.content_hash},
          {"files", files}};
}

nlohmann::json list_age_json(const ListAge& age) {
  bool stale = age.flagged();
  if (!age.version) {
    return {{"list", age.list_id},
            {"title", age.title},
            {"state", list_age_state_name(age.state)},
            {"stale", stale},
            {"missing", true}};
  }
  nlohmann::json j = list_version_json(*age.version);
  j["title"] = age.title;
  j["publication_date_source"] = age.version->publication_date_source;
  j["age_seconds"] = age.age_seconds < 0 ? nlohmann::json(nullptr) : nlohmann::json(age.age_seconds);
  j["max_age_days"] = age.max_age_days;
  j["state"] = list_age_state_name(age.state);
  j["stale"] = stale;
  return j;
}

nlohmann::json list_diff_json(const ListDiff& d) {
  return {{"list", d.list_id},
          {"from", d.from},
          {"to", d.to},
          {"counts", {{"added", d.added.size()}, {"removed", d.removed.size()}, {"changed", d.changed.size()}}},
          {"added", changes_json(d.added)},
          {"removed", changes_json(d.removed)},
          {"changed", changes_json(d.changed)}};
}

}  // namespace sekisho::wire
