// The `sekisho screen` contract scripts rely on: one JSON line per input row,
// in input order, with the documented fields; bad rows reported, not fatal
// unless --strict; clear errors for a missing column or an unknown list.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "support/subprocess.hpp"
#include "support/temp_home.hpp"
#include "support/shared_data.hpp"

namespace sekisho {
namespace {

using testing::run_process;
using testing::RunResult;
using testing::TempHome;

class ScreenCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    home_ = new TempHome("screen-cli");
    RunResult r = run_process({SEKISHO_BINARY, "--home", home_->str(), "import", "un-xml",
                               std::string(SEKISHO_SHARED_DATA) + "/un/consolidated_2026-02-27.xml"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete home_; }

  static RunResult screen(std::vector<std::string> extra, const std::string& input) {
    std::vector<std::string> args = {SEKISHO_BINARY, "--home", home_->str(), "screen", "--input", "-", "--output", "-"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_process(args, {}, input);
  }

  static std::vector<nlohmann::json> lines(const std::string& out) {
    std::vector<nlohmann::json> v;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) v.push_back(nlohmann::json::parse(line));
    return v;
  }

  static TempHome* home_;
};
TempHome* ScreenCommand::home_ = nullptr;

TEST_F(ScreenCommand, OneLinePerRowInInputOrderWithDocumentedFields) {
  std::string input =
      "id,name,schema,birth_date,country\n"
      "a1,Jimmy Cherizier,Person,,\n"
      "a2,Gina Hubbard,Person,,\n"
      "a3,\"CHERIZIER, Jimmy\",,,\n";
  RunResult r = screen({}, input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0]["id"], "a1");
  EXPECT_EQ(out[1]["id"], "a2");
  EXPECT_EQ(out[2]["id"], "a3");
  ASSERT_FALSE(out[0]["matches"].empty());
  const auto& m = out[0]["matches"][0];
  EXPECT_EQ(m["entity_id"], "un_sc_sanctions-HTi.001");
  EXPECT_EQ(m["list"], "un_sc_sanctions");
  EXPECT_EQ(m["schema"], "Person");
  EXPECT_TRUE(m.contains("caption"));
  EXPECT_TRUE(m.contains("matched_name"));
  EXPECT_TRUE(m["explanation"].is_object());
  EXPECT_GE(m["score"].get<double>(), 0.9);
  EXPECT_LE(m["score"].get<double>(), 1.0);
  EXPECT_TRUE(out[1]["matches"].empty());
  ASSERT_FALSE(out[2]["matches"].empty());
}

// Issue 17: a query written surname-first with a comma states its order, as a listed
// "CHERIZIER, Jimmy" does: it meets the names listed in natural order (UN, MOF) as exactly as
// the one listed so (OFAC), while the same words without the comma are a reordering of them.
TEST_F(ScreenCommand, AQueryInvertedAroundACommaMeetsNamesListedInNaturalOrder) {
  RunResult r = screen({}, "id,name\ncomma,\"CHERIZIER, Jimmy\"\nswapped,Cherizier Jimmy\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 2u);
  auto score_of = [](const nlohmann::json& row, const std::string& entity) {
    for (const auto& m : row["matches"]) {
      if (m["entity_id"] == entity) return m["score"].get<double>();
    }
    return 0.0;
  };
  EXPECT_DOUBLE_EQ(score_of(out[0], "un_sc_sanctions-HTi.001"), 1.0) << out[0].dump().substr(0, 600);
  const double swapped = score_of(out[1], "un_sc_sanctions-HTi.001");
  EXPECT_GT(swapped, 0.75) << out[1].dump().substr(0, 600);
  EXPECT_LT(swapped, 1.0);
}

TEST_F(ScreenCommand, MatchesAreSortedByScoreAndLimited) {
  RunResult r = screen({"--threshold", "0.3", "--limit", "3"}, "id,name\nq,Mohammad\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 1u);
  const auto& ms = out[0]["matches"];
  ASSERT_LE(ms.size(), 3u);
  ASSERT_GE(ms.size(), 2u);
  for (size_t i = 1; i < ms.size(); ++i) EXPECT_GE(ms[i - 1]["score"].get<double>(), ms[i]["score"].get<double>());
}

TEST_F(ScreenCommand, BadRowsAreReportedAndTheBatchGoesOn) {
  RunResult r = screen({}, "id,name,schema\nok,Jimmy Cherizier,Person\nbad,,Person\nbad2,Someone,Spaceship\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_FALSE(out[0].contains("error"));
  EXPECT_NE(out[1]["error"].get<std::string>().find("<stdin>:3"), std::string::npos) << out[1];
  EXPECT_NE(out[1]["error"].get<std::string>().find("empty name"), std::string::npos);
  EXPECT_NE(out[2]["error"].get<std::string>().find("Spaceship"), std::string::npos);
  EXPECT_NE(r.err.find("2 of 3 rows had errors"), std::string::npos) << r.err;
}

// Issue 21 regression: one row of half a megabyte overflowed the stack and no
// row of the batch was written.
TEST_F(ScreenCommand, AHugeNameIsRefusedAndEveryOtherRowIsScreened) {
  std::string huge;
  for (int i = 0; i < 25000; ++i) huge += "Ivanov Иванов ";
  RunResult r = screen({}, "id,name\nbefore,Jimmy Cherizier\nbig," + huge + "\nafter,Jimmy Cherizier\n");
  ASSERT_EQ(r.exit_code, 0) << r.err.substr(0, 500);
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0]["matches"][0]["entity_id"], "un_sc_sanctions-HTi.001");
  EXPECT_NE(out[1]["error"].get<std::string>().find("bytes long"), std::string::npos) << out[1].dump().substr(0, 300);
  EXPECT_NE(out[1]["error"].get<std::string>().find("<stdin>:3"), std::string::npos);
  EXPECT_EQ(out[2]["matches"][0]["entity_id"], "un_sc_sanctions-HTi.001");
}

TEST_F(ScreenCommand, StrictStopsAtTheFirstBadRow) {
  RunResult r = screen({"--strict"}, "id,name\nok,Jimmy Cherizier\nbad,\n");
  EXPECT_EQ(r.exit_code, 64);
  EXPECT_NE(r.err.find("<stdin>:3"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(ScreenCommand, MissingColumnAndUnknownListAreErrors) {
  RunResult missing = screen({}, "identifier,full_name\n1,x\n");
  EXPECT_EQ(missing.exit_code, 65);
  EXPECT_NE(missing.err.find("no 'id' column"), std::string::npos) << missing.err;
  RunResult unknown = screen({"--lists", "nope"}, "id,name\n1,x\n");
  EXPECT_EQ(unknown.exit_code, 66);
  EXPECT_NE(unknown.err.find("unknown list 'nope'"), std::string::npos) << unknown.err;
}

TEST_F(ScreenCommand, InvalidUtf8RowIsReported) {
  RunResult r = screen({}, "id,name\n1,Jimmy Cherizier\n2,Bad\xff\xfeName\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_NE(out[1]["error"].get<std::string>().find("UTF-8"), std::string::npos);
}

TEST_F(ScreenCommand, CsvFormatHasAHeaderAndOneRowPerMatch) {
  RunResult r = screen({"--format", "csv"}, "id,name\nx,Jimmy Cherizier\ny,Gina Hubbard\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "id,entity_id,list,schema,caption,matched_name,score,error");
  EXPECT_NE(r.out.find("x,un_sc_sanctions-HTi.001,un_sc_sanctions,Person,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\ny,,,,,,,"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace sekisho
