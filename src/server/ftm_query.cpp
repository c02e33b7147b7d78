#include "server/ftm_query.hpp"

#include <algorithm>

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

Result<DatasetScope> dataset_scope(const Snapshot& snapshot, const std::string& dataset) {
  if (dataset == kAllDatasets) return DatasetScope{};
  if (dataset == kSanctionsCollection) {
    DatasetScope scope{.lists = {.all = false}, .topic = "sanction"};
    for (const ListVersion& v : snapshot.lists) {
      std::vector<std::string> topics = list_topics(v.format);
      if (std::find(topics.begin(), topics.end(), "sanction") != topics.end()) scope.lists.ids.push_back(v.list_id);
    }
    return scope;
  }
  if (snapshot.list_index(dataset) < 0) {
    return not_found("No such dataset. '" + dataset +
                     "' is neither 'default', 'sanctions' nor a list id (see GET /catalog)");
  }
  return DatasetScope{.lists = {.all = false, .ids = {dataset}}};
}

Result<ListSelection> dataset_selection(const Snapshot& snapshot, const std::string& dataset) {
  SEKISHO_ASSIGN_OR_RETURN(DatasetScope scope, dataset_scope(snapshot, dataset));
  return scope.lists;
}

namespace {

// FtM topics are dotted lower-case words ("sanction", "role.pep", "export.control").
bool is_topic_name(const std::string& t) {
  if (t.empty() || t.front() == '.' || t.back() == '.') return false;
  return std::all_of(t.begin(), t.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '.' || c == '_'; });
}

// The FtM schema hierarchy as far as sekisho's schemas go: a LegalEntity is
// any party, a Company is an Organization.
bool is_a(Schema schema, Schema ancestor) {
  if (schema == ancestor) return true;
  if (ancestor == Schema::kLegalEntity) return schema != Schema::kVessel && schema != Schema::kAircraft;
  return ancestor == Schema::kOrganization && schema == Schema::kCompany;
}

// "2025-04-19" or "2025-04-19T08:30:00" (with "Z", "+00:00" or nothing: UTC) → "2025-04-19T08:30:00Z".
Result<std::string> parse_changed_since(const std::string& text) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
    }
    return true;
  };
  bool date_ok = text.size() >= 10 && digits(0, 4) && text[4] == '-' && digits(5, 2) && text[7] == '-' && digits(8, 2);
  if (date_ok && text.size() == 10) return text + "T00:00:00Z";
  if (date_ok && text.size() >= 19 && (text[10] == 'T' || text[10] == ' ') && digits(11, 2) && text[13] == ':' &&
      digits(14, 2) && text[16] == ':' && digits(17, 2)) {
    std::string rest = text.substr(19);
    size_t fraction = 0;
    if (!rest.empty() && rest[0] == '.') {
      fraction = 1;
      while (fraction < rest.size() && std::isdigit(static_cast<unsigned char>(rest[fraction]))) ++fraction;
    }
    rest = rest.substr(fraction);
    if (rest.empty() || rest == "Z" || rest == "+00:00") return text.substr(0, 10) + "T" + text.substr(11, 8) + "Z";
  }
  return invalid_argument("changed_since: expected a UTC date or time (2025-04-19 or 2025-04-19T08:30:00Z), got '" +
                          text + "'");
}

bool any_topic(const std::vector<std::string>& have, const std::vector<std::string>& wanted) {
  for (const std::string& w : wanted) {
    if (std::find(have.begin(), have.end(), w) != have.end()) return true;
  }
  return false;
}

}  // namespace

