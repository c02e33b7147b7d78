// Issue 3 §3: the index against an exhaustive scan with the same scorer, on the
// labelled queries of `sekisho eval` metrics b and c (yente's perturbed UN
// positives against the UN list, US Congress members against the Senzing
// export), each screened with its birth date and nationality by index and by
// scan at the default threshold.
//
// Asserted: wherever the scan returns a query's labelled entity in its top 10,
// the index does too, on at least 99.5% of those queries. Reported, not
// asserted: the share whose whole top 10 (entities, order, scores) is the
// scan's. It is 98.9% (950 of 961): the scan also finds a few weak hits
// (0.76–0.80) that share only common words with the query ("Mohammad Wali"
// for "ATIQULLAH WALI MOHAMMAD"), which the index does not bring in
// (docs/matching.md, bench/README.md).
#include <gtest/gtest.h>

#include "eval/eval.hpp"
#include "eval/eval_internal.hpp"

namespace sekisho::eval {
namespace {

struct Tally {
  size_t queries = 0;
  size_t scan_found = 0, index_found_too = 0;  // of the labelled entities
  size_t same_top10 = 0;
  std::vector<std::string> lost;
};

bool has(const std::vector<ScreenHit>& hits, const std::string& id) {
  for (const ScreenHit& h : hits) {
    if (h.entity->id == id) return true;
  }
  return false;
}

void screen_both(const Screener& screener, const ScreenQuery& query, const std::string& target, Tally& t) {
  ScreenOptions indexed;
  indexed.limit = 10;
  ScreenOptions scan = indexed;
  scan.exhaustive = true;
  const std::vector<ScreenHit> a = screener.screen(query, indexed), b = screener.screen(query, scan);
  ++t.queries;
  bool same = a.size() == b.size();
  for (size_t i = 0; same && i < a.size(); ++i) same = a[i].entity == b[i].entity && a[i].score == b[i].score;
  t.same_top10 += same;
  if (!has(b, target)) return;
  ++t.scan_found;
  if (has(a, target)) {
    ++t.index_found_too;
  } else if (t.lost.size() < 10) {
    t.lost.push_back(query.name);
  }
}

TEST(IndexAgreement, FindsTheLabelledEntityWhereverTheScanDoes) {
  const std::string data = SEKISHO_SHARED_DATA;
  auto lists = load_lists(data, {"un", "congress"});
  ASSERT_TRUE(lists.ok()) << lists.status().to_string();
  Tally t;
  {
    const std::string dir = data + "/yente_candidate_generation/";
    auto treated = read_person_rows(dir + "positives_un_treated.csv", 0);
    auto clean = read_person_rows(dir + "positives_un_untreated.csv", 0);
    ASSERT_TRUE(treated.ok() && clean.ok());
    ASSERT_EQ(treated->size(), clean->size());
    NameKeyMap keys(lists->un);
    auto screener = single_list_screener("un_sc_sanctions", lists->un);
    for (size_t i = 0; i < treated->size(); ++i) {
      const std::vector<std::string> targets = keys.find((*clean)[i].full_name);
      if (!targets.empty()) screen_both(*screener, person_query((*treated)[i], true), targets.front(), t);
    }
  }
  {
    auto rows = read_person_rows(data + "/yente_candidate_generation/positives_us_congress_untreated.csv", 0);
    ASSERT_TRUE(rows.ok());
    NameKeyMap keys(lists->congress);
    auto screener = single_list_screener("us_congress", lists->congress);
    for (const PersonRow& row : *rows) {
      const std::vector<std::string> targets = keys.find(row.full_name);
      if (!targets.empty()) screen_both(*screener, person_query(row, true), targets.front(), t);
    }
  }
  ASSERT_GT(t.queries, 900u);  // both sets were read and mapped
  ASSERT_GT(t.scan_found, 900u);
  std::string lost;
  for (const std::string& q : t.lost) lost += " \"" + q + "\"";
  EXPECT_GE(double(t.index_found_too), 0.995 * double(t.scan_found))
      << t.index_found_too << " of " << t.scan_found << " labelled entities the scan finds; lost e.g." << lost;
  RecordProperty("same_top10", std::to_string(t.same_top10) + " of " + std::to_string(t.queries));
  std::printf("index vs scan: labelled entity %zu of %zu; whole top 10 the same on %zu of %zu queries\n",
              t.index_found_too, t.scan_found, t.same_top10, t.queries);
}

}  // namespace
}  // namespace sekisho::eval
