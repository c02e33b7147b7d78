// Similarity of one query token with one candidate token: the tiers an
// analyst would accept (exact, typo within budget, initial, prefix, same
// sound), each with its own score, so a short name with one typo ("jon" /
// "john") degrades smoothly instead of falling off a cliff.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "distance/distance.hpp"
#include "phonetic/phonetic.hpp"
#include "sekisho/match.hpp"

namespace sekisho::match::detail {

struct TokenSimilarity {
  double similarity = 0;
  PairMethod method = PairMethod::kEdit;
  size_t edits = 0;
};

// Edits a token of `longer_length` bytes may carry and still match: 0 up to 2
// letters, 1 up to 5, 2 up to 12, 3 beyond (the budget grows with length
// because a typo in a long name leaves most of it intact). A first letter that
// differs, among other edits, uses one more edit of the budget.
inline size_t typo_budget(size_t longer_length) {
  return longer_length <= 2 ? 0 : longer_length <= 5 ? 1 : longer_length <= 12 ? 2 : 3;
}

// One side of a comparison: the token, its phonetic key (computed once per
// token, not per pair) and, for query tokens, the cached pattern (null for
// merged tokens: the kernels then run uncached).
struct TokenView {
  std::string_view text;
  std::string_view key;
  const distance::CachedPattern* pattern = nullptr;
  bool legal = false;
  bool r_may_be_l = false;                 // NameToken::r_may_be_l
  int32_t number = -1;                     // TokenFeatures::number
  const phonetic::EarKeys* ear = nullptr;  // TokenFeatures::ear; null for merged tokens
  uint64_t stem = 0;                       // TokenFeatures::stem; 0 for merged tokens
  bool patronymic = false;                 // TokenFeatures::patronymic
};

TokenSimilarity token_similarity(const TokenView& query, const TokenView& candidate, const NameMatchOptions& options);

}  // namespace sekisho::match::detail
