// Issue 20 §1: every command that answers from the lists says how old they are.
// `lists`, `search` and `screen` show the publisher's date and age, flag lists
// older than their publisher's cadence, and show catalogue lists the store
// lacks as missing. The bundled UN file (2026-02-27) is older than the UN's
// 14-day cadence by the time these tests run, so it is stale; the EU list is in
// the catalogue but not imported here, so it is missing.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

#include "support/subprocess.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

using testing::run_process;
using testing::RunResult;
using testing::TempHome;

int64_t seconds_since(int y, int m, int d) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now() -
                                                          std::chrono::system_clock::from_time_t(timegm(&tm)))
      .count();
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

class ListAge : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    home_ = new TempHome("list-age-cli");
    RunResult un = run({"import", "un-xml", std::string(SEKISHO_SHARED_DATA) + "/un/consolidated_2026-02-27.xml"});
    ASSERT_EQ(un.exit_code, 0) << un.err;
    RunResult sdn = run({"import", "ofac-csv", std::string(SEKISHO_SHARED_DATA) + "/ofac/sdn_csv_2021-07"});
    ASSERT_EQ(sdn.exit_code, 0) << sdn.err;
  }
  static void TearDownTestSuite() { delete home_; }

  static RunResult run(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {SEKISHO_BINARY, "--home", home_->str()});
    return run_process(args, {}, input);
  }

  static const nlohmann::json* entry(const nlohmann::json& lists, const std::string& id) {
    for (const nlohmann::json& l : lists) {
      if (l["list"] == id) return &l;
    }
    return nullptr;
  }

  static TempHome* home_;
};
TempHome* ListAge::home_ = nullptr;

TEST_F(ListAge, ListsJsonGivesThePublishersDateItsSourceAndAge) {
  RunResult r = run({"lists", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  const nlohmann::json* un = entry(j, "un_sc_sanctions");
  ASSERT_NE(un, nullptr) << r.out;
  EXPECT_EQ((*un)["publication_date"], "2026-02-27");
  EXPECT_EQ((*un)["publication_date_source"], "file");
  int64_t age = (*un)["age_seconds"];
  EXPECT_NEAR(static_cast<double>(age), static_cast<double>(seconds_since(2026, 2, 27)), 120.0);
  EXPECT_EQ((*un)["max_age_days"], 14);
  EXPECT_EQ((*un)["state"], "stale");
  EXPECT_TRUE((*un)["stale"].get<bool>());
  // The SDN CSV set states no date; its folder does.
  const nlohmann::json* sdn = entry(j, "us_ofac_sdn");
  ASSERT_NE(sdn, nullptr);
  EXPECT_EQ((*sdn)["publication_date"], "2021-07");
  EXPECT_EQ((*sdn)["publication_date_source"], "file name");
  EXPECT_EQ((*sdn)["state"], "stale");
  const nlohmann::json* eu = entry(j, "eu_fsf");
  ASSERT_NE(eu, nullptr) << "a catalogue list not in the store must be shown";
  EXPECT_EQ((*eu)["state"], "missing");
  EXPECT_TRUE((*eu)["missing"].get<bool>());
}

TEST_F(ListAge, ListsTableFlagsStaleAndMissingLists) {
  RunResult r = run({"lists"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t un = r.out.find("un_sc_sanctions");
  ASSERT_NE(un, std::string::npos) << r.out;
  std::string un_line = r.out.substr(un, r.out.find('\n', un) - un);
  EXPECT_NE(un_line.find("2026-02-27"), std::string::npos) << un_line;
  EXPECT_NE(un_line.find("STALE"), std::string::npos) << un_line;
  size_t eu = r.out.find("eu_fsf");
  ASSERT_NE(eu, std::string::npos) << r.out;
  EXPECT_NE(r.out.substr(eu, r.out.find('\n', eu) - eu).find("MISSING"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 lists, "), std::string::npos) << r.out;
}

TEST_F(ListAge, ScreenHeadsTheRunWithAgesAndWarnsOnce) {
  RunResult r = run({"screen", "--input", "-", "--output", "-"}, "id,name\na,Jimmy Cherizier\nb,Gina Hubbard\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("sekisho: lists: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("un_sc_sanctions v1 (2026-02-27, "), std::string::npos) << r.err;
  EXPECT_EQ(count(r.err, "warning:"), 1u) << r.err;
  EXPECT_NE(r.err.find("un_sc_sanctions published 2026-02-27, older than its 14-day cadence"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("eu_fsf is not loaded"), std::string::npos) << r.err;
  nlohmann::json first = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
  ASSERT_FALSE(first["matches"].empty()) << r.out;
  EXPECT_EQ(first["matches"][0]["list_version"], 1);
  EXPECT_EQ(first["matches"][0]["list_published"], "2026-02-27");
  EXPECT_EQ(first["matches"][0]["list_state"], "stale");
}

TEST_F(ListAge, ScreeningOnlyNamedListsWarnsOnlyAboutThem) {
  RunResult r = run({"screen", "--lists", "un_sc_sanctions", "--input", "-", "--output", "-", "--format", "csv"},
                    "id,name\na,Jimmy Cherizier\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("eu_fsf"), std::string::npos) << r.err;
  EXPECT_EQ(count(r.err, "warning:"), 1u) << r.err;
  EXPECT_NE(r.out.find(",1,2026-02-27,stale,\n"), std::string::npos) << r.out;  // incomplete_reason, empty, last
}

TEST_F(ListAge, SearchShowsEachHitsListVersionAndAge) {
  RunResult r = run({"search", "Jimmy Cherizier"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t hit = r.out.find("un_sc_sanctions");
  ASSERT_NE(hit, std::string::npos) << r.out;
  std::string line = r.out.substr(hit, r.out.find('\n', hit) - hit);
  EXPECT_NE(line.find("2026-02-27"), std::string::npos) << line;
  EXPECT_NE(line.find("STALE"), std::string::npos) << line;
  EXPECT_NE(r.err.find("warning:"), std::string::npos) << r.err;

  RunResult j = run({"search", "Jimmy Cherizier", "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  nlohmann::json out = nlohmann::json::parse(j.out);
  EXPECT_EQ(out["query"], "Jimmy Cherizier");
  ASSERT_FALSE(out["hits"].empty());
  EXPECT_EQ(out["hits"][0]["entity_id"], "un_sc_sanctions-HTi.001");
  EXPECT_EQ(out["hits"][0]["list_version"], 1);
  EXPECT_EQ(out["hits"][0]["list_state"], "stale");
  EXPECT_TRUE(out["hits"][0]["explanation"].is_object());
  const nlohmann::json* eu = entry(out["lists"], "eu_fsf");
  ASSERT_NE(eu, nullptr);
  EXPECT_EQ((*eu)["state"], "missing");
}

}  // namespace
}  // namespace sekisho
