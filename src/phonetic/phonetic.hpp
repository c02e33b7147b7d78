// phonetic/ — how a Latin name token sounds: the keys the index looks candidates
// up by and the comparer scores a pair by, so that both meet the same spellings.
//
//   using namespace sekisho::phonetic;
//   phonetic_key("mohamed") == phonetic_key("muhammad");           // "mhmt"
//   heard_alike(ear_keys("inobetibu"), ear_keys("innovative"));   // kana's ear
//   stem_hash("institute") == stem_hash("institution");           // one English word
//
// Inputs are lower-case ASCII tokens (the text pipeline's output). Thread safety:
// every function is pure, but joined_phonetic_key keeps a per-thread memo.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sekisho::phonetic {

// Phonetic skeleton key of one ASCII name token (see phonetic.cpp for the
// rules and why not Metaphone): vowels dropped after the first letter,
// transliteration digraphs folded (kh→h, sh/sch/ch→x, zh/dzh/j→j, ph→f…),
// consonants folded into classes (b/p, d/t, g/k/c/q, s/z, f/v/w), runs
// collapsed. "mohamed", "muhammad" → "mhmt"; "usama", "osama" → "asm".
std::string phonetic_key(std::string_view token);

// The same written into a caller's buffer, reusing its storage: the comparer needs keys
// of tokens it makes up per pair (merged units, l read as r), thousands per query, and
// must not allocate for them.
void phonetic_key_into(std::string_view token, std::string& key);

// phonetic_key(joined) of a run of tokens joined: a query's runs meet every candidate and a
// candidate's every query form, so the thread keeps the last keys made (a small table by the
// text's hash). The reference stays valid until the next call on the thread.
const std::string& joined_phonetic_key(std::string_view joined);

// The class of the token's first sound, as the phonetic key writes it ('k' for c, g, k, q; 'x'
// for sh, ch; …): two spellings of one first consonant share it.
char first_sound_class(std::string_view token);

// A Latin token as Japanese and Korean write it: l as r (ラ行, ㄹ) and th, dh as s, z (サ行, ザ行:
// Tharwat サルワト, Muthana ムサンナー, Dhu ズー). A token romanised from kana meets the
// other side's spelling through it. The token itself when it has none of these.
std::string heard_in_kana(std::string_view token);

// Sets `out` to heard_in_kana(token), reusing its storage; without `dentals`, only l is read as r.
void heard_in_kana_into(std::string_view token, bool dentals, std::string& out);

// Whether a token writes th or dh, which kana writes as s or z (see heard_in_kana).
bool has_dental_h(std::string_view s);

// How a word sounds once kana writes it, as up to four hashed consonant skeletons
// ("ear keys"): the consonants in the classes kana tells apart (b/p/v, d/t, k/c/q, g/j,
// s/z, f/h, l/r, m/n), vowels, w and y dropped. Kana drops what English leaves unsaid
// (Crawford クロフォード, Purpose パーパス, Steiger スタイガー) and French leaves a last
// consonant silent (Laurent ローラン, Innocent イノサン): the skeleton is keyed with and
// without an r or h before a consonant, and with and without a last t or s after a
// consonant. Two tokens are heard alike when a key of one is a key of the other. Keys
// of fewer than `least_consonants` (three for the comparer) are 0: they would meet too much.
using EarKeys = std::array<uint64_t, 4>;
EarKeys ear_keys(std::string_view token, size_t least_consonants = 3);
// Inline: asked of every kana pair the comparer bounds, most of which share no key.
inline bool heard_alike(const EarKeys& a, const EarKeys& b) {
  for (uint64_t x : a) {
    if (x != 0 && (x == b[0] || x == b[1] || x == b[2] || x == b[3])) return true;
  }
  return false;
}

// English word forms of one stem (institute / institution, technology / technologies,
// economy / economic): a Japanese name glossed word by word through a dictionary
// (学術研究所 → "scientific research institute") names the organisation its English
// entry calls an "institution".
//
// The word without its longest English ending among the common inflections and
// derivations (-s, -es, -ies, -y, -e, -ed, -ing, -ion, -ic, -al, -ical,
// -ment…), when at least five letters are left; the word itself otherwise.
std::string_view english_stem(std::string_view word);

// A hash of english_stem(word) for a word of five letters or more, else 0: two different
// words with equal nonzero hashes are forms of one word, as far as a 64-bit hash tells.
uint64_t stem_hash(std::string_view word);

}  // namespace sekisho::phonetic
