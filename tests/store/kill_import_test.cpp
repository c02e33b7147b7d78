// An import lands whole or not at all: a process killed with SIGKILL inside
// its write transaction leaves the previous version whole and no trace of the
// new one. The kill is real: a forked child imports the real UN list through
// the store and dies at a point the store's import observer chooses (the
// leveldb way of testing crash safety through an injected Env), or at a
// random moment spread over the whole import, whose step a shared page tells.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <random>
#include <stdexcept>
#include <thread>

#include "sekisho/lists.hpp"
#include "sekisho/store.hpp"
#include "support/shared_data.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

using testing::TempHome;

const std::string kOld = std::string(SEKISHO_SHARED_DATA) + "/un/consolidated_2025-04-19.xml";
const std::string kNew = std::string(SEKISHO_SHARED_DATA) + "/un/consolidated_2026-02-27.xml";
constexpr int kOldCount = 877;  // 684 individuals + 193 entities
constexpr int kNewCount = 1003;

const ParsedList& parsed(const std::string& file) {
  static std::map<std::string, ParsedList> cache;
  auto it = cache.find(file);
  if (it == cache.end()) {
    auto p = parse_list("un-xml", {file});
    EXPECT_TRUE(p.ok()) << p.status().to_string();
    it = cache.emplace(file, std::move(p).value()).first;
  }
  return it->second;
}

void import_or_fail(const TempHome& home, const std::string& file) {
  auto store = ListStore::open(home.path());
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  auto report = (*store)->import_list("un", parsed(file));
  ASSERT_TRUE(report.ok()) << report.status().to_string();
}

// What the child last told the parent, in memory both share.
struct Progress {
  std::atomic<int> step{-1};
  std::atomic<size_t> rows{0};
  std::atomic<bool> in_transaction{false};
};

Progress* shared_progress() {
  void* page = mmap(nullptr, sizeof(Progress), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  EXPECT_NE(page, MAP_FAILED);
  return new (page) Progress;
}

// Forks a child that imports `file` with `observer` installed (after recording
// each step in `progress`) and exits 0 when the import returns. The parent
// gets the child's pid.
pid_t fork_import(const TempHome& home, const std::string& file, Progress* progress, ImportObserver observer) {
  const ParsedList& list = parsed(file);  // parsed before the fork: the child only writes
  pid_t pid = fork();
  if (pid != 0) return pid;
  auto store = ListStore::open(home.path());
  if (!store.ok()) _exit(3);
  (*store)->set_import_observer([&](ImportStep step, size_t rows) {
    progress->step = static_cast<int>(step);
    progress->rows = rows;
    progress->in_transaction = step != ImportStep::kCommitted;
    if (observer) observer(step, rows);
  });
  auto report = (*store)->import_list("un", list);
  _exit(report.ok() ? 0 : 4);
}

int wait_status(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

// The store as a reader finds it: version 1 whole, and nothing of version 2.
void expect_only_version_one(const TempHome& home) {
  auto store = ListStore::open(home.path());
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  EXPECT_TRUE((*store)->check_integrity().ok());
  auto versions = (*store)->versions("un");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 1u) << "a version of the killed import is visible";
  auto latest = (*store)->version("un");
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(latest->version, 1);
  EXPECT_EQ(latest->entity_count, kOldCount);
  auto entities = (*store)->load_entities("un");
  ASSERT_TRUE(entities.ok());
  EXPECT_EQ(static_cast<int>(entities->size()), kOldCount);
}

// An import that fails after writing (here: an exception out of the observer, as a failing
// statement returns early) rolls its transaction back: the store keeps only the old version,
// and the next import lands whole.
TEST(FailedImport, AnImportThatFailsMidwayRollsBackWhatItWrote) {
  TempHome home("fail-mid");
  import_or_fail(home, kOld);
  {
    auto store = ListStore::open(home.path());
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    (*store)->set_import_observer([](ImportStep step, size_t rows) {
      if (step == ImportStep::kEntityWritten && rows == kNewCount / 2) throw std::runtime_error("failed midway");
    });
    EXPECT_THROW((void)(*store)->import_list("un", parsed(kNew)), std::runtime_error);
  }
  expect_only_version_one(home);
  import_or_fail(home, kNew);
  auto store = ListStore::open(home.path());
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->version("un")->entity_count, kNewCount);
}

