// ftm and ftm-delta on OpenSanctions' FollowTheMoney samples (yente fixtures).
#include <gtest/gtest.h>

#include "lists/list_test_util.hpp"
#include "sekisho/lists.hpp"

namespace sekisho {
namespace {

using namespace sekisho::testing;

const std::filesystem::path kFtm = shared_data("opensanctions/ftm");

ParsedList parse_ok(std::string_view format, const std::vector<std::filesystem::path>& paths) {
  auto r = parse_list(format, paths);
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? std::move(r).value() : ParsedList{};
}

TEST(Ftm, KeepsPartiesAndSkipsOtherSchemata) {
  // zala: 11 Company + 6 Person among 91 lines (Sanction, Ownership, Address, Family…).
  ParsedList zala = parse_ok("ftm", {kFtm / "zala_entities.ftm.json"});
  EXPECT_EQ(zala.entities.size(), 17u);
  EXPECT_FALSE(zala.is_delta);
  // parteispenden: 56 Company + 22 Person + 18 Organization; 290 Payments skipped.
  ParsedList spenden = parse_ok("ftm", {kFtm / "parteispenden_entities.ftm.json"});
  EXPECT_EQ(spenden.entities.size(), 96u);
  ParsedList t1 = parse_ok("ftm", {kFtm / "t1_entities.ftm.json"});
  EXPECT_EQ(t1.entities.size(), 6u);
}

TEST(Ftm, PersonPropertiesMapToTheEntity) {
  ParsedList zala = parse_ok("ftm", {kFtm / "zala_entities.ftm.json"});
  const Entity* e = find_by_id(zala.entities, "opensanctions-NK-2Tbri3s6GgNtAwsSXh4qpL");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->caption, "OSETROVA, Maria Aleksandrovna");  // first `name`, not FTM's own caption
  EXPECT_EQ(e->names[0].first, "Mariya Aleksandrovna");
  EXPECT_EQ(e->names[0].last, "Osetrova");
  EXPECT_EQ(e->names[0].patronymic, "АЛЕКСАНДРОВНА");
  EXPECT_TRUE(has_name(*e, "Мария Александровна Осетрова", NameKind::kOriginalScript));
  EXPECT_TRUE(has_name(*e, "Zakharova Mariia Oleksandrivna", NameKind::kAlias));
  EXPECT_TRUE(has_name(*e, "Maria Aleksandrovna Zakharova", NameKind::kFormerName));
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].date.iso(), "1988-01-07");
  EXPECT_EQ(e->birth_places, (std::vector<std::string>{"Russia", "Izhevsk"}));
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"ru"});
  EXPECT_EQ(e->gender, "female");
  EXPECT_TRUE(has_identifier(*e, "national_id", "183116181362"));
  EXPECT_TRUE(has_identifier(*e, "tax_id", "183116181362"));
  int tax_ids = 0;
  for (const Identifier& id : e->identifiers) tax_ids += id.type == "tax_id";
  EXPECT_EQ(tax_ids, 1);  // innCode and taxNumber give the same number once
  EXPECT_TRUE(contains(e->programs, "US-RUSHAR"));
  EXPECT_TRUE(contains(e->remarks, "topics: debarment, corp.disqual, sanction"));
  EXPECT_EQ(e->raw.rfind("{\"id\": \"NK-2Tbri3s6GgNtAwsSXh4qpL\"", 0), 0u);
}

TEST(Ftm, SanctionsAndAddressEntitiesFoldIntoTheirParty) {
  ParsedList zala = parse_ok("ftm", {kFtm / "zala_entities.ftm.json"});
  const Entity* e = find_by_id(zala.entities, "opensanctions-NK-abdzbEBkqyT29GyREbiURZ");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kCompany);
  EXPECT_TRUE(contains(e->programs, "RUSSIA-EO14024"));
  EXPECT_TRUE(contains(e->programs, "Entity List (EL) - Bureau of Industry and Security"));
  EXPECT_EQ(e->listed_on, "2021-10-30");  // the earliest start/listing date of its 41 sanctions
  EXPECT_TRUE(has_name(*e, "ZALA", NameKind::kWeakAlias));
  EXPECT_TRUE(has_identifier(*e, "registration", "1101841007938"));
  bool structured = false;
  for (const Address& a : e->addresses) {
    // Flat in the company's `address` list, structured in its Address entity: one structured copy.
    if (a.full == "9 Salyama Adilya St., Office 3, Moscow, 123154") structured |= a.city == "Moscow";
  }
  EXPECT_TRUE(structured);
  int copies = 0;
  for (const Address& a : e->addresses) copies += a.full == "9 Salyama Adilya St., Office 3, Moscow, 123154";
  EXPECT_EQ(copies, 1);
  EXPECT_EQ(e->countries, std::vector<std::string>{"ru"});
}

