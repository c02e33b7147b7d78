// CachedPattern: the query token's position masks built once, reused for every
// candidate token (rapidfuzz's "cached scorer" idea).
#include <algorithm>
#include <optional>

#include "distance/detail/bit_parallel.hpp"
#include "distance/distance.hpp"

namespace sekisho::distance {
namespace {

// The bounded distance when the lengths alone decide it (max + 1 meaning
// "beyond max"): every extra letter is an edit, and an empty token is all edits.
std::optional<size_t> decided_by_lengths(std::string_view token, std::string_view other, size_t max) {
  const size_t gap = token.size() > other.size() ? token.size() - other.size() : other.size() - token.size();
  if (gap > max) return max + 1;
  if (token.empty()) return other.size();  // here other.size() == gap <= max
  return std::nullopt;
}

}  // namespace

CachedPattern::CachedPattern(std::string_view token) { assign(token); }

void CachedPattern::assign(std::string_view token) {
  // Only the bytes of the previous token have masks set (a token too long for the masks set none).
  if (token_.size() <= detail::kMaxBitParallel) {
    for (const char c : token_) masks_[static_cast<uint8_t>(c)] = 0;
  }
  token_.assign(token);
  if (token_.size() <= detail::kMaxBitParallel) detail::add_masks(token_, masks_);
}

double CachedPattern::jaro(std::string_view other) const {
  if (token_.size() > detail::kMaxBitParallel || token_.empty()) return detail::jaro_flags(token_, other);
  return detail::jaro_bits(masks_, token_, other);
}

double CachedPattern::jaro_winkler(std::string_view other, double prefix_weight, double cutoff) const {
  if (cutoff > 0.0 && !token_.empty() && !other.empty()) {
    // At most min(m, n) matches and no transposition: an upper bound on Jaro,
    // and the Winkler boost can add at most 4 * prefix_weight of the rest.
    const double m = static_cast<double>(token_.size());
    const double n = static_cast<double>(other.size());
    const double shorter = std::min(m, n);
    const double bound_jaro = (shorter / m + shorter / n + 1.0) / 3.0;
    const double bound = bound_jaro + std::min(1.0, 4 * prefix_weight) * (1.0 - bound_jaro);
    if (bound < cutoff) return 0.0;
  }
  const double score = detail::winkler_boost(jaro(other), token_, other, prefix_weight);
  return score >= cutoff ? score : 0.0;
}

size_t CachedPattern::levenshtein(std::string_view other, size_t max) const {
  max = std::min(max, std::max(token_.size(), other.size()));
  if (auto decided = decided_by_lengths(token_, other, max)) return *decided;
  if (token_.size() > detail::kMaxBitParallel) return detail::levenshtein_dp(token_, other, max);
  return detail::levenshtein_bits(masks_, token_.size(), other, max);
}

size_t CachedPattern::osa(std::string_view other, size_t max) const {
  max = std::min(max, std::max(token_.size(), other.size()));
  if (auto decided = decided_by_lengths(token_, other, max)) return *decided;
  if (token_.size() > detail::kMaxBitParallel) return detail::osa_dp(token_, other, max);
  return detail::osa_bits(masks_, token_.size(), token_, other, max);
}

}  // namespace sekisho::distance
