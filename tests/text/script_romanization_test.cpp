// The per-script romanisation fixes (src/text/script_romanization.cpp), on real names.
#include <gtest/gtest.h>

#include "sekisho/text.hpp"
#include "text/text_internal.hpp"
#include "text/text_test_util.hpp"

namespace sekisho::text {
namespace {

using testing::contains;

TEST(ScriptRomanisation, AbjadVowelLettersReadAsVowels) {
  EXPECT_EQ(detail::vocalise_abjad("fladymyr bwtyn"), "fladimir butin");  // فلاديمير بوتين
  EXPECT_EQ(detail::vocalise_abjad("wldymyr pwtyn"), "wldimir putin");    // ולדימיר פוטין
  EXPECT_EQ(detail::vocalise_abjad("wwladymyr"), "vladimir");             // Yiddish וו
  // A leading w/y and one between vowels stay consonants: ياسر yasr, حسين hsyn → hsin.
  EXPECT_EQ(detail::vocalise_abjad("yasr"), "yasr");
  EXPECT_EQ(detail::vocalise_abjad("hsyn"), "hsin");
  EXPECT_EQ(detail::vocalise_abjad("dawud"), "dawud");
}

TEST(ScriptRomanisation, UrduLettersBecomeArabicOnes) {
  NameForms f = analyze_name("ولادیمیر پیوٹن");
  ASSERT_FALSE(f.variants.empty());
  EXPECT_EQ(f.variants[0].substr(f.variants[0].find(' ') + 1), "piutn");  // ٹ read as ت
}

TEST(ScriptRomanisation, IndicInherentFinalVowelDropped) {
  EXPECT_EQ(detail::drop_inherent_final_vowel("vlādimīra putina"), "vlādimīr putin");
  // A written long vowel stays: सीता sītā.
  EXPECT_EQ(detail::drop_inherent_final_vowel("sītā"), "sītā");
  NameForms hi = analyze_name("व्लादिमीर पुतिन");
  ASSERT_FALSE(hi.variants.empty());
  EXPECT_EQ(hi.variants[0], "vladimir putin");
  EXPECT_TRUE(contains(hi.variants, "vladimira putina"));
}

TEST(ScriptRomanisation, HangulLoanwordReading) {
  EXPECT_EQ(detail::hangul_loanword_reading("beulladimileu putin"), "bladimir putin");  // 블라디미르 푸틴
  EXPECT_EQ(detail::hangul_loanword_reading("hotel"), "hotel");                         // 호텔: final ㄹ is l
  NameForms ko = analyze_name("블라디미르 푸틴");
  EXPECT_TRUE(contains(ko.variants, "bladimir putin"));
}

TEST(ScriptRomanisation, ThaiEthiopicMalayalam) {
  EXPECT_TRUE(contains(analyze_name("วลาดีมีร์ ปูติน").variants, "wladimir putin"));
  EXPECT_TRUE(contains(analyze_name("ቭላዲሚር ፑቲን").variants, "vladimir putin"));
  const auto ml = analyze_name("വ്ളാഡിമിർ പുടിൻ").variants;
  ASSERT_FALSE(ml.empty());
  EXPECT_EQ(ml[0].find_first_not_of("abcdefghijklmnopqrstuvwxyz "), std::string::npos) << ml[0];
  EXPECT_EQ(ml[0].back(), 'n') << ml[0];  // ൻ spelled out, not dropped
}

TEST(ScriptRomanisation, BengaliBhForAForeignV) {
  EXPECT_TRUE(contains(analyze_name("ভ্লাদিমির পুতিন").variants, "vladimir putin"));
}

TEST(ScriptRomanisation, BelarusianNameInItsRussianForm) {
  EXPECT_TRUE(detail::looks_belarusian("Уладзімір Пуцін"));
  EXPECT_FALSE(detail::looks_belarusian("Володимир Путін"));  // Ukrainian: и
  EXPECT_FALSE(detail::looks_belarusian("Владимир Путин"));
  EXPECT_EQ(detail::belarusian_as_russian("Уладзімір Пуцін"), "Владимир Путин");
  // Лукашэнка keeps its у (after a consonant) and its hard ц-less spelling.
  EXPECT_EQ(detail::belarusian_as_russian("Аляксандр Лукашэнка"), "Аляксандр Лукашэнка");
  EXPECT_TRUE(contains(analyze_name("Уладзімір Уладзіміравіч Пуцін").variants, "vladimir vladimiravich putin"));
}

TEST(ScriptRomanisation, BelarusianLacinkaInItsRussianForm) {
  EXPECT_TRUE(detail::looks_lacinka("uładzimir pucin"));
  EXPECT_FALSE(detail::looks_lacinka("władysław gomułka"));  // Polish ł without a soft dz/c
  EXPECT_FALSE(detail::looks_lacinka("paweł cieślak"));      // Polish: ś
  EXPECT_EQ(detail::lacinka_as_russian("uładzimir pucin"), "vladimir putin");
  EXPECT_EQ(detail::lacinka_as_russian("alaksandr łukašenka"), "alaksandr lukasenka");
  EXPECT_TRUE(contains(analyze_name("Uładzimir Pucin").variants, "vladimir putin"));
}

TEST(ScriptRomanisation, ScriptsIcuCannotRomanise) {
  // Sinhala: inherent a unless al-lakuna or a vowel sign follows; ැ is a foreign a.
  EXPECT_EQ(detail::romanize_sinhala("ව්ලැදිමීර්"), "vladimir");
  EXPECT_EQ(detail::romanize_sinhala("කොළඹ"), "kolamba");  // Colombo: inherent vowels written
  // Khmer: coeng joins consonants, no inherent vowel is written.
  EXPECT_EQ(detail::romanize_khmer("ពូទីន"), "putin");
  EXPECT_EQ(detail::romanize_khmer("វ្លាឌីមៀ"), "vladimie");
  // Lao through Thai: ວ ລ ... are Thai ว ล ... 0x80 lower.
  EXPECT_EQ(detail::lao_as_thai("ປູຕິນ"), "ปูติน");
  EXPECT_EQ(detail::lao_as_thai("ໜອງ"), "หนอง");  // ໜ is ຫ+ນ
  EXPECT_EQ(analyze_name("ວລາດີມີຣ ປູຕິນ").variants[0], "wladimir putin");
  EXPECT_EQ(analyze_name("ව්ලැදිමීර් පුටින්").variants[0], "vladimir putin");
}

}  // namespace
}  // namespace sekisho::text
