// Phonetic skeleton key for Latin-script name tokens.
//
// Why not Metaphone or Soundex: both encode English spelling. Sanctions names
// are mostly transliterations (Arabic, Russian, Persian, Korean…), and their
// variants differ in two ways: vowels (Mohamed / Muhammad, Usama / Osama,
// Rohani / Rouhani; unvocalised Arabic has none at all) and a handful of
// scheme-dependent consonant spellings (kh / h, sh / sch / sz, ch / tsch, zh / j / dzh,
// ts / tz / z, ph / f, w / v, c / k). So the key keeps the consonant skeleton,
// folds those spellings into one class each, and keeps only whether the name
// starts with a vowel. It is deliberately coarse: it feeds a similarity tier
// below an edit-distance match and candidate generation, never a match alone.
#include "phonetic/phonetic.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <string>

namespace sekisho::phonetic {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Multi-letter spellings of one sound: returns the class and sets `length`,
// or '\0' when `token[i]` starts none. Longest spelling first.
char digraph_at(std::string_view t, size_t i, size_t& length) {
  const char c = t[i];
  const char n = i + 1 < t.size() ? t[i + 1] : '\0';
  const char n2 = i + 2 < t.size() ? t[i + 2] : '\0';
  length = 2;
  switch (c) {
    case 'd':
      if (n == 'z' && n2 == 'h') return length = 3, 'j';
      if (n == 'j') return 'j';
      if (n == 'h') return 't';
      break;
    case 's':
      if (n == 'c' && n2 == 'h') return length = 3, 'x';
      if (n == 'h' || n == 'z') return 'x';
      break;
    case 't':
      // German tsch is the ch of Russian ч (Wladimirowitsch = Vladimirovich).
      if (n == 's' && n2 == 'c' && i + 3 < t.size() && t[i + 3] == 'h') return length = 4, 'x';
      if (n == 'c' && n2 == 'h') return length = 3, 'x';
      // Arabic and Persian write ch as تش (Vladimirovich = فلاديميروفيتش fladymyrwfytsh).
      if (n == 's' && n2 == 'h') return length = 3, 'x';
      if (n == 'h') return 't';
      if (n == 's' || n == 'z') return 's';
      break;
    case 'c':
      if (n == 'h' || n == 'z') return 'x';
      if (n == 'k') return 'k';
      break;
    case 'z':
      if (n == 'h') return 'j';
      break;
    case 'k':
      if (n == 'h') return 'h';
      break;
    case 'g':
      if (n == 'h') return 'k';
      break;
    case 'p':
      if (n == 'h') return 'f';
      break;
    case 'q':
      if (n == 'u') return 'k';
      break;
    case 'w':
      if (n == 'h') return 'f';
      break;
    default:
      break;
  }
  return '\0';
}

char consonant_class(char c, char next) {
  switch (c) {
    case 'b':
    case 'p':
      return 'p';
    case 'd':
    case 't':
      return 't';
    case 'c':
      return (next == 'e' || next == 'i' || next == 'y') ? 's' : 'k';
    case 'g':
    case 'k':
    case 'q':
      return 'k';
    case 's':
    case 'z':
      return 's';
    case 'f':
    case 'v':
    case 'w':
      return 'f';
    default:
      return c;  // h j l m n r x and digits stand for themselves
  }
}

}  // namespace

void phonetic_key_into(std::string_view token, std::string& key) {
  key.clear();
  auto emit = [&key](char symbol) {
    if (key.empty() || key.back() != symbol) key.push_back(symbol);
  };
  for (size_t i = 0; i < token.size();) {
    const char c = token[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      ++i;
      continue;
    }
    if (is_vowel(c)) {
      if (key.empty()) key.push_back('a');  // a leading vowel is kept as one class
      // A vowel separates equal consonants ("hasan" keeps one s, "sasa" two).
      if (!key.empty() && key.back() != '.') key.push_back('.');
      ++i;
      continue;
    }
    size_t length = 0;
    if (const char symbol = digraph_at(token, i, length); symbol != '\0') {
      emit(symbol);
      i += length;
      continue;
    }
    if (c == 'j' && i + 1 == token.size()) break;  // German/Polish "-yj", "-ij" endings
    if (c == 'x') {
      emit('k');
      emit('s');
    } else if (c != 'h' || key.empty() || key.back() == '.') {
      emit(consonant_class(c, i + 1 < token.size() ? token[i + 1] : '\0'));
    }
    ++i;
  }
  // The separators did their work (keeping "sasa" two s): drop them.
  key.erase(std::remove(key.begin(), key.end(), '.'), key.end());
}

char first_sound_class(std::string_view token) {
  if (token.empty()) return '\0';
  size_t length = 0;
  if (const char symbol = digraph_at(token, 0, length); symbol != '\0') return symbol;
  return consonant_class(token[0], token.size() > 1 ? token[1] : '\0');
}

const std::string& joined_phonetic_key(std::string_view joined) {
  struct Memo {
    std::string joined, key;
  };
  thread_local std::array<Memo, 256> memo;
  Memo& m = memo[std::hash<std::string_view>{}(joined)&255];
  if (m.joined != joined) {
    m.joined.assign(joined);
    phonetic_key_into(joined, m.key);
  }
  return m.key;
}

bool has_dental_h(std::string_view s) {
  return s.find("th") != std::string_view::npos || s.find("dh") != std::string_view::npos;
}

void heard_in_kana_into(std::string_view token, bool dentals, std::string& out) {
  out.clear();
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    if (dentals && (c == 't' || c == 'd') && i + 1 < token.size() && token[i + 1] == 'h') {
      out += c == 't' ? 's' : 'z';
      ++i;
    } else {
      out += c == 'l' ? 'r' : c;
    }
  }
}

std::string heard_in_kana(std::string_view token) {
  std::string out;
  heard_in_kana_into(token, /*dentals=*/true, out);
  return out;
}

std::string phonetic_key(std::string_view token) {
  std::string key;
  key.reserve(token.size());
  phonetic_key_into(token, key);
  return key;
}

}  // namespace sekisho::phonetic
