// JSON shapes of stored list versions and diffs, shared by the CLI's --json
// output and the /v1 routes so the two never drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include "sekisho/store.hpp"
#include "sekisho/update.hpp"

namespace sekisho::wire {

// One version, as `sekisho lists --json` and GET /v1/lists show it.
nlohmann::json list_version_json(const ListVersion& v);
// A list's version with its age: list_version_json plus publication_date_source,
// age_seconds (null when undated), max_age_days, state (fresh, stale, undated,
// missing) and stale (true unless fresh). A missing list has only list, title,
// state, stale and missing: true.
nlohmann::json list_age_json(const ListAge& age);
// A diff, as `sekisho diff --json` and GET /v1/lists/{id}/diff show it.
nlohmann::json list_diff_json(const ListDiff& d);

}  // namespace sekisho::wire
