// The reference implementation of entity_to_json(): the same document built as
// a JSON tree (nlohmann), slow and obviously right. Tests and the list fuzzer
// hold the product's direct writer equal to it.
#pragma once

#include <string>

#include "sekisho/entity.hpp"

namespace sekisho {

std::string entity_to_json_reference(const Entity& entity);

}  // namespace sekisho
