// Party files: both formats, and errors that name the file, line and field.
#include <gtest/gtest.h>

#include "sekisho/cases.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

using testing::TempHome;

TEST(PartyFile, CsvReadsEveryColumn) {
  auto parties = parse_parties(
      "id,name,aliases,schema,birth_date,country,identifiers,tags\n"
      "C1,Maria Lindqvist,Maria Lindquist; M. Lindqvist,Person,1961-04-02,SE;FI,P1234567,retail;vip\n"
      "C2,Acme Trading AB,,Company,,SE,,\n",
      "customers.csv");
  ASSERT_TRUE(parties.ok()) << parties.status().to_string();
  ASSERT_EQ(parties->size(), 2u);
  const Party& p = (*parties)[0];
  EXPECT_EQ(p.id, "C1");
  EXPECT_EQ(p.schema, "Person");
  EXPECT_EQ(p.names, (std::vector<std::string>{"Maria Lindqvist", "Maria Lindquist", "M. Lindqvist"}));
  EXPECT_EQ(p.birth_date, "1961-04-02");
  EXPECT_EQ(p.countries, (std::vector<std::string>{"SE", "FI"}));
  EXPECT_EQ(p.tags, (std::vector<std::string>{"retail", "vip"}));
  EXPECT_EQ((*parties)[1].schema, "Company");
}

TEST(PartyFile, JsonLinesReadsStringsAndArrays) {
  auto parties = parse_parties(
      "{\"id\":\"C1\",\"names\":[\"Maria Lindqvist\",\"M. Lindqvist\"],\"schema\":\"Person\",\"country\":\"SE\"}\n"
      "\n"
      "{\"id\":\"C2\",\"name\":\"Acme Trading AB\",\"tags\":[\"supplier\"]}\n",
      "customers.jsonl");
  ASSERT_TRUE(parties.ok()) << parties.status().to_string();
  ASSERT_EQ(parties->size(), 2u);
  EXPECT_EQ((*parties)[0].names.size(), 2u);
  EXPECT_EQ((*parties)[0].countries, std::vector<std::string>{"SE"});
  EXPECT_EQ((*parties)[1].schema, "LegalEntity");
}

TEST(PartyFile, ErrorsNameFileLineAndField) {
  struct Case {
    const char* text;
    const char* file;
    const char* expected;
  } cases[] = {
      {"id,name\nC1,Ann Smith\nC2,\n", "a.csv", "a.csv:3: field 'name'"},
      {"id,name,birth_date\nC1,Ann Smith,not a date\n", "b.csv", "b.csv:2: field 'birth_date'"},
      {"id,name,schema\nC1,Ann Smith,Planet\n", "c.csv", "c.csv:2: field 'schema'"},
      {"id,name,colour\n", "d.csv", "d.csv:1: unknown column 'colour'"},
      {"name\nAnn\n", "e.csv", "e.csv:1: header has no 'id' column"},
      {"{\"id\":\"C1\",\"name\":\"Ann\"}\n{\"id\":\"C2\",\"names\":[\"Bo\",3]}\n", "f.jsonl",
       "f.jsonl:2: field 'names'"},
      {"{\"id\":\"C1\",\"name\":\"Ann\"}\nnot json\n", "g.jsonl", "g.jsonl:2: not a JSON object"},
      {"{\"id\":\"C1\",\"name\":\"Ann\",\"shoe\":42}\n", "h.jsonl", "h.jsonl:1: unknown field 'shoe'"},
      {"id,name\nC1,Ann\nC1,Bo\n", "i.csv", "party id 'C1' appears twice"},
      {"id,name\nC1,Ann \xff\n", "j.csv", "j.csv:2: not valid UTF-8"},
  };
  for (const Case& c : cases) {
    auto r = parse_parties(c.text, c.file);
    ASSERT_FALSE(r.ok()) << c.file;
    EXPECT_EQ(r.status().code(), StatusCode::kParseError) << c.file;
    EXPECT_NE(r.status().message().find(c.expected), std::string::npos) << r.status().message();
  }
}

TEST(PartyRegistry, VersionsChangesAndRemovals) {
  TempHome home("party-versions");
  auto cases = CaseStore::open(home.path());
  ASSERT_TRUE(cases.ok());
  auto first = parse_parties("id,name,tags\nC1,Ann Smith,a\nC2,Bo Berg,\nC3,Cy Young,\n", "v1.csv");
  ASSERT_TRUE(first.ok());
  auto r1 = (*cases)->import_parties(*first, {}, "t");
  ASSERT_TRUE(r1.ok());
  EXPECT_EQ(r1->added, 3);
  std::string c1_facts = (*cases)->party("C1")->facts_hash;
  // C1: only a tag changes (a new version, the same screened facts); C2: a new name; C3: gone.
  auto second = parse_parties("id,name,tags\nC1,Ann Smith,b\nC2,Bo Bergström,\n", "v2.csv");
  auto r2 = (*cases)->import_parties(*second, {}, "t");
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->changed, 2);
  EXPECT_EQ(r2->removed, 1);
  EXPECT_EQ(r2->unchanged, 0);
  EXPECT_EQ((*cases)->party("C1")->version, 2);
  EXPECT_EQ((*cases)->party("C1")->facts_hash, c1_facts);
  EXPECT_FALSE((*cases)->party("C3")->removed_at.empty());
  EXPECT_EQ(*(*cases)->active_party_count(), 2);
  // Importing the same file again changes nothing.
  auto r3 = (*cases)->import_parties(*second, {}, "t");
  EXPECT_EQ(r3->unchanged, 2);
  EXPECT_EQ(r3->changed + r3->added + r3->removed, 0);
  // A partial import leaves the others alone.
  auto third = parse_parties("id,name\nC4,Di Prince\n", "v3.csv");
  PartyImportOptions partial;
  partial.replace_all = false;
  auto r4 = (*cases)->import_parties(*third, partial, "t");
  EXPECT_EQ(r4->added, 1);
  EXPECT_EQ(r4->removed, 0);
  EXPECT_EQ(*(*cases)->active_party_count(), 3);
  EXPECT_EQ((*cases)->party("nobody").status().code(), StatusCode::kNotFound);
}

TEST(PartyRegistry, FactsHashIgnoresTagsButNotFacts) {
  Party a;
  a.id = "C1";
  a.names = {"Ann Smith"};
  Party b = a;
  b.tags = {"vip"};
  EXPECT_EQ(party_facts_hash(a), party_facts_hash(b));
  b.birth_date = "1970";
  EXPECT_NE(party_facts_hash(a), party_facts_hash(b));
}

}  // namespace
}  // namespace sekisho
