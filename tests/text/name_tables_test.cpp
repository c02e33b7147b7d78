// The name tables of src/text/tables/ and the readings built on them (issue 17, §3 and §4).
#include <gtest/gtest.h>

#include "sekisho/text.hpp"
#include "text/text_internal.hpp"
#include "text/text_test_util.hpp"

namespace sekisho::text {
namespace {

using testing::contains;

TEST(NameTablesDeathTest, ABrokenBuiltInTableStopsTheProcessNamingIt) {
  // Screening with a table missing would miss every name it covers without a word: never a
  // state to go on in. The text part keeps threads (MeCab, ICU): the child runs the test afresh.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(detail::refuse_without_table(Status(StatusCode::kNotFound, "src/text/tables/x.tsv: not embedded")),
               "built-in name table is broken.*src/text/tables/x.tsv: not embedded");
}

TEST(NameTables, EveryTableParses) {
  // A malformed line names its table and line; a repeated key or a form in two classes is one.
  const Status s = detail::name_tables_status();
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_GT(detail::arabic_name_spellings().spellings.size(), 100u);
  EXPECT_GT(detail::korean_surname_spellings().spellings.size(), 50u);
  EXPECT_FALSE(detail::equivalent_names().list_form.empty());
  // Organisation words: each word to its line's first word; the Russian kept ones too.
  ASSERT_NE(detail::organization_word_class("zavod"), nullptr);
  EXPECT_EQ(*detail::organization_word_class("zavod"), "plant");
  EXPECT_EQ(*detail::organization_word_class("factory"), "plant");
  EXPECT_EQ(*detail::organization_word_class("plant"), "plant");
  EXPECT_EQ(detail::organization_word_class("sukhoi"), nullptr);
  // Acronyms keep their capitals; their wordings are lower case, the usual one first.
  bool tsnii = false;
  for (const auto& e : detail::russian_acronyms().entries) {
    if (e.acronym == "TsNII") tsnii = e.wordings.front() == "central scientific research institute";
  }
  EXPECT_TRUE(tsnii);
}

TEST(ArabicNames, GivenNamesGetTheirVowelsFromTheTable) {
  const std::vector<std::string> r = detail::arabic_table_readings("محمد علي");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r.front(), "muhammad ali");
  EXPECT_TRUE(contains(r, "mohamed ali"));
  // Hamza seats, ta marbuta and vowel marks fold away before the lookup.
  EXPECT_EQ(detail::arabic_table_readings("أحمد").front(), "ahmad");
  EXPECT_EQ(detail::arabic_table_readings("مُحَمَّد").front(), "muhammad");
}

TEST(ArabicNames, AbdCompoundsAndNasabWords) {
  EXPECT_EQ(detail::arabic_table_readings("عبد الله").front(), "abdullah");
  EXPECT_EQ(detail::arabic_table_readings("حسن نصر الله").front(), "hasan nasrallah");
  EXPECT_EQ(detail::arabic_table_readings("اسامة بن لادن").front(), "usama bin laden");
  // عبد before an article and a name the table lacks is abdul / abdel / abd al that name.
  const std::vector<std::string> r = detail::arabic_table_readings("عبد النور");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_TRUE(r[0].starts_with("abdul ")) << r[0];
  EXPECT_TRUE(r[1].starts_with("abdel ")) << r[1];
  // The article written on a known word: الظواهري is in the table, القذافي through قذافي.
  EXPECT_TRUE(contains(detail::arabic_table_readings("أيمن الظواهري"), "ayman al zawahiri"));
}

TEST(ArabicNames, UnknownWordsGiveNoTableReading) { EXPECT_TRUE(detail::arabic_table_readings("بوتين").empty()); }

TEST(ArabicNames, AnalyzeNameReadsTheTableFirst) {
  const NameForms f = analyze_name("محمد علي", {.kind = PartyKind::kPerson});
  ASSERT_FALSE(f.variants.empty());
  EXPECT_EQ(f.variants.front(), "muhammad ali");
  EXPECT_TRUE(contains(f.variants, "mohamed ali"));
}

TEST(KoreanNames, SurnamesAsPeopleSpellThemAndGivenNamesInThreeConventions) {
  const std::vector<std::string> kim = detail::korean_name_readings("김정은");
  ASSERT_FALSE(kim.empty());
  EXPECT_EQ(kim.front(), "kim jong un");        // McCune–Reischauer without breves, as the DPRK's
  EXPECT_TRUE(contains(kim, "kim jeong eun"));  // Revised Romanization
  EXPECT_TRUE(contains(detail::korean_name_readings("박지성"), "park ji sung"));  // ㅓ as u
  EXPECT_TRUE(contains(detail::korean_name_readings("이명박"), "lee myung bak"));
  EXPECT_TRUE(contains(detail::korean_name_readings("최룡해"), "choi ryong hae"));
  // Two-syllable surnames.
  EXPECT_EQ(detail::korean_name_readings("남궁민").front(), "namgung min");
}

