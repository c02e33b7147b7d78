// Each route's answer over a real loopback connection.
#include "server_fixture.hpp"

namespace sekisho::testing {
namespace {

class RoutesTest : public ServerTest {
 protected:
  void SetUp() override { seed_and_start(); }
};

TEST_F(RoutesTest, HealthzAndReadyzAnswerWithoutKey) {
  auto c = client();
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(json_of(health)["status"], "ok");
  auto ready = c.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  nlohmann::json j = json_of(ready);
  EXPECT_EQ(j["lists"], 2);
  EXPECT_EQ(j["entities"], 4);
}

TEST_F(RoutesTest, ListsShowsLatestVersionsWithCounts) {
  auto r = client().Get("/v1/lists", bearer(keys_.analyst));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = json_of(r);
  ASSERT_EQ(j["lists"].size(), 2u);
  EXPECT_EQ(j["lists"][0]["list"], "test_eu");
  EXPECT_EQ(j["lists"][1]["list"], "test_un");
  EXPECT_EQ(j["lists"][1]["version"], 1);
  EXPECT_EQ(j["lists"][1]["entities"], 3);
  EXPECT_EQ(j["lists"][1]["by_schema"]["Person"], 3);
  EXPECT_EQ(j["snapshot"]["entities"], 4);
}

TEST_F(RoutesTest, EntityCarriesRawRecordAndListVersion) {
  auto r = client().Get("/v1/entities/test_un-QDi.001", bearer(keys_.screener));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = json_of(r);
  EXPECT_EQ(j["id"], "test_un-QDi.001");
  EXPECT_EQ(j["caption"], "Ivan Petrov");
  EXPECT_EQ(j["schema"], "Person");
  EXPECT_NE(j["raw"].get<std::string>().find("<DATAID>QDi.001</DATAID>"), std::string::npos);
  EXPECT_EQ(j["list"]["id"], "test_un");
  EXPECT_EQ(j["list"]["version"], 1);
  EXPECT_FALSE(j["list"]["content_hash"].get<std::string>().empty());
}

TEST_F(RoutesTest, UnknownEntityIs404WithJsonError) {
  auto r = client().Get("/v1/entities/test_un-NOPE", bearer(keys_.screener));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(error_code_of(r), "not_found");
}

TEST_F(RoutesTest, DiffBetweenVersions) {
  Entity changed = test_person("test_un", "QDi.002", "Maria Lopez");
  changed.programs = {"1267"};
  import_into(home_, "test_un",
              test_list({test_person("test_un", "QDi.001", "Ivan Petrov"), changed,
                         test_person("test_un", "QDi.004", "Omar Haddad")},
                        "un-v2"));
  auto r = client().Get("/v1/lists/test_un/diff?from=1&to=2", bearer(keys_.analyst));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = json_of(r);
  EXPECT_EQ(j["from"], 1);
  EXPECT_EQ(j["to"], 2);
  ASSERT_EQ(j["added"].size(), 1u);
  EXPECT_EQ(j["added"][0]["id"], "test_un-QDi.004");
  ASSERT_EQ(j["removed"].size(), 1u);
  EXPECT_EQ(j["removed"][0]["id"], "test_un-QDi.003");
  ASSERT_EQ(j["changed"].size(), 2u);  // Ivan lost his extra fields, Maria gained a programme

  auto bad = client().Get("/v1/lists/test_un/diff?from=abc", bearer(keys_.analyst));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(error_code_of(bad), "invalid_argument");
  auto missing = client().Get("/v1/lists/no_such_list/diff", bearer(keys_.analyst));
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST_F(RoutesTest, YenteEntityInFollowTheMoneyShape) {
  auto r = client().Get("/entities/test_un-QDi.001", bearer(keys_.screener));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = json_of(r);
  EXPECT_EQ(j["id"], "test_un-QDi.001");
  EXPECT_EQ(j["schema"], "Person");
  EXPECT_EQ(j["datasets"], nlohmann::json::array({"test_un"}));
  EXPECT_EQ(j["properties"]["name"], nlohmann::json::array({"Ivan Petrov"}));
  EXPECT_EQ(j["properties"]["weakAlias"], nlohmann::json::array({"Ivan P."}));
  EXPECT_EQ(j["properties"]["birthDate"], nlohmann::json::array({"1960-05-17"}));
  // FollowTheMoney's country codes: ISO 3166-1, lower case.
  EXPECT_EQ(j["properties"]["nationality"], nlohmann::json::array({"ru"}));
  EXPECT_EQ(j["properties"]["passportNumber"], nlohmann::json::array({"P123456"}));
  EXPECT_TRUE(j["target"].get<bool>());

  auto vessel = json_of(client().Get("/entities/test_eu-V1", bearer(keys_.screener)));
  EXPECT_EQ(vessel["schema"], "Vessel");
  EXPECT_EQ(vessel["properties"]["imoNumber"], nlohmann::json::array({"9123456"}));
  EXPECT_EQ(vessel["properties"]["previousName"], nlohmann::json::array({"SEA STAR"}));
}

TEST_F(RoutesTest, CatalogListsDatasetsAndTheDefaultCollection) {
  auto r = client().Get("/catalog", bearer(keys_.screener));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = json_of(r);
  ASSERT_EQ(j["datasets"].size(), 4u);
  EXPECT_EQ(j["datasets"][0]["name"], "test_eu");
  EXPECT_EQ(j["datasets"][1]["name"], "test_un");
  EXPECT_EQ(j["datasets"][1]["entity_count"], 3);
  EXPECT_TRUE(j["datasets"][1]["load"].get<bool>());
  EXPECT_EQ(j["datasets"][1]["version"].get<std::string>().substr(0, 2), "1-");
  // yente's usual collection: the test lists are UN-format, so sanction lists.
  EXPECT_EQ(j["datasets"][2]["name"], "sanctions");
  EXPECT_EQ(j["datasets"][2]["children"], nlohmann::json::array({"test_eu", "test_un"}));
  EXPECT_EQ(j["datasets"][3]["name"], "default");
  EXPECT_EQ(j["datasets"][3]["children"], nlohmann::json::array({"test_eu", "test_un"}));
  EXPECT_EQ(j["current"], nlohmann::json::array({"test_eu", "test_un", "sanctions", "default"}));
  EXPECT_TRUE(j["outdated"].empty());
  EXPECT_FALSE(j["index_stale"].get<bool>());
}

TEST_F(RoutesTest, MetricsCountRequestsPerRouteAndShowLists) {
  auto c = client();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(c.Get("/v1/entities/test_un-QDi.002", bearer(keys_.screener)));
  ASSERT_TRUE(c.Get("/v1/entities/test_un-missing", bearer(keys_.screener)));
  auto r = c.Get("/metrics");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  const std::string& m = r->body;
  EXPECT_NE(m.find("sekisho_http_requests_total{route=\"GET /v1/entities/{id}\",code=\"200\"} 3\n"), std::string::npos)
      << m;
  EXPECT_NE(m.find("sekisho_http_requests_total{route=\"GET /v1/entities/{id}\",code=\"404\"} 1\n"), std::string::npos);
  EXPECT_NE(m.find("sekisho_http_request_duration_seconds_count{route=\"GET /v1/entities/{id}\"} 4\n"),
            std::string::npos);
  EXPECT_NE(m.find("sekisho_http_request_duration_seconds_bucket{route=\"GET /v1/entities/{id}\",le=\"+Inf\"} 4\n"),
            std::string::npos);
  EXPECT_NE(m.find("sekisho_list_version{list=\"test_un\"} 1\n"), std::string::npos);
  EXPECT_NE(m.find("sekisho_list_entities{list=\"test_un\"} 3\n"), std::string::npos);
  EXPECT_NE(m.find("sekisho_snapshot_entities 4\n"), std::string::npos);
  EXPECT_NE(m.find("sekisho_api_keys_active 3\n"), std::string::npos);
}

TEST_F(RoutesTest, KeysCreatedAndRevokedThroughTheApi) {
  auto c = client();
  auto created =
      c.Post("/v1/keys", bearer(keys_.admin), R"({"role": "screener", "name": "payments"})", "application/json");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  nlohmann::json j = json_of(created);
  std::string secret = j["secret"];
  std::string id = j["key"]["id"];
  EXPECT_EQ(j["key"]["role"], "screener");
  auto use = c.Get("/v1/entities/test_un-QDi.001", bearer(secret));
  ASSERT_TRUE(use);
  EXPECT_EQ(use->status, 200);

  auto listed = json_of(c.Get("/v1/keys", bearer(keys_.admin)));
  ASSERT_EQ(listed["keys"].size(), 4u);
  EXPECT_EQ(listed.dump().find(secret), std::string::npos) << "a listing must never show a secret";

  auto revoked = c.Delete("/v1/keys/" + id, bearer(keys_.admin));
  ASSERT_TRUE(revoked);
  EXPECT_EQ(revoked->status, 200) << revoked->body;
  auto after = c.Get("/v1/entities/test_un-QDi.001", bearer(secret));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
  auto again = c.Delete("/v1/keys/" + id, bearer(keys_.admin));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409);
  auto bad_role = c.Post("/v1/keys", bearer(keys_.admin), R"({"role": "root"})", "application/json");
  ASSERT_TRUE(bad_role);
  EXPECT_EQ(bad_role->status, 400);
}

TEST_F(RoutesTest, OpenApiServedAsJson) {
  auto r = client().Get("/openapi.json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(json_of(r)["openapi"].get<std::string>().substr(0, 2), "3.");
}

TEST(ServerStartupTest, ReadyzIs503UntilAListIsStored) {
  fs::path home = fresh_home("empty");
  create_keys(home);
  ServerOptions options;
  options.home = home;
  options.port = 0;
  options.poll_interval = std::chrono::milliseconds(50);
  auto server = Server::create(options);
  ASSERT_TRUE(server.ok()) << server.status().to_string();
  ASSERT_TRUE((*server)->start().ok());
  ASSERT_TRUE((*server)->wait_for_generation(1, kSnapshotWait));
  httplib::Client c("127.0.0.1", (*server)->port());
  auto before = c.Get("/readyz");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->status, 503);
  EXPECT_EQ(error_code_of(before), "unavailable");
  // A CLI import in another connection is noticed by polling.
  import_into(home, "test_un", test_list({test_person("test_un", "1", "Ivan Petrov")}, "h1"));
  ASSERT_TRUE((*server)->wait_for_generation(2, kSnapshotWait));
  auto after = c.Get("/readyz");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
  (*server)->stop();
  fs::remove_all(home);
}

}  // namespace
}  // namespace sekisho::testing
