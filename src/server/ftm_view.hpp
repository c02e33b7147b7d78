// Entities in FollowTheMoney's JSON shape, as yente answers them
// ({id, caption, schema, properties: {prop: [values]}, datasets, …}).
#pragma once

#include <nlohmann/json.hpp>

#include "sekisho/entity.hpp"
#include "sekisho/store.hpp"

namespace sekisho::server {

// FtM properties of `e` (name, alias, birthDate, idNumber, …); empty ones omitted.
nlohmann::json ftm_properties(const Entity& e);
// The Identifier::type an FtM identifier property holds ("passportNumber" →
// "passport", "idNumber" → "other"), or nullptr when `property` is none.
const char* identifier_type_of_property(std::string_view property);
// The whole yente EntityResponse for `e`, served from list version `list`.
nlohmann::json ftm_entity(const Entity& e, const ListVersion& list);

}  // namespace sekisho::server
