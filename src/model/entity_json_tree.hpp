// The entity's JSON document as a tree (nlohmann): what changed_fields()
// compares field by field, and the reference tests hold entity_to_json() equal to.
#pragma once

#include <nlohmann/json.hpp>

#include "sekisho/entity.hpp"

namespace sekisho {

nlohmann::ordered_json entity_json_tree(const Entity& entity);

}  // namespace sekisho
