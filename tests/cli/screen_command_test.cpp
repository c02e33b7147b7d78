// The `sekisho screen` contract scripts rely on: one JSON line per input row,
// in input order, with the documented fields; bad rows reported, not fatal
// unless --strict; clear errors for a missing column or an unknown list.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "support/shared_data.hpp"
#include "support/subprocess.hpp"
#include "support/temp_home.hpp"

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
  // Every row is written, but the run says rows went unscreened (issue 20).
  ASSERT_EQ(r.exit_code, 65) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_FALSE(out[0].contains("error"));
  EXPECT_NE(out[1]["error"].get<std::string>().find("<stdin>:3"), std::string::npos) << out[1];
  EXPECT_NE(out[1]["error"].get<std::string>().find("empty name"), std::string::npos);
  EXPECT_NE(out[2]["error"].get<std::string>().find("Spaceship"), std::string::npos);
  EXPECT_NE(r.err.find("3 rows: 1 screened, 2 refused"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 of 3 rows refused"), std::string::npos) << r.err;
}

// Issue 21 regression: one row of half a megabyte overflowed the stack and no
// row of the batch was written.
TEST_F(ScreenCommand, AHugeNameIsRefusedAndEveryOtherRowIsScreened) {
  std::string huge;
  for (int i = 0; i < 25000; ++i) huge += "Ivanov Иванов ";
  RunResult r =
      screen({"--allow-refused"}, "id,name\nbefore,Jimmy Cherizier\nbig," + huge + "\nafter,Jimmy Cherizier\n");
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
  RunResult r = screen({"--allow-refused"}, "id,name\n1,Jimmy Cherizier\n2,Bad\xff\xfeName\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_NE(out[1]["error"].get<std::string>().find("UTF-8"), std::string::npos);
}

TEST_F(ScreenCommand, CsvFormatHasAHeaderAndOneRowPerMatch) {
  RunResult r = screen({"--format", "csv"}, "id,name\nx,Jimmy Cherizier\ny,Gina Hubbard\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Issue 20 added the list's version and age after `error`: the first eight columns stay as they were.
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "id,entity_id,list,schema,caption,matched_name,score,error,list_version,list_published,list_state,"
            "incomplete_reason");
  EXPECT_NE(r.out.find("x,un_sc_sanctions-HTi.001,un_sc_sanctions,Person,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\ny,,,,,,,"), std::string::npos) << r.out;
}

// Issue 20 §2: a batch run cannot fail silently. Refused rows make the run exit
// 65 (unless --allow-refused), a summary goes to stderr, and dates whose order
// is a guess (07/10/1952) or countries sekisho does not know (ZZ) are refused
// with the line and the field named, or read under an explicit --date-order.
TEST_F(ScreenCommand, ACleanBatchExitsZeroWithASummary) {
  RunResult r = screen({}, "id,name,birth_date,country\na,Jimmy Cherizier,1977-03-30,HT\nb,Gina Hubbard,,JP\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("2 rows: 2 screened, 0 refused, 1 with hits"), std::string::npos) << r.err;
}

TEST_F(ScreenCommand, ARefusedRowMakesTheRunExit65AfterWritingEveryRow) {
  RunResult r = screen({}, "id,name\na,Jimmy Cherizier\nb,\nc,Gina Hubbard\n");
  EXPECT_EQ(r.exit_code, 65);
  ASSERT_EQ(lines(r.out).size(), 3u);
  EXPECT_NE(r.err.find("3 rows: 2 screened, 1 refused"), std::string::npos) << r.err;
  RunResult allowed = screen({"--allow-refused"}, "id,name\na,Jimmy Cherizier\nb,\nc,Gina Hubbard\n");
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_NE(allowed.err.find("1 refused"), std::string::npos) << allowed.err;
}

TEST_F(ScreenCommand, AnAmbiguousDateIsRefusedNamingLineAndField) {
  RunResult r = screen({}, "id,name,birth_date\na,Jimmy Cherizier,07/10/1952\n");
  EXPECT_EQ(r.exit_code, 65);
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 1u);
  std::string error = out[0]["error"];
  EXPECT_NE(error.find("<stdin>:2"), std::string::npos) << error;
  EXPECT_NE(error.find("birth_date"), std::string::npos) << error;
  EXPECT_NE(error.find("07/10/1952"), std::string::npos) << error;
  EXPECT_NE(error.find("--date-order"), std::string::npos) << error;
}

TEST_F(ScreenCommand, DatesThatReadOneWayOnlyAreAccepted) {
  // 30 cannot be a month, and equal fields read the same either way.
  RunResult r = screen({}, "id,name,birth_date\na,Jimmy Cherizier,30/03/1977\nb,Jimmy Cherizier,03/03/1977\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// The stated order decides: IBRAIMA CAMARÁ (UN GBi.001) was born 1964-05-11, so
// 11/05/1964 is the listed date under dmy, and under mdy (5 November) it is not
// (the scorer calls a day/month swap "compatible", never a match).
TEST_F(ScreenCommand, DateOrderReadsAmbiguousDates) {
  auto birth_outcome = [](const RunResult& r) {
    auto out = lines(r.out);
    EXPECT_EQ(out.size(), 1u) << r.err;
    if (out.empty() || out[0]["matches"].empty()) return std::string("no hit");
    for (const auto& q : out[0]["matches"][0]["explanation"]["score"]["qualifiers"]) {
      if (q["qualifier"] == "birth_date") return q["outcome"].get<std::string>();
    }
    return std::string("no birth_date qualifier");
  };
  const std::string row = "id,name,birth_date\na,Ibraima Camara,11/05/1964\n";
  RunResult unstated = screen({}, row);
  EXPECT_EQ(unstated.exit_code, 65) << "11/05/1964 is ambiguous";
  RunResult dmy = screen({"--date-order", "dmy"}, row);
  ASSERT_EQ(dmy.exit_code, 0) << dmy.err;
  EXPECT_EQ(birth_outcome(dmy), "match") << dmy.out;
  RunResult mdy = screen({"--date-order", "mdy", "--threshold", "0.1"}, row);
  ASSERT_EQ(mdy.exit_code, 0) << mdy.err;
  EXPECT_NE(birth_outcome(mdy), "match") << mdy.out;
  EXPECT_NE(birth_outcome(mdy), "no hit") << mdy.out;
  // A date that contradicts the stated order is refused, not swapped.
  RunResult mdy_wrong = screen({"--date-order", "mdy"}, "id,name,birth_date\na,Jimmy Cherizier,30/03/1977\n");
  EXPECT_EQ(mdy_wrong.exit_code, 65) << "30 is no month under mdy";
  EXPECT_NE(mdy_wrong.out.find("month/day/year"), std::string::npos) << mdy_wrong.out;
  RunResult ymd_wrong = screen({"--date-order", "ymd"}, "id,name,birth_date\na,Jimmy Cherizier,07/10/1952\n");
  EXPECT_EQ(ymd_wrong.exit_code, 65);
  RunResult bad = screen({"--date-order", "dym"}, "id,name\na,x\n");
  EXPECT_EQ(bad.exit_code, 64);
}

TEST_F(ScreenCommand, AnUnknownCountryIsRefusedNamingLineAndField) {
  RunResult r = screen({}, "id,name,country\na,Jimmy Cherizier,HT\nb,Jimmy Cherizier,ZZ\nc,Jimmy Cherizier,Haiti;RU\n");
  EXPECT_EQ(r.exit_code, 65);
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_FALSE(out[0].contains("error"));
  EXPECT_FALSE(out[2].contains("error")) << out[2];
  std::string error = out[1]["error"];
  EXPECT_NE(error.find("<stdin>:3"), std::string::npos) << error;
  EXPECT_NE(error.find("field country"), std::string::npos) << error;
  EXPECT_NE(error.find("'ZZ'"), std::string::npos) << error;
}

// Issue 21 §1: a row whose screening spends its work budget is marked in every format and
// fails the run, --allow-refused or not: an incomplete screening is never a clean row. Two common
// words reach many listed names, so one comparison cannot cover them.
TEST_F(ScreenCommand, ARowScreenedShortOfItsBudgetIsMarkedAndFailsTheRun) {
  const std::string input = "id,name\na,Mohammed Ali\n";
  RunResult full = screen({}, input);
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_FALSE(lines(full.out)[0].contains("complete"));

  RunResult cut = screen({"--max-pairs", "1", "--allow-refused"}, input);
  EXPECT_EQ(cut.exit_code, 65) << cut.err;
  auto out = lines(cut.out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["complete"], false);
  EXPECT_NE(out[0]["incomplete_reason"].get<std::string>().find("work budget"), std::string::npos) << cut.out;
  EXPECT_NE(cut.err.find("1 not screened in full"), std::string::npos) << cut.err;

  RunResult csv = screen({"--max-pairs", "1", "--format", "csv"}, input);
  EXPECT_EQ(csv.exit_code, 65) << csv.err;
  const std::string row = csv.out.substr(csv.out.find('\n') + 1);
  EXPECT_NE(row.find(",work budget spent: "), std::string::npos) << csv.out;
}

TEST_F(ScreenCommand, ASearchCutShortSaysSoAndExits65) {
  RunResult full = run_process({SEKISHO_BINARY, "--home", home_->str(), "search", "--json", "Mohammed Ali"});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_FALSE(nlohmann::json::parse(full.out).contains("complete"));
  RunResult cut =
      run_process({SEKISHO_BINARY, "--home", home_->str(), "search", "--json", "--max-pairs", "1", "Mohammed Ali"});
  EXPECT_EQ(cut.exit_code, 65) << cut.err;
  nlohmann::json j = nlohmann::json::parse(cut.out);
  EXPECT_EQ(j["complete"], false);
  EXPECT_NE(j["incomplete_reason"].get<std::string>().find("work budget"), std::string::npos) << cut.out;
  EXPECT_NE(cut.err.find("not screened in full"), std::string::npos) << cut.err;
}

}  // namespace
}  // namespace sekisho
