// A decision and its audit entry land together or not at all: a forked child decides an alert
// and dies by SIGKILL inside the audit append (after the entry row, before the chain's head
// moves and the transaction commits). The alert keeps its state, the log keeps its length and
// verifies, and the same decision then lands whole. On SQLite and on PostgreSQL, where the
// server rolls back the dead client's transaction and frees its write lock.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "cases/cases_internal.hpp"
#include "sekisho/cases.hpp"
#include "support/postgres_server.hpp"
#include "support/subprocess.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

using testing::run_process;
using testing::TempHome;

std::vector<std::string> cli(const TempHome& home, std::vector<std::string> args) {
  args.insert(args.begin(), {SEKISHO_BINARY, "--home", home.str()});
  return args;
}

void die_now() { ::raise(SIGKILL); }

// $SEKISHO_CASE_STORE for the commands this process runs, for one scope.
class CaseStoreEnv {
 public:
  explicit CaseStoreEnv(const std::string& url) { ::setenv("SEKISHO_CASE_STORE", url.c_str(), 1); }
  ~CaseStoreEnv() { ::unsetenv("SEKISHO_CASE_STORE"); }
  CaseStoreEnv(const CaseStoreEnv&) = delete;
  CaseStoreEnv& operator=(const CaseStoreEnv&) = delete;
};

// `case_store`: the URL the case store is opened at in this process, as the commands read it
// from $SEKISHO_CASE_STORE; "" for cases.db in `home`.
void a_decision_killed_inside_its_audit_entry_leaves_no_trace(const TempHome& home,
                                                              const std::string& case_store = "") {
  const CaseStoreLocation cases_at(home.path(), case_store);
  ASSERT_EQ(
      run_process(cli(home, {"import", "un-xml", std::string(SEKISHO_SHARED_DATA) + "/un/consolidated_2025-04-19.xml"}))
          .exit_code,
      0);
  const std::string csv = (home.path() / "parties.csv").string();
  std::ofstream(csv) << "id,name,schema\nP1,Munir al Qubaysi,Person\n";
  auto imported = run_process(cli(home, {"parties", "import", csv}));
  ASSERT_EQ(imported.exit_code, 0) << imported.err;

  int64_t alert_id = 0;
  size_t entries_before = 0;
  {
    auto cases = CaseStore::open(cases_at);
    ASSERT_TRUE(cases.ok()) << cases.status().to_string();
    auto alerts = (*cases)->alerts();
    ASSERT_TRUE(alerts.ok());
    ASSERT_FALSE(alerts->empty()) << "the listed party raised no alert";
    alert_id = alerts->front().id;
    ASSERT_EQ(alerts->front().state, AlertState::kOpen);
    entries_before = (*cases)->audit_entries()->size();
  }

  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto cases = CaseStore::open(cases_at);
    if (!cases.ok()) ::_exit(3);
    cases::audit_entry_written = die_now;
    (void)(*cases)->decide(alert_id, AlertState::kFalsePositive, {"analyst-a", Role::kAnalyst}, "not the listed man");
    ::_exit(4);  // the hook never ran: the test fails below
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child exited with " << WEXITSTATUS(status)
                                   << " instead of dying in the append";
  EXPECT_EQ(WTERMSIG(status), SIGKILL);

  auto cases = CaseStore::open(cases_at);
  ASSERT_TRUE(cases.ok()) << cases.status().to_string();
  AlertFilter filter;
  filter.party_id = "P1";
  auto alerts = (*cases)->alerts(filter);
  ASSERT_TRUE(alerts.ok());
  for (const Alert& a : *alerts) {
    if (a.id == alert_id) {
      EXPECT_EQ(a.state, AlertState::kOpen) << "the decision landed without its audit entry";
    }
  }
  EXPECT_EQ((*cases)->audit_entries()->size(), entries_before);
  auto check = (*cases)->verify_audit();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->ok) << check->problem;

  auto decided =
      (*cases)->decide(alert_id, AlertState::kFalsePositive, {"analyst-a", Role::kAnalyst}, "not the listed man");
  ASSERT_TRUE(decided.ok()) << decided.status().to_string();
  EXPECT_EQ(decided->state, AlertState::kFalsePositive);
  EXPECT_EQ((*cases)->audit_entries()->size(), entries_before + 1);
  EXPECT_TRUE((*cases)->verify_audit()->ok);
}

TEST(KillMidAuditAppend, ADecisionKilledInsideItsAuditEntryLeavesNoTrace) {
  TempHome home("kill-audit");
  a_decision_killed_inside_its_audit_entry_leaves_no_trace(home);
}

TEST(KillMidAuditAppend, ADecisionKilledInsideItsAuditEntryLeavesNoTraceOnPostgres) {
  TempHome home("kill-audit-pg");
  testing::PostgresServer pg;
  ASSERT_TRUE(pg.start()) << pg.error();
  CaseStoreEnv env(pg.url());
  a_decision_killed_inside_its_audit_entry_leaves_no_trace(home, pg.url());
  EXPECT_FALSE(std::filesystem::exists(home.path() / "cases.db")) << "the case store went to the SQLite file";
}

}  // namespace
}  // namespace sekisho
