// Japan MOF asset-freeze list (mof-xlsx) on the official 2026-03-05 workbook.
#include <gtest/gtest.h>

#include <map>

#include "core/strings.hpp"
#include "io/spreadsheet.hpp"
#include "lists/zip_fixture.hpp"
#include "sekisho/lists.hpp"
#include "support/shared_data.hpp"

namespace sekisho {
namespace {

const std::string kMof = std::string(SEKISHO_SHARED_DATA) + "/japan/mof_shisantouketsu_20260305.xlsx";

class MofXlsx : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = parse_list("mof-xlsx", {kMof});
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    parsed_ = new ParsedList(std::move(*r));
    for (const Entity& e : parsed_->entities) by_source_->emplace(e.source_id, &e);
  }
  static const Entity& get(const std::string& source_id) {
    auto it = by_source_->find(source_id);
    EXPECT_NE(it, by_source_->end()) << source_id;
    static const Entity kNone;
    return it == by_source_->end() ? kNone : *it->second;
  }
  static bool has_name(const Entity& e, std::string_view full, NameKind kind, std::string_view lang) {
    for (const Name& n : e.names) {
      if (n.full == full && n.kind == kind && n.lang == lang) return true;
    }
    return false;
  }
  static inline ParsedList* parsed_ = nullptr;
  static inline auto* by_source_ = new std::map<std::string, const Entity*>();
};

// The count, recomputed without the parser: in every regime sheet that is not
// lifted (【解除】), the rows under the header row (the row holding 英語表記)
// with a 日本語表記 or 英語表記 cell, minus rows whose 告示日付 says 削除.
TEST_F(MofXlsx, CountEqualsIndependentCountOfNamedRows) {
  auto wb = read_xlsx(std::filesystem::path(kMof));
  ASSERT_TRUE(wb.ok());
  size_t expected = 0, regimes = 0;
  for (const Sheet& s : wb->sheets) {
    if (s.name == "一覧" || s.name.find("【解除】") != std::string::npos) continue;
    ++regimes;
    size_t header = s.row_count(), ja = 0, en = 0, date = 0;
    for (size_t r = 0; r < s.row_count() && header == s.row_count(); ++r) {
      for (size_t c = 0; c < s.column_count(r); ++c) {
        std::string t(trim(s.text(r, c)));
        if (t == "英語表記") header = r, en = c;
        if (t == "日本語表記") ja = c;
        if (t == "告示日付") date = c;
      }
    }
    ASSERT_LT(header, s.row_count()) << s.name;
    for (size_t r = header + 1; r < s.row_count(); ++r) {
      bool named = !trim(s.text(r, ja)).empty() || !trim(s.text(r, en)).empty();
      if (named && s.text(r, date).find("削除") == std::string::npos) ++expected;
    }
  }
  EXPECT_EQ(regimes, 41u);  // 44 regimes, 3 lifted
  EXPECT_GT(expected, 2800u);
  EXPECT_EQ(parsed_->entities.size(), expected);
  EXPECT_EQ(parsed_->publication_date, "2026-03-05");
}

TEST_F(MofXlsx, EveryEntryKeepsKatakanaAndEnglish) {
  for (const Entity& e : parsed_->entities) {
    bool en = false, ja = false;
    for (const Name& n : e.names) {
      en |= n.kind == NameKind::kPrimary && n.lang == "en";
      ja |= n.kind == NameKind::kOriginalScript && n.lang == "ja";
    }
    EXPECT_TRUE(en && ja) << e.id << " " << e.caption;
    EXPECT_EQ(e.caption, e.primary_name()->full);
    EXPECT_FALSE(e.raw.empty());
    EXPECT_FALSE(e.programs.empty());
    // No furigana glued to names (告示日付コクジヒヅケ would be the symptom).
    EXPECT_EQ(e.raw.find("コクジ"), std::string::npos) << e.id;
  }
}

TEST_F(MofXlsx, RussianPersonNamesAndSerialDateOfBirth) {
  const Entity& putin = get("29-1");
  EXPECT_EQ(putin.schema, Schema::kPerson);
  EXPECT_EQ(putin.caption, "Vladimir Putin");
  EXPECT_TRUE(has_name(putin, "ウラジーミル・プーチン", NameKind::kOriginalScript, "ja"));
  ASSERT_EQ(putin.birth_dates.size(), 1u);
  EXPECT_EQ(putin.birth_dates[0].date.iso(), "1952-10-07");  // stored as Excel serial 19274
  EXPECT_EQ(putin.listed_on, "2022-03-01");
  EXPECT_EQ(putin.programs[0], "資産凍結等の措置の対象となるロシア連邦の団体及び個人（個人）");
}

