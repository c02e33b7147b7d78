// Nothing malformed crashes the server or gets an answer other than a JSON error.
#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <random>

#include "server_fixture.hpp"

namespace sekisho::testing {
namespace {

class MalformedTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.max_body_bytes = 64 * 1024;
    options.max_upload_bytes = 256 * 1024;
    options.read_timeout_seconds = 2;
    seed_and_start(options);
  }
  // Sends raw bytes on a fresh TCP connection and returns whatever comes back.
  // The server's reply to `bytes`; `reset` (if given) tells whether the
  // connection ended in a reset rather than an orderly close: a server that
  // answers and closes with our bytes still unread makes the kernel send a
  // reset, which can cut the reply short on a loaded machine.
  std::string raw_exchange(const std::string& bytes, bool* reset = nullptr) {
    int fd = connect_loopback(server_->port());
    EXPECT_GE(fd, 0);
    ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    // Half-closing at once would race the answer: cpp-httplib stops writing
    // to a peer it sees has closed, so a reply could lose its body. Instead
    // read until the reply is whole, and half-close only when the server goes
    // quiet (it is waiting for the rest of a request line).
    std::string out;
    char buf[4096];
    ssize_t n = 0;
    bool half_closed = false;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!reply_is_whole(out) && std::chrono::steady_clock::now() < deadline) {
      pollfd pfd{fd, POLLIN, 0};
      if (::poll(&pfd, 1, 500) == 0) {
        if (!half_closed) ::shutdown(fd, SHUT_WR);
        half_closed = true;
        continue;
      }
      n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    if (reset != nullptr) *reset = n < 0;
    ::close(fd);
    return out;
  }
  // A reply is whole once its head and the Content-Length bytes after it came.
  static bool reply_is_whole(const std::string& reply) {
    size_t head_end = reply.find("\r\n\r\n");
    if (head_end == std::string::npos) return false;
    std::string head = reply.substr(0, head_end);
    for (char& ch : head) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    size_t at = head.find("\r\ncontent-length:");
    if (at == std::string::npos) return true;
    size_t length = std::stoul(head.substr(at + 17));
    return reply.size() >= head_end + 4 + length;
  }
  void expect_alive() {
    auto r = client().Get("/healthz");
    ASSERT_TRUE(r) << "server stopped answering";
    EXPECT_EQ(r->status, 200);
  }
};

TEST_F(MalformedTest, UnknownRoutesAre404Json) {
  for (const char* path :
       {"/", "/v2/search", "/v1/entities", "/v1/entities/", "/entities/a/b", "/%00", "/../etc/passwd"}) {
    SCOPED_TRACE(path);
    auto r = client().Get(path, bearer(keys_.admin));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
    EXPECT_EQ(error_code_of(r), "not_found");
  }
}

