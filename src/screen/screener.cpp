#include <algorithm>
#include <bit>
#include <chrono>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "core/strings.hpp"
#include "index/name_index.hpp"
#include "lists/listed_name_forms.hpp"
#include "match/token_features.hpp"
#include "sekisho/screen.hpp"

namespace sekisho {

namespace {

// A form's one-letter words (initials) and the first letters of its other words, as bit
// sets over a–z: an initial of one side meets a word of the other that it begins.
struct LetterMasks {
  uint32_t initials = 0;
  uint32_t heads = 0;

  static LetterMasks of(const std::vector<match::NameToken>& tokens) {
    LetterMasks m;
    for (const match::NameToken& t : tokens) {
      if (t.legal_form || t.text.empty() || t.text[0] < 'a' || t.text[0] > 'z') continue;
      (t.text.size() == 1 ? m.initials : m.heads) |= uint32_t{1} << (t.text[0] - 'a');
    }
    return m;
  }
  // The words of `listed` that an initial of either side may stand for, at most.
  static size_t initials_met(LetterMasks query, LetterMasks listed) {
    return static_cast<size_t>(std::popcount(query.initials & listed.heads) +
                               std::popcount(listed.initials & query.heads));
  }
};

// One analysed form (transliteration variant) of a listed name.
struct ListedForm {
  std::string text;                            // space-separated tokens
  std::vector<match::NameToken> tokens;        // with legal-form class tokens appended
  match::CandidateFeatures features;           // token weights and phonetic keys (listed forms only)
  uint32_t name_id = 0;                        // listed forms: the name they are a form of
  Schema schema = Schema::kLegalEntity;        // listed forms: the entity's
  LetterMasks letters;                         // listed forms: its initials and its words' first letters
  NameFormRole role = NameFormRole::kPrimary;  // listed forms: what the form stands for
};

// Whether every word of a listed form (its legal forms aside) is a word of the query form.
bool spells_whole_form(const std::vector<std::string>& query, const std::vector<match::NameToken>& form) {
  bool any = false;
  for (const match::NameToken& t : form) {
    if (t.legal_form || t.text.empty()) continue;
    if (std::find(query.begin(), query.end(), t.text) == query.end()) return false;
    any = true;
  }
  return any;
}

// A listed name; its forms are forms[first_form, first_form + form_count) of
// the screener, one flat array in index order, so that scoring a candidate
// reads its form without going through its name first.
struct ListedName {
  uint32_t entity;
  uint32_t name_index;  // into Entity::names
  uint32_t first_form = 0;
  uint32_t form_count = 0;
};

std::vector<ListedForm> analyze(std::string_view raw, Schema schema, size_t max_variants) {
  std::vector<ListedForm> out;
  for (match::ComparableForm& c : match::comparable_forms(raw, schema, max_variants)) {
    ListedForm f;
    f.text = std::move(c.text);
    f.tokens = std::move(c.tokens);
    out.push_back(std::move(f));
  }
  return out;
}

// What the comparer sees of a form: its tokens with their flags. Two forms alike here score alike.
std::string form_identity(const std::vector<match::NameToken>& tokens) {
  std::string id;
  for (const match::NameToken& t : tokens) {
    id += t.text;
    id += static_cast<char>('0' + static_cast<int>(t.role));
    id += static_cast<char>('a' + (t.legal_form ? 1 : 0) + (t.stopword ? 2 : 0) + (t.r_may_be_l ? 4 : 0));
  }
  return id;
}

// Adds the time since the last lap to one phase of ScreenStats; free when no stats are asked for.
class PhaseClock {
 public:
  explicit PhaseClock(ScreenStats* stats) : stats_(stats) {
    if (stats_ != nullptr) last_ = std::chrono::steady_clock::now();
  }
  void lap(uint64_t ScreenStats::*phase) {
    if (stats_ == nullptr) return;
    const auto now = std::chrono::steady_clock::now();
    stats_->*phase += static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(now - last_).count());
    last_ = now;
  }

