// sekisho/match.hpp — scoring: how alike are two names, and how much do the
// other facts (birth date, country, identifiers, gender, schema) support or
// contradict the hit.
//
// Two layers, each usable alone:
//   1. Name comparison on already-normalised tokens (lower-case ASCII, one
//      token per word; legal forms replaced by their class, e.g. "llc"): an
//      order-free optimal alignment with merged/split tokens, initials,
//      length-graded typo budgets, rarity weights and penalties that tell an
//      omitted part from a contradicted one. The result explains itself.
//   2. Hit scoring: the name score combined with the qualifiers, each effect
//      recorded.
// The comparer's machinery (token features, cached patterns, score bounds) is
// internal: src/match/.
//
//   using namespace sekisho::match;
//   NameComparer comparer;  // default weights: generic words count little
//   NameMatch m = comparer.compare(tokens_from_text("vladimir putin"),
//                                  tokens_from_text("vladimir vladimirovich putin"), Schema::kPerson);
//   Facts query;  query.birth_dates.push_back(parse_date_loose("1952"));
//   Facts listed = facts_from_entity(entity);
//   HitScore hit = score_hit(m, query, listed);
//   if (hit.score >= kDefaultThreshold) std::cout << hit.to_text();
//
// Thread safety: every function is pure; NameComparer, TokenWeights and
// PreparedQuery are immutable after construction and safe to share between
// threads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sekisho/entity.hpp"

namespace sekisho::match {

// ---------------------------------------------------------------------------
// 1. Name comparison.

enum class NamePartRole : uint8_t { kUnknown = 0, kGiven, kMiddle, kFamily, kPatronymic };

struct NameToken {
  std::string text;                            // normalised: ASCII lower case, no spaces
  NamePartRole role = NamePartRole::kUnknown;  // when the source gives name parts
  bool legal_form = false;                     // `text` is a legal-form class ("llc", "jsc"): compared by class only
  bool stopword = false;                       // particle or filler ("al", "bin", "de", "the"): low weight
  // Romanised from Japanese or Korean, which write l and r alike (ラ行, ㄹ): an r here may be
  // an l of the other side's spelling (アレクセイ "areksei" ~ "aleksei").
  bool r_may_be_l = false;
};

// Splits normalised text on spaces into tokens of unknown role; no other processing.
std::vector<NameToken> tokens_from_text(std::string_view normalized);

// How much a token counts: rare tokens 1.0, generic ones (company, bank,
// mohammad in a list full of them) less. Default-constructed: a built-in list
// of generic organisation words and name particles; from_frequencies: an IDF
// table computed by the caller over the names of the lists being screened.
class TokenWeights {
 public:
  TokenWeights();
  // `document_frequency[token]` = number of names holding the token, out of `name_count`.
  // Tokens seen in at most `rare_count` names weigh 1.0; more frequent ones
  // weigh less, in proportion to their IDF, down to kMinWeight.
  static TokenWeights from_frequencies(const std::unordered_map<std::string, uint32_t>& document_frequency,
                                       uint32_t name_count, uint32_t rare_count = 20);

  double weight(const NameToken& token) const;
  // A name particle or filler word of the built-in list ("al", "bin", "de", "van", "the", "of"):
  // it pairs only with another particle, and its absence on the other side says little. One
  // letter is an initial, never a particle.
  static bool is_particle(std::string_view token);

  static constexpr double kMinWeight = 0.15;
  static constexpr double kLegalFormWeight = 0.25;  // a legal form says little about who it is
  static constexpr double kStopwordWeight = 0.3;
  static constexpr double kInitialWeight = 0.5;  // "j" carries one letter of information
  static constexpr double kNumberWeight = 0.5;   // "2", "2004": a series or vintage, not an identity

