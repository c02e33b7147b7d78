// A throwaway PostgreSQL server for tests: a fresh cluster (initdb) in a
// temporary directory, listening on 127.0.0.1 on a port of its own. As root
// (CI) the server runs as the `postgres` user Debian's package creates,
// because initdb refuses root.
//
// The server is stopped and its directory removed whatever happens to the
// test: a reaper process, started before initdb and detached from the test,
// waits for the test's end of a pipe to close. The destructor closes it and
// waits for the reaper to finish; a test that aborts, crashes or is killed by
// ctest's timeout closes it by dying. Either way the reaper stops the server
// (SIGQUIT, then SIGKILL if it lingers) and removes the directory.
//
//   PostgresServer pg;
//   ASSERT_TRUE(pg.start()) << pg.error();   // a failure to start fails the test
//   run(..., {"SEKISHO_CASE_STORE=" + pg.url()});
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace sekisho::testing {

class PostgresServer {
 public:
  PostgresServer() = default;
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  // initdb, pg_ctl start, and a database "sekisho"; false with error() on any failure.
  bool start();
  const std::string& error() const { return error_; }
  // postgresql://postgres@127.0.0.1:<port>/sekisho
  std::string url() const;
  // Runs SQL through psql in the database; false with error() on failure.
  // `out` (if given) receives the rows, one a line, fields separated by '|'.
  bool psql(const std::string& sql, std::string* out = nullptr);
  // The temporary directory holding the cluster (removed when the server stops).
  const std::filesystem::path& dir() const { return dir_; }

 private:
  // argv run as the server's user (via runuser when we are root).
  std::vector<std::string> as_server_user(std::vector<std::string> argv) const;
  bool start_reaper();
  bool fail(const std::string& what, const std::string& out, const std::string& err);

  std::filesystem::path dir_, bin_;
  int port_ = 0;
  int reaper_fd_ = -1;       // our end of the pipe the reaper waits on
  int reaper_done_fd_ = -1;  // reaches end-of-file once the reaper has finished
  std::string error_;
};

}  // namespace sekisho::testing
