// Reading a katakana run word by word as a sequence of known pieces (letter names, Mandarin
// syllables): the words of a run, and the fewest table entries that spell a word.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/icu_util.hpp"

namespace sekisho::text::detail {

// The space-separated words of UTF-8 text, as code points (empty words kept).
inline std::vector<std::u32string> u32_words(std::string_view text) {
  std::vector<std::u32string> words;
  const std::u32string s = to_u32(text);
  for (size_t i = 0; i <= s.size();) {
    size_t end = s.find(U' ', i);
    if (end == std::u32string::npos) end = s.size();
    words.push_back(s.substr(i, end - i));
    i = end + 1;
  }
  return words;
}

// The fewest entries of `table` (each has a `kana` spelling) that spell `word` one after the
// other, or none when no sequence of them does. Every split is tried: エイチ is one letter (h),
// not エイ (a) and a stray チ.
template <typename Entry>
std::vector<const Entry*> cover_with(std::u32string_view word, std::span<const Entry> table) {
  const size_t n = word.size();
  // best[i]: the entries spelling word[i..], when reachable[i].
  std::vector<std::vector<const Entry*>> best(n + 1);
  std::vector<char> reachable(n + 1, 0);
  reachable[n] = 1;
  for (size_t i = n; i-- > 0;) {
    for (const Entry& e : table) {
      const size_t end = i + e.kana.size();
      if (e.kana.empty() || !word.substr(i).starts_with(e.kana) || !reachable[end]) continue;
      if (reachable[i] && best[i].size() <= best[end].size() + 1) continue;
      best[i] = {&e};
      best[i].insert(best[i].end(), best[end].begin(), best[end].end());
      reachable[i] = 1;
    }
  }
  return n > 0 && reachable[0] ? best[0] : std::vector<const Entry*>{};
}

}  // namespace sekisho::text::detail