 private:
  ScreenStats* stats_;
  std::chrono::steady_clock::time_point last_;
};

// Under this share of the threshold a pair's exact score matters to nothing
// (no hit, no near miss): the comparer may return a bound instead.
constexpr double kScoreFloorShare = 0.6;
// An entity whose best pair so far reaches this share of the threshold, by its
// score or, under the floor, by its bound (a pair the comparer cannot rule out
// as a near miss), has the other forms of its names that the index reached
// scored too.
constexpr double kNearMissShare = 0.55;
// A weak candidate (ScreenOptions::weak_vote_ratio) whose words the query meets all
// but one of is scored only when it has at most this many words: of those with more,
// about a thousand in the driver's exact and typo queries, none became a hit.
constexpr size_t kWeakUnmetMaxWords = 3;
// Pairs a query may spend on near misses' other names. A family on the lists (the
// Tikritis, ISIL's branches) makes a dozen near misses of long names for one
// query, each name aligned in full: 3.8 ms for the slowest query without this
// cap, 1.0 ms with it; no query of the index-vs-scan sample needs more.
constexpr size_t kExpansionPairs = 32;

// The index's vote for every form it reached in one query, by form id (a
// dense table of the thread's, filled when a near miss first asks, emptied
// after): which other names of a near miss share a word with the query.
class ReachedVotes {
 public:
  ReachedVotes(const std::vector<index::Candidate>& reached, size_t form_count)
      : reached_(reached), form_count_(form_count) {}
  ~ReachedVotes() {
    if (!filled_) return;
    for (const index::Candidate& r : reached_) table()[r.form_id].vote = 0.0f;
  }
  ReachedVotes(const ReachedVotes&) = delete;
  ReachedVotes& operator=(const ReachedVotes&) = delete;

  // The form's vote (0: not reached) and the query form that gave it.
  const index::Candidate& of(uint32_t form_id) {
    if (!filled_) {
      if (table().size() < form_count_) table().resize(form_count_);
      for (const index::Candidate& r : reached_) table()[r.form_id] = r;
      filled_ = true;
    }
    return table()[form_id];
  }

 private:
  static std::vector<index::Candidate>& table() {
    thread_local std::vector<index::Candidate> votes;
    return votes;
  }
  const std::vector<index::Candidate>& reached_;
  size_t form_count_;
  bool filled_ = false;
};

double name_role_factor(NameFormRole role) {
  // A weak alias ("low quality" in UN terms, one word of a person's) is a looser handle on the party.
  return is_weak(role) ? 0.95 : 1.0;
}

// Whether the match falls short of what a weak alias needs: every word of the query met
// (particles and legal forms aside: "John" is no hit for "John Hassan", whose surname it does
// not have), each as the alias spells it. OFAC publishes a weak a.k.a. as a broad handle that
// alone proves little, so a typo or a sound-alike of it proves nothing: "Hamas" is not HASM's
// weak "HAMMS". Kana's l-for-r reading (no edit) and numbers by value still meet.
bool falls_short_of_weak_alias(const match::NameMatch& m, const match::PreparedQuery& query) {
  for (const match::AlignedPair& p : m.pairs) {
    const bool as_spelled =
        p.edits == 0 && (p.method == match::PairMethod::kExact || p.method == match::PairMethod::kEdit ||
                         p.method == match::PairMethod::kMerged || p.method == match::PairMethod::kNumber ||
                         p.method == match::PairMethod::kLegalForm);
    if (!as_spelled) return true;
  }
  for (const match::UnmatchedToken& u : m.unmatched) {
    if (!u.query_side || match::TokenWeights::is_particle(u.text)) continue;
    const bool filler = std::any_of(query.tokens().begin(), query.tokens().end(), [&](const match::NameToken& t) {
      return t.text == u.text && (t.legal_form || t.stopword);
    });
    if (!filler) return true;
  }
  return false;
}

}  // namespace

struct Screener::Impl {
  std::vector<ListInput> lists;
  std::vector<uint16_t> entity_list;  // entity index → index into lists
  std::vector<const Entity*> entities;
  std::vector<match::Facts> facts;
  std::unordered_map<std::string_view, uint32_t> by_id;
  std::vector<ListedName> names;
  std::vector<ListedForm> forms;                    // of every name, numbered as in the index
  std::vector<std::vector<uint32_t>> entity_names;  // entity → its name ids
  // Entity → its forms, each scoring differently once: names repeat across an entry's
  // scripts and lists ("PAK To Chun" and "Pak To-chun" are one form), and a near miss
  // scores all of them.
  std::vector<std::vector<uint32_t>> entity_forms;
  match::TokenWeights weights;
  std::unique_ptr<match::NameComparer> comparer;
  index::NameIndex index;
  ScreenerOptions options;

