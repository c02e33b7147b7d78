// /v1/parties, /v1/alerts, /v1/runs, /v1/audit: roles, the four-eyes rule
// over keys, and the same store the CLI reads.
#include "sekisho/cases.hpp"
#include "server/server_fixture.hpp"

namespace sekisho::testing {
namespace {

using nlohmann::json;

class CaseRoutesTest : public ServerTest {
 protected:
  void SetUp() override { seed_and_start(); }

  httplib::Result post(const std::string& path, const json& body, const std::string& key) {
    return client().Post(path, bearer(key), body.dump(), "application/json");
  }
  httplib::Result get(const std::string& path, const std::string& key) { return client().Get(path, bearer(key)); }

  // Imports two parties (one named like a listed person) and returns the alert raised for it.
  json import_and_alert() {
    json body = {{"parties",
                  {{{"id", "C1"}, {"name", "Ivan Petrov"}, {"schema", "Person"}, {"birth_date", "1960-05-17"}},
                   {{"id", "C2"}, {"name", "Greta Lindqvist"}, {"schema", "Person"}}}}};
    auto r = post("/v1/parties", body, keys_.admin);
    EXPECT_TRUE(r && r->status == 201) << (r ? r->body : "no response");
    json out = json_of(r);
    EXPECT_EQ(out["added"], 2);
    EXPECT_EQ(out["run"]["parties_screened_full"], 2);
    auto alerts = json_of(get("/v1/alerts?party=C1", keys_.analyst));
    EXPECT_EQ(alerts["alerts"].size(), 1u) << alerts.dump();
    return alerts["alerts"].empty() ? json() : alerts["alerts"][0];
  }
};

TEST_F(CaseRoutesTest, ImportRaisesAlertsOnlyForTheListedName) {
  json alert = import_and_alert();
  EXPECT_EQ(alert["entity_id"], "test_un-QDi.001");
  EXPECT_EQ(alert["state"], "open");
  auto c2 = json_of(get("/v1/parties/C2", keys_.analyst));
  EXPECT_EQ(c2["screened"], true);
  EXPECT_TRUE(c2["alerts"].empty());
  EXPECT_EQ(get("/v1/parties/nobody", keys_.analyst)->status, 404);
}

TEST_F(CaseRoutesTest, RolesAreEnforced) {
  json body = {{"parties", {{{"id", "C1"}, {"name", "Ivan Petrov"}}}}};
  EXPECT_EQ(post("/v1/parties", body, keys_.analyst)->status, 403);
  EXPECT_EQ(get("/v1/alerts", keys_.screener)->status, 403);
  EXPECT_EQ(get("/v1/audit", keys_.analyst)->status, 403);
  EXPECT_EQ(client().Get("/v1/alerts")->status, 401);
  // A screener raises runs.
  import_and_alert();
  auto run = post("/v1/runs", json::object(), keys_.screener);
  ASSERT_EQ(run->status, 201) << run->body;
  EXPECT_EQ(json_of(run)["parties_screened_full"], 0);  // nothing changed since the import's run
  EXPECT_EQ(post("/v1/alerts/1/decision", {{"state", "false_positive"}, {"reason", "x"}}, keys_.screener)->status, 403);
}

TEST_F(CaseRoutesTest, DecisionNeedsAReasonAndAKnownState) {
  json alert = import_and_alert();
  std::string path = "/v1/alerts/" + std::to_string(alert["id"].get<int64_t>()) + "/decision";
  auto no_reason = post(path, {{"state", "false_positive"}}, keys_.analyst);
  EXPECT_EQ(no_reason->status, 400);
  EXPECT_EQ(post(path, {{"state", "maybe"}, {"reason", "x"}}, keys_.analyst)->status, 400);
  EXPECT_EQ(post("/v1/alerts/999/decision", {{"state", "closed"}, {"reason", "x"}}, keys_.analyst)->status, 404);
}

TEST_F(CaseRoutesTest, FourEyesOverKeys) {
  json alert = import_and_alert();
  {
    auto cases = CaseStore::open(home_);
    ASSERT_TRUE(cases.ok());
    ASSERT_TRUE((*cases)->set_review_settings({.four_eyes = true, .confirm_role = Role::kAdmin}, "test").ok());
  }
  std::string base = "/v1/alerts/" + std::to_string(alert["id"].get<int64_t>());
  auto proposed =
      post(base + "/decision", {{"state", "false_positive"}, {"reason", "other birth date"}}, keys_.analyst);
  ASSERT_EQ(proposed->status, 200) << proposed->body;
  json p = json_of(proposed);
  EXPECT_EQ(p["state"], "open");
  EXPECT_EQ(p["pending"]["state"], "false_positive");
  EXPECT_NE(p["pending"]["by"].get<std::string>().find("(analyst)"), std::string::npos);
  // The proposer's own key may not confirm, and an analyst lacks the role.
  EXPECT_EQ(post(base + "/confirmation", json::object(), keys_.analyst)->status, 403);
  auto confirmed = post(base + "/confirmation", {{"reason", "agreed"}}, keys_.admin);
  ASSERT_EQ(confirmed->status, 200) << confirmed->body;
  json c = json_of(confirmed);
  EXPECT_EQ(c["state"], "false_positive");
  EXPECT_EQ(c["events"].back()["kind"], "confirmed");
  // The good-guy list now holds the pair: a full run finds it and stays quiet.
  auto full = post("/v1/runs", {{"full", true}}, keys_.screener);
  ASSERT_EQ(full->status, 201);
  EXPECT_EQ(json_of(full)["alerts_raised"], 0);
  EXPECT_EQ(json_of(full)["alerts_suppressed"], 1);
}

TEST_F(CaseRoutesTest, AuditListsWhoDidWhatAndVerifies) {
  json alert = import_and_alert();
  std::string base = "/v1/alerts/" + std::to_string(alert["id"].get<int64_t>());
  ASSERT_EQ(
      post(base + "/decision", {{"state", "escalated"}, {"reason", "needs a second look"}}, keys_.analyst)->status,
      200);
  auto entries = json_of(get("/v1/audit", keys_.admin))["entries"];
  std::vector<std::string> actions;
  for (const json& e : entries) actions.push_back(e["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"parties.import", "run", "alert.decide"}));
  EXPECT_NE(entries[2]["actor"].get<std::string>().find("(analyst)"), std::string::npos);
  auto verify = json_of(get("/v1/audit/verify", keys_.admin));
  EXPECT_EQ(verify["ok"], true);
  EXPECT_EQ(verify["entries"], 3);
  auto runs = json_of(get("/v1/runs", keys_.analyst))["runs"];
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(json_of(get("/v1/runs/" + std::to_string(runs[0]["id"].get<int64_t>()), keys_.analyst))["id"],
            runs[0]["id"]);
}

TEST_F(CaseRoutesTest, ReviewSettingsAreForAdminsOnly) {
  EXPECT_EQ(get("/v1/review-settings", keys_.analyst)->status, 403);
  EXPECT_EQ(get("/v1/review-settings", keys_.screener)->status, 403);
  EXPECT_EQ(post("/v1/review-settings", {{"four_eyes", true}}, keys_.analyst)->status, 403);
  EXPECT_EQ(post("/v1/review-settings", {{"four_eyes", true}}, keys_.screener)->status, 403);
  EXPECT_EQ(client().Get("/v1/review-settings")->status, 401);
  // Refused changes left the settings as they were.
  auto cases = CaseStore::open(home_);
  ASSERT_TRUE(cases.ok());
  EXPECT_FALSE((*cases)->review_settings()->four_eyes);
  json current = json_of(get("/v1/review-settings", keys_.admin));
  EXPECT_EQ(current, json({{"four_eyes", false}, {"confirm_role", "admin"}}));
}

TEST_F(CaseRoutesTest, ReviewSettingsRejectBadFields) {
  EXPECT_EQ(post("/v1/review-settings", {{"four_eyes", "yes"}}, keys_.admin)->status, 400);
  EXPECT_EQ(post("/v1/review-settings", {{"confirm_role", "screener"}}, keys_.admin)->status, 400);
  EXPECT_EQ(post("/v1/review-settings", {{"confirm_role", "boss"}}, keys_.admin)->status, 400);
  auto unknown = post("/v1/review-settings", {{"four_eye", true}}, keys_.admin);
  ASSERT_EQ(unknown->status, 400);
  EXPECT_NE(json_of(unknown)["error"]["message"].get<std::string>().find("four_eye"), std::string::npos);
  EXPECT_EQ(json_of(get("/v1/review-settings", keys_.admin))["four_eyes"], false);
}

TEST_F(CaseRoutesTest, ReviewSettingsTakeEffectAndAreAudited) {
  json alert = import_and_alert();
  auto set = post("/v1/review-settings", {{"four_eyes", true}, {"confirm_role", "analyst"}}, keys_.admin);
  ASSERT_EQ(set->status, 200) << set->body;
  EXPECT_EQ(json_of(set), json({{"four_eyes", true}, {"confirm_role", "analyst"}}));
  // A field left out keeps its value.
  auto partial = post("/v1/review-settings", {{"confirm_role", "analyst"}}, keys_.admin);
  EXPECT_EQ(json_of(partial)["four_eyes"], true);

  // Four-eyes is on: the analyst's decision waits, and (confirm_role analyst)
  // the admin's confirmation settles it.
  std::string base = "/v1/alerts/" + std::to_string(alert["id"].get<int64_t>());
  json proposed =
      json_of(post(base + "/decision", {{"state", "true_match"}, {"reason", "same passport"}}, keys_.analyst));
  EXPECT_EQ(proposed["state"], "open");
  EXPECT_EQ(proposed["pending"]["state"], "true_match");
  json confirmed = json_of(post(base + "/confirmation", {{"reason", "agreed"}}, keys_.admin));
  EXPECT_EQ(confirmed["state"], "true_match");

  // Switched off again.
  ASSERT_EQ(post("/v1/review-settings", {{"four_eyes", false}}, keys_.admin)->status, 200);
  EXPECT_EQ(json_of(get("/v1/review-settings", keys_.admin))["four_eyes"], false);

  std::vector<json> changes;
  json audit = json_of(get("/v1/audit", keys_.admin));
  for (const json& e : audit["entries"]) {
    if (e["action"] == "settings.review") changes.push_back(e);
  }
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_NE(changes[0]["actor"].get<std::string>().find("(admin)"), std::string::npos);
  EXPECT_EQ(changes[0]["detail"], json({{"four_eyes", true}, {"confirm_role", "analyst"}}));
  EXPECT_EQ(changes[2]["detail"]["four_eyes"], false);
  EXPECT_EQ(json_of(get("/v1/audit/verify", keys_.admin))["ok"], true);
}

TEST_F(CaseRoutesTest, BadPartyNamesItsIndexAndField) {
  json body = {{"parties", {{{"id", "C1"}, {"name", "Ann"}}, {{"id", "C2"}, {"name", "Bo"}, {"birth_date", "soon"}}}}};
  auto r = post("/v1/parties", body, keys_.admin);
  ASSERT_EQ(r->status, 400);
  std::string message = json_of(r)["error"]["message"];
  EXPECT_NE(message.find("parties[1]"), std::string::npos) << message;
  EXPECT_NE(message.find("birth_date"), std::string::npos) << message;
  // Nothing of the request was stored.
  EXPECT_TRUE(json_of(get("/v1/parties", keys_.analyst))["parties"].empty());
}

}  // namespace
}  // namespace sekisho::testing
