// What PreparedQuery holds besides its tokens: each token's features and cached
// pattern, read for every candidate a query is scored against.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "distance/distance.hpp"
#include "match/token_features.hpp"
#include "sekisho/match.hpp"

namespace sekisho::match {

struct PreparedQuery::Impl {
  std::span<const distance::CachedPattern> patterns() const { return {patterns_.data(), pattern_count_}; }
  const std::vector<TokenFeatures>& features() const { return features_; }

  std::vector<distance::CachedPattern> patterns_;  // may hold more than the tokens: see assign()
  size_t pattern_count_ = 0;
  std::vector<TokenFeatures> features_;
};

}  // namespace sekisho::match
