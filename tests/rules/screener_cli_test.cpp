// ExactNameScreener against the real METI End User List (shared data), the
// engine using screener hits as rule inputs, and the CLI on a golden file.
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "rules_test_util.hpp"
#include "support/shared_data.hpp"

namespace sekisho::rules {
namespace {

// The METI End User List as the registry publishes it, read into entities.
std::vector<Entity> meti_end_user_list() {
  const auto data = nlohmann::json::parse(
      testing::read_text(std::filesystem::path(SEKISHO_SHARED_DATA) / "export-control" / "jp_meti_end_user_list.json"));
  std::vector<Entity> out;
  for (const auto& row : data) {
    Entity e;
    e.id = row["id"].get<std::string>();
    e.add_name(Name{.full = row["entity_name"].get<std::string>(), .kind = NameKind::kPrimary});
    for (const auto& a : row["aliases"]) e.add_name(Name{.full = a.get<std::string>(), .kind = NameKind::kAlias});
    out.push_back(std::move(e));
  }
  return out;
}

TEST(ScreenerTest, ExactNameScreenerMatchesNormalisedListedNames) {
  ExactNameScreener screener;
  screener.add_list("jp_meti_eul", meti_end_user_list());
  EXPECT_GT(screener.name_count(), 835u);
  auto hits = screener.screen(Party{.name = "  ADVANCE   multicom ", .country = "PK"});
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].entity_id, "jp-eul-603");
  EXPECT_EQ(hits[0].list_id, "jp_meti_eul");
  EXPECT_DOUBLE_EQ(hits[0].score, 1.0);
  EXPECT_TRUE(screener.screen(Party{.name = "Advance Multicomm", .country = "PK"}).empty());
  EXPECT_EQ(normalize_party_name("Al Qa'ida/Islamic-Army"), "al qa ida islamic army");
}

TEST(ScreenerTest, ScreenerHitsBecomeRuleInputsWithTheirScore) {
  ExactNameScreener screener;
  screener.add_list("jp_meti_eul", meti_end_user_list());
  auto golden = parse_transfer_request_file(testing::golden_dir() / "case10_end_user_list_pakistan.json");
  ASSERT_TRUE(golden.ok());
  TransferRequest request = *golden;
  request.hops[0].to.list_hits.clear();  // the stated hit goes; the screener must find it
  auto without = testing::shipped_policy().decide(request);
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without->decision, Outcome::kAllow);
  auto with = testing::shipped_policy().decide(request, &screener);
  ASSERT_TRUE(with.ok());
  EXPECT_EQ(with->decision, Outcome::kLicenseRequired);
  ASSERT_EQ(with->screened.size(), 2u);
  ASSERT_EQ(with->screened[1].size(), 1u);
  const TraceEntry* fired = nullptr;
  for (const TraceEntry& t : with->trace) {
    if (t.rule_id == "JP.FEFTA.48.2.END_USER") fired = &t;
  }
  ASSERT_NE(fired, nullptr);
  ASSERT_NE(fired->hit, nullptr);
  EXPECT_EQ(fired->hit->entity_id, "jp-eul-603");
  const auto json = nlohmann::json::parse(decision_to_json(*with, request));
  EXPECT_EQ(json["screening_hits"][0]["entity_id"], "jp-eul-603");
}

