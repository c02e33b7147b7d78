// UN Security Council consolidated list XML on the two real versions.
#include <gtest/gtest.h>

#include <regex>

#include "lists/ofac_test_util.hpp"
#include "sekisho/lists.hpp"

namespace sekisho {
namespace {

using namespace sekisho::testing;

std::filesystem::path un_2026() { return shared_data("un/consolidated_2026-02-27.xml"); }

const ParsedList& un() { return parsed_once("un-xml", un_2026()); }
const Entity& entity(std::string_view ref) { return entity_in(un(), ref); }

TEST(UnXml, CountsDateAndReferenceNumberIds) {
  const ParsedList& list = un();
  auto counts = count_by_schema(list.entities);
  EXPECT_EQ(counts["Person"], 730);
  EXPECT_EQ(counts["Organization"], 273);
  EXPECT_EQ(list.publication_date, "2026-02-27");  // dateGenerated="2026-02-27T00:00:09.554Z"
  // Ids are the UN reference numbers (unique in this file), e.g. QDi.421, CDe.001.
  std::regex ref(R"([A-Z]{2}[ie]\.\d{3})");
  for (const Entity& e : list.entities) {
    EXPECT_TRUE(std::regex_match(e.source_id, ref)) << e.source_id;
    EXPECT_EQ(e.id, "un_sc_sanctions-" + e.source_id);
  }
}

TEST(UnXmlVersions, OlderFileWithSingleQuotedProlog) {
  auto r = parse_list("un-xml", {shared_data("un/consolidated_2025-04-19.xml")});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  auto counts = count_by_schema(r->entities);
  EXPECT_EQ(counts["Person"], 684);
  EXPECT_EQ(counts["Organization"], 193);
  EXPECT_EQ(r->publication_date, "2025-04-19");
}

TEST(UnXml, OriginalScriptBirthDataAndListing) {
  const Entity& e = entity("QDi.421");
  EXPECT_EQ(e.caption, "HAMZA USAMA MUHAMMAD BIN LADEN");
  ASSERT_FALSE(e.names.empty());
  EXPECT_EQ(e.names[0].first, "HAMZA");
  EXPECT_EQ(e.names[0].last, "BIN LADEN");
  // <NAME_ORIGINAL_SCRIPT>&#1581;&#1605;&#1586;&#1577; … (character references, decoded)
  const Name* arabic = name_of(e,
                               "\u062D\u0645\u0632\u0629 \u0623\u0633\u0627\u0645\u0629 \u0645\u062D\u0645\u062F "
                               "\u0628\u0646 \u0644\u0627\u062F\u0646");
  ASSERT_NE(arabic, nullptr);
  EXPECT_EQ(arabic->kind, NameKind::kOriginalScript);
  ASSERT_EQ(e.birth_dates.size(), 1u);
  EXPECT_EQ(e.birth_dates[0].date.iso(), "1989-05-09");
  EXPECT_EQ(e.birth_places, std::vector<std::string>{"Jeddah, Saudi Arabia"});
  EXPECT_EQ(e.programs, std::vector<std::string>{"Al-Qaida"});
  EXPECT_EQ(e.listed_on, "2019-02-28");
  EXPECT_EQ(e.raw.rfind("<INDIVIDUAL>", 0), 0u);
  EXPECT_NE(e.raw.find("<REFERENCE_NUMBER>QDi.421</REFERENCE_NUMBER>"), std::string::npos);
}

TEST(UnXml, AliasQualityApproximateDatesAndPassport) {
  const Entity& e = entity("TAi.011");
  expect_name(e, "Naib Imam", NameKind::kWeakAlias, "low");
  expect_name(e, "Akhtar Mohammad Mansoor", NameKind::kAlias, "good");
  ASSERT_EQ(e.birth_dates.size(), 2u);
  EXPECT_EQ(e.birth_dates[0].date.iso(), "1960");
  EXPECT_TRUE(e.birth_dates[0].circa);  // TYPE_OF_DATE APPROXIMATELY
  EXPECT_EQ(e.birth_dates[1].date.iso(), "1966");
  EXPECT_FALSE(e.birth_dates[1].circa);
  const Identifier* passport = identifier_of(e, "passport", "SE-011697");
  ASSERT_NE(passport, nullptr);
  EXPECT_EQ(passport->country, "Afghanistan");
  EXPECT_EQ(e.nationalities, std::vector<std::string>{"Afghanistan"});
  EXPECT_EQ(e.programs, std::vector<std::string>{"Taliban"});
}

TEST(UnXml, BetweenYearsAndGender) {
  const Entity& e = entity("CDi.030");  // BOSCO TAGANDA
  ASSERT_EQ(e.birth_dates.size(), 1u);
  EXPECT_EQ(e.birth_dates[0].date.iso(), "1973");
  EXPECT_EQ(e.birth_dates[0].until.iso(), "1974");
  EXPECT_EQ(e.gender, "male");
}

TEST(UnXml, DocumentNumbersAreTrimmed) {
  const Entity& e = entity("KPi.033");  // <NUMBER> 381310014</NUMBER>
  EXPECT_NE(identifier_of(e, "passport", "381310014"), nullptr);
  EXPECT_EQ(e.nationalities, std::vector<std::string>{"Democratic People's Republic of Korea"});
}

TEST(UnXml, NationalIdDocument) {
  const Entity& e = entity("TAi.174");
  const Identifier* id = identifier_of(e, "national_id", "5430312277059");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->country, "Pakistan");
}

TEST(UnXml, EntityAliasesAndAddress) {
  const Entity& e = entity("CDe.001");
  EXPECT_EQ(e.schema, Schema::kOrganization);
  EXPECT_EQ(e.caption, "ADF");
  expect_name(e, "Allied Democratic Forces", NameKind::kAlias, "");
  expect_name(e, "NALU", NameKind::kFormerName, "");
  ASSERT_FALSE(e.addresses.empty());
  EXPECT_EQ(e.addresses[0].country, "Democratic Republic of the Congo");
  EXPECT_EQ(e.listed_on, "2014-06-30");
  EXPECT_EQ(e.programs, std::vector<std::string>{"DRC"});
}

Result<ParsedList> parse_text(const TempDir& dir, std::string_view text) {
  write_file(dir / "consolidated.xml", text);
  return parse_list("un-xml", {dir / "consolidated.xml"});
}

TEST(UnXmlErrors, TruncatedFile) {
  std::string text = read_file(un_2026());
  std::string cut = text.substr(0, text.size() / 3);
  TempDir dir;
  auto r = parse_text(dir, cut);
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "consolidated.xml:" + std::to_string(line_of(cut, cut.size())) + ":");
  EXPECT_MESSAGE_HAS(r, "truncated?");
}

