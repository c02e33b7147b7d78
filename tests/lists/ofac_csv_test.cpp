// OFAC legacy CSV sets on the real files in shared/data/ofac.
#include <gtest/gtest.h>

#include "lists/ofac_test_util.hpp"
#include "sekisho/lists.hpp"

namespace sekisho {
namespace {

using namespace sekisho::testing;

const ParsedList& sdn2021() { return parsed_once("ofac-csv", shared_data("ofac/sdn_csv_2021-07")); }
const Entity& entity(std::string_view ent_num) { return entity_in(sdn2021(), ent_num); }

TEST(OfacSdn2021, OneEntityPerSdnRowWithSchemaFromSdnType) {
  const ParsedList& list = sdn2021();
  EXPECT_EQ(list.entities.size(), 8976u);
  auto counts = count_by_schema(list.entities);
  // SDN_Type column of sdn.csv: individual 4620, blank 3673, vessel 406, aircraft 277.
  EXPECT_EQ(counts["Person"], 4620);
  EXPECT_EQ(counts["Organization"], 3673);
  EXPECT_EQ(counts["Vessel"], 406);
  EXPECT_EQ(counts["Aircraft"], 277);
  EXPECT_EQ(list.files.size(), 4u);
  EXPECT_EQ(list.format, "ofac-csv");
  EXPECT_EQ(list.entities.front().id, "us_ofac_sdn-36");
}

TEST(OfacSdn2021, StrongAliasesFromAltCsvWeakOnesFromRemarks) {
  const Entity& e = entity("306");
  EXPECT_EQ(e.schema, Schema::kOrganization);
  EXPECT_EQ(e.caption, "BANCO NACIONAL DE CUBA");
  expect_name(e, "NATIONAL BANK OF CUBA", NameKind::kAlias, "strong");
  expect_name(e, "BNC", NameKind::kWeakAlias, "weak");
  ASSERT_EQ(e.addresses.size(), 4u);
  EXPECT_EQ(e.addresses[2].city, "Tokyo 103");
  EXPECT_EQ(e.addresses[2].country, "Japan");
  EXPECT_EQ(e.programs, std::vector<std::string>{"CUBA"});
  // raw keeps every source line of the entity: its sdn.csv row, add.csv and alt.csv rows.
  EXPECT_NE(e.raw.find("306,\"BANCO NACIONAL DE CUBA\""), std::string::npos);
  EXPECT_NE(e.raw.find("306,220,\"aka\",\"NATIONAL BANK OF CUBA\""), std::string::npos);
  EXPECT_NE(e.raw.find("306,201,\"Dai-Ichi Bldg."), std::string::npos);
}

TEST(OfacSdn2021, IndividualFactsComeFromRemarks) {
  const Entity& e = entity("2686");
  EXPECT_EQ(e.schema, Schema::kPerson);
  ASSERT_FALSE(e.names.empty());
  EXPECT_EQ(e.names[0].full, "NASRALLAH, Hasan");
  EXPECT_EQ(e.names[0].last, "NASRALLAH");
  EXPECT_EQ(e.names[0].first, "Hasan");
  // "DOB 31 Aug 1960; alt. DOB 31 Aug 1953; alt. DOB 31 Aug 1955; alt. DOB 31 Aug 1958"
  ASSERT_EQ(e.birth_dates.size(), 4u);
  EXPECT_EQ(e.birth_dates[0].date.iso(), "1960-08-31");
  EXPECT_EQ(e.birth_dates[3].date.iso(), "1958-08-31");
  EXPECT_EQ(e.birth_places, std::vector<std::string>{"Al Basuriyah, Lebanon"});
  const Identifier* passport = identifier_of(e, "passport", "042833");
  ASSERT_NE(passport, nullptr);
  EXPECT_EQ(passport->country, "Lebanon");
  EXPECT_EQ(e.programs, (std::vector<std::string>{"SDGT", "SYRIA"}));
  EXPECT_EQ(e.gender, "male");
  EXPECT_NE(std::find(e.remarks.begin(), e.remarks.end(), "Title: Secretary General of Hizballah"), e.remarks.end());
}

TEST(OfacSdn2021, VesselIdentifiersFlagAndFormerNames) {
  const Entity& e = entity("15036");  // ARTAVIL
  EXPECT_EQ(e.schema, Schema::kVessel);
  EXPECT_NE(identifier_of(e, "imo", "9187629"), nullptr);
  EXPECT_NE(identifier_of(e, "mmsi", "572469210"), nullptr);
  EXPECT_NE(identifier_of(e, "call_sign", "T2EU4"), nullptr);
  EXPECT_EQ(e.countries, std::vector<std::string>{"Iran"});
  const Name* fka_alt = name_of(e, "ABADAN");  // alt.csv fka
  ASSERT_NE(fka_alt, nullptr);
  EXPECT_EQ(fka_alt->kind, NameKind::kFormerName);
  EXPECT_EQ(fka_alt->quality, "strong");
  const Name* fka_remark = name_of(e, "ALPHA");  // Remarks: f.k.a. 'ALPHA'
  ASSERT_NE(fka_remark, nullptr);
  EXPECT_EQ(fka_remark->kind, NameKind::kFormerName);
  EXPECT_EQ(fka_remark->quality, "weak");
}

// Issue 20: "Website www…" remarks are websites, not identity numbers.
TEST(OfacSdn2021, WebsitesAreWebsitesNotIdNumbers) {
  const Entity& e =
      entity("906");  // HAVIN BANK LIMITED: "Website www.havanaintbank.co.uk; alt. Website www.hib.uk.com"
  std::vector<std::string> websites, others;
  for (const Identifier& id : e.identifiers) (id.type == "website" ? websites : others).push_back(id.value);
  EXPECT_EQ(websites, (std::vector<std::string>{"www.havanaintbank.co.uk", "www.hib.uk.com"}));
  for (const std::string& v : others) EXPECT_EQ(v.find("www."), std::string::npos) << v;
}

TEST(OfacSdn2021, RemarksContinueInSdnComments) {
  // sdn.csv's remark ends "a.k.a. 'snowsjo"; sdn_comments.csv continues "hn'; Linked To: LAZARUS GROUP."
  const Entity& e = entity("28263");
  expect_name(e, "snowsjohn", NameKind::kWeakAlias, "weak");
  EXPECT_NE(std::find(e.remarks.begin(), e.remarks.end(), "Linked To: LAZARUS GROUP."), e.remarks.end());
  EXPECT_NE(e.raw.find("28263,\"hn'; Linked To: LAZARUS GROUP.\""), std::string::npos);
}

TEST(OfacCsv, Sdn2019SetWithoutCommentsFile) {
  auto r = parse_list("ofac-csv", {shared_data("ofac/sdn_csv_2019-01")});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->entities.size(), 7379u);  // PROVENANCE: 7379 sdn.csv records
  EXPECT_EQ(r->files.size(), 3u);
  // The copy of add.csv lost its last two bytes ("-0- " became "-0"); that last field is the
  // optional add_remarks, read as empty, and the address itself is intact.
  const Entity* e = by_source_id(*r, "26235");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->addresses.size(), 1u);
  EXPECT_EQ(e->addresses[0].full, "St. Petersburg, Russia");
  EXPECT_NE(identifier_of(*e, "passport", "717637093"), nullptr);
  EXPECT_NE(identifier_of(*e, "national_id", "781005202108"), nullptr);
  EXPECT_EQ(e->birth_dates.at(0).date.iso(), "1975-06-14");
}

