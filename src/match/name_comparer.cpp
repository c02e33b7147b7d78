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
// first; the rest are extras (nomenklatura #366 scores both alike). Two
// different legal forms, or two different numbers (the sister ship, the next
// vintage of a fund), contradict more weakly than two different name words.
#include <algorithm>
#include <cmath>
#include <deque>

#include "match/assignment.hpp"
#include "match/leftovers.hpp"
#include "match/prepared_query.hpp"
#include "match/score_bound.hpp"
#include "match/token_features.hpp"
#include "match/token_similarity.hpp"
#include "match/unit.hpp"
#include "phonetic/phonetic.hpp"
#include "sekisho/match.hpp"

namespace sekisho::match {
namespace {

using detail::LeftoverKind;
using detail::Leftovers;
using detail::Unit;

struct Scratch {
  std::vector<Unit> q, c;
  std::vector<detail::TokenSimilarity> sims;
  std::vector<double> gain;
  std::vector<int> row_to;
  std::vector<char> c_used;
  std::vector<const Unit*> q_left, c_left;
  std::vector<std::pair<size_t, size_t>> order;
  std::vector<char> side_exact, other_exact;  // merge_split_tokens: units met exactly by the other side
  detail::MeetGrid meets;                     // the bound's may_meet answers, for the alignment
  std::string joined, initials, joined_key;
  std::deque<std::string> arena;  // deque: elements keep their address as it grows
  size_t arena_used = 0;

  // A string that lives until the next comparison.
  std::string& slot() {
    if (arena_used == arena.size()) arena.emplace_back();
    return arena[arena_used++];
  }
  std::string_view keep(std::string_view text) { return slot().assign(text); }
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// Fills `units` (cleared first) from a side's tokens and their features.
void make_units(std::span<const NameToken> tokens, std::span<const distance::CachedPattern> patterns,
                std::span<const TokenFeatures> features, std::vector<Unit>& units) {
  units.clear();
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].text.empty()) continue;
    const TokenFeatures& f = features[i];
    units.push_back(Unit{.text = tokens[i].text,
                         .key = f.key,
                         .source = tokens,
                         .first = i,
                         .last = i,
                         .weight = f.weight,
                         .legal = tokens[i].legal_form,
                         .filler = tokens[i].legal_form || tokens[i].stopword || f.particle,
                         .patronymic = f.patronymic,
                         .sector = f.sector,
                         .r_may_be_l = tokens[i].r_may_be_l,
                         .number = f.number,
                         .tens_word = f.tens_word,
                         .units_word = f.units_word,
                         .letters = f.letters,
                         .sound = f.sound,
                         .ear = &f.ear,
                         .stem = f.stem,
                         .role = tokens[i].role,
                         .pattern = patterns.empty() ? nullptr : &patterns[i]});
  }
}

// side_exact[k]: some unit of `other` (not a legal form) spells side[k];
// other_exact[t]: some unit of `side` (not a legal form) spells other[t].
void mark_exact(const std::vector<Unit>& side, const std::vector<Unit>& other, std::vector<char>& side_exact,
                std::vector<char>& other_exact) {
  side_exact.assign(side.size(), 0);
  other_exact.assign(other.size(), 0);
  for (size_t k = 0; k < side.size(); ++k) {
    for (size_t t = 0; t < other.size(); ++t) {
      // Length and first letter before the byte comparison: most tokens differ there.
      const std::string_view a = side[k].text, b = other[t].text;
      if (a.size() != b.size() || a.empty() || a[0] != b[0] || a != b) continue;
      if (!other[t].legal) side_exact[k] = 1;
      if (!side[k].legal) other_exact[t] = 1;
    }
  }
}

