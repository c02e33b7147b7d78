// Name comparison: units (tokens, or adjacent tokens merged when one side
// wrote them as one word), a similarity matrix by the token tiers, an optimal
// one-to-one alignment, then a weighted score in which every unmatched part
// costs according to what it means:
//
//   score = Σ pairs w·sim / (Σ pairs w + β Σ contradicted w + α_q Σ query extras w + α_c Σ candidate extras w)
//
// A part both sides have but disagree on (Lavrov's patronymic Viktorovich vs
// Borisovich) is a contradiction and costs β = 2 times its weight; a part only
// one side has (the query left the patronymic out) costs a fraction. Leftovers
// are contradictions as long as both sides have some, pairing the heaviest
// first; the rest are extras (nomenklatura #366 scores both alike).
#include <algorithm>
#include <cmath>

#include "match/assignment.hpp"
#include "match/token_similarity.hpp"
#include "sekisho/match.hpp"

namespace sekisho::match {
namespace {

struct Unit {
  std::string text;
  size_t first = 0;  // index of the first original token
  double weight = 1.0;
  bool legal = false;
  bool merged = false;
  bool acronym = false;  // the initials of several tokens of this side spell a token of the other
  bool filler = false;   // a legal form or stopword: its absence on the other side says little
  bool patronymic = false;  // shaped like a patronymic (looks_like_patronymic)
  NamePartRole role = NamePartRole::kUnknown;
  const CachedPattern* pattern = nullptr;
  std::string label;  // for the explanation: "abdul+rahman"
  std::string key;    // phonetic key
  bool r_may_be_l = false;

  detail::TokenView view() const { return {text, key, pattern, legal, r_may_be_l}; }
};

// East Slavic patronymics in the usual romanisations (Vladimirovich, Volodymyrovych,
// Wladimirowitsch, Viktorovna) and the Turkic ones (Aliyevich's cousins oglu, ogly, uly, kyzy).
// Serbian -ović/-vić is a surname, not a patronymic: -ovic alone does not count.
bool looks_like_patronymic(std::string_view t) {
  static constexpr std::string_view kEndings[] = {"ovich", "evich", "ovych", "evych", "ovitch", "evitch", "owitsch",
                                                  "ewitsch", "ovitj", "evitj", "ovics", "ovna", "evna", "ivna",
                                                  "oglu", "ogly", "uly", "kyzy", "qizi"};
  if (t.size() < 6) return false;
  for (std::string_view e : kEndings) {
    if (t.ends_with(e)) return true;
  }
  return false;
}

std::vector<Unit> make_units(std::span<const NameToken> tokens, std::span<const double> weights,
                             std::span<const CachedPattern> patterns, std::span<const std::string> keys) {
  std::vector<Unit> units;
  units.reserve(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].text.empty()) continue;
    units.push_back(Unit{.text = tokens[i].text,
                         .first = i,
                         .weight = weights[i],
                         .legal = tokens[i].legal_form,
                         .filler = tokens[i].legal_form || tokens[i].stopword,
                         .patronymic = tokens[i].role == NamePartRole::kPatronymic || looks_like_patronymic(tokens[i].text),
                         .role = tokens[i].role,
                         .pattern = patterns.empty() ? nullptr : &patterns[i],
                         .label = tokens[i].text,
                         .key = keys.empty() ? phonetic_key(tokens[i].text) : keys[i],
                         .r_may_be_l = tokens[i].r_may_be_l});
  }
  return units;
}

bool has_exact(const std::vector<Unit>& side, std::string_view text) {
  return std::any_of(side.begin(), side.end(), [&](const Unit& u) { return !u.legal && u.text == text; });
}

