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
// The collection of sanctioned parties (OpenSanctions' `sanctions`): every
// entity whose topics hold "sanction", on the lists whose kind holds it.
inline constexpr const char* kSanctionsCollection = "sanctions";

// What a dataset name covers: lists, and a topic every entity must carry ("" = any).
struct DatasetScope {
  ListSelection lists;
  std::string topic;
};
// "default": every list; "sanctions": the sanction lists, topic "sanction"; a
// list id: that list; anything else: kNotFound ("No such dataset.").
Result<DatasetScope> dataset_scope(const Snapshot& snapshot, const std::string& dataset);
// The lists of dataset_scope (the topic is not applied).
Result<ListSelection> dataset_selection(const Snapshot& snapshot, const std::string& dataset);

// yente's result filters (routers/match.py and search.py query parameters), applied after screening.
struct YenteFilters {
  std::string collection_topic;          // from the dataset (DatasetScope::topic)
  std::vector<std::string> topics;       // `topics`: keep results carrying any of them
  std::vector<Schema> exclude_schemas;   // `exclude_schema`: drop results of these schemas or their descendants
  std::vector<std::string> exclude_ids;  // `exclude_entity_ids`: yente or sekisho ids, any member of a group
  std::string changed_since;             // `changed_since`: keep results whose last_change is at or after it (UTC ISO)
  std::vector<std::string> countries;    // `countries` (search): lower-case ISO codes, any of them
  bool group = true;                     // `group`: one result per party across lists (default on for yente routes)
};

// Reads the filters from the query string; each bad value is kInvalidArgument naming its parameter.
Result<YenteFilters> parse_yente_filters(const HttpRequest& req, std::string collection_topic);

// The hits that pass `filters`, best first; with filters.group, only the best
// hit of each group stands for it. Each with what it locates in the snapshot.
struct YenteHit {
  const ScreenHit* hit;
  Snapshot::Located at;
};
std::vector<YenteHit> filter_yente_hits(const Snapshot& snapshot, const std::vector<ScreenHit>& hits,
                                        const YenteFilters& filters);

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
