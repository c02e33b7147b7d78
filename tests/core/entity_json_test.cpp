#include <gtest/gtest.h>

#include "sekisho/entity.hpp"
#include "support/entity_json_reference.hpp"

namespace sekisho {
namespace {

Entity sample() {
  Entity e;
  e.id = make_entity_id("un_sc_sanctions", "QDi.001/x");
  e.source_id = "QDi.001";
  e.schema = Schema::kPerson;
  e.caption = "Захарова Мария";
  e.add_name({.full = "Захарова Мария", .kind = NameKind::kPrimary, .lang = "ru"});
  e.add_name({.full = "Maria Zakharova", .kind = NameKind::kWeakAlias, .quality = "low"});
  e.add_name({.full = "Maria Zakharova", .kind = NameKind::kWeakAlias});  // duplicate: ignored
  e.birth_dates.push_back(parse_date_loose("circa 1975"));
  e.identifiers.push_back({"passport", "X123", "RU", ""});
  e.addresses.push_back({.full = "Moscow", .city = "Moscow", .country = "Russia"});
  e.programs = {"RUSSIA-EO14024"};
  return e;
}

TEST(EntityJson, RoundTripsEveryField) {
  Entity e = sample();
  EXPECT_EQ(e.id, "un_sc_sanctions-QDi.001_x");
  EXPECT_EQ(e.names.size(), 2u);
  auto back = entity_from_json(entity_to_json(e));
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(entity_to_json(*back), entity_to_json(e));
  EXPECT_EQ(back->names[1].kind, NameKind::kWeakAlias);
  EXPECT_EQ(back->birth_dates[0].date.iso(), "1975");
  EXPECT_TRUE(back->birth_dates[0].circa);
  EXPECT_TRUE(changed_fields(e, *back).empty());
}

TEST(EntityJson, DirectWriterEqualsTreeReference) {
  Entity e = sample();
  EXPECT_EQ(entity_to_json(e), entity_to_json_reference(e));
  // Escapes, control characters and invalid UTF-8 are written the same way.
  e.remarks = {"quote \" backslash \\ tab\t nl\n bell\x07", "bad \xff\xfe utf8", "日本語 Кириллица"};
  e.raw = "<a x='1'>\r\n</a>";
  EXPECT_EQ(entity_to_json(e), entity_to_json_reference(e));
  Entity empty;
  EXPECT_EQ(entity_to_json(empty), entity_to_json_reference(empty));
}

TEST(EntityJson, ChangedFieldsNamesWhatDiffers) {
  Entity a = sample();
  Entity b = sample();
  b.addresses[0].city = "St Petersburg";
  b.programs.push_back("UKRAINE-EO13660");
  auto fields = changed_fields(a, b);
  EXPECT_EQ(fields, (std::vector<std::string>{"addresses", "programs"}));
}

TEST(EntityJson, RejectsUnknownSchema) {
  auto r = entity_from_json(R"({"id":"x","schema":"Spaceship","caption":"x","names":[]})");
  EXPECT_FALSE(r.ok());
}

TEST(Schema, Compatibility) {
  EXPECT_TRUE(schema_compatible(Schema::kCompany, Schema::kOrganization));
  EXPECT_TRUE(schema_compatible(Schema::kLegalEntity, Schema::kPerson));
  EXPECT_FALSE(schema_compatible(Schema::kPerson, Schema::kCompany));
  EXPECT_FALSE(schema_compatible(Schema::kLegalEntity, Schema::kVessel));
}

}  // namespace
}  // namespace sekisho
