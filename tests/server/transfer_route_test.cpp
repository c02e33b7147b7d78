// POST /v1/transfers/check decides the golden transfer cases as the CLI does.

#include "server_fixture.hpp"

namespace sekisho::testing {
namespace {

const fs::path kGolden = fs::path(SEKISHO_SOURCE_DIR) / "tests" / "rules" / "golden";

class TransferRouteTest : public ServerTest {
 protected:
  void SetUp() override {
    seed_lists(home_);
    keys_ = create_keys(home_);
    ServerOptions options;
    options.policies = fs::path(SEKISHO_SOURCE_DIR) / "policies";
    start_ready(options);
  }
};

TEST_F(TransferRouteTest, DecidesGoldenCasesLikeTheirExpectations) {
  int checked = 0;
  for (const char* name : {"case04b_rifles_to_ukraine_denied.json", "case04_helmets_to_ukraine_allowed.json",
                           "case08_eccn_3a001_to_china.json"}) {
    std::string text = read_file(kGolden / name);
    ASSERT_FALSE(text.empty()) << name;
    nlohmann::json expect = nlohmann::json::parse(text)["expect"];
    auto r = client().Post("/v1/transfers/check", bearer(keys_.analyst), text, "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << name << ": " << r->body;
    nlohmann::json j = json_of(r);
    EXPECT_EQ(j["decision"], expect["decision"]) << name;
    ++checked;
  }
  EXPECT_EQ(checked, 3);
}

TEST_F(TransferRouteTest, RolesAndBadRequests) {
  std::string text = read_file(kGolden / "case04b_rifles_to_ukraine_denied.json");
  auto c = client();
  auto screener = c.Post("/v1/transfers/check", bearer(keys_.screener), text, "application/json");
  ASSERT_TRUE(screener);
  EXPECT_EQ(screener->status, 403);
  auto admin = c.Post("/v1/transfers/check", bearer(keys_.admin), text, "application/json");
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->status, 200);

  auto bad_json = c.Post("/v1/transfers/check", bearer(keys_.analyst), "{\"id\": ", "application/json");
  ASSERT_TRUE(bad_json);
  EXPECT_GE(bad_json->status, 400);
  EXPECT_LT(bad_json->status, 500);
  EXPECT_NE(json_of(bad_json)["error"]["message"].get<std::string>().find("request body"), std::string::npos);
  auto no_hops = c.Post("/v1/transfers/check", bearer(keys_.analyst), R"({"id": "x", "as_of": "2024-01-01", "item": {"id": "i"}})",
                        "application/json");
  ASSERT_TRUE(no_hops);
  EXPECT_GE(no_hops->status, 400);
  EXPECT_LT(no_hops->status, 500);
}

TEST(TransferRouteStartTest, WithoutPoliciesTheRouteIs503) {
  fs::path home = fresh_home("nopol");
  KeySet keys = create_keys(home);
  seed_lists(home);
  ServerOptions options;
  options.home = home;
  options.port = 0;
  auto server = Server::create(options);
  ASSERT_TRUE(server.ok());
  ASSERT_TRUE((*server)->start().ok());
  ASSERT_TRUE((*server)->wait_for_generation(1, std::chrono::seconds(20)));
  httplib::Client c("127.0.0.1", (*server)->port());
  auto r = c.Post("/v1/transfers/check", bearer(keys.analyst), "{}", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  (*server)->stop();
  fs::remove_all(home);
}

TEST(TransferRouteStartTest, ABrokenPolicyDirectoryStopsTheStart) {
  fs::path home = fresh_home("badpol");
  create_keys(home);
  ServerOptions options;
  options.home = home;
  options.port = 0;
  options.policies = home / "no-such-policies";
  auto server = Server::create(options);
  EXPECT_FALSE(server.ok());
  fs::remove_all(home);
}

}  // namespace
}  // namespace sekisho::testing