  // A pair of forms: a listed form and the query form it was scored against.
  struct Pick {
    double score = 0;
    uint32_t name_id = 0;
    uint32_t form_id = 0;
    size_t query_form = 0;
    bool found = false;
  };
  // The best-scoring pair of forms of one entity; explained only if it becomes a hit. The best
  // pair of its strong forms is kept too: a weak alias that scores best but makes no hit
  // (falls_short_of_weak_alias) leaves the entity its other names ("Aleksandr KOFMAN" is a hit
  // through the primary name when the query only sounds like the weak alias).
  struct Best : Pick {
    bool expanded = false;  // a near miss: the forms of its names the index reached were scored
    Pick strong;            // over the forms that are not weak aliases
  };

  // The kind of party decides how missing name parts count (an omitted
  // patronymic is normal for a person, an extra word is not for a company):
  // the query's schema when it states one, else the listed entity's.
  static Schema compare_schema(Schema query_schema, const ListedForm& form) {
    return query_schema != Schema::kLegalEntity ? query_schema : form.schema;
  }

  // One query being scored: its forms, its schema, and the name score below
  // which a pair matters to nothing (the comparer may return a bound instead).
  struct Scoring {
    std::span<const match::PreparedQuery> prepared;
    Schema schema;
    double floor;
    double hit_floor;  // the least name score that can still make a hit, with the query's facts
  };

  // `at_least`: a floor of the caller's, above the query's (a pair that matters only as a hit).
  void score_pair(uint32_t form_id, size_t qf, const Scoring& q, Best& best, double at_least = 0) const {
    const ListedForm& form = forms[form_id];
    // The pick this pair may improve: a strong form may still matter under a weak alias's score.
    const bool weak = is_weak(form.role);
    const Pick& bar = weak ? static_cast<const Pick&>(best) : best.strong;
    if (bar.found && bar.score >= 1.0) return;  // nothing beats a perfect name match
    // Only a better pair changes the pick: the best so far is a floor too.
    const double floor = std::max(bar.found ? std::max(q.floor, bar.score) : q.floor, at_least);
    const double score =
        comparer->score_above(q.prepared[qf], form.tokens, form.features, compare_schema(q.schema, form), floor);
    auto improve = [&](Pick& pick) {
      // A tie goes to the lower query form of the same listed form, whichever was scored first.
      const bool earlier_tie = pick.found && score == pick.score && form_id == pick.form_id && qf < pick.query_form;
      if (!pick.found || score > pick.score || earlier_tie) pick = Pick{score, form.name_id, form_id, qf, true};
    };
    improve(best);
    if (!weak) improve(best.strong);
  }

  // A near miss's other names: those of its forms the index reached (but `skip_form`, and
  // the forms of `skip_name` when it was scored whole), each against the query form that
  // voted best for it, the best-voted first, at most `budget` (what is left is returned).
  size_t score_other_names(uint32_t entity, uint32_t skip_form, std::optional<uint32_t> skip_name, ReachedVotes& votes,
                           const Scoring& q, Best& best, size_t budget) const {
    thread_local std::vector<index::Candidate> others;
    others.clear();
    for (const uint32_t f : entity_forms[entity]) {
      const index::Candidate& r = votes.of(f);
      if (f == skip_form || r.vote == 0.0f || (skip_name && forms[f].name_id == *skip_name)) continue;
      others.push_back(r);
    }
    const size_t take = std::min(others.size(), budget);
    std::partial_sort(others.begin(), others.begin() + static_cast<std::ptrdiff_t>(take), others.end(),
                      [](const index::Candidate& a, const index::Candidate& b) { return a.vote > b.vote; });
    // Another name matters only if it makes the entity a hit: under that, the bound turns it away.
    for (size_t k = 0; k < take; ++k) score_pair(others[k].form_id, others[k].query_form, q, best, q.hit_floor);
    return take;
  }

