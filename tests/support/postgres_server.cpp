#include "support/postgres_server.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <vector>

#include "support/loopback_port.hpp"
#include "support/subprocess.hpp"

namespace sekisho::testing {

namespace fs = std::filesystem;

namespace {

// The newest installed server's bin directory (Debian: /usr/lib/postgresql/<major>/bin).
fs::path server_bin_dir() {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    if (fs::exists(e.path() / "bin" / "initdb")) found.push_back(e.path() / "bin");
  }
  std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
    return std::atoi(a.parent_path().filename().c_str()) < std::atoi(b.parent_path().filename().c_str());
  });
  return found.empty() ? fs::path() : found.back();
}

// The reaper: waits until its standard input reaches end-of-file (the test
// closed the pipe or died), then stops the postmaster named in the data
// directory's postmaster.pid and removes the directory ($1). SIGQUIT is
// PostgreSQL's immediate shutdown: the postmaster ends its backends and exits;
// the data is thrown away, so nothing needs a clean checkpoint. A zombie (its
// new parent has not reaped it yet) counts as stopped.
constexpr const char* kReaperScript = R"sh(
cat >/dev/null
pid=$(sed -n 1p "$1/data/postmaster.pid" 2>/dev/null)
case "$pid" in ''|*[!0-9]*) pid= ;; esac
alive() { [ -r "/proc/$pid/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null; }
if [ -n "$pid" ] && kill -QUIT "$pid" 2>/dev/null; then
  n=0
  while alive; do
    n=$((n + 1))
    [ "$n" -eq 100 ] && kill -KILL "$pid" 2>/dev/null
    [ "$n" -gt 150 ] && break
    sleep 0.1
  done
fi
rm -rf "$1"
)sh";

}  // namespace

PostgresServer::~PostgresServer() {
  if (reaper_fd_ < 0) {
    if (!dir_.empty()) {
      std::error_code ec;
      fs::remove_all(dir_, ec);
    }
    return;
  }
  ::close(reaper_fd_);
  // The reaper holds the other end until it exits; give it time to stop the server.
  pollfd p{reaper_done_fd_, POLLIN, 0};
  char buf[64];
  for (;;) {
    int ready = ::poll(&p, 1, 60000);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) break;
    ssize_t got = ::read(reaper_done_fd_, buf, sizeof buf);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
  }
  ::close(reaper_done_fd_);
}

