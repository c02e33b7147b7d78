// Issue 20 §1: /v1/lists, /catalog and /metrics say how old each served list
// is, flag lists older than their publisher's cadence, and name catalogue lists
// that are not loaded. The test imports a catalogue list (un_sc_sanctions,
// 14-day cadence) dated 2025-04-19, and a second one dated today.
#include "core/utc_time.hpp"
#include "server_fixture.hpp"

namespace sekisho::testing {
namespace {

std::string today() { return utc_now_iso().substr(0, 10); }

class ListAgeRoutes : public ServerTest {
 protected:
  void SetUp() override {
    ParsedList old_un = test_list({test_person("un_sc_sanctions", "QDi.001", "Ivan Petrov")}, "un-old");
    old_un.publication_date_source = "file";
    import_into(home_, "un_sc_sanctions", old_un);
    ParsedList fresh = test_list({test_person("us_ofac_sdn", "1", "Maria Lopez")}, "sdn-today");
    fresh.publication_date = today();
    fresh.publication_date_source = "file name";
    import_into(home_, "us_ofac_sdn", fresh);
    keys_ = create_keys(home_);
    start_ready();
  }
};

TEST_F(ListAgeRoutes, ListsCarryAgeAndStalenessAndNameMissingLists) {
  auto r = client().Get("/v1/lists", bearer(keys_.analyst));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = json_of(r);
  ASSERT_EQ(j["lists"].size(), 2u);
  const nlohmann::json& un = j["lists"][0];
  EXPECT_EQ(un["list"], "un_sc_sanctions");
  EXPECT_EQ(un["publication_date"], "2025-04-19");
  EXPECT_EQ(un["publication_date_source"], "file");
  EXPECT_GT(un["age_seconds"].get<int64_t>(), 14 * 86400);
  EXPECT_EQ(un["state"], "stale");
  EXPECT_TRUE(un["stale"].get<bool>());
  const nlohmann::json& sdn = j["lists"][1];
  EXPECT_EQ(sdn["state"], "fresh");
  EXPECT_FALSE(sdn["stale"].get<bool>());
  EXPECT_LT(sdn["age_seconds"].get<int64_t>(), 86400);
  bool eu_missing = false;
  for (const auto& m : j["missing"]) eu_missing = eu_missing || (m["list"] == "eu_fsf" && m["state"] == "missing");
  EXPECT_TRUE(eu_missing) << j["missing"];
}

TEST_F(ListAgeRoutes, CatalogFlagsStaleDatasetsAndNamesMissingOnes) {
  auto r = client().Get("/catalog", bearer(keys_.screener));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = json_of(r);
  EXPECT_EQ(j["datasets"][0]["name"], "un_sc_sanctions");
  EXPECT_TRUE(j["datasets"][0]["stale"].get<bool>());
  EXPECT_EQ(j["datasets"][0]["publication_date"], "2025-04-19");
  EXPECT_EQ(j["datasets"][1]["name"], "us_ofac_sdn");
  EXPECT_FALSE(j["datasets"][1]["stale"].get<bool>());
  EXPECT_NE(std::find(j["missing"].begin(), j["missing"].end(), "eu_fsf"), j["missing"].end()) << j["missing"];
}

TEST_F(ListAgeRoutes, MetricsGiveEachListsAgeAndStaleness) {
  auto r = client().Get("/metrics");
  ASSERT_TRUE(r);
  const std::string& m = r->body;
  size_t at = m.find("sekisho_list_age_seconds{list=\"un_sc_sanctions\"} ");
  ASSERT_NE(at, std::string::npos) << m;
  long long age = std::stoll(m.substr(at + std::string("sekisho_list_age_seconds{list=\"un_sc_sanctions\"} ").size()));
  EXPECT_GT(age, 14 * 86400);
  EXPECT_NE(m.find("sekisho_list_stale{list=\"un_sc_sanctions\",state=\"stale\"} 1\n"), std::string::npos) << m;
  EXPECT_NE(m.find("sekisho_list_stale{list=\"us_ofac_sdn\",state=\"fresh\"} 0\n"), std::string::npos) << m;
  EXPECT_NE(m.find("sekisho_list_stale{list=\"eu_fsf\",state=\"missing\"} 1\n"), std::string::npos) << m;
}

}  // namespace
}  // namespace sekisho::testing
