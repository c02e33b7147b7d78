// ISO calendar dates as day numbers, so dated memberships compare as integers.
#include <charconv>
#include <cstdio>

#include "sekisho/rules.hpp"

namespace sekisho::rules {

namespace {

// Howard Hinnant's days_from_civil (public-domain algorithm, "chrono-Compatible
// Low-Level Date Algorithms"): proleptic Gregorian date → days since 1970-01-01.
int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

Result<int32_t> parse_iso_day(std::string_view iso) {
  auto bad = [&] { return invalid_argument("'" + std::string(iso) + "' is not an ISO date YYYY-MM-DD"); };
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return bad();
  int y = 0, m = 0, d = 0;
  auto num = [](std::string_view s, int& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
  };
  if (!num(iso.substr(0, 4), y) || !num(iso.substr(5, 2), m) || !num(iso.substr(8, 2), d)) return bad();
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return bad();
  int max_day = kDays[m - 1] + (m == 2 && is_leap(y) ? 1 : 0);
  if (d > max_day) return bad();
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string format_iso_day(int32_t z) {
  // Inverse of days_from_civil (same source).
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

}  // namespace sekisho::rules
