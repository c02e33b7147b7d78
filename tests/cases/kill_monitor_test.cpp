// A monitoring run lands whole or not at all: kill -9 the real process inside
// the run's transaction (after its alerts are written, before the run row and
// the commit) and find no alert, no run and no audit entry of it; the next
// run then does the whole job.
#include <gtest/gtest.h>

#include <fstream>

#include "sekisho/cases.hpp"
#include "support/subprocess.hpp"
#include "support/temp_home.hpp"
#include "support/shared_data.hpp"

namespace sekisho {
namespace {

using testing::ChildProcess;
using testing::run_process;
using testing::TempHome;

const std::string kOld = std::string(SEKISHO_SHARED_DATA) + "/un/consolidated_2025-04-19.xml";

std::vector<std::string> cli(const TempHome& home, std::vector<std::string> args) {
  args.insert(args.begin(), {SEKISHO_BINARY, "--home", home.str()});
  return args;
}

TEST(KillMidRun, NoHalfWrittenRunSurvivesSigkill) {
  TempHome home("kill-run");
  ASSERT_EQ(run_process(cli(home, {"import", "un-xml", kOld})).exit_code, 0);
  std::string csv = (home.path() / "parties.csv").string();
  {
    std::ofstream out(csv);
    out << "id,name,schema\nP1,Munir al Qubaysi,Person\nP2,Hajjaj bin Fahd al Ajmi,Person\nP3,Greta Lindqvist,Person\n";
  }
  ASSERT_EQ(run_process(cli(home, {"parties", "import", csv, "--no-screen"})).exit_code, 0);

  ChildProcess child(cli(home, {"monitor", "run"}), {"SEKISHO_TEST_MONITOR_PAUSE_MS=20000"});
  ASSERT_TRUE(child.wait_for_stderr("pausing mid-run", 60000));
  child.kill_hard();
  EXPECT_EQ(child.wait(), -1);

  {
    auto cases = CaseStore::open(home.path());
    ASSERT_TRUE(cases.ok()) << cases.status().to_string();
    EXPECT_TRUE((*cases)->runs()->empty());
    EXPECT_TRUE((*cases)->alerts()->empty());
    for (const StoredParty& p : *(*cases)->parties()) EXPECT_FALSE(p.screened) << p.party.id;
    auto check = (*cases)->verify_audit();
    ASSERT_TRUE(check.ok());
    EXPECT_TRUE(check->ok) << check->problem;
    for (const AuditEntry& e : *(*cases)->audit_entries()) EXPECT_NE(e.action, "run");
  }

  // The store takes the run afterwards, whole.
  auto again = run_process(cli(home, {"monitor", "run"}));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  auto cases = CaseStore::open(home.path());
  ASSERT_TRUE(cases.ok());
  ASSERT_EQ((*cases)->runs()->size(), 1u);
  EXPECT_EQ((*cases)->runs()->front().parties_screened_full, 3);
  AlertFilter p1;
  p1.party_id = "P1";
  EXPECT_FALSE((*cases)->alerts(p1)->empty());
  for (const StoredParty& p : *(*cases)->parties()) EXPECT_TRUE(p.screened) << p.party.id;
}

}  // namespace
}  // namespace sekisho