TEST_F(MalformedTest, WrongMethodsAre405WithAllow) {
  auto c = client();
  auto post = c.Post("/healthz", bearer(keys_.admin), "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(error_code_of(post), "method_not_allowed");
  EXPECT_EQ(post->get_header_value("Allow"), "GET");
  auto bodiless = c.Post("/v1/entities/test_un-QDi.001", bearer(keys_.admin), "", "");
  ASSERT_TRUE(bodiless);
  EXPECT_EQ(bodiless->status, 405);
  auto del = c.Delete("/v1/lists", bearer(keys_.admin));
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  auto put = c.Put("/v1/keys", bearer(keys_.admin), "{}", "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 405);
  EXPECT_EQ(put->get_header_value("Allow"), "GET, POST");
  auto get_import = c.Get("/v1/lists/test_un/import", bearer(keys_.admin));
  ASSERT_TRUE(get_import);
  EXPECT_EQ(get_import->status, 405);
}

TEST_F(MalformedTest, BadJsonBodiesAre400) {
  auto c = client();
  for (const std::string& body :
       {std::string("{"), std::string("null"), std::string("[1,2]"), std::string("\xff\xfe\x00", 3),
        std::string("{\"role\": 5}"), std::string("{\"role\": \"admin\", \"rate_limit\": \"fast\"}"),
        std::string(10000, '['), std::string("")}) {
    auto r = c.Post("/v1/keys", bearer(keys_.admin), body, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << body.substr(0, 40);
    EXPECT_EQ(error_code_of(r), "invalid_argument");
  }
  auto listed = json_of(c.Get("/v1/keys", bearer(keys_.admin)));
  EXPECT_EQ(listed["keys"].size(), 3u) << "no malformed request created a key";
}

TEST_F(MalformedTest, OversizedBodiesAre413) {
  auto c = client();
  std::string big(200 * 1024, 'a');
  auto r = c.Post("/v1/keys", bearer(keys_.admin), big, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(error_code_of(r), "payload_too_large");
  std::string huge(1024 * 1024, 'b');
  auto upload = c.Post("/v1/lists/test_un/import?format=un-xml", bearer(keys_.admin), huge, "application/xml");
  ASSERT_TRUE(upload);
  EXPECT_EQ(upload->status, 413);
  expect_alive();
}

TEST_F(MalformedTest, RefusedBodiesDoNotPoisonAKeepAliveConnection) {
  httplib::Client c("127.0.0.1", server_->port());
  c.set_keep_alive(true);
  std::string body = R"({"role": "admin", "name": "GET /healthz HTTP/1.1\r\n\r\n"})";
  for (int i = 0; i < 3; ++i) {
    auto refused = c.Post("/v1/keys", bearer("sk_wrong"), body, "application/json");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 401);
    auto forbidden = c.Post("/v1/lists/x/import?format=un-xml", bearer(keys_.screener), body, "application/xml");
    ASSERT_TRUE(forbidden);
    EXPECT_EQ(forbidden->status, 403);
    auto too_big = c.Post("/v1/keys", bearer(keys_.admin), std::string(100 * 1024, ' '), "application/json");
    ASSERT_TRUE(too_big);
    EXPECT_EQ(too_big->status, 413);
    auto next = c.Get("/v1/entities/test_un-QDi.001", bearer(keys_.screener));
    ASSERT_TRUE(next);
    EXPECT_EQ(next->status, 200);
    EXPECT_EQ(json_of(next)["id"], "test_un-QDi.001");
  }
}

TEST_F(MalformedTest, ImportRequestsCheckedBeforeParsing) {
  auto c = client();
  auto no_format = c.Post("/v1/lists/test_un/import", bearer(keys_.admin), "<x/>", "application/xml");
  ASSERT_TRUE(no_format);
  EXPECT_EQ(no_format->status, 400);
  auto unknown = c.Post("/v1/lists/test_un/import?format=pdf", bearer(keys_.admin), "<x/>", "application/xml");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  EXPECT_NE(json_of(unknown)["error"]["message"].get<std::string>().find("un-xml"), std::string::npos);
  auto bad_id = c.Post("/v1/lists/BAD%20ID/import?format=un-xml", bearer(keys_.admin), "<x/>", "application/xml");
  ASSERT_TRUE(bad_id);
  EXPECT_EQ(bad_id->status, 400);
  auto empty = c.Post("/v1/lists/test_un/import?format=un-xml", bearer(keys_.admin), "", "application/xml");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  // Nothing was left behind in the data directory.
  EXPECT_TRUE(!fs::exists(home_ / "uploads") || fs::is_empty(home_ / "uploads"));
}

TEST_F(MalformedTest, GarbageOnTheWireGetsAJsonErrorOrAClosedConnection) {
  std::mt19937 rng(20250419);
  std::vector<std::string> inputs = {
      "GARBAGE\r\n\r\n",
      "GET\r\n\r\n",
      "GET /healthz HTTP/9.9\r\n\r\n",
      "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
      "POST /v1/keys HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
      "POST /v1/keys HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n",
      "GET /healthz HTTP/1.1\r\n" + std::string(100000, 'X') + ": y\r\n\r\n",
      "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n",
      std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11),  // a TLS ClientHello on plain HTTP
  };
  for (int i = 0; i < 20; ++i) {
    std::string noise(1 + rng() % 3000, '\0');
    for (char& ch : noise) ch = static_cast<char>(rng() & 0xff);
    inputs.push_back(noise);
  }
  for (const std::string& input : inputs) {
    bool reset = false;
    std::string reply = raw_exchange(input, &reset);
    if (reply.empty()) continue;  // closing the connection is a fine answer to noise
    EXPECT_EQ(reply.rfind("HTTP/1.1 ", 0), 0u) << reply.substr(0, 80);
    if (reset) continue;  // cut short by the close: what came is still HTTP, the rest is unknowable
    size_t body = reply.find("\r\n\r\n");
    ASSERT_NE(body, std::string::npos);
    int status = std::stoi(reply.substr(9, 3));
    // cpp-httplib reads some oddities leniently (a negative Content-Length as
    // none); whatever it answers, the body is JSON and errors have the shape.
    ASSERT_GT(reply.size(), body + 4) << reply;
    nlohmann::json j = nlohmann::json::parse(reply.substr(body + 4), nullptr, false);
    ASSERT_TRUE(j.is_object()) << reply.substr(0, 200);
    EXPECT_EQ(j.contains("error"), status >= 400) << reply.substr(0, 200);
  }
  expect_alive();
}

TEST_F(MalformedTest, StalledClientIsDisconnectedAndOthersAreServed) {
  // Announces a body and never sends it: the read timeout (2 s here) ends it.
  int fd = connect_loopback(server_->port());
  ASSERT_GE(fd, 0);
  std::string head = "POST /v1/keys HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + keys_.admin +
                     "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{";
  ::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
  expect_alive();
  auto started = std::chrono::steady_clock::now();
  char buf[4096];
  std::string reply;
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) reply.append(buf, static_cast<size_t>(n));
  double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ::close(fd);
  EXPECT_LT(waited, 9.0) << "the stalled connection was not timed out";
  if (!reply.empty()) {
    EXPECT_NE(reply.find("\"error\""), std::string::npos) << reply;
  }
  expect_alive();
}

}  // namespace
}  // namespace sekisho::testing
