// API keys and roles: who may call what, rate limits, and the secure defaults.
#include <thread>

#include "server_fixture.hpp"

namespace sekisho::testing {
namespace {

class AuthTest : public ServerTest {
 protected:
  void SetUp() override {
    seed_lists(home_);
    keys_ = create_keys(home_);
  }
  int status_of(const std::string& method, const std::string& path, const std::string& key) {
    auto c = client();
    httplib::Headers h = key.empty() ? httplib::Headers{} : bearer(key);
    httplib::Result r = method == "GET"    ? c.Get(path.c_str(), h)
                        : method == "POST" ? c.Post(path.c_str(), h, "{}", "application/json")
                                           : c.Delete(path.c_str(), h);
    return r ? r->status : -1;
  }
};

TEST_F(AuthTest, RolesLimitRoutes) {
  start_ready();
  struct Case {
    const char* method;
    const char* path;
    int anonymous, screener, analyst, admin;
  };
  // Admin-only routes are called with bodies that fail validation (400), which
  // shows the call got past authorisation without changing anything.
  const Case cases[] = {
      {"GET", "/healthz", 200, 200, 200, 200},
      {"GET", "/readyz", 200, 200, 200, 200},
      {"GET", "/metrics", 200, 200, 200, 200},
      {"GET", "/openapi.json", 200, 200, 200, 200},
      {"GET", "/v1/entities/test_un-QDi.001", 401, 200, 200, 200},
      {"GET", "/entities/test_un-QDi.001", 401, 200, 200, 200},
      {"GET", "/catalog", 401, 200, 200, 200},
      {"GET", "/v1/lists", 401, 403, 200, 200},
      {"GET", "/v1/lists/test_un/diff?from=1&to=1", 401, 403, 200, 200},
      {"POST", "/v1/lists/test_un/import", 401, 403, 403, 400},
      {"GET", "/v1/keys", 401, 403, 403, 200},
      {"POST", "/v1/keys", 401, 403, 403, 400},
      {"DELETE", "/v1/keys/0000000000000000", 401, 403, 403, 404},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.method) + " " + c.path);
    EXPECT_EQ(status_of(c.method, c.path, ""), c.anonymous);
    EXPECT_EQ(status_of(c.method, c.path, keys_.screener), c.screener);
    EXPECT_EQ(status_of(c.method, c.path, keys_.analyst), c.analyst);
    EXPECT_EQ(status_of(c.method, c.path, keys_.admin), c.admin);
  }
}

TEST_F(AuthTest, BadCredentialsAre401WithJsonAndChallenge) {
  start_ready();
  auto c = client();
  std::string forged = keys_.screener;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';  // right id, wrong secret
  for (const httplib::Headers& h : std::vector<httplib::Headers>{bearer(forged),
                                                                 bearer("sk_nothing"),
                                                                 bearer(""),
                                                                 {{"Authorization", "Basic dXNlcjpwYXNz"}},
                                                                 {{"Authorization", keys_.screener}},
                                                                 bearer(std::string(5000, 'x'))}) {
    auto r = c.Get("/v1/entities/test_un-QDi.001", h);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    EXPECT_EQ(error_code_of(r), "unauthenticated");
    EXPECT_EQ(r->get_header_value("WWW-Authenticate"), "Bearer");
  }
  auto lower = c.Get("/v1/entities/test_un-QDi.001", {{"Authorization", "bearer " + keys_.screener}});
  ASSERT_TRUE(lower);
  EXPECT_EQ(lower->status, 200) << "the auth scheme is case-insensitive (RFC 7235)";
}

TEST_F(AuthTest, KeyRevokedByTheCliIsRefusedWithinAPoll) {
  start_ready();
  auto ok = client().Get("/v1/entities/test_un-QDi.001", bearer(keys_.screener));
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200);
  {
    auto keys = KeyStore::open(home_);
    ASSERT_TRUE(keys.ok());
    auto listed = (*keys)->list();
    ASSERT_TRUE(listed.ok());
    std::string id;
    for (const KeyRecord& k : *listed) {
      if (k.role == Role::kScreener) id = k.id;
    }
    ASSERT_TRUE((*keys)->revoke(id).ok());
  }
  int status = 200;
  for (int i = 0; i < 100 && status == 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto r = client().Get("/v1/entities/test_un-QDi.001", bearer(keys_.screener));
    ASSERT_TRUE(r);
    status = r->status;
  }
  EXPECT_EQ(status, 401);
}

