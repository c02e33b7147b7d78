// Levenshtein and OSA distances: bit-parallel for patterns of up to 64 bytes
// (Hyyrö 2003), dynamic programming beyond. Names are short, so the bit-parallel
// path is the one that matters; the DP path only keeps long inputs correct.
#include <algorithm>
#include <vector>

#include "distance/detail/bit_parallel.hpp"
#include "distance/distance.hpp"

namespace sekisho::distance {
namespace detail {

size_t levenshtein_bits(const PatternMasks& masks, size_t m, std::string_view text, size_t max) {
  const size_t n = text.size();
  if ((m > n ? m - n : n - m) > max) return max + 1;
  uint64_t vp = m == 64 ? ~uint64_t{0} : (uint64_t{1} << m) - 1;
  uint64_t vn = 0;
  const uint64_t last = uint64_t{1} << (m - 1);
  size_t dist = m;
  for (size_t j = 0; j < n; ++j) {
    const uint64_t pm = masks[static_cast<uint8_t>(text[j])];
    const uint64_t x = pm | vn;
    const uint64_t d0 = (((x & vp) + vp) ^ vp) | x;
    uint64_t hp = vn | ~(d0 | vp);
    uint64_t hn = vp & d0;
    dist += (hp & last) != 0;
    dist -= (hn & last) != 0;
    // The final distance is at least dist - (columns left).
    if (dist > max + (n - j - 1)) return max + 1;
    hp = (hp << 1) | 1;
    hn <<= 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
  }
  return dist <= max ? dist : max + 1;
}

size_t osa_bits(const PatternMasks& masks, size_t m, std::string_view pattern, std::string_view text, size_t max) {
  (void)pattern;
  const size_t n = text.size();
  if ((m > n ? m - n : n - m) > max) return max + 1;
  uint64_t vp = m == 64 ? ~uint64_t{0} : (uint64_t{1} << m) - 1;
  uint64_t vn = 0;
  uint64_t d0 = 0;
  uint64_t pm_prev = 0;
  const uint64_t last = uint64_t{1} << (m - 1);
  size_t dist = m;
  for (size_t j = 0; j < n; ++j) {
    const uint64_t pm = masks[static_cast<uint8_t>(text[j])];
    // Hyyrö's transposition term: a diagonal zero two steps back where the
    // pattern has text[j] one row up and text[j-1] at this row.
    const uint64_t tr = (((~d0) & pm) << 1) & pm_prev;
    d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr;
    uint64_t hp = vn | ~(d0 | vp);
    uint64_t hn = d0 & vp;
    dist += (hp & last) != 0;
    dist -= (hn & last) != 0;
    if (dist > max + (n - j - 1)) return max + 1;
    hp = (hp << 1) | 1;
    hn <<= 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    pm_prev = pm;
  }
  return dist <= max ? dist : max + 1;
}

size_t levenshtein_dp(std::string_view a, std::string_view b, size_t max) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    size_t row_min = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({up + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > max) return max + 1;  // every path through this row already costs more
  }
  return row[b.size()] <= max ? row[b.size()] : max + 1;
}

size_t osa_dp(std::string_view a, std::string_view b, size_t max) {
  const size_t w = b.size() + 1;
  std::vector<size_t> prev2(w), prev(w), cur(w);
  for (size_t j = 0; j < w; ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    size_t row_min = i;
    for (size_t j = 1; j < w; ++j) {
      size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    // OSA may reach back two rows, so a single row above max is not yet proof.
    if (row_min > max + 1) return max + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()] <= max ? prev[b.size()] : max + 1;
}

}  // namespace detail

namespace {

// Runs the bit-parallel engine with whichever input fits in 64 bits as the pattern.
template <typename Bits, typename Dp>
size_t dispatch(std::string_view a, std::string_view b, size_t max, Bits bits, Dp dp) {
  if (a.size() > b.size()) std::swap(a, b);  // distance is symmetric: shorter one is the pattern
  max = std::min(max, b.size());             // no distance exceeds the longer length
  if (a.empty()) return b.size() <= max ? b.size() : max + 1;
  if (b.size() - a.size() > max) return max + 1;  // each extra letter is an edit
  if (a.size() > detail::kMaxBitParallel) return dp(a, b, max);
  // The table stays all-zero between calls: set the pattern's bytes, clear
  // them after (a 2 KiB fill per call cost more than the distance itself).
  thread_local detail::PatternMasks masks{};
  for (size_t i = 0; i < a.size(); ++i) masks[static_cast<uint8_t>(a[i])] |= uint64_t{1} << i;
  const size_t distance = bits(masks, a, b, max);
  for (char c : a) masks[static_cast<uint8_t>(c)] = 0;
  return distance;
}

}  // namespace

size_t levenshtein_bounded(std::string_view a, std::string_view b, size_t max) {
  return dispatch(
      a, b, max,
      [](const detail::PatternMasks& pm, std::string_view p, std::string_view t, size_t mx) {
        return detail::levenshtein_bits(pm, p.size(), t, mx);
      },
      detail::levenshtein_dp);
}

size_t levenshtein(std::string_view a, std::string_view b) { return levenshtein_bounded(a, b, kNoLimit); }

size_t osa_bounded(std::string_view a, std::string_view b, size_t max) {
  return dispatch(
      a, b, max,
      [](const detail::PatternMasks& pm, std::string_view p, std::string_view t, size_t mx) {
        return detail::osa_bits(pm, p.size(), p, t, mx);
      },
      detail::osa_dp);
}

size_t osa_distance(std::string_view a, std::string_view b) { return osa_bounded(a, b, kNoLimit); }

}  // namespace sekisho::distance
