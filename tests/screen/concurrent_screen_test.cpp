// A Screener is shared by the server's request threads and `sekisho screen`'s
// workers with no lock (screen.hpp). Threads screening at once must get what
// one thread gets; the ThreadSanitizer build runs this test to find the races
// that would not show as a wrong answer here (docs/testing.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "sekisho/lists.hpp"
#include "sekisho/screen.hpp"
#include "support/shared_data.hpp"

namespace sekisho {
namespace {

// What a screening answered, comparable across threads.
std::vector<std::pair<std::string, double>> answer(const std::vector<ScreenHit>& hits) {
  std::vector<std::pair<std::string, double>> out;
  for (const ScreenHit& h : hits) out.emplace_back(h.entity->id, h.score);
  return out;
}

TEST(ConcurrentScreen, ThreadsScreeningAtOnceGetTheAnswersOfOneThread) {
  auto parsed = parse_list("bis-dpl", {std::filesystem::path(testing::shared_data_dir()) / "us_bis/dpl_2022-09.txt"});
  ASSERT_TRUE(parsed.ok()) << parsed.status().to_string();
  // Listed names, each with one letter dropped (a near miss exercises the scorer, not only the
  // exact path), and names in other scripts (the text pipeline's per-thread caches).
  std::vector<ScreenQuery> queries;
  for (size_t i = 0; i < parsed->entities.size() && queries.size() < 24; i += 23) {
    std::string name = parsed->entities[i].names.front().full;
    if (name.size() > 4) name.erase(name.size() / 2, 1);
    queries.push_back({.name = name});
  }
  for (const char* name : {"Владимир Путин", "上川陽子", "محمد علي", "プーチン"}) queries.push_back({.name = name});
  auto screener = Screener::build({{"us_bis_denied", 1, std::move(parsed->entities)}});

  std::vector<std::vector<std::pair<std::string, double>>> expected;
  for (const ScreenQuery& q : queries) expected.push_back(answer(screener->screen(q)));
  size_t found = 0;
  for (const auto& e : expected) found += e.empty() ? 0 : 1;
  ASSERT_GT(found, queries.size() / 2) << "the near misses should mostly be found, or the test screens nothing";

  constexpr int kThreads = 4;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < kThreads; ++t) {
    pool.emplace_back([&, t] {
      // Each thread starts at another query, so different queries run at the same time.
      for (size_t k = 0; k < queries.size(); ++k) {
        size_t i = (k + static_cast<size_t>(t) * 7) % queries.size();
        if (answer(screener->screen(queries[i])) != expected[i]) ++mismatches[t];
      }
    });
  }
  for (std::thread& th : pool) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace sekisho
