// canada-xml on the real SEMA consolidated list (2025-05).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "lists/list_test_util.hpp"
#include "sekisho/lists.hpp"

namespace sekisho {
namespace {

using namespace sekisho::testing;

const std::filesystem::path kSema = shared_data("canada/sema_consolidated_2025-05.xml");

const ParsedList& sema() {
  static const ParsedList list = [] {
    auto r = parse_list("canada-xml", {kSema});
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? std::move(r).value() : ParsedList{};
  }();
  return list;
}

TEST(CanadaXml, EveryRecordBecomesOneEntityWithAUniqueId) {
  const ParsedList& list = sema();
  ASSERT_EQ(list.entities.size(), 4759u);
  std::set<std::string> ids;
  for (const Entity& e : list.entities) ids.insert(e.id);
  EXPECT_EQ(ids.size(), 4759u);
  auto counts = count_by_schema(list.entities);
  // 3,334 records carry a LastName or GivenName, 109 an IMO number (counted in the file).
  EXPECT_EQ(counts["Person"], 3334);
  EXPECT_EQ(counts["Vessel"], 109);
  EXPECT_EQ(counts["Organization"], 4759 - 3334 - 109);
}

TEST(CanadaXml, PersonWithBilingualRegimeAndDateOfBirth) {
  const Entity* e = find_by_id(sema().entities, "ca_dfatd_sema-Belarus-s1_Part_1-i8");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "Aleksandr Grigoryevich Lukashenko");
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->names[0].first, "Aleksandr Grigoryevich");
  EXPECT_EQ(e->names[0].last, "Lukashenko");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].date.iso(), "1954-08-30");
  EXPECT_EQ(e->programs, std::vector<std::string>{"Belarus"});
  EXPECT_EQ(e->listed_on, "2020-09-28");
  EXPECT_NE(e->raw.find("<LastName>Lukashenko</LastName>"), std::string::npos);
}

TEST(CanadaXml, AliasesSplitOnCommaAndSemicolonWithLanguageLabels) {
  const Entity* e = find_by_id(sema().entities, "ca_dfatd_sema-Belarus-s1_Part_1-i120");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "Nikolai Aleksandrovich LUKASHENKO");
  EXPECT_TRUE(has_name(*e, "Mikalay Alyaksandravich Lukashenka", NameKind::kAlias));
  EXPECT_TRUE(has_name(*e, "Kolya Lukashenko", NameKind::kAlias));
  EXPECT_TRUE(has_name(*e, "Мікалай Аляксандравіч Лукашэнка", NameKind::kOriginalScript));
  EXPECT_TRUE(has_name(*e, "Коля Лукашенко", NameKind::kOriginalScript));
  for (const Name& n : e->names) {
    if (n.full == "Мікалай Аляксандравіч Лукашэнка") {
      EXPECT_EQ(n.lang, "be");
    }
    if (n.full == "Николай Александрович Лукашенко" || n.full == "Коля Лукашенко") {
      EXPECT_EQ(n.lang, "ru");
    }
    EXPECT_EQ(n.full.find("Belarusian"), std::string::npos) << n.full;
  }
  EXPECT_EQ(e->names.size(), 6u);  // primary, 2 Latin aliases, 1 Belarusian, 2 Russian
}

TEST(CanadaXml, CommaBeforeLegalFormDoesNotSplitAndOrDoes) {
  const Entity* e = find_by_id(sema().entities, "ca_dfatd_sema-Russia-s1_Part_2-i287");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kOrganization);
  EXPECT_EQ(e->caption, "Research and Production Association named after S.A. Lavochkina JSC");
  EXPECT_TRUE(has_name(*e, "НПО Лавочкина, АО", NameKind::kOriginalScript));
  EXPECT_TRUE(has_name(*e, "Акционерное Общество \"Научно-Производственное Объединение Им. С.А.Лавочкина\"",
                       NameKind::kOriginalScript));
}

TEST(CanadaXml, ShipsAreVesselsWithImoIdentifier) {
  const Entity* e = find_by_caption(sema().entities, "Balitiyskiy III");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kVessel);
  EXPECT_TRUE(has_identifier(*e, "imo", "7612448"));
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].date.year, 1980);
  EXPECT_TRUE(contains(e->remarks, "vessel type: General Cargo / Multi Purpose"));
}

TEST(CanadaXml, AlternativeBirthDatesBecomeTwoDates) {
  for (const Entity& e : sema().entities) {
    if (e.raw.find("1972-08-10 or 1972-08-11") == std::string::npos) continue;
    ASSERT_EQ(e.birth_dates.size(), 2u);
    EXPECT_EQ(e.birth_dates[0].date.iso(), "1972-08-10");
    EXPECT_EQ(e.birth_dates[1].date.iso(), "1972-08-11");
    return;
  }
  FAIL() << "record with two alternative birth dates not found";
}

TEST(CanadaXml, TruncatedFileNamesLineAndColumn) {
  TempDir tmp;
  std::string bytes = read_file(kSema);
  auto path = tmp.write("sema.xml", bytes.substr(0, bytes.size() / 2));
  auto r = parse_list("canada-xml", {path});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kParseError);
  // "sema.xml:<line>:<column>:", the line being the cut file's last.
  const std::string cut = bytes.substr(0, bytes.size() / 2);
  const size_t last_line = static_cast<size_t>(std::count(cut.begin(), cut.end(), '\n')) + 1;
  const std::string& message = r.status().message();
  const size_t at = message.find("sema.xml:" + std::to_string(last_line) + ":");
  ASSERT_NE(at, std::string::npos) << message;
  const size_t column = at + std::string("sema.xml:" + std::to_string(last_line) + ":").size();
  ASSERT_LT(column, message.size());
  EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(message[column]))) << message;
  EXPECT_NE(r.status().message().find("XML parse error"), std::string::npos) << r.status().message();
}

TEST(CanadaXml, RecordWithoutItemNamesElementPath) {
  TempDir tmp;
  auto path = tmp.write("bad.xml",
                        "<data-set><record><Country>Iran</Country><EntityOrShip>X</EntityOrShip><Item>1</Item>"
                        "</record><record><Country>Iran</Country><EntityOrShip>Y</EntityOrShip></record></data-set>");
  auto r = parse_list("canada-xml", {path});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.xml: /data-set/record[2]/Item"), std::string::npos) << r.status().message();
}

TEST(CanadaXml, InvalidUtf8AndEmptyFileAreErrors) {
  TempDir tmp;
  auto bad = tmp.write("bad.xml", "<data-set>\n<record><Country>Ir\xC3(an</Country></record></data-set>");
  auto r = parse_list("canada-xml", {bad});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.xml:2:"), std::string::npos) << r.status().message();
  auto empty = tmp.write("empty.xml", "");
  auto r2 = parse_list("canada-xml", {empty});
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("empty"), std::string::npos) << r2.status().message();
}

}  // namespace
}  // namespace sekisho