  // Every listed form against every query form: the reference the index is measured against.
  void score_name(uint32_t name_id, const Scoring& q, Best& best) const {
    const ListedName& ln = names[name_id];
    for (uint32_t f = ln.first_form; f < ln.first_form + ln.form_count; ++f) {
      for (size_t qf = 0; qf < q.prepared.size(); ++qf) score_pair(f, qf, q, best);
    }
  }
};

Screener::Screener(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Screener::~Screener() = default;

std::shared_ptr<const Screener> Screener::build(std::vector<ListInput> lists, ScreenerOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->lists = std::move(lists);
  for (size_t li = 0; li < impl->lists.size(); ++li) {
    for (const Entity& e : impl->lists[li].entities) {
      uint32_t idx = static_cast<uint32_t>(impl->entities.size());
      impl->entities.push_back(&e);
      impl->entity_list.push_back(static_cast<uint16_t>(li));
      impl->facts.push_back(match::facts_from_entity(e));
      impl->by_id.emplace(e.id, idx);
    }
  }
  impl->entity_names.resize(impl->entities.size());
  std::vector<index::IndexedForm> indexed;
  std::unordered_map<std::string, uint32_t> df;
  for (uint32_t ei = 0; ei < impl->entities.size(); ++ei) {
    const Entity& e = *impl->entities[ei];
    for (uint32_t ni = 0; ni < e.names.size(); ++ni) {
      // Each plain form and alternative the publisher wrote into the name (listed_name_forms),
      // analysed as names of their own and kept as forms of this one: a hit shows the name
      // as published.
      std::vector<ListedForm> name_forms;
      for (const ListedNameForm& plain : listed_name_forms(e.names[ni], e.schema)) {
        for (ListedForm& f : analyze(plain.text, e.schema, options.max_variants_per_name)) {
          const std::string identity = form_identity(f.tokens);
          const bool known = std::any_of(name_forms.begin(), name_forms.end(),
                                         [&](const ListedForm& g) { return form_identity(g.tokens) == identity; });
          if (known) continue;
          f.role = plain.role;
          name_forms.push_back(std::move(f));
        }
      }
      if (name_forms.empty()) continue;
      const uint32_t name_id = static_cast<uint32_t>(impl->names.size());
      ListedName ln{ei, ni, static_cast<uint32_t>(impl->forms.size()), static_cast<uint32_t>(name_forms.size())};
      std::unordered_set<std::string> seen;
      for (ListedForm& f : name_forms) {
        index::IndexedForm ixf{name_id, {}};
        for (const match::NameToken& t : f.tokens) {
          if (t.legal_form) continue;
          ixf.tokens.push_back(t.text);
          if (seen.insert(t.text).second) ++df[t.text];
        }
        indexed.push_back(std::move(ixf));
        f.name_id = name_id;
        f.schema = e.schema;
        impl->forms.push_back(std::move(f));
      }
      impl->entity_names[ei].push_back(name_id);
      impl->names.push_back(ln);
    }
  }
  impl->entity_forms.resize(impl->entities.size());
  for (uint32_t ei = 0; ei < impl->entities.size(); ++ei) {
    std::unordered_set<std::string> seen;
    for (const uint32_t name_id : impl->entity_names[ei]) {
      const ListedName& ln = impl->names[name_id];
      for (uint32_t f = ln.first_form; f < ln.first_form + ln.form_count; ++f) {
        if (seen.insert(form_identity(impl->forms[f].tokens)).second) impl->entity_forms[ei].push_back(f);
      }
    }
  }
  impl->weights = match::TokenWeights::from_frequencies(df, static_cast<uint32_t>(impl->names.size()));
  impl->comparer = std::make_unique<match::NameComparer>(&impl->weights);
  for (ListedForm& f : impl->forms) {
    f.features = impl->comparer->candidate_features(f.tokens);
    f.letters = LetterMasks::of(f.tokens);
  }
  impl->index = index::NameIndex::build(indexed);
  return std::shared_ptr<const Screener>(new Screener(std::move(impl)));
}

Result<std::shared_ptr<const Screener>> Screener::from_store(ListStore& store, const std::vector<std::string>& list_ids,
                                                             ScreenerOptions options) {
  std::vector<std::string> ids = list_ids;
  if (ids.empty()) {
    SEKISHO_ASSIGN_OR_RETURN(auto all, store.lists());
    for (const ListVersion& v : all) ids.push_back(v.list_id);
  }
  std::vector<ListInput> inputs;
  for (const std::string& id : ids) {
    SEKISHO_ASSIGN_OR_RETURN(ListVersion v, store.version(id));
    SEKISHO_ASSIGN_OR_RETURN(std::vector<Entity> entities, store.load_entities(id, v.version));
    inputs.push_back({id, v.version, std::move(entities)});
  }
  return build(std::move(inputs), options);
}

std::vector<ScreenHit> Screener::screen(const ScreenQuery& query, const ScreenOptions& options) const {
  ScreenResult result = screen_result(query, options);
  if (!result.complete) throw IncompleteScreening(result.incomplete_reason);
  return std::move(result.hits);
}

ScreenResult Screener::screen_result(const ScreenQuery& query, const ScreenOptions& options) const {
  const Impl& im = *impl_;
  ScreenResult result;
  std::vector<ScreenHit>& hits = result.hits;
  PhaseClock clock(options.stats);
  std::vector<ListedForm> qforms = analyze(query.name, query.schema, im.options.max_variants_per_name);
  if (qforms.empty()) return result;
  // Prepared in place, in this thread's: a query's patterns are kilobytes that the allocator
  // would otherwise hand out cold and zero for every query.
  thread_local std::vector<match::PreparedQuery> prepared_pool;
  if (prepared_pool.size() < qforms.size()) prepared_pool.resize(qforms.size());
  for (size_t i = 0; i < qforms.size(); ++i) im.comparer->prepare_into(std::move(qforms[i].tokens), prepared_pool[i]);
  const std::span<const match::PreparedQuery> prepared(prepared_pool.data(), qforms.size());
  match::Facts qfacts;
  qfacts.schema = query.schema;
  qfacts.birth_dates = query.birth_dates;
  qfacts.countries = match::normalize_countries(query.countries);
  qfacts.identifiers = query.identifiers;
  qfacts.gender = query.gender;

  // A pair scoring under the floor changes nothing: it reports its bound.
  const double hit_floor = std::min(options.threshold, match::least_name_score(options.threshold, qfacts));
  const Impl::Scoring scoring{prepared, query.schema, std::min(options.threshold * kScoreFloorShare, hit_floor),
                              hit_floor};
  clock.lap(&ScreenStats::analyze_ns);

  auto list_allowed = [&](uint32_t entity) {
    if (options.lists.empty()) return true;
    const std::string& id = im.lists[im.entity_list[entity]].list_id;
    return std::find(options.lists.begin(), options.lists.end(), id) != options.lists.end();
  };

  // Candidate names → best name match per entity (a few dozen at most: a flat vector beats a hash map).
  thread_local std::vector<std::pair<uint32_t, Impl::Best>> best;
  best.clear();
  auto slot = [&](uint32_t entity) -> Impl::Best& {
    for (auto& [e, b] : best) {
      if (e == entity) return b;
    }
    best.emplace_back(entity, Impl::Best{});
    return best.back().second;
  };
  if (options.exhaustive) {
    std::vector<Impl::Best> all(im.entities.size());
    for (uint32_t n = 0; n < im.names.size(); ++n) {
      uint32_t e = im.names[n].entity;
      if (list_allowed(e)) im.score_name(n, scoring, all[e]);
    }
    for (uint32_t e = 0; e < all.size(); ++e) {
      if (all[e].found) best.emplace_back(e, std::move(all[e]));
    }
  } else {
    thread_local std::vector<std::vector<std::string>> query_tokens;
    thread_local std::vector<uint8_t> kana_forms;  // read from kana or hangul: l and r alike, th as s
    query_tokens.resize(qforms.size());
    kana_forms.assign(qforms.size(), 0);
    for (size_t i = 0; i < qforms.size(); ++i) {
      query_tokens[i].clear();
      for (const match::NameToken& t : prepared[i].tokens()) {
        if (!t.legal_form) query_tokens[i].push_back(t.text);
        if (t.r_may_be_l) kana_forms[i] = 1;
      }
    }
    thread_local std::vector<index::Candidate> candidates;
    size_t want = options.lists.empty() ? options.candidates : options.candidates * 4;
    // A lower threshold asks for looser hits: the vote floor comes down with it.
    const double lower = std::min(1.0, options.threshold / kDefaultScreenThreshold);
    const double ratio = options.min_vote_ratio * lower;
    const double weak_ratio = std::min(options.weak_vote_ratio, options.min_vote_ratio) * lower;
    thread_local std::vector<index::Candidate> reached_forms;
    im.index.find(query_tokens, want, candidates, 1, static_cast<float>(weak_ratio), kana_forms, &reached_forms);
    // The candidates come best vote first: the first holds the best vote of all. Under
    // min_vote_ratio of it, a candidate is weak.
    const float strong_vote = candidates.empty() ? 0.0f : candidates.front().vote * static_cast<float>(ratio);
    thread_local std::vector<LetterMasks> query_letters;
    query_letters.clear();
    for (const match::PreparedQuery& p : prepared) query_letters.push_back(LetterMasks::of(p.tokens()));
    ReachedVotes reached_votes(reached_forms, im.forms.size());
    size_t expansion_pairs = 0;
    clock.lap(&ScreenStats::find_ns);
    // The work budget: checked before each candidate, so a query overshoots it by one
    // candidate's pairs at most. The candidates left unscored may hold hits: incomplete.
    size_t pairs_spent = 0;
    size_t candidates_scored = 0;
    auto budget_spent = [&] {
      if (options.max_pairs == 0 || pairs_spent < options.max_pairs) return false;
      result.complete = false;
      result.incomplete_reason = "work budget spent: " + std::to_string(pairs_spent) +
                                 " name comparisons (the limit is " + std::to_string(options.max_pairs) + ") after " +
                                 std::to_string(candidates_scored) +
                                 " candidate names; the others the index found were not scored";
      return true;
    };
    // A candidate scored, in the caller's stats and trace.
    auto record = [&](const index::Candidate& c, uint32_t entity, size_t pairs, const Impl::Best& best) {
      pairs_spent += pairs;
      ++candidates_scored;
      if (options.stats != nullptr) {
        options.stats->candidates += 1;
        options.stats->pairs_scored += pairs;
      }
      if (options.trace != nullptr) {
        options.trace->push_back({im.entities[entity], im.forms[c.form_id].text, qforms[c.query_form].text, c.vote,
                                  best.found ? best.score : 0.0});
      }
    };
    for (const index::Candidate& c : candidates) {
      uint32_t e = im.names[c.name_id].entity;
      if (!list_allowed(e)) continue;
      if (budget_spent()) break;
      if (c.vote < strong_vote) {
        // A weak candidate: the query holds more than it does. "Michael G. Grimm" reaches
        // "Michael Guest" through "michael" alone, a third of its vote, and scores 0.82 with
        // it (the comparer forgives words the query adds, and meets "guest" by its initial).
        // Only a name whose words the query (nearly) all meets can score so: the others are
        // left out unscored. Scored against the hit floor, a weak candidate is no near miss
        // and brings in no other name.
        const size_t met =
            c.tokens_met + LetterMasks::initials_met(query_letters[c.query_form], im.forms[c.form_id].letters);
        const size_t unmet = c.form_tokens > met ? c.form_tokens - met : 0;
        if (unmet > 1 || (unmet == 1 && c.form_tokens > kWeakUnmetMaxWords)) continue;
        Impl::Best& best = slot(e);
        im.score_pair(c.form_id, c.query_form, scoring, best, scoring.hit_floor);
        record(c, e, 1, best);
        continue;
      }
      // The index picks the query form that voted best for this listed form, but votes count
      // tokens reached, not how well: every query form is scored against it (ウラジーミル・
      // プーチン reaches "putin" through "urazimiru putin" and matches as "vrajimir puchin").
      Impl::Best& best = slot(e);
      // The form that voted best first: its score, often the best, then turns the others away sooner.
      im.score_pair(c.form_id, c.query_form, scoring, best);
      for (size_t qf = 0; qf < prepared.size(); ++qf) {
        if (qf != c.query_form) im.score_pair(c.form_id, qf, scoring, best);
      }
      size_t pairs = prepared.size();
      // The index names the listed form that voted best, which need not be the one that
      // scores best: "Denis (Denys) BEREZOVSKIY(BEREZOVSKY/BEREZOVSKII)" has eight forms,
      // and an entity has other names. A near miss has its name's other forms scored
      // against every query form; then the other forms of its entity's names that the
      // index reached (they share a word with the query), each against the query form
      // that voted best for it: "ムニール・ベン・ダアウ・ベン・ブラヒム・ベン・ヘラル"
      // reaches its entity through "Mounir Ben Dhaou Ben Brahim Ben Helal" (0.59), and
      // matches it through another of its names, "ムニール・ヘレル" (0.79), which shares
      // two of the query's seven words and so was outvoted.
      // A hit short of 1.0 has them scored too, so its score is its name's best: the index
      // may name "aleksandr alexander oleksandr kofman" (0.80) for "Aleksandr KOFMAN", which
      // the name's plain form meets exactly, and a hit's rank among hits is what a reviewer reads.
      const ListedName& ln = im.names[c.name_id];
      const bool name_scored =
          ln.form_count > 1 && best.score < 1.0 && best.score >= options.threshold * kScoreFloorShare;
      if (name_scored) {
        for (uint32_t f = ln.first_form; f < ln.first_form + ln.form_count; ++f) {
          if (f == c.form_id) continue;
          for (size_t qf = 0; qf < prepared.size(); ++qf) im.score_pair(f, qf, scoring, best);
          pairs += prepared.size();
        }
      }
      if (!best.expanded && best.score < options.threshold && best.score >= options.threshold * kNearMissShare) {
        best.expanded = true;
        const size_t spent = im.score_other_names(e, c.form_id, name_scored ? std::optional(c.name_id) : std::nullopt,
                                                  reached_votes, scoring, best, kExpansionPairs - expansion_pairs);
        expansion_pairs += spent;
        pairs += spent;
      }
      record(c, e, pairs, best);
    }
    // A listed form the query spells word for word is scored whatever the votes: its words may
    // be common ("abdullah") and vote little, while longer forms sharing them outvote it by
    // their number and fill the candidate budget, yet it is the query's own name. Bounded by
    // the budget, like the candidates; a candidate has been scored already.
    size_t whole_forms = 0;
    for (const index::Candidate& r : reached_forms) {
      if (whole_forms >= options.candidates || !result.complete) break;
      if (!spells_whole_form(query_tokens[r.query_form], im.forms[r.form_id].tokens)) continue;
      const auto is_this_form = [&r](const index::Candidate& c) { return c.form_id == r.form_id; };
      if (std::any_of(candidates.begin(), candidates.end(), is_this_form)) continue;
      const uint32_t e = im.names[r.name_id].entity;
      if (!list_allowed(e)) continue;
      if (budget_spent()) break;
      Impl::Best& best = slot(e);
      im.score_pair(r.form_id, r.query_form, scoring, best);
      record(r, e, 1, best);
      ++whole_forms;
    }
  }
  clock.lap(&ScreenStats::score_ns);

  // Without facts on the query side the qualifiers can only lower a score (a
  // schema conflict): a name score under the threshold is no hit, unscored.
  const bool query_has_facts =
      !qfacts.birth_dates.empty() || !qfacts.countries.empty() || !qfacts.identifiers.empty() || !qfacts.gender.empty();
  // Hits by score first; only those within the limit are explained.
  struct Scored {
    uint32_t entity;
    const Impl::Pick* best;
    double factor;
    match::HitScore score;
  };
  thread_local std::vector<Scored> scored_hits;
  scored_hits.clear();
  for (auto& [entity, best_of_entity] : best) {
    if (!best_of_entity.found) continue;
    const Impl::Pick* pick = &best_of_entity;
    if (is_weak(im.forms[pick->form_id].role)) {
      const ListedForm& weak = im.forms[pick->form_id];
      const bool short_of_it =
          falls_short_of_weak_alias(im.comparer->compare(prepared[pick->query_form], weak.tokens, weak.features,
                                                         Impl::compare_schema(query.schema, weak)),
                                    prepared[pick->query_form]);
      if (short_of_it && !best_of_entity.strong.found) continue;
      if (short_of_it) pick = &best_of_entity.strong;
    }
    const Impl::Pick& b = *pick;
    const ListedForm& form = im.forms[b.form_id];
    const double factor = name_role_factor(form.role);
    if (!query_has_facts && b.score * factor < options.threshold) continue;
    match::NameMatch scored;
    scored.score = b.score * factor;
    match::HitScore hs = match::score_hit(std::move(scored), qfacts, im.facts[entity]);
    if (hs.score < options.threshold) continue;
    scored_hits.push_back({entity, pick, factor, std::move(hs)});
  }
  auto before = [&im](const Scored& a, const Scored& b) {
    return a.score.score != b.score.score ? a.score.score > b.score.score
                                          : im.entities[a.entity]->id < im.entities[b.entity]->id;
  };
  const size_t kept = std::min(scored_hits.size(), options.limit);
  std::partial_sort(scored_hits.begin(), scored_hits.begin() + static_cast<std::ptrdiff_t>(kept), scored_hits.end(),
                    before);
  hits.reserve(kept);
  for (size_t k = 0; k < kept; ++k) {
    Scored& sh = scored_hits[k];
    const Impl::Pick& b = *sh.best;
    const ListedName& ln = im.names[b.name_id];
    const Entity& e = *im.entities[sh.entity];
    const Name& name = e.names[ln.name_index];
    match::HitScore& hs = sh.score;
    // A hit: now the explanation of its name match (the same code path as the score).
    const ListedForm& form = im.forms[b.form_id];
    hs.name = im.comparer->compare(prepared[b.query_form], form.tokens, form.features,
                                   Impl::compare_schema(query.schema, form));
    if (sh.factor != 1.0) {
      hs.name.score *= sh.factor;
      hs.name.penalties.push_back({"matched a weak alias", sh.factor});
    }
    if (options.stats != nullptr) options.stats->hits_explained += 1;
    ScreenHit hit;
    hit.entity = &e;
    hit.list_id = im.lists[im.entity_list[sh.entity]].list_id;
    hit.list_version = im.lists[im.entity_list[sh.entity]].version;
    hit.score = hs.score;
    hit.matched_name = name.full;
    hit.matched_kind = name.kind;
    hit.query_form = qforms[b.query_form].text;
    hit.listed_form = form.text;
    hit.detail = std::move(hs);
    hits.push_back(std::move(hit));
  }
  clock.lap(&ScreenStats::finish_ns);
  if (options.stats != nullptr) {
    options.stats->queries += 1;
    options.stats->query_forms += qforms.size();
  }
  return result;
}

const Entity* Screener::find_entity(std::string_view entity_id) const {
  auto it = impl_->by_id.find(entity_id);
  return it == impl_->by_id.end() ? nullptr : impl_->entities[it->second];
}

bool Screener::has_list(std::string_view list_id) const {
  for (const ListInput& l : impl_->lists) {
    if (l.list_id == list_id) return true;
  }
  return false;
}

size_t Screener::entity_count() const { return impl_->entities.size(); }
size_t Screener::name_count() const { return impl_->names.size(); }

size_t Screener::memory_bytes() const {
  size_t bytes = impl_->index.memory_bytes() + impl_->names.capacity() * sizeof(ListedName);
  for (const auto* per_entity : {&impl_->entity_names, &impl_->entity_forms}) {
    for (const std::vector<uint32_t>& ids : *per_entity) bytes += sizeof(ids) + ids.capacity() * sizeof(uint32_t);
  }
  for (const ListedForm& f : impl_->forms) {
    bytes += sizeof(ListedForm) + f.text.capacity() + f.tokens.capacity() * sizeof(match::NameToken) +
             f.features.tokens.capacity() * sizeof(match::CandidateFeatures::Token);
  }
  return bytes;
}

std::string ScreenHit::explanation_text() const {
  std::string out = "query \"" + query_form + "\" ~ listed \"" + listed_form + "\" (" +
                    std::string(name_kind_name(matched_kind)) + ": " + matched_name + ")\n";
  out += detail.to_text();
  return out;
}

}  // namespace sekisho
