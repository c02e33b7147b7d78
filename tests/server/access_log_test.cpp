// Issue 20 §4: one log line per request with time, route, status, duration,
// key id and request id, as text or JSON; every answer carries its request id.
#include "server/access_log.hpp"

#include <sstream>

#include "server_fixture.hpp"

namespace sekisho::testing {
namespace {

using server::AccessEntry;

TEST(AccessLogLine, JsonHasEveryField) {
  AccessEntry e{.method = "GET",
                .route = "GET /v1/entities/{id}",
                .path = "/v1/entities/x",
                .remote = "127.0.0.1",
                .key_id = "3f9c0a1b",
                .request_id = "req-1",
                .status = 404,
                .duration = std::chrono::microseconds(1500)};
  nlohmann::json j = nlohmann::json::parse(server::access_log_line(e, "2026-12-07T09:00:00.000Z", LogFormat::kJson));
  EXPECT_EQ(j["time"], "2026-12-07T09:00:00.000Z");
  EXPECT_EQ(j["event"], "request");
  EXPECT_EQ(j["route"], "GET /v1/entities/{id}");
  EXPECT_EQ(j["path"], "/v1/entities/x");
  EXPECT_EQ(j["status"], 404);
  EXPECT_DOUBLE_EQ(j["duration_ms"].get<double>(), 1.5);
  EXPECT_EQ(j["key_id"], "3f9c0a1b");
  EXPECT_EQ(j["request_id"], "req-1");
  e.key_id = "";
  j = nlohmann::json::parse(server::access_log_line(e, "t", LogFormat::kJson));
  EXPECT_TRUE(j["key_id"].is_null());
  std::string text = server::access_log_line(e, "2026-12-07T09:00:00.000Z", LogFormat::kText);
  EXPECT_EQ(text, "2026-12-07T09:00:00.000Z 127.0.0.1 GET /v1/entities/x 404 1.500ms key=- request=req-1");
}

TEST(AccessLogLine, OnlySaneClientRequestIdsAreKept) {
  EXPECT_EQ(server::request_id_for("abc-123_x.y:z"), "abc-123_x.y:z");
  for (std::string bad : {std::string(), std::string("a b"), std::string("x\n{\"forged\":1}"), std::string(200, 'a')}) {
    std::string id = server::request_id_for(bad);
    EXPECT_NE(id, bad);
    EXPECT_EQ(id.size(), 16u) << id;
  }
  EXPECT_NE(server::request_id_for(""), server::request_id_for(""));
}

class AccessLogServer : public ServerTest {};

TEST_F(AccessLogServer, EachRequestIsOneJsonLineWithKeyAndRequestId) {
  seed_lists(home_);
  keys_ = create_keys(home_);
  std::string analyst_id;
  auto key_store = KeyStore::open(home_);
  ASSERT_TRUE(key_store.ok());
  auto records = (*key_store)->list();
  ASSERT_TRUE(records.ok());
  for (const KeyRecord& k : *records) {
    if (k.role == Role::kAnalyst) analyst_id = k.id;
  }
  ASSERT_FALSE(analyst_id.empty());
  ::testing::internal::CaptureStderr();
  start_ready({.access_log = true, .log_format = LogFormat::kJson});
  httplib::Headers headers = bearer(keys_.analyst);
  headers.emplace("X-Request-Id", "batch-7");
  auto r = client().Get("/v1/lists", headers);
  auto unknown = client().Get("/no/such/route");
  server_.reset();
  std::string log = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("X-Request-Id"), "batch-7");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->get_header_value("X-Request-Id").size(), 16u);

  std::vector<nlohmann::json> requests;
  bool lists_loaded = false;
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << "not a JSON line: " << line;
    if (j["event"] == "request") requests.push_back(j);
    lists_loaded = lists_loaded || (j["event"] == "lists_loaded" && j["lists"].is_array());
  }
  EXPECT_TRUE(lists_loaded) << log;
  ASSERT_EQ(requests.size(), 2u) << log;  // start_ready waits in-process: no request of its own
  const nlohmann::json* lists = nullptr;
  for (const auto& j : requests) {
    if (j["path"] == "/v1/lists") lists = &j;
  }
  ASSERT_NE(lists, nullptr) << log;
  EXPECT_EQ((*lists)["route"], "GET /v1/lists");
  EXPECT_EQ((*lists)["status"], 200);
  EXPECT_EQ((*lists)["key_id"], analyst_id);
  EXPECT_EQ((*lists)["request_id"], "batch-7");
  EXPECT_GE((*lists)["duration_ms"].get<double>(), 0.0);
  EXPECT_EQ((*lists)["time"].get<std::string>().size(), 24u);
}

}  // namespace
}  // namespace sekisho::testing
