// Issue 21 regression: a name of half a megabyte ("Ivanov Иванов" 25,000 times)
// overflowed the text pipeline's stack and killed the server with one request.
// The server now refuses it, names the field and the limit, and stays up.
#include "real_lists.hpp"
#include "sekisho/text.hpp"

namespace sekisho::testing {
namespace {

std::string huge_name() {
  std::string name;
  for (int i = 0; i < 25000; ++i) name += "Ivanov Иванов ";
  return name;
}

class OversizedNameTest : public RealListServerTest {};

TEST_F(OversizedNameTest, OneHugeNameIsRefusedAndTheServerStaysUp) {
  nlohmann::json body = {{"id", "big"}, {"name", huge_name()}};
  auto r = client().Post("/v1/screen", bearer(keys_.screener), body.dump(), "application/json");
  ASSERT_TRUE(r) << "no answer: the server died";
  EXPECT_EQ(r->status, 400) << r->body;
  EXPECT_NE(r->body.find("name is"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find(std::to_string(text::kMaxNameBytes)), std::string::npos) << r->body;
  auto health = client().Get("/healthz");
  ASSERT_TRUE(health) << "no answer after the huge name: the server died";
  EXPECT_EQ(health->status, 200);
}

TEST_F(OversizedNameTest, InABatchOnlyTheHugePartyIsRefused) {
  const Entity& person = un_person();
  nlohmann::json body = {{"parties",
                          {{{"id", "big"}, {"name", huge_name()}},
                           {{"id", "listed"}, {"name", person.primary_name()->full}, {"schema", "Person"}}}}};
  auto r = client().Post("/v1/screen", bearer(keys_.screener), body.dump(), "application/json");
  ASSERT_TRUE(r) << "no answer: the server died";
  ASSERT_EQ(r->status, 200) << r->body.substr(0, 300);
  nlohmann::json j = json_of(r);
  ASSERT_EQ(j["results"].size(), 2u);
  EXPECT_NE(j["results"][0]["error"].get<std::string>().find("bytes long"), std::string::npos);
  ASSERT_FALSE(j["results"][1]["matches"].empty());
  EXPECT_EQ(j["results"][1]["matches"][0]["entity_id"], person.id);
}

TEST_F(OversizedNameTest, YenteMatchRefusesAHugeNameWithTheField) {
  nlohmann::json body = {{"queries", {{"q1", {{"schema", "Person"}, {"properties", {{"name", {huge_name()}}}}}}}}};
  auto r = client().Post("/match/default", bearer(keys_.screener), body.dump(), "application/json");
  ASSERT_TRUE(r) << "no answer: the server died";
  EXPECT_GE(r->status, 400) << r->body.substr(0, 300);
  EXPECT_LT(r->status, 500) << r->body.substr(0, 300);
  EXPECT_NE(r->body.find("properties.name"), std::string::npos) << r->body.substr(0, 300);
  auto health = client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(OversizedNameTest, Issue21_ANumberWhereTheNameBelongsIsRefusedNamingTheField) {
  // {"name": 12} was screened as the name "12".
  auto r = client().Post("/v1/screen", bearer(keys_.screener), R"({"id": 7, "name": 12})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400) << r->body;
  EXPECT_NE(r->body.find("'name' must be a string"), std::string::npos) << r->body;
  // In a batch only that party is refused; a numeric id stays an id.
  auto batch =
      client().Post("/v1/screen", bearer(keys_.screener),
                    R"({"parties": [{"id": 1, "name": 12}, {"id": 2, "name": "Ivan Petrov"}]})", "application/json");
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->status, 200) << batch->body;
  nlohmann::json j = json_of(batch);
  EXPECT_NE(j["results"][0]["error"].get<std::string>().find("'name' must be a string"), std::string::npos)
      << j["results"][0];
  EXPECT_FALSE(j["results"][1].contains("error") && !j["results"][1]["error"].is_null()) << j["results"][1];
}

}  // namespace
}  // namespace sekisho::testing
