// Issue 20 §1: a list's age runs from the publisher's date, against the
// publisher's cadence in the catalogue; undated and missing lists are never fresh.
#include <gtest/gtest.h>

#include <ctime>

#include "sekisho/update.hpp"

namespace sekisho {
namespace {

std::chrono::system_clock::time_point utc(int y, int m, int d) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

ListVersion version(const std::string& id, const std::string& published) {
  ListVersion v;
  v.list_id = id;
  v.version = 3;
  v.publication_date = published;
  v.created_at = "2026-12-07T09:00:00Z";
  return v;
}

const ListAge& find(const std::vector<ListAge>& ages, const std::string& id) {
  for (const ListAge& a : ages) {
    if (a.list_id == id) return a;
  }
  static ListAge none;
  ADD_FAILURE() << "no age for " << id;
  return none;
}

TEST(ListAges, AgeRunsFromThePublicationDateAgainstTheCadence) {
  std::vector<SourceSpec> catalogue = {{.list_id = "weekly", .title = "Weekly", .max_age_days = 7},
                                       {.list_id = "monthly", .max_age_days = 30}};
  auto now = utc(2026, 12, 7) + std::chrono::hours(12);
  auto ages = list_ages({version("weekly", "2026-11-20"), version("monthly", "2026-11-20")}, catalogue, now);
  const ListAge& weekly = find(ages, "weekly");
  EXPECT_EQ(weekly.age_seconds, 17 * 86400 + 12 * 3600);
  EXPECT_EQ(weekly.state, ListAgeState::kStale);
  EXPECT_TRUE(weekly.flagged());
  EXPECT_EQ(weekly.title, "Weekly");
  const ListAge& monthly = find(ages, "monthly");
  EXPECT_EQ(monthly.state, ListAgeState::kFresh);
  EXPECT_FALSE(monthly.flagged());
  EXPECT_NE(describe_list_age(weekly).find("STALE: older than 7 days"), std::string::npos) << describe_list_age(weekly);
}

TEST(ListAges, AYearMonthDateCountsFromItsFirstDay) {
  auto ages = list_ages({version("sdn", "2021-07")}, {{.list_id = "sdn", .max_age_days = 7}}, utc(2021, 7, 31));
  EXPECT_EQ(find(ages, "sdn").age_seconds, 30 * 86400);
  EXPECT_EQ(find(ages, "sdn").state, ListAgeState::kStale);
}

TEST(ListAges, UndatedAndMissingListsAreFlagged) {
  std::vector<SourceSpec> catalogue = {{.list_id = "eu", .max_age_days = 7}, {.list_id = "undated", .max_age_days = 7}};
  auto ages = list_ages({version("undated", ""), version("in_house", "2020-01-01")}, catalogue, utc(2026, 12, 7));
  ASSERT_EQ(ages.size(), 3u);
  EXPECT_EQ(find(ages, "eu").state, ListAgeState::kMissing);
  EXPECT_FALSE(find(ages, "eu").version.has_value());
  EXPECT_TRUE(find(ages, "eu").flagged());
  EXPECT_EQ(find(ages, "undated").state, ListAgeState::kUndated);
  EXPECT_EQ(find(ages, "undated").age_seconds, -1);
  EXPECT_TRUE(find(ages, "undated").flagged());
  // A list not in the catalogue has no cadence to be late against.
  EXPECT_EQ(find(ages, "in_house").state, ListAgeState::kFresh);
  EXPECT_EQ(list_age_state_name(ListAgeState::kMissing), "missing");
}

TEST(ListAges, EveryCatalogueListHasACadence) {
  for (const SourceSpec& s : default_sources()) EXPECT_GT(s.max_age_days, 0) << s.list_id;
}

}  // namespace
}  // namespace sekisho
