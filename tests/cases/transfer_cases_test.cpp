// `sekisho transfer check --record` keeps the decision as a case (request,
// decision, cited rules, list versions, policy bundle hash), `transfer
// list|show` read it back, each recorded decision is an audit entry holding
// the hashes of what was stored, and `audit verify` passes after, then names
// a recorded decision rewritten in the store.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/hash.hpp"
#include "sekisho/cases.hpp"
#include "support/subprocess.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::run_process;
using testing::RunResult;
using testing::TempHome;

const fs::path kGolden = fs::path(SEKISHO_SOURCE_DIR) / "tests" / "rules" / "golden";
const std::string kPolicies = (fs::path(SEKISHO_SOURCE_DIR) / "policies").string();

RunResult sekisho(const TempHome& home, std::vector<std::string> args) {
  args.insert(args.begin(), {SEKISHO_BINARY, "--home", home.str()});
  return run_process(args);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<json> audit_lines(const TempHome& home, const std::string& action) {
  RunResult r = sekisho(home, {"audit", "export"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<json> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    json e = json::parse(line);
    if (e["action"] == action) out.push_back(e);
  }
  return out;
}

TEST(TransferCases, RecordedDecisionIsStoredListedShownAndAudited) {
  TempHome home("transfer-cases");
  const fs::path denied = kGolden / "case04b_rifles_to_ukraine_denied.json";
  const fs::path allowed = kGolden / "case04_helmets_to_ukraine_allowed.json";
  json expect_denied = json::parse(read_file(denied))["expect"];
  json expect_allowed = json::parse(read_file(allowed))["expect"];

  // Without --record nothing is kept.
  RunResult plain = sekisho(home, {"transfer", "check", denied.string(), "--no-screen", "--policies", kPolicies});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_FALSE(CaseStore::exists(home.path()));

  RunResult first = sekisho(home, {"transfer", "check", denied.string(), "--no-screen", "--policies", kPolicies,
                                   "--record", "--user", "alice", "--json"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  json answer = json::parse(first.out);
  EXPECT_EQ(answer["decision"], expect_denied["decision"]);
  ASSERT_TRUE(answer["record"]["id"].is_number_integer()) << first.out;
  EXPECT_EQ(answer["record"]["id"], 1);

  RunResult second = sekisho(home, {"transfer", "check", allowed.string(), "--no-screen", "--policies", kPolicies,
                                    "--record", "--user", "bob"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("Recorded as transfer case 2 by bob"), std::string::npos) << second.out;

  RunResult listed = sekisho(home, {"transfer", "list", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  json list = json::parse(listed.out);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["id"], 2);  // newest first
  EXPECT_EQ(list[0]["decision"], expect_allowed["decision"]);
  EXPECT_EQ(list[1]["actor"], "alice");
  EXPECT_FALSE(list[1].contains("request"));  // the listing is a summary

  RunResult shown = sekisho(home, {"transfer", "show", "1"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  json one = json::parse(shown.out);
  json request = json::parse(read_file(denied));
  EXPECT_EQ(one["request"], request);  // the file as given, golden wrapper and all
  EXPECT_EQ(one["request_id"], request["request"]["id"]);
  EXPECT_EQ(one["decision"], expect_denied["decision"]);
  EXPECT_EQ(one["answer"]["decision"], expect_denied["decision"]);
  EXPECT_EQ(one["answer"]["trace"], answer["trace"]);
  EXPECT_EQ(one["policy_sha256"], answer["policy_sha256"]);
  EXPECT_TRUE(one["lists"].empty());  // --no-screen: no list was screened
  bool cites_rule = false;
  for (const json& r : one["rules"]) {
    cites_rule = cites_rule || r["rule"] == expect_denied["rule"];
    EXPECT_FALSE(r["cite"].get<std::string>().empty()) << r.dump();
  }
  EXPECT_TRUE(cites_rule) << one["rules"].dump();
  EXPECT_NE(sekisho(home, {"transfer", "show", "3"}).exit_code, 0);

  // Each recorded decision is an audit entry; the bundle was recorded once, before the first.
  std::vector<json> decided = audit_lines(home, "transfer.decide");
  ASSERT_EQ(decided.size(), 2u);
  EXPECT_EQ(decided[0]["actor"], "alice");
  EXPECT_EQ(decided[0]["subject"], "1");
  EXPECT_EQ(decided[0]["detail"]["decision"], expect_denied["decision"]);
  EXPECT_EQ(decided[0]["detail"]["policy_sha256"], answer["policy_sha256"]);
  EXPECT_EQ(decided[0]["detail"]["request_sha256"], sha256_hex(read_file(denied)));
  std::vector<json> bundles = audit_lines(home, "policy.bundle");
  ASSERT_EQ(bundles.size(), 1u);
  EXPECT_EQ(bundles[0]["subject"], answer["policy_sha256"]);
  EXPECT_LT(bundles[0]["seq"], decided[0]["seq"]);

  RunResult verified = sekisho(home, {"audit", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;

  // A recorded decision rewritten in the store no longer matches its audit entry.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((home.path() / "cases.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "UPDATE transfer_decisions SET decision = 'ALLOW', "
                         "decision_json = replace(decision_json, '\"DENY\"', '\"ALLOW\"') WHERE decision_id = 1",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  RunResult tampered = sekisho(home, {"audit", "verify"});
  EXPECT_NE(tampered.exit_code, 0) << tampered.out;
  EXPECT_NE((tampered.out + tampered.err).find("transfer"), std::string::npos) << tampered.out << tampered.err;
  EXPECT_NE((tampered.out + tampered.err).find(decided[0]["seq"].dump()), std::string::npos)
      << tampered.out << tampered.err;
}

TEST(TransferCases, ScreenedDecisionRecordsTheListVersions) {
  TempHome home("transfer-cases-lists");
  // A small real list in the store, so the screener names it and its version.
  RunResult imported =
      sekisho(home, {"import", "un-xml", std::string(SEKISHO_SHARED_DATA) + "/un/consolidated_2025-04-19.xml", "--list",
                     "un_sc", "--no-monitor"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const fs::path file = kGolden / "case04_helmets_to_ukraine_allowed.json";
  RunResult r = sekisho(home, {"transfer", "check", file.string(), "--policies", kPolicies, "--record", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json answer = json::parse(r.out);
  RunResult shown = sekisho(home, {"transfer", "show", answer["record"]["id"].dump()});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  json one = json::parse(shown.out);
  EXPECT_EQ(one["lists"], json({{"un_sc", 1}}));
  std::vector<json> decided = audit_lines(home, "transfer.decide");
  ASSERT_EQ(decided.size(), 1u);
  EXPECT_EQ(decided[0]["detail"]["lists"], json({{"un_sc", 1}}));
}

}  // namespace
}  // namespace sekisho
