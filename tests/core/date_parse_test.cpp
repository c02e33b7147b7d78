#include <gtest/gtest.h>

#include "sekisho/entity.hpp"

namespace sekisho {
namespace {

TEST(ParseDateLoose, IsoAndPartial) {
  EXPECT_EQ(parse_date_loose("1960-05-17").date.iso(), "1960-05-17");
  EXPECT_EQ(parse_date_loose("1960").date.iso(), "1960");
  EXPECT_EQ(parse_date_loose("1960-05").date.iso(), "1960-05");
}

TEST(ParseDateLoose, WrittenMonths) {
  EXPECT_EQ(parse_date_loose("17 May 1960").date.iso(), "1960-05-17");
  EXPECT_EQ(parse_date_loose("May 1960").date.iso(), "1960-05");
  EXPECT_EQ(parse_date_loose("15 Dec 1945").date.iso(), "1945-12-15");
}

TEST(ParseDateLoose, DayFirstUnlessMonthFirst) {
  EXPECT_EQ(parse_date_loose("03.04.1970").date.iso(), "1970-04-03");
  EXPECT_EQ(parse_date_loose("03/04/1970", /*month_first=*/true).date.iso(), "1970-03-04");
  // 25 cannot be a month: the reading flips.
  EXPECT_EQ(parse_date_loose("12/25/1970").date.iso(), "1970-12-25");
}

TEST(ParseDateLoose, CircaAndRanges) {
  DateSpec c = parse_date_loose("circa 1955");
  EXPECT_TRUE(c.circa);
  EXPECT_EQ(c.date.iso(), "1955");
  DateSpec r = parse_date_loose("1960 to 1962");
  EXPECT_EQ(r.date.iso(), "1960");
  EXPECT_EQ(r.until.iso(), "1962");
  DateSpec b = parse_date_loose("Between 1958 and 1963");
  EXPECT_EQ(b.date.iso(), "1958");
  EXPECT_EQ(b.until.iso(), "1963");
}

TEST(ParseDateLoose, GarbageGivesEmptyWithRaw) {
  DateSpec d = parse_date_loose("unknown");
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(d.raw, "unknown");
  EXPECT_TRUE(parse_date_loose("31.02.99999").empty());
}

}  // namespace
}  // namespace sekisho
