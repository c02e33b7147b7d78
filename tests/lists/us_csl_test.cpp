// us-csl on the two real CSV layouts of the Consolidated Screening List.
#include <gtest/gtest.h>

#include <set>

#include "lists/list_test_util.hpp"
#include "sekisho/lists.hpp"

namespace sekisho {
namespace {

using namespace sekisho::testing;

const std::filesystem::path kNew = shared_data("us_csl/consolidated_sample_2025-06.csv");
const std::filesystem::path kOld = shared_data("us_csl/csl_2019-12.csv");

ParsedList parse_ok(const std::filesystem::path& p) {
  auto r = parse_list("us-csl", {p});
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? std::move(r).value() : ParsedList{};
}

TEST(UsCsl, BothLayoutsParseEveryRow) {
  EXPECT_EQ(parse_ok(kNew).entities.size(), 13u);
  EXPECT_EQ(parse_ok(kOld).entities.size(), 115u);
}

TEST(UsCsl, NewLayoutPersonWithIdsTypeFirst) {
  ParsedList list = parse_ok(kNew);
  const Entity* e = find_by_caption(list.entities, "RIM, Ryong Nam");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->id, "us_trade_csl-52291");  // the row's _id
  EXPECT_EQ(e->schema, Schema::kPerson);
  ASSERT_EQ(e->identifiers.size(), 1u);
  EXPECT_EQ(e->identifiers[0].type, "passport");
  EXPECT_EQ(e->identifiers[0].value, "836238033");
  EXPECT_EQ(e->identifiers[0].country, "KP");
  EXPECT_EQ(e->gender, "male");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].date.iso(), "1978-12-05");
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"KP"});
  ASSERT_EQ(e->addresses.size(), 2u);
  EXPECT_EQ(e->addresses[1].full, "Pyongyang, KP");
  EXPECT_EQ(e->addresses[1].country, "KP");
  EXPECT_TRUE(contains(e->programs, "NPWMD"));
  EXPECT_TRUE(contains(e->programs, "Specially Designated Nationals (SDN) - Treasury Department"));
}

TEST(UsCsl, NewLayoutBankWithAliasesSwiftAndStatements) {
  ParsedList list = parse_ok(kNew);
  const Entity* e = find_by_caption(list.entities, "SME BANK");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kOrganization);
  EXPECT_EQ(e->names.size(), 6u);  // primary + 5 alt_names
  EXPECT_TRUE(has_name(*e, "JSC SME BANK", NameKind::kAlias));
  EXPECT_TRUE(has_identifier(*e, "swift_bic", "RUDVRUMM"));
  EXPECT_TRUE(has_identifier(*e, "registration", "1027739108649"));
  EXPECT_TRUE(contains(e->remarks, "Website: mspbank.ru"));
  bool directive = false;
  for (const std::string& r : e->remarks)
    directive |= r == "Executive Order 13662 Directive Determination: Subject to Directive 1";
  EXPECT_TRUE(directive);
}

TEST(UsCsl, OldLayoutIdsTypeLastAndVessels) {
  ParsedList list = parse_ok(kOld);
  const Entity* psa = find_by_caption(list.entities, "200G PSA HOLDINGS LLC");
  ASSERT_NE(psa, nullptr);
  EXPECT_EQ(psa->id, "us_trade_csl-SDN-20264");
  ASSERT_EQ(psa->identifiers.size(), 1u);
  EXPECT_EQ(psa->identifiers[0].type, "tax_id");
  EXPECT_EQ(psa->identifiers[0].value, "80-0890696");
  EXPECT_EQ(psa->identifiers[0].country, "US");
  const Entity* ship = find_by_caption(list.entities, "ADRIAN DARYA 1");
  ASSERT_NE(ship, nullptr);
  EXPECT_EQ(ship->schema, Schema::kVessel);
  EXPECT_TRUE(has_identifier(*ship, "imo", "9116412"));
  EXPECT_TRUE(has_name(*ship, "GRACE 1", NameKind::kAlias));
  EXPECT_TRUE(contains(ship->countries, "Iran"));
  EXPECT_TRUE(contains(ship->remarks, "Former Vessel Flag: Panama"));
}

TEST(UsCsl, RowsWithoutEntityNumberGetDistinctStableIds) {
  ParsedList a = parse_ok(kOld), b = parse_ok(kOld);
  std::set<std::string> ids;
  int migeotte = 0;
  for (const Entity& e : a.entities) {
    ids.insert(e.id);
    if (e.caption == "Gunther Migeotte") {
      ++migeotte;
      EXPECT_EQ(e.id.rfind("us_trade_csl-EL-", 0), 0u) << e.id;
    }
  }
  EXPECT_EQ(migeotte, 5);
  EXPECT_EQ(ids.size(), 115u);
  for (size_t i = 0; i < a.entities.size(); ++i) EXPECT_EQ(a.entities[i].id, b.entities[i].id);
}

TEST(UsCsl, ShortRowNamesFileAndLine) {
  auto r = parse_list("us-csl", {fixture("csl/short_row.csv")});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("short_row.csv:3: expected 28 fields (as in the header), found 8"),
            std::string::npos)
      << r.status().message();
}

TEST(UsCsl, MissingColumnAndBadUtf8) {
  TempDir tmp;
  std::string bytes = read_file(kNew);
  bytes.replace(bytes.find(",name,"), 6, ",nom,");
  auto r = parse_list("us-csl", {tmp.write("csl.csv", bytes)});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("csl.csv:1: missing column 'name'"), std::string::npos) << r.status().message();
  std::string bad = read_file(kOld);
  bad.insert(bad.find('\n') + 1 + 5, "\xC0\xAF");  // overlong "/", after 5 bytes of line 2
  auto r2 = parse_list("us-csl", {tmp.write("bad.csv", bad)});
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("bad.csv:2:6: invalid UTF-8"), std::string::npos) << r2.status().message();
}

}  // namespace
}  // namespace sekisho
