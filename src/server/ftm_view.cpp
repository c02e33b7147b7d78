#include "server/ftm_view.hpp"

#include "core/strings.hpp"

namespace sekisho::server {

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
    case NameKind::kPrimary: return "name";
    case NameKind::kWeakAlias: return "weakAlias";
    case NameKind::kFormerName: return "previousName";
    case NameKind::kAlias:
    case NameKind::kOriginalScript: return "alias";
  }
  return "alias";
}

// FtM puts an identifier in a typed property where one exists; the rest is idNumber.
struct IdentifierProperty {
  const char* type;      // Identifier::type
  const char* property;  // FtM property
};
constexpr IdentifierProperty kIdentifierProperties[] = {
    {"passport", "passportNumber"}, {"tax_id", "taxNumber"},    {"imo", "imoNumber"},
    {"mmsi", "mmsi"},               {"call_sign", "callSign"},  {"lei", "leiCode"},
    {"registration", "registrationNumber"}, {"swift_bic", "swiftBic"}, {"other", "idNumber"},
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
    case Schema::kPerson: return "birthDate";
    case Schema::kVessel:
    case Schema::kAircraft: return "buildDate";
    default: return "incorporationDate";
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

nlohmann::json ftm_properties(const Entity& e) {
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
    for (const std::string& c : e.nationalities) add(props, "nationality", c);
    add(props, "gender", e.gender);
  } else {
    for (const std::string& c : e.nationalities) add(props, "country", c);
  }
  for (const DateSpec& d : e.birth_dates) add(props, date_property(e.schema), d.empty() ? d.raw : d.date.iso());
  for (const std::string& c : e.countries) add(props, "country", c);
  for (const Identifier& id : e.identifiers) add(props, identifier_property(id.type, e.schema), id.value);
  for (const Address& a : e.addresses) add(props, "address", address_line(a));
  for (const std::string& p : e.programs) add(props, "program", p);
  for (const std::string& r : e.remarks) add(props, "notes", r);
  add(props, "createdAt", e.listed_on);  // the publisher's listing date
  props["topics"] = nlohmann::json::array({"sanction"});
  return props;
}

nlohmann::json ftm_entity(const Entity& e, const ListVersion& list) {
  return {{"id", e.id},
          {"caption", e.caption},
          {"schema", schema_name(e.schema)},
          {"properties", ftm_properties(e)},
          {"datasets", nlohmann::json::array({list.list_id})},
          {"referents", nlohmann::json::array()},
          {"target", true},
          // sekisho keeps whole versions, not per-entity history: first_seen
          // and last_change are unknown here; last_seen is the version's import.
          {"first_seen", nullptr},
          {"last_seen", list.created_at},
          {"last_change", nullptr}};
}

}  // namespace sekisho::server
