// eu-fsf-xml on tests/fixtures/eu/fsf_sample.xml.
//
// The fixture is hand-written from the public FSF XML 1.1 schema (namespace
// http://eu.europa.ec/fpi/fsd/export) because no official file is available
// here: the full export is over 25 MB and none could be copied. Element and
// attribute names were checked against public parsers of the real file
// (citizenship, birthdate year/monthOfYear/dayOfMonth/circa, identification
// identificationTypeCode/number, regulation programme/publicationUrl).
#include <gtest/gtest.h>

#include "lists/list_test_util.hpp"
#include "sekisho/lists.hpp"

namespace sekisho {
namespace {

using namespace sekisho::testing;

const std::filesystem::path kSample = fixture("eu/fsf_sample.xml");

ParsedList sample() {
  auto r = parse_list("eu-fsf-xml", {kSample});
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? std::move(r).value() : ParsedList{};
}

TEST(EuFsfXml, ReadsEverySanctionEntity) {
  ParsedList list = sample();
  ASSERT_EQ(list.entities.size(), 4u);
  EXPECT_EQ(list.publication_date, "2026-07-31");
  auto counts = count_by_schema(list.entities);
  EXPECT_EQ(counts["Person"], 2);
  EXPECT_EQ(counts["Organization"], 2);
}

TEST(EuFsfXml, PersonNamesQualityLanguageAndBirth) {
  ParsedList list = sample();
  const Entity* e = find_by_id(list.entities, "eu_fsf-EU.6786.36");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "Sergei Kuzhugetovich SHOIGU");
  EXPECT_EQ(e->names[0].middle, "Kuzhugetovich");
  EXPECT_TRUE(has_name(*e, "Сергей Кужугетович ШОЙГУ", NameKind::kOriginalScript));
  EXPECT_TRUE(has_name(*e, "Sergey SHOYGU", NameKind::kWeakAlias));
  for (const Name& n : e->names) {
    if (n.full == "Сергей Кужугетович ШОЙГУ") {
      EXPECT_EQ(n.lang, "ru");
    }
  }
  EXPECT_EQ(e->gender, "male");
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"RU"});
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].date.iso(), "1955-05-21");
  EXPECT_EQ(e->birth_places, std::vector<std::string>{"Chadan, Tuva, RUSSIAN FEDERATION"});
  EXPECT_EQ(e->programs, std::vector<std::string>{"UKR"});
  EXPECT_EQ(e->listed_on, "2022-02-23");
  EXPECT_TRUE(contains(e->remarks, "function: Secretary of the Security Council"));
  EXPECT_NE(e->raw.find("logicalId=\"139236\""), std::string::npos);
}

TEST(EuFsfXml, PartialCircaDatesIdentificationsAndUnReference) {
  ParsedList list = sample();
  const Entity* e = find_by_id(list.entities, "eu_fsf-EU.1734.6");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->birth_dates.size(), 2u);
  EXPECT_EQ(e->birth_dates[1].date.iso(), "1948");
  EXPECT_TRUE(e->birth_dates[1].circa);
  EXPECT_FALSE(e->birth_dates[0].circa);
  EXPECT_TRUE(has_name(*e, "Hafiz Sahib", NameKind::kWeakAlias));  // "low quality alias" remark
  ASSERT_EQ(e->identifiers.size(), 2u);
  EXPECT_EQ(e->identifiers[0].type, "passport");
  EXPECT_EQ(e->identifiers[0].value, "AB1234567");
  EXPECT_EQ(e->identifiers[0].country, "PK");
  EXPECT_NE(e->identifiers[0].note.find("knownExpired"), std::string::npos);
  EXPECT_EQ(e->identifiers[1].type, "national_id");
  EXPECT_TRUE(contains(e->remarks, "UN reference: QDi.263"));
  EXPECT_TRUE(contains(e->remarks, "title: Professor"));
  EXPECT_EQ(e->listed_on, "2008-12-11");  // no designationDate: the earliest regulation
}

