// Screening with the list version in force on the decision date: two real
// versions of the BIS Denied Persons List (2019-07 and 2022-09) in one store,
// and a company the later one names (AEROCARGO DEL SUR, denial order of
// 2022-08-02). A decision dated between the two must screen the first and
// miss it; one dated after must screen the second and deny under GP4; one
// dated before both says that only a later version existed and was used.
#include <nlohmann/json.hpp>

#include "rules_test_util.hpp"
#include "sekisho/lists.hpp"
#include "sekisho/store.hpp"
#include "support/shared_data.hpp"
#include "support/temp_home.hpp"

namespace sekisho::rules {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kGp4 = "US.736.2.GP4.DENIED_PERSON";

ListVersion stored(int version, std::string created_at, std::string published) {
  ListVersion v;
  v.list_id = "us_bis_denied";
  v.version = version;
  v.created_at = std::move(created_at);
  v.publication_date = std::move(published);
  return v;
}

TEST(VersionInForce, LatestPublishedOnOrBeforeTheDecisionDate) {
  const std::vector<ListVersion> versions = {stored(1, "2026-12-01T10:00:00Z", "2019-07-01"),
                                             stored(2, "2026-12-01T10:05:00Z", "2022-09-01")};
  EXPECT_EQ(version_in_force(versions, "2021-06-30").version, 1);
  EXPECT_EQ(version_in_force(versions, "2022-08-31").version, 1);
  EXPECT_EQ(version_in_force(versions, "2022-09-01").version, 2);  // in force on its own date
  EXPECT_EQ(version_in_force(versions, "2026-12-07").version, 2);
  EXPECT_FALSE(version_in_force(versions, "2022-09-01").later_than_decision);
  EXPECT_EQ(version_in_force(versions, "2022-09-01").effective_date, "2022-09-01");
}

TEST(VersionInForce, OnlyALaterVersionIsUsedAndMarked) {
  const std::vector<ListVersion> versions = {stored(1, "2026-12-01T10:00:00Z", "2019-07-01"),
                                             stored(2, "2026-12-01T10:05:00Z", "2022-09-01")};
  const ScreenedList l = version_in_force(versions, "2019-06-30");
  EXPECT_EQ(l.version, 1);  // the earliest later one
  EXPECT_TRUE(l.later_than_decision);
}

TEST(VersionInForce, WithoutAPublicationDateTheImportDayCounts) {
  const std::vector<ListVersion> versions = {stored(1, "2024-03-01T09:00:00Z", ""),
                                             stored(2, "2024-05-02T09:00:00Z", "")};
  EXPECT_EQ(version_in_force(versions, "2024-04-15").version, 1);
  EXPECT_EQ(version_in_force(versions, "2024-05-02").version, 2);
  EXPECT_EQ(version_in_force(versions, "2024-05-02").effective_date, "2024-05-02");
}

class DatedDeniedPersons : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    home_ = new sekisho::testing::TempHome("list-versions");
    auto store = ListStore::open(home_->path());
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    // The DPL text files state no publication date; their snapshot months do.
    for (const auto& [file, published] :
         {std::pair{"us_bis/dpl_2019-07.txt", "2019-07-01"}, std::pair{"us_bis/dpl_2022-09.txt", "2022-09-01"}}) {
      auto parsed = parse_list("bis-dpl", {fs::path(SEKISHO_SHARED_DATA) / file}, {.list_id = "us_bis_denied"});
      ASSERT_TRUE(parsed.ok()) << parsed.status().to_string();
      parsed->publication_date = published;
      auto imported = (*store)->import_list("us_bis_denied", *parsed);
      ASSERT_TRUE(imported.ok()) << imported.status().to_string();
    }
    store_ = store->release();
  }
  static void TearDownTestSuite() {
    delete store_;
    delete home_;
  }

  // A US-origin EAR99 item sold to the company only the 2022 list names.
  static TransferRequest request(const std::string& as_of) {
    TransferRequest r;
    r.id = "dated-dpl";
    r.as_of = as_of;
    r.item.id = "valves";
    r.item.classifications["US_ECCN"] = {"EAR99"};
    r.item.origin = "US";
    r.item.us_content_pct = 100;
    Hop hop;
    hop.from = {"Pacific Components Inc", "US", "company", {}, ""};
    hop.to = {"Aerocargo del Sur Transportation Company", "VE", "company", {}, ""};
    r.hops.push_back(hop);
    return r;
  }

  static Decision decide(const TransferRequest& r) {
    auto screener = ListScreener::from_store(*store_, {"us_bis_denied"}, {.as_of = r.as_of});
    EXPECT_TRUE(screener.ok()) << screener.status().to_string();
    auto d = testing::shipped_policy().decide(r, screener->get());
    EXPECT_TRUE(d.ok()) << d.status().to_string();
    return std::move(*d);  // moved, not copied: trace entries point into its screened hits
  }

  // The decision screened one list, at `version`; `later`: no version was in force on the date.
  static void expect_screened(const Decision& d, int version, bool later) {
    ASSERT_EQ(d.screened_lists.size(), 1u);
    EXPECT_EQ(d.screened_lists[0].version, version);
    EXPECT_EQ(d.screened_lists[0].later_than_decision, later);
  }

  static const TraceEntry* gp4(const Decision& d) {
    for (const TraceEntry& t : d.trace) {
      if (t.rule_id == kGp4) return &t;
    }
    return nullptr;
  }

  static inline sekisho::testing::TempHome* home_ = nullptr;
  static inline ListStore* store_ = nullptr;
};

