// /reconcile/{dataset}: the OpenRefine Reconciliation Service API, driven with
// the request shapes of the W3C specification 0.2: the manifest on a bare GET,
// `queries` as a form field (what OpenRefine POSTs), as a GET parameter and as
// a JSON body; type and property filters; the key as ?api_key=.
#include "real_lists.hpp"

namespace sekisho::testing {
namespace {

class ReconcileTest : public RealListServerTest {
 protected:
  // POST application/x-www-form-urlencoded, queries=<JSON>.
  httplib::Result post_form(const std::string& path, const nlohmann::json& queries) {
    httplib::Params form = {{"queries", queries.dump()}};
    return client().Post(path, bearer(keys_.screener), form);
  }
};

TEST_F(ReconcileTest, ManifestDescribesTheService) {
  auto r = client().Get("/reconcile/default", bearer(keys_.screener));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json m = json_of(r);
  EXPECT_NE(std::find(m["versions"].begin(), m["versions"].end(), "0.2"), m["versions"].end());
  EXPECT_TRUE(m["name"].is_string());
  EXPECT_TRUE(m["identifierSpace"].is_string());
  EXPECT_TRUE(m["schemaSpace"].is_string());
  std::vector<std::string> types;
  for (const auto& t : m["defaultTypes"]) {
    EXPECT_EQ(t["id"], t["name"]);
    types.push_back(t["id"]);
  }
  EXPECT_EQ(types, (std::vector<std::string>{"Person", "Organization", "Company", "LegalEntity", "Vessel"}));
  std::string view = m["view"]["url"];
  std::string suffix = "/entities/{{id}}";
  ASSERT_GE(view.size(), suffix.size());
  EXPECT_EQ(view.substr(view.size() - suffix.size()), suffix);
  EXPECT_EQ(view.rfind("http://127.0.0.1:" + std::to_string(server_->port()), 0), 0u) << view;

  auto unknown = client().Get("/reconcile/nope", bearer(keys_.screener));
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST_F(ReconcileTest, FormEncodedQueriesAsOpenRefineSendsThem) {
  const Entity& person = un_person();
  nlohmann::json queries = {{"q0", {{"query", person.primary_name()->full}, {"type", "Person"}, {"limit", 3}}},
                            {"q1", {{"query", "Xqzv Plorptu Wembrin"}, {"type", "Person"}}}};
  auto r = post_form("/reconcile/default", queries);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = json_of(r);
  const nlohmann::json& result = j["q0"]["result"];
  ASSERT_FALSE(result.empty()) << r->body;
  EXPECT_LE(result.size(), 3u);
  EXPECT_EQ(result[0]["id"], person.id);
  EXPECT_EQ(result[0]["name"], person.caption);
  EXPECT_EQ(result[0]["type"], nlohmann::json::array({{{"id", "Person"}, {"name", "Person"}}}));
  EXPECT_TRUE(result[0]["match"].get<bool>());
  EXPECT_GE(result[0]["score"].get<double>(), 100 * kDefaultScreenThreshold);
  EXPECT_LE(result[0]["score"].get<double>(), 100.0);
  EXPECT_TRUE(j["q1"]["result"].empty());
}

TEST_F(ReconcileTest, TypeAndPropertyFilters) {
  const Entity& person = un_person();
  std::string name = person.primary_name()->full;
  // A person's name asked for as a vessel finds no person.
  nlohmann::json as_vessel = json_of(post_form("/reconcile/default", {{"q0", {{"query", name}, {"type", "Vessel"}}}}));
  for (const auto& c : as_vessel["q0"]["result"]) EXPECT_EQ(c["type"][0]["id"], "Vessel");
  // Property values qualify the score: the listed birth date and nationality
  // score at least the bare name, a birth date 30 years off scores less.
  auto score = [&](const nlohmann::json& properties) {
    // A typo keeps the bare score under 100, where qualifiers can move it either way.
    nlohmann::json q = {{"query", with_typo(name)}, {"type", "Person"}, {"properties", properties}};
    nlohmann::json j = json_of(post_form("/reconcile/default", {{"q0", q}}));
    EXPECT_EQ(j["q0"]["result"][0]["id"], person.id) << j.dump();
    return j["q0"]["result"][0]["score"].get<double>();
  };
  double bare = score(nlohmann::json::array());
  double agreeing = score({{{"pid", "birthDate"}, {"v", person.birth_dates[0].date.iso()}},
                           {{"pid", "nationality"}, {"v", person.nationalities[0]}}});
  double conflicting =
      score({{{"pid", "Person:birthDate"}, {"v", std::to_string(person.birth_dates[0].date.year - 30) + "-01-01"}}});
  ASSERT_LT(bare, 100.0);
  EXPECT_GT(agreeing, bare);
  EXPECT_LT(conflicting, bare);
}

TEST_F(ReconcileTest, GetQueriesJsonBodyAndKeyInQuery) {
  const Entity& person = un_person();
  nlohmann::json queries = {{"q0", {{"query", person.primary_name()->full}}}};
  auto c = client();
  httplib::Params params = {{"queries", queries.dump()}, {"api_key", keys_.screener}};
  auto get = c.Get("/reconcile/default", params, httplib::Headers{});
  ASSERT_TRUE(get);
  ASSERT_EQ(get->status, 200) << get->body;
  EXPECT_EQ(json_of(get)["q0"]["result"][0]["id"], person.id);

  auto json_body = c.Post("/reconcile/" + std::string(kUnList), bearer(keys_.screener),
                          nlohmann::json{{"queries", queries}}.dump(), "application/json");
  ASSERT_TRUE(json_body);
  ASSERT_EQ(json_body->status, 200) << json_body->body;
  EXPECT_EQ(json_of(json_body)["q0"]["result"][0]["id"], person.id);

  // The query-string key is only for the reconciliation routes.
  auto elsewhere = c.Get(("/v1/search?q=x&api_key=" + keys_.screener).c_str());
  ASSERT_TRUE(elsewhere);
  EXPECT_EQ(elsewhere->status, 401);
  auto anonymous = c.Get("/reconcile/default");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  auto wrong = c.Get("/reconcile/default?api_key=sk_0000000000000000_nope");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
}

TEST_F(ReconcileTest, MalformedQueriesAreClearErrors) {
  auto c = client();
  httplib::Params form = {{"queries", "{\"q0\": {\"query\": "}};
  auto bad_json = c.Post("/reconcile/default", bearer(keys_.screener), form);
  ASSERT_TRUE(bad_json);
  EXPECT_EQ(bad_json->status, 400);
  auto bad_type = post_form("/reconcile/default", {{"q0", {{"query", "Ivan Petrov"}, {"type", "Planet"}}}});
  ASSERT_TRUE(bad_type);
  EXPECT_EQ(bad_type->status, 400);
  EXPECT_NE(json_of(bad_type)["error"]["message"].get<std::string>().find("q0"), std::string::npos);
  auto no_name = post_form("/reconcile/default", {{"q0", {{"type", "Person"}}}});
  ASSERT_TRUE(no_name);
  EXPECT_EQ(no_name->status, 400);
  httplib::Params no_field = {{"something", "else"}};
  auto missing = c.Post("/reconcile/default", bearer(keys_.screener), no_field);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 400);
}

}  // namespace
}  // namespace sekisho::testing
