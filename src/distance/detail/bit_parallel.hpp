// Bit-parallel engines shared by the uncached kernels and CachedPattern.
// Each takes the pattern as a table of 64-bit position masks (one per byte
// value) plus its length m (1..64), so a caller can build the table once.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sekisho::distance::detail {

using PatternMasks = std::array<uint64_t, 256>;

inline constexpr size_t kMaxBitParallel = 64;

// Sets the masks of `pattern` in a table that holds no other pattern's.
inline void add_masks(std::string_view pattern, PatternMasks& masks) {
  for (size_t i = 0; i < pattern.size(); ++i) masks[static_cast<uint8_t>(pattern[i])] |= uint64_t{1} << i;
}

inline void fill_masks(std::string_view pattern, PatternMasks& masks) {
  masks.fill(0);
  add_masks(pattern, masks);
}

// Levenshtein (Hyyrö 2003, "A bit-vector algorithm for computing Levenshtein
// and Damerau edit distances", the Myers 1999 recurrence in its simpler form).
// Returns max + 1 once the last row's value minus the columns still to come
// exceeds `max`: the distance can fall by at most one per remaining column.
size_t levenshtein_bits(const PatternMasks& masks, size_t m, std::string_view text, size_t max);
// Optimal string alignment: the same recurrence with Hyyrö's transposition term.
size_t osa_bits(const PatternMasks& masks, size_t m, std::string_view pattern, std::string_view text, size_t max);
// Jaro with the pattern's matches tracked as one 64-bit flag word.
double jaro_bits(const PatternMasks& masks, std::string_view pattern, std::string_view text);

// Plain dynamic programming for strings beyond 64 bytes.
size_t levenshtein_dp(std::string_view a, std::string_view b, size_t max);
size_t osa_dp(std::string_view a, std::string_view b, size_t max);
double jaro_flags(std::string_view a, std::string_view b);

// Winkler's prefix boost on top of a Jaro score.
double winkler_boost(double jaro_score, std::string_view a, std::string_view b, double prefix_weight);

}  // namespace sekisho::distance::detail
