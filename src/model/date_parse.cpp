// Loose date parsing for the spellings sanctions lists actually use.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "sekisho/entity.hpp"

namespace sekisho {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int month_from_word(std::string_view word) {
  if (word.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (word.substr(0, 3) == kMonths[i]) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool valid(int y, int m, int d) {
  if (y < 1000 || y > 2200) return false;
  if (m < 0 || m > 12) return false;
  if (d < 0 || d > 31) return false;
  if (d > 0 && m == 0) return false;
  return true;
}

// Splits into number and word tokens; everything else separates.
struct Token {
  bool number;
  std::string text;
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isdigit(c)) {
      size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({true, std::string(s.substr(i, j - i))});
      i = j;
    } else if (std::isalpha(c)) {
      size_t j = i;
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({false, std::string(s.substr(i, j - i))});
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

// Reads one date from tokens [pos, …); advances pos past it.
bool read_date(const std::vector<Token>& t, size_t& pos, bool month_first, PartialDate& out) {
  auto num = [&](size_t k) { return k < t.size() && t[k].number; };
  auto val = [&](size_t k) { return std::stoi(t[k].text); };
  auto month_word = [&](size_t k) { return k < t.size() && !t[k].number ? month_from_word(t[k].text) : 0; };

  // 1960-05-17 / 1960.05.17 / 1960 05 / 1960
  if (num(pos) && t[pos].text.size() == 4) {
    int y = val(pos);
    if (num(pos + 1) && num(pos + 2) && t[pos + 1].text.size() <= 2 && t[pos + 2].text.size() <= 2) {
      int m = val(pos + 1), d = val(pos + 2);
      if (valid(y, m, d)) {
        out = {int16_t(y), int8_t(m), int8_t(d)};
        pos += 3;
        return true;
      }
    }
    if (num(pos + 1) && t[pos + 1].text.size() <= 2) {
      int m = val(pos + 1);
      if (valid(y, m, 0) && m > 0) {
        out = {int16_t(y), int8_t(m), 0};
        pos += 2;
        return true;
      }
    }
    if (valid(y, 0, 0)) {
      out = {int16_t(y), 0, 0};
      pos += 1;
      return true;
    }
    return false;
  }
  // 17 May 1960 / 17 May, 1960
  if (num(pos) && t[pos].text.size() <= 2 && month_word(pos + 1) && num(pos + 2) && t[pos + 2].text.size() == 4) {
    int d = val(pos), m = month_word(pos + 1), y = val(pos + 2);
    if (valid(y, m, d)) {
      out = {int16_t(y), int8_t(m), int8_t(d)};
      pos += 3;
      return true;
    }
  }
  // May 17, 1960 / May 1960
  if (month_word(pos)) {
    int m = month_word(pos);
    if (num(pos + 1) && t[pos + 1].text.size() <= 2 && num(pos + 2) && t[pos + 2].text.size() == 4) {
      int d = val(pos + 1), y = val(pos + 2);
      if (valid(y, m, d)) {
        out = {int16_t(y), int8_t(m), int8_t(d)};
        pos += 3;
        return true;
      }
    }
    if (num(pos + 1) && t[pos + 1].text.size() == 4) {
      int y = val(pos + 1);
      if (valid(y, m, 0)) {
        out = {int16_t(y), int8_t(m), 0};
        pos += 2;
        return true;
      }
    }
  }
  // 17.05.1960 / 05/17/1960 (month first only when asked) / 05.1960
  if (num(pos) && t[pos].text.size() <= 2) {
    if (num(pos + 1) && t[pos + 1].text.size() <= 2 && num(pos + 2) && t[pos + 2].text.size() == 4) {
      int a = val(pos), b = val(pos + 1), y = val(pos + 2);
      int d = month_first ? b : a, m = month_first ? a : b;
      if (m > 12 && d <= 12) std::swap(d, m);  // unambiguous the other way round
      if (valid(y, m, d)) {
        out = {int16_t(y), int8_t(m), int8_t(d)};
        pos += 3;
        return true;
      }
    }
    if (num(pos + 1) && t[pos + 1].text.size() == 4) {
      int m = val(pos), y = val(pos + 1);
      if (valid(y, m, 0) && m > 0) {
        out = {int16_t(y), int8_t(m), 0};
        pos += 2;
        return true;
      }
    }
  }
  return false;
}

}  // namespace

DateSpec parse_date_loose(std::string_view text, bool month_first) {
  DateSpec spec;
  spec.raw = std::string(text);
  std::string lower = lower_ascii(text);
  spec.circa = lower.find("circa") != std::string::npos || lower.find("ca.") != std::string::npos ||
               lower.find("approx") != std::string::npos || lower.find("about") != std::string::npos;
  std::vector<Token> tokens = tokenize(lower);
  size_t pos = 0;
  // Skip leading words that are not months ("circa", "between", "born").
  while (pos < tokens.size()) {
    if (tokens[pos].number || month_from_word(tokens[pos].text)) {
      if (read_date(tokens, pos, month_first, spec.date)) break;
      ++pos;
    } else {
      ++pos;
    }
  }
  if (spec.date.empty()) return spec;
  // A second date after "to", "-", "and" makes a range.
  while (pos < tokens.size()) {
    if (tokens[pos].number || month_from_word(tokens[pos].text)) {
      PartialDate second;
      if (read_date(tokens, pos, month_first, second)) {
        spec.until = second;
        break;
      }
      ++pos;
    } else {
      ++pos;
    }
  }
  return spec;
}

}  // namespace sekisho
