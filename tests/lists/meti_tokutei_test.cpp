// METI export-ban lists (meti-tokutei) on the PDF text extractions in
// shared/data/export-control (Belarus list, third-country list).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "lists/zip_fixture.hpp"
#include "sekisho/lists.hpp"
#include "support/shared_data.hpp"

namespace sekisho {
namespace {

const std::string kDir = std::string(SEKISHO_SHARED_DATA) + "/export-control/";
const std::string kBelarus = kDir + "jp_meti_list_belarus_tokutei.pdf.txt";
const std::string kThird = kDir + "jp_meti_250912_list_daisangoku_tokutei.pdf.txt";
const std::string kRussia = kDir + "jp_meti_250912_list_russia_tokutei.pdf.txt";

// Independent count of numbered blocks: every block has exactly one address
// label "所在地：", and nothing else in the files uses it.
size_t address_labels(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  size_t n = 0;
  for (size_t p = text.find("所在地："); p != std::string::npos; p = text.find("所在地：", p + 1)) ++n;
  return n;
}

const Entity* find(const ParsedList& list, const std::string& source_id) {
  for (const Entity& e : list.entities) {
    if (e.source_id == source_id) return &e;
  }
  return nullptr;
}

bool has_name(const Entity& e, std::string_view full, NameKind kind) {
  for (const Name& n : e.names) {
    if (n.full == full && n.kind == kind) return true;
  }
  return false;
}

TEST(MetiTokutei, BelarusBlocksCountAndFacts) {
  auto r = parse_list("meti-tokutei", {kBelarus});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  size_t expected = address_labels(kBelarus);
  EXPECT_EQ(expected, 27u);
  ASSERT_EQ(r->entities.size(), expected);
  for (size_t i = 0; i < r->entities.size(); ++i) {
    const Entity& e = r->entities[i];
    EXPECT_EQ(e.source_id, "BY-" + std::to_string(i + 1));  // numbers 1..27 in order, none skipped
    EXPECT_EQ(e.schema, Schema::kOrganization);
    EXPECT_EQ(e.programs, (std::vector<std::string>{"JP-METI-EXPORT-BAN-BELARUS"}));
    bool ja = false, en = false;
    for (const Name& n : e.names) {
      ja |= n.kind == NameKind::kOriginalScript && n.lang == "ja";
      en |= n.kind == NameKind::kPrimary && n.lang == "en";
    }
    EXPECT_TRUE(ja && en) << e.id;
    EXPECT_FALSE(e.addresses.empty()) << e.id;
    EXPECT_EQ(e.listed_on, "2022-03-08");
  }
  EXPECT_EQ(r->publication_date, "2022-07-05");
  const Entity* integral = find(*r, "BY-2");
  ASSERT_NE(integral, nullptr);
  EXPECT_EQ(integral->caption, "JSC Integral");
  EXPECT_TRUE(has_name(*integral, "株式会社インテグラル", NameKind::kOriginalScript));
  EXPECT_TRUE(has_name(*integral, "OAOインテグラル", NameKind::kAlias));
  EXPECT_TRUE(has_name(*integral, "OAO Integral", NameKind::kAlias));
  EXPECT_TRUE(has_name(*integral, "Joint-Stock Company Integral-Holding Managing Company", NameKind::kAlias));
  ASSERT_EQ(integral->addresses.size(), 3u);
  EXPECT_EQ(integral->addresses[0].full, "121A, Kazintsa I.P. Str., Minsk, 220108, Belarus");
  // Block 7 starts glued to block 6's address ("…, Belarus７ 株式会社アガト電子機器工場").
  const Entity* agat6 = find(*r, "BY-6");
  const Entity* agat7 = find(*r, "BY-7");
  ASSERT_NE(agat6, nullptr);
  ASSERT_NE(agat7, nullptr);
  EXPECT_EQ(agat6->addresses.back().full, "117/1 Nezavisimosti ave., Minsk, 220114, Belarus");
  EXPECT_EQ(agat7->caption, "AGAT-Electromechanical Plant OJSC");
  EXPECT_TRUE(has_name(*agat7, "株式会社アガト電子機器工場", NameKind::kOriginalScript));
}

TEST(MetiTokutei, ThirdCountryBlocksCountAndBothLayouts) {
  auto r = parse_list("meti-tokutei", {kThird});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_EQ(r->entities.size(), address_labels(kThird));
  EXPECT_EQ(r->entities.size(), 56u);
  EXPECT_EQ(r->publication_date, "2025-09-12");
  // Japanese name, Chinese name and English name on one line.
  const Entity* yilufa = find(*r, "TC-13");
  ASSERT_NE(yilufa, nullptr);
  EXPECT_EQ(yilufa->caption, "Yilufa Electronics Ltd");
  EXPECT_TRUE(has_name(*yilufa, "イールーファ・エレクトロニクス有限会社", NameKind::kOriginalScript));
  EXPECT_TRUE(has_name(*yilufa, "深圳市亿路发科技有限公司", NameKind::kAlias));
  EXPECT_TRUE(has_name(*yilufa, "Yilufa Electronics Limited", NameKind::kAlias));
  // The later layout: "別称：" Japanese aliases, then Latin aliases separated by ';'.
  const Entity* eastech = find(*r, "TC-49");
  ASSERT_NE(eastech, nullptr);
  EXPECT_EQ(eastech->caption, "Eastech Electronics Limited");
  EXPECT_TRUE(has_name(*eastech, "イータイ・テクノロジー", NameKind::kAlias));
  EXPECT_TRUE(has_name(*eastech, "Shenzhen Yitai Technology Co Ltd", NameKind::kAlias));
  EXPECT_EQ(eastech->addresses.size(), 2u);
  // Both lists together: ids stay distinct.
  auto both = parse_list("meti-tokutei", {kBelarus, kThird});
  ASSERT_TRUE(both.ok()) << both.status().to_string();
  EXPECT_EQ(both->entities.size(), 27u + 56u);
}

// Issue 17 §4: the English name of a subsidiary opens its own line and quotes the subsidiary
// in typographic quotes (block 113); "the follow three aliases" (block 41) lists aliases too.
TEST(MetiTokutei, RussiaEnglishNamesInQuotesAndAliasLists) {
  auto r = parse_list("meti-tokutei", {kRussia});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->entities.size(), 561u);  // MOFA notice 82 as of 2025-09-12
  const Entity* astrakhan = find(*r, "RU-113");
  ASSERT_NE(astrakhan, nullptr);
  EXPECT_TRUE(has_name(*astrakhan, "株式会社統一造船会社「アストラハン造船所」", NameKind::kOriginalScript));
  EXPECT_TRUE(has_name(*astrakhan, "United Shipbuilding Corporation JSC “Astrakhan Shipyard”", NameKind::kPrimary));
  const Entity* kvant = find(*r, "RU-41");
  ASSERT_NE(kvant, nullptr);
  EXPECT_TRUE(has_name(*kvant, "SP Kvant", NameKind::kPrimary));
  EXPECT_TRUE(has_name(*kvant, "Kvant LLC", NameKind::kAlias));
  EXPECT_TRUE(has_name(*kvant, "Joint Ventur Quantum", NameKind::kAlias));
  // A bracket of aliases that wraps onto a line with Latin letters ("…及び公共株式会" then
  // "社ASZ）", block 50) stays Japanese, and the English name after it is whole.
  const Entity* amur = find(*r, "RU-50");
  ASSERT_NE(amur, nullptr);
  EXPECT_TRUE(has_name(*amur, "公共株式会社アムール造船所", NameKind::kOriginalScript));
  EXPECT_TRUE(has_name(*amur, "Amur Shipbuilding Factory PJSC", NameKind::kPrimary));
  // A bracket of Latin aliases that wraps onto a line of its own ("…及び KVZ" then
  // "Remservis）", block 17) closes there: the aliases are whole and the English name is the
  // next line's.
  const Entity* kazan = find(*r, "RU-17");
  ASSERT_NE(kazan, nullptr);
  EXPECT_TRUE(has_name(*kazan, "株式会社カザンヘリコプター修理工場", NameKind::kOriginalScript));
  EXPECT_TRUE(has_name(*kazan, "KVZ Remservis", NameKind::kAlias));
  EXPECT_TRUE(has_name(*kazan, "JSC Kazan Helicopter Plant Repair Service", NameKind::kPrimary));
  // No Japanese name keeps a piece of the English one, nor a bracket left open.
  for (const Entity& e : r->entities) {
    for (const Name& n : e.names) {
      if (n.lang == "ja") {
        EXPECT_EQ(std::count(n.full.begin(), n.full.end(), '('), std::count(n.full.begin(), n.full.end(), ')'))
            << e.source_id << ": " << n.full;
      }
    }
  }
  for (const Entity& e : r->entities) {
    for (const Name& n : e.names) {
      if (n.lang == "ja") {
        EXPECT_EQ(n.full.find("Corporation"), std::string::npos) << e.source_id << ": " << n.full;
      }
    }
  }
}

TEST(MetiTokuteiErrors, NameTheFileAndLine) {
  auto dir = testing::temp_dir("tokutei");
  testing::write_file(dir / "list_belarus_tokutei.txt",
                      "○ 表題\n指定日：2022 年03月08 日\n１ 株式会社テスト\nTest JSC\n所在地：Minsk, Belarus\n"
                      "２ 株式会社ノー住所\nNo Address JSC\n");
  auto r = parse_list("meti-tokutei", {dir / "list_belarus_tokutei.txt"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("list_belarus_tokutei.txt:6: block 2 has no 所在地"), std::string::npos)
      << r.status().message();
  testing::write_file(dir / "unknown.txt", "１ 株式会社テスト\nTest JSC\n所在地：Minsk\n");
  auto r2 = parse_list("meti-tokutei", {dir / "unknown.txt"});
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("unknown.txt: cannot tell which list"), std::string::npos);
  testing::write_file(dir / "empty_belarus.txt", "");
  auto r3 = parse_list("meti-tokutei", {dir / "empty_belarus.txt"});
  ASSERT_FALSE(r3.ok());
  EXPECT_NE(r3.status().message().find("empty_belarus.txt"), std::string::npos);
}

}  // namespace
}  // namespace sekisho
