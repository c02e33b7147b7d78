// An upper bound of a comparison's score, found before any token is merged or
// aligned: the units that cannot meet any unit of the other side, alone or in
// a run of adjacent units, are certain leftovers, and what they cost caps the
// score. A screener scores dozens of candidates per query that share one
// common word with it; the bound turns most of them away at a fraction of the
// price of scoring them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "match/unit.hpp"

namespace sekisho::match::detail {

// TokenFeatures::letters of a token.
uint64_t letter_set(std::string_view text);
// Set bits of `x`. Without -mpopcnt, std::popcount is a library call: this is inlined.
inline size_t bit_count(uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ull);
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return static_cast<size_t>((x * 0x0101010101010101ull) >> 56);
}
// False when spellings with these letter sets (letter_set) are certainly more than `budget`
// edits apart: each edit adds at most one letter to one side's set and removes at most one
// from the other's. Inline: the bound asks it half a million times per 300 queries.
inline bool letters_within(uint64_t a, uint64_t b, size_t budget) {
  return bit_count(a & ~b) <= budget && bit_count(b & ~a) <= budget;
}
// TokenFeatures::sound of a token with phonetic key `key`.
uint64_t sound_of_key(std::string_view key);

// False only when token_similarity(a, b) is certainly 0 (no tier can accept
// the pair); true says nothing.
bool may_meet(const Unit& a, const Unit& b);

// The may_meet answers a bound worked out, for the comparison that follows to reuse: by the
// token indices of the units (unmerged ones only: merging makes new units), -1 where it did
// not ask.
class MeetGrid {
 public:
  void reset(const std::vector<Unit>& q, const std::vector<Unit>& c);
  void clear() { cells_.clear(); }
  void set(const Unit& a, const Unit& b, bool meet) {
    if (!a.merged && !b.merged) cells_[a.first * cols_ + b.first] = meet ? 1 : 0;
  }
  int8_t at(const Unit& a, const Unit& b) const {
    return cells_.empty() || a.merged || b.merged ? -1 : cells_[a.first * cols_ + b.first];
  }

 private:
  size_t cols_ = 0;
  std::vector<int8_t> cells_;
};

// Not below the score compare_units gives `q` and `c` (after their side-local
// steps: possessive, vessel prefix, number words). When a bound under `floor`
// is out of reach, 1 without working out more (the caller scores the pair).
// With `grid`, also the may_meet answers it found.
double score_bound(const std::vector<Unit>& q, const std::vector<Unit>& c, const NameMatchOptions& o,
                   double floor = 2.0, MeetGrid* grid = nullptr);

}  // namespace sekisho::match::detail