TEST(EuFsfXml, EnterpriseAddressIdentifiersAndFormerName) {
  ParsedList list = sample();
  const Entity* e = find_by_id(list.entities, "eu_fsf-EU.4568.31");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kOrganization);
  EXPECT_EQ(e->caption, "Joint Stock Company Kalashnikov Concern");
  EXPECT_TRUE(has_name(*e, "Izhmash", NameKind::kFormerName));
  EXPECT_TRUE(has_identifier(*e, "registration", "1111832003018"));
  EXPECT_TRUE(has_identifier(*e, "tax_id", "1832090230"));
  ASSERT_EQ(e->addresses.size(), 1u);
  EXPECT_EQ(e->addresses[0].city, "Izhevsk");
  EXPECT_EQ(e->addresses[0].postal_code, "426006");
  EXPECT_EQ(e->addresses[0].country, "RU");
  EXPECT_TRUE(contains(e->remarks, "Head office"));
  // No euReferenceNumber: the logicalId stands in.
  EXPECT_NE(find_by_id(list.entities, "eu_fsf-logical-163001"), nullptr);
}

TEST(EuFsfXml, PrefixedNamespaceMatchesByLocalName) {
  TempDir tmp;
  std::string bytes = read_file(kSample);
  std::string out;
  // Rewrite every element into a "fsd:" prefix.
  for (size_t i = 0; i < bytes.size(); ++i) {
    out += bytes[i];
    if (bytes[i] == '<' && i + 1 < bytes.size() && std::isalpha(static_cast<unsigned char>(bytes[i + 1])))
      out += "fsd:";
    if (bytes[i] == '<' && i + 1 < bytes.size() && bytes[i + 1] == '/') {
      out += '/';
      out += "fsd:";
      ++i;
    }
  }
  size_t ns = out.find("xmlns=");
  out.replace(ns, 6, "xmlns:fsd=");
  auto r = parse_list("eu-fsf-xml", {tmp.write("prefixed.xml", out)});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->entities.size(), 4u);
  EXPECT_EQ(r->entities[0].caption, "Sergei Kuzhugetovich SHOIGU");
}

TEST(EuFsfXml, ErrorsNameFileAndLineOrElement) {
  TempDir tmp;
  std::string bytes = read_file(kSample);
  auto truncated = tmp.write("cut.xml", bytes.substr(0, bytes.find("<subjectType code=\"enterprise\"")));
  auto r = parse_list("eu-fsf-xml", {truncated});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("cut.xml:"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("XML parse error"), std::string::npos) << r.status().message();

  auto no_names = tmp.write("nonames.xml",
                            "<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\"><sanctionEntity logicalId=\"1\">"
                            "<subjectType code=\"person\"/></sanctionEntity></export>");
  auto r2 = parse_list("eu-fsf-xml", {no_names});
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("nonames.xml: /export/sanctionEntity[1]: no nameAlias"), std::string::npos)
      << r2.status().message();

  auto wrong_root = tmp.write("un.xml", "<CONSOLIDATED_LIST/>");
  auto r3 = parse_list("eu-fsf-xml", {wrong_root});
  ASSERT_FALSE(r3.ok());
  EXPECT_NE(r3.status().message().find("expected <export>"), std::string::npos) << r3.status().message();

  std::string bad = bytes;
  bad.insert(bad.find("Chadan") + 2, "\xE9");
  auto r4 = parse_list("eu-fsf-xml", {tmp.write("latin1.xml", bad)});
  ASSERT_FALSE(r4.ok());
  EXPECT_NE(r4.status().message().find("latin1.xml:"), std::string::npos) << r4.status().message();
  EXPECT_NE(r4.status().message().find("invalid UTF-8"), std::string::npos) << r4.status().message();

  auto r5 = parse_list("eu-fsf-xml", {tmp.write("empty.xml", "")});
  ASSERT_FALSE(r5.ok());
  EXPECT_NE(r5.status().message().find("empty.xml: file is empty"), std::string::npos) << r5.status().message();
}

}  // namespace
}  // namespace sekisho
