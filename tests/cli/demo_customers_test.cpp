// The demo's last step (issue 20 §6), in CI: data/demo/customers.csv screened
// against the lists the listed customers are on. The listed ones are found on
// the list that names them; the others are not hits; the run is clean.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "support/subprocess.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

using testing::run_process;
using testing::RunResult;
using testing::TempHome;

TEST(DemoCustomers, ListedCustomersAreFoundAndTheOthersAreNot) {
  TempHome home("demo-customers");
  const std::string data = SEKISHO_SHARED_DATA;
  for (std::vector<std::string> import : {std::vector<std::string>{"un-xml", data + "/un/consolidated_2026-02-27.xml"},
                                          {"mof-xlsx", data + "/japan/mof_shisantouketsu_20260305.xlsx"},
                                          {"canada-xml", data + "/canada/sema_consolidated_2025-05.xml"}}) {
    std::vector<std::string> args = {SEKISHO_BINARY, "--home", home.str(), "import"};
    args.insert(args.end(), import.begin(), import.end());
    RunResult r = run_process(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  RunResult r = run_process({SEKISHO_BINARY, "--home", home.str(), "screen", "--input",
                             std::string(SEKISHO_SOURCE_DIR) + "/data/demo/customers.csv", "--output", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("10 rows: 10 screened, 0 refused, 3 with hits"), std::string::npos) << r.err;
  std::map<std::string, std::set<std::string>> lists_of;  // customer id → lists its hits are on
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json row = nlohmann::json::parse(line);
    for (const auto& m : row["matches"]) lists_of[row["id"]].insert(m["list"].get<std::string>());
  }
  ASSERT_EQ(lists_of.size(), 3u) << r.out;
  // Jimmy Cherizier is on the UN list (and on MOF's, which carries the UN designations).
  EXPECT_TRUE(lists_of["C-1001"].count("un_sc_sanctions")) << r.out;
  EXPECT_TRUE(lists_of["C-1003"].count("ca_dfatd_sema")) << r.out;     // Путин, by his Cyrillic alias
  EXPECT_TRUE(lists_of["C-1005"].count("jp_mof_sanctions")) << r.out;  // ハマス
}

}  // namespace
}  // namespace sekisho