bool PostgresServer::start_reaper() {
  int go[2], done[2];
  if (::pipe2(go, O_CLOEXEC) != 0) return false;
  if (::pipe2(done, O_CLOEXEC) != 0) {
    ::close(go[0]);
    ::close(go[1]);
    return false;
  }
  std::string dir = dir_.string();
  pid_t child = ::fork();
  if (child == 0) {
    // Only async-signal-safe calls from here to exec: the test may run threads.
    // A session of its own and a second fork: the reaper is nobody's child in
    // the test's tree, so killing that tree (ctest's timeout) leaves it to clean up.
    ::setsid();
    if (::fork() != 0) ::_exit(0);
    ::dup2(go[0], 0);
    int null = ::open("/dev/null", O_WRONLY);
    // Never the test's stdout: ctest reads it until every holder has closed it.
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::dup2(done[1], 3);
    ::close_range(4, ~0U, 0);
    ::execl("/bin/sh", "sh", "-c", kReaperScript, "sh", dir.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(go[0]);
  ::close(done[1]);
  if (child < 0) {
    ::close(go[1]);
    ::close(done[0]);
    return false;
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  reaper_fd_ = go[1];
  reaper_done_fd_ = done[0];
  return true;
}

std::vector<std::string> PostgresServer::as_server_user(std::vector<std::string> argv) const {
  if (::getuid() != 0) return argv;
  argv.insert(argv.begin(), {"/usr/sbin/runuser", "-u", "postgres", "--"});
  return argv;
}

bool PostgresServer::fail(const std::string& what, const std::string& out, const std::string& err) {
  error_ = "PostgreSQL test server: " + what + (out.empty() ? "" : "\n" + out) + (err.empty() ? "" : "\n" + err);
  return false;
}

bool PostgresServer::start() {
  bin_ = server_bin_dir();
  if (bin_.empty()) return fail("no /usr/lib/postgresql/*/bin/initdb (scripts/setup installs postgresql)", "", "");
  std::error_code ec;
  fs::path tmp = fs::temp_directory_path(ec);
  if (ec) {
    const char* env = std::getenv("TMPDIR");
    return fail("no temporary directory (TMPDIR=" + std::string(env ? env : "") + "): " + ec.message(), "", "");
  }
  std::string tmpl = (tmp / "sekisho-pg-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) return fail("cannot create a temporary directory in " + tmp.string(), "", "");
  dir_ = tmpl;
  if (!start_reaper()) return fail("cannot start the process that stops the server after the test", "", "");
  // The server's user must reach its directories below ours.
  ::chmod(dir_.c_str(), 0755);
  fs::create_directories(dir_ / "data");
  fs::create_directories(dir_ / "run");
  ::chmod((dir_ / "data").c_str(), 0700);
  if (::getuid() == 0) {
    // initdb refuses to run as root: the cluster belongs to the package's `postgres` user.
    const passwd* pg = ::getpwnam("postgres");
    if (!pg) return fail("running as root and there is no `postgres` user to run the server as", "", "");
    for (const char* sub : {"data", "run"}) {
      if (::chown((dir_ / sub).c_str(), pg->pw_uid, pg->pw_gid) != 0) {
        return fail("cannot chown " + (dir_ / sub).string() + " to postgres", "", "");
      }
    }
  }
  RunResult init =
      run_process(as_server_user({(bin_ / "initdb").string(), "-D", (dir_ / "data").string(), "-U", "postgres",
                                  "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"}));
  if (init.exit_code != 0) return fail("initdb failed", init.out, init.err);
  // Another process may take the port between our probe and the server's bind: try a few.
  std::string log = (dir_ / "run" / "server.log").string();
  std::string start_log = (dir_ / "run" / "pg_ctl.log").string();
  bool started = false;
  for (int attempt = 0; attempt < 3 && !started; ++attempt) {
    port_ = free_loopback_port();
    if (port_ == 0) return fail("no free loopback port", "", "");
    std::string options = "-p " + std::to_string(port_) + " -k " + (dir_ / "run").string() +
                          " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off";
    // The server outlives pg_ctl and inherits its standard output and error:
    // sent to a file, not to the pipes run_process reads until they close.
    RunResult up = run_process(as_server_user({"/bin/sh", "-c", "exec \"$@\" >\"" + start_log + "\" 2>&1 </dev/null",
                                               "sh", (bin_ / "pg_ctl").string(), "-D", (dir_ / "data").string(), "-w",
                                               "-t", "60", "-l", log, "-o", options, "start"}));
    started = up.exit_code == 0;
    if (!started && attempt == 2) {
      RunResult logs = run_process({"/bin/cat", start_log, log});
      return fail("pg_ctl start failed", logs.out, up.err);
    }
  }
  RunResult db = run_process(
      {(bin_ / "createdb").string(), "-h", "127.0.0.1", "-p", std::to_string(port_), "-U", "postgres", "sekisho"});
  if (db.exit_code != 0) return fail("createdb failed", db.out, db.err);
  return true;
}

std::string PostgresServer::url() const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/sekisho";
}

bool PostgresServer::psql(const std::string& sql, std::string* out) {
  RunResult r = run_process({(bin_ / "psql").string(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h",
                             "127.0.0.1", "-p", std::to_string(port_), "-U", "postgres", "-d", "sekisho", "-c", sql});
  if (r.exit_code != 0) return fail("psql failed: " + sql, r.out, r.err);
  if (out) *out = r.out;
  return true;
}

}  // namespace sekisho::testing