// Joins a tens word and the units word after it into the number they write
// together ("forty four", "forty-four" = 44; "twenty first" = 21), so that it
// meets "44" as one number instead of two contradicted parts.
void join_number_words(std::vector<Unit>& side) {
  Scratch& s = scratch();
  for (size_t i = 0; i + 1 < side.size(); ++i) {
    Unit& tens = side[i];
    const Unit& units = side[i + 1];
    if (!tens.tens_word || !units.units_word || tens.merged || units.merged) continue;
    s.joined.assign(tens.text);
    s.joined += units.text;
    tens.text = s.keep(s.joined);
    tens.key = {};
    tens.number += units.number;
    tens.last = units.last;
    tens.weight = std::max(tens.weight, units.weight);
    tens.merged = true;
    tens.tens_word = false;
    tens.pattern = nullptr;
    side.erase(side.begin() + static_cast<std::ptrdiff_t>(i + 1));
  }
}

// Leaves out the English possessive "s" that punctuation split off its word
// ("people s liberation army"): it would break the run of initials an acronym
// spells, and count as a word the other side lacks. After an initial it is one
// more initial ("u s" from U.S.).
void drop_possessive_s(std::vector<Unit>& side) {
  for (size_t i = 1; i < side.size();) {
    if (side[i].text == "s" && !side[i].legal && !side[i - 1].legal && side[i - 1].text.size() >= 2) {
      side.erase(side.begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      ++i;
    }
  }
}

// A vessel's type prefix ("mv", "m v" from M/V, "mt", "ss") is filler: motor
// vessel, motor tanker and steamship say what the ship is, not which.
void mark_vessel_prefix(std::vector<Unit>& side) {
  static constexpr std::string_view kPrefixes[] = {"mv", "mt", "ms", "ss", "fv", "rv", "my", "mts"};
  auto filler = [](Unit& u) {
    u.filler = true;
    u.weight = std::min(u.weight, TokenWeights::kStopwordWeight);
  };
  if (side.size() >= 2 && std::find(std::begin(kPrefixes), std::end(kPrefixes), side[0].text) != std::end(kPrefixes)) {
    filler(side[0]);
  } else if (side.size() >= 3 && side[0].text == "m" && (side[1].text == "v" || side[1].text == "t")) {
    filler(side[0]);
    filler(side[1]);
  }
}

// Joins runs of 2–3 adjacent tokens of `side` that together spell one token of
// `other` ("abdul rahman" / "abdulrahman", "van der bilt" / "vanderbilt"),
// unless those tokens already meet `other` exactly one by one.
void merge_split_tokens(std::vector<Unit>& side, const std::vector<Unit>& other, const NameMatchOptions& o) {
  constexpr double kMergeFloor = 0.85;
  Scratch& s = scratch();
  if (side.size() < 2) return;
  // A run whose every unit the other side spells exactly is never merged: when
  // that is every run (a name met word for word), there is nothing to try.
  mark_exact(side, other, s.side_exact, s.other_exact);
  bool exact_marked = true;  // s.side_exact / s.other_exact describe the sides as they are now
  bool all_met = true;
  for (size_t k = 0; k < side.size() && all_met; ++k) {
    all_met = side[k].legal || side[k].merged || s.side_exact[k];
  }
  if (all_met) return;
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
      if (!exact_marked) {
        mark_exact(side, other, s.side_exact, s.other_exact);
        exact_marked = true;
      }
      bool usable = true, all_exact = true;
      for (size_t k = i; k < i + span && usable; ++k) {
        usable = !side[k].legal && !side[k].merged;
        all_exact = all_exact && s.side_exact[k];
      }
      if (!usable || all_exact) continue;
      s.joined.clear();
      s.initials.clear();
      uint64_t joined_letters = 0;  // the run's units are unmerged (usable): each has its letter set
      for (size_t k = i; k < i + span; ++k) {
        s.joined += side[k].text;
        s.initials += side[k].text[0];
        joined_letters |= side[k].letters;
      }
      bool merge = false, acronym = false;
      const bool sounded_run = std::all_of(side.begin() + static_cast<std::ptrdiff_t>(i),
                                           side.begin() + static_cast<std::ptrdiff_t>(i + span),
                                           [](const Unit& u) { return !u.filler && u.text.size() >= 2; });
      bool joined_key_made = false;  // s.joined_key: the joined run's phonetic key, made when first needed
      for (size_t t = 0; t < other.size(); ++t) {
        const Unit& target = other[t];
        if (target.legal || s.other_exact[t]) continue;
        if (o.acronyms && target.text == s.initials) {
          merge = acronym = true;  // "us" ~ "united states", "pla" ~ "peoples liberation army"
          break;
        }
        // Spelled alike: within the typo budget and nearly as close as a typo'd token.
        const size_t longer = std::max(s.joined.size(), target.text.size());
        const size_t budget = detail::typo_budget(longer);
        const size_t gap = s.joined.size() > target.text.size() ? s.joined.size() - target.text.size()
                                                                : target.text.size() - s.joined.size();
        if (gap > budget) continue;
        // Letter sets further apart than the budget cannot be spelled alike: most runs end
        // here, before the edit distance (it was 4% of a transliterated query's instructions).
        const uint64_t target_letters = target.merged ? detail::letter_set(target.text) : target.letters;
        if (detail::letters_within(joined_letters, target_letters, budget)) {
          // Both sides agree where a word begins, so a run that spells the other side's word
          // starts with its first letter: joining two words and changing the first letter is
          // two guesses, and reads a given name and a surname as one unrelated word ("yu chin",
          // ユ・チン, is no "putin"; "han ko" no "hanako"). A merge also starting with another
          // letter would pass here and then fail to meet at all, where the words alone would.
          const size_t edits = distance::osa_bounded(s.joined, target.text, budget);
          const bool first_differs = s.joined[0] != target.text[0];
          const double sim = 1.0 - o.edit_cost * static_cast<double>(edits) / static_cast<double>(longer);
          if (!first_differs && edits <= budget && sim >= kMergeFloor) {
            merge = true;
            break;
          }
        }
        // Sounded alike: syllables one romanisation writes apart ("tse tung", Wade-Giles)
        // and another as one word ("zedong", pinyin). Four consonant classes at least and
        // no particle or initial in the run, so that short keys glue no unrelated words.
        if (sounded_run && target.key.size() >= 4) {
          if (!joined_key_made) {
            s.joined_key = phonetic::joined_phonetic_key(s.joined);
            joined_key_made = true;
          }
          if (s.joined_key == target.key) {
            merge = true;
            break;
          }
        }
      }
      if (!merge) continue;
      Unit u{.text = s.keep(acronym ? s.initials : s.joined),
             .source = side[i].source,
             .first = side[i].first,
             .last = side[i + span - 1].last,
             .weight = 0,
             .legal = false,
             .merged = true,
             .acronym = acronym,
             .role = side[i].role,
             .pattern = nullptr};
      for (size_t k = i; k < i + span; ++k) {
        u.weight = std::max(u.weight, side[k].weight);
        u.r_may_be_l = u.r_may_be_l || side[k].r_may_be_l;
      }
      std::string& key = s.slot();
      phonetic::phonetic_key_into(u.text, key);
      u.key = key;
      side.erase(side.begin() + static_cast<std::ptrdiff_t>(i), side.begin() + static_cast<std::ptrdiff_t>(i + span));
      side.insert(side.begin() + static_cast<std::ptrdiff_t>(i), u);
      exact_marked = false;  // the side changed
      break;
    }
  }
}