TEST_F(AuthTest, RateLimitAnswers429WithRetryAfter) {
  ServerOptions options;
  options.rate_per_second = 2;
  options.rate_burst = 5;
  start_ready(options);
  auto c = client();
  int ok = 0, limited = 0;
  std::string retry_after;
  for (int i = 0; i < 12; ++i) {
    auto r = c.Get("/v1/entities/test_un-QDi.001", bearer(keys_.screener));
    ASSERT_TRUE(r);
    if (r->status == 200) ++ok;
    if (r->status == 429) {
      ++limited;
      retry_after = r->get_header_value("Retry-After");
      EXPECT_EQ(error_code_of(r), "resource_exhausted");
    }
  }
  EXPECT_GE(ok, 5);
  EXPECT_LE(ok, 7);  // the burst, plus what refilled during the loop
  EXPECT_GE(limited, 5);
  EXPECT_FALSE(retry_after.empty());
  EXPECT_GE(std::stoi(retry_after), 1);
  // Buckets are per key: another key is not affected.
  auto other = c.Get("/v1/entities/test_un-QDi.001", bearer(keys_.analyst));
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
  // Open routes are not rate limited (probes must keep working).
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(AuthTest, PerKeyRateOverridesTheServerDefault) {
  auto keys = KeyStore::open(home_);
  ASSERT_TRUE(keys.ok());
  std::string slow = (*keys)->create(Role::kScreener, "slow", 0.5)->secret;
  ServerOptions options;
  options.rate_per_second = 1000;
  options.rate_burst = 2;
  start_ready(options);
  auto c = client();
  int limited = 0;
  for (int i = 0; i < 4; ++i) {
    auto r = c.Get("/catalog", bearer(slow));
    ASSERT_TRUE(r);
    if (r->status == 429) {
      ++limited;
      EXPECT_EQ(r->get_header_value("Retry-After"), "2");  // one token at 0.5/s
    }
  }
  EXPECT_EQ(limited, 2);
}

TEST(AuthDefaultsTest, ServeRefusesToStartWithoutKeysUnlessNoAuth) {
  fs::path home = fresh_home("nokeys");
  ServerOptions options;
  options.home = home;
  options.port = 0;
  auto refused = Server::create(options);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("sekisho keys create"), std::string::npos);
  options.no_auth = true;
  auto open = Server::create(options);
  ASSERT_TRUE(open.ok()) << open.status().to_string();
  ASSERT_TRUE((*open)->start().ok());
  httplib::Client c("127.0.0.1", (*open)->port());
  auto r = c.Get("/v1/keys");  // admin route, no key
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  (*open)->stop();
  fs::remove_all(home);
}

TEST(AuthDefaultsTest, NonLoopbackNeedsAllowRemoteAndNeverNoAuth) {
  fs::path home = fresh_home("remote");
  create_keys(home);
  ServerOptions options;
  options.home = home;
  options.port = 0;
  options.host = "0.0.0.0";
  auto refused = Server::create(options);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("--allow-remote"), std::string::npos);
  options.allow_remote = true;
  EXPECT_TRUE(Server::create(options).ok());
  options.no_auth = true;
  EXPECT_FALSE(Server::create(options).ok());
  fs::remove_all(home);
}

TEST(AuthDefaultsTest, LoopbackAddresses) {
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(is_loopback_host("127.10.0.3"));
  EXPECT_TRUE(is_loopback_host("localhost"));
  EXPECT_TRUE(is_loopback_host("::1"));
  EXPECT_TRUE(is_loopback_host("[::1]"));
  EXPECT_FALSE(is_loopback_host("0.0.0.0"));
  EXPECT_FALSE(is_loopback_host("::"));
  EXPECT_FALSE(is_loopback_host("192.168.1.10"));
  EXPECT_FALSE(is_loopback_host("example.com"));
}

}  // namespace
}  // namespace sekisho::testing