TEST(UnXmlErrors, InvalidUtf8) {
  std::string text = read_file(un_2026());
  size_t pos = text.find("BOSCO");
  text.insert(pos, "\xC3\x28");  // a lead byte followed by ASCII
  TempDir dir;
  auto r = parse_text(dir, text);
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "consolidated.xml:" + std::to_string(line_of(text, pos)) + ":");
  EXPECT_MESSAGE_HAS(r, "invalid UTF-8");
}

TEST(UnXmlErrors, UnknownDateTypeNamesElementPath) {
  std::string text = read_file(un_2026());
  size_t pos = text.find("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE>");
  size_t individual = 0;
  for (size_t p = text.find("<INDIVIDUAL>"); p < pos; p = text.find("<INDIVIDUAL>", p + 1)) ++individual;
  text.replace(pos, 34, "<TYPE_OF_DATE>SOMETIMES</TYPE_OF_DATE>");
  TempDir dir;
  auto r = parse_text(dir, text);
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "consolidated.xml:" + std::to_string(line_of(text, pos)) +
                            ": /CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[" + std::to_string(individual) +
                            "]/INDIVIDUAL_DATE_OF_BIRTH/TYPE_OF_DATE");
  EXPECT_MESSAGE_HAS(r, "'sometimes'");
}

TEST(UnXmlErrors, WrongRootElement) {
  TempDir dir;
  auto r = parse_text(dir, "<?xml version='1.0'?><sdnList></sdnList>");
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "expected <CONSOLIDATED_LIST>");
}

TEST(UnXmlIds, DuplicateReferenceNumbersFallBackToDataid) {
  TempDir dir;
  auto r = parse_text(dir, R"(<?xml version="1.0"?>
<CONSOLIDATED_LIST dateGenerated="2026-01-02T00:00:00Z"><INDIVIDUALS>
<INDIVIDUAL><DATAID>11</DATAID><FIRST_NAME>A</FIRST_NAME><REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER></INDIVIDUAL>
<INDIVIDUAL><DATAID>12</DATAID><FIRST_NAME>B</FIRST_NAME><REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER></INDIVIDUAL>
</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>)");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_EQ(r->entities.size(), 2u);
  EXPECT_EQ(r->entities[0].source_id, "11");
  EXPECT_EQ(r->entities[1].source_id, "12");
  EXPECT_EQ(r->publication_date, "2026-01-02");
}

}  // namespace
}  // namespace sekisho
