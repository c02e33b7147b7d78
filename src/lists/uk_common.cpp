#include "lists/uk_common.hpp"

#include <cstdio>

#include "core/strings.hpp"

namespace sekisho {

std::optional<Schema> uk_schema(std::string_view type) {
  type = trim(type);
  if (iequals_ascii(type, "Individual")) return Schema::kPerson;
  if (iequals_ascii(type, "Entity")) return Schema::kOrganization;
  if (iequals_ascii(type, "Ship")) return Schema::kVessel;
  return std::nullopt;
}

std::string uk_date(std::string_view s) {
  s = trim(s);
  if (s.size() != 10 || (s[2] != '-' && s[2] != '/') || s[5] != s[2]) return "";
  for (size_t i : {0, 1, 3, 4, 6, 7, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return "";
  }
  int d = (s[0] - '0') * 10 + (s[1] - '0');
  int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (d < 1 || d > 31 || m < 1 || m > 12) return "";
  return std::string(s.substr(6, 4)) + "-" + std::string(s.substr(3, 2)) + "-" + std::string(s.substr(0, 2));
}

}  // namespace sekisho