Result<YenteFilters> parse_yente_filters(const HttpRequest& req, std::string collection_topic) {
  YenteFilters f;
  f.collection_topic = std::move(collection_topic);
  for (std::string& t : query_list(req, "topics")) {
    if (!is_topic_name(t)) {
      return invalid_argument("topics: '" + t + "' is not a FollowTheMoney topic (such as sanction, export.control)");
    }
    f.topics.push_back(std::move(t));
  }
  for (const std::string& name : query_list(req, "exclude_schema")) {
    Result<Schema> schema = parse_schema(name);
    if (!schema.ok()) {
      return invalid_argument(
          "exclude_schema: '" + name +
          "' is not a schema sekisho lists (Person, Organization, Company, LegalEntity, Vessel, Aircraft)");
    }
    f.exclude_schemas.push_back(*schema);
  }
  f.exclude_ids = query_list(req, "exclude_entity_ids");
  if (req.has_param("changed_since")) {
    SEKISHO_ASSIGN_OR_RETURN(f.changed_since, parse_changed_since(std::string(trim(req.param("changed_since")))));
  }
  for (const std::string& c : query_list(req, "countries")) {
    std::string code = ftm_country(c);
    // Two letters pass as they are: FtM has codes beyond ISO's ("zz" global, "xk" Kosovo).
    bool two_letters = c.size() == 2 && std::isalpha(static_cast<unsigned char>(c[0])) &&
                       std::isalpha(static_cast<unsigned char>(c[1]));
    if (code.empty() && two_letters) code = to_lower_ascii(c);
    if (code.empty()) return invalid_argument("countries: '" + c + "' is not a country code or name sekisho knows");
    f.countries.push_back(code);
  }
  if (req.has_param("group")) {
    std::string g = req.param("group");
    if (g != "true" && g != "false") return invalid_argument("group: expected true or false, got '" + g + "'");
    f.group = g == "true";
  }
  return f;
}

std::vector<YenteHit> filter_yente_hits(const Snapshot& snapshot, const std::vector<ScreenHit>& hits,
                                        const YenteFilters& filters) {
  std::vector<YenteHit> out;
  std::vector<int> groups_taken;
  for (const ScreenHit& hit : hits) {
    Snapshot::Located at = snapshot.find(hit.entity->id);
    if (at.entity == nullptr) continue;
    if (filters.group && at.facts->group >= 0) {
      // The first hit of a group is its best: the hits come best first.
      if (std::find(groups_taken.begin(), groups_taken.end(), at.facts->group) != groups_taken.end()) continue;
      groups_taken.push_back(at.facts->group);
    }
    std::vector<Snapshot::Located> members = group_members(snapshot, at, filters.group);
    std::vector<std::string> topics, countries;
    std::string last_change;
    bool excluded = false;
    for (const Snapshot::Located& m : members) {
      for (std::string& t : entity_topics(*m.entity, *m.list)) topics.push_back(std::move(t));
      for (const auto* values : {&m.entity->countries, &m.entity->nationalities}) {
        for (const std::string& c : *values) countries.push_back(ftm_country(c));
      }
      last_change = std::max(last_change, m.facts->last_change);
      for (const std::string& id : filters.exclude_ids) {
        excluded = excluded || id == m.entity->id || id == m.facts->yente_id;
      }
    }
    if (excluded) continue;
    if (!filters.collection_topic.empty() && !any_topic(topics, {filters.collection_topic})) continue;
    if (!filters.topics.empty() && !any_topic(topics, filters.topics)) continue;
    if (!filters.countries.empty() && !any_topic(countries, filters.countries)) continue;
    bool schema_out = false;
    for (Schema s : filters.exclude_schemas) schema_out = schema_out || is_a(at.entity->schema, s);
    if (schema_out) continue;
    // An unknown change time (no history) never hides a hit.
    if (!filters.changed_since.empty() && !last_change.empty() && last_change < filters.changed_since) continue;
    out.push_back({&hit, at});
  }
  return out;
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
  if (schema == example.end() || !schema->is_string())
    return invalid_argument("schema: missing (Person, Company, ...)");
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
  SEKISHO_ASSIGN_OR_RETURN(ScreenQuery checked,
                           make_query(out.names.front(), schema->get<std::string>(), "", "", "", gender));
  out.query.schema = checked.schema;
  out.query.gender = checked.gender;
  out.echo = {{"schema", std::string(schema_name(checked.schema))}, {"properties", std::move(echo_props)}};
  if (auto id = example.find("id"); id != example.end() && id->is_string()) out.echo["id"] = *id;
  return out;
}

}  // namespace sekisho::server
