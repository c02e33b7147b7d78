// The yente routes driven by Python `requests` (Debian python3-requests), as a
// yente user's script would call them.
#include "server_fixture.hpp"
#include "support/subprocess.hpp"

namespace sekisho::testing {
namespace {

class YenteClientTest : public ServerTest {
 protected:
  void SetUp() override { seed_and_start(); }
};

TEST_F(YenteClientTest, PythonRequestsReadsCatalogEntitiesMatchesAndSearches) {
  // Debian's interpreter is the one scripts/setup gives python3-requests.
  std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  std::string script = std::string(SEKISHO_SOURCE_DIR) + "/tests/server/yente_client.py";
  std::string base = "http://127.0.0.1:" + std::to_string(server_->port());
  RunResult r = run_process({python, script, base, keys_.screener, "test_un-QDi.001", "Ivan Petrov"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("catalog ok: test_eu, test_un, sanctions, default"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("entity ok: test_un-QDi.001 Person"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("match ok: test_un-QDi.001"), std::string::npos) << r.out << r.err;
  EXPECT_NE(r.out.find("search ok:"), std::string::npos) << r.out << r.err;
  EXPECT_NE(r.out.find("errors ok"), std::string::npos) << r.out << r.err;
}

}  // namespace
}  // namespace sekisho::testing