TEST(OfacCsv, ConsolidatedSet) {
  auto r = parse_list("ofac-cons-csv", {shared_data("ofac/cons_csv_2025-12")});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->entities.size(), 442u);
  auto counts = count_by_schema(r->entities);
  EXPECT_EQ(counts["Person"], 79);
  EXPECT_EQ(counts["Organization"], 363);
  const Entity* e = by_source_id(*r, "17014");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->id, "us_ofac_cons-17014");
  EXPECT_EQ(e->caption, "JOINT STOCK COMPANY RUSSIAN AGRICULTURAL BANK");
  // "Registration Numbe" ends cons_prim.csv's field; "r 1027700342890 (Russia)" starts cons_comments.csv.
  const Identifier* reg = identifier_of(*e, "registration", "1027700342890");
  ASSERT_NE(reg, nullptr);
  EXPECT_EQ(reg->country, "Russia");
  EXPECT_NE(identifier_of(*e, "swift_bic", "RUAGRUMM"), nullptr);
  expect_name(*e, "RUSAG", NameKind::kWeakAlias, "weak");
  EXPECT_EQ(e->programs, (std::vector<std::string>{"UKRAINE-EO13662", "RUSSIA-EO14024"}));
}

TEST(OfacCsv, AcceptsTheFilesThemselves) {
  auto dir = shared_data("ofac/sdn_csv_2021-07");
  auto r = parse_list("ofac-csv", {dir / "sdn.csv", dir / "alt.csv"});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  const Entity* e = by_source_id(*r, "306");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(name_of(*e, "NATIONAL BANK OF CUBA"), nullptr);
  EXPECT_TRUE(e->addresses.empty());  // add.csv was not given
}

// watchman's deliberately broken copies: each ends in a "||||" line after the real rows.
TEST(OfacCsvErrors, WatchmanInvalidSdnNamesFileAndLine) {
  auto r = parse_list("ofac-csv", {shared_data("ofac/invalid_watchman")});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kParseError);
  EXPECT_MESSAGE_HAS(r, "invalid_watchman/sdn.csv:7380: expected 12 fields");
  EXPECT_MESSAGE_HAS(r, "found 1");
}

