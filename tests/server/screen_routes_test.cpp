// POST /v1/screen and GET /v1/search over the real UN list: the CLI's result
// shape, batches, per-party errors, limits and roles.
#include "real_lists.hpp"

namespace sekisho::testing {
namespace {

class ScreenRoutesTest : public RealListServerTest {
 protected:
  httplib::Result post_screen(const nlohmann::json& body, const std::string& key) {
    return client().Post("/v1/screen", bearer(key), body.dump(), "application/json");
  }
};

TEST_F(ScreenRoutesTest, SinglePartyFindsTheListedPersonWithExplanation) {
  const Entity& person = un_person();
  auto r = post_screen({{"id", "c-1"}, {"name", person.primary_name()->full}, {"schema", "Person"}}, keys_.screener);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = json_of(r);
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_EQ(j["results"][0]["id"], "c-1");
  const nlohmann::json& matches = j["results"][0]["matches"];
  ASSERT_FALSE(matches.empty()) << r->body;
  const nlohmann::json& top = matches[0];
  EXPECT_EQ(top["entity_id"], person.id);
  EXPECT_EQ(top["list"], kUnList);
  EXPECT_EQ(top["schema"], "Person");
  EXPECT_EQ(top["caption"], person.caption);
  EXPECT_GE(top["score"].get<double>(), kDefaultScreenThreshold);
  EXPECT_TRUE(top["explanation"].is_object());
  EXPECT_TRUE(top["explanation"].contains("query_form")) << top["explanation"].dump();
  EXPECT_TRUE(top.contains("matched_name"));
  // Every list is screened and named with its version.
  ASSERT_EQ(j["lists"].size(), 3u);
  for (const auto& l : j["lists"]) EXPECT_EQ(l["version"], 1);
}

TEST_F(ScreenRoutesTest, BatchKeepsOrderAndReportsBadPartiesInPlace) {
  const Entity& person = un_person();
  nlohmann::json body = {{"parties",
                          {{{"id", "a"}, {"name", "Xqzv Plorptu Wembrin"}},
                           {{"id", "b"},
                            {"name", person.primary_name()->full},
                            {"birth_date", person.birth_dates[0].date.iso()},
                            {"country", person.nationalities[0]}},
                           {{"id", "c"}},
                           {{"id", "d"}, {"name", "Ivan Petrov"}, {"gender", "neither"}}}},
                         {"lists", {kUnList}}};
  auto r = post_screen(body, keys_.screener);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = json_of(r);
  ASSERT_EQ(j["results"].size(), 4u);
  EXPECT_EQ(j["results"][0]["id"], "a");
  EXPECT_TRUE(j["results"][0]["matches"].empty());
  EXPECT_FALSE(j["results"][0].contains("error"));
  EXPECT_EQ(j["results"][1]["matches"][0]["entity_id"], person.id);
  EXPECT_EQ(j["results"][2]["id"], "c");
  EXPECT_NE(j["results"][2]["error"].get<std::string>().find("name"), std::string::npos);
  EXPECT_NE(j["results"][3]["error"].get<std::string>().find("gender"), std::string::npos);
  // Only the list asked for.
  ASSERT_EQ(j["lists"].size(), 1u);
  EXPECT_EQ(j["lists"][0]["id"], kUnList);
}

TEST_F(ScreenRoutesTest, BirthDateEvidenceRaisesTheScore) {
  const Entity& person = un_person();
  auto score_with = [&](const nlohmann::json& extra) {
    // A typo keeps the bare score under 1, where a birth date can move it either way.
    nlohmann::json party = {{"name", with_typo(person.primary_name()->full)}, {"schema", "Person"}};
    party.update(extra);
    nlohmann::json j = json_of(post_screen(party, keys_.screener));
    return j["results"][0]["matches"][0]["score"].get<double>();
  };
  double bare = score_with(nlohmann::json::object());
  double same_day = score_with({{"birth_date", person.birth_dates[0].date.iso()}});
  double other_year = score_with({{"birth_date", std::to_string(person.birth_dates[0].date.year - 30) + "-01-01"}});
  ASSERT_LT(bare, 1.0);
  EXPECT_GT(same_day, bare);
  EXPECT_LT(other_year, bare);
}

TEST_F(ScreenRoutesTest, MalformedRequestsAreClearErrors) {
  auto c = client();
  auto bad_json = c.Post("/v1/screen", bearer(keys_.screener), "{\"parties\": [", "application/json");
  ASSERT_TRUE(bad_json);
  EXPECT_EQ(bad_json->status, 400);
  EXPECT_EQ(error_code_of(bad_json), "invalid_argument");

  auto missing_name = post_screen({{"id", "x"}, {"country", "RU"}}, keys_.screener);
  ASSERT_TRUE(missing_name);
  EXPECT_EQ(missing_name->status, 400);
  EXPECT_NE(json_of(missing_name)["error"]["message"].get<std::string>().find("name"), std::string::npos);

  auto unknown_list = post_screen({{"name", "Ivan Petrov"}, {"lists", {"no_such_list"}}}, keys_.screener);
  ASSERT_TRUE(unknown_list);
  EXPECT_EQ(unknown_list->status, 404);
  EXPECT_NE(unknown_list->body.find("no_such_list"), std::string::npos);

  auto bad_threshold = post_screen({{"name", "Ivan Petrov"}, {"threshold", 2}}, keys_.screener);
  ASSERT_TRUE(bad_threshold);
  EXPECT_EQ(bad_threshold->status, 400);

  auto empty_batch = post_screen({{"parties", nlohmann::json::array()}}, keys_.screener);
  ASSERT_TRUE(empty_batch);
  EXPECT_EQ(empty_batch->status, 400);
}

TEST_F(ScreenRoutesTest, BatchOverTheLimitIsRefusedWithItsSize) {
  nlohmann::json parties = nlohmann::json::array();
  for (int i = 0; i < 1001; ++i) parties.push_back({{"id", std::to_string(i)}, {"name", "Ivan Petrov"}});
  auto r = post_screen({{"parties", parties}}, keys_.screener);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(error_code_of(r), "payload_too_large");
  EXPECT_NE(json_of(r)["error"]["message"].get<std::string>().find("1001"), std::string::npos);
  // The limit itself is accepted.
  parties.erase(parties.begin());
  auto ok = post_screen({{"parties", parties}, {"lists", {"test_un"}}}, keys_.screener);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(json_of(ok)["results"].size(), 1000u);
}

TEST_F(ScreenRoutesTest, SearchFindsByNameAndFiltersLists) {
  const Entity& person = un_person();
  auto c = client();
  httplib::Params params = {{"q", person.primary_name()->full}, {"limit", "3"}};
  auto r = c.Get("/v1/search", params, bearer(keys_.screener));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = json_of(r);
  ASSERT_FALSE(j["matches"].empty());
  EXPECT_LE(j["matches"].size(), 3u);
  EXPECT_EQ(j["matches"][0]["entity_id"], person.id);

  params = {{"q", person.primary_name()->full}, {"lists", "test_un,test_eu"}};
  nlohmann::json other = json_of(c.Get("/v1/search", params, bearer(keys_.screener)));
  for (const auto& m : other["matches"]) EXPECT_NE(m["list"], kUnList);
  EXPECT_EQ(other["lists"].size(), 2u);

  auto missing = c.Get("/v1/search", bearer(keys_.screener));
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 400);
  params = {{"q", "x"}, {"lists", "nope"}};
  auto unknown = c.Get("/v1/search", params, bearer(keys_.screener));
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  params = {{"q", "x"}, {"limit", "0"}};
  auto zero = c.Get("/v1/search", params, bearer(keys_.screener));
  ASSERT_TRUE(zero);
  EXPECT_EQ(zero->status, 400);
}

TEST_F(ScreenRoutesTest, ScreeningNeedsAKey) {
  auto c = client();
  auto anonymous = c.Post("/v1/screen", R"({"name": "Ivan Petrov"})", "application/json");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  for (const std::string* key : {&keys_.screener, &keys_.analyst, &keys_.admin}) {
    auto r = post_screen({{"name", "Ivan Petrov"}}, *key);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(json_of(r)["results"][0]["matches"][0]["entity_id"], "test_un-QDi.001");
  }
}

TEST_F(ScreenRoutesTest, ReadyzCountsTheIndexedNames) {
  nlohmann::json j = json_of(client().Get("/readyz"));
  EXPECT_GT(j["names"].get<size_t>(), un_list().entities.size());
  EXPECT_EQ(j["entities"].get<size_t>(), un_list().entities.size() + 4);
}

TEST_F(ScreenRoutesTest, SmallAnswersAreNotCompressedWhateverTheClientAccepts) {
  auto c = client();
  c.set_decompress(false);
  httplib::Headers headers = bearer(keys_.screener);
  headers.emplace("Accept-Encoding", "br, gzip, deflate");
  auto r = c.Get("/v1/search?q=Ivan+Petrov", headers);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_FALSE(r->has_header("Content-Encoding")) << r->get_header_value("Content-Encoding");
  // A large answer (the OpenAPI document) is gzipped, never brotli.
  headers = {{"Accept-Encoding", "br, gzip"}};
  auto big = c.Get("/openapi.json", headers);
  ASSERT_TRUE(big);
  ASSERT_GT(Server::openapi_document().size(), 16u * 1024);
  EXPECT_EQ(big->get_header_value("Content-Encoding"), "gzip");
}

}  // namespace
}  // namespace sekisho::testing
