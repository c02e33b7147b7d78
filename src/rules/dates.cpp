// ISO calendar dates as day numbers, so dated memberships compare as integers.
// The calendar is C++20's <chrono> (proleptic Gregorian, days since 1970-01-01).
#include <charconv>
#include <chrono>
#include <cstdio>

#include "sekisho/rules.hpp"

namespace sekisho::rules {

Result<int32_t> parse_iso_day(std::string_view iso) {
  auto bad = [&] { return invalid_argument("'" + std::string(iso) + "' is not an ISO date YYYY-MM-DD"); };
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return bad();
  int y = 0, m = 0, d = 0;
  auto num = [](std::string_view s, int& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
  };
  if (!num(iso.substr(0, 4), y) || !num(iso.substr(5, 2), m) || !num(iso.substr(8, 2), d)) return bad();
  if (m < 1 || d < 1) return bad();
  const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                         std::chrono::day{static_cast<unsigned>(d)}};
  if (!date.ok()) return bad();
  return static_cast<int32_t>(std::chrono::sys_days{date}.time_since_epoch().count());
}

std::string format_iso_day(int32_t day) {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day}}};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return buf;
}

}  // namespace sekisho::rules
