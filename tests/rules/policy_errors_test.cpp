// Invalid policy files (tests/rules/fixtures, each with an error on a known
// line) and invalid transfer requests get errors naming file, line and field.
#include "rules_test_util.hpp"

namespace sekisho::rules {
namespace {

using testing::fixtures_dir;
using testing::read_text;

// Loads the shipped bundle plus one broken fixture file.
Status load_with_fixture(const std::string& name) {
  auto files = testing::shipped_policy_files();
  files["fixtures/" + name] = read_text(fixtures_dir() / name);
  auto loaded = load_policy_files(files);
  return loaded.ok() ? Status() : loaded.status();
}

struct BadPolicyCase {
  const char* file;
  const char* expected;  // substring of the message: file:line: field
};

TEST(PolicyErrorsTest, BrokenFixturesNameFileLineAndField) {
  const BadPolicyCase cases[] = {
      {"bad_outcome.yaml", "fixtures/bad_outcome.yaml:12: rules[0].then: 'DENNY' is not an outcome"},
      {"unknown_group.yaml", "fixtures/unknown_group.yaml:7: rules[0].when.to_in: 'JP_GROUP_B' is neither"},
      {"missing_cite.yaml", "fixtures/missing_cite.yaml:3: rules[0].cite: required field is missing"},
      {"bad_date.yaml", "fixtures/bad_date.yaml:7: designations[0].from: '2022-02-30' is not an ISO date"},
      {"bad_chart_cell.yaml", "fixtures/bad_chart_cell.yaml:7: country_charts[0].rows.CN: 'NS3' is not a column"},
  };
  for (const auto& c : cases) {
    Status st = load_with_fixture(c.file);
    ASSERT_FALSE(st.ok()) << c.file;
    EXPECT_EQ(st.code(), StatusCode::kParseError) << c.file;
    EXPECT_NE(st.message().find(c.expected), std::string::npos) << st.message();
  }
}

TEST(PolicyErrorsTest, YamlSyntaxErrorNamesTheLine) {
  // A mapping value where none may stand, on line 4 of six: the message must point at that line,
  // not at the file alone or at its end.
  auto loaded = load_policy_files(
      {{"broken.yaml",
        "schema: sekisho.policy/1\nrules:\n  - id: A\n    then: DENY: twice\n  - id: B\n    then: ALLOW\n"}});
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("broken.yaml:4:"), std::string::npos) << loaded.status().message();
}

TEST(PolicyErrorsTest, UnknownFieldAndDuplicateRuleAreRejected) {
  auto files = testing::shipped_policy_files();
  files["zz/typo.yaml"] =
      "schema: sekisho.policy/1\nrules:\n  - id: X\n    jurisdiction: JP\n    then: DENY\n    whn: {}\n    cite: c\n";
  auto typo = load_policy_files(files);
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.status().message().find("zz/typo.yaml:6: rules[0].whn: unknown field"), std::string::npos)
      << typo.status().message();
  files["zz/typo.yaml"] =
      "schema: sekisho.policy/1\nrules:\n  - id: JP.FEFTA.48.1.LIST\n    jurisdiction: JP\n    then: DENY\n    when: "
      "{}\n    cite: c\n";
  auto dup = load_policy_files(files);
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("duplicate rule id (first at jp/fefta.yaml:"), std::string::npos)
      << dup.status().message();
}

TEST(PolicyErrorsTest, MissingDirectoryIsNotFound) {
  auto loaded = load_policy_dir(fixtures_dir() / "no-such-dir");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kNotFound);
}

struct BadRequestCase {
  std::string json;
  const char* expected;
};