 private:
  std::unordered_map<std::string, double> weights_;  // tokens not listed weigh 1.0
};

// Tuning of the name comparison; the defaults were chosen on the nomenklatura
// name_bench half we hold (tests/match/name_bench_test.cpp). Use for_schema():
// people and organisations differ in what an extra word means.
struct NameMatchOptions {
  // Weight, relative to a matched token, of a token one side has and the other
  // side simply lacks. People: a middle name or patronymic left out is normal.
  // Organisations: an extra word (SYSTEMS, MEXICO, II) usually names a sibling.
  double query_extra_weight = 0.3;
  double candidate_extra_weight = 0.25;
  // The same for a legal form or stopword only one side has ("The World Bank" / "World Bank").
  double filler_extra_weight = 0.25;
  // The same for a patronymic only one side has (-ovich, -evna, -ogly): people and lists leave
  // it out all the time ("Vladimir Putin" / "PUTIN, Vladimir Vladimirovich").
  double patronymic_extra_weight = 0.1;
  // The same for an organisation's sector word only one side has (TokenFeatures::sector).
  double sector_extra_weight = 0.3;
  // Weight of a contradicted part: both sides have a token there and they differ.
  double contradiction_weight = 2.5;
  // The same for two different legal forms ("LLC" / "JSC"): weak evidence of
  // another entity, since one company's form is rendered differently across
  // languages (株式会社 is "Co., Ltd." in English, "JSC" by its class).
  double legal_form_conflict_weight = 1.0;
  // The same for two different numbers ("Snow Storm 1" / "Snow Storm 2", fund 2006-2 /
  // 2007-2): another member of one series, the sister ship or next vintage, which a
  // screener should still show; weak evidence of another entity, like a legal form.
  double number_conflict_weight = 1.0;
  // The same for two different sector words ("Plant" / "Factory", "Design Bureau" / "Aviation"):
  // weak evidence of another body, since its kind is translated loosely (завод is plant,
  // factory or works; 研究所 institute, laboratory or centre), like a legal form. For people,
  // as any other name word.
  double sector_conflict_weight = 2.5;
  // Pairs scoring below this are not a match: both tokens become unmatched.
  double pair_floor = 0.7;
  // Token similarity lost per edit, relative to the token length (1 edit in 10 letters costs 0.05).
  double edit_cost = 0.5;
  // Extra loss when the first letters differ (typists rarely get the first letter wrong).
  double first_letter_penalty = 0.06;
  // Similarity of an initial ("j") with a token of that initial ("john").
  double initial_similarity = 0.9;
  // Similarity of an acronym with the words it abbreviates ("us" ~ "united states").
  double acronym_similarity = 0.85;
  // Whether acronyms count at all: organisations go by them, people do not
  // ("Akira Kyosuke Ishida" is not a person called "Aki").
  bool acronyms = true;
  // Whether a lone "s" after a word is the English possessive that punctuation split
  // off ("People’s Liberation Army", "Deutsche Bank's"), and left out. Not for people,
  // whose lone "s" is an initial (Harry S Truman).
  bool possessive_s = true;
  // Whether a vessel's type prefix ("MV", "M/V", "MT", "SS", "FV") at the start is
  // filler: it says what the ship is, not which ("Hellenic Spirit" / "MV Hellenic Spirit").
  bool vessel_prefixes = false;
  // Similarity of a token with a longer token it is a prefix of ("ben" ~ "benjamin"), at least 3 letters.
  double prefix_similarity = 0.72;
  // Similarity of two tokens with the same phonetic key beyond the typo budget.
  double phonetic_similarity = 0.8;
  // Similarity of two English forms of one word (institute / institution) when one
  // side was read or glossed from kana or kanji (NameToken::r_may_be_l).
  double word_form_similarity = 0.85;
  // Factor when the aligned tokens are in a different order (the name may be another person's).
  double reorder_factor = 0.92;
  // Factor when the name parts are exchanged, not just rotated: a rotation is the
  // family name moved from the end to the front (one list's convention against
  // another's), while "Omar bin Abdullah" / "Abdullah bin Omar" (son and father)
  // name someone else. Replaces reorder_factor. Organisations keep reorder_factor:
  // languages order their words differently ("Bureau of Automatics" / 自動設計局).
  double exchanged_factor = 0.7;
  // Whether word order counts at all when one side was read or glossed from Japanese or
  // Korean (NameToken::r_may_be_l): an organisation's name is translated into that
  // language's order (イラクとレバント地方のイスラム国 / Islamic State in Iraq and the
  // Levant). Not for people, whose names are transliterated in the order written.
  bool translated_order_free = false;
  // Similarity of the same number written two ways ("three" / "3", "1st" / "first").
  double number_similarity = 0.95;
  // Factor per pair whose known roles disagree (a given name matched to a family name).
  double role_conflict_factor = 0.85;
  // Factor when the whole match rests on one name token while the other side
  // has more ("John Smith" / "John"): one shared given name is not an identity.
  double single_token_support_factor = 0.9;
  // Factor when every name part matched is an initial against a word ("Morgan
  // Adam Thompson" / "M.A.T."): letters that agree are not a name that does.
  double initials_only_factor = 0.8;