int role_group(NamePartRole r) {
  switch (r) {
    case NamePartRole::kGiven:
    case NamePartRole::kMiddle:
      return 1;
    case NamePartRole::kFamily:
      return 2;
    case NamePartRole::kPatronymic:
      return 3;
    case NamePartRole::kUnknown:
      break;
  }
  return 0;
}

bool roles_conflict(NamePartRole a, NamePartRole b) {
  return role_group(a) != 0 && role_group(b) != 0 && role_group(a) != role_group(b);
}

// A name met by the patronymic formed from it (Vladimir / Vladimirovna): when the patronymic's
// side leaves a name word of its own unmet, that word is the person's given name and the name
// met is the father's ("Vladimir Putin" / "Maria Vladimirovna Putina"). Exact pairs are apart:
// lists and queries disagree on which of a person's names is the patronymic.
bool name_met_by_patronymic(const Unit& a, const Unit& b, const detail::TokenSimilarity& ts) {
  return a.patronymic != b.patronymic && !a.filler && !b.filler && ts.method != PairMethod::kExact;
}
bool leaves_name_word(const std::vector<const Unit*>& left) {
  return std::any_of(left.begin(), left.end(), [](const Unit* u) {
    return !u->filler && !u->patronymic && detail::leftover_kind(*u) == detail::LeftoverKind::kName;
  });
}