TEST(OfacCsvErrors, WatchmanInvalidSecondaryFilesNameFileAndLine) {
  auto good_sdn = shared_data("ofac/sdn_csv_2019-01/sdn.csv");
  struct Case {
    const char* file;
    const char* expected;
  } cases[] = {{"add.csv", "invalid_watchman/add.csv:11697: expected 6 fields"},
               {"alt.csv", "invalid_watchman/alt.csv:9683: expected 5 fields"},
               {"sdn_comments.csv", "invalid_watchman/sdn_comments.csv:4: expected 2 fields"}};
  for (const Case& c : cases) {
    auto r = parse_list("ofac-csv", {good_sdn, shared_data("ofac/invalid_watchman") / c.file});
    ASSERT_FALSE(r.ok()) << c.file;
    EXPECT_MESSAGE_HAS(r, c.expected);
  }
}

TEST(OfacCsvErrors, WatchmanCslFileIsNotPartOfTheSet) {
  // csl.csv is a (broken) US Consolidated Screening List file: given by name it is refused;
  // in a directory it is simply not one of the four OFAC files and is not read.
  auto r = parse_list("ofac-csv",
                      {shared_data("ofac/sdn_csv_2019-01/sdn.csv"), shared_data("ofac/invalid_watchman/csl.csv")});
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "csl.csv: not a file of format ofac-csv");
}

TEST(OfacCsvErrors, TruncatedFileNamesTheCutLine) {
  std::string sdn = read_file(shared_data("ofac/sdn_csv_2021-07/sdn.csv"));
  // Cut inside the quoted Remarks of line 3 (BANCO NACIONAL DE CUBA).
  size_t inside_quote = sdn.find("a.k.a. 'BNC'");
  ASSERT_NE(inside_quote, std::string::npos);
  TempDir dir;
  write_file(dir / "sdn.csv", std::string_view(sdn).substr(0, inside_quote));
  auto r = parse_list("ofac-csv", {dir.path()});
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "sdn.csv:3: quoted field is not closed");

  // Cut between fields of line 5: the row is short.
  size_t line5 = sdn.find("475,\"CASA DE CUBA\"");
  ASSERT_NE(line5, std::string::npos);
  write_file(dir / "sdn.csv", std::string_view(sdn).substr(0, line5 + 22));
  r = parse_list("ofac-csv", {dir.path()});
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "sdn.csv:5: expected 12 fields");
  EXPECT_MESSAGE_HAS(r, "truncated");
}

TEST(OfacCsvErrors, InvalidUtf8NamesLineAndColumn) {
  auto r = parse_list("ofac-csv", {fixture("ofac/bad_utf8")});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kParseError);
  EXPECT_MESSAGE_HAS(r, "bad_utf8/sdn.csv:4:");
  EXPECT_MESSAGE_HAS(r, "invalid UTF-8");
}

TEST(OfacCsvErrors, PartialSetWithoutSdnCsv) {
  // The 2025-12 copy has add/alt/sdn_comments only: nothing to join them to.
  auto r = parse_list("ofac-csv", {shared_data("ofac/sdn_csv_2025-12_partial")});
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "ofac-csv: missing required file sdn.csv");
}

TEST(OfacCsvErrors, EmptyFile) {
  auto r = parse_list("ofac-csv", {fixture("ofac/empty")});
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "empty/sdn.csv: file is empty");
}

TEST(OfacCsvErrors, AliasOfUnknownEntity) {
  auto r = parse_list("ofac-csv", {fixture("ofac/orphan_alias")});
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "orphan_alias/alt.csv:2: field 1 (ent_num): ent_num 999 is not in sdn.csv");
}

TEST(OfacCsvErrors, BadFieldValuesNameTheField) {
  TempDir dir;
  write_file(dir / "sdn.csv", "36,\"ACME\",\"company\",\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
  auto r = parse_list("ofac-csv", {dir.path()});
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "sdn.csv:1: field 3 (SDN_Type): unknown type 'company'");

  write_file(dir / "sdn.csv", "x36,\"ACME\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
  r = parse_list("ofac-csv", {dir.path()});
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "sdn.csv:1: field 1 (ent_num): expected a positive number");

  write_file(dir / "sdn.csv",
             "36,\"ACME\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
             "36,\"ACME 2\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
  r = parse_list("ofac-csv", {dir.path()});
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "sdn.csv:2: field 1 (ent_num): ent_num 36 appears twice (first on line 1)");

  write_file(dir / "sdn.csv", "36,\"ACME\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
  write_file(dir / "alt.csv", "36,12,\"xka\",\"ACME LTD\",-0- \r\n");
  r = parse_list("ofac-csv", {dir.path()});
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "alt.csv:1: field 3 (alt_type): unknown alias type 'xka'");
}

}  // namespace
}  // namespace sekisho
