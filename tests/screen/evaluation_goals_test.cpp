// The evaluation goals of docs/matching.md, kept by CI through the shipped pipeline (the same
// code as `sekisho eval`: the real lists parsed by their parsers, the full text pipeline, the
// index and the scorer). Each floor is the goal where the pipeline meets it, else the figure it
// reaches less the margin written beside it; a metric must also report at least the rows it
// is named for, so a data file that shrank or failed to map cannot pass as a perfect score.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "eval/eval.hpp"

namespace sekisho::eval {
namespace {

std::map<std::string, Metric> run(const std::string& only, size_t limit) {
  EvalOptions o;
  o.data_dir = SEKISHO_SHARED_DATA;
  o.fixtures_dir = SEKISHO_TEST_FIXTURES;
  o.only = only;
  o.limit = limit;
  auto metrics = run_eval(o);
  EXPECT_TRUE(metrics.ok()) << metrics.status().to_string();
  std::map<std::string, Metric> by_key;
  if (metrics.ok()) {
    for (Metric& m : *metrics) by_key[m.key] = std::move(m);
  }
  return by_key;
}

const Metric& metric(const std::map<std::string, Metric>& metrics, const std::string& key) {
  static const Metric missing{.key = "missing", .name = "not reported"};
  auto it = metrics.find(key);
  EXPECT_NE(it, metrics.end()) << "metric " << key << " was not reported";
  return it == metrics.end() ? missing : it->second;
}

TEST(EvaluationGoals, NameBenchAndListPositivesAndOnePersonInManyScripts) {
  const auto metrics = run("a,b,f,g", 0);

  // a. name_bench F1 over all pairs: the goal (0.92) is not met (0.917 reached); the floor is
  // two hundredths under the figure, so a change that costs a few pairs fails here.
  const Metric& a = metric(metrics, "a");
  EXPECT_GE(a.n, 400u);
  EXPECT_GE(a.value, 0.90) << a.note;

  // b. UN names perturbed as users type them, recall@5: goal 99.7%, met on all rows.
  const Metric& b = metric(metrics, "b");
  EXPECT_GE(b.n, 340u);
  EXPECT_GE(b.value, 0.997) << b.note;
  EXPECT_TRUE(b.goal_met) << b.note;

  // f. MOF katakana names reaching their English entries, recall@5: goal 90%.
  const Metric& f = metric(metrics, "f");
  EXPECT_GE(f.n, 2800u);
  EXPECT_GE(f.value, 0.90) << f.note;

  // g. one person written in many scripts and spellings: goal 95%.
  const Metric& g = metric(metrics, "g");
  EXPECT_GE(g.n, 80u);
  EXPECT_GE(g.value, 0.95) << g.note;
}

TEST(EvaluationGoals, OrdinaryPeopleAreNotFlagged) {
  // d. synthetic negatives with their qualifiers against OFAC, UN and MOF, the first 300 rows of
  // each of the four sets as docs/matching.md measures them: goal at most 0.5% flagged, per set
  // and in all.
  const auto metrics = run("d", 300);
  const Metric& d = metric(metrics, "d");
  EXPECT_GE(d.n, 1200u);
  EXPECT_LE(d.value, 0.005) << d.note;
  for (const char* set : {"d1", "d2", "d3", "d4"}) {
    const Metric& m = metric(metrics, set);
    EXPECT_GE(m.n, 300u) << set;
    EXPECT_LE(m.value, 0.005) << set << ": " << m.note;
  }
}

}  // namespace
}  // namespace sekisho::eval
