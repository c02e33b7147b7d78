// OFAC SDN.XML schema on the real consolidated.xml (2025-03-28).
#include <gtest/gtest.h>

#include "lists/ofac_test_util.hpp"
#include "sekisho/lists.hpp"

namespace sekisho {
namespace {

using namespace sekisho::testing;

std::filesystem::path cons_xml() { return shared_data("ofac/cons_xml_2025-03-28/consolidated.xml"); }

Result<ParsedList> parse_text(const TempDir& dir, std::string_view text) {
  write_file(dir / "consolidated.xml", text);
  return parse_list("ofac-xml", {dir / "consolidated.xml"}, {.list_id = "us_ofac_cons"});
}

const ParsedList& cons() { return parsed_once("ofac-xml", cons_xml(), {.list_id = "us_ofac_cons"}); }

TEST(OfacXml, CountsAndPublicationDate) {
  const ParsedList& list = cons();
  EXPECT_EQ(list.entities.size(), 443u);
  EXPECT_EQ(list.publication_date, "2025-03-28");  // <Publish_Date>03/28/2025</Publish_Date>
  auto counts = count_by_schema(list.entities);
  EXPECT_EQ(counts["Person"], 80);
  EXPECT_EQ(counts["Organization"], 363);
}

TEST(OfacXml, IndividualWithNamePartsBirthDataAndProgram) {
  const ParsedList& list = cons();
  const Entity* e = by_source_id(list, "9639");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->id, "us_ofac_cons-9639");
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->caption, "HANIYA, Ismail Abdul Salah");
  EXPECT_EQ(e->names[0].last, "HANIYA");
  EXPECT_EQ(e->names[0].first, "Ismail Abdul Salah");
  expect_name(*e, "HANIYYA, Ismaeel", NameKind::kAlias, "strong");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].date.iso(), "1962");
  EXPECT_EQ(e->birth_places, std::vector<std::string>{"Shati"});
  EXPECT_EQ(e->programs, std::vector<std::string>{"NS-PLC"});
  EXPECT_EQ(e->raw.rfind("<sdnEntry>", 0), 0u);
  EXPECT_NE(e->raw.find("<uid>9639</uid>"), std::string::npos);
}

TEST(OfacXml, WeakAliasesIdentifiersAndAddresses) {
  const ParsedList& list = cons();
  const Entity* e = by_source_id(list, "17014");
  ASSERT_NE(e, nullptr);
  expect_name(*e, "RUSAG", NameKind::kWeakAlias, "weak");
  EXPECT_NE(identifier_of(*e, "swift_bic", "RUAGRUMM"), nullptr);
  const Identifier* reg = identifier_of(*e, "registration", "1027700342890");
  ASSERT_NE(reg, nullptr);
  EXPECT_EQ(reg->country, "Russia");
  ASSERT_EQ(e->addresses.size(), 2u);
  EXPECT_EQ(e->addresses[0].postal_code, "119034");
  EXPECT_EQ(e->addresses[0].city, "Moscow");
  // Non-identifier idList items are kept as remarks.
  EXPECT_NE(std::find(e->remarks.begin(), e->remarks.end(),
                      "Executive Order 13662 Directive Determination - Subject to Directive 1"),
            e->remarks.end());
}

TEST(OfacXml, WeakFormerName) {
  const ParsedList& list = cons();
  // <aka><type>f.k.a.</type><category>weak</category><lastName>UNITED GEORGIAN BANK</lastName>
  bool found = false;
  for (const Entity& e : list.entities) {
    if (const Name* n = name_of(e, "UNITED GEORGIAN BANK")) {
      found = true;
      EXPECT_EQ(n->kind, NameKind::kFormerName);
      EXPECT_EQ(n->quality, "weak");
    }
  }
  EXPECT_TRUE(found);
}

