// Issue 21 §3, "a server that cannot be starved": slow and idle clients do
// not stop others being served, connection caps hold, an oversized body is
// refused at once, and SIGTERM drains within its deadline.
//
// Attackers connect from other loopback addresses (127.0.0.2, …) so that the
// per-client cap and the client being served are told apart. Bounds on time
// are generous: the machine running these may be busy with a build.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>

#include <chrono>
#include <thread>

#include "server_fixture.hpp"
#include "support/subprocess.hpp"

namespace sekisho::testing {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// A TCP connection to 127.0.0.1:`port` from `source` (another loopback address); -1 on failure.
int connect_from(const std::string& source, int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in from{};
  from.sin_family = AF_INET;
  ::inet_pton(AF_INET, source.c_str(), &from.sin_addr);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
      ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    ::close(fd);
    return -1;
  }
  timeval tv{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

void send_all(int fd, const std::string& bytes) { ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL); }

// Reads one answer (head and Content-Length body); "" when the connection ends first or `timeout` passes.
std::string read_answer(int fd, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  std::string out;
  char buf[4096];
  auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    size_t head_end = out.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      std::string head = out.substr(0, head_end);
      for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t at = head.find("\r\ncontent-length:");
      size_t length = at == std::string::npos ? 0 : std::stoul(head.substr(at + 17));
      if (out.size() >= head_end + 4 + length) return out;
    }
    pollfd pfd{fd, POLLIN, 0};
    int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
    if (::poll(&pfd, 1, std::max(left, 1)) <= 0) break;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return "";
}

int status_of(const std::string& answer) { return answer.size() > 12 ? std::stoi(answer.substr(9, 3)) : 0; }

// True once the server has closed `fd` (end of stream or reset), waiting up to `timeout`.
bool closed_by_server(int fd, std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  char buf[4096];
  while (Clock::now() < deadline) {
    pollfd pfd{fd, POLLIN, 0};
    if (::poll(&pfd, 1, 100) > 0) {
      ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
      if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) return true;
    }
  }
  return false;
}

// Still open as far as the client can tell: nothing to read, no end of stream.
bool looks_open(int fd) {
  char c;
  ssize_t n = ::recv(fd, &c, 1, MSG_DONTWAIT | MSG_PEEK);
  return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

// Raises this process's open-file limit as far as allowed; returns it.
size_t raise_file_limit() {
  rlimit files{};
  ::getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = files.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &files);
  ::getrlimit(RLIMIT_NOFILE, &files);
  return static_cast<size_t>(files.rlim_cur);
}

const char* kHealthz = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

class Issue21StarvationTest : public ServerTest {
 protected:
  ~Issue21StarvationTest() override {
    for (int fd : fds_) ::close(fd);
  }
  // The real client's checks: /healthz and a screening both answered within `bound` seconds each.
  void expect_served(double bound) {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_connection_timeout(10, 0);
    c.set_read_timeout(10, 0);
    auto started = Clock::now();
    auto health = c.Get("/healthz");
    double health_seconds = seconds_since(started);
    ASSERT_TRUE(health) << "no answer to /healthz";
    EXPECT_EQ(health->status, 200);
    EXPECT_LT(health_seconds, bound);
    started = Clock::now();
    auto screen = c.Post("/v1/screen", bearer(keys_.screener), R"({"name": "Ivan Petrov"})", "application/json");
    double screen_seconds = seconds_since(started);
    ASSERT_TRUE(screen) << "no answer to /v1/screen";
    EXPECT_EQ(screen->status, 200) << screen->body;
    EXPECT_NE(screen->body.find("test_un-QDi.001"), std::string::npos);
    EXPECT_LT(screen_seconds, bound);
  }
  std::vector<int> fds_;
};

