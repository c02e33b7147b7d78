// The unit of a name comparison: a token of one side, or adjacent tokens
// merged when the other side wrote them as one word.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "match/token_similarity.hpp"
#include "sekisho/match.hpp"

namespace sekisho::match::detail {

// A unit views its text: a token of the caller's, or a merged token kept in
// the thread's arena for the length of one comparison. Comparisons run once
// per candidate pair, thousands per query: nothing here allocates once a
// thread's scratch has grown, and the explanation strings are built only when
// the caller asks for them.
struct Unit {
  std::string_view text;
  std::string_view key;               // phonetic key
  std::span<const NameToken> source;  // the side's tokens, for the explanation label
  size_t first = 0;                   // index of the first original token
  size_t last = 0;                    // index of the last original token (merged units span several)
  double weight = 1.0;
  bool legal = false;
  bool merged = false;
  bool acronym = false;     // the initials of several tokens of this side spell a token of the other
  bool filler = false;      // a legal form, stopword or particle: its absence on the other side says little
  bool patronymic = false;  // TokenFeatures::patronymic
  bool sector = false;      // TokenFeatures::sector
  bool r_may_be_l = false;
  int32_t number = -1;                     // TokenFeatures::number
  bool tens_word = false;                  // TokenFeatures::tens_word
  bool units_word = false;                 // TokenFeatures::units_word
  uint64_t letters = 0;                    // TokenFeatures::letters (unmerged units only)
  uint64_t sound = 0;                      // TokenFeatures::sound (unmerged units only)
  const phonetic::EarKeys* ear = nullptr;  // TokenFeatures::ear (unmerged units only)
  uint64_t stem = 0;                       // TokenFeatures::stem (unmerged units only)
  NamePartRole role = NamePartRole::kUnknown;
  const distance::CachedPattern* pattern = nullptr;

  TokenView view() const { return {text, key, pattern, legal, r_may_be_l, number, ear, stem, patronymic}; }
  // "abdul+rahman" for a merged unit, the token itself otherwise.
  std::string label() const {
    if (!merged) return std::string(text);
    std::string out;
    for (size_t k = first; k <= last; ++k) {
      if (source[k].text.empty()) continue;
      if (!out.empty()) out += '+';
      out += source[k].text;
    }
    return out;
  }
};

}  // namespace sekisho::match::detail