// The score of the units of both sides (modified: split tokens get merged);
// with `out`, also the explanation. One code path for both, so that the score
// of a hit and the score of its explanation can never disagree.
// The side-local steps: what each side's units are before they meet the other's.
void settle_units(std::vector<Unit>& q, std::vector<Unit>& c, const NameMatchOptions& o) {
  if (o.possessive_s) {
    drop_possessive_s(q);
    drop_possessive_s(c);
  }
  if (o.vessel_prefixes) {
    mark_vessel_prefix(q);
    mark_vessel_prefix(c);
  }
  join_number_words(q);
  join_number_words(c);
}

// Factor when an initial of one side meets a word of the other while a whole name word of the
// initial's side goes unmet: the initial is then read as standing for the other side's surname,
// which the initial's own side spells otherwise ("KONONOV, Vladimir P." / "Vladimir Putin").
constexpr double kInitialForSurnameFactor = 0.75;

double compare_units(std::vector<Unit>& q, std::vector<Unit>& c, const NameMatchOptions& o, NameMatch* out,
                     double floor) {
  settle_units(q, c, o);
  if (q.empty() || c.empty()) return 0.0;
  // Most candidates a screener scores are far from a match: when the units
  // that can meet at all carry too little weight, the bound says so without
  // merging or aligning anything.
  Scratch& s = scratch();
  s.meets.clear();
  if (floor > 0 && out == nullptr) {
    const double bound = detail::score_bound(q, c, o, floor, &s.meets);
    if (bound < floor) return bound;
  }
  merge_split_tokens(q, c, o);
  merge_split_tokens(c, q, o);

  const size_t rows = q.size(), cols = c.size();
  s.sims.resize(rows * cols);
  s.gain.assign(rows * cols, 0.0);
  for (size_t i = 0; i < rows; ++i) {
    for (size_t j = 0; j < cols; ++j) {
      // Most cells pair words that share too little to meet at all: the cheap test first,
      // answered already by the bound for most unmerged units.
      const int8_t known = s.meets.at(q[i], c[j]);
      const bool meet = known >= 0 ? known == 1 : detail::may_meet(q[i], c[j]);
      auto ts = meet ? detail::token_similarity(q[i].view(), c[j].view(), o) : detail::TokenSimilarity{};
      if ((q[i].merged || c[j].merged) && (ts.method == PairMethod::kExact || ts.method == PairMethod::kEdit)) {
        ts.method = PairMethod::kMerged;
        if ((q[i].acronym || c[j].acronym) && ts.method == PairMethod::kMerged) {
          ts = ts.edits == 0 && q[i].text == c[j].text
                   ? detail::TokenSimilarity{o.acronym_similarity, PairMethod::kAcronym, 0}
                   : detail::TokenSimilarity{};
        }
      }
      s.sims[i * cols + j] = ts;
      if (ts.similarity < o.pair_floor) continue;
      // An initial carries one letter of the word it meets, never more than that word: the
      // pairing prefers the same word spelled out ("Instrument Plant" / "instrument plant named
      // after P.I. Plandin" pairs the words, not the initials).
      const double pair_weight =
          ts.method == PairMethod::kInitial ? std::min(q[i].weight, c[j].weight) : (q[i].weight + c[j].weight) / 2;
      double g = pair_weight * ts.similarity;
      if (roles_conflict(q[i].role, c[j].role)) g *= o.role_conflict_factor;
      // A hair of preference for keeping the order, so ties resolve in place.
      const double shift = std::fabs(static_cast<double>(q[i].first) - static_cast<double>(c[j].first));
      s.gain[i * cols + j] = g - 1e-7 * shift;
    }
  }
  detail::best_assignment(rows, cols, s.gain, s.row_to);

  double num = 0, matched = 0;
  s.c_used.assign(cols, 0);
  s.q_left.clear();
  s.c_left.clear();
  s.order.clear();  // (query first, candidate first) of name pairs
  size_t role_conflicts = 0, name_pairs = 0, initial_pairs = 0, letter_pairs = 0, exact_name_pairs = 0;
  bool q_initial_for_word = false, c_initial_for_word = false;        // which side's initial met a word
  bool q_patronymic_met_name = false, c_patronymic_met_name = false;  // which side's patronymic met a name
  for (size_t i = 0; i < rows; ++i) {
    if (s.row_to[i] < 0) {
      s.q_left.push_back(&q[i]);
      continue;
    }
    const size_t j = static_cast<size_t>(s.row_to[i]);
    s.c_used[j] = 1;
    const auto& ts = s.sims[i * cols + j];
    const double w = (q[i].weight + c[j].weight) / 2;
    num += w * ts.similarity;
    matched += w;
    if (out != nullptr) out->pairs.push_back({q[i].label(), c[j].label(), ts.similarity, w, ts.method, ts.edits});
    if (!q[i].legal) s.order.emplace_back(q[i].first, c[j].first);
    if (roles_conflict(q[i].role, c[j].role)) ++role_conflicts;
    if (name_met_by_patronymic(q[i], c[j], ts))
      (q[i].patronymic ? q_patronymic_met_name : c_patronymic_met_name) = true;
    if (!q[i].filler) ++name_pairs;
    if (!q[i].filler && ts.method == PairMethod::kExact) ++exact_name_pairs;
    if (!q[i].filler && ts.method == PairMethod::kInitial) {
      ++initial_pairs;
      (q[i].text.size() == 1 ? q_initial_for_word : c_initial_for_word) = true;
    }
    if (!q[i].filler && (q[i].text.size() == 1 || c[j].text.size() == 1)) ++letter_pairs;
  }
  for (size_t j = 0; j < cols; ++j)
    if (!s.c_used[j]) s.c_left.push_back(&c[j]);

  Leftovers sums;
  detail::classify_leftovers(s.q_left, s.c_left, LeftoverKind::kName, sums, out);
  detail::classify_leftovers(s.q_left, s.c_left, LeftoverKind::kNumber, sums, out);
  detail::classify_leftovers(s.q_left, s.c_left, LeftoverKind::kLegalForm, sums, out);
  detail::classify_leftovers(s.q_left, s.c_left, LeftoverKind::kSector, sums, out);

  const double den = matched + detail::leftover_cost(sums, o);
  double score = den > 0 ? num / den : 0.0;
  auto penalise = [&](const char* reason, double factor) {
    if (out != nullptr) out->penalties.push_back({reason, factor});
    score *= factor;
  };

  // Name tokens (not legal forms or stopwords) matched, and those either side left over.
  const bool extra_name_tokens =
      std::any_of(s.q_left.begin(), s.q_left.end(), [](const Unit* u) { return !u->filler; }) ||
      std::any_of(s.c_left.begin(), s.c_left.end(), [](const Unit* u) { return !u->filler; });
  // A query of one word met exactly ("Putin") gave nothing more to agree on: its evidence is
  // that word's rarity, which its weight already carries. The factor is for a match resting on
  // one shared word while the query's other words go unmet or the word is only like it.
  const bool query_one_exact_word =
      exact_name_pairs == 1 && std::none_of(s.q_left.begin(), s.q_left.end(), [](const Unit* u) { return !u->filler; });
  if (name_pairs == 1 && extra_name_tokens && !query_one_exact_word) {
    penalise("only one name token in common", o.single_token_support_factor);
  }
  // An initial stands for a given or middle name ("Vladimir P." = Vladimir Petrovich): when it
  // meets a word of the other side while its own side leaves a whole name word unmet, the word
  // it met is that side's surname, and the two surnames differ ("KONONOV, Vladimir P." is not
  // "Vladimir Putin"; "OKOROKOV, Ivan B." is not "Ivan Brown").
  const auto word_left = [](const std::vector<const Unit*>& left) {
    return std::any_of(left.begin(), left.end(),
                       [](const Unit* u) { return !u->filler && !u->patronymic && u->text.size() > 1; });
  };
  if ((q_initial_for_word && word_left(s.q_left)) || (c_initial_for_word && word_left(s.c_left))) {
    penalise("an initial met a word while its own side's surname went unmet", kInitialForSurnameFactor);
  }
  // In query order, the candidate positions either rise (same order), rise with one
  // wrap-around (a rotation: "Putin Vladimir" / "Vladimir Putin", family name first
  // or last), or are exchanged in some other way.
  std::sort(s.order.begin(), s.order.end());
  size_t descents = 0;
  for (size_t k = 1; k < s.order.size(); ++k) descents += s.order[k - 1].second > s.order[k].second;
  const bool rotation = descents == 1 && s.order.back().second < s.order.front().second;

  // Letters in another order spell another acronym ("C.B.A." / "A.B.C."): they
  // agree as letters only, like initials against words.
  const bool letters_only = name_pairs > 0 && letter_pairs == name_pairs;
  if (name_pairs > 0 && initial_pairs == name_pairs) {
    penalise("only initials in common", o.initials_only_factor);
  } else if (letters_only && descents > 0) {
    penalise("letters in another order: another acronym", o.initials_only_factor);
  }
  const auto read_from_kana = [](const std::vector<Unit>& side) {
    return std::any_of(side.begin(), side.end(), [](const Unit& u) { return u.r_may_be_l; });
  };
  // A translation's word order says nothing of the name.
  const bool order_counts = !(o.translated_order_free && (read_from_kana(q) || read_from_kana(c)));
  if (descents > 0 && order_counts && !rotation) {
    penalise("name parts exchanged, not just rotated", o.exchanged_factor);
  } else if (descents > 0 && order_counts) {
    penalise("name parts in a different order", o.reorder_factor);
  }
  if ((q_patronymic_met_name && leaves_name_word(s.q_left)) || (c_patronymic_met_name && leaves_name_word(s.c_left))) {
    ++role_conflicts;
  }
  for (size_t k = 0; k < role_conflicts; ++k) {
    penalise("name part matched across roles (given vs family, or a name vs a patronymic)", o.role_conflict_factor);
  }
  score = std::clamp(score, 0.0, 1.0);
  if (out != nullptr) out->score = score;
  return score;
}

