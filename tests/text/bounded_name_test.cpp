// The text pipeline's bounds (issue 21): no name, however long or however many
// readings its words have, costs unbounded stack or work.
#include <gtest/gtest.h>

#include <string>

#include "sekisho/text.hpp"

namespace sekisho::text {
namespace {

TEST(BoundedName, ANameWithinTheBoundsIsKeptWhole) {
  EXPECT_EQ(bounded_name("Ivanov Ivan Ivanovich"), "Ivanov Ivan Ivanovich");
  EXPECT_EQ(bounded_name(""), "");
}

TEST(BoundedName, TooManyWordsAreCutAfterTheLastAllowedWord) {
  std::string name;
  for (size_t i = 0; i < kMaxNameWords + 5; ++i) name += "w" + std::to_string(i) + " ";
  std::string_view cut = bounded_name(name);
  EXPECT_LT(cut.size(), name.size());
  // Exactly kMaxNameWords words survive, and the next one is gone.
  EXPECT_NE(cut.find("w" + std::to_string(kMaxNameWords - 1) + " "), std::string_view::npos);
  EXPECT_EQ(cut.find("w" + std::to_string(kMaxNameWords)), std::string_view::npos);
}

TEST(BoundedName, TooManyBytesAreCutAtACharacterBoundary) {
  std::string name;
  while (name.size() <= kMaxNameBytes + 10) name += "株";  // three bytes a character, no spaces
  std::string_view cut = bounded_name(name);
  EXPECT_LE(cut.size(), kMaxNameBytes);
  EXPECT_EQ(cut.size() % 3, 0u) << "cut inside a character";
  EXPECT_GT(cut.size(), kMaxNameBytes - 3);
}

// The reproducer of issue 21: 25,000 repeats of "Ivanov Иванов" crashed combine()
// by recursing once per word.
TEST(AnalyzeName, HalfAMegabyteNameIsAnalysedByItsFirstWords) {
  std::string huge;
  for (int i = 0; i < 25000; ++i) huge += "Ivanov Иванов ";
  NameForms forms = analyze_name(huge);
  ASSERT_FALSE(forms.variants.empty());
  AnalyzeOptions defaults;
  EXPECT_LE(forms.variants.size(), defaults.max_variants);
  EXPECT_LE(forms.variants.front().size(), kMaxNameBytes * 2);
}

// Every Cyrillic word has several readings; a long name of them must still stop at
// max_variants, with the best reading of every word first.
TEST(AnalyzeName, ManyWordsWithManyReadingsStopAtTheCap) {
  std::string name;
  for (size_t i = 0; i < kMaxNameWords; ++i) name += "Жуков ";
  AnalyzeOptions options;
  options.max_variants = 8;
  NameForms forms = analyze_name(name, options);
  ASSERT_FALSE(forms.variants.empty());
  EXPECT_LE(forms.variants.size(), 8u);
  EXPECT_EQ(forms.variants.front().substr(0, 12), "zhukov zhuko");
}

}  // namespace
}  // namespace sekisho::text
