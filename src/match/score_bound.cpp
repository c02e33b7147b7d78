#include "match/score_bound.hpp"

#include <algorithm>
#include <span>
#include <string>

#include "match/leftovers.hpp"
#include "phonetic/phonetic.hpp"

namespace sekisho::match::detail {
namespace {

// Japanese and Korean readings write l and r alike (token_similarity folds l
// into r for them): every test here folds it, for every token, so that it
// holds for both ways of comparing.
char fold(char c) { return c == 'l' ? 'r' : c; }

bool folded_prefix(std::string_view longer, std::string_view shorter) {
  for (size_t i = 0; i < shorter.size(); ++i) {
    if (fold(longer[i]) != fold(shorter[i])) return false;
  }
  return true;
}

// A unit that a run of adjacent units of the other side may be merged to
// meet: a unit of that side, or (second pass) a run of it the first pass may
// have merged, known only by its length and letters (it may become the run's
// joined text or its initials: the tests that need more pass it).
struct Target {
  size_t length = 0;
  std::string_view text;  // units only
  std::string_view key;   // units only
  uint64_t letters = 0;
  size_t first = 0, last = 0;  // the units it stands for
  bool run = false;            // a run of the first pass, as its joined text
  bool initials = false;       // a run of the first pass, as its initials (letters unknown)
};

// A run of 2–3 adjacent units of one side, summarised once for every target.
struct Run {
  std::span<const Unit> units;
  size_t length = 0;
  uint64_t letters = 0;
  bool sounded = true;  // merge_split_tokens' condition for a merge by sound
  std::string joined, key;
  bool key_made = false;
  bool summarized = false;

