// ExactNameScreener fed from the list store (kept apart so that code which
// builds a screener from in-memory entities does not link the store).
#include "sekisho/rules.hpp"
#include "sekisho/store.hpp"

namespace sekisho::rules {

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
