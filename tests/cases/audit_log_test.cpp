// The audit chain catches a changed byte, a deleted row, reordered rows and a
// dropped tail, and names the first bad entry.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "sekisho/cases.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

using testing::TempHome;

// Five entries, then the store is closed so a test can tamper with the file.
void write_entries(const TempHome& home) {
  auto cases = CaseStore::open(home.path());
  ASSERT_TRUE(cases.ok()) << cases.status().to_string();
  for (int i = 1; i <= 5; ++i) {
    nlohmann::json detail = {{"n", i}};
    ASSERT_TRUE((*cases)->audit("tester", "test.entry", "s" + std::to_string(i), detail.dump()).ok());
  }
}

void tamper(const TempHome& home, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((home.path() / "cases.db").c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

AuditCheck verify(const TempHome& home) {
  auto cases = CaseStore::open(home.path());
  EXPECT_TRUE(cases.ok());
  auto check = (*cases)->verify_audit();
  EXPECT_TRUE(check.ok());
  return *check;
}

TEST(AuditLog, IntactChainVerifies) {
  TempHome home("audit-ok");
  write_entries(home);
  AuditCheck check = verify(home);
  EXPECT_TRUE(check.ok) << check.problem;
  EXPECT_EQ(check.entries, 5);
  auto cases = CaseStore::open(home.path());
  auto entries = (*cases)->audit_entries();
  ASSERT_EQ(entries->size(), 5u);
  EXPECT_EQ((*entries)[0].prev_hash, "");
  for (size_t i = 1; i < entries->size(); ++i) EXPECT_EQ((*entries)[i].prev_hash, (*entries)[i - 1].hash);
}

TEST(AuditLog, ChangedFieldIsNamed) {
  TempHome home("audit-changed");
  write_entries(home);
  tamper(home, "UPDATE audit_log SET actor = 'someone else' WHERE seq = 3");
  AuditCheck check = verify(home);
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.first_bad_seq, 3);
  EXPECT_NE(check.problem.find("changed"), std::string::npos) << check.problem;
}

TEST(AuditLog, DeletedRowIsNamed) {
  TempHome home("audit-deleted");
  write_entries(home);
  tamper(home, "DELETE FROM audit_log WHERE seq = 2");
  AuditCheck check = verify(home);
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.first_bad_seq, 2);
  EXPECT_NE(check.problem.find("missing"), std::string::npos) << check.problem;
}

TEST(AuditLog, ReorderedRowsAreNamed) {
  TempHome home("audit-reordered");
  write_entries(home);
  // Swap entries 2 and 4 by their sequence numbers.
  tamper(home,
         "UPDATE audit_log SET seq = -1 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 4; "
         "UPDATE audit_log SET seq = 4 WHERE seq = -1");
  AuditCheck check = verify(home);
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.first_bad_seq, 2);
}

TEST(AuditLog, DroppedNewestEntriesAreCaught) {
  TempHome home("audit-tail");
  write_entries(home);
  tamper(home, "DELETE FROM audit_log WHERE seq >= 4");
  AuditCheck check = verify(home);
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.first_bad_seq, 4);
}

TEST(AuditLog, ExportWindowIsInclusiveAtItsPrecision) {
  TempHome home("audit-window");
  write_entries(home);
  auto cases = CaseStore::open(home.path());
  auto all = (*cases)->audit_entries();
  ASSERT_EQ(all->size(), 5u);
  std::string day = all->front().at.substr(0, 10);
  EXPECT_EQ((*cases)->audit_entries(day, day)->size(), 5u);
  EXPECT_TRUE((*cases)->audit_entries("2999-01-01", "")->empty());
  EXPECT_TRUE((*cases)->audit_entries("", "2000-01-01")->empty());
}

}  // namespace
}  // namespace sekisho
