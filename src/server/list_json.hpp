// JSON shapes of stored list versions and diffs, shared by the CLI's --json
// output and the /v1 routes so the two never drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include "sekisho/store.hpp"

namespace sekisho::server {

// One version, as `sekisho lists --json` and GET /v1/lists show it.
nlohmann::json list_version_json(const ListVersion& v);
// A diff, as `sekisho diff --json` and GET /v1/lists/{id}/diff show it.
nlohmann::json list_diff_json(const ListDiff& d);

}  // namespace sekisho::server
