// Ear keys (sekisho::phonetic::ear_keys): a word as Japanese hears it.
//
// A katakana name is written by ear, so a foreign name read back from kana
// keeps the consonants the ear caught and loses the spelling: Innovative is
// イノベーティブ "inobetibu", Crawford クロフォード "kurofodo", Germain ジェルマン
// "jeruman". The edit-distance tiers see three or four edits in such pairs and
// the phonetic key (phonetic.cpp) keeps v apart from b and g from j. This key
// folds the consonants into the classes kana has and, on the spelling's side,
// leaves out what kana drops: an r or h that closes a syllable in English
// (purpose パーパス) and a French word's silent last consonant (Laurent ローラン).
// Each of those is optional (Germain keeps its r: ジェルマン), so a token has up to
// four keys and two tokens are heard alike when they share one.
#include <string>

#include "phonetic/phonetic.hpp"

namespace sekisho::phonetic {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w'; }

bool is_front_vowel(char c) { return c == 'e' || c == 'i' || c == 'y'; }

struct Skeleton {
  // One class letter per consonant heard, and whether kana may leave it out.
  char symbol[32];
  bool weak[32];
  size_t size = 0;
  bool silent_last = false;  // the word ends on a t or s after a consonant sound
  bool overflow = false;
};

// Sets `length` to the letters one consonant spans at `i` and returns its class.
char consonant_at(std::string_view t, size_t i, size_t& length) {
  const char c = t[i];
  const char n = i + 1 < t.size() ? t[i + 1] : '\0';
  const char n2 = i + 2 < t.size() ? t[i + 2] : '\0';
  length = 2;
  switch (c) {
    case 't':
      if (n == 'c' && n2 == 'h') return length = 3, 'c';
      if (n == 's' || n == 'z') return 't';  // ツ tsu
      if (n == 'h') return 's';              // サ行 for th
      break;
    case 'c':
      if (n == 'h') return 'c';
      if (n == 'k') return 'k';
      break;
    case 's':
      if (n == 'c' && n2 == 'h') return length = 3, 'x';
      if (n == 'h') return 'x';
      if (n == 'y' && n2 != '\0' && is_vowel(n2)) return 'x';  // kunrei "syu" for シュ
      break;
    case 'z':
      if (n == 'h') return 'g';
      if (n == 'y' && n2 != '\0' && is_vowel(n2)) return 'g';  // kunrei "zyu" for ジュ
      break;
    case 'd':
      if (n == 'z' && n2 == 'h') return length = 3, 'g';
      if (n == 'j') return 'g';
      if (n == 'h') return 's';
      break;
    case 'k':
      if (n == 'h') return 'h';
      break;
    case 'g':
      if (n == 'h') return 'g';
      break;  // Arabic and Persian gh (غ) is kana's ガ: Ghazi ガージー
    case 'p':
      if (n == 'h') return 'h';
      break;
    default:
      break;
  }
  length = 1;
  switch (c) {
    case 'b':
    case 'p':
    case 'v':
      return 'p';
    case 'd':
    case 't':
      return 't';
    case 'k':
    case 'q':
      return 'k';
    case 'c':
      return is_front_vowel(n) ? 's' : 'k';
    case 'g':
    case 'j':
      return 'g';  // kana writes g as ガ and j, soft g as ジ: one class
    case 's':
    case 'z':
      return 's';
    case 'f':
    case 'h':
      return 'h';
    case 'l':
    case 'r':
      return 'r';
    case 'm':
      return (n != '\0' && is_vowel(n)) ? 'm' : 'n';  // ン before a consonant
    case 'n':
      return 'n';
    default:
      return '\0';
  }
}

Skeleton skeleton_of(std::string_view t) {
  Skeleton s;
  bool vowel_since = true;  // a vowel since the last consonant: equal neighbours stay two
  for (size_t i = 0; i < t.size();) {
    const char c = t[i];
    if (c < 'a' || c > 'z') {
      s.overflow = true;  // digits and the rest are not heard
      return s;
    }
    if (is_vowel(c)) {
      if (i == 0) s.symbol[s.size] = 'a', s.weak[s.size++] = false;  // a leading vowel is kept as one
      vowel_since = true;
      ++i;
      continue;
    }
    size_t length = 1;
    const char symbol = consonant_at(t, i, length);
    if (c == 'x') {
      // ks: two sounds
      for (char k : {'k', 's'}) {
        if (s.size >= 31) return s.overflow = true, s;
        if (vowel_since || s.symbol[s.size - 1] != k) s.symbol[s.size] = k, s.weak[s.size++] = false;
        vowel_since = false;
      }
      ++i;
      continue;
    }
    const char next = i + length < t.size() ? t[i + length] : '\0';
    const bool closes = next == '\0' || !is_vowel(next);
    if (symbol != '\0' && (vowel_since || s.size == 0 || s.symbol[s.size - 1] != symbol)) {
      if (s.size >= 31) return s.overflow = true, s;
      s.symbol[s.size] = symbol;
      // English leaves an r or h that closes a syllable unsaid, and kana with it.
      s.weak[s.size++] = closes && length == 1 && (c == 'r' || c == 'h');
    }
    vowel_since = false;
    i += length;
  }
  const char last = t.empty() ? '\0' : t.back();
  s.silent_last = s.size >= 2 && !is_vowel(last) && (s.symbol[s.size - 1] == 't' || s.symbol[s.size - 1] == 's');
  return s;
}

uint64_t hash_key(const Skeleton& s, bool drop_weak, bool drop_last, size_t least) {
  uint64_t h = 1469598103934665603ull;
  size_t kept = 0;
  const size_t end = drop_last ? s.size - 1 : s.size;
  for (size_t i = 0; i < end; ++i) {
    if (drop_weak && s.weak[i]) continue;
    h = (h ^ static_cast<unsigned char>(s.symbol[i])) * 1099511628211ull;
    ++kept;
  }
  return kept >= least ? (h | 1) : 0;
}

}  // namespace

EarKeys ear_keys(std::string_view token, size_t least_consonants) {
  EarKeys keys{};
  const Skeleton s = skeleton_of(token);
  if (s.overflow || s.size < least_consonants) return keys;
  keys[0] = hash_key(s, false, false, least_consonants);
  keys[1] = hash_key(s, true, false, least_consonants);
  if (s.silent_last) {
    keys[2] = hash_key(s, false, true, least_consonants);
    keys[3] = hash_key(s, true, true, least_consonants);
  }
  return keys;
}

}  // namespace sekisho::phonetic
