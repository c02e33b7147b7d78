#include "support/entity_json_reference.hpp"

#include "model/entity_json_tree.hpp"

namespace sekisho {

std::string entity_to_json_reference(const Entity& entity) {
  return entity_json_tree(entity).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace sekisho