  // Person tuning for Schema::kPerson, organisation tuning for every other schema,
  // with vessel prefixes for Schema::kVessel.
  static NameMatchOptions for_schema(Schema schema);
};

// kWordForm: two English forms of one word (institute / institution), for a side
// glossed from Japanese word by word.
enum class PairMethod : uint8_t {
  kExact,
  kEdit,
  kPhonetic,
  kInitial,
  kPrefix,
  kMerged,
  kAcronym,
  kLegalForm,
  kNumber,
  kWordForm
};
std::string_view pair_method_name(PairMethod method);

struct AlignedPair {
  std::string query;      // query token(s), merged tokens joined by '+'
  std::string candidate;  // candidate token(s)
  double similarity = 0;
  double weight = 0;
  PairMethod method = PairMethod::kExact;
  size_t edits = 0;  // OSA edits for kEdit / kMerged
};

enum class UnmatchedKind : uint8_t {
  kQueryExtra,      // the query has a part the candidate lacks
  kCandidateExtra,  // the candidate has a part the query omitted
  kContradicted,    // both sides have a part here and the parts differ
};
std::string_view unmatched_kind_name(UnmatchedKind kind);

struct UnmatchedToken {
  std::string text;
  bool query_side = true;
  double weight = 0;
  UnmatchedKind kind = UnmatchedKind::kQueryExtra;
};

struct Penalty {
  std::string reason;
  double factor = 1.0;  // multiplied into the score
};

struct NameMatch {
  double score = 0;  // in [0, 1]; 1.0 only for identical token sequences
  std::vector<AlignedPair> pairs;
  std::vector<UnmatchedToken> unmatched;
  std::vector<Penalty> penalties;

  std::string to_text() const;  // one line per pair / unmatched token / penalty
  // {"score":…, "pairs":[…], "unmatched":[…], "penalties":[…]}; the wire part's (src/wire/).
  std::string to_json() const;
};

// The query's tokens prepared for scoring one query against many candidates:
// their features and cached patterns, computed once (src/match/prepared_query.hpp).
class PreparedQuery {
 public:
  PreparedQuery();
  PreparedQuery(std::vector<NameToken> tokens, const TokenWeights& weights);
  PreparedQuery(const PreparedQuery& other);
  PreparedQuery(PreparedQuery&& other) noexcept;
  PreparedQuery& operator=(const PreparedQuery& other);
  PreparedQuery& operator=(PreparedQuery&& other) noexcept;
  ~PreparedQuery();
  // The same, in place: the memory of the query prepared here before is reused.
  void assign(std::vector<NameToken> tokens, const TokenWeights& weights);

  const std::vector<NameToken>& tokens() const { return tokens_; }

  struct Impl;  // the features and patterns: src/match/prepared_query.hpp
  const Impl& impl() const { return *impl_; }

 private:
  std::vector<NameToken> tokens_;
  std::unique_ptr<Impl> impl_;
};

// A listed name's token features, computed once when a screener is built
// (src/match/token_features.hpp).
struct CandidateFeatures;

class NameComparer {
 public:
  // `weights` must outlive the comparer; nullptr uses the built-in default
  // table. Options default to NameMatchOptions::for_schema of each comparison.
  explicit NameComparer(const TokenWeights* weights = nullptr);
  // The same options for every schema.
  NameComparer(const TokenWeights* weights, NameMatchOptions options);

  // `schema` is the kind of party compared (the query's, or the listed one's when the query has none).
  NameMatch compare(std::span<const NameToken> query, std::span<const NameToken> candidate,
                    Schema schema = Schema::kLegalEntity) const;
  NameMatch compare(const PreparedQuery& query, std::span<const NameToken> candidate,
                    Schema schema = Schema::kLegalEntity) const;
  // The same with the candidate's features from candidate_features(candidate).
  NameMatch compare(const PreparedQuery& query, std::span<const NameToken> candidate, const CandidateFeatures& features,
                    Schema schema = Schema::kLegalEntity) const;
  // compare(…).score without building the explanation: what a screener runs
  // on every candidate, before explaining the few hits it returns.
  double score(const PreparedQuery& query, std::span<const NameToken> candidate, const CandidateFeatures& features,
               Schema schema = Schema::kLegalEntity) const;
  // score(…) when it is at least `floor`; otherwise some value below `floor`
  // (not below the score). Most candidates a screener meets are far from a
  // match: when the tokens that can meet at all carry too little weight for
  // `floor`, that bound is returned without merging or aligning tokens.
  double score_above(const PreparedQuery& query, std::span<const NameToken> candidate,
                     const CandidateFeatures& features, Schema schema, double floor) const;
  // The bound score_above tests: not below score(…), from which units can meet at all.
  double score_bound(const PreparedQuery& query, std::span<const NameToken> candidate,
                     const CandidateFeatures& features, Schema schema = Schema::kLegalEntity) const;
  CandidateFeatures candidate_features(std::span<const NameToken> candidate) const;
  PreparedQuery prepare(std::vector<NameToken> query) const { return PreparedQuery(std::move(query), *weights_); }
  void prepare_into(std::vector<NameToken> query, PreparedQuery& out) const { out.assign(std::move(query), *weights_); }

