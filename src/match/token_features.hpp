// The features of a side's tokens (TokenFeatures), computed once per query
// and once per listed name: each may depend on the token's neighbours (a
// father's name is known by the "bin" before it).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "phonetic/phonetic.hpp"
#include "sekisho/match.hpp"

namespace sekisho::match {

// What the comparer computes once per token, for the query and for every
// listed name, instead of at every comparison.
struct TokenFeatures {
  double weight = 1.0;
  std::string key;          // phonetic key
  int32_t number = -1;      // the number the token writes ("44", "forty", "1st", "first"); -1: none
  bool tens_word = false;   // "twenty".."ninety": a units word after it adds to it ("forty four" = 44)
  bool units_word = false;  // "one".."nine", "first".."ninth"
  // A patronymic by role, by shape (-ovich, -ovna, -ogly…) or by place: the
  // father's name in an Arabic nasab chain ("bin Muhammad ibn Awad ibn Ladin").
  bool patronymic = false;
  bool particle = false;  // TokenWeights::is_particle: grammar, not identity
  // A word for what an organisation does or is (aviation, bank, shipyard, design bureau): people
  // name a company without it ("Sukhoi" for Sukhoi Aviation JSC), so leaving it out says little.
  bool sector = false;
  // Summaries that tell cheaply when two tokens cannot meet at all (score_above):
  // the set of letters (l counted as r, other bytes folded into a few bits), and
  // a hash of the phonetic key with l read as r.
  uint64_t letters = 0;
  uint64_t sound = 0;
  phonetic::EarKeys ear{};  // ear_keys: a kana reading meets the other side's spelling by ear
  // A hash of the token's English stem (institute, institution → "institut"); 0 under five
  // letters. A gloss meets another form of its word through it.
  uint64_t stem = 0;
};

// A listed name's token features, computed once when a screener is built.
struct CandidateFeatures {
  using Token = TokenFeatures;
  std::vector<Token> tokens;  // one per candidate token, in one block: read for every candidate scored
};

}  // namespace sekisho::match

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
