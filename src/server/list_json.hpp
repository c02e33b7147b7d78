// JSON shapes of stored list versions, shared by /v1 routes.
#pragma once

#include <nlohmann/json.hpp>

#include "sekisho/store.hpp"

namespace sekisho::server {

// The same keys as `sekisho lists --json`.
nlohmann::json list_version_json(const ListVersion& v);

}  // namespace sekisho::server
