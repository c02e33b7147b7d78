// FollowTheMoney query examples (yente's EntityExample: {"schema",
// "properties": {"name": [...], "birthDate": [...], ...}}) turned into
// screening queries, and yente dataset names turned into list selections.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sekisho/screen.hpp"
#include "server/screening.hpp"

namespace sekisho::server {

// yente's name for the collection of every dataset; clients ask /match/default.
inline constexpr const char* kAllDatasets = "default";

// "default": every list; a list id: that list; anything else: kNotFound ("No such dataset.").
Result<ListSelection> dataset_selection(const Snapshot& snapshot, const std::string& dataset);

struct FtmQuery {
  std::vector<std::string> names;  // name, alias (or first + last name), screened one by one
  ScreenQuery query;               // the facts besides the name
  nlohmann::json echo;             // the example as understood, for yente's "query"
};

// Reads one example. Properties used: name, alias, weakAlias, previousName,
// firstName/middleName/lastName (when no name), birthDate, incorporationDate,
// buildDate, nationality, citizenship, country, jurisdiction, gender, and the
// identifier properties (idNumber, passportNumber, registrationNumber,
// imoNumber, taxNumber, leiCode, swiftBic, mmsi, callSign); others are
// ignored. Values are strings or arrays of strings. Errors name the property.
Result<FtmQuery> parse_ftm_example(const nlohmann::json& example);

// One property's values as strings ("x" or ["x", "y"]; numbers as written).
Result<std::vector<std::string>> ftm_values(const nlohmann::json& value, const std::string& property);

}  // namespace sekisho::server
