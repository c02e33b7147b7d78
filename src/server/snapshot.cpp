// Building the immutable snapshot requests read (see sekisho/server.hpp).
#include <chrono>

#include "core/utc_time.hpp"
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
  auto it = by_id_.find(std::string(entity_id));
  if (it == by_id_.end()) return {};
  return {&entities[it->second.list][it->second.entity], &lists[it->second.list]};
}

int Snapshot::list_index(std::string_view list_id) const {
  for (size_t i = 0; i < lists.size(); ++i) {
    if (lists[i].list_id == list_id) return static_cast<int>(i);
  }
  return -1;
}

void Snapshot::index_ids() {
  by_id_.clear();
  by_id_.reserve(entity_count);
  for (uint32_t l = 0; l < entities.size(); ++l) {
    for (uint32_t e = 0; e < entities[l].size(); ++e) {
      // Ids carry their list as prefix, so they are unique across lists; the
      // first one wins should a publisher ever break that.
      by_id_.try_emplace(entities[l][e].id, Ref{l, e});
    }
  }
}

Result<std::shared_ptr<const Snapshot>> build_snapshot(ListStore& store, const std::vector<SnapshotHook>& hooks,
                                                       uint64_t generation) {
  auto started = std::chrono::steady_clock::now();
  auto next = std::make_shared<Snapshot>();
  next->generation = generation;
  SEKISHO_ASSIGN_OR_RETURN(next->lists, store.lists());
  for (const ListVersion& v : next->lists) {
    // Load the exact version listed above: an import landing meanwhile waits
    // for the next build rather than mixing versions.
    SEKISHO_ASSIGN_OR_RETURN(std::vector<Entity> entities, store.load_entities(v.list_id, v.version));
    next->entity_count += entities.size();
    next->entities.push_back(std::move(entities));
  }
  next->fingerprint = server::lists_fingerprint(next->lists);
  next->index_ids();
  for (const SnapshotHook& hook : hooks) {
    SEKISHO_RETURN_IF_ERROR(hook(*next).with_context("building snapshot " + std::to_string(generation)));
  }
  next->loaded_at = utc_now_iso();
  next->build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return std::shared_ptr<const Snapshot>(std::move(next));
}

}  // namespace sekisho
