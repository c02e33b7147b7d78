// UK Sanctions List full CSV (uk-csv).
//
// No real copy of UK-Sanctions-List.csv is available here (every snapshot is
// over 4 MiB), so the fixture tests/fixtures/uk/uk_sanctions_list_sample.csv
// was written by hand for these tests: the "Report Date:" first line and the
// 58-column header follow the published format; the four designations
// (RUS9001 … AQD9004) are invented, with one row per name and per address as
// in the real file.
#include <gtest/gtest.h>

#include "lists/zip_fixture.hpp"
#include "sekisho/lists.hpp"

namespace sekisho {
namespace {

const std::string kSample = std::string(SEKISHO_TEST_FIXTURES) + "/uk/uk_sanctions_list_sample.csv";

const Entity* find(const ParsedList& list, const std::string& source_id) {
  for (const Entity& e : list.entities) {
    if (e.source_id == source_id) return &e;
  }
  return nullptr;
}

const Name* name_of(const Entity& e, std::string_view full) {
  for (const Name& n : e.names) {
    if (n.full == full) return &n;
  }
  return nullptr;
}

TEST(UkCsv, RowsSharingAUniqueIdAreOneEntity) {
  auto r = parse_list("uk-csv", {kSample});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->publication_date, "2025-08-11");
  ASSERT_EQ(r->entities.size(), 4u);  // 13 data rows, 4 Unique IDs

  const Entity* p = find(*r, "RUS9001");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->id, "gb_fcdo_sanctions-RUS9001");
  EXPECT_EQ(p->schema, Schema::kPerson);
  EXPECT_EQ(p->caption, "Pyotr Sergeyevich IVANENKO");
  const Name* primary = p->primary_name();
  ASSERT_NE(primary, nullptr);
  EXPECT_EQ(primary->first, "Pyotr");
  EXPECT_EQ(primary->middle, "Sergeyevich");
  EXPECT_EQ(primary->last, "IVANENKO");
  ASSERT_NE(name_of(*p, "Petr IVANENKO"), nullptr);
  EXPECT_EQ(name_of(*p, "Petr IVANENKO")->kind, NameKind::kAlias);
  EXPECT_EQ(name_of(*p, "Petr IVANENKO")->quality, "good");
  ASSERT_NE(name_of(*p, "Petro IVANENKO"), nullptr);
  EXPECT_EQ(name_of(*p, "Petro IVANENKO")->kind, NameKind::kWeakAlias);
  ASSERT_NE(name_of(*p, "Иваненко Пётр Сергеевич"), nullptr);
  EXPECT_EQ(name_of(*p, "Иваненко Пётр Сергеевич")->lang, "ru");
  EXPECT_EQ(p->names.size(), 4u);  // the primary name repeated on the address row is not duplicated
  ASSERT_EQ(p->addresses.size(), 2u);
  EXPECT_EQ(p->addresses[0].full, "12 Lenina Street, Examplesk, 123456, Russia");
  EXPECT_EQ(p->addresses[0].city, "Examplesk");
  ASSERT_EQ(p->birth_dates.size(), 1u);
  EXPECT_EQ(p->birth_dates[0].date.iso(), "1961-05-17");
  EXPECT_EQ(p->birth_places, (std::vector<std::string>{"Examplesk, Russia"}));
  EXPECT_EQ(p->gender, "male");
  EXPECT_EQ(p->listed_on, "2022-02-24");
  ASSERT_FALSE(p->identifiers.empty());
  EXPECT_EQ(p->identifiers[0].type, "passport");
  EXPECT_EQ(p->identifiers[0].value, "721234567");
  EXPECT_NE(std::find(p->remarks.begin(), p->remarks.end(), "Sanctions imposed: Travel Ban"), p->remarks.end());
  EXPECT_NE(p->raw.find("\"line\":6"), std::string::npos) << p->raw;  // all four rows kept, with their lines

  const Entity* org = find(*r, "RUS9002");
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(org->schema, Schema::kOrganization);
  EXPECT_EQ(org->caption, "JOINT STOCK COMPANY EXAMPLE DEFENCE SYSTEMS");
  ASSERT_NE(name_of(*org, "AO EXAMPLE DEFENCE SYSTEMS"), nullptr);
  EXPECT_EQ(name_of(*org, "AO EXAMPLE DEFENCE SYSTEMS")->quality, "variation");
  EXPECT_NE(std::find(org->remarks.begin(), org->remarks.end(),
                      "Other information: Parent company: EXAMPLE HOLDING, JSC.\nRegistered 2004."),
            org->remarks.end());

  const Entity* ship = find(*r, "RUS9003");
  ASSERT_NE(ship, nullptr);
  EXPECT_EQ(ship->schema, Schema::kVessel);
  bool imo = false;
  for (const Identifier& id : ship->identifiers) imo |= id.type == "imo" && id.value == "IMO9000001";
  EXPECT_TRUE(imo);
  EXPECT_EQ(ship->countries, (std::vector<std::string>{"Gabon"}));

  const Entity* un = find(*r, "AQD9004");
  ASSERT_NE(un, nullptr);
  ASSERT_EQ(un->birth_dates.size(), 1u);
  EXPECT_EQ(un->birth_dates[0].date.iso(), "1975");  // 00/00/1975: year only
  EXPECT_EQ(un->nationalities, (std::vector<std::string>{"Egypt", "Sudan"}));
  EXPECT_EQ(name_of(*un, "عبد الله محمد الإكزامبلي")->lang, "ar");
}

TEST(UkCsvErrors, NameFileLineAndColumn) {
  auto dir = testing::temp_dir("ukcsv");
  const std::string header =
      "Last Updated,Unique ID,OFSI Group ID,Name 6,Name 1,Name type,Regime Name,Designation Type\n";
  testing::write_file(dir / "badtype.csv", "Report Date: 11-Aug-2025\n" + header +
                                               "01/01/2024,RUS1,1,ACME,,Primary Name,Russia,Entity\n"
                                               "01/01/2024,RUS1,1,ACME,,Nickname,Russia,Entity\n");
  auto r = parse_list("uk-csv", {dir / "badtype.csv"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("badtype.csv:4: Name type: unknown name type 'Nickname'"), std::string::npos)
      << r.status().message();

  testing::write_file(dir / "nocol.csv", "Unique ID,Name 6,Name type\nRUS1,ACME,Primary Name\n");
  auto r2 = parse_list("uk-csv", {dir / "nocol.csv"});
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("nocol.csv:1: header has no 'Regime Name' column"), std::string::npos)
      << r2.status().message();

  testing::write_file(dir / "empty.csv", "");
  auto r3 = parse_list("uk-csv", {dir / "empty.csv"});
  ASSERT_FALSE(r3.ok());
  EXPECT_NE(r3.status().message().find("empty.csv"), std::string::npos);
}

}  // namespace
}  // namespace sekisho
