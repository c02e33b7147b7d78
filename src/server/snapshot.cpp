// Building the immutable snapshot requests read (see sekisho/server.hpp).
#include <algorithm>
#include <chrono>

#include "core/utc_time.hpp"
#include "screen/entity_groups.hpp"
#include "sekisho/server.hpp"
#include "server/state.hpp"

namespace sekisho {

namespace server {
std::string lists_fingerprint(const std::vector<ListVersion>& lists) {
  std::string out;
  for (const ListVersion& v : lists) {
    out += v.list_id + "@" + std::to_string(v.version) + ":" + v.content_hash + ";";
  }
  return out;
}
}  // namespace server

Snapshot::Located Snapshot::find(std::string_view entity_id) const {
  auto it = by_id_.find(entity_id);
  return it == by_id_.end() ? Located{} : it->second;
}

int Snapshot::list_index(std::string_view list_id) const {
  for (size_t i = 0; i < lists.size(); ++i) {
    if (lists[i].list_id == list_id) return static_cast<int>(i);
  }
  return -1;
}

void Snapshot::index_ids(const std::vector<std::pair<std::string, uint32_t>>& list_of_id,
                         const std::vector<std::vector<EntityHistory>>& history) {
  by_id_.clear();
  by_id_.reserve(list_of_id.size() * 2);
  facts_.clear();
  facts_.reserve(list_of_id.size());  // Located::facts points into it: no reallocation after this
  std::vector<GroupMember> members;
  std::vector<Located> located;
  for (const auto& [id, list] : list_of_id) {
    // Ids carry their list as prefix, so they are unique across lists; the
    // first one wins should a publisher ever break that (as in the screener).
    const Entity* entity = screener->find_entity(id);
    if (entity == nullptr || by_id_.count(entity->id)) continue;
    EntityFacts& f = facts_.emplace_back();
    // OpenSanctions entities keep the FollowTheMoney id their publisher gave them.
    f.yente_id = lists[list].format == "ftm" && !entity->source_id.empty() ? entity->source_id : entity->id;
    Located at{entity, &lists[list], &f};
    by_id_.emplace(entity->id, at);
    members.push_back({entity, list});
    located.push_back(at);
  }
  for (size_t l = 0; l < history.size() && l < lists.size(); ++l) {
    for (const EntityHistory& h : history[l]) {
      auto it = by_id_.find(h.entity_id);
      if (it == by_id_.end() || it->second.list != &lists[l]) continue;
      EntityFacts& f = facts_[it->second.facts - facts_.data()];
      f.first_seen = h.first_seen;
      f.last_change = h.last_change;
    }
  }
  // The yente ids as second keys; a sekisho id wins a clash, so no id changes meaning.
  for (size_t i = 0; i < facts_.size(); ++i) {
    if (facts_[i].yente_id != located[i].entity->id) by_id_.emplace(facts_[i].yente_id, located[i]);
  }
  groups.clear();
  for (const std::vector<size_t>& g : group_entities(members)) {
    std::vector<Located> group;
    for (size_t i : g) group.push_back(located[i]);
    std::sort(group.begin(), group.end(), [](const Located& a, const Located& b) {
      bool fa = a.facts->yente_id != a.entity->id, fb = b.facts->yente_id != b.entity->id;
      if (fa != fb) return fa;
      return a.facts->yente_id < b.facts->yente_id;
    });
    for (const Located& member : group) facts_[member.facts - facts_.data()].group = static_cast<int>(groups.size());
    groups.push_back(std::move(group));
  }
}

Result<std::shared_ptr<const Snapshot>> build_snapshot(ListStore& store, const std::vector<SnapshotHook>& hooks,
                                                       uint64_t generation) {
  auto started = std::chrono::steady_clock::now();
  auto next = std::make_shared<Snapshot>();
  next->generation = generation;
  SEKISHO_ASSIGN_OR_RETURN(next->lists, store.lists());
  // The entities are loaded once and handed to the screener, which keeps
  // them; the snapshot reads them through it.
  std::vector<Screener::ListInput> inputs;
  std::vector<std::pair<std::string, uint32_t>> list_of_id;
  std::vector<std::vector<EntityHistory>> history;
  for (uint32_t i = 0; i < next->lists.size(); ++i) {
    const ListVersion& v = next->lists[i];
    SEKISHO_ASSIGN_OR_RETURN(std::vector<EntityHistory> listed, store.entity_history(v.list_id, v.version));
    history.push_back(std::move(listed));
    // Load the exact version listed above: an import landing meanwhile waits
    // for the next build rather than mixing versions.
    SEKISHO_ASSIGN_OR_RETURN(std::vector<Entity> entities, store.load_entities(v.list_id, v.version));
    next->entity_count += entities.size();
    for (const Entity& e : entities) list_of_id.emplace_back(e.id, i);
    inputs.push_back({v.list_id, v.version, std::move(entities)});
  }
  next->fingerprint = server::lists_fingerprint(next->lists);
  next->screener = Screener::build(std::move(inputs));
  next->index_ids(list_of_id, history);
  for (const SnapshotHook& hook : hooks) {
    SEKISHO_RETURN_IF_ERROR(hook(*next).with_context("building snapshot " + std::to_string(generation)));
  }
  next->loaded_at = utc_now_iso();
  next->build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return std::shared_ptr<const Snapshot>(std::move(next));
}

}  // namespace sekisho