TEST(KillMidImport, SigkillAfterTheVersionRowAndHalfTheEntityRowsLeavesTheOldVersionWhole) {
  TempHome home("kill");
  import_or_fail(home, kOld);
  Progress* progress = shared_progress();
  // Dies with the new version's row written and half of its entity rows: without the
  // transaction, a reader would find version 2 with half its entities.
  pid_t child = fork_import(home, kNew, progress, [](ImportStep step, size_t rows) {
    if (step == ImportStep::kEntityWritten && rows == kNewCount / 2) raise(SIGKILL);
  });
  int status = wait_status(child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the child was to die mid-import";
  EXPECT_EQ(progress->step.load(), static_cast<int>(ImportStep::kEntityWritten));
  EXPECT_EQ(progress->rows.load(), static_cast<size_t>(kNewCount / 2));

  expect_only_version_one(home);

  // The store still takes the import afterwards.
  import_or_fail(home, kNew);
  auto store = ListStore::open(home.path());
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->version("un")->version, 2);
  EXPECT_EQ((*store)->version("un")->entity_count, kNewCount);
  EXPECT_EQ(static_cast<int>((*store)->load_entities("un")->size()), kNewCount);
}

TEST(KillMidImport, SigkillBetweenTheLastRowAndTheCommitLeavesTheOldVersionWhole) {
  TempHome home("kill-late");
  import_or_fail(home, kOld);
  Progress* progress = shared_progress();
  pid_t child = fork_import(home, kNew, progress, [](ImportStep step, size_t rows) {
    if (step == ImportStep::kEntityWritten && rows == kNewCount) raise(SIGKILL);
  });
  int status = wait_status(child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  expect_only_version_one(home);
}

// Kills at random moments spread over a measured import's whole length; each
// leaves either version 1 whole or version 2 whole, and enough of them land
// inside the transaction for the test to mean something.
TEST(KillMidImport, KillsAtRandomMomentsNeverLeaveAHalfVersion) {
  // How long an undisturbed import of the new list takes on this machine.
  std::chrono::microseconds duration{0};
  {
    TempHome timing("kill-timing");
    import_or_fail(timing, kOld);
    Progress* progress = shared_progress();
    auto start = std::chrono::steady_clock::now();
    pid_t child = fork_import(timing, kNew, progress, {});
    ASSERT_EQ(wait_status(child), 0);
    duration = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  }
  std::mt19937 rng(20231222);
  std::uniform_int_distribution<int64_t> moment(0, duration.count());
  int trials = 0, mid_transaction = 0, before = 0, after = 0;
  for (; trials < 12; ++trials) {
    TempHome home("kill-random");
    import_or_fail(home, kOld);
    Progress* progress = shared_progress();
    pid_t child = fork_import(home, kNew, progress, {});
    std::this_thread::sleep_for(std::chrono::microseconds(moment(rng)));
    kill(child, SIGKILL);
    wait_status(child);
    if (progress->in_transaction.load()) {
      ++mid_transaction;
    } else if (progress->step.load() == static_cast<int>(ImportStep::kCommitted)) {
      ++after;
    } else {
      ++before;
    }
    auto store = ListStore::open(home.path());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->check_integrity().ok());
    auto latest = (*store)->version("un");
    ASSERT_TRUE(latest.ok());
    // Either the kill came before the commit (version 1) or after it (version 2): never between.
    int expected = latest->version == 1 ? kOldCount : kNewCount;
    EXPECT_EQ(latest->entity_count, expected);
    EXPECT_EQ(static_cast<int>((*store)->load_entities("un")->size()), expected);
    if (progress->in_transaction.load()) {
      EXPECT_EQ(latest->version, 1) << "a kill inside the transaction showed version 2";
    }
  }
  std::printf("kills: %d, inside the transaction %d, before it %d, after the commit %d (import %.0f ms)\n", trials,
              mid_transaction, before, after, duration.count() / 1000.0);
  // The opening moments (reading the old version's rows) and the commit's end are
  // short beside the writes, so most kills must land inside the transaction.
  EXPECT_GE(mid_transaction, trials / 3);
}

}  // namespace
}  // namespace sekisho
