// An import lands whole or not at all: kill -9 the importing process in the
// middle of its transaction, reopen the store, and find the previous version
// intact. This runs the real binary on the real UN list.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <thread>

#include "sekisho/store.hpp"
#include "support/subprocess.hpp"
#include "support/temp_home.hpp"
#include "support/shared_data.hpp"

namespace sekisho {
namespace {

using testing::ChildProcess;
using testing::run_process;
using testing::TempHome;

const std::string kOld = std::string(SEKISHO_SHARED_DATA) + "/un/consolidated_2025-04-19.xml";
const std::string kNew = std::string(SEKISHO_SHARED_DATA) + "/un/consolidated_2026-02-27.xml";

std::vector<std::string> import_args(const TempHome& home, const std::string& file) {
  return {SEKISHO_BINARY, "--home", home.str(), "import", "un-xml", file, "--list", "un"};
}

void expect_only_version_one(const TempHome& home) {
  auto store = ListStore::open(home.path());
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  EXPECT_TRUE((*store)->check_integrity().ok());
  auto latest = (*store)->version("un");
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(latest->version, 1);
  EXPECT_EQ(latest->entity_count, 877);  // 684 individuals + 193 entities
  auto entities = (*store)->load_entities("un");
  ASSERT_TRUE(entities.ok());
  EXPECT_EQ(entities->size(), 877u);
}

TEST(KillMidImport, PreviousVersionSurvivesSigkillInsideTransaction) {
  TempHome home("kill");
  auto first = run_process(import_args(home, kOld));
  ASSERT_EQ(first.exit_code, 0) << first.err;

  // The hook pauses after the records are written and before the version row
  // and commit, so the kill lands inside the open write transaction.
  ChildProcess child(import_args(home, kNew), {"SEKISHO_TEST_IMPORT_PAUSE_MS=20000"});
  ASSERT_TRUE(child.wait_for_stderr("pausing mid-import", 30000));
  child.kill_hard();
  EXPECT_EQ(child.wait(), -1);

  expect_only_version_one(home);

  // The store still takes the import afterwards.
  auto retry = run_process(import_args(home, kNew));
  ASSERT_EQ(retry.exit_code, 0) << retry.err;
  auto store = ListStore::open(home.path());
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->version("un")->version, 2);
  EXPECT_EQ((*store)->version("un")->entity_count, 1003);
}

TEST(KillMidImport, KillsAtRandomMomentsNeverLeaveAHalfVersion) {
  TempHome home("kill-random");
  ASSERT_EQ(run_process(import_args(home, kOld)).exit_code, 0);
  std::mt19937 rng(20231222);
  std::uniform_int_distribution<int> delay_ms(0, 400);
  for (int trial = 0; trial < 8; ++trial) {
    ChildProcess child(import_args(home, kNew), {});
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
    child.kill_hard();
    child.wait();
    auto store = ListStore::open(home.path());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->check_integrity().ok());
    auto latest = (*store)->version("un");
    ASSERT_TRUE(latest.ok());
    // Either the kill came first (version 1) or the import finished (version 2): never in between.
    int expected = latest->version == 1 ? 877 : 1003;
    EXPECT_EQ(latest->entity_count, expected);
    EXPECT_EQ(static_cast<int>((*store)->load_entities("un")->size()), expected);
    if (latest->version == 2) break;
  }
}

}  // namespace
}  // namespace sekisho