TEST(OfacXml, AgreesWithTheCsvOfTheSameList) {
  const ParsedList& list = cons();
  auto csv = parse_list("ofac-cons-csv", {shared_data("ofac/cons_csv_2025-12")});
  ASSERT_TRUE(csv.ok()) << csv.status().to_string();
  const Entity* x = by_source_id(list, "17014");
  const Entity* c = by_source_id(*csv, "17014");
  ASSERT_TRUE(x && c);
  ASSERT_EQ(x->names.size(), c->names.size());
  for (const Name& n : x->names) {
    const Name* other = name_of(*c, n.full);
    ASSERT_NE(other, nullptr) << n.full;
    EXPECT_EQ(other->kind, n.kind) << n.full;
  }
}

TEST(OfacXmlNamespaces, MatchesLocalNamesUnderAnyPrefix) {
  TempDir dir;
  auto r = parse_text(dir, R"(<?xml version="1.0"?>
<x:sdnList xmlns:x="http://tempuri.org/sdnList.xsd">
  <x:publshInformation><x:Publish_Date>01/15/2020</x:Publish_Date><x:Record_Count>1</x:Record_Count></x:publshInformation>
  <x:sdnEntry><x:uid>36</x:uid><x:lastName>AEROCARIBBEAN AIRLINES</x:lastName><x:sdnType>Entity</x:sdnType>
    <x:programList><x:program>CUBA</x:program></x:programList></x:sdnEntry>
</x:sdnList>)");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->entities[0].caption, "AEROCARIBBEAN AIRLINES");
  EXPECT_EQ(r->entities[0].programs, std::vector<std::string>{"CUBA"});
  EXPECT_EQ(r->publication_date, "2020-01-15");
}

TEST(OfacXmlErrors, TruncatedFileNamesLineAndColumn) {
  std::string text = read_file(cons_xml());
  std::string cut = text.substr(0, text.size() / 2);
  TempDir dir;
  auto r = parse_text(dir, cut);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kParseError);
  EXPECT_MESSAGE_HAS(r, "consolidated.xml:" + std::to_string(line_of(cut, cut.size())) + ":");
  EXPECT_MESSAGE_HAS(r, "XML parse error");
}

TEST(OfacXmlErrors, RecordCountMismatch) {
  std::string text = read_file(cons_xml());
  size_t last = text.rfind("<sdnEntry>");
  size_t end = text.rfind("</sdnList>");
  ASSERT_TRUE(last != std::string::npos && end != std::string::npos);
  TempDir dir;
  auto r = parse_text(dir, text.substr(0, last) + text.substr(end));
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "consolidated.xml:5: /sdnList/publshInformation/Record_Count");
  EXPECT_MESSAGE_HAS(r, "says 443 but the file holds 442 sdnEntry");
}

TEST(OfacXmlErrors, BadUidNamesElementPathAndLine) {
  std::string text = read_file(cons_xml());
  size_t pos = 0;
  for (int i = 0; i < 17; ++i) pos = text.find("<sdnEntry>", pos + 1);
  size_t uid = text.find("<uid>", pos);
  text.replace(uid + 5, text.find("</uid>", uid) - uid - 5, "X17");
  TempDir dir;
  auto r = parse_text(dir, text);
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "consolidated.xml:" + std::to_string(line_of(text, uid)) + ": /sdnList/sdnEntry[17]/uid");
  EXPECT_MESSAGE_HAS(r, "uid 'X17' is not a number");
}

TEST(OfacXmlErrors, UnknownAliasTypeNamesElement) {
  std::string text = read_file(cons_xml());
  size_t pos = text.find("<type>a.k.a.</type>");
  text.replace(pos, 19, "<type>z.k.a.</type>");
  TempDir dir;
  auto r = parse_text(dir, text);
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "/sdnList/sdnEntry[1]/akaList/aka[1]/type");
  EXPECT_MESSAGE_HAS(r, "'z.k.a.'");
}

TEST(OfacXmlErrors, InvalidUtf8) {
  std::string text = read_file(cons_xml());
  size_t pos = text.find("HANIYYA");
  text.insert(pos, "\xFF");
  TempDir dir;
  auto r = parse_text(dir, text);
  ASSERT_FALSE(r.ok());
  EXPECT_MESSAGE_HAS(r, "consolidated.xml:" + std::to_string(line_of(text, pos)) + ":");
  EXPECT_MESSAGE_HAS(r, "invalid UTF-8");
}

}  // namespace
}  // namespace sekisho
