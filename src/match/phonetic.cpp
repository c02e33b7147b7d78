// Phonetic skeleton key for Latin-script name tokens.
//
// Why not Metaphone or Soundex: both encode English spelling. Sanctions names
// are mostly transliterations (Arabic, Russian, Persian, Korean…), and their
// variants differ in two ways: vowels (Mohamed / Muhammad, Usama / Osama,
// Rohani / Rouhani; unvocalised Arabic has none at all) and a handful of
// scheme-dependent consonant spellings (kh / h, sh / sch / sz, zh / j / dzh,
// ts / tz / z, ph / f, w / v, c / k). So the key keeps the consonant skeleton,
// folds those spellings into one class each, and keeps only whether the name
// starts with a vowel. It is deliberately coarse: it feeds a similarity tier
// below an edit-distance match and candidate generation, never a match alone.
#include <string>

#include "sekisho/match.hpp"

namespace sekisho::match {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

bool starts_with(std::string_view s, size_t i, std::string_view what) { return s.substr(i, what.size()) == what; }

// Multi-letter spellings of one sound, longest first: {spelling, class}.
struct Digraph {
  std::string_view spelling;
  char symbol;
};
constexpr Digraph kDigraphs[] = {
    {"dzh", 'j'}, {"sch", 'x'}, {"tch", 'x'}, {"sh", 'x'}, {"ch", 'x'}, {"sz", 'x'}, {"cz", 'x'},
    {"zh", 'j'},  {"dj", 'j'},  {"kh", 'h'},  {"gh", 'k'}, {"ph", 'f'}, {"th", 't'}, {"dh", 't'},
    {"ts", 's'},  {"tz", 's'},  {"ck", 'k'},  {"qu", 'k'}, {"wh", 'f'},
};

char consonant_class(char c, char next) {
  switch (c) {
    case 'b': case 'p': return 'p';
    case 'd': case 't': return 't';
    case 'c': return (next == 'e' || next == 'i' || next == 'y') ? 's' : 'k';
    case 'g': case 'k': case 'q': return 'k';
    case 's': case 'z': return 's';
    case 'f': case 'v': case 'w': return 'f';
    default: return c;  // h j l m n r x and digits stand for themselves
  }
}

}  // namespace

std::string phonetic_key(std::string_view token) {
  std::string key;
  key.reserve(token.size());
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
    bool done = false;
    for (const Digraph& d : kDigraphs) {
      if (starts_with(token, i, d.spelling)) {
        emit(d.symbol);
        i += d.spelling.size();
        done = true;
        break;
      }
    }
    if (done) continue;
    if (c == 'j' && i + 1 == token.size()) break;  // German/Polish "-yj", "-ij" endings
    if (c == 'x') {
      emit('k');
      emit('s');
    } else if (c != 'h' || key.empty() || key.back() == '.') {
      emit(consonant_class(c, i + 1 < token.size() ? token[i + 1] : '\0'));
    }
    ++i;
  }
  std::string out;
  out.reserve(key.size());
  for (char k : key) {
    if (k != '.') out.push_back(k);
  }
  return out;
}

}  // namespace sekisho::match
