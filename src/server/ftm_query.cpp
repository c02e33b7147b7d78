#include "server/ftm_query.hpp"

#include "core/strings.hpp"
#include "server/ftm_view.hpp"

namespace sekisho::server {

namespace {

constexpr const char* kNameProperties[] = {"name", "alias", "weakAlias", "previousName"};
constexpr const char* kDateProperties[] = {"birthDate", "incorporationDate", "buildDate"};
constexpr const char* kCountryProperties[] = {"nationality", "citizenship", "country", "jurisdiction"};

template <size_t N>
bool is_one_of(const std::string& s, const char* const (&names)[N]) {
  for (const char* n : names) {
    if (s == n) return true;
  }
  return false;
}

}  // namespace

Result<ListSelection> dataset_selection(const Snapshot& snapshot, const std::string& dataset) {
  if (dataset == kAllDatasets) return ListSelection{};
  if (snapshot.list_index(dataset) < 0) {
    return not_found("No such dataset. '" + dataset + "' is neither 'default' nor a list id (see GET /catalog)");
  }
  return ListSelection{.all = false, .ids = {dataset}};
}

Result<std::vector<std::string>> ftm_values(const nlohmann::json& value, const std::string& property) {
  std::vector<std::string> out;
  auto add = [&](const nlohmann::json& v) -> Status {
    if (v.is_string()) {
      std::string s(trim(v.get<std::string>()));
      if (!s.empty()) out.push_back(std::move(s));
    } else if (v.is_number()) {
      out.push_back(v.dump());
    } else if (!v.is_null()) {
      return invalid_argument("properties." + property + ": expected strings");
    }
    return Status();
  };
  if (value.is_array()) {
    for (const nlohmann::json& v : value) SEKISHO_RETURN_IF_ERROR(add(v));
  } else {
    SEKISHO_RETURN_IF_ERROR(add(value));
  }
  return out;
}

Result<FtmQuery> parse_ftm_example(const nlohmann::json& example) {
  if (!example.is_object()) return invalid_argument("expected an object {\"schema\", \"properties\"}");
  auto schema = example.find("schema");
  if (schema == example.end() || !schema->is_string()) return invalid_argument("schema: missing (Person, Company, ...)");
  auto props = example.find("properties");
  if (props == example.end() || !props->is_object()) return invalid_argument("properties: missing or not an object");

  FtmQuery out;
  std::vector<std::string> first, middle, last;
  std::string gender;
  nlohmann::json echo_props = nlohmann::json::object();
  for (const auto& [property, raw] : props->items()) {
    SEKISHO_ASSIGN_OR_RETURN(std::vector<std::string> values, ftm_values(raw, property));
    if (values.empty()) continue;
    echo_props[property] = values;
    if (is_one_of(property, kNameProperties)) {
      for (std::string& v : values) out.names.push_back(std::move(v));
    } else if (property == "firstName") {
      first = values;
    } else if (property == "middleName") {
      middle = values;
    } else if (property == "lastName") {
      last = values;
    } else if (is_one_of(property, kDateProperties)) {
      for (const std::string& v : values) {
        DateSpec d = parse_date_loose(v);
        if (d.empty()) return invalid_argument("properties." + property + ": '" + v + "' is not a date");
        out.query.birth_dates.push_back(std::move(d));
      }
    } else if (is_one_of(property, kCountryProperties)) {
      for (std::string& v : values) out.query.countries.push_back(std::move(v));
    } else if (property == "gender") {
      gender = to_lower_ascii(values.front());
      // FtM also knows "other": nothing to compare.
      if (gender != "male" && gender != "female") gender.clear();
    } else if (const char* type = identifier_type_of_property(property)) {
      for (std::string& v : values) out.query.identifiers.push_back({type, std::move(v), "", ""});
    }
  }
  if (out.names.empty() && (!first.empty() || !last.empty())) {
    std::vector<std::string> parts;
    for (const auto* p : {&first, &middle, &last}) {
      if (!p->empty()) parts.push_back(p->front());
    }
    out.names.push_back(join(parts, " "));
  }
  if (out.names.empty()) return invalid_argument("properties.name: missing; a query needs at least one name");
  for (const std::string& n : out.names) {
    if (Status s = check_query_name(n); !s.ok()) return invalid_argument("properties.name: " + s.message());
  }
  // make_query checks the schema and sets the gender (the names are checked above).
  SEKISHO_ASSIGN_OR_RETURN(ScreenQuery checked, make_query(out.names.front(), schema->get<std::string>(), "", "", "", gender));
  out.query.schema = checked.schema;
  out.query.gender = checked.gender;
  out.echo = {{"schema", std::string(schema_name(checked.schema))}, {"properties", std::move(echo_props)}};
  if (auto id = example.find("id"); id != example.end() && id->is_string()) out.echo["id"] = *id;
  return out;
}

}  // namespace sekisho::server
