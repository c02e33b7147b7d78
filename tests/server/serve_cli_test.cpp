// `sekisho keys` and `sekisho serve` as a user runs them.
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>

#include "server_fixture.hpp"
#include "support/subprocess.hpp"

namespace sekisho::testing {
namespace {

TEST(ServeCliTest, KeysCreateListRevoke) {
  fs::path home = fresh_home("cli");
  std::string h = "--home=" + home.string();
  RunResult created = run_process({SEKISHO_BINARY, h, "keys", "create", "--role", "analyst", "--name", "bi team"});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  std::string secret = created.out.substr(0, created.out.find('\n'));
  EXPECT_EQ(secret.rfind("sk_", 0), 0u) << created.out;
  EXPECT_NE(created.err.find("shown only this once"), std::string::npos);
  std::string id = secret.substr(3, 16);
  RunResult listed = run_process({SEKISHO_BINARY, h, "keys", "list"});
  ASSERT_EQ(listed.exit_code, 0);
  EXPECT_NE(listed.out.find(id), std::string::npos);
  EXPECT_NE(listed.out.find("analyst"), std::string::npos);
  EXPECT_NE(listed.out.find("bi team"), std::string::npos);
  EXPECT_EQ(listed.out.find(secret.substr(20)), std::string::npos) << "list shows a secret";
  EXPECT_EQ(run_process({SEKISHO_BINARY, h, "keys", "revoke", id}).exit_code, 0);
  EXPECT_EQ(run_process({SEKISHO_BINARY, h, "keys", "revoke", "0000"}).exit_code, 66);
  EXPECT_EQ(run_process({SEKISHO_BINARY, h, "keys", "create", "--role", "root"}).exit_code, 64);
  fs::remove_all(home);
}

TEST(ServeCliTest, ServeRefusesWithoutKeysThenServesUntilSigterm) {
  fs::path home = fresh_home("cli");
  std::string h = "--home=" + home.string();
  RunResult refused = run_process({SEKISHO_BINARY, h, "serve", "--listen", "127.0.0.1:0"});
  EXPECT_EQ(refused.exit_code, 64);
  EXPECT_NE(refused.err.find("no API keys"), std::string::npos) << refused.err;
  RunResult remote = run_process({SEKISHO_BINARY, h, "serve", "--listen", "0.0.0.0:0", "--no-auth"});
  EXPECT_EQ(remote.exit_code, 64);

  RunResult created = run_process({SEKISHO_BINARY, h, "keys", "create", "--role", "admin"});
  ASSERT_EQ(created.exit_code, 0);
  std::string secret = created.out.substr(0, created.out.find('\n'));
  int port = free_loopback_port();
  ChildProcess serve({SEKISHO_BINARY, h, "serve", "--listen", "127.0.0.1:" + std::to_string(port)}, {});
  ASSERT_TRUE(serve.wait_for_stderr("listening on http://127.0.0.1:" + std::to_string(port), 20000));
  httplib::Client c("127.0.0.1", port);
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto keys = c.Get("/v1/keys", bearer(secret));
  ASSERT_TRUE(keys);
  EXPECT_EQ(keys->status, 200);
  ::kill(serve.pid(), SIGTERM);
  EXPECT_EQ(serve.wait(), 0);
  fs::remove_all(home);
}

}  // namespace
}  // namespace sekisho::testing