// The same tokens in the same order, in the same roles: the same normalised name, which
// compare_units scores 1.0 (ScoreAbove.TheSameNameScoresOneAsTheComparisonScoresIt and
// ScoreAbove.ScoreAboveTheFloorAndABoundBelowIt hold it to that). A screener meets its query as listed first.
bool same_name(std::span<const NameToken> a, std::span<const NameToken> b) {
  if (a.size() != b.size()) return false;
  bool any_text = false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].text != b[i].text || a[i].role != b[i].role || a[i].legal_form != b[i].legal_form ||
        a[i].stopword != b[i].stopword || a[i].r_may_be_l != b[i].r_may_be_l) {
      return false;
    }
    any_text = any_text || !a[i].text.empty();
  }
  return any_text;
}

double compare_tokens(const PreparedQuery& query, std::span<const NameToken> candidate,
                      const CandidateFeatures& features, const NameMatchOptions& options, NameMatch* out,
                      double floor = 0) {
  if (out == nullptr && floor > 0 && same_name(query.tokens(), candidate)) return 1.0;
  Scratch& s = scratch();
  s.arena_used = 0;
  make_units(query.tokens(), query.impl().patterns(), query.impl().features(), s.q);
  make_units(candidate, {}, features.tokens, s.c);
  return compare_units(s.q, s.c, options, out, floor);
}

}  // namespace

