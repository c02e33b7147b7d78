#include "support/subprocess.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>

extern char** environ;

namespace sekisho::testing {

namespace {

std::vector<char*> c_strings(std::vector<std::string>& v) {
  std::vector<char*> out;
  for (std::string& s : v) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

std::vector<std::string> merged_env(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) env.emplace_back(*e);
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

int decode_status(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

}  // namespace

RunResult run_process(const std::vector<std::string>& args_in, const std::vector<std::string>& env_in,
                      const std::string& stdin_text) {
  int out_pipe[2], err_pipe[2], in_pipe[2];
  // Close-on-exec: only the dup2'd copies reach the child, so a daemon it
  // starts, or a process another thread spawns meanwhile, cannot hold a pipe
  // open and keep the reads below from ever ending.
  if (pipe2(out_pipe, O_CLOEXEC) || pipe2(err_pipe, O_CLOEXEC) || pipe2(in_pipe, O_CLOEXEC)) return {};
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 2);
  for (int fd : {in_pipe[1], out_pipe[0], err_pipe[0]}) posix_spawn_file_actions_addclose(&fa, fd);
  std::vector<std::string> args = args_in;
  std::vector<std::string> env = merged_env(env_in);
  auto argv = c_strings(args);
  auto envp = c_strings(env);
  pid_t pid;
  int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  RunResult result;
  if (rc != 0) {
    result.err = std::string("spawn failed: ") + std::strerror(rc);
    close(in_pipe[1]);
    close(out_pipe[0]);
    close(err_pipe[0]);
    return result;
  }
  // Feed stdin and drain both pipes together so a large output cannot deadlock.
  size_t written = 0;
  if (stdin_text.empty()) {
    close(in_pipe[1]);
    in_pipe[1] = -1;
  } else {
    fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
  }
  pollfd fds[3] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}, {in_pipe[1], POLLOUT, 0}};
  int open_reads = 2;
  char buf[65536];
  while (open_reads > 0) {
    nfds_t n = in_pipe[1] >= 0 ? 3 : 2;
    if (poll(fds, n, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP))) {
        ssize_t got = read(fds[i].fd, buf, sizeof buf);
        if (got <= 0) {
          close(fds[i].fd);
          fds[i].fd = -1;
          --open_reads;
        } else {
          (i == 0 ? result.out : result.err).append(buf, got);
        }
      }
    }
    if (in_pipe[1] >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t w = write(in_pipe[1], stdin_text.data() + written, stdin_text.size() - written);
      if (w > 0) written += w;
      if (w < 0 || written == stdin_text.size()) {
        close(in_pipe[1]);
        in_pipe[1] = -1;
      }
    }
  }
  if (in_pipe[1] >= 0) close(in_pipe[1]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = decode_status(status);
  return result;
}

ChildProcess::ChildProcess(const std::vector<std::string>& args_in, const std::vector<std::string>& env_in) {
  int err_pipe[2];
  if (pipe2(err_pipe, O_CLOEXEC)) return;  // as in run_process
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 2);
  posix_spawn_file_actions_addclose(&fa, err_pipe[0]);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> args = args_in;
  std::vector<std::string> env = merged_env(env_in);
  auto argv = c_strings(args);
  auto envp = c_strings(env);
  pid_t pid;
  if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), envp.data()) == 0) pid_ = pid;
  posix_spawn_file_actions_destroy(&fa);
  close(err_pipe[1]);
  err_fd_ = err_pipe[0];
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !reaped_) {
    ::kill(pid_, SIGKILL);
    wait();
  }
  if (err_fd_ >= 0) close(err_fd_);
}

bool ChildProcess::wait_for_stderr(const std::string& needle, int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  char buf[4096];
  while (buffer_.find(needle) == std::string::npos) {
    int left = static_cast<int>(
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
    if (left <= 0) return false;
    pollfd p{err_fd_, POLLIN, 0};
    if (poll(&p, 1, left) <= 0) return false;
    ssize_t got = read(err_fd_, buf, sizeof buf);
    if (got <= 0) return false;
    buffer_.append(buf, got);
  }
  return true;
}

void ChildProcess::kill_hard() {
  if (pid_ > 0 && !reaped_) ::kill(pid_, SIGKILL);
}

int ChildProcess::wait() {
  if (pid_ <= 0 || reaped_) return -1;
  int status = 0;
  waitpid(pid_, &status, 0);
  reaped_ = true;
  return decode_status(status);
}

}  // namespace sekisho::testing
