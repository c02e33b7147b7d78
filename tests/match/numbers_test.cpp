// Numbers in names read the same however written (numbers.hpp).
#include <gtest/gtest.h>

#include "match/numbers.hpp"

namespace sekisho::match::detail {
namespace {

TEST(NumbersTest, DigitsWordsAndOrdinalsGiveOneValue) {
  EXPECT_EQ(read_number("44").value, 44);
  EXPECT_EQ(read_number("three").value, 3);
  EXPECT_EQ(read_number("1st").value, 1);
  EXPECT_EQ(read_number("first").value, 1);
  EXPECT_EQ(read_number("22nd").value, 22);
  EXPECT_EQ(read_number("ninetieth").value, 90);
  EXPECT_TRUE(read_number("forty").tens);
  EXPECT_TRUE(read_number("four").units);
  EXPECT_FALSE(read_number("fourteen").units);  // "forty fourteen" is no number
  EXPECT_TRUE(read_number("three").in_words);
  EXPECT_FALSE(read_number("3").in_words);
}

TEST(NumbersTest, NamesAndIdentifiersAreNoNumbers) {
  EXPECT_FALSE(read_number("nina").is_number());    // one letter from "nine"
  EXPECT_FALSE(read_number("steven").is_number());  // contains "seven"
  EXPECT_FALSE(read_number("b52").is_number());
  EXPECT_FALSE(read_number("4x4").is_number());
  EXPECT_FALSE(read_number("1234567890").is_number());  // an identifier, not a number a name is read with
  EXPECT_FALSE(read_number("").is_number());
}

}  // namespace
}  // namespace sekisho::match::detail
