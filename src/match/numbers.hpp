// Numbers in names, however they are written: "44", "forty four", "1st",
// "first", "3" and "three" are the same number to an analyst ("Brigade
// Forty-Four" / "Brigade 44", "3 Percenters" / "Three Percenters"), and two
// different numbers are two different things (fund II vs fund III).
#pragma once

#include <cstdint>
#include <string_view>

namespace sekisho::match::detail {

struct NumberReading {
  int32_t value = -1;     // -1: the token is no number
  bool in_words = false;  // "forty", "first" (not "40", "1st")
  bool tens = false;      // a tens word ("twenty".."ninety") that a units word may follow: "forty four"
  bool units = false;     // a units word ("one".."nine", "first".."ninth") that may follow a tens word

  bool is_number() const { return value >= 0; }
};

// Reads one normalised (lower-case ASCII) token as a number: digits, digits
// with an English ordinal suffix ("1st", "22nd"), or an English cardinal or
// ordinal word up to "ninety" / "ninetieth". Anything else: value -1.
NumberReading read_number(std::string_view token);

}  // namespace sekisho::match::detail
