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
// The father's name a patronymic is formed from and the sex its ending gives, by the endings
// of the national forms (Vladimirovich, Volodymyrovych, Vladimiruly, Aliyevich, Aliyev oglu's
// oglu alone has no stem); an empty stem when the token has no such ending.
struct PatronymicStem {
  std::string_view stem;
  bool female = false;
};
PatronymicStem patronymic_stem(std::string_view token);

void token_features_into(std::span<const NameToken> tokens, const TokenWeights& weights,
                         std::vector<TokenFeatures>& out);

}  // namespace sekisho::match::detail