NameMatchOptions NameMatchOptions::for_schema(Schema schema) {
  NameMatchOptions o;
  o.acronyms = schema != Schema::kPerson;
  o.possessive_s = schema != Schema::kPerson;
  o.vessel_prefixes = schema == Schema::kVessel;
  if (schema != Schema::kPerson) {
    o.query_extra_weight = 1.2;
    o.candidate_extra_weight = 1.2;
    o.patronymic_extra_weight = 1.2;
    o.sector_extra_weight = 0.6;
    o.sector_conflict_weight = 1.0;
    o.exchanged_factor = o.reorder_factor;
    o.translated_order_free = true;
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
      other_options_(NameMatchOptions::for_schema(Schema::kOrganization)),
      vessel_options_(NameMatchOptions::for_schema(Schema::kVessel)) {}

NameComparer::NameComparer(const TokenWeights* weights, NameMatchOptions options)
    : weights_(or_default(weights)), person_options_(options), other_options_(options), vessel_options_(options) {}

CandidateFeatures NameComparer::candidate_features(std::span<const NameToken> candidate) const {
  return CandidateFeatures{detail::token_features(candidate, *weights_)};
}

NameMatch NameComparer::compare(const PreparedQuery& query, std::span<const NameToken> candidate,
                                const CandidateFeatures& features, Schema schema) const {
  NameMatch out;
  compare_tokens(query, candidate, features, options(schema), &out);
  return out;
}

double NameComparer::score(const PreparedQuery& query, std::span<const NameToken> candidate,
                           const CandidateFeatures& features, Schema schema) const {
  return compare_tokens(query, candidate, features, options(schema), nullptr);
}

double NameComparer::score_bound(const PreparedQuery& query, std::span<const NameToken> candidate,
                                 const CandidateFeatures& features, Schema schema) const {
  Scratch& s = scratch();
  s.arena_used = 0;
  make_units(query.tokens(), query.impl().patterns(), query.impl().features(), s.q);
  make_units(candidate, {}, features.tokens, s.c);
  const NameMatchOptions& o = options(schema);
  settle_units(s.q, s.c, o);
  return s.q.empty() || s.c.empty() ? 0.0 : detail::score_bound(s.q, s.c, o);
}

double NameComparer::score_above(const PreparedQuery& query, std::span<const NameToken> candidate,
                                 const CandidateFeatures& features, Schema schema, double floor) const {
  return compare_tokens(query, candidate, features, options(schema), nullptr, floor);
}

NameMatch NameComparer::compare(const PreparedQuery& query, std::span<const NameToken> candidate, Schema schema) const {
  return compare(query, candidate, candidate_features(candidate), schema);
}

NameMatch NameComparer::compare(std::span<const NameToken> query, std::span<const NameToken> candidate,
                                Schema schema) const {
  return compare(PreparedQuery({query.begin(), query.end()}, *weights_), candidate, schema);
}

}  // namespace sekisho::match
