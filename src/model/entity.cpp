#include "sekisho/entity.hpp"

#include <algorithm>

namespace sekisho {

namespace {
constexpr std::string_view kSchemaNames[] = {"LegalEntity", "Person", "Organization", "Company", "Vessel", "Aircraft"};
constexpr std::string_view kNameKindNames[] = {"primary", "alias", "weak_alias", "former_name", "original_script"};
}  // namespace

std::string_view schema_name(Schema schema) { return kSchemaNames[static_cast<int>(schema)]; }

Result<Schema> parse_schema(std::string_view name) {
  for (size_t i = 0; i < std::size(kSchemaNames); ++i) {
    if (kSchemaNames[i] == name) return static_cast<Schema>(i);
  }
  // FTM schemata that screening treats as their nearest party kind.
  if (name == "PublicBody") return Schema::kOrganization;
  if (name == "Airplane") return Schema::kAircraft;
  if (name == "Thing" || name == "Asset") return Schema::kLegalEntity;
  return invalid_argument("unknown schema '" + std::string(name) +
                          "' (expected Person, Organization, Company, LegalEntity, Vessel or Aircraft)");
}

bool schema_compatible(Schema query, Schema listed) {
  if (query == listed) return true;
  if (query == Schema::kLegalEntity || listed == Schema::kLegalEntity) {
    // LegalEntity stands for any party, but not for things.
    Schema other = query == Schema::kLegalEntity ? listed : query;
    return other != Schema::kVessel && other != Schema::kAircraft;
  }
  // Companies are organisations; lists often blur the two.
  auto is_org = [](Schema s) { return s == Schema::kOrganization || s == Schema::kCompany; };
  return is_org(query) && is_org(listed);
}

std::string_view name_kind_name(NameKind kind) { return kNameKindNames[static_cast<int>(kind)]; }

Result<NameKind> parse_name_kind(std::string_view name) {
  for (size_t i = 0; i < std::size(kNameKindNames); ++i) {
    if (kNameKindNames[i] == name) return static_cast<NameKind>(i);
  }
  return invalid_argument("unknown name kind '" + std::string(name) + "'");
}

std::string PartialDate::iso() const {
  if (year == 0) return "";
  char buf[32];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

const Name* Entity::primary_name() const {
  for (const Name& n : names) {
    if (n.kind == NameKind::kPrimary) return &n;
  }
  return names.empty() ? nullptr : &names.front();
}

void Entity::add_name(Name name) {
  if (name.full.empty()) return;
  for (const Name& n : names) {
    if (n.kind == name.kind && n.full == name.full) return;
  }
  names.push_back(std::move(name));
}

std::string make_entity_id(std::string_view list_id, std::string_view source_id) {
  std::string id(list_id);
  id += '-';
  for (char c : source_id) {
    // Ids travel in URLs and CSV cells: keep them to a safe alphabet.
    unsigned char u = static_cast<unsigned char>(c);
    bool safe = std::isalnum(u) || c == '-' || c == '_' || c == '.' || u >= 0x80;
    id += safe ? c : '_';
  }
  return id;
}

}  // namespace sekisho
