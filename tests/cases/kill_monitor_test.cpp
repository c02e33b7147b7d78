// A monitoring run lands whole or not at all: kill -9 a real process inside
// the run's transaction (after its alerts are written, before the run row and
// the commit) and find no alert, no run and no audit entry of it; the next
// run then does the whole job. The child is forked from the test and runs the
// monitoring through the case store, whose injected MonitorOptions hook tells
// the parent it is inside the transaction (as the list store's import observer
// does for tests/store/kill_import_test.cpp).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "sekisho/cases.hpp"
#include "sekisho/store.hpp"
#include "support/shared_data.hpp"
#include "support/subprocess.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

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

  int inside[2];
  ASSERT_EQ(pipe(inside), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(inside[0]);
    auto lists = ListStore::open(home.path());
    auto cases = CaseStore::open(home.path());
    if (!lists.ok() || !cases.ok()) _exit(2);
    MonitorOptions options;
    options.inside_transaction = [&] {
      char c = 'x';
      if (write(inside[1], &c, 1) != 1) _exit(3);
      for (;;) pause();  // until the parent's SIGKILL
    };
    (void)(*cases)->monitor(**lists, options, "cli:test");
    _exit(4);  // the run never reached its transaction
  }
  close(inside[1]);
  char c = 0;
  EXPECT_EQ(read(inside[0], &c, 1), 1) << "the run never reached its transaction";
  close(inside[0]);
  kill(child, SIGKILL);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child exit status " << status;

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
