// Screener: the index path (candidates, then scoring) against the scan of
// every name it is measured by (ScreenOptions::exhaustive).
#include "sekisho/screen.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "sekisho/lists.hpp"
#include "support/shared_data.hpp"

namespace sekisho {
namespace {

Entity person(std::string id, std::string name) {
  Entity e;
  e.id = std::move(id);
  e.schema = Schema::kPerson;
  e.names.push_back({.full = std::move(name), .kind = NameKind::kPrimary});
  return e;
}

Entity organization(std::string id, std::vector<std::string> names) {
  Entity e;
  e.id = std::move(id);
  e.schema = Schema::kOrganization;
  for (std::string& n : names) e.names.push_back({.full = std::move(n), .kind = NameKind::kAlias});
  return e;
}

const ScreenHit* hit_for(const std::vector<ScreenHit>& hits, std::string_view entity_id) {
  for (const ScreenHit& h : hits) {
    if (h.entity->id == entity_id) return &h;
  }
  return nullptr;
}

// "Al Rosa" gives "Ak Al Rosa" its two words and their join "alrosa": three
// votes, against the one of the listed "Alrosa", which falls under the vote
// floor. The entity is reached through "Ak Al Rosa", a near miss (an extra
// word), and its other names that the index reached are scored too.
TEST(Screener, ANearMissHasTheOtherNamesOfItsEntityScored) {
  // "al" and "rosa" are in more names than "alrosa": its list is walked first and reaches "Alrosa".
  std::vector<Entity> entities = {organization("alrosa", {"Ak Al Rosa", "Al Rosa Gurup", "Alrosa"}),
                                  organization("rosa", {"Rosa Shipping Lines"}),
                                  organization("banco", {"Banco Rosa Verde"}),
                                  organization("noor", {"Al Noor Trading"}),
                                  organization("amin", {"Al Amin Exchange"}),
                                  organization("other", {"Northern Timber Holdings"})};
  auto screener = Screener::build({{"test", 1, std::move(entities)}});
  std::vector<CandidateTrace> trace;
  ScreenOptions options;
  options.trace = &trace;
  options.weak_vote_ratio = 1.0;  // the expansion under test, not "Alrosa" as a weak candidate
  const std::vector<ScreenHit> hits = screener->screen({.name = "Al Rosa"}, options);
  // The premise: the index hands over the longer names, not "Alrosa".
  ASSERT_FALSE(trace.empty());
  for (const CandidateTrace& t : trace) EXPECT_NE(t.listed_form, "alrosa");
  const ScreenHit* h = hit_for(hits, "alrosa");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->matched_name, "Alrosa");
  EXPECT_GE(h->score, 0.95);
  // The scan of every name agrees.
  options.exhaustive = true;
  options.trace = nullptr;
  const std::vector<ScreenHit> scanned = screener->screen({.name = "Al Rosa"}, options);
  const ScreenHit* s = hit_for(scanned, "alrosa");
  ASSERT_NE(s, nullptr);
  EXPECT_DOUBLE_EQ(s->score, h->score);
}

// Real lists: a typo reaches HARKAT-UL-JIHAD-AL ISLAMI's entry in the MOF list
// through its English name (0.64: "sl" contradicts "ul"); the entry's katakana
// name, read "halkatl jihad al islami", matches the query's "harkat sl" merged,
// as the scan finds.
TEST(Screener, FindsWhatTheScanFindsThroughAnotherNameOfANearMiss) {
  const std::filesystem::path data = SEKISHO_SHARED_DATA;
  auto mof = parse_list("mof-xlsx", {data / "japan/mof_shisantouketsu_20260305.xlsx"}, {.list_id = "jp_mof_sanctions"});
  ASSERT_TRUE(mof.ok()) << mof.status().to_string();
  auto screener = Screener::build({{"jp_mof_sanctions", 1, std::move(mof->entities)}});
  ScreenOptions options;
  const std::vector<ScreenHit> by_index = screener->screen({.name = "Harkat-sl-Jihad-al Islami"}, options);
  options.exhaustive = true;
  const std::vector<ScreenHit> by_scan = screener->screen({.name = "Harkat-sl-Jihad-al Islami"}, options);
  const ScreenHit* s = hit_for(by_scan, "jp_mof_sanctions-2-575");
  ASSERT_NE(s, nullptr);
  const ScreenHit* h = hit_for(by_index, "jp_mof_sanctions-2-575");
  ASSERT_NE(h, nullptr);
  EXPECT_DOUBLE_EQ(h->score, s->score);
  EXPECT_GE(h->score, 0.9);
}

// "Michael G. Grimm" meets "Michael Guest" through "michael" and the initial g:
// a third of the vote of the listed "Michael G. Grimm", under the vote floor.
// The index hands it over as a weak candidate, scored for a hit only, as the
// scan scores it; "Michael Jordan Smith", with two words the query does not
// meet, is left out unscored. Since issue 17 it is no hit: the initial g would
// stand for "guest" while the query's own surname "grimm" goes unmet.
TEST(Screener, AWeakCandidateWhoseWordsTheQueryMeetsIsScoredForAHit) {
  std::vector<Entity> entities = {person("grimm", "Michael G. Grimm"), person("guest", "Michael Guest"),
                                  person("jordan", "Michael Jordan Smith")};
  // Forty others, so that "michael" (three names) weighs less than "grimm" and "g" (one).
  const char* given[] = {"Anna", "Peter", "Rose", "Omar", "Ivan", "Lena", "Karl", "Yuki"};
  const char* family[] = {"Stone", "Wells", "Novak", "Haddad", "Tanaka"};
  for (const char* g : given) {
    for (const char* f : family) entities.push_back(person(std::string(g) + f, std::string(g) + " " + f));
  }
  auto screener = Screener::build({{"test", 1, std::move(entities)}});
  std::vector<CandidateTrace> trace;
  ScreenOptions options;
  options.trace = &trace;
  const std::vector<ScreenHit> hits = screener->screen({.name = "Michael G. Grimm"}, options);
  ASSERT_NE(hit_for(hits, "grimm"), nullptr);
  EXPECT_EQ(hit_for(hits, "guest"), nullptr);
  // The premise: its vote is under the floor of the strong candidates.
  const CandidateTrace* traced = nullptr;
  for (const CandidateTrace& t : trace) {
    if (t.entity->id == "guest") traced = &t;
    EXPECT_NE(t.entity->id, "jordan");  // two unmet words: not scored
  }
  ASSERT_NE(traced, nullptr);
  EXPECT_LT(traced->vote, trace.front().vote * options.min_vote_ratio);
  // The scan of every name agrees, entity for entity and score for score.
  ScreenOptions scan;
  scan.exhaustive = true;
  const std::vector<ScreenHit> scanned = screener->screen({.name = "Michael G. Grimm"}, scan);
  ASSERT_EQ(scanned.size(), hits.size());
  for (size_t i = 0; i < hits.size(); ++i) {
    EXPECT_EQ(scanned[i].entity->id, hits[i].entity->id);
    EXPECT_DOUBLE_EQ(scanned[i].score, hits[i].score);
  }
  // Without weak candidates, the index misses it.
  ScreenOptions strong_only;
  strong_only.weak_vote_ratio = 1.0;
  EXPECT_EQ(hit_for(screener->screen({.name = "Michael G. Grimm"}, strong_only), "guest"), nullptr);
}

// Issue 21 §1: screening a query has a bounded amount of work (ScreenOptions::max_pairs), and
// a screening that spends it before scoring every candidate says so: it is never clean.
// Several listed names share the query's words, so the index hands over several candidates.
std::shared_ptr<const Screener> petrovs() {
  std::vector<Entity> entities = {person("p1", "Ivan Petrov"),    person("p2", "Ivan Petrova"),
                                  person("p3", "Ivan Petrenko"),  person("p4", "Petr Ivanov"),
                                  person("p5", "Ivan Petrovsky"), person("p6", "Ivana Petrovic"),
                                  person("p7", "Maria Ivanovna"), person("p8", "Sergei Petrov")};
  return Screener::build({{"test", 1, std::move(entities)}});
}

ScreenStats spent(const Screener& screener, const ScreenQuery& query, ScreenOptions options, ScreenResult& result) {
  ScreenStats stats;
  options.stats = &stats;
  result = screener.screen_result(query, options);
  return stats;
}

TEST(Issue21WorkBudget, AQueryWithinItsBudgetIsComplete) {
  auto screener = petrovs();
  ScreenResult result;
  const ScreenStats stats = spent(*screener, {.name = "Ivan Petrov"}, {}, result);
  // The premise of the tests below: this query scores more than one pair, over several candidates.
  ASSERT_GT(stats.pairs_scored, 2u);
  ASSERT_GT(stats.candidates, 2u);
  EXPECT_TRUE(result.complete);
  EXPECT_TRUE(result.incomplete_reason.empty());
  ASSERT_FALSE(result.hits.empty());
  EXPECT_EQ(result.hits.front().entity->id, "p1");
}

TEST(Issue21WorkBudget, ATinyBudgetStopsTheScreeningAndMarksItIncomplete) {
  auto screener = petrovs();
  ScreenResult full;
  const ScreenStats all = spent(*screener, {.name = "Ivan Petrov"}, {}, full);
  ScreenOptions tiny;
  tiny.max_pairs = 1;
  ScreenResult cut;
  const ScreenStats some = spent(*screener, {.name = "Ivan Petrov"}, tiny, cut);
  EXPECT_FALSE(cut.complete);
  EXPECT_NE(cut.incomplete_reason.find("work budget"), std::string::npos) << cut.incomplete_reason;
  EXPECT_NE(cut.incomplete_reason.find("limit is 1)"), std::string::npos) << cut.incomplete_reason;
  // The work did stop: fewer candidates and pairs than the full screening.
  EXPECT_LT(some.candidates, all.candidates);
  EXPECT_LT(some.pairs_scored, all.pairs_scored);
  // The hits-only call never hands a cut-short screening over as a clean one.
  EXPECT_THROW((void)screener->screen({.name = "Ivan Petrov"}, tiny), IncompleteScreening);
}

TEST(Issue21WorkBudget, ABudgetThatCoversTheWorkExactlyIsComplete) {
  auto screener = petrovs();
  ScreenResult full;
  const ScreenStats all = spent(*screener, {.name = "Ivan Petrov"}, {}, full);
  ScreenOptions exact;
  exact.max_pairs = all.pairs_scored;
  ScreenResult same;
  spent(*screener, {.name = "Ivan Petrov"}, exact, same);
  EXPECT_TRUE(same.complete) << same.incomplete_reason;
  ASSERT_EQ(same.hits.size(), full.hits.size());
  for (size_t i = 0; i < full.hits.size(); ++i) EXPECT_EQ(same.hits[i].entity, full.hits[i].entity);
}

TEST(Issue21WorkBudget, ZeroMeansNoBound) {
  auto screener = petrovs();
  ScreenOptions unbounded;
  unbounded.max_pairs = 0;
  ScreenResult result;
  spent(*screener, {.name = "Ivan Petrov"}, unbounded, result);
  EXPECT_TRUE(result.complete);
  EXPECT_FALSE(result.hits.empty());
}

}  // namespace
}  // namespace sekisho
