// `sekisho compare --input pairs.csv`: the id,schema,name_a,name_b contract
// in, id,score,match out, one row per pair in input order.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/subprocess.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

using testing::run_process;
using testing::RunResult;
using testing::TempHome;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(CompareCommand, ScoresEveryPairOfTheFileInOrder) {
  TempHome dir("compare-cli");
  const std::string pairs = (dir.path() / "pairs.csv").string();
  std::ofstream(pairs) << "id,schema,name_a,name_b\n"
                          "p1,Person,Vladimir Putin,Владимир Путин\n"
                          "p2,Organization,Gazprom Burenie LLC,ООО Газпром бурение\n"
                          "p3,,John Smith,Maria Gonzalez\n";
  RunResult r = run_process({SEKISHO_BINARY, "compare", "--input", pairs, "--output", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> out = lines_of(r.out);
  ASSERT_EQ(out.size(), 4u) << r.out;
  EXPECT_EQ(out[0], "id,score,match");
  EXPECT_EQ(out[1].rfind("p1,", 0), 0u);
  EXPECT_NE(out[1].find(",true"), std::string::npos) << out[1];
  EXPECT_EQ(out[2].rfind("p2,", 0), 0u);
  EXPECT_NE(out[2].find(",true"), std::string::npos) << out[2];
  EXPECT_EQ(out[3].rfind("p3,", 0), 0u);
  EXPECT_NE(out[3].find(",false"), std::string::npos) << out[3];
}

TEST(CompareCommand, UnknownSchemaNamesTheRow) {
  TempHome dir("compare-cli-bad");
  const std::string pairs = (dir.path() / "pairs.csv").string();
  std::ofstream(pairs) << "id,schema,name_a,name_b\np1,Spaceship,A,B\n";
  RunResult r = run_process({SEKISHO_BINARY, "compare", "--input", pairs, "--output", "-"});
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_NE(r.err.find("pairs.csv:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'Spaceship'"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sekisho