TEST(KoreanNames, WordsThatAreNoNamesGetNoNameReading) {
  EXPECT_TRUE(detail::korean_name_readings("블라디미르").empty());              // 블 is no surname
  EXPECT_TRUE(detail::korean_name_readings("김").empty());                      // a surname alone
  EXPECT_TRUE(detail::korean_name_readings("조선민주주의인민공화국").empty());  // too long for a name
}

TEST(KoreanNames, HanjaNamesReadInKoreanThroughLibhangul) {
  if (detail::hanja_as_hangul("金正恩").empty()) GTEST_SKIP() << "libhangul-data is not installed (scripts/setup)";
  EXPECT_EQ(detail::hanja_as_hangul("金正恩"), "김정은");
  EXPECT_EQ(detail::hanja_as_hangul("朴智星"), "박지성");
  EXPECT_EQ(detail::hanja_as_hangul("李明博"), "이명박");  // 리 read 이 in the South (두음법칙)
  EXPECT_EQ(detail::hanja_as_hangul("東京"), "");          // 東 is no Korean surname's hanja
  const NameForms f = analyze_name("金正恩", {.kind = PartyKind::kPerson});
  EXPECT_TRUE(contains(f.variants, "kim jong un"));
}

TEST(EquivalentNames, OtherLanguagesFormsReadAsTheListForm) {
  EXPECT_EQ(detail::equivalent_name_reading({"poetin"}, true), "putin");
  EXPECT_EQ(detail::equivalent_name_reading({"vladimiras", "putinas"}, true), "vladimir putin");
  EXPECT_EQ(detail::equivalent_name_reading({"ivan", "putinas"}, true), "ivan putin");
  EXPECT_EQ(detail::equivalent_name_reading({"ivan", "petrov"}, true), "");
  EXPECT_EQ(detail::equivalent_name_reading({"普京"}, false), "putin");
  EXPECT_TRUE(contains(analyze_name("Poetin").variants, "putin"));
  EXPECT_TRUE(contains(analyze_name("普京").variants, "putin"));
  const NameForms obama = analyze_name("贝拉克·奥巴马");
  EXPECT_TRUE(contains(obama.variants, "barack obama"));
}

TEST(BankKana, AbbreviatedLegalFormsAreWrittenOut) {
  EXPECT_EQ(normalize(detail::expand_bank_legal_forms("ｶ)ﾛｿﾎﾞﾛﾝｴｸｽﾎﾟﾙﾄ")).text(), "株式会社 ロソボロンエクスポルト");
  EXPECT_EQ(normalize(detail::expand_bank_legal_forms("ﾛｿﾎﾞﾛﾝｴｸｽﾎﾟﾙﾄ(ｶ")).text(), "ロソボロンエクスポルト 株式会社");
  EXPECT_EQ(normalize(detail::expand_bank_legal_forms("ﾛｿﾎﾞﾛﾝ(ﾕ)")).text(), "ロソボロン 有限会社");
  // A lone kana is a name's word unless the brackets make it the form: ユ・チン is Yu Jin.
  EXPECT_EQ(detail::expand_bank_legal_forms("ユ・チン"), "ユ・チン");
  EXPECT_EQ(detail::expand_bank_legal_forms("Bank of China (Hong Kong)"), "Bank of China (Hong Kong)");
}

TEST(BankKana, KanaLegalFormsAreLegalForms) {
  const AnalyzeOptions org{.kind = PartyKind::kOrganization};
  const NameForms kanji = analyze_name("株式会社ロソボロンエクスポルト", org);
  for (const char* written : {"ｶ)ﾛｿﾎﾞﾛﾝｴｸｽﾎﾟﾙﾄ", "カブシキガイシャ ロソボロンエクスポルト", "ﾛｿﾎﾞﾛﾝｴｸｽﾎﾟﾙﾄ(ｶ"}) {
    const NameForms f = analyze_name(written, org);
    EXPECT_EQ(f.legal_form_classes, kanji.legal_form_classes) << written;
    ASSERT_FALSE(f.variants.empty()) << written;
    EXPECT_EQ(f.variants.front(), kanji.variants.front()) << written;
  }
}

}  // namespace
}  // namespace sekisho::text
