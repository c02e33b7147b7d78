#include "cli/list_age_report.hpp"

#include <fmt/format.h>

namespace sekisho::cli {

std::string age_cell(const ListAge& age) {
  switch (age.state) {
    case ListAgeState::kMissing:
      return "MISSING";
    case ListAgeState::kUndated:
      return "date unknown, UNDATED";
    case ListAgeState::kStale:
      return fmt::format("{}, {} days, STALE", age.version->publication_date, age.age_seconds / 86400);
    case ListAgeState::kFresh:
      break;
  }
  return fmt::format("{}, {} days", age.version->publication_date, age.age_seconds / 86400);
}

const ListAge* find_age(const std::vector<ListAge>& ages, std::string_view list_id) {
  for (const ListAge& a : ages) {
    if (a.list_id == list_id) return &a;
  }
  return nullptr;
}

void print_lists_header(const std::vector<ListAge>& ages, std::ostream& os) {
  std::string line;
  for (const ListAge& a : ages) {
    if (!line.empty()) line += "; ";
    line += a.version ? fmt::format("{} v{} ({})", a.list_id, a.version->version, age_cell(a))
                      : fmt::format("{} ({})", a.list_id, age_cell(a));
  }
  os << "sekisho: lists: " << line << "\n";
}

void warn_flagged_lists(const std::vector<ListAge>& ages, std::ostream& os) {
  std::string line;
  size_t flagged = 0;
  for (const ListAge& a : ages) {
    if (!a.flagged()) continue;
    ++flagged;
    if (!line.empty()) line += "; ";
    switch (a.state) {
      case ListAgeState::kStale:
        line += fmt::format("{} published {}, older than its {}-day cadence", a.list_id, a.version->publication_date,
                            a.max_age_days);
        break;
      case ListAgeState::kUndated:
        line += fmt::format("{} has no publication date", a.list_id);
        break;
      case ListAgeState::kMissing:
        line += fmt::format("{} is not loaded (`sekisho update`)", a.list_id);
        break;
      case ListAgeState::kFresh:
        break;
    }
  }
  if (flagged == 0) return;
  os << fmt::format("sekisho: warning: {} of {} lists are stale, undated or missing: {}\n", flagged, ages.size(), line);
}

}  // namespace sekisho::cli
