#include "match/numbers.hpp"

#include <array>

namespace sekisho::match::detail {
namespace {

struct NumberWord {
  std::string_view word;
  int32_t value;
};

// English only: the language of the lists' Latin names and of their
// translations. "fourty" is the common misspelling of forty.
constexpr std::array<NumberWord, 20> kCardinals = {{
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
}};
constexpr std::array<NumberWord, 19> kOrdinals = {{
    {"first", 1},      {"second", 2},       {"third", 3},       {"fourth", 4},      {"fifth", 5},
    {"sixth", 6},      {"seventh", 7},      {"eighth", 8},      {"ninth", 9},       {"tenth", 10},
    {"eleventh", 11},  {"twelfth", 12},     {"thirteenth", 13}, {"fourteenth", 14}, {"fifteenth", 15},
    {"sixteenth", 16}, {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19},
}};
constexpr std::array<NumberWord, 9> kTens = {{
    {"twenty", 20},
    {"thirty", 30},
    {"forty", 40},
    {"fourty", 40},
    {"fifty", 50},
    {"sixty", 60},
    {"seventy", 70},
    {"eighty", 80},
    {"ninety", 90},
}};
constexpr std::array<NumberWord, 9> kTensOrdinals = {{
    {"twentieth", 20},
    {"thirtieth", 30},
    {"fortieth", 40},
    {"fourtieth", 40},
    {"fiftieth", 50},
    {"sixtieth", 60},
    {"seventieth", 70},
    {"eightieth", 80},
    {"ninetieth", 90},
}};

template <size_t N>
int32_t find_word(const std::array<NumberWord, N>& table, std::string_view token) {
  for (const NumberWord& w : table) {
    if (w.word == token) return w.value;
  }
  return -1;
}

// Digits, optionally followed by an English ordinal suffix ("1st", "22nd", "3rd", "4th").
int32_t read_digits(std::string_view token) {
  size_t digits = 0;
  while (digits < token.size() && token[digits] >= '0' && token[digits] <= '9') ++digits;
  // Nine digits at most: longer runs are identifiers, not numbers a name is read with.
  if (digits == 0 || digits > 9) return -1;
  const std::string_view suffix = token.substr(digits);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return -1;
  int32_t value = 0;
  for (size_t i = 0; i < digits; ++i) value = value * 10 + (token[i] - '0');
  return value;
}

}  // namespace

NumberReading read_number(std::string_view token) {
  NumberReading r;
  if (token.empty()) return r;
  if (token[0] >= '0' && token[0] <= '9') {
    r.value = read_digits(token);
    return r;
  }
  if (token.size() < 3) return r;
  r.in_words = true;
  if ((r.value = find_word(kCardinals, token)) >= 0 || (r.value = find_word(kOrdinals, token)) >= 0) {
    r.units = r.value >= 1 && r.value <= 9;
    return r;
  }
  if ((r.value = find_word(kTens, token)) >= 0) {
    r.tens = true;
    return r;
  }
  if ((r.value = find_word(kTensOrdinals, token)) >= 0) return r;
  r.in_words = false;
  return r;
}

}  // namespace sekisho::match::detail