TEST_F(Issue21StarvationTest, SlowHeaderClientsAreDroppedAndDoNotBlockOthers) {
  ServerOptions options;
  options.threads = 2;
  options.header_timeout = std::chrono::seconds(2);
  seed_and_start(options);
  // 16 clients trickle a request head a byte a second, more than there are workers and I/O threads.
  for (int i = 0; i < 16; ++i) {
    int fd = connect_from("127.0.0.2", server_->port());
    ASSERT_GE(fd, 0);
    fds_.push_back(fd);
  }
  std::atomic<bool> stop{false};
  auto attack_started = Clock::now();
  std::thread trickle([&] {
    std::string head = "POST /v1/screen HTTP/1.1\r\nHost: x\r\n";
    for (size_t i = 0; i < head.size() && !stop; ++i) {
      for (int fd : fds_) send_all(fd, head.substr(i, 1));
      for (int t = 0; t < 10 && !stop; ++t) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  expect_served(2.0);
  // Each is dropped once the header deadline passes, not left holding a connection.
  for (int fd : fds_) EXPECT_TRUE(closed_by_server(fd, std::chrono::seconds(8))) << "a slow client was kept";
  double dropped_after = seconds_since(attack_started);
  stop = true;
  trickle.join();
  EXPECT_GE(dropped_after, 1.5) << "dropped before the header deadline";
  expect_served(2.0);
}

TEST_F(Issue21StarvationTest, IdleKeepAliveConnectionsDoNotStarveOthersAndTheTotalCapHolds) {
  // Both ends of every connection are in this process: two descriptors each.
  size_t limit = raise_file_limit();
  size_t count = std::min<size_t>(2000, (limit - 200) / 2);
  ASSERT_GE(count, 400u) << "the open-file limit (" << limit << ") leaves too few connections to test";
  ServerOptions options;
  options.threads = 2;
  options.max_connections = 200;
  options.max_connections_per_client = 0;
  seed_and_start(options);
  // Each makes one keep-alive request and stays connected, idle.
  for (size_t i = 0; i < count; ++i) {
    int fd = connect_from("127.0.0." + std::to_string(2 + i % 200), server_->port());
    ASSERT_GE(fd, 0) << "connection " << i;
    fds_.push_back(fd);
    send_all(fd, kHealthz);
    std::string answer = read_answer(fd);
    ASSERT_EQ(status_of(answer), 200) << "connection " << i << ": " << answer.substr(0, 200);
  }
  expect_served(2.0);
  // The oldest idle connections gave their places to the new ones.
  size_t open = 0;
  auto deadline = Clock::now() + std::chrono::seconds(10);
  do {
    open = 0;
    for (int fd : fds_) open += looks_open(fd);
    if (open <= 200) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  } while (Clock::now() < deadline);
  EXPECT_LE(open, 200u);
  EXPECT_GE(open, 100u) << "idle connections under the cap were closed too";
  EXPECT_TRUE(looks_open(fds_.back())) << "the newest connection was closed";
}

TEST_F(Issue21StarvationTest, ConnectionsFromOneClientAreCapped) {
  ServerOptions options;
  options.max_connections_per_client = 8;
  seed_and_start(options);
  int refused = 0, served = 0;
  for (int i = 0; i < 20; ++i) {
    int fd = connect_from("127.0.0.2", server_->port());
    ASSERT_GE(fd, 0);
    fds_.push_back(fd);
    send_all(fd, kHealthz);
    std::string answer = read_answer(fd);
    int status = status_of(answer);
    if (status == 503) {
      ++refused;
      EXPECT_NE(answer.find("\"unavailable\""), std::string::npos) << answer;
      EXPECT_TRUE(closed_by_server(fd, std::chrono::seconds(5)));
    } else {
      EXPECT_EQ(status, 200) << answer.substr(0, 200);
      ++served;
    }
  }
  EXPECT_EQ(served, 8);
  EXPECT_EQ(refused, 12);
  // Another address is served meanwhile; once the eight close, the first client is again.
  expect_served(2.0);
  for (int fd : fds_) ::close(fd);
  fds_.clear();
  auto deadline = Clock::now() + std::chrono::seconds(10);
  int status = 0;
  while (status != 200 && Clock::now() < deadline) {
    int fd = connect_from("127.0.0.2", server_->port());
    ASSERT_GE(fd, 0);
    send_all(fd, kHealthz);
    status = status_of(read_answer(fd));
    ::close(fd);
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(status, 200) << "the cap did not free the closed connections";
}

TEST_F(Issue21StarvationTest, OversizedContentLengthIsRefusedAtOnce) {
  ServerOptions options;
  options.max_body_bytes = 64 * 1024;
  options.max_upload_bytes = 1024 * 1024;
  seed_and_start(options);
  struct Case {
    std::string path;
    std::string length;
  };
  for (const Case& c : {Case{"/v1/screen", "1000000000"}, Case{"/v1/screen", "65537"},
                        Case{"/v1/lists/test_un/import?format=un-xml", "1048577"}}) {
    SCOPED_TRACE(c.path + " " + c.length);
    int fd = connect_loopback(server_->port());
    ASSERT_GE(fd, 0);
    fds_.push_back(fd);
    auto started = Clock::now();
    send_all(fd, "POST " + c.path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + keys_.admin +
                     "\r\nContent-Type: application/json\r\nContent-Length: " + c.length + "\r\n\r\n{");
    std::string answer = read_answer(fd);
    EXPECT_LT(seconds_since(started), 1.0);
    EXPECT_EQ(status_of(answer), 413) << answer.substr(0, 300);
    EXPECT_NE(answer.find("\"payload_too_large\""), std::string::npos);
  }
  expect_served(2.0);
}

TEST_F(Issue21StarvationTest, ABodyThatAsksToContinueIsToldTo) {
  seed_and_start();
  int fd = connect_loopback(server_->port());
  ASSERT_GE(fd, 0);
  fds_.push_back(fd);
  std::string body = R"({"name": "Ivan Petrov"})";
  send_all(fd, "POST /v1/screen HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + keys_.screener +
                   "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " +
                   std::to_string(body.size()) + "\r\n\r\n");
  // The go-ahead comes before any of the body is sent (curl waits a second for it otherwise).
  std::string go_ahead = read_answer(fd, std::chrono::seconds(5));
  EXPECT_EQ(go_ahead, "HTTP/1.1 100 Continue\r\n\r\n");
  send_all(fd, body);
  std::string answer = read_answer(fd);
  EXPECT_EQ(status_of(answer), 200) << answer.substr(0, 300);
  EXPECT_NE(answer.find("test_un-QDi.001"), std::string::npos);
}

// `sekisho serve` as run by a service manager: SIGTERM lets the request in
// flight finish, refuses new connections, and exits 0 within the drain deadline.
class Issue21SigtermTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RunResult created = run_process({SEKISHO_BINARY, "--home=" + home_.string(), "keys", "create", "--role", "admin"});
    ASSERT_EQ(created.exit_code, 0) << created.err;
    admin_ = created.out.substr(0, created.out.find('\n'));
  }
  void TearDown() override { fs::remove_all(home_); }
  // Starts `sekisho serve --home DIR` (the option after the subcommand) with a drain deadline.
  std::unique_ptr<ChildProcess> serve(const std::string& drain_seconds) {
    port_ = free_loopback_port();
    auto child = std::make_unique<ChildProcess>(
        std::vector<std::string>{SEKISHO_BINARY, "serve", "--home", home_.string(), "--listen",
                                 "127.0.0.1:" + std::to_string(port_), "--drain-timeout", drain_seconds},
        std::vector<std::string>{});
    EXPECT_TRUE(child->wait_for_stderr("listening on http://127.0.0.1:" + std::to_string(port_), 20000));
    return child;
  }
  // An upload whose head and first half have been sent: a request in flight.
  int start_upload(size_t length) {
    int fd = connect_loopback(port_);
    EXPECT_GE(fd, 0);
    send_all(fd, "POST /v1/lists/drain_test/import?format=un-xml HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                     admin_ + "\r\nContent-Length: " + std::to_string(length) + "\r\n\r\n" +
                     std::string(length / 2, 'x'));
    return fd;
  }

  fs::path home_ = fresh_home("sigterm");
  std::string admin_;
  int port_ = 0;
};

TEST_F(Issue21SigtermTest, InFlightRequestFinishesAndTheProcessExitsZero) {
  auto server = serve("10");
  int fd = start_upload(64);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the handler is reading the body
  auto signalled = Clock::now();
  ::kill(server->pid(), SIGTERM);
  ASSERT_TRUE(server->wait_for_stderr("stopping (SIGTERM)", 10000));
  // New connections are no longer answered.
  int late = connect_loopback(port_);
  if (late >= 0) {
    send_all(late, kHealthz);
    EXPECT_EQ(read_answer(late, std::chrono::seconds(3)), "") << "answered after SIGTERM";
    ::close(late);
  }
  send_all(fd, std::string(32, 'x'));
  std::string answer = read_answer(fd);
  // Not a list file: the import route's own answer, which means the request ran to its end.
  EXPECT_EQ(status_of(answer), 422) << answer.substr(0, 300);
  EXPECT_NE(answer.find("Connection: close"), std::string::npos) << answer.substr(0, 300);
  ::close(fd);
  EXPECT_EQ(server->wait(), 0);
  EXPECT_LT(seconds_since(signalled), 10.0);
}

TEST_F(Issue21SigtermTest, StalledRequestIsCutAtTheDrainDeadline) {
  auto server = serve("2");
  int fd = start_upload(64);  // the rest never comes; the read timeout alone would wait 30 s
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto signalled = Clock::now();
  ::kill(server->pid(), SIGTERM);
  EXPECT_EQ(server->wait(), 0);
  double took = seconds_since(signalled);
  EXPECT_GE(took, 1.5) << "the request in flight was not given its drain time";
  EXPECT_LT(took, 8.0);
  ::close(fd);
}

}  // namespace
}  // namespace sekisho::testing
