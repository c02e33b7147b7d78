#include "server/ftm_view.hpp"

#include <algorithm>

namespace sekisho::server {

std::vector<Snapshot::Located> group_members(const Snapshot& snapshot, const Snapshot::Located& at, bool group) {
  if (!group || at.facts == nullptr || at.facts->group < 0) return {at};
  return snapshot.groups[at.facts->group];
}

nlohmann::json yente_entity(const Snapshot& snapshot, const Snapshot::Located& at, bool group) {
  std::vector<Snapshot::Located> members = group_members(snapshot, at, group);
  const Snapshot::Located& lead = members.front();
  nlohmann::json props = nlohmann::json::object();
  nlohmann::json datasets = nlohmann::json::array();
  nlohmann::json referents = nlohmann::json::array();
  Schema schema = lead.entity->schema;
  std::string first_seen, last_seen, last_change;
  for (const Snapshot::Located& m : members) {
    merge_ftm_properties(props, ftm_properties(*m.entity, *m.list));
    if (std::find(datasets.begin(), datasets.end(), m.list->list_id) == datasets.end())
      datasets.push_back(m.list->list_id);
    if (&m != &lead) referents.push_back(m.facts->yente_id);
    // A member listed as a bare LegalEntity says less than one listed as a Person or Company.
    if (schema == Schema::kLegalEntity) schema = m.entity->schema;
    if (first_seen.empty() || (!m.facts->first_seen.empty() && m.facts->first_seen < first_seen)) {
      first_seen = m.facts->first_seen;
    }
    last_seen = std::max(last_seen, m.list->created_at);
    last_change = std::max(last_change, m.facts->last_change);
  }
  if (!props.contains("topics")) props["topics"] = nlohmann::json::array();
  auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  return {{"id", lead.facts->yente_id},
          {"caption", lead.entity->caption},
          {"schema", schema_name(schema)},
          {"properties", std::move(props)},
          {"datasets", std::move(datasets)},
          {"referents", std::move(referents)},
          {"target", true},
          // first_seen and last_change come from the stored versions of each
          // list (import times); last_seen is the latest version's import.
          {"first_seen", or_null(first_seen)},
          {"last_seen", or_null(last_seen)},
          {"last_change", or_null(last_change)}};
}

}  // namespace sekisho::server
