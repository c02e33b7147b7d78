// Every jurisdiction of the bundle, at every hop, says whether it claims the
// transfer and the fact that settled it, ALLOW included: an auditor reads why
// the EAR did not reach a Japanese machine with 12% US content.
#include <nlohmann/json.hpp>

#include "rules_test_util.hpp"

namespace sekisho::rules {
namespace {

using testing::golden_dir;
using testing::shipped_policy;

// The request lives on the heap: a Decision holds views into it.
struct Decided {
  std::unique_ptr<TransferRequest> owned;
  const TransferRequest& request;
  Decision decision;
};

Decided decide_golden(const std::string& name) {
  auto parsed = parse_transfer_request_file(golden_dir() / name);
  EXPECT_TRUE(parsed.ok()) << parsed.status().to_string();
  auto request = std::make_unique<TransferRequest>(std::move(*parsed));
  auto decision = shipped_policy().decide(*request);
  EXPECT_TRUE(decision.ok()) << decision.status().to_string();
  const TransferRequest& ref = *request;
  return {std::move(request), ref, std::move(*decision)};
}

const JurisdictionCheck* check(const Decision& d, int hop, std::string_view jurisdiction) {
  for (const JurisdictionCheck& c : d.jurisdictions) {
    if (c.hop == hop && c.jurisdiction == jurisdiction) return &c;
  }
  return nullptr;
}

// The fact text of `jurisdiction` at hop 1, which must be claimed as `claimed` on `basis`.
std::string fact_of(const Decision& d, std::string_view jurisdiction, JurisdictionCheck::Claimed claimed,
                    std::string_view basis) {
  const JurisdictionCheck* c = check(d, 1, jurisdiction);
  if (!c) {
    ADD_FAILURE() << jurisdiction << " is not listed at hop 1";
    return {};
  }
  EXPECT_EQ(c->claimed, claimed) << jurisdiction;
  EXPECT_EQ(c->basis, basis) << jurisdiction;
  return c->fact;
}

TEST(JurisdictionChecks, AnAllowSaysWhyTheEarDoesNotReachTheItem) {
  const Decided got = decide_golden("case09a_de_minimis_vietnam.json");
  ASSERT_EQ(got.decision.decision, Outcome::kAllow);
  const std::string us = fact_of(got.decision, "US", JurisdictionCheck::Claimed::kNo, "");
  EXPECT_NE(us.find("exporter in JP, not in US territory"), std::string::npos) << us;
  EXPECT_NE(us.find("item origin JP not in US"), std::string::npos) << us;
  EXPECT_NE(us.find("US content 12% not above (de minimis) 25%"), std::string::npos) << us;
  const std::string jp = fact_of(got.decision, "JP", JurisdictionCheck::Claimed::kYes, "territory");
  EXPECT_NE(jp.find("exporter in JP"), std::string::npos) << jp;
}

TEST(JurisdictionChecks, EveryJurisdictionAtEveryHopIsListed) {
  const Decided got = decide_golden("case14a_pac3_via_poland_to_ukraine.json");
  std::set<std::string_view> ids;
  for (const JurisdictionCheck& c : got.decision.jurisdictions) ids.insert(c.jurisdiction);
  EXPECT_EQ(got.decision.jurisdictions.size(), got.request.hops.size() * ids.size());
  for (size_t h = 1; h <= got.request.hops.size(); ++h) {
    for (std::string_view id : ids) EXPECT_NE(check(got.decision, static_cast<int>(h), id), nullptr) << id << "@" << h;
  }
  // The claims list keeps its shape: exactly the checks that claimed.
  size_t claimed = 0;
  for (const JurisdictionCheck& c : got.decision.jurisdictions)
    claimed += c.claimed == JurisdictionCheck::Claimed::kYes;
  EXPECT_EQ(claimed, got.decision.claims.size());
}

TEST(JurisdictionChecks, AClaimThatHoldsNamesItsFacts) {
  // A Japanese machine with 12% US content to Iran: over the 10% de minimis for E:1.
  const Decided got = decide_golden("case09b_de_minimis_iran.json");
  const std::string us = fact_of(got.decision, "US", JurisdictionCheck::Claimed::kYes, "US.734.4.DE_MINIMIS_E");
  EXPECT_NE(us.find("US content 12% above 10%"), std::string::npos) << us;
}

TEST(JurisdictionChecks, AnUnknownClaimSaysWhatIsMissing) {
  auto request = parse_transfer_request_file(golden_dir() / "case09a_de_minimis_vietnam.json");
  ASSERT_TRUE(request.ok());
  request->item.us_content_pct.reset();
  auto d = shipped_policy().decide(*request);
  ASSERT_TRUE(d.ok());
  const std::string us = fact_of(*d, "US", JurisdictionCheck::Claimed::kUnknown, "");
  EXPECT_NE(us.find("item.us_content_pct is unknown"), std::string::npos) << us;
  EXPECT_NE(d->decision, Outcome::kAllow);
}

TEST(JurisdictionChecks, JsonAndMemoCarryThem) {
  const Decided got = decide_golden("case09a_de_minimis_vietnam.json");
  const auto json = nlohmann::json::parse(decision_to_json(got.decision, got.request));
  ASSERT_TRUE(json.contains("claims"));  // the old field stays
  bool us_no = false;
  for (const auto& j : json["jurisdictions"]) {
    if (j["jurisdiction"] == "US" && j["hop"] == 1) {
      us_no = j["claimed"] == "no" && j["fact"].get<std::string>().find("de minimis") != std::string::npos;
    }
  }
  EXPECT_TRUE(us_no) << json["jurisdictions"].dump(2);
  const std::string memo = format_decision_text(got.decision, got.request);
  EXPECT_NE(memo.find("hop 1 [US] not claimed: exporter in JP, not in US territory"), std::string::npos) << memo;
}

}  // namespace
}  // namespace sekisho::rules
