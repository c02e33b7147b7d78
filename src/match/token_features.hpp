// The features of a side's tokens (TokenFeatures), computed once per query
// and once per listed name: each may depend on the token's neighbours (a
// father's name is known by the "bin" before it).
#pragma once

#include <span>
#include <vector>

#include "sekisho/match.hpp"

namespace sekisho::match::detail {

std::vector<TokenFeatures> token_features(std::span<const NameToken> tokens, const TokenWeights& weights);
// The same into `out`, whose strings keep their memory.
void token_features_into(std::span<const NameToken> tokens, const TokenWeights& weights,
                         std::vector<TokenFeatures>& out);

}  // namespace sekisho::match::detail
