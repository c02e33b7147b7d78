// The import / lists / diff contract, driven through the real binary.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/shared_data.hpp"
#include "support/subprocess.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

using testing::run_process;
using testing::RunResult;
using testing::TempHome;

const std::string kData = SEKISHO_SHARED_DATA;

RunResult sekisho(const TempHome& home, std::vector<std::string> args) {
  args.insert(args.begin(), {SEKISHO_BINARY, "--home", home.str()});
  return run_process(args);
}

TEST(CliImport, UnknownFormatIsAUsageErrorListingKnownFormats) {
  TempHome home("cli-fmt");
  RunResult r = sekisho(home, {"import", "ofac-cvs", kData + "/ofac/sdn_csv_2021-07"});
  EXPECT_EQ(r.exit_code, 64);
  EXPECT_NE(r.err.find("unknown format 'ofac-cvs'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("ofac-csv"), std::string::npos) << r.err;
}

TEST(CliImport, BrokenFileNamesFileAndLineAndStoresNothing) {
  TempHome home("cli-bad");
  ASSERT_EQ(sekisho(home, {"import", "ofac-csv", kData + "/ofac/sdn_csv_2019-01", "--list", "sdn"}).exit_code, 0);
  RunResult r = sekisho(home, {"import", "ofac-csv", kData + "/ofac/invalid_watchman/sdn.csv", "--list", "sdn"});
  EXPECT_EQ(r.exit_code, 65);  // EX_DATAERR
  // The file and the line: the watchman file's one bad line is its last, 7380.
  EXPECT_NE(r.err.find("invalid_watchman/sdn.csv:7380:"), std::string::npos) << r.err;
  RunResult lists = sekisho(home, {"lists", "sdn"});
  EXPECT_EQ(lists.exit_code, 0);
  // Still only version 1 with its 7,379 entities.
  EXPECT_NE(lists.out.find(" 7379 "), std::string::npos) << lists.out;
  EXPECT_EQ(lists.out.find("\nsdn                      2"), std::string::npos) << lists.out;
}

TEST(CliImport, EmptyAndInvalidUtf8FilesAreRejected) {
  TempHome home("cli-empty");
  std::string empty = (home.path() / "empty.xml").string();
  std::ofstream(empty).close();
  RunResult r = sekisho(home, {"import", "un-xml", empty});
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_NE(r.err.find("empty"), std::string::npos) << r.err;
  std::string bad = (home.path() / "bad.xml").string();
  std::ofstream(bad) << "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\xff\xfe</INDIVIDUALS></CONSOLIDATED_LIST>\n";
  r = sekisho(home, {"import", "un-xml", bad});
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_NE(r.err.find("bad.xml:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("UTF-8"), std::string::npos) << r.err;
}

TEST(CliDiff, UnVersionsShowAddedRemovedChanged) {
  TempHome home("cli-diff");
  ASSERT_EQ(sekisho(home, {"import", "un-xml", kData + "/un/consolidated_2025-04-19.xml"}).exit_code, 0);
  RunResult second = sekisho(home, {"import", "un-xml", kData + "/un/consolidated_2026-02-27.xml"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("version 2 created, 1003 entities"), std::string::npos) << second.out;
  RunResult again = sekisho(home, {"import", "un-xml", kData + "/un/consolidated_2026-02-27.xml"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("unchanged"), std::string::npos) << again.out;

  RunResult d = sekisho(home, {"diff", "un_sc_sanctions", "1", "2", "--json"});
  ASSERT_EQ(d.exit_code, 0) << d.err;
  // 877 → 1003 entities: the counts must add up (1003 = 877 + added - removed).
  auto json = nlohmann::json::parse(d.out);
  int added = json["counts"]["added"], removed = json["counts"]["removed"];
  EXPECT_EQ(json["added"].size(), static_cast<size_t>(added));
  EXPECT_GT(added, 0);
  EXPECT_GT(removed, 0);
  EXPECT_EQ(877 + added - removed, 1003);
  EXPECT_NE(d.out.find("un_sc_sanctions-QDi.317"), std::string::npos);  // delisted between the versions

  RunResult unknown = sekisho(home, {"diff", "no_such_list"});
  EXPECT_EQ(unknown.exit_code, 66);
}

TEST(CliLists, EmptyStoreSaysSo) {
  TempHome home("cli-lists");
  RunResult r = sekisho(home, {"lists"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("No lists"), std::string::npos);
}

}  // namespace
}  // namespace sekisho