TEST(FtmDelta, IndexAppliesVersionsInOrder) {
  ParsedList d = parse_ok("ftm-delta", {kFtm / "t2_delta.json"});
  EXPECT_TRUE(d.is_delta);
  EXPECT_EQ(d.files.size(), 6u);  // the index and its 5 version files
  ASSERT_EQ(d.entities.size(), 3u);
  const Entity* modified = find_by_id(d.entities, "opensanctions-NK-2T3S8Hu29ktYnKSTgQp2wL");
  ASSERT_NE(modified, nullptr);
  EXPECT_EQ(modified->caption, "Foobar Foobargroup");  // the MOD replaced the ADD
  EXPECT_TRUE(has_name(*modified, "IRGC", NameKind::kAlias));
  EXPECT_NE(find_by_id(d.entities, "opensanctions-NK-2sJaJRaPJcWUfMbHjTtWcL"), nullptr);
  const Entity* plotnikov = find_by_id(d.entities, "opensanctions-Q4365364");
  ASSERT_NE(plotnikov, nullptr);
  EXPECT_EQ(plotnikov->birth_dates[0].date.iso(), "1961-11-30");
  // Added then deleted: only the deletion remains.
  EXPECT_EQ(d.deleted_ids, std::vector<std::string>{"opensanctions-NK-500Poltergeist"});
  EXPECT_EQ(find_by_id(d.entities, "opensanctions-NK-500Poltergeist"), nullptr);
}

TEST(FtmDelta, FilesGivenInOrderOrAsVersionDirectory) {
  auto dir = kFtm / "t2_deltas";
  ParsedList by_dir = parse_ok("ftm-delta", {dir});
  EXPECT_EQ(by_dir.entities.size(), 3u);
  EXPECT_EQ(by_dir.deleted_ids.size(), 1u);
  // Only the last two versions: a delete of an id never added, and one add.
  ParsedList tail = parse_ok(
      "ftm-delta", {dir / "20240528074703-npf/entities.delta.json", dir / "20240528134729-3iv/entities.delta.json"});
  EXPECT_EQ(tail.entities.size(), 1u);
  EXPECT_EQ(tail.deleted_ids, std::vector<std::string>{"opensanctions-NK-500Poltergeist"});
  // Reversed order: the DEL comes first, the ADD wins.
  ParsedList reversed = parse_ok(
      "ftm-delta", {dir / "20240528074703-npf/entities.delta.json", dir / "20240528014702-pfh/entities.delta.json"});
  EXPECT_TRUE(reversed.deleted_ids.empty());
  EXPECT_NE(find_by_id(reversed.entities, "opensanctions-NK-500Poltergeist"), nullptr);
}

TEST(FtmDelta, DirectoryWithTwoIndexesIsAmbiguous) {
  auto r = parse_list("ftm-delta", {kFtm});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("several delta indexes (t1_delta.json, t2_delta.json)"), std::string::npos)
      << r.status().message();
}

TEST(Ftm, LineThatIsNotJsonNamesFileAndLine) {
  auto r = parse_list("ftm", {fixture("ftm/broken_line.ftm.json")});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("broken_line.ftm.json:2: not valid JSON"), std::string::npos)
      << r.status().message();
}

TEST(Ftm, TruncatedCopyAndBadDeltaOp) {
  TempDir tmp;
  std::string bytes = read_file(kFtm / "zala_entities.ftm.json");
  size_t line40 = 0;
  for (int i = 0; i < 39; ++i) line40 = bytes.find('\n', line40) + 1;
  auto r = parse_list("ftm", {tmp.write("zala.ftm.json", bytes.substr(0, line40 + 100))});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("zala.ftm.json:40: not valid JSON"), std::string::npos) << r.status().message();
  auto bad_op = tmp.write("x.delta.json",
                          "{\"op\":\"ADD\",\"entity\":{\"id\":\"a\",\"schema\":\"Person\"}}\n"
                          "{\"op\":\"UPSERT\",\"entity\":{\"id\":\"b\"}}\n");
  auto r2 = parse_list("ftm-delta", {bad_op});
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("x.delta.json:2: field op is 'UPSERT'"), std::string::npos)
      << r2.status().message();
}

TEST(Ftm, MissingIdAndInvalidUtf8) {
  TempDir tmp;
  auto no_id = tmp.write("a.ftm.json", "{\"schema\":\"Person\",\"properties\":{\"name\":[\"X\"]}}\n");
  auto r = parse_list("ftm", {no_id});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("a.ftm.json:1: field id is missing"), std::string::npos) << r.status().message();
  auto bad = tmp.write("b.ftm.json", "{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"name\":[\"\xE2\x82\"]}}\n");
  auto r2 = parse_list("ftm", {bad});
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("b.ftm.json:1:"), std::string::npos) << r2.status().message();
}

}  // namespace
}  // namespace sekisho