  const TokenWeights& weights() const { return *weights_; }
  const NameMatchOptions& options(Schema schema) const {
    return schema == Schema::kPerson ? person_options_ : schema == Schema::kVessel ? vessel_options_ : other_options_;
  }

 private:
  const TokenWeights* weights_;
  NameMatchOptions person_options_;
  NameMatchOptions other_options_;
  NameMatchOptions vessel_options_;
};

// A raw name, in any script, as the comparer sees it: one transliteration variant of the text
// pipeline (text::analyze_name) as tokens, its legal forms appended as class tokens ("llc").
struct ComparableForm {
  std::string text;  // the variant: its tokens joined by one space
  std::vector<NameToken> tokens;
};
// The up to `max_variants` forms of `raw` read as a name of `schema`, best first.
std::vector<ComparableForm> comparable_forms(std::string_view raw, Schema schema, size_t max_variants);

// Two raw names compared through the whole text pipeline (every variant of each), for
// `sekisho compare` and the name_bench evaluation: the best pair decides.
struct NameComparison {
  double score = 0;
  std::string form_a, form_b;  // the variants that met
  NameMatch detail;
};
NameComparison compare_names(std::string_view a, std::string_view b, Schema schema, const NameComparer& comparer);

// ---------------------------------------------------------------------------
// 2. Qualifiers and the hit score.

// What one side knows besides the name.
struct Facts {
  Schema schema = Schema::kLegalEntity;
  std::vector<DateSpec> birth_dates;
  std::vector<std::string> countries;  // nationality, citizenship, jurisdiction, flag (codes or names)
  std::vector<Identifier> identifiers;
  std::string gender;  // "male", "female" or ""
};

// Countries as ISO 3166-1 alpha-2 codes where they name one (text::country_code), the rest as given.
std::vector<std::string> normalize_countries(const std::vector<std::string>& values);
// The qualifier facts of a listed entity, countries normalised.
Facts facts_from_entity(const Entity& entity);

enum class QualifierOutcome : uint8_t {
  kUnknown,     // one side does not say
  kMatch,       // both say the same, precisely
  kCompatible,  // both say something and it can be the same (1960 vs 1960-05-17)
  kConflict,    // both say something and it cannot be the same
};
std::string_view qualifier_outcome_name(QualifierOutcome outcome);

// Date of birth: exact days, year or month precision, ranges and circa (± kCircaYears).
QualifierOutcome compare_dates(const DateSpec& a, const DateSpec& b);
inline constexpr int kCircaYears = 2;

struct HitOptions {
  // Positive evidence moves the score this share of the way towards 1.
  double date_match_boost = 0.25;        // same full date
  double date_compatible_boost = 0.05;   // same year, or overlapping ranges
  double identifier_match_boost = 0.75;  // same typed identifier (passport, IMO, …)
  double country_match_boost = 0.05;
  // Counter-evidence multiplies the score by (1 - penalty).
  double date_conflict_penalty = 0.2;
  double identifier_conflict_penalty = 0.15;        // a person may hold several passports
  double unique_identifier_conflict_penalty = 0.5;  // a vessel has one IMO number
  double country_conflict_penalty = 0.1;
  double gender_conflict_penalty = 0.2;
};

struct QualifierEffect {
  std::string qualifier;  // "birth_date", "identifier", "country", "gender", "schema"
  QualifierOutcome outcome = QualifierOutcome::kUnknown;
  std::string detail;  // the values compared, for the analyst
  double score_before = 0;
  double score_after = 0;
};

struct HitScore {
  double score = 0;
  NameMatch name;
  std::vector<QualifierEffect> qualifiers;

  std::string to_text() const;
  std::string to_json() const;  // {"score":…, "name":{…}, "qualifiers":[…]}; the wire part's
};

// Combines the name score with the qualifiers. An incompatible schema scores 0.
HitScore score_hit(NameMatch name, const Facts& query, const Facts& listed, const HitOptions& options = {});
// The least name score that the query's facts could still raise to
// `threshold` (every boost score_hit may give them, given): a name scoring
// below it is no hit, whatever the listed entity's facts.
double least_name_score(double threshold, const Facts& query, const HitOptions& options = {});

// The default decision threshold for a hit, chosen on the name_bench half we
// hold (best F1 there: 0.892, P 0.936, R 0.851, with the small test normaliser);
// see tests/match/name_bench_test.cpp.
inline constexpr double kDefaultThreshold = 0.75;

}  // namespace sekisho::match