TEST_F(MofXlsx, RussianEntityAliasesInBothScripts) {
  const Entity& e = get("28-13");
  EXPECT_EQ(e.schema, Schema::kOrganization);
  EXPECT_EQ(e.caption, "NPK Tekhmash OAO");
  EXPECT_TRUE(has_name(e, "公開株式会社NPKテクマシュ", NameKind::kOriginalScript, "ja"));
  EXPECT_TRUE(has_name(e, "株式会社SPCテクマシュ", NameKind::kAlias, "ja"));
  EXPECT_TRUE(has_name(e, "JSC SPC Techmash", NameKind::kAlias, "en"));
  // "…, Russia; Ul. Bolshaya Tatarskaya …": two addresses in one cell.
  ASSERT_EQ(e.addresses.size(), 2u);
  EXPECT_EQ(e.addresses[0].full, "d. 58 str. 4 shosse Leningradskoe, Moscow, 125212, Russia");
}

TEST_F(MofXlsx, FormerNamesAndEnumeratedAliases) {
  // 14.北朝鮮(決議1718号等；団体) no. 3: "（旧称）コリア・チャングァン・クレジット・バンク、…".
  const Entity& bank = get("14-3");
  EXPECT_TRUE(has_name(bank, "コリア・チャングァン・クレジット・バンク", NameKind::kFormerName, "ja"));
  EXPECT_TRUE(has_name(bank, "Korea Changgwang Credit Bank", NameKind::kFormerName, "en"));
  // 2.タリバーン関係者等 no. 5: "(a)…(b)…⏎ (a.k.a.: (a)… (b)…)".
  const Entity& t = get("2-5");
  EXPECT_TRUE(has_name(t, "モハンマド・ターヘル・アヌワリー", NameKind::kAlias, "ja"));
  EXPECT_TRUE(has_name(t, "Haji Mudir", NameKind::kAlias, "en"));
  EXPECT_EQ(t.schema, Schema::kPerson);
  // An organisation on the mixed Taliban/Al-Qaida sheet, with its Arabic original script.
  const Entity& eij = get("2-170");
  EXPECT_EQ(eij.caption, "EGYPTIAN ISLAMIC JIHAD");
  EXPECT_EQ(eij.schema, Schema::kOrganization);
  EXPECT_TRUE(has_name(eij, "الجهاد الاسلامي المصري", NameKind::kOriginalScript, ""));
}

TEST_F(MofXlsx, LiftedRegimesAndDeletedRowsAreSkipped) {
  for (const Entity& e : parsed_->entities) {
    EXPECT_NE(e.source_id.rfind("8-", 0), 0u) << e.id;   // 8.【解除】リベリア
    EXPECT_NE(e.source_id.rfind("41-", 0), 0u) << e.id;  // 41.マリ共和国: every row 削除
  }
  auto counts = count_by_schema(parsed_->entities);
  EXPECT_GT(counts["Person"], 0);
  EXPECT_GT(counts["Organization"], 0);
}

TEST(MofXlsxErrors, MissingHeaderNamesTheSheet) {
  auto dir = testing::temp_dir("mof");
  auto path = dir / "shisantouketsu20990101.xlsx";
  ASSERT_TRUE(testing::write_xlsx(
      path,
      {{"一覧", {{"notes"}}}, {"1.テスト", {{"タイトル"}, {"告示日付", "告示番号", "氏名"}, {"2020.1.1", "1", "x"}}}}));
  auto r = parse_list("mof-xlsx", {path});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("shisantouketsu20990101.xlsx: sheet '1.テスト': no header row"),
            std::string::npos)
      << r.status().message();
}

TEST(MofXlsxErrors, NotAZipAndEmptyFile) {
  auto dir = testing::temp_dir("mof");
  testing::write_file(dir / "list.xlsx", "告示日付,告示番号\n");
  auto r1 = parse_list("mof-xlsx", {dir / "list.xlsx"});
  ASSERT_FALSE(r1.ok());
  EXPECT_NE(r1.status().message().find("list.xlsx: not a zip archive"), std::string::npos) << r1.status().message();
  testing::write_file(dir / "empty.xlsx", "");
  auto r2 = parse_list("mof-xlsx", {dir / "empty.xlsx"});
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("empty.xlsx"), std::string::npos) << r2.status().message();
}

}  // namespace
}  // namespace sekisho
