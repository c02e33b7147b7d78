// Entities in FollowTheMoney's JSON shape (see ftm_json.hpp).
#include "wire/ftm_json.hpp"

#include <algorithm>

#include "core/strings.hpp"
#include "sekisho/text.hpp"

namespace sekisho {

namespace {

void add(nlohmann::json& props, const char* prop, const std::string& value) {
  if (value.empty()) return;
  nlohmann::json& values = props[prop];
  if (!values.is_array()) values = nlohmann::json::array();
  for (const auto& v : values) {
    if (v == value) return;
  }
  values.push_back(value);
}

const char* name_property(NameKind kind) {
  switch (kind) {
    case NameKind::kPrimary:
      return "name";
    case NameKind::kWeakAlias:
      return "weakAlias";
    case NameKind::kFormerName:
      return "previousName";
    case NameKind::kAlias:
    case NameKind::kOriginalScript:
      return "alias";
  }
  return "alias";
}

// FtM puts an identifier in a typed property where one exists; the rest is idNumber.
struct IdentifierProperty {
  const char* type;      // Identifier::type
  const char* property;  // FtM property
};
constexpr IdentifierProperty kIdentifierProperties[] = {
    {"passport", "passportNumber"},
    {"tax_id", "taxNumber"},
    {"imo", "imoNumber"},
    {"mmsi", "mmsi"},
    {"call_sign", "callSign"},
    {"lei", "leiCode"},
    {"registration", "registrationNumber"},
    {"swift_bic", "swiftBic"},
    {"other", "idNumber"},
    {"website", "website"},
    {"email", "email"},
    {"phone", "phone"},
};

const char* identifier_property(const std::string& type, Schema schema) {
  if (type == "passport" && schema != Schema::kPerson) return "idNumber";
  for (const IdentifierProperty& p : kIdentifierProperties) {
    if (type == p.type) return p.property;
  }
  return "idNumber";
}

// A person is born, a company incorporated, a vessel or aircraft built.
const char* date_property(Schema schema) {
  switch (schema) {
    case Schema::kPerson:
      return "birthDate";
    case Schema::kVessel:
    case Schema::kAircraft:
      return "buildDate";
    default:
      return "incorporationDate";
  }
}

std::string address_line(const Address& a) {
  if (!a.full.empty()) return a.full;
  std::vector<std::string> parts;
  for (const std::string* p : {&a.street, &a.city, &a.region, &a.postal_code, &a.country}) {
    if (!p->empty()) parts.push_back(*p);
  }
  return join(parts, ", ");
}

}  // namespace

const char* identifier_type_of_property(std::string_view property) {
  for (const IdentifierProperty& p : kIdentifierProperties) {
    if (property == p.property) return p.type;
  }
  return nullptr;
}

std::string ftm_country(const std::string& name_or_code) { return to_lower_ascii(text::country_code(name_or_code)); }

nlohmann::json ftm_properties(const Entity& e, const ListVersion& list) {
  nlohmann::json props = nlohmann::json::object();
  for (const Name& n : e.names) add(props, name_property(n.kind), n.full);
  if (e.schema == Schema::kPerson) {
    if (const Name* primary = e.primary_name()) {
      add(props, "firstName", primary->first);
      add(props, "middleName", primary->middle);
      add(props, "lastName", primary->last);
      add(props, "fatherName", primary->patronymic);
    }
    for (const std::string& place : e.birth_places) add(props, "birthPlace", place);
    for (const std::string& c : e.nationalities) add(props, "nationality", ftm_country(c));
    add(props, "gender", e.gender);
  } else {
    for (const std::string& c : e.nationalities) add(props, "country", ftm_country(c));
  }
  for (const DateSpec& d : e.birth_dates) add(props, date_property(e.schema), d.empty() ? d.raw : d.date.iso());
  for (const std::string& c : e.countries) add(props, "country", ftm_country(c));
  for (const Identifier& id : e.identifiers) add(props, identifier_property(id.type, e.schema), id.value);
  for (const Address& a : e.addresses) add(props, "address", address_line(a));
  for (const std::string& p : e.programs) add(props, "program", p);
  for (const std::string& r : e.remarks) add(props, "notes", r);
  add(props, "createdAt", e.listed_on);  // the publisher's listing date
  props["topics"] = entity_topics(e, list);
  return props;
}

std::vector<std::string> list_topics(const std::string& format) {
  static const std::vector<std::string> kSanction = {"sanction"};
  static const std::vector<std::string> kExportControl = {"export.control"};
  static const std::vector<std::string> kConsolidated = {"sanction", "export.control", "debarment"};
  for (const char* f : {"ofac-csv", "ofac-cons-csv", "ofac-xml", "un-xml", "eu-fsf-xml", "uk-csv", "uk-ods",
                        "canada-xml", "mof-xlsx", "ftm"}) {
    if (format == f) return kSanction;
  }
  for (const char* f : {"bis-dpl", "us-csl-entity-list", "us-csl-meu", "meti-eul-xlsx", "meti-tokutei"}) {
    if (format == f) return kExportControl;
  }
  if (format == "us-csl") return kConsolidated;
  return {};
}

namespace {

// The CSL names each row's list in `source` ("Entity List (EL) - Bureau of
// Industry and Security"), kept as the entity's first programme.
std::vector<std::string> csl_row_topics(const Entity& e) {
  if (e.programs.empty()) return list_topics("us-csl");
  const std::string& source = e.programs.front();
  size_t open = source.find('('), close = source.find(')', open == std::string::npos ? 0 : open);
  std::string code = open == std::string::npos || close == std::string::npos
                         ? std::string()
                         : source.substr(open + 1, close - open - 1);
  for (const char* export_list : {"EL", "MEU", "UVL", "DPL"}) {
    if (code == export_list) return {"export.control"};
  }
  if (code == "DTC") return {"debarment"};  // ITAR debarred parties
  return {"sanction"};
}

// An OpenSanctions entity's own topics, from its FtM record.
std::vector<std::string> ftm_record_topics(const Entity& e) {
  nlohmann::json record = nlohmann::json::parse(e.raw, nullptr, false);
  std::vector<std::string> out;
  if (!record.is_object() || !record.contains("properties") || !record["properties"].is_object()) return out;
  const nlohmann::json& topics = record["properties"].value("topics", nlohmann::json::array());
  for (const nlohmann::json& t : topics) {
    if (t.is_string()) out.push_back(t.get<std::string>());
  }
  return out;
}

}  // namespace

std::vector<std::string> entity_topics(const Entity& e, const ListVersion& list) {
  if (list.format == "us-csl") return csl_row_topics(e);
  if (list.format == "ftm") {
    std::vector<std::string> own = ftm_record_topics(e);
    if (!own.empty()) return own;
  }
  return list_topics(list.format);
}

void merge_ftm_properties(nlohmann::json& into, const nlohmann::json& from) {
  for (const auto& [prop, values] : from.items()) {
    for (const auto& v : values) add(into, prop.c_str(), v.get<std::string>());
  }
}

}  // namespace sekisho
