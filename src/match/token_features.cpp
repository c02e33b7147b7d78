#include "match/token_features.hpp"

#include <algorithm>

#include "match/numbers.hpp"
#include "match/score_bound.hpp"
#include "phonetic/phonetic.hpp"
#include "text/text_internal.hpp"

namespace sekisho::match::detail {
namespace {

// East Slavic patronymics in the usual romanisations (Vladimirovich, Volodymyrovych,
// Wladimirowitsch, Viktorovna) and the Turkic ones (Aliyevich's cousins oglu, ogly, uly, kyzy).
// Serbian -ović/-vić is a surname, not a patronymic: -ovic alone does not count.
struct PatronymicEnding {
  std::string_view text;
  bool female;
};
constexpr PatronymicEnding kPatronymicEndings[] = {
    {"ovich", false},  {"evich", false},   {"ovych", false},   {"evych", false}, {"ovitch", false},
    {"evitch", false}, {"owitsch", false}, {"ewitsch", false}, {"ovitj", false}, {"evitj", false},
    {"ovics", false},  {"ovna", true},     {"evna", true},     {"ivna", true},   {"oglu", false},
    {"ogly", false},   {"uly", false},     {"kyzy", true},     {"qizi", true},
};

// The patronymic ending `t` has, or null; a token under six letters has none.
const PatronymicEnding* patronymic_ending(std::string_view t) {
  if (t.size() < 6) return nullptr;
  for (const PatronymicEnding& e : kPatronymicEndings) {
    if (t.ends_with(e.text)) return &e;
  }
  return nullptr;
}

bool looks_like_patronymic(std::string_view t) { return patronymic_ending(t) != nullptr; }

// Words that say what an organisation does or what kind of body it is, in the English the lists
// write, the Russian words they keep (Zavod, Kontsern) and the glosses of Japanese names give
// (航空 aviation, 工場 plant, 設計局 design bureau): src/text/tables/organization_words.tsv. A name
// without them still names the organisation: "Sukhoi" is said for Sukhoi Aviation JSC, "Sberbank"
// for Sberbank of Russia's banking arm. Legal forms are apart (NameToken::legal_form); place
// words (Russia, Moscow) are not there: they tell branches apart.
constexpr double kSectorWordWeight = 0.4;  // TokenWeights' weight of generic organisation words

// "son of" / "daughter of" in Arabic (bin, ibn, bint, binti), Hebrew and Maghrebi
// (ben) and Hassaniya (ould) names.
bool is_lineage_particle(std::string_view t) {
  return t == "bin" || t == "ibn" || t == "bint" || t == "binti" || t == "ben" || t == "ould";
}

// A name inside a nasab chain: "Usama bin Muhammad ibn Awad ibn Ladin" names
// Usama, his father Muhammad and his grandfather Awad; lists give or omit the
// chain as they give or omit a Russian patronymic. The last link ("bin Ladin",
// "bin Salman") is not counted: it is what people use as the family name.
bool in_nasab_chain(std::span<const NameToken> tokens, size_t i) {
  return i >= 2 && i + 1 < tokens.size() && tokens[i].role == NamePartRole::kUnknown &&
         is_lineage_particle(tokens[i - 1].text);
}

}  // namespace

PatronymicStem patronymic_stem(std::string_view token) {
  const PatronymicEnding* e = patronymic_ending(token);
  if (e == nullptr) return {};
  return {token.substr(0, token.size() - e->text.size()), e->female};
}

std::vector<TokenFeatures> token_features(std::span<const NameToken> tokens, const TokenWeights& weights) {
  std::vector<TokenFeatures> out;
  token_features_into(tokens, weights, out);
  return out;
}

void token_features_into(std::span<const NameToken> tokens, const TokenWeights& weights,
                         std::vector<TokenFeatures>& out) {
  out.resize(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    const NameToken& t = tokens[i];
    TokenFeatures& f = out[i];
    f.weight = weights.weight(t);
    phonetic::phonetic_key_into(t.text, f.key);
    f.letters = letter_set(t.text);
    f.sound = sound_of_key(f.key);
    f.ear = phonetic::ear_keys(t.text);
    // A word of organization_words.tsv has its line's first word as its stem: a gloss of 工場
    // ("plant") meets the Zavod or the Factory of the listed name.
    const std::string* word_class = t.legal_form ? nullptr : text::detail::organization_word_class(t.text);
    f.stem = phonetic::stem_hash(word_class != nullptr ? *word_class : t.text);
    const NumberReading n = t.legal_form ? NumberReading{} : read_number(t.text);  // a legal form: no number
    f.number = n.value;
    f.tens_word = n.tens;
    f.units_word = n.units;
    f.patronymic = t.role == NamePartRole::kPatronymic || looks_like_patronymic(t.text) || in_nasab_chain(tokens, i);
    f.particle = !t.legal_form && TokenWeights::is_particle(t.text);
    f.sector = !f.particle && word_class != nullptr;
    // However rare on the lists at hand (few sanctioned airlines), a sector word says what a body
    // does, not which body it is: it weighs as the generic organisation words do.
    if (f.sector) f.weight = std::min(f.weight, kSectorWordWeight);
  }
}

}  // namespace sekisho::match::detail