std::pair<int, std::string> run(const std::string& command) {
  std::string out;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return {-1, ""};
  std::array<char, 4096> buf{};
  while (fgets(buf.data(), buf.size(), pipe)) out += buf.data();
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

TEST(CliTest, TransferCheckDecidesAGoldenFile) {
  const std::string golden = (testing::golden_dir() / "case03_us_to_ukraine_denied.json").string();
  const std::string policies = testing::policies_dir().string();
  auto [rc, text] =
      run(std::string(SEKISHO_BINARY) + " transfer check --no-screen --policies " + policies + " " + golden);
  EXPECT_EQ(rc, 0) << text;
  EXPECT_NE(text.find("DECISION: DENY (determined at hop 2)"), std::string::npos) << text;
  EXPECT_NE(text.find("JP.GUIDE2023.LICENSED.COMBAT"), std::string::npos) << text;
  auto [jrc, json_text] =
      run(std::string(SEKISHO_BINARY) + " transfer check --no-screen --json --policies " + policies + " " + golden);
  ASSERT_EQ(jrc, 0) << json_text;
  const auto json = nlohmann::json::parse(json_text);
  EXPECT_EQ(json["decision"], "DENY");
  EXPECT_EQ(json["policy_sha256"], testing::shipped_policy().info().sha256);
}

TEST(CliTest, TransferCheckFindsThePoliciesFromTheEnvironment) {
  const std::string golden = (testing::golden_dir() / "case08_eccn_3a001_to_china.json").string();
  auto [rc, text] = run("SEKISHO_POLICIES=" + testing::policies_dir().string() + " " + SEKISHO_BINARY +
                        " transfer check --no-screen --json " + golden);
  ASSERT_EQ(rc, 0) << text;
  EXPECT_EQ(nlohmann::json::parse(text)["decision"], "LICENSE_REQUIRED");
}

TEST(CliTest, InvalidInputExitsNonZeroWithTheField) {
  const std::string bad = (testing::fixtures_dir() / "bad_request.json").string();
  auto [rc, text] = run(std::string(SEKISHO_BINARY) + " transfer check --no-screen --policies " +
                        testing::policies_dir().string() + " " + bad);
  EXPECT_NE(rc, 0);
  EXPECT_NE(text.find("bad_request.json: hops[0].to.country: required field is missing"), std::string::npos) << text;
  auto [prc, ptext] =
      run(std::string(SEKISHO_BINARY) + " transfer check --no-screen --policies " + testing::fixtures_dir().string() +
          " " + (testing::golden_dir() / "case08_eccn_3a001_to_china.json").string());
  EXPECT_NE(prc, 0);
  EXPECT_NE(ptext.find("bad_"), std::string::npos) << ptext;  // a broken fixture policy, named
}

// A temporary SEKISHO home, removed afterwards.
class TempHome {
 public:
  explicit TempHome(const std::string& tag)
      : path_(std::filesystem::temp_directory_path() / ("sekisho-transfer-" + tag + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempHome() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A JP export of Appended Table 2-3 goods to `name` in `country`.
std::string write_request(const std::filesystem::path& dir, const std::string& name, const std::string& country) {
  nlohmann::json r = {{"id", "cli-screening"},
                      {"as_of", "2025-10-01"},
                      {"item",
                       {{"id", "lathe-parts"},
                        {"classifications", {{"JP_AT1", {"16"}}, {"JP_AT2_3", {"2-3"}}}},
                        {"origin", "JP"},
                        {"us_content_pct", 0}}},
                      {"hops",
                       {{{"from", {{"name", "Tokyo Machine Exports KK"}, {"country", "JP"}, {"kind", "company"}}},
                         {"to", {{"name", name}, {"country", country}, {"kind", "company"}}}}}}};
  const auto file = dir / ("request-" + country + ".json");
  std::ofstream(file) << r.dump(2);
  return file.string();
}

TEST(CliTest, TransferCheckScreensPartiesAgainstTheStore) {
  TempHome home("screen");
  const std::string bin = std::string(SEKISHO_BINARY) + " --home " + home.path().string();
  auto [urc, utext] = run(bin + " update --from " + SEKISHO_SHARED_DATA + " --lists jp_meti_eul,jp_meti_third_country");
  ASSERT_EQ(urc, 0) << utext;
  const std::string policies = " --policies " + testing::policies_dir().string() + " ";

  // A third-country export-ban entity written in katakana: DENY, with list, entity and score.
  const std::string banned = write_request(home.path(), "アイ・ジェット・グローバル", "AE");
  auto [rc, text] = run(bin + " transfer check" + policies + banned);
  EXPECT_EQ(rc, 0) << text;
  EXPECT_NE(text.find("DECISION: DENY (determined at hop 1)"), std::string::npos) << text;
  EXPECT_NE(text.find("JP.FEFTA.48.3.THIRD_COUNTRY_ENTITY"), std::string::npos) << text;
  EXPECT_NE(text.find("list hit: jp_meti_third_country jp_meti_third_country-"), std::string::npos) << text;
  EXPECT_NE(text.find("against jp_meti_eul v1"), std::string::npos) << text;
  EXPECT_NE(text.find("jp_meti_third_country v1"), std::string::npos) << text;
  EXPECT_NE(text.find("not screened"), std::string::npos) << text;  // JP_BY_TOKUTEI and others
  auto [jrc, jtext] = run(bin + " transfer check --json" + policies + banned);
  ASSERT_EQ(jrc, 0) << jtext;
  const auto json = nlohmann::json::parse(jtext);
  EXPECT_EQ(json["decision"], "DENY");
  EXPECT_EQ(json["determining_rules"], nlohmann::json::array({"JP.FEFTA.48.3.THIRD_COUNTRY_ENTITY"})) << jtext;
  ASSERT_FALSE(json["screening_hits"].empty());
  EXPECT_EQ(json["screening_hits"][0]["list"], "jp_meti_third_country");
  EXPECT_EQ(json["screening_hits"][0]["list_version"], 1);
  EXPECT_GE(json["screening_hits"][0]["score"].get<double>(), 0.75);
  EXPECT_DOUBLE_EQ(json["screening"]["threshold"].get<double>(), 0.75);

  // --threshold above any score: no hit, and the third-country rule no longer fires.
  auto [trc, ttext] = run(bin + " transfer check --json --threshold 1.0" + policies + banned);
  ASSERT_EQ(trc, 0) << ttext;
  const auto strict = nlohmann::json::parse(ttext);
  EXPECT_DOUBLE_EQ(strict["screening"]["threshold"].get<double>(), 1.0);
  EXPECT_TRUE(strict["screening_hits"].empty()) << ttext;
  EXPECT_NE(strict["decision"], "DENY") << ttext;
  for (const auto& rule : strict["determining_rules"]) EXPECT_NE(rule, "JP.FEFTA.48.3.THIRD_COUNTRY_ENTITY") << ttext;

  // A clean party: no screening hit; lists not in the store keep it from ALLOW.
  const std::string clean = write_request(home.path(), "Maple Leaf Office Furniture Inc", "CA");
  auto [crc, ctext] = run(bin + " transfer check --json" + policies + clean);
  ASSERT_EQ(crc, 0) << ctext;
  const auto cjson = nlohmann::json::parse(ctext);
  EXPECT_TRUE(cjson["screening_hits"].empty()) << ctext;
  EXPECT_NE(cjson["decision"], "ALLOW") << ctext;
}

TEST(CliTest, TransferCheckWithAnEmptyStoreSaysSoAndNeverAllows) {
  TempHome home("empty");
  const std::string request = write_request(home.path(), "Maple Leaf Office Furniture Inc", "CA");
  const std::string cmd = std::string(SEKISHO_BINARY) + " --home " + home.path().string() +
                          " transfer check --policies " + testing::policies_dir().string();
  auto [rc, text] = run(cmd + " " + request);
  EXPECT_EQ(rc, 0) << text;
  EXPECT_NE(text.find("no lists are loaded (empty store)"), std::string::npos) << text;
  EXPECT_NE(text.find("DECISION: LICENSE_REQUIRED"), std::string::npos) << text;
  EXPECT_NE(text.find("DATA_GAP"), std::string::npos) << text;
  auto [nrc, ntext] = run(cmd + " --no-screen " + request);
  EXPECT_EQ(nrc, 0) << ntext;
  EXPECT_NE(ntext.find("Screening: off"), std::string::npos) << ntext;
  auto [brc, btext] = run(cmd + " --lists no_such_list " + request);
  EXPECT_NE(brc, 0);
  EXPECT_NE(btext.find("unknown list 'no_such_list'"), std::string::npos) << btext;
}

}  // namespace
}  // namespace sekisho::rules