// Joins runs of 2–3 adjacent tokens of `side` that together spell one token of
// `other` ("abdul rahman" / "abdulrahman", "van der bilt" / "vanderbilt"),
// unless those tokens already meet `other` exactly one by one.
void merge_split_tokens(std::vector<Unit>& side, const std::vector<Unit>& other, const NameMatchOptions& o) {
  constexpr double kMergeFloor = 0.85;
  for (size_t i = 0; i + 1 < side.size(); ++i) {
    for (size_t span = std::min<size_t>(3, side.size() - i); span >= 2; --span) {
      // Cheap gate first: some target must be about as long as the joined run, or spell its initials.
      size_t joined_length = 0;
      for (size_t k = i; k < i + span; ++k) joined_length += side[k].text.size();
      const bool plausible = std::any_of(other.begin(), other.end(), [&](const Unit& t) {
        const size_t longer = std::max(joined_length, t.text.size());
        const size_t gap = longer - std::min(joined_length, t.text.size());
        return !t.legal && (gap <= detail::typo_budget(longer) || t.text.size() == span);
      });
      if (!plausible) continue;
      bool usable = true, all_exact = true;
      std::string joined, initials, label;
      for (size_t k = i; k < i + span; ++k) {
        usable = usable && !side[k].legal && !side[k].merged;
        all_exact = all_exact && has_exact(other, side[k].text);
        joined += side[k].text;
        initials += side[k].text[0];
        label += (k > i ? "+" : "") + side[k].label;
      }
      if (!usable || all_exact) continue;
      bool merge = false, acronym = false;
      for (const Unit& target : other) {
        if (target.legal || has_exact(side, target.text)) continue;
        if (target.text == initials) {
          merge = acronym = true;  // "us" ~ "united states", "pla" ~ "peoples liberation army"
          break;
        }
        // Spelled alike: within the typo budget and nearly as close as a typo'd token.
        const size_t longer = std::max(joined.size(), target.text.size());
        const size_t budget = detail::typo_budget(longer);
        const size_t gap = joined.size() > target.text.size() ? joined.size() - target.text.size()
                                                               : target.text.size() - joined.size();
        if (gap > budget) continue;
        const size_t edits = osa_bounded(joined, target.text, budget);
        const double sim = 1.0 - o.edit_cost * static_cast<double>(edits) / static_cast<double>(longer);
        if (edits <= budget && sim >= kMergeFloor) {
          merge = true;
          break;
        }
      }
      if (!merge) continue;
      Unit u{.text = acronym ? initials : joined, .first = side[i].first, .weight = 0, .legal = false,
             .merged = true, .acronym = acronym, .role = side[i].role, .pattern = nullptr, .label = label};
      for (size_t k = i; k < i + span; ++k) {
        u.weight = std::max(u.weight, side[k].weight);
        u.r_may_be_l = u.r_may_be_l || side[k].r_may_be_l;
      }
      u.key = phonetic_key(u.text);
      side.erase(side.begin() + static_cast<std::ptrdiff_t>(i), side.begin() + static_cast<std::ptrdiff_t>(i + span));
      side.insert(side.begin() + static_cast<std::ptrdiff_t>(i), std::move(u));
      break;
    }
  }
}

int role_group(NamePartRole r) {
  switch (r) {
    case NamePartRole::kGiven:
    case NamePartRole::kMiddle: return 1;
    case NamePartRole::kFamily: return 2;
    case NamePartRole::kPatronymic: return 3;
    case NamePartRole::kUnknown: break;
  }
  return 0;
}

bool roles_conflict(NamePartRole a, NamePartRole b) {
  return role_group(a) != 0 && role_group(b) != 0 && role_group(a) != role_group(b);
}

// Pairs the leftovers of both sides as contradictions, heaviest first, within
// one kind (legal forms with legal forms); the rest are extras.
void classify_leftovers(std::vector<const Unit*> q, std::vector<const Unit*> c, bool legal, NameMatch& out,
                        double& contradicted, double& q_extra, double& c_extra, double& filler_extra,
                        double& patronymic_extra) {
  auto keep = [legal](const Unit* u) { return u->legal != legal; };
  q.erase(std::remove_if(q.begin(), q.end(), keep), q.end());
  c.erase(std::remove_if(c.begin(), c.end(), keep), c.end());
  auto heavier = [](const Unit* a, const Unit* b) { return a->weight > b->weight; };
  std::stable_sort(q.begin(), q.end(), heavier);
  std::stable_sort(c.begin(), c.end(), heavier);
  const size_t k = std::min(q.size(), c.size());
  for (size_t i = 0; i < q.size(); ++i) {
    const bool contra = i < k;
    out.unmatched.push_back({q[i]->label, true, q[i]->weight,
                             contra ? UnmatchedKind::kContradicted : UnmatchedKind::kQueryExtra});
    (contra ? contradicted : q[i]->filler ? filler_extra : q[i]->patronymic ? patronymic_extra : q_extra) +=
        contra ? q[i]->weight / 2 : q[i]->weight;
  }
  for (size_t i = 0; i < c.size(); ++i) {
    const bool contra = i < k;
    out.unmatched.push_back({c[i]->label, false, c[i]->weight,
                             contra ? UnmatchedKind::kContradicted : UnmatchedKind::kCandidateExtra});
    (contra ? contradicted : c[i]->filler ? filler_extra : c[i]->patronymic ? patronymic_extra : c_extra) +=
        contra ? c[i]->weight / 2 : c[i]->weight;
  }
}

