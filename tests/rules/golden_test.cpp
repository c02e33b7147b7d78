// Drives every golden file (tests/rules/golden/*.json: request + expected
// decision, hop, determining rule, conditions) through the library.
#include <nlohmann/json.hpp>

#include "rules_test_util.hpp"

namespace sekisho::rules {
namespace {

using testing::golden_dir;
using testing::read_text;
using testing::shipped_policy;

std::vector<std::filesystem::path> golden_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(golden_dir())) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(GoldenTest, CoversTheTenWorkedCases) {
  std::set<std::string> cases;
  for (const auto& f : golden_files()) {
    const std::string name = f.filename().string();
    if (name.rfind("case", 0) == 0) cases.insert(name.substr(4, 2));
  }
  for (const char* n : {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10"}) EXPECT_TRUE(cases.count(n)) << n;
}

// Optional expectations of a golden file beyond decision, hop and rule: the
// determining rule fired on a later hop's recipient (`via_hop`), a trace entry
// names the unknown field (`missing`), evidence that was not applied is
// explained (`detail`, a substring), a list hit stays in the trace (`trace_hit`),
// rules that must not fire (`not_rules`: evaluated, or not reached because no
// jurisdiction that has them claims the hop).
void expect_trace_facts(const nlohmann::json& expect, const Decision& d, const TransferRequest& request) {
  const std::string rule = expect.at("rule").get<std::string>();
  const std::string memo = format_decision_text(d, request);
  if (expect.contains("via_hop")) {
    bool found = false;
    for (const TraceEntry& t : d.trace)
      found = found || (t.rule_id == rule && t.via_hop == expect["via_hop"].get<int>());
    EXPECT_TRUE(found) << rule << " did not fire via hop " << expect["via_hop"] << ":\n" << memo;
  }
  if (expect.contains("missing")) {
    bool found = false;
    for (const TraceEntry& t : d.trace)
      found = found || (t.reason == Reason::kDataGap && t.missing == expect["missing"].get<std::string>());
    EXPECT_TRUE(found) << "no DATA_GAP names " << expect["missing"] << ":\n" << memo;
    EXPECT_NE(d.decision, Outcome::kAllow);
  }
  if (expect.contains("detail")) {
    bool found = false;
    for (const TraceEntry& t : d.trace)
      found = found || t.detail.find(expect["detail"].get<std::string>()) != std::string::npos;
    EXPECT_TRUE(found) << "no trace entry explains " << expect["detail"] << ":\n" << memo;
  }
  if (expect.contains("not_rules")) {
    // Mirrored negatives: the named rules were evaluated and did not fire.
    for (const auto& r : expect["not_rules"]) {
      for (const TraceEntry& t : d.trace) {
        if (t.rule_id != r.get<std::string>()) continue;
        EXPECT_TRUE(t.reason == Reason::kNotApplicable || t.reason == Reason::kExcepted)
            << r << " fired at hop " << t.hop << ":\n"
            << memo;
      }
    }
  }
  if (expect.contains("trace_hit")) {
    bool found = false;
    for (const TraceEntry& t : d.trace)
      found = found || (t.rule_id == rule && t.hit && t.hit->entity_id == expect["trace_hit"].get<std::string>());
    EXPECT_TRUE(found) << "hit " << expect["trace_hit"] << " dropped from the trace:\n" << memo;
  }
}

TEST(GoldenTest, EveryGoldenFileDecidesAsExpected) {
  const auto files = golden_files();
  ASSERT_GE(files.size(), 69u);  // the 39 first cases and at least 30 on chains, unknowns, dates and coverage
  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string());
    const auto golden = nlohmann::json::parse(read_text(file));
    const auto& expect = golden.at("expect");
    auto request = parse_transfer_request_file(file);
    ASSERT_TRUE(request.ok()) << request.status().to_string();
    auto decision = shipped_policy().decide(*request);
    ASSERT_TRUE(decision.ok()) << decision.status().to_string();
    EXPECT_EQ(outcome_name(decision->decision), expect.at("decision").get<std::string>());
    EXPECT_EQ(decision->hop, expect.at("hop").get<int>());
    const std::string rule = expect.at("rule").get<std::string>();
    const auto& rules = decision->determining_rules;
    EXPECT_NE(std::find(rules.begin(), rules.end(), rule), rules.end()) << "determining rule " << rule << " missing:\n"
                                                                        << format_decision_text(*decision, *request);
    if (expect.contains("conditions")) {
      for (const auto& c : expect["conditions"]) {
        bool found = false;
        for (const Condition& got : decision->conditions) found = found || got.code == c.get<std::string>();
        EXPECT_TRUE(found) << "condition " << c;
      }
    }
    expect_trace_facts(expect, *decision, *request);
    EXPECT_EQ(decision->policy_sha256, shipped_policy().info().sha256);
    for (const TraceEntry& t : decision->trace) EXPECT_FALSE(t.cite.empty()) << t.rule_id;
  }
}

TEST(GoldenTest, DecisionJsonCarriesTraceAndPolicyHash) {
  auto request = parse_transfer_request_file(golden_dir() / "case03_us_to_ukraine_denied.json");
  ASSERT_TRUE(request.ok());
  auto decision = shipped_policy().decide(*request);
  ASSERT_TRUE(decision.ok());
  const auto out = nlohmann::json::parse(decision_to_json(*decision, *request));
  EXPECT_EQ(out["decision"], "DENY");
  EXPECT_EQ(out["hop"], 2);
  EXPECT_EQ(out["policy_sha256"].get<std::string>().size(), 64u);
  bool combat = false;
  for (const auto& t : out["trace"]) {
    if (t["rule"] == "JP.GUIDE2023.LICENSED.COMBAT") {
      combat = true;
      EXPECT_EQ(t["designation"], "JP-COMBAT-UA");
      EXPECT_NE(t["cite"].get<std::string>().find("現に戦闘"), std::string::npos);
    }
  }
  EXPECT_TRUE(combat);
  // Conditions from hop 1 travel with the chain.
  bool consent_condition = false;
  for (const auto& c : out["conditions"])
    consent_condition = consent_condition || (c["code"] == "C_JP_CONSENT" && c["hop"] == 1);
  EXPECT_TRUE(consent_condition);
}

TEST(GoldenTest, PolicyHashIsStableAndIndependentOfLocation) {
  auto again = load_policy_files(testing::shipped_policy_files());
  ASSERT_TRUE(again.ok()) << again.status().to_string();
  EXPECT_EQ((*again)->info().sha256, shipped_policy().info().sha256);
  auto files = testing::shipped_policy_files();
  files.begin()->second += "\n# a comment changes the revision\n";
  auto changed = load_policy_files(files);
  ASSERT_TRUE(changed.ok());
  EXPECT_NE((*changed)->info().sha256, shipped_policy().info().sha256);
}

// UNSC "party to a conflict" and a government's "active combat" judgement are
// distinct designations: Ukraine is in the second only, so helmets may go
// (case 4) while the licensed-production re-transfer may not (case 3).
TEST(GoldenTest, PartyToConflictAndActiveCombatStayDistinct) {
  auto files = testing::shipped_policy_files();
  files["zz_test/unsc.yaml"] =
      "schema: sekisho.policy/1\n"
      "designations:\n"
      "  - {id: TEST-UNSC-UA, type: UNSC_PARTY_TO_CONFLICT, holder: UN, country: UA, from: 2022-01-01, cite: test}\n";
  auto with_unsc = load_policy_files(files);
  ASSERT_TRUE(with_unsc.ok()) << with_unsc.status().to_string();
  auto helmets = parse_transfer_request_file(golden_dir() / "case04_helmets_to_ukraine_allowed.json");
  ASSERT_TRUE(helmets.ok());
  auto base = shipped_policy().decide(*helmets);
  auto changed = (*with_unsc)->decide(*helmets);
  ASSERT_TRUE(base.ok() && changed.ok());
  EXPECT_EQ(base->decision, Outcome::kAllow);
  EXPECT_EQ(changed->decision, Outcome::kDeny);
  EXPECT_NE(
      std::find(changed->determining_rules.begin(), changed->determining_rules.end(), "JP.P1.3.PARTY_TO_CONFLICT"),
      changed->determining_rules.end());
}

}  // namespace
}  // namespace sekisho::rules
