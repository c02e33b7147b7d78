// Country codes interned as small integers: ISO 3166-1 alpha-2 maps onto
// 26*26 slots directly, so sets of countries are fixed bitsets and a
// membership test is one bit read, with no hashing or allocation.
#pragma once

#include <bitset>
#include <string>
#include <string_view>

namespace sekisho::rules {

constexpr int kCountrySlots = 26 * 26;
using CountrySet = std::bitset<kCountrySlots>;

// Slot of an upper-case two-letter code, or -1 when `cc` is not one.
inline int country_index(std::string_view cc) {
  if (cc.size() != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') return -1;
  return (cc[0] - 'A') * 26 + (cc[1] - 'A');
}

inline std::string country_code(int index) {
  if (index < 0 || index >= kCountrySlots) return "??";
  return {static_cast<char>('A' + index / 26), static_cast<char>('A' + index % 26)};
}

}  // namespace sekisho::rules