TEST_F(DatedDeniedPersons, AfterTheLaterVersionThePartyIsDenied) {
  const TransferRequest r = request("2023-01-10");
  const Decision d = decide(r);
  expect_screened(d, 2, false);
  EXPECT_EQ(d.decision, Outcome::kDeny);
  const TraceEntry* t = gp4(d);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->reason, Reason::kFired) << format_decision_text(d, r);
  ASSERT_NE(t->hit, nullptr);
  EXPECT_EQ(t->hit->list_version, 2);
  const auto json = nlohmann::json::parse(decision_to_json(d, r));
  EXPECT_EQ(json["screening"]["lists"][0]["version"], 2);
  EXPECT_EQ(json["screening"]["lists"][0]["effective_date"], "2022-09-01");
}

TEST_F(DatedDeniedPersons, BetweenTheVersionsTheEarlierOneIsScreenedAndMissesIt) {
  const TransferRequest r = request("2021-01-10");
  const Decision d = decide(r);
  expect_screened(d, 1, false);
  const TraceEntry* t = gp4(d);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->reason, Reason::kNotApplicable) << format_decision_text(d, r);
  EXPECT_NE(d.decision, Outcome::kDeny) << format_decision_text(d, r);
  EXPECT_NE(format_decision_text(d, r).find("us_bis_denied: v1 in force from 2019-07-01"), std::string::npos);
}

TEST_F(DatedDeniedPersons, BeforeEveryVersionTheOutputSaysALaterOneWasUsed) {
  const TransferRequest r = request("2018-05-01");
  const Decision d = decide(r);
  expect_screened(d, 1, true);
  EXPECT_NE(format_decision_text(d, r).find("no version in force on 2018-05-01"), std::string::npos);
  const auto json = nlohmann::json::parse(decision_to_json(d, r));
  EXPECT_EQ(json["screening"]["lists"][0]["later_than_decision_date"], true);
}

TEST_F(DatedDeniedPersons, WithoutADecisionDateTheLatestVersionIsScreened) {
  auto screener = ListScreener::from_store(*store_, {"us_bis_denied"});
  ASSERT_TRUE(screener.ok());
  ASSERT_EQ((*screener)->screened_lists().size(), 1u);
  EXPECT_EQ((*screener)->screened_lists()[0].version, 2);
}

}  // namespace
}  // namespace sekisho::rules
