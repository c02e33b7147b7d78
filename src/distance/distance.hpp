// distance/ — how far apart two byte strings are: the similarity kernels the
// comparer and the index are built on. Jaro, Jaro-Winkler, bit-parallel
// Levenshtein and OSA (Myers 1999 / Hyyrö 2003), bounded variants with an early
// exit, and a CachedPattern for one query token against many candidates. The
// position masks and the engines behind them are in distance/detail/.
//
//   using namespace sekisho::distance;
//   osa_bounded("muhammad", "muhamad", 2);  // 1
//   CachedPattern p("putin");
//   p.jaro_winkler("poutine", 0.1, 0.9);    // 0 when below 0.9
//
// Inputs are byte strings; bytes ≥ 0x80 are compared as bytes (fold to ASCII
// first: the text pipeline does). Thread safety: every function is pure; a
// CachedPattern is immutable after construction (or assign) and safe to share.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace sekisho::distance {

inline constexpr size_t kNoLimit = std::numeric_limits<size_t>::max();

// Jaro similarity in [0, 1]; 1 for two empty strings.
double jaro(std::string_view a, std::string_view b);
// Jaro-Winkler: Jaro plus prefix_weight per common leading byte (at most 4),
// applied only when Jaro exceeds 0.7 (Winkler 1990).
double jaro_winkler(std::string_view a, std::string_view b, double prefix_weight = 0.1);
// Levenshtein distance (insert, delete, substitute: cost 1 each).
size_t levenshtein(std::string_view a, std::string_view b);
// Levenshtein distance, or max + 1 as soon as it is known to exceed `max`.
size_t levenshtein_bounded(std::string_view a, std::string_view b, size_t max);
// Optimal string alignment distance: Levenshtein plus adjacent transposition
// at cost 1 (a substring is never edited twice).
size_t osa_distance(std::string_view a, std::string_view b);
// OSA distance, or max + 1 as soon as it is known to exceed `max`.
size_t osa_bounded(std::string_view a, std::string_view b, size_t max);

// One query token precomputed for many comparisons: a 64-bit position mask per
// byte value, so each comparison costs O(|other|) word operations when the
// token has at most 64 bytes (longer tokens fall back to the uncached kernels).
class CachedPattern {
 public:
  CachedPattern() = default;
  explicit CachedPattern(std::string_view token);
  // Makes this the pattern of `token`, clearing only the masks the previous token set: a
  // screener re-prepares one thread's query patterns in place, and 2 KB of fresh, zeroed
  // memory per token (past the allocator's per-thread cache) cost more than scoring a pair.
  void assign(std::string_view token);

  const std::string& token() const { return token_; }
  double jaro(std::string_view other) const;
  // Returns 0 early when the lengths alone prove the result is below `cutoff`.
  double jaro_winkler(std::string_view other, double prefix_weight = 0.1, double cutoff = 0.0) const;
  size_t levenshtein(std::string_view other, size_t max = kNoLimit) const;
  size_t osa(std::string_view other, size_t max = kNoLimit) const;

 private:
  std::string token_;
  std::array<uint64_t, 256> masks_{};  // bit i set when token_[i] has this byte value
};

}  // namespace sekisho::distance
