// Issue 21 §1: a party whose screening spends the server's work budget per query
// (ServerOptions::max_pairs_per_query) is answered "complete": false with the reason, on
// sekisho's own routes and the yente-compatible /match; within the budget nothing is added.
#include "server_fixture.hpp"

namespace sekisho::testing {
namespace {

class WorkBudgetRouteTest : public ServerTest {
 protected:
  void SetUp() override {
    // Several listed names share the query's words: the index hands over several candidates.
    std::vector<Entity> people;
    int n = 0;
    for (const char* name : {"Ivan Petrov", "Ivan Petrova", "Ivan Petrenko", "Petr Ivanov", "Ivan Petrovsky",
                             "Ivana Petrovic", "Sergei Petrov"}) {
      people.push_back(test_person("test_un", "QDi.00" + std::to_string(++n), name));
    }
    import_into(home_, "test_un", test_list(std::move(people), "un-v1"));
    keys_ = create_keys(home_);
  }
  nlohmann::json screen(const std::string& name) {
    auto r = client().Post("/v1/screen", bearer(keys_.screener),
                           nlohmann::json{{"parties", {{{"id", "c-1"}, {"name", name}}}}}.dump(), "application/json");
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no response");
    return json_of(r);
  }
  nlohmann::json match(const std::string& name) {
    nlohmann::json body = {{"queries", {{"q1", {{"schema", "Person"}, {"properties", {{"name", {name}}}}}}}}};
    auto r = client().Post("/match/default", bearer(keys_.screener), body.dump(), "application/json");
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no response");
    return json_of(r);
  }
};

TEST_F(WorkBudgetRouteTest, WithinTheBudgetAnswersKeepTheirShape) {
  start_ready();
  nlohmann::json screened = screen("Ivan Petrov");
  EXPECT_FALSE(screened["results"][0].contains("complete"));
  EXPECT_EQ(screened["results"][0]["matches"][0]["entity_id"], "test_un-QDi.001");
  nlohmann::json matched = match("Ivan Petrov");
  EXPECT_FALSE(matched["responses"]["q1"].contains("complete"));
  EXPECT_FALSE(matched["responses"]["q1"]["results"].empty());
}

TEST_F(WorkBudgetRouteTest, AScreeningThatSpendsItsBudgetIsMarkedIncomplete) {
  ServerOptions options;
  options.max_pairs_per_query = 1;
  start_ready(options);
  nlohmann::json screened = screen("Ivan Petrov");
  const nlohmann::json& party = screened["results"][0];
  EXPECT_EQ(party["id"], "c-1");
  EXPECT_EQ(party["complete"], false) << screened.dump();
  EXPECT_NE(party["incomplete_reason"].get<std::string>().find("work budget"), std::string::npos);
  EXPECT_TRUE(party["matches"].is_array());  // what was found is still shown

  nlohmann::json matched = match("Ivan Petrov");
  const nlohmann::json& q1 = matched["responses"]["q1"];
  EXPECT_EQ(q1["status"], 200);
  EXPECT_EQ(q1["complete"], false) << matched.dump();
  EXPECT_NE(q1["incomplete_reason"].get<std::string>().find("work budget"), std::string::npos);

  auto searched = client().Get("/v1/search?q=Ivan%20Petrov", bearer(keys_.screener));
  ASSERT_TRUE(searched);
  EXPECT_EQ(json_of(searched)["complete"], false) << searched->body;
}

}  // namespace
}  // namespace sekisho::testing
