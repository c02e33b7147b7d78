// yente's EntityResponse for an entity of the serving snapshot: the FtM view of
// each member of its group (wire/ftm_json.hpp) merged into one result.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sekisho/entity.hpp"
#include "sekisho/server.hpp"
#include "sekisho/store.hpp"
#include "wire/ftm_json.hpp"

namespace sekisho::server {

// The whole yente EntityResponse for `at`. With `group`, one result for the
// party of its group: the group's first member's id, every member's
// properties, topics and lists, the others' ids as `referents`.
nlohmann::json yente_entity(const Snapshot& snapshot, const Snapshot::Located& at, bool group);
// The members `at` stands for: its group's with `group`, else itself.
std::vector<Snapshot::Located> group_members(const Snapshot& snapshot, const Snapshot::Located& at, bool group);

}  // namespace sekisho::server
