// POST /v1/transfers/check decides the golden transfer cases as the CLI does
// with --no-screen, and by default screens every party with the snapshot the
// request pinned.

#include <algorithm>

#include "server_fixture.hpp"
#include "support/subprocess.hpp"

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

// Three golden cases with three different decisions, so a route that answered one fixed
// decision, or ignored the request's hops, fails at least two of them.
TEST_F(TransferRouteTest, DecidesGoldenCasesLikeTheirExpectations) {
  for (const char* name : {"case04b_rifles_to_ukraine_denied.json", "case04_helmets_to_ukraine_allowed.json",
                           "case08_eccn_3a001_to_china.json"}) {
    std::string text = read_file(kGolden / name);
    ASSERT_FALSE(text.empty()) << name;
    nlohmann::json expect = nlohmann::json::parse(text)["expect"];
    // The golden expectations rest on the hits the request states, as `transfer check --no-screen`.
    auto r = client().Post("/v1/transfers/check?screen=false", bearer(keys_.analyst), text, "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << name << ": " << r->body;
    nlohmann::json j = json_of(r);
    EXPECT_EQ(j["decision"], expect["decision"]) << name;
    EXPECT_EQ(j["hop"], expect["hop"]) << name;
    const auto& rules = j["determining_rules"];
    EXPECT_NE(std::find(rules.begin(), rules.end(), expect["rule"]), rules.end()) << name << ": " << r->body;
  }
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
  auto no_hops = c.Post("/v1/transfers/check", bearer(keys_.analyst),
                        R"({"id": "x", "as_of": "2024-01-01", "item": {"id": "i"}})", "application/json");
  ASSERT_TRUE(no_hops);
  EXPECT_GE(no_hops->status, 400);
  EXPECT_LT(no_hops->status, 500);
}

// A buyer on Japan's asset-freeze list, found by fuzzy screening of the
// snapshot (the request states no hit): the MOF rule fires; with
// ?screen=false it does not, and the decision says no screening was asked for.
TEST_F(TransferRouteTest, ScreensPartiesAgainstTheSnapshotLists) {
  Entity buyer;
  buyer.id = make_entity_id("jp_mof_sanctions", "mof-77");
  buyer.source_id = "mof-77";
  buyer.schema = Schema::kCompany;
  buyer.caption = "VOLGA PRECISION MACHINERY LLC";
  buyer.add_name({.full = "VOLGA PRECISION MACHINERY LLC"});
  buyer.raw = "{}";
  import_into(home_, "jp_mof_sanctions", test_list({buyer}, "mof-v1"));
  server_->request_reload();
  ASSERT_TRUE(server_->wait_for_generation(2, kSnapshotWait)) << "the new list was not loaded";

  nlohmann::json golden =
      nlohmann::json::parse(read_file(kGolden / "case05e_non_listed_goods_undesignated_buyer.json"));
  nlohmann::json request = golden["request"];
  request["hops"][0]["to"]["name"] = "OOO Volga Precision Machinery";
  auto c = client();

  auto screened = c.Post("/v1/transfers/check", bearer(keys_.analyst), request.dump(), "application/json");
  ASSERT_TRUE(screened);
  ASSERT_EQ(screened->status, 200) << screened->body;
  nlohmann::json d = json_of(screened);
  EXPECT_EQ(d["screening"]["requested"], true);
  ASSERT_FALSE(d["screening_hits"].empty()) << d.dump(2);
  const nlohmann::json& hit = d["screening_hits"][0];
  EXPECT_EQ(hit["entity_id"], buyer.id);
  EXPECT_EQ(hit["source"], "screened");
  EXPECT_NE(hit["rules"].dump().find("JP.FEFTA.16.ASSET_FREEZE"), std::string::npos) << hit.dump(2);
  EXPECT_NE(d["decision"], "ALLOW");

  auto unscreened =
      c.Post("/v1/transfers/check?screen=false", bearer(keys_.analyst), request.dump(), "application/json");
  ASSERT_TRUE(unscreened);
  ASSERT_EQ(unscreened->status, 200) << unscreened->body;
  nlohmann::json u = json_of(unscreened);
  EXPECT_EQ(u["screening"]["requested"], false);
  EXPECT_TRUE(u["screening_hits"].empty());
  EXPECT_EQ(u["decision"], golden["expect"]["decision"]);

  auto bad = c.Post("/v1/transfers/check?threshold=2", bearer(keys_.analyst), request.dump(), "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400) << bad->body;
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
  ASSERT_TRUE((*server)->wait_for_generation(1, kSnapshotWait));
  httplib::Client c("127.0.0.1", (*server)->port());
  auto r = c.Post("/v1/transfers/check", bearer(keys.analyst), "{}", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  (*server)->stop();
  fs::remove_all(home);
}

// ?record=true keeps the decision as a transfer case, readable under
// /v1/transfers, audited after the bundle the server started with.
TEST_F(TransferRouteTest, RecordsTheDecisionAsAnAuditedCase) {
  std::string text = read_file(kGolden / "case04b_rifles_to_ukraine_denied.json");
  nlohmann::json expect = nlohmann::json::parse(text)["expect"];
  auto c = client();
  auto bad = c.Post("/v1/transfers/check?record=yes", bearer(keys_.analyst), text, "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto unrecorded = c.Post("/v1/transfers/check?screen=false", bearer(keys_.analyst), text, "application/json");
  ASSERT_EQ(unrecorded->status, 200);
  EXPECT_FALSE(json_of(unrecorded).contains("record"));

  auto r = c.Post("/v1/transfers/check?record=true", bearer(keys_.analyst), text, "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json answer = json_of(r);
  EXPECT_EQ(answer["decision"], expect["decision"]);
  ASSERT_EQ(answer["record"]["id"], 1) << r->body;

  EXPECT_EQ(c.Get("/v1/transfers", bearer(keys_.screener))->status, 403);
  nlohmann::json list = json_of(c.Get("/v1/transfers", bearer(keys_.analyst)))["transfers"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_NE(list[0]["actor"].get<std::string>().find("(analyst)"), std::string::npos);
  nlohmann::json one = json_of(c.Get("/v1/transfers/1", bearer(keys_.analyst)));
  EXPECT_EQ(one["request"], nlohmann::json::parse(text));
  EXPECT_EQ(one["answer"]["trace"], answer["trace"]);
  EXPECT_EQ(one["decision"], expect["decision"]);
  EXPECT_EQ(one["policy_sha256"], answer["policy_sha256"]);
  // Screened against the snapshot: both seeded lists, at version 1.
  EXPECT_EQ(one["lists"], nlohmann::json({{"test_eu", 1}, {"test_un", 1}}));
  EXPECT_EQ(c.Get("/v1/transfers/2", bearer(keys_.analyst))->status, 404);

  std::vector<std::string> actions;
  nlohmann::json audit = json_of(c.Get("/v1/audit", bearer(keys_.admin)));
  for (const auto& e : audit["entries"]) actions.push_back(e["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"policy.bundle", "transfer.decide"}));
  EXPECT_EQ(json_of(c.Get("/v1/audit/verify", bearer(keys_.admin)))["ok"], true);
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

// The snapshot serves the latest Denied Persons List (2022-09), which names AEROCARGO DEL SUR;
// the 2019-07 version does not. A decision dated between the two is screened at the version in
// force then, as `sekisho transfer check` does, and says so; a decision dated today uses the
// snapshot and denies under General Prohibition 4.
class DatedTransferRouteTest : public ServerTest {
 protected:
  void SetUp() override {
    for (const char* file : {"us_bis/dpl_2019-07.txt", "us_bis/dpl_2022-09.txt"}) {
      auto r = run_process({SEKISHO_BINARY, "--home", home_.string(), "import", "bis-dpl",
                            (fs::path(SEKISHO_SHARED_DATA) / file).string()});
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    keys_ = create_keys(home_);
    ServerOptions options;
    options.policies = fs::path(SEKISHO_SOURCE_DIR) / "policies";
    start_ready(options);
  }

  nlohmann::json decide(const std::string& as_of) {
    const nlohmann::json request = {
        {"id", "dated-dpl"},
        {"as_of", as_of},
        {"item",
         {{"id", "valves"}, {"classifications", {{"US_ECCN", {"EAR99"}}}}, {"origin", "US"}, {"us_content_pct", 100}}},
        {"hops",
         {{{"from", {{"name", "Pacific Components Inc"}, {"country", "US"}, {"kind", "company"}}},
           {"to", {{"name", "Aerocargo del Sur Transportation Company"}, {"country", "VE"}, {"kind", "company"}}}}}}};
    auto r = client().Post("/v1/transfers/check", bearer(keys_.analyst), request.dump(), "application/json");
    EXPECT_TRUE(r);
    if (!r) return {};
    EXPECT_EQ(r->status, 200) << r->body;
    return json_of(r);
  }
};

TEST_F(DatedTransferRouteTest, ScreensTheListVersionInForceOnTheDecisionDate) {
  const nlohmann::json today = decide("2023-01-10");
  ASSERT_EQ(today["screening"]["lists"].size(), 1u) << today.dump();
  EXPECT_EQ(today["screening"]["lists"][0]["version"], 2);
  EXPECT_EQ(today["decision"], "DENY") << today.dump();

  const nlohmann::json back_dated = decide("2021-01-10");
  ASSERT_EQ(back_dated["screening"]["lists"].size(), 1u) << back_dated.dump();
  EXPECT_EQ(back_dated["screening"]["lists"][0]["version"], 1) << back_dated.dump();
  for (const auto& rule : back_dated["determining_rules"]) EXPECT_NE(rule, "US.736.2.GP4.DENIED_PERSON");
  EXPECT_TRUE(back_dated["screening_hits"].empty()) << back_dated.dump();
}

}  // namespace
}  // namespace sekisho::testing