  // Only the length: most runs fail every target's length gate, and need nothing else.
  void reset(std::span<const Unit> run) {
    units = run;
    length = 0;
    key_made = false;
    summarized = false;
    for (const Unit& u : run) length += u.text.size();
  }
  // The letters and `sounded`, made when a target passes the length gate.
  void summarize() {
    if (summarized) return;
    letters = 0;
    sounded = true;
    for (const Unit& u : units) {
      letters |= u.merged ? letter_set(u.text) : u.letters;
      sounded = sounded && !u.filler && u.text.size() >= 2;
    }
    summarized = true;
  }
  // The phonetic key of the joined run, made when first needed.
  const std::string& sound_key() {
    if (!key_made) {
      joined.clear();
      for (const Unit& u : units) joined += u.text;
      key = phonetic::joined_phonetic_key(joined);
      key_made = true;
    }
    return key;
  }
};

// Whether merge_split_tokens may merge `run` to meet `target`: its length
// gate, then any of its three ways (an acronym, a spelling within the typo
// budget, the same sound), the spelling loosened as in may_meet.
bool may_merge(Run& run, const Target& target, const NameMatchOptions& o) {
  const size_t span = run.units.size();
  const size_t longer = std::max(run.length, target.length);
  const size_t gap = longer - std::min(run.length, target.length);
  const size_t budget = typo_budget(longer);
  if (gap > budget && target.length != span) return false;
  if (target.initials) return true;
  run.summarize();
  if (o.acronyms && target.length == span) {
    if (target.run) return true;  // the first pass's run may have become initials
    bool initials = true;
    for (size_t k = 0; k < span && initials; ++k)
      initials = !run.units[k].text.empty() && run.units[k].text[0] == target.text[k];
    if (initials) return true;
  }
  if (gap <= budget && letters_within(run.letters, target.letters, budget)) return true;
  if (!run.sounded) return false;
  if (target.run) return gap <= budget;  // its key is not made: the sound may agree
  return target.key.size() >= 4 && run.sound_key() == target.key;
}

// Marks live the runs of 2–3 adjacent units of `side` that may merge to meet
// one of `targets`, and those targets' units in `other_live`. With `merged`,
// appends each such run as a target for the second pass.
void mark_runs(const std::vector<Unit>& side, const std::vector<Unit>& other, std::span<const Target> other_runs,
               const NameMatchOptions& o, std::vector<char>& side_live, std::vector<char>& other_live,
               std::vector<Target>* merged) {
  // The other side's units, then its runs: summarised once for every run of this side.
  thread_local std::vector<Target> targets;
  targets.clear();
  for (size_t k = 0; k < other.size(); ++k) {
    const Unit& u = other[k];
    if (u.legal) continue;
    targets.push_back({u.text.size(), u.text, u.key, u.merged ? letter_set(u.text) : u.letters, k, k, false, false});
  }
  targets.insert(targets.end(), other_runs.begin(), other_runs.end());
  auto all_live = [](const std::vector<char>& live, size_t first, size_t last) {
    for (size_t k = first; k <= last; ++k) {
      if (!live[k]) return false;
    }
    return true;
  };
  thread_local Run run;
  for (size_t i = 0; i + 1 < side.size(); ++i) {
    for (size_t span = 2; span <= 3 && i + span <= side.size(); ++span) {
      run.reset(std::span<const Unit>(side.data() + i, span));
      // A run and a target whose units are all live already change nothing by meeting. The
      // first pass must still know whether the run goes through at all (it is then a target
      // of the second): such pairs are tested until one does.
      const bool run_live = all_live(side_live, i, i + span - 1);
      bool through = false;
      for (const Target& t : targets) {
        // may_merge's length gate, first: most pairs of a run and a target stop there.
        const size_t longer = std::max(run.length, t.length);
        if (longer - std::min(run.length, t.length) > typo_budget(longer) && t.length != span) continue;
        if (run_live && all_live(other_live, t.first, t.last) && (merged == nullptr || through)) continue;
        if (!may_merge(run, t, o)) continue;
        for (size_t k = t.first; k <= t.last; ++k) other_live[k] = 1;
        through = true;
      }
      if (!through) continue;
      for (size_t k = i; k < i + span; ++k) side_live[k] = 1;
      if (merged == nullptr) continue;
      // The joined text (its letters are the run's), and the initials (as long as the run has units).
      run.summarize();
      merged->push_back({run.length, {}, {}, run.letters, i, i + span - 1, true, false});
      merged->push_back({span, {}, {}, 0, i, i + span - 1, false, true});
    }
  }
}

// What a leftover unit costs at least, whether it ends contradicted or extra.
double least_cost(const Unit& u, bool query_side, const NameMatchOptions& o) {
  // A patronymic left out with its given name costs nothing (leftover_cost).
  if (u.patronymic && !u.filler && leftover_kind(u) == LeftoverKind::kName) return 0;
  Leftovers contradicted, extra;
  conflict_sum(contradicted, leftover_kind(u)) += u.weight / 2;
  extra_sum(extra, u, query_side) += u.weight;
  return std::min(leftover_cost(contradicted, o), leftover_cost(extra, o));
}

}  // namespace

uint64_t letter_set(std::string_view text) {
  uint64_t set = 0;
  for (const char ch : text) {
    const unsigned char c = static_cast<unsigned char>(fold(ch));
    const unsigned bit = c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + (c - '0') : 36 + c % 28;
    set |= uint64_t{1} << bit;
  }
  return set;
}

uint64_t sound_of_key(std::string_view key) {
  // FNV-1a over the key with l read as r and each run of r as one: the key of
  // a token with l read as r differs from the key with its l read as r only
  // there (an "lr" the key keeps apart collapses once folded).
  uint64_t h = 1469598103934665603ull;
  char last = '\0';
  for (const char ch : key) {
    const char c = fold(ch);
    if (c == 'r' && last == 'r') continue;
    last = c;
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  return h;
}

namespace {

// The spelling tiers of token_similarity, loosened (an initial, a typo within the budget,
// the same sound, a prefix), on two non-empty spellings with their letter sets and sounds.
bool spellings_may_meet(std::string_view x, std::string_view y, uint64_t x_letters, uint64_t y_letters,
                        uint64_t x_sound, uint64_t y_sound) {
  if (x.size() == 1 || y.size() == 1) return fold(x[0]) == fold(y[0]);  // an initial, or two letters read alike
  const size_t longer = std::max(x.size(), y.size()), shorter = std::min(x.size(), y.size());
  const size_t budget = typo_budget(longer);
  if (longer - shorter <= budget && letters_within(x_letters, y_letters, budget)) return true;  // also the same text
  if (x_sound == y_sound) return true;
  return shorter >= 3 && folded_prefix(x.size() > y.size() ? x : y, x.size() > y.size() ? y : x);
}

// has_dental_h of a unit's text, its letter set asked first: no h, or neither t nor d, and
// there is no th or dh to look for (a merged unit has no set; may_meet takes it before this).
bool may_have_dental_h(const Unit& u) {
  constexpr uint64_t kH = uint64_t{1} << ('h' - 'a'), kTD = uint64_t{1} << ('t' - 'a') | uint64_t{1} << ('d' - 'a');
  return (u.letters & kH) != 0 && (u.letters & kTD) != 0 && phonetic::has_dental_h(u.text);
}

// may_meet's tests on the two spellings as kana hears them, th and dh as s and z
// (token_similarity's heard_similarity compares them so); computed per pair, as
// only a kana pair with a th or dh on one side gets here.
bool heard_may_meet(std::string_view x, std::string_view y) {
  thread_local std::string fx, fy, kx, ky;
  phonetic::heard_in_kana_into(x, /*dentals=*/true, fx);
  phonetic::heard_in_kana_into(y, /*dentals=*/true, fy);
  if (fx.empty() || fy.empty()) return fx == fy;
  phonetic::phonetic_key_into(fx, kx);
  phonetic::phonetic_key_into(fy, ky);
  return spellings_may_meet(fx, fy, letter_set(fx), letter_set(fy), sound_of_key(kx), sound_of_key(ky));
}

}  // namespace

bool may_meet(const Unit& a, const Unit& b) {
  // The tiers of token_similarity, each loosened to a test that holds for the
  // folded spellings too.
  if (a.legal || b.legal) return a.legal && b.legal && a.text == b.text;
  if (a.number >= 0 && b.number >= 0) return a.number == b.number || a.text == b.text;
  if (a.merged || b.merged) return true;          // number words joined: no summaries to test
  if (a.patronymic && b.patronymic) return true;  // their stems may meet (national forms)
  const std::string_view x = a.text, y = b.text;
  if (x.empty() || y.empty()) return x == y;
  // The cheapest test first: most pairs a screener bounds fail every test.
  if (spellings_may_meet(x, y, a.letters, b.letters, a.sound, b.sound)) return true;
  if (!a.r_may_be_l && !b.r_may_be_l) return false;
  // A kana reading meets by ear or, glossed, by another form of its word (single letters
  // have neither key).
  if ((a.stem != 0 && a.stem == b.stem) ||
      (a.ear != nullptr && b.ear != nullptr && phonetic::heard_alike(*a.ear, *b.ear))) {
    return true;
  }
  // It also meets th and dh as s and z (token_similarity): the summaries hold for the
  // spellings as written, so the heard ones are tested apart.
  return (may_have_dental_h(a) || may_have_dental_h(b)) && heard_may_meet(x, y);
}

namespace {

// The bound from which units are live: the score is Σ w·sim / (Σ w of the
// pairs + what the leftovers cost), at most the live units' weight over
// itself plus what the dead ones cost.
double bound_from_live(const std::vector<Unit>& q, const std::vector<Unit>& c, const std::vector<char>& q_live,
                       const std::vector<char>& c_live, const NameMatchOptions& o) {
  thread_local std::vector<const Unit*> q_dead, c_dead;
  double live = 0;
  q_dead.clear();
  c_dead.clear();
  auto split = [&live](const std::vector<Unit>& side, const std::vector<char>& side_live,
                       std::vector<const Unit*>& dead) {
    for (size_t i = 0; i < side.size(); ++i) {
      if (side_live[i]) {
        live += side[i].weight;
      } else {
        dead.push_back(&side[i]);
      }
    }
  };
  split(q, q_live, q_dead);
  split(c, c_live, c_dead);
  live /= 2;  // a pair weighs the mean of its units
  if (live <= 0) return 0.0;
  if (q_dead.empty() && c_dead.empty()) return 1.0;

  // More leftovers never cost less (a name word that pairs with another as a
  // contradiction costs more than either did as an extra), so the dead name
  // words are classified as compare_units would; legal forms and numbers,
  // whose contradiction may cost less than an extra, each at their least.
  const double half_contradiction = o.contradiction_weight / 2;
  const bool contradiction_costs_most =
      half_contradiction >= std::max({o.query_extra_weight, o.candidate_extra_weight, o.filler_extra_weight,
                                      o.patronymic_extra_weight, o.sector_extra_weight});
  double cost = 0;
  if (contradiction_costs_most) {
    Leftovers names;
    classify_leftovers(q_dead, c_dead, LeftoverKind::kName, names, nullptr);
    cost += leftover_cost(names, o);
  }
  for (const Unit* u : q_dead) {
    if (!contradiction_costs_most || leftover_kind(*u) != LeftoverKind::kName) cost += least_cost(*u, true, o);
  }
  for (const Unit* u : c_dead) {
    if (!contradiction_costs_most || leftover_kind(*u) != LeftoverKind::kName) cost += least_cost(*u, false, o);
  }
  return live / (live + cost);
}

}  // namespace

void MeetGrid::reset(const std::vector<Unit>& q, const std::vector<Unit>& c) {
  size_t rows = 0;
  cols_ = 0;
  for (const Unit& u : q) rows = std::max(rows, u.last + 1);
  for (const Unit& u : c) cols_ = std::max(cols_, u.last + 1);
  cells_.assign(rows * cols_, -1);
}

double score_bound(const std::vector<Unit>& q, const std::vector<Unit>& c, const NameMatchOptions& o, double floor,
                   MeetGrid* grid) {
  thread_local std::vector<char> q_live, c_live;
  q_live.assign(q.size(), 0);
  c_live.assign(c.size(), 0);
  if (grid != nullptr) grid->reset(q, c);
  for (size_t i = 0; i < q.size(); ++i) {
    for (size_t j = 0; j < c.size(); ++j) {
      if (q_live[i] && c_live[j]) continue;
      const bool meet = may_meet(q[i], c[j]);
      if (grid != nullptr) grid->set(q[i], c[j], meet);
      if (!meet) continue;
      q_live[i] = c_live[j] = 1;
    }
  }
  // Runs only ever make more units live, which raises the bound: when the
  // units that meet one by one already bound it at the floor or above, no
  // run can bring it under, and the pair is scored in full anyway.
  const double one_by_one = bound_from_live(q, c, q_live, c_live, o);
  if (one_by_one >= floor) return 1.0;

  // Runs of adjacent units merged to meet one unit of the other side: the
  // query's first, against the candidate's units; then the candidate's,
  // against the query's units and what the first pass may have merged.
  thread_local std::vector<Target> q_merged;
  q_merged.clear();
  const size_t live_before = std::count(q_live.begin(), q_live.end(), 1) + std::count(c_live.begin(), c_live.end(), 1);
  if (q.size() >= 2) mark_runs(q, c, {}, o, q_live, c_live, &q_merged);
  if (c.size() >= 2) mark_runs(c, q, q_merged, o, c_live, q_live, nullptr);
  // Most runs meet nothing: the units live are those that were, and so is the bound.
  const size_t live_after = std::count(q_live.begin(), q_live.end(), 1) + std::count(c_live.begin(), c_live.end(), 1);
  return live_after == live_before ? one_by_one : bound_from_live(q, c, q_live, c_live, o);
}

}  // namespace sekisho::match::detail
