// Entities in FollowTheMoney's JSON shape, as yente answers them
// ({id, caption, schema, properties: {prop: [values]}, datasets, …}): the
// properties and topics of one listed entity. The server merges a group's into
// one yente result (server/ftm_view.hpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "sekisho/entity.hpp"
#include "sekisho/store.hpp"

namespace sekisho {

// FtM properties of `e` (name, alias, birthDate, idNumber, …); empty ones omitted.
// Countries are ISO 3166-1 codes in lower case, as FtM writes them ("ru"); a
// country the publisher wrote in words no code stands for is left out here
// and stays in the source record (GET /v1/entities/{id}, `raw`).
nlohmann::json ftm_properties(const Entity& e, const ListVersion& list);
// The Identifier::type an FtM identifier property holds ("passportNumber" →
// "passport", "idNumber" → "other"), or nullptr when `property` is none.
const char* identifier_type_of_property(std::string_view property);
// The FtM topics of a list's kind, by its format: "sanction" (OFAC, UN, EU,
// UK, Canada, MOF, OpenSanctions), "export.control" (BIS Denied Persons,
// Entity List, MEU, METI), all three with "debarment" for the US CSL, which
// consolidates each; none for a list of unknown kind (generic CSV, Senzing).
std::vector<std::string> list_topics(const std::string& format);
// The topics of one entity: its own for FtM sources, its row's source list for
// the US CSL, else its list's.
std::vector<std::string> entity_topics(const Entity& e, const ListVersion& list);
// Adds every value of `from` (FtM properties) to `into`, each value once per property.
void merge_ftm_properties(nlohmann::json& into, const nlohmann::json& from);
// Lower-case ISO 3166-1 alpha-2 code of a country name or code, "" when none.
std::string ftm_country(const std::string& name_or_code);

}  // namespace sekisho
