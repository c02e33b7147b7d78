// Running the sekisho binary from tests: arguments, environment, captured
// output and exit status, or a handle to kill it mid-flight.
#pragma once

#include <string>
#include <vector>

namespace sekisho::testing {

struct RunResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs `args` (args[0] is the program) with extra environment entries "K=V"; waits for it.
RunResult run_process(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                      const std::string& stdin_text = "");

// A started process whose stderr can be read line by line.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& args, const std::vector<std::string>& env);
  ~ChildProcess();
  // Reads stderr until a line containing `needle` arrives (true) or the stream ends (false).
  bool wait_for_stderr(const std::string& needle, int timeout_ms);
  void kill_hard();  // SIGKILL
  int wait();        // exit code, -1 when killed by a signal
  int pid() const { return pid_; }

 private:
  int pid_ = -1;
  int err_fd_ = -1;
  bool reaped_ = false;
  std::string buffer_;
};

}  // namespace sekisho::testing
