// Issue 21 §5: the ASan + UBSan suite found split_values reading past the front of an empty
// string: a piece that is list punctuation alone ("、" between two separators) was emptied by
// the trimming and then asked for its last character. Such a piece is dropped; the others stay.
#include <gtest/gtest.h>

#include "lists/jp_text.hpp"

namespace sekisho {
namespace {

TEST(Issue21JpSplitValues, APieceOfPunctuationAloneIsDropped) {
  EXPECT_EQ(split_values("Ivan Petrov;、;Maria Lopez"), (std::vector<std::string>{"Ivan Petrov", "Maria Lopez"}));
  EXPECT_TRUE(split_values("、").empty());
  EXPECT_TRUE(split_values("・;,;:").empty());
}

}  // namespace
}  // namespace sekisho
