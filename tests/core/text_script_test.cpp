// The one script detector (src/io/text_script.hpp): the list parsers' "is this the original
// script?" and the text pipeline's script per token come from the same answer.
#include <gtest/gtest.h>

#include "io/text_script.hpp"

namespace sekisho {
namespace {

TEST(TextScript, VietnameseAndOtherExtendedLatinIsLatin) {
  // Latin Extended Additional (U+1E00–U+1EFF) holds Vietnamese letters: a name written in them
  // is a Latin name, not one in its original script.
  EXPECT_FALSE(has_non_latin_letters("Nguyễn Văn An"));
  EXPECT_FALSE(has_non_latin_letters("Trần Thị Hồng"));
  EXPECT_FALSE(has_non_latin_letters("Ｔｏｙｏｔａ"));  // full-width Latin
  EXPECT_FALSE(has_non_latin_letters("“Wagner” 1–2 (Ltd.)"));
  EXPECT_EQ(detect_script("Nguyễn"), Script::kLatin);
}

TEST(TextScript, EveryOtherScriptCounts) {
  for (std::string_view name : {"Путин", "Αλέξανδρος", "محمد", "נתניהו", "上川", "ようこ", "プーチン", "김정은",
                                "Սարգսյան", "ქართველი", "สมชาย", "ー"}) {
    EXPECT_TRUE(has_non_latin_letters(name)) << name;
  }
  EXPECT_TRUE(has_non_latin_letters("Ivanov Иванов"));
}

TEST(TextScript, ThePartsAgreeOnEveryToken) {
  for (std::string_view token :
       {"putin", "Nguyễn", "путин", "محمد", "上川", "株式会社トヨタ", "김정은", "12", "สมชาย"}) {
    const Script s = detect_script(token);
    EXPECT_EQ(has_non_latin_letters(token), s != Script::kLatin && s != Script::kNone) << token;
  }
}

TEST(TextScript, IcuScriptOfTheFirstLetter) {
  EXPECT_EQ(first_icu_script("১২ বাংলা"), USCRIPT_BENGALI);  // Bengali digits are the script's own
  EXPECT_EQ(first_icu_script("- Putin"), USCRIPT_LATIN);
  EXPECT_EQ(first_icu_script("123 ..."), USCRIPT_COMMON);
  EXPECT_EQ(script_name(detect_script("สมชาย")), "other");
}

}  // namespace
}  // namespace sekisho
