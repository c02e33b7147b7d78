// Jaro and Jaro-Winkler (Jaro 1989, Winkler 1990). The bit-parallel form keeps
// the pattern's already-matched positions in one word: for each text byte the
// candidates are mask[byte] within the match window minus those flags, and the
// lowest one wins — the same greedy choice as the textbook loop.
#include <algorithm>
#include <vector>

#include "distance/detail/bit_parallel.hpp"
#include "distance/distance.hpp"

namespace sekisho::distance {
namespace detail {

namespace {

double jaro_from_counts(size_t matches, size_t half_transpositions, size_t m, size_t n) {
  if (matches == 0) return 0.0;
  const double c = static_cast<double>(matches);
  const double t = static_cast<double>(half_transpositions / 2);
  return (c / static_cast<double>(m) + c / static_cast<double>(n) + (c - t) / c) / 3.0;
}

size_t match_window(size_t m, size_t n) {
  const size_t longer = std::max(m, n);
  return longer / 2 > 0 ? longer / 2 - 1 : 0;
}

}  // namespace

double jaro_bits(const PatternMasks& masks, std::string_view pattern, std::string_view text) {
  const size_t m = pattern.size();
  const size_t n = text.size();
  if (m == 0 && n == 0) return 1.0;
  if (m == 0 || n == 0) return 0.0;
  const size_t window = match_window(m, n);
  uint64_t flagged = 0;
  char matched_text[kMaxBitParallel];  // text bytes matched, in text order (≤ m of them)
  size_t matches = 0;
  for (size_t j = 0; j < n && matches < m; ++j) {
    const size_t lo = j > window ? j - window : 0;
    if (lo >= m) break;
    const size_t hi = std::min(m - 1, j + window);
    const uint64_t upto = hi == 63 ? ~uint64_t{0} : (uint64_t{1} << (hi + 1)) - 1;
    const uint64_t range = upto & ~((uint64_t{1} << lo) - 1);
    const uint64_t candidates = masks[static_cast<uint8_t>(text[j])] & range & ~flagged;
    if (candidates == 0) continue;
    flagged |= candidates & (~candidates + 1);
    matched_text[matches++] = text[j];
  }
  size_t half_transpositions = 0;
  size_t k = 0;
  for (uint64_t f = flagged; f != 0; f &= f - 1) {
    if (pattern[static_cast<size_t>(__builtin_ctzll(f))] != matched_text[k++]) ++half_transpositions;
  }
  return jaro_from_counts(matches, half_transpositions, m, n);
}

double jaro_flags(std::string_view a, std::string_view b) {
  const size_t m = a.size();
  const size_t n = b.size();
  if (m == 0 && n == 0) return 1.0;
  if (m == 0 || n == 0) return 0.0;
  const size_t window = match_window(m, n);
  std::vector<char> a_flag(m, 0);
  std::vector<char> b_flag(n, 0);
  size_t matches = 0;
  // Text-major like jaro_bits, so both paths choose the same matches.
  for (size_t j = 0; j < n; ++j) {
    const size_t lo = j > window ? j - window : 0;
    const size_t hi = std::min(m, j + window + 1);
    for (size_t i = lo; i < hi; ++i) {
      if (!a_flag[i] && a[i] == b[j]) {
        a_flag[i] = b_flag[j] = 1;
        ++matches;
        break;
      }
    }
  }
  size_t half_transpositions = 0;
  size_t j = 0;
  for (size_t i = 0; i < m; ++i) {
    if (!a_flag[i]) continue;
    while (!b_flag[j]) ++j;
    if (a[i] != b[j]) ++half_transpositions;
    ++j;
  }
  return jaro_from_counts(matches, half_transpositions, m, n);
}

double winkler_boost(double jaro_score, std::string_view a, std::string_view b, double prefix_weight) {
  if (jaro_score <= 0.7) return jaro_score;
  size_t prefix = 0;
  const size_t limit = std::min({a.size(), b.size(), size_t{4}});
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return jaro_score + static_cast<double>(prefix) * prefix_weight * (1.0 - jaro_score);
}

}  // namespace detail

double jaro(std::string_view a, std::string_view b) {
  if (a.size() > detail::kMaxBitParallel) std::swap(a, b);
  if (a.size() > detail::kMaxBitParallel || a.empty()) return detail::jaro_flags(a, b);
  detail::PatternMasks masks;
  detail::fill_masks(a, masks);
  return detail::jaro_bits(masks, a, b);
}

double jaro_winkler(std::string_view a, std::string_view b, double prefix_weight) {
  return detail::winkler_boost(jaro(a, b), a, b, prefix_weight);
}

}  // namespace sekisho::distance
