#include "lists/dated_names.hpp"

#include <regex>

namespace sekisho {

namespace {

bool plausible(int year, int month, int day) {
  return year >= 1990 && year <= 2100 && month >= 1 && month <= 12 && day >= 0 && day <= 31;
}

}  // namespace

std::string date_in_name(std::string_view name) {
  // The separator between year and month must repeat between month and day, so
  // 2021-0712 is not read as a date.
  static const std::regex kFullDate(R"((?:^|\D)(\d{4})([-_]?)(\d{2})\2(\d{2})(?!\d))");
  static const std::regex kYearMonth(R"((?:^|\D)(\d{4})[-_](\d{2})(?!\d))");
  std::string s(name);
  std::smatch m;
  if (std::regex_search(s, m, kFullDate) && plausible(std::stoi(m.str(1)), std::stoi(m.str(3)), std::stoi(m.str(4))) &&
      std::stoi(m.str(4)) > 0) {
    return m.str(1) + "-" + m.str(3) + "-" + m.str(4);
  }
  if (std::regex_search(s, m, kYearMonth) && plausible(std::stoi(m.str(1)), std::stoi(m.str(2)), 0)) {
    return m.str(1) + "-" + m.str(2);
  }
  return "";
}

std::string date_in_path(const std::filesystem::path& path) {
  std::string date = date_in_name(path.filename().string());
  if (date.empty() && path.has_parent_path()) date = date_in_name(path.parent_path().filename().string());
  return date;
}

}  // namespace sekisho