NameMatch compare_units(std::vector<Unit> q, std::vector<Unit> c, const NameMatchOptions& o) {
  NameMatch out;
  if (q.empty() || c.empty()) return out;
  merge_split_tokens(q, c, o);
  merge_split_tokens(c, q, o);

  const size_t rows = q.size(), cols = c.size();
  std::vector<detail::TokenSimilarity> sims(rows * cols);
  std::vector<double> gain(rows * cols, 0.0);
  for (size_t i = 0; i < rows; ++i) {
    for (size_t j = 0; j < cols; ++j) {
      auto ts = detail::token_similarity(q[i].view(), c[j].view(), o);
      if ((q[i].merged || c[j].merged) && (ts.method == PairMethod::kExact || ts.method == PairMethod::kEdit)) {
        ts.method = PairMethod::kMerged;
        if ((q[i].acronym || c[j].acronym) && ts.method == PairMethod::kMerged) {
          ts = ts.edits == 0 && q[i].text == c[j].text
                   ? detail::TokenSimilarity{o.acronym_similarity, PairMethod::kAcronym, 0}
                   : detail::TokenSimilarity{};
        }
      }
      sims[i * cols + j] = ts;
      if (ts.similarity < o.pair_floor) continue;
      double g = (q[i].weight + c[j].weight) / 2 * ts.similarity;
      if (roles_conflict(q[i].role, c[j].role)) g *= o.role_conflict_factor;
      // A hair of preference for keeping the order, so ties resolve in place.
      const double shift = std::fabs(static_cast<double>(q[i].first) - static_cast<double>(c[j].first));
      gain[i * cols + j] = g - 1e-7 * shift;
    }
  }
  const std::vector<int> row_to = detail::best_assignment(rows, cols, gain);

  double num = 0, matched = 0;
  std::vector<char> c_used(cols, 0);
  std::vector<const Unit*> q_left, c_left;
  std::vector<std::pair<size_t, size_t>> order;  // (query first, candidate first) of name pairs
  size_t role_conflicts = 0;
  for (size_t i = 0; i < rows; ++i) {
    if (row_to[i] < 0) {
      q_left.push_back(&q[i]);
      continue;
    }
    const size_t j = static_cast<size_t>(row_to[i]);
    c_used[j] = 1;
    const auto& ts = sims[i * cols + j];
    const double w = (q[i].weight + c[j].weight) / 2;
    num += w * ts.similarity;
    matched += w;
    out.pairs.push_back({q[i].label, c[j].label, ts.similarity, w, ts.method, ts.edits});
    if (!q[i].legal) order.emplace_back(q[i].first, c[j].first);
    if (roles_conflict(q[i].role, c[j].role)) ++role_conflicts;
  }
  for (size_t j = 0; j < cols; ++j)
    if (!c_used[j]) c_left.push_back(&c[j]);

  double contradicted = 0, legal_conflict = 0, q_extra = 0, c_extra = 0, filler_extra = 0, patronymic_extra = 0;
  classify_leftovers(q_left, c_left, false, out, contradicted, q_extra, c_extra, filler_extra, patronymic_extra);
  classify_leftovers(q_left, c_left, true, out, legal_conflict, q_extra, c_extra, filler_extra, patronymic_extra);

  const double den = matched + o.contradiction_weight * contradicted + o.legal_form_conflict_weight * legal_conflict +
                     o.query_extra_weight * q_extra + o.candidate_extra_weight * c_extra +
                     o.filler_extra_weight * filler_extra + o.patronymic_extra_weight * patronymic_extra;
  double score = den > 0 ? num / den : 0.0;

  // Name tokens (not legal forms or stopwords) matched, and those either side left over.
  size_t name_pairs = 0;
  for (size_t i = 0; i < rows; ++i) name_pairs += row_to[i] >= 0 && !q[i].filler;
  const bool extra_name_tokens =
      std::any_of(q_left.begin(), q_left.end(), [](const Unit* u) { return !u->filler; }) ||
      std::any_of(c_left.begin(), c_left.end(), [](const Unit* u) { return !u->filler; });
  if (name_pairs == 1 && extra_name_tokens) {
    out.penalties.push_back({"only one name token in common", o.single_token_support_factor});
    score *= o.single_token_support_factor;
  }

  std::sort(order.begin(), order.end());
  const bool reordered =
      std::adjacent_find(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.second > b.second; }) !=
      order.end();
  if (reordered) {
    out.penalties.push_back({"name parts in a different order", o.reorder_factor});
    score *= o.reorder_factor;
  }
  for (size_t k = 0; k < role_conflicts; ++k) {
    out.penalties.push_back({"name part matched across roles (given vs family)", o.role_conflict_factor});
    score *= o.role_conflict_factor;
  }
  out.score = std::clamp(score, 0.0, 1.0);
  return out;
}

}  // namespace

