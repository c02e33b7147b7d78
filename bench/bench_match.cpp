// Micro benchmarks of the match part: each kernel cached and uncached, and the
// full name comparison, on ASCII 2–3 token names (tokens of real list names).
//   cmake -DSEKISHO_BUILD_BENCHMARKS=ON … && ./build/bench/bench_match
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "bench_main.hpp"
#include "distance/distance.hpp"
#include "match/token_features.hpp"
#include "phonetic/phonetic.hpp"
#include "sekisho/match.hpp"

namespace {

using namespace sekisho::distance;
using namespace sekisho::match;
using namespace sekisho::phonetic;

// Name tokens of the kind the lists hold; candidates are these and typo'd variants.
const std::vector<std::string>& tokens() {
  static const std::vector<std::string> kTokens = [] {
    std::vector<std::string> base = {"vladimir",  "putin",      "sergey", "lavrov",  "mohammed", "bin",
                                     "salman",    "abdul",      "rahman", "kim",     "jong",     "un",
                                     "hassan",    "rouhani",    "osama",  "laden",   "nicolas",  "maduro",
                                     "alexander", "lukashenko", "ramzan", "kadyrov", "igor",     "sechin",
                                     "ali",       "khamenei",   "bashar", "assad",   "yevgeny",  "prigozhin"};
    std::mt19937 rng(42);
    std::vector<std::string> out = base;
    for (const std::string& t : base) {
      std::string v = t;
      v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)] = 'x';
      out.push_back(v);
    }
    return out;
  }();
  return kTokens;
}

const std::vector<std::string>& names() {
  static const std::vector<std::string> kNames = {"vladimir putin",
                                                  "vladimir vladimirovich putin",
                                                  "sergey viktorovich lavrov",
                                                  "sergei lavrov",
                                                  "mohammed bin salman",
                                                  "muhammad bin salman",
                                                  "kim jong un",
                                                  "kim jong-un",
                                                  "hassan rouhani",
                                                  "hasan rohani",
                                                  "osama bin laden",
                                                  "usama bin ladin",
                                                  "nicolas maduro moros",
                                                  "alexander lukashenko",
                                                  "aleksandr lukashenka",
                                                  "ramzan kadyrov",
                                                  "igor sechin",
                                                  "ali khamenei",
                                                  "bashar al assad",
                                                  "yevgeny prigozhin"};
  return kNames;
}

template <typename Fn>
void run_pairs(benchmark::State& state, Fn fn) {
  const auto& t = tokens();
  size_t i = 0;
  for (auto _ : state) {
    const std::string& a = t[i % t.size()];
    const std::string& b = t[(i * 7 + 3) % t.size()];
    benchmark::DoNotOptimize(fn(a, b));
    ++i;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

template <typename Fn>
void run_cached(benchmark::State& state, Fn fn) {
  const auto& t = tokens();
  const CachedPattern pattern(t[0]);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(fn(pattern, t[i % t.size()]));
    ++i;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void BM_Jaro(benchmark::State& s) {
  run_pairs(s, [](auto& a, auto& b) { return jaro(a, b); });
}
void BM_JaroWinkler(benchmark::State& s) {
  run_pairs(s, [](auto& a, auto& b) { return jaro_winkler(a, b); });
}
void BM_Levenshtein(benchmark::State& s) {
  run_pairs(s, [](auto& a, auto& b) { return levenshtein(a, b); });
}
void BM_LevenshteinBounded2(benchmark::State& s) {
  run_pairs(s, [](auto& a, auto& b) { return levenshtein_bounded(a, b, 2); });
}
void BM_Osa(benchmark::State& s) {
  run_pairs(s, [](auto& a, auto& b) { return osa_distance(a, b); });
}
void BM_CachedJaroWinkler(benchmark::State& s) {
  run_cached(s, [](const CachedPattern& p, const std::string& b) { return p.jaro_winkler(b); });
}
void BM_CachedJaroWinklerCutoff09(benchmark::State& s) {
  run_cached(s, [](const CachedPattern& p, const std::string& b) { return p.jaro_winkler(b, 0.1, 0.9); });
}
void BM_CachedLevenshtein(benchmark::State& s) {
  run_cached(s, [](const CachedPattern& p, const std::string& b) { return p.levenshtein(b); });
}
void BM_CachedLevenshteinBounded2(benchmark::State& s) {
  run_cached(s, [](const CachedPattern& p, const std::string& b) { return p.levenshtein(b, 2); });
}
void BM_CachedOsa(benchmark::State& s) {
  run_cached(s, [](const CachedPattern& p, const std::string& b) { return p.osa(b); });
}
void BM_PhoneticKey(benchmark::State& state) {
  const auto& t = tokens();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(phonetic_key(t[i++ % t.size()]));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

std::vector<std::vector<NameToken>> tokenized_names() {
  std::vector<std::vector<NameToken>> out;
  for (const std::string& n : names()) out.push_back(tokens_from_text(n));
  return out;
}

void BM_NameCompare(benchmark::State& state) {
  const NameComparer comparer;
  const auto n = tokenized_names();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(comparer.compare(n[i % n.size()], n[(i * 3 + 1) % n.size()], sekisho::Schema::kPerson));
    ++i;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void BM_NameComparePrepared(benchmark::State& state) {
  const NameComparer comparer;
  const auto n = tokenized_names();
  const PreparedQuery q = comparer.prepare(n[0]);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(comparer.compare(q, n[i % n.size()], sekisho::Schema::kPerson));
    ++i;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

// What a screener runs per candidate (features computed at build time): the
// score only, or the score with its explanation, for the ratio of the two.
template <typename Score>
void run_prepared(benchmark::State& state, Score score) {
  const NameComparer comparer;
  const auto n = tokenized_names();
  const PreparedQuery q = comparer.prepare(n[0]);
  std::vector<sekisho::match::CandidateFeatures> features;
  for (const auto& name : n) features.push_back(comparer.candidate_features(name));
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(score(comparer, q, n[i % n.size()], features[i % n.size()]));
    ++i;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void BM_NameScoreOnly(benchmark::State& state) {
  run_prepared(state, [](const NameComparer& c, const PreparedQuery& q, const auto& name, const auto& f) {
    return c.score(q, name, f, sekisho::Schema::kPerson);
  });
}

void BM_NameCompareExplained(benchmark::State& state) {
  run_prepared(state, [](const NameComparer& c, const PreparedQuery& q, const auto& name, const auto& f) {
    return c.compare(q, name, f, sekisho::Schema::kPerson);
  });
}

BENCHMARK(BM_Jaro);
BENCHMARK(BM_JaroWinkler);
BENCHMARK(BM_Levenshtein);
BENCHMARK(BM_LevenshteinBounded2);
BENCHMARK(BM_Osa);
BENCHMARK(BM_CachedJaroWinkler);
BENCHMARK(BM_CachedJaroWinklerCutoff09);
BENCHMARK(BM_CachedLevenshtein);
BENCHMARK(BM_CachedLevenshteinBounded2);
BENCHMARK(BM_CachedOsa);
BENCHMARK(BM_PhoneticKey);
BENCHMARK(BM_NameCompare);
BENCHMARK(BM_NameComparePrepared);
BENCHMARK(BM_NameScoreOnly);
BENCHMARK(BM_NameCompareExplained);

}  // namespace

int main(int argc, char** argv) { return sekisho::bench::run_benchmarks(argc, argv); }
