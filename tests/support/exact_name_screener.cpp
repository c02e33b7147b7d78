#include "support/exact_name_screener.hpp"

#include "sekisho/store.hpp"

namespace sekisho::rules {

void ExactNameScreener::add_list(const std::string& list_id, const std::vector<Entity>& entities) {
  lists_.push_back({list_id, 0, entities.size()});
  for (const Entity& e : entities) {
    for (const Name& n : e.names) {
      std::string key = normalize_party_name(n.full);
      if (key.empty()) continue;
      by_name_.emplace(std::move(key), Listed{list_id, e.id, n.full});
    }
  }
}

std::vector<ListHit> ExactNameScreener::screen(const Party& party) const {
  std::vector<ListHit> hits;
  auto [begin, end] = by_name_.equal_range(normalize_party_name(party.name));
  for (auto it = begin; it != end; ++it) {
    bool seen = false;
    for (const ListHit& h : hits)
      seen = seen || (h.list_id == it->second.list_id && h.entity_id == it->second.entity_id);
    if (!seen)
      hits.push_back(
          {it->second.list_id, it->second.entity_id, it->second.name, 1.0, 0, "exact match of normalised names"});
  }
  return hits;
}

Result<std::unique_ptr<ExactNameScreener>> ExactNameScreener::from_store(ListStore& store,
                                                                         const std::vector<std::string>& list_ids) {
  auto screener = std::make_unique<ExactNameScreener>();
  for (const std::string& id : list_ids) {
    Result<std::vector<Entity>> entities = store.load_entities(id);
    if (!entities.ok()) return entities.status().with_context("screening list " + id);
    screener->add_list(id, *entities);
  }
  return screener;
}

}  // namespace sekisho::rules
