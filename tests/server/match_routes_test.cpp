// yente-compatible POST /match/{dataset} and GET /search/{dataset} over the
// real UN list, in yente's request and response shapes.
#include "real_lists.hpp"

namespace sekisho::testing {
namespace {

class MatchRoutesTest : public RealListServerTest {
 protected:
  static nlohmann::json person_query(const Entity& person) {
    return {{"schema", "Person"},
            {"properties",
             {{"name", {person.primary_name()->full}},
              {"birthDate", {person.birth_dates[0].date.iso()}},
              {"nationality", {person.nationalities[0]}}}}};
  }
  httplib::Result post_match(const std::string& path, const nlohmann::json& body) {
    return client().Post(path, bearer(keys_.screener), body.dump(), "application/json");
  }
};

TEST_F(MatchRoutesTest, MatchAnswersInYentesShape) {
  const Entity& person = un_person();
  auto r = post_match("/match/default",
                      {{"queries",
                        {{"q1", person_query(person)},
                         {"q2", {{"schema", "Company"}, {"properties", {{"name", "Xqzv Plorptu Wembrin LLC"}}}}}}}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = json_of(r);
  EXPECT_EQ(j["limit"], 5);
  EXPECT_TRUE(j["matcher"].contains("name_match"));
  EXPECT_EQ(r->get_header_value("x-batch-size"), "2");
  const nlohmann::json& q1 = j["responses"]["q1"];
  EXPECT_EQ(q1["status"], 200);
  ASSERT_FALSE(q1["results"].empty()) << r->body;
  const nlohmann::json& top = q1["results"][0];
  EXPECT_EQ(top["id"], person.id);
  EXPECT_EQ(top["caption"], person.caption);
  EXPECT_EQ(top["schema"], "Person");
  EXPECT_EQ(top["datasets"], nlohmann::json::array({kUnList}));
  EXPECT_TRUE(top["properties"]["name"].is_array());
  EXPECT_TRUE(top["match"].get<bool>());
  EXPECT_GE(top["score"].get<double>(), kDefaultScreenThreshold);
  for (const char* field : {"referents", "first_seen", "last_seen", "last_change"})
    EXPECT_TRUE(top.contains(field)) << field;
  EXPECT_GT(top["features"]["name_match"].get<double>(), 0.5);
  EXPECT_TRUE(top["features"].contains("birth_date")) << top["features"].dump();
  EXPECT_TRUE(top["explanations"]["name_match"]["detail"].is_string());
  EXPECT_EQ(q1["total"]["relation"], "eq");
  EXPECT_GE(q1["total"]["value"].get<int>(), 1);
  EXPECT_EQ(q1["query"]["schema"], "Person");
  EXPECT_EQ(q1["query"]["properties"]["birthDate"][0], person.birth_dates[0].date.iso());
  EXPECT_TRUE(j["responses"]["q2"]["results"].empty());
  EXPECT_EQ(j["responses"]["q2"]["total"]["value"], 0);
}

TEST_F(MatchRoutesTest, ThresholdLimitAndDatasetFilters) {
  const Entity& person = un_person();
  nlohmann::json body = {{"queries", {{"q", person_query(person)}}}};
  // A list id as the dataset, and the person's own list excluded or not included.
  nlohmann::json own = json_of(post_match(std::string("/match/") + kUnList + "?limit=1", body));
  ASSERT_EQ(own["responses"]["q"]["results"].size(), 1u);
  EXPECT_EQ(own["responses"]["q"]["results"][0]["id"], person.id);
  EXPECT_EQ(own["limit"], 1);
  nlohmann::json excluded = json_of(post_match(std::string("/match/default?exclude_dataset=") + kUnList, body));
  EXPECT_TRUE(excluded["responses"]["q"]["results"].empty());
  nlohmann::json other = json_of(post_match("/match/default?include_dataset=test_eu", body));
  EXPECT_TRUE(other["responses"]["q"]["results"].empty());
  nlohmann::json without = json_of(post_match("/match/default?exclude_entity_ids=" + person.id, body));
  for (const auto& res : without["responses"]["q"]["results"]) EXPECT_NE(res["id"], person.id);
}

// A threshold above the top score leaves nothing; a cutoff under it keeps the result
// but not as a match. The query carries a typo so that its top score is below 1.
TEST_F(MatchRoutesTest, ThresholdAndCutoffAroundTheTopScore) {
  const Entity& person = un_person();
  nlohmann::json query = person_query(person);
  query["properties"]["name"] = {with_typo(person.primary_name()->full)};
  nlohmann::json body = {{"queries", {{"q", query}}}};
  nlohmann::json own = json_of(post_match("/match/default?limit=1&threshold=0.5", body));
  ASSERT_EQ(own["responses"]["q"]["results"].size(), 1u) << own.dump();
  EXPECT_EQ(own["responses"]["q"]["results"][0]["id"], person.id);
  double top = own["responses"]["q"]["results"][0]["score"];
  ASSERT_LT(top, 1.0) << "the typo did not lower the score";
  nlohmann::json strict = json_of(post_match("/match/default?threshold=" + std::to_string(top + 0.0001), body));
  for (const auto& r : strict["responses"]["q"]["results"]) EXPECT_NE(r["id"], person.id) << strict.dump();
  nlohmann::json loose = json_of(post_match("/match/default?threshold=1&cutoff=0.3", body));
  ASSERT_FALSE(loose["responses"]["q"]["results"].empty());
  EXPECT_EQ(loose["responses"]["q"]["results"][0]["id"], person.id);
  EXPECT_FALSE(loose["responses"]["q"]["results"][0]["match"].get<bool>());
}

TEST_F(MatchRoutesTest, YenteErrorsForBadRequests) {
  const Entity& person = un_person();
  nlohmann::json body = {{"queries", {{"q", person_query(person)}}}};
  auto unknown = post_match("/match/no_such_dataset", body);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_NE(json_of(unknown)["detail"].get<std::string>().find("No such dataset"), std::string::npos);

  auto algorithm = post_match("/match/default?algorithm=telepathy", body);
  ASSERT_TRUE(algorithm);
  EXPECT_EQ(algorithm->status, 400);
  EXPECT_NE(json_of(algorithm)["detail"].get<std::string>().find("Invalid algorithm"), std::string::npos);
  for (const char* known : {"best", "logic-v2", "logic-v1", "ofac", "name-based"}) {
    auto ok = post_match(std::string("/match/default?algorithm=") + known, body);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200) << known;
  }

  auto bad_json = client().Post("/match/default", bearer(keys_.screener), "{\"queries\": {", "application/json");
  ASSERT_TRUE(bad_json);
  EXPECT_EQ(bad_json->status, 400);
  auto no_name = post_match("/match/default",
                            {{"queries", {{"q", {{"schema", "Person"}, {"properties", {{"birthDate", "1970"}}}}}}}});
  ASSERT_TRUE(no_name);
  EXPECT_EQ(no_name->status, 400);
  EXPECT_NE(json_of(no_name)["detail"].get<std::string>().find("name"), std::string::npos);
  auto bad_schema =
      post_match("/match/default", {{"queries", {{"q", {{"schema", "Planet"}, {"properties", {{"name", "Mars"}}}}}}}});
  ASSERT_TRUE(bad_schema);
  EXPECT_EQ(bad_schema->status, 400);
  auto bad_date = post_match(
      "/match/default",
      {{"queries", {{"q", {{"schema", "Person"}, {"properties", {{"name", "A B"}, {"birthDate", "yesterday"}}}}}}}});
  ASSERT_TRUE(bad_date);
  EXPECT_EQ(bad_date->status, 400);
  EXPECT_NE(json_of(bad_date)["detail"].get<std::string>().find("birthDate"), std::string::npos);
  auto none = post_match("/match/default", {{"queries", nlohmann::json::object()}});
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 400);
  auto anonymous = client().Post("/match/default", body.dump(), "application/json");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
}

TEST_F(MatchRoutesTest, BatchOverTheLimitIsRefused) {
  nlohmann::json queries = nlohmann::json::object();
  for (int i = 0; i < 1001; ++i)
    queries["q" + std::to_string(i)] = {{"schema", "Person"}, {"properties", {{"name", "Ivan Petrov"}}}};
  auto r = post_match("/match/test_un", {{"queries", queries}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(json_of(r)["detail"].get<std::string>().find("Too many queries"), std::string::npos);
}

TEST_F(MatchRoutesTest, SearchAnswersInYentesShape) {
  const Entity& person = un_person();
  auto c = client();
  httplib::Params params = {{"q", person.primary_name()->full}, {"limit", "2"}};
  auto r = c.Get("/search/default", params, bearer(keys_.screener));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = json_of(r);
  EXPECT_EQ(j["limit"], 2);
  EXPECT_EQ(j["offset"], 0);
  ASSERT_FALSE(j["results"].empty());
  EXPECT_LE(j["results"].size(), 2u);
  EXPECT_EQ(j["results"][0]["id"], person.id);
  EXPECT_TRUE(j["results"][0]["properties"].is_object());
  EXPECT_GE(j["total"]["value"].get<size_t>(), j["results"].size());
  EXPECT_TRUE(j["facets"].is_object());

  params = {{"q", person.primary_name()->full}, {"offset", "1"}, {"limit", "1"}};
  nlohmann::json page2 = json_of(c.Get("/search/default", params, bearer(keys_.screener)));
  for (const auto& res : page2["results"]) EXPECT_NE(res["id"], person.id);
  params = {{"q", person.primary_name()->full}, {"schema", "Vessel"}};
  nlohmann::json vessels = json_of(c.Get(std::string("/search/") + kUnList, params, bearer(keys_.screener)));
  for (const auto& res : vessels["results"]) EXPECT_EQ(res["schema"], "Vessel");
  params = {{"q", person.primary_name()->full}, {"countries", "zz"}};
  nlohmann::json nowhere = json_of(c.Get("/search/default", params, bearer(keys_.screener)));
  EXPECT_TRUE(nowhere["results"].empty());

  auto unknown = c.Get("/search/nope?q=x", bearer(keys_.screener));
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  auto no_q = c.Get("/search/default", bearer(keys_.screener));
  ASSERT_TRUE(no_q);
  EXPECT_EQ(no_q->status, 400);
}

}  // namespace
}  // namespace sekisho::testing