TEST(RequestErrorsTest, InvalidRequestsNameTheField) {
  const std::string item = R"("item": {"classifications": {"JP_AT1": ["1"]}, "origin": "JP"})";
  const std::string hop = R"({"from": {"name": "A", "country": "JP"}, "to": {"name": "B", "country": "US"}})";
  const BadRequestCase cases[] = {
      {"{\"as_of\": \"2024-06-01\",\n \"hops\": [}", "req.json:2:"},
      {R"({"as_of": "2024-13-01", )" + item + R"(, "hops": [)" + hop + "]}", "req.json: as_of: '2024-13-01'"},
      {R"({"as_of": "2024-06-01", )" + item + R"(, "hops": []})", "req.json: hops: a transfer needs at least one hop"},
      {R"({"as_of": "2024-06-01", )" + item +
           R"(, "hops": [{"from": {"name": "A", "country": "jp"}, "to": {"name": "B", "country": "US"}}]})",
       "req.json: hops[0].from.country: 'jp' is not an upper-case"},
      {R"({"as_of": "2024-06-01", )" + item + R"(, "hops": [)" + hop + R"(], "evidence": {"licenses": []}})",
       "req.json: evidence.licenses: unknown field"},
      {R"({"as_of": "2024-06-01", )" + item + R"(, "hops": [)" + hop + "," +
           R"({"from": {"name": "C", "country": "DE"}, "to": {"name": "D", "country": "PL"}}]})",
       "req.json: hops[1].from.country: a chain hop must start where the previous one ended"},
      // A number no double holds: the parser's out_of_range, once an abort (found by fuzz_transfer_request).
      {R"({"as_of": 2e2222222, "hops": []})", "req.json: JSON number out of range"},
  };
  for (const auto& c : cases) {
    auto r = parse_transfer_request_json(c.json, "req.json");
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_NE(r.status().message().find(c.expected), std::string::npos) << r.status().message();
  }
}

TEST(RequestErrorsTest, RequestsThePolicyCannotInterpretAreRejectedByDecide) {
  const std::string base = R"({"as_of": "2024-06-01", "item": {"classifications": {SCHEMES}, "origin": "JP"},
    "hops": [{"from": {"name": "A", "country": "JP"}, "to": {"name": "B", "country": "US"}, "flags": [FLAGS]}],
    "evidence": {"licences": [{"id": "L", "holder": "HOLDER", "hop": HOP}]}})";
  auto make = [&](std::string schemes, std::string flags, std::string holder, std::string hop) {
    std::string s = base;
    s.replace(s.find("SCHEMES"), 7, schemes);
    s.replace(s.find("FLAGS"), 5, flags);
    s.replace(s.find("HOLDER"), 6, holder);
    s.replace(s.find("HOP"), 3, hop);
    auto r = parse_transfer_request_json(s, "req.json");
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return testing::shipped_policy().decide(*r);
  };
  EXPECT_TRUE(make(R"("JP_AT1": ["1"])", "", "JP", "1").ok());
  auto scheme = make(R"("JP_AT9": ["1"])", "", "JP", "1");
  EXPECT_NE(scheme.status().message().find("item.classifications.JP_AT9: unknown classification scheme"),
            std::string::npos);
  auto flag = make(R"("JP_AT1": ["1"])", R"("WMD_ENDUSE")", "JP", "1");
  EXPECT_NE(flag.status().message().find("hops[0].flags: unknown flag 'WMD_ENDUSE'"), std::string::npos);
  auto holder = make(R"("JP_AT1": ["1"])", "", "XX", "1");
  EXPECT_NE(holder.status().message().find("evidence.licences[0].holder: unknown jurisdiction 'XX'"),
            std::string::npos);
  auto hop = make(R"("JP_AT1": ["1"])", "", "JP", "2");
  EXPECT_NE(hop.status().message().find("evidence.licences[0].hop: hop 2 is not in the chain"), std::string::npos);
}

TEST(RequestErrorsTest, UnknownClassificationCodeIsADataGapNotAllow) {
  auto r = parse_transfer_request_json(R"({"as_of": "2024-06-01",
    "item": {"classifications": {"JP_AT1": ["99"]}, "origin": "JP", "us_content_pct": 0},
    "hops": [{"from": {"name": "A", "country": "JP"}, "to": {"name": "B", "country": "DE"}}]})",
                                       "req.json");
  ASSERT_TRUE(r.ok());
  auto d = testing::shipped_policy().decide(*r);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->decision, Outcome::kLicenseRequired);
  ASSERT_FALSE(d->trace.empty());
  EXPECT_EQ(d->trace[0].reason, Reason::kDataGap);
  EXPECT_EQ(d->trace[0].by, "99");
}

}  // namespace
}  // namespace sekisho::rules
