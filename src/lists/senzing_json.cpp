// Senzing entity-resolution JSON: one record per line (JSON lines) or one
// JSON array of records. OpenSanctions and watchman publish lists this way.
//
// A record is {DATA_SOURCE, RECORD_ID, RECORD_TYPE, ...features}. Features
// come either flat on the record ("NAME_FULL": …, "DATE_OF_BIRTH": …) or in
// arrays of feature objects (NAMES, DATES, COUNTRIES, IDENTIFIERS, ADDRESSES…);
// Senzing treats both the same, so we read every object of every array plus
// the record itself as one feature bag. Names: NAME_TYPE (PRIMARY, AKA, …)
// with NAME_FULL, NAME_ORG, or NAME_FIRST / NAME_MIDDLE / NAME_LAST.
#include <nlohmann/json.hpp>

#include "core/strings.hpp"
#include "io/source_file.hpp"
#include "io/text_script.hpp"
#include "lists/parsers.hpp"
#include "lists/record_builder.hpp"

namespace sekisho::parsers {

namespace {

using json = nlohmann::json;
constexpr std::string_view kFormat = "senzing";

std::string str(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return {};
  if (it->is_string()) return std::string(trim(it->get_ref<const std::string&>()));
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return {};
}

Schema schema_of(std::string_view record_type) {
  std::string t = to_lower_ascii(record_type);
  if (t == "person") return Schema::kPerson;
  if (t == "organization" || t == "organisation") return Schema::kOrganization;
  if (t == "vessel") return Schema::kVessel;
  if (t == "aircraft") return Schema::kAircraft;
  return Schema::kLegalEntity;
}

// The name held by one feature object, or an empty Name.
Name name_of(const json& f) {
  Name n;
  n.first = str(f, "NAME_FIRST");
  n.middle = str(f, "NAME_MIDDLE");
  n.last = str(f, "NAME_LAST");
  n.full = str(f, "NAME_FULL");
  if (n.full.empty()) n.full = str(f, "NAME_ORG");
  if (n.full.empty()) {
    std::vector<std::string> parts;
    for (const std::string* p : {&n.first, &n.middle, &n.last}) {
      if (!p->empty()) parts.push_back(*p);
    }
    n.full = join(parts, " ");
  }
  std::string type = to_lower_ascii(str(f, "NAME_TYPE"));
  if (type.empty() || type == "primary") {
    n.kind = NameKind::kPrimary;
  } else if (type == "former" || type == "previous") {
    n.kind = NameKind::kFormerName;
  } else {
    n.kind = NameKind::kAlias;
  }
  if (n.kind != NameKind::kPrimary && has_non_latin_letters(n.full)) n.kind = NameKind::kOriginalScript;
  return n;
}

void add_features(Entity& e, const json& f) {
  Name n = name_of(f);
  if (!n.full.empty()) {
    // Only the first primary name stays primary.
    if (n.kind == NameKind::kPrimary && e.primary_name() && e.primary_name()->kind == NameKind::kPrimary) {
      n.kind = NameKind::kAlias;
    }
    e.add_name(std::move(n));
  }
  std::string dob = str(f, "DATE_OF_BIRTH");
  if (!dob.empty()) e.birth_dates.push_back(parse_date_loose(dob));
  for (const char* key : {"NATIONALITY"}) add_unique(e.nationalities, str(f, key));
  for (const char* key : {"CITIZENSHIP", "REGISTRATION_COUNTRY", "COUNTRY_OF_ASSOCIATION"}) {
    add_unique(e.countries, str(f, key));
  }
  std::string gender = to_lower_ascii(str(f, "GENDER"));
  if (gender == "m") gender = "male";
  if (gender == "f") gender = "female";
  if (!gender.empty() && e.gender.empty()) e.gender = gender;
  static const std::pair<const char*, const char*> kIds[] = {
      {"PASSPORT_NUMBER", "passport"}, {"NATIONAL_ID_NUMBER", "national_id"}, {"TAX_ID_NUMBER", "tax_id"},
      {"LEI_NUMBER", "lei"},           {"SSN_NUMBER", "national_id"},         {"DRIVERS_LICENSE_NUMBER", "other"},
  };
  for (const auto& [key, type] : kIds) {
    std::string v = str(f, key);
    if (!v.empty()) e.identifiers.push_back(Identifier{.type = type, .value = v});
  }
  std::string addr = str(f, "ADDR_FULL");
  std::string addr_country = str(f, "ADDR_COUNTRY");
  if (!addr.empty() || !addr_country.empty()) {
    e.addresses.push_back(Address{.full = addr.empty() ? addr_country : addr, .country = addr_country});
  }
  std::string topic = str(f, "TOPIC");
  if (!topic.empty()) e.remarks.push_back("topic: " + topic);
}

Result<Entity> record_to_entity(const json& rec, const std::string& where, const ParseOptions& options) {
  if (!rec.is_object()) return parse_error(where + ": record is not a JSON object");
  std::string id = str(rec, "RECORD_ID");
  if (id.empty()) return parse_error(where + ": field RECORD_ID is missing or empty");
  Entity e;
  e.schema = schema_of(str(rec, "RECORD_TYPE"));
  add_features(e, rec);
  for (const auto& [key, value] : rec.items()) {
    if (!value.is_array()) continue;
    for (const json& f : value) {
      if (f.is_object()) add_features(e, f);
    }
  }
  if (e.names.empty())
    return parse_error(where + ": record " + id + " has no name (NAMES[].NAME_FULL, NAME_ORG or NAME_FIRST/NAME_LAST)");
  // Without RECORD_TYPE, a record with person-name parts is a person.
  if (e.schema == Schema::kLegalEntity && (!e.names[0].first.empty() || !e.names[0].last.empty())) {
    e.schema = Schema::kPerson;
  }
  e.raw = rec.dump(-1, ' ', false, json::error_handler_t::replace);
  finish_entity(e, options.list_id, id);
  return e;
}

}  // namespace

Result<ParsedList> parse_senzing_json(const Paths& paths, const ParseOptions& options) {
  SEKISHO_ASSIGN_OR_RETURN(std::filesystem::path path, resolve_single(paths, ".json", kFormat));
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  ParsedList list;
  list.files.push_back(file.meta);
  std::string_view body = trim(text_body(file));
  if (!body.empty() && body.front() == '[') {
    json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return parse_error(file.meta.path + ": not valid JSON (expected an array of records)");
    for (size_t i = 0; i < doc.size(); ++i) {
      std::string where = file.meta.path + ": record " + std::to_string(i + 1);
      SEKISHO_ASSIGN_OR_RETURN(Entity e, record_to_entity(doc[i], where, options));
      list.entities.push_back(std::move(e));
    }
  } else {
    size_t line_no = 0, pos = 0;
    while (pos < body.size()) {
      size_t end = body.find('\n', pos);
      if (end == std::string_view::npos) end = body.size();
      std::string_view line = trim(body.substr(pos, end - pos));
      ++line_no;
      pos = end + 1;
      if (line.empty()) continue;
      std::string where = file.meta.path + ":" + std::to_string(line_no);
      json rec = json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (rec.is_discarded()) return parse_error(where + ": not valid JSON");
      SEKISHO_ASSIGN_OR_RETURN(Entity e, record_to_entity(rec, where, options));
      list.entities.push_back(std::move(e));
    }
  }
  if (list.entities.empty()) return parse_error(file.meta.path + ": no records");
  return list;
}

}  // namespace sekisho::parsers
