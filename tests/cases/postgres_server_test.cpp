// The throwaway PostgreSQL server the case-store tests start
// (tests/support/postgres_server.hpp) is stopped and its directory removed
// when the test ends: normally, and when the test process dies without
// running a destructor (an abort, a crash, ctest's SIGKILL at its timeout).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "support/postgres_server.hpp"

namespace sekisho {
namespace {

namespace fs = std::filesystem;
using testing::PostgresServer;

// The postmaster's pid, from the first line of its lock file; 0 if none.
pid_t postmaster_pid(const fs::path& dir) {
  std::ifstream in(dir / "data" / "postmaster.pid");
  long pid = 0;
  in >> pid;
  return static_cast<pid_t>(pid);
}

// True while `pid` runs (a zombie waiting for its new parent to reap it has stopped).
bool running(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("State:", 0) == 0) return line.find('Z') == std::string::npos;
  }
  return false;
}

// Waits up to `seconds` for the server to be gone and its directory removed.
bool gone_within(pid_t pid, const fs::path& dir, int seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (running(pid) || fs::exists(dir)) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return true;
}

TEST(PostgresTestServer, StopsAndRemovesItsDirectoryWhenDestroyed) {
  fs::path dir;
  pid_t pid = 0;
  {
    PostgresServer pg;
    ASSERT_TRUE(pg.start()) << pg.error();
    std::string one;
    ASSERT_TRUE(pg.psql("SELECT 1", &one)) << pg.error();
    EXPECT_EQ(one, "1\n");
    dir = pg.dir();
    pid = postmaster_pid(dir);
    ASSERT_GT(pid, 0);
    ASSERT_TRUE(running(pid));
  }
  // The destructor returns once the reaper has finished.
  EXPECT_FALSE(running(pid)) << "postmaster " << pid << " still runs";
  EXPECT_FALSE(fs::exists(dir)) << dir;
}

// A server that cannot start is a failure with a reason, for the tests to
// assert on: never a quiet return that a test could read as "skip".
TEST(PostgresTestServer, AServerThatCannotStartSaysWhy) {
  const char* saved = std::getenv("TMPDIR");
  std::string kept = saved ? saved : "";
  ::setenv("TMPDIR", "/nonexistent/sekisho-test", 1);
  PostgresServer pg;
  bool started = pg.start();
  if (saved) {
    ::setenv("TMPDIR", kept.c_str(), 1);
  } else {
    ::unsetenv("TMPDIR");
  }
  EXPECT_FALSE(started);
  EXPECT_NE(pg.error().find("/nonexistent/sekisho-test"), std::string::npos) << pg.error();
}

TEST(PostgresTestServer, StopsAndRemovesItsDirectoryWhenTheTestProcessDies) {
  // A child process starts a server, reports where, and aborts: no destructor runs.
  int report[2];
  // Close-on-exec: the server the child starts must not hold the pipe open.
  ASSERT_EQ(::pipe2(report, O_CLOEXEC), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(report[0]);
    PostgresServer pg;
    if (!pg.start()) ::_exit(3);
    std::string where = pg.dir().string() + "\n" + std::to_string(postmaster_pid(pg.dir())) + "\n";
    if (::write(report[1], where.data(), where.size()) != static_cast<ssize_t>(where.size())) ::_exit(4);
    ::signal(SIGABRT, SIG_DFL);
    std::abort();
  }
  ::close(report[1]);
  std::string where;
  char buf[512];
  for (ssize_t got; (got = ::read(report[0], buf, sizeof buf)) > 0;) where.append(buf, got);
  ::close(report[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT) << "the child did not start a server and abort";
  size_t newline = where.find('\n');
  ASSERT_NE(newline, std::string::npos) << where;
  fs::path dir = where.substr(0, newline);
  pid_t pid = static_cast<pid_t>(std::stol(where.substr(newline + 1)));
  ASSERT_GT(pid, 0);
  EXPECT_TRUE(gone_within(pid, dir, 60)) << "postmaster " << pid << " or " << dir << " outlived the test process";
}

}  // namespace
}  // namespace sekisho
