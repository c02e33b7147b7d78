// How old each list is, measured from the publisher's own date rather than
// from the import: a list imported today from a 2021 file is five years old.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>

#include "sekisho/update.hpp"

namespace sekisho {

namespace {

// "2026-02-27" or "2021-07" (read as its first day: the age is then never understated).
std::optional<std::chrono::system_clock::time_point> date_start(const std::string& date) {
  int y = 0, m = 0, d = 1;
  if (std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d) < 2) return std::nullopt;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

}  // namespace

std::string_view list_age_state_name(ListAgeState state) {
  switch (state) {
    case ListAgeState::kFresh:
      return "fresh";
    case ListAgeState::kStale:
      return "stale";
    case ListAgeState::kUndated:
      return "undated";
    case ListAgeState::kMissing:
      return "missing";
  }
  return "missing";
}

std::vector<ListAge> list_ages(const std::vector<ListVersion>& stored, const std::vector<SourceSpec>& catalogue,
                               std::chrono::system_clock::time_point now) {
  std::map<std::string, ListAge> by_id;
  for (const SourceSpec& s : catalogue) {
    ListAge& a = by_id[s.list_id];
    a.list_id = s.list_id;
    a.title = s.title.empty() ? s.list_id : s.title;
    a.max_age_days = s.max_age_days;
  }
  for (const ListVersion& v : stored) {
    ListAge& a = by_id[v.list_id];
    a.list_id = v.list_id;
    if (a.title.empty()) a.title = v.list_id;
    a.version = v;
    auto published = date_start(v.publication_date);
    if (!published) {
      a.state = ListAgeState::kUndated;
      continue;
    }
    a.age_seconds = std::max<int64_t>(0, std::chrono::duration_cast<std::chrono::seconds>(now - *published).count());
    bool stale = a.max_age_days > 0 && a.age_seconds > int64_t{a.max_age_days} * 86400;
    a.state = stale ? ListAgeState::kStale : ListAgeState::kFresh;
  }
  std::vector<ListAge> out;
  out.reserve(by_id.size());
  for (auto& [id, a] : by_id) out.push_back(std::move(a));
  return out;
}

std::string describe_list_age(const ListAge& age) {
  if (age.state == ListAgeState::kMissing) return "MISSING: in the catalogue but not in the store";
  const ListVersion& v = *age.version;
  if (age.state == ListAgeState::kUndated) {
    return fmt::format("publication date UNKNOWN (imported {}): its age cannot be told", v.created_at);
  }
  std::string line = fmt::format("published {}", v.publication_date);
  if (!v.publication_date_source.empty()) line += fmt::format(" (from the {})", v.publication_date_source);
  line += fmt::format(", {} days ago", age.age_seconds / 86400);
  if (age.state == ListAgeState::kStale) line += fmt::format(", STALE: older than {} days", age.max_age_days);
  return line;
}

}  // namespace sekisho