PreparedQuery::PreparedQuery(std::vector<NameToken> tokens, const TokenWeights& weights)
    : tokens_(std::move(tokens)) {
  patterns_.reserve(tokens_.size());
  weights_.reserve(tokens_.size());
  for (const NameToken& t : tokens_) {
    patterns_.emplace_back(t.text);
    weights_.push_back(weights.weight(t));
    keys_.push_back(phonetic_key(t.text));
  }
}

NameMatchOptions NameMatchOptions::for_schema(Schema schema) {
  NameMatchOptions o;
  if (schema != Schema::kPerson) {
    o.query_extra_weight = 1.2;
    o.candidate_extra_weight = 1.2;
    o.patronymic_extra_weight = 1.2;
  }
  return o;
}

namespace {
const TokenWeights* or_default(const TokenWeights* weights) {
  static const TokenWeights kDefault;
  return weights != nullptr ? weights : &kDefault;
}
}  // namespace

NameComparer::NameComparer(const TokenWeights* weights)
    : weights_(or_default(weights)),
      person_options_(NameMatchOptions::for_schema(Schema::kPerson)),
      other_options_(NameMatchOptions::for_schema(Schema::kOrganization)) {}

NameComparer::NameComparer(const TokenWeights* weights, NameMatchOptions options)
    : weights_(or_default(weights)), person_options_(options), other_options_(options) {}

CandidateFeatures NameComparer::candidate_features(std::span<const NameToken> candidate) const {
  CandidateFeatures f;
  f.weights.reserve(candidate.size());
  f.keys.reserve(candidate.size());
  for (const NameToken& t : candidate) {
    f.weights.push_back(weights_->weight(t));
    f.keys.push_back(phonetic_key(t.text));
  }
  return f;
}

NameMatch NameComparer::compare(const PreparedQuery& query, std::span<const NameToken> candidate,
                                const CandidateFeatures& features, Schema schema) const {
  return compare_units(make_units(query.tokens(), query.weights(), query.patterns(), query.keys()),
                       make_units(candidate, features.weights, {}, features.keys), options(schema));
}

NameMatch NameComparer::compare(const PreparedQuery& query, std::span<const NameToken> candidate,
                                Schema schema) const {
  return compare(query, candidate, candidate_features(candidate), schema);
}

NameMatch NameComparer::compare(std::span<const NameToken> query, std::span<const NameToken> candidate,
                                Schema schema) const {
  return compare(PreparedQuery({query.begin(), query.end()}, *weights_), candidate, schema);
}

}  // namespace sekisho::match
