#include "core/strings.hpp"

#include <cctype>

namespace sekisho {

namespace {
bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
}  // namespace

std::string_view trim(std::string_view s) {
  for (;;) {
    size_t before = s.size();
    while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
    // U+00A0 NO-BREAK SPACE (C2 A0) and U+3000 IDEOGRAPHIC SPACE (E3 80 80) pad cells in real lists.
    if (s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
    if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
    if (s.substr(0, 3) == "\xE3\x80\x80") s.remove_prefix(3);
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
    if (s.size() == before) return s;
  }
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

bool starts_with_ascii_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals_ascii(s.substr(0, prefix.size()), prefix);
}

std::vector<std::string> split_trimmed(std::string_view s, std::string_view sep) { return split_any(s, {sep}); }

std::vector<std::string> split_any(std::string_view s, const std::vector<std::string_view>& seps) {
  std::vector<std::string> out;
  size_t start = 0, i = 0;
  auto flush = [&](size_t end) {
    std::string_view piece = trim(s.substr(start, end - start));
    if (!piece.empty()) out.emplace_back(piece);
  };
  while (i < s.size()) {
    size_t matched = 0;
    for (std::string_view sep : seps) {
      if (!sep.empty() && s.compare(i, sep.size(), sep) == 0) {
        matched = sep.size();
        break;
      }
    }
    if (matched) {
      flush(i);
      i += matched;
      start = i;
    } else {
      ++i;
    }
  }
  flush(s.size());
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : trim(s)) {
    if (is_ascii_space(c)) {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

LineCol line_col_at(std::string_view s, size_t pos) {
  LineCol lc{1, 1};
  for (size_t i = 0; i < pos && i < s.size(); ++i) {
    if (s[i] == '\n') {
      ++lc.line;
      lc.column = 1;
    } else {
      ++lc.column;
    }
  }
  return lc;
}

}  // namespace sekisho
