// sekisho/entity.hpp — the entity model every list parser produces.
//
// Modelled on FollowTheMoney (the open standard of the field): a schema, a
// stable id, a caption and typed properties. Names keep their kind and the
// quality the publisher gave them (OFAC strong/weak, UN good/low), because a
// weak alias must score lower than a primary name. The raw source record is
// kept for audit: a later reader can see exactly what the publisher said.
//
//   Entity e;
//   e.id = make_entity_id("un", "QDi.001");
//   e.schema = Schema::kPerson;
//   e.names.push_back(Name{.full = "Usama bin Laden", .kind = NameKind::kPrimary});
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sekisho/status.hpp"

namespace sekisho {

enum class Schema : uint8_t {
  kLegalEntity = 0,  // a party of unknown kind (FTM's common parent)
  kPerson,
  kOrganization,
  kCompany,
  kVessel,
  kAircraft,
};

std::string_view schema_name(Schema schema);  // FTM spelling: "Person", "Company", …
Result<Schema> parse_schema(std::string_view name);
// True when an entity of schema `listed` may be the party a query of `query` asks about.
bool schema_compatible(Schema query, Schema listed);

enum class NameKind : uint8_t {
  kPrimary = 0,     // the publisher's main name
  kAlias,           // a.k.a.; strong / good quality unless `quality` says otherwise
  kWeakAlias,       // OFAC "weak" a.k.a., UN "Low" quality alias
  kFormerName,      // f.k.a., 旧称
  kOriginalScript,  // the name in its own script as published (UN NAME_ORIGINAL_SCRIPT, MOF 日本語表記)
};

std::string_view name_kind_name(NameKind kind);
Result<NameKind> parse_name_kind(std::string_view name);

struct Name {
  std::string full;  // the name as published, trimmed
  NameKind kind = NameKind::kPrimary;
  std::string quality;  // publisher's own label: "strong", "weak", "good", "low", "" if none
  std::string first;    // name parts when the source gives them separately
  std::string middle;
  std::string last;
  std::string patronymic;
  std::string lang;  // ISO 639 code when known ("ja", "ru", "en"), else ""
};

// A date as precise as the source states it: 1960, 1960-05, 1960-05-17.
struct PartialDate {
  int16_t year = 0;  // 0 = unknown
  int8_t month = 0;  // 0 = unknown
  int8_t day = 0;    // 0 = unknown

  bool empty() const { return year == 0; }
  // ISO 8601 at the stated precision: "1960", "1960-05", "1960-05-17".
  std::string iso() const;
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

// A date of birth, registration or listing: exact, partial, a range or "circa".
struct DateSpec {
  PartialDate date;    // the date, or the start of a range
  PartialDate until;   // the end of a range ("between 1960 and 1962"), else empty
  bool circa = false;  // "circa", "approximately", "about"
  std::string raw;     // as written in the source

  bool empty() const { return date.empty(); }
};

// Parses the date spellings lists use: 1960-05-17, 17 May 1960, 17.05.1960,
// 05/17/1960 (month first only when `month_first`), 1960, May 1960,
// "circa 1960", "ca. 1960", "1960 to 1962", "Between 1960 and 1962",
// Excel serial numbers are not handled here (see spreadsheet code).
// Returns an empty DateSpec with `raw` set when nothing could be read.
DateSpec parse_date_loose(std::string_view text, bool month_first = false);

struct Identifier {
  std::string type;     // normalised: "passport", "national_id", "tax_id", "imo", "mmsi", "call_sign", "lei",
                        // "registration", "swift_bic", "other"
  std::string value;    // as published
  std::string country;  // issuing country when given
  std::string note;     // publisher's remark ("issued 2005", "expired")
};

struct Address {
  std::string full;  // one line, as published when not split
  std::string street;
  std::string city;
  std::string region;
  std::string postal_code;
  std::string country;
};

struct Entity {
  std::string id;         // "<list>-<source id>", stable across versions
  std::string source_id;  // the publisher's own id (OFAC ent_num, UN reference number, …)
  Schema schema = Schema::kLegalEntity;
  std::string caption;  // display name: the primary name

  std::vector<Name> names;
  std::vector<DateSpec> birth_dates;  // for vessels/companies: build or incorporation dates
  std::vector<std::string> birth_places;
  std::vector<std::string> nationalities;
  std::vector<std::string> countries;  // citizenship, residence, jurisdiction, flag
  std::vector<Identifier> identifiers;
  std::vector<Address> addresses;
  std::vector<std::string> programs;  // sanction programmes / regimes
  std::string listed_on;              // ISO date of listing when stated
  std::string gender;                 // "male", "female" or ""
  std::vector<std::string> remarks;
  std::string raw;  // the source record, verbatim or as compact JSON

  // The primary name, or the first name of any kind when none is primary.
  const Name* primary_name() const;
  // Adds a name unless the same text of the same kind is already there; ignores empty text.
  void add_name(Name name);
};

std::string make_entity_id(std::string_view list_id, std::string_view source_id);

// The whole entity as one JSON object (stable key order, empty fields omitted).
std::string entity_to_json(const Entity& entity);
Result<Entity> entity_from_json(std::string_view json);

// Field names whose values differ between two versions of one entity ("names", "addresses", …).
std::vector<std::string> changed_fields(const Entity& before, const Entity& after);

}  // namespace sekisho
