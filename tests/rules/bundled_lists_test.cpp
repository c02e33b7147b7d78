// The store catalogue against the policy: every party list a rule tests is fed
// by a list the catalogue imports from the bundled mirror, so with screening
// on (the default) a transfer can come out ALLOW; and the lists split out of
// the Consolidated Screening List hold exactly its Entity List / MEU rows.
#include "rules_test_util.hpp"
#include "sekisho/lists.hpp"
#include "sekisho/update.hpp"
#include "support/shared_data.hpp"

namespace sekisho::rules {
namespace {

namespace fs = std::filesystem;

// Every catalogue list whose mirror is in the shared data, parsed as
// `sekisho update --from ../shared/data` would store it; exact-name screening.
struct Bundled {
  ExactNameScreener screener;
  std::map<std::string, size_t> counts;

  Bundled() {
    for (const SourceSpec& src : default_sources()) {
      std::vector<fs::path> paths;
      bool present = true;
      for (const std::string& rel : src.mirror_paths) {
        paths.push_back(fs::path(SEKISHO_SHARED_DATA) / rel);
        present = present && fs::exists(paths.back());
      }
      if (!present || paths.empty()) continue;  // a mirror the shared data does not carry (eu_fsf)
      auto parsed =
          parse_list(src.mirror_format.empty() ? src.format : src.mirror_format, paths, {.list_id = src.list_id});
      EXPECT_TRUE(parsed.ok()) << src.list_id << ": " << parsed.status().to_string();
      if (!parsed.ok()) continue;
      counts[src.list_id] = parsed->entities.size();
      screener.add_list(src.list_id, parsed->entities);
    }
  }
};

const Bundled& bundled() {
  static const Bundled b;
  return b;
}

Result<Decision> decide_golden(const std::string& name, const TransferRequest*& out) {
  static std::map<std::string, TransferRequest> requests;
  auto parsed = parse_transfer_request_file(testing::golden_dir() / (name + ".json"));
  if (!parsed.ok()) return parsed.status();
  out = &(requests[name] = std::move(*parsed));
  return testing::shipped_policy().decide(*out, &bundled().screener);
}

TEST(BundledListsTest, EveryPolicyPartyListIsFedByTheCatalogue) {
  const TransferRequest* r = nullptr;
  auto d = decide_golden("case04_helmets_to_ukraine_allowed", r);
  ASSERT_TRUE(d.ok()) << d.status().to_string();
  EXPECT_TRUE(d->unscreened_party_lists.empty()) << format_decision_text(*d, *r);
  for (const char* id : {"jp_meti_russia", "us_bis_entity", "us_bis_meu"})
    EXPECT_GT(bundled().counts.count(id), 0u) << id;
  // MOFA Notice No. 82 as updated 2025-09-12: 561 Russian entities (PROVENANCE.md), one of them
  // with its address label spaced out in the PDF text.
  EXPECT_EQ(bundled().counts.at("jp_meti_russia"), 561u);
}

// The seeds' cases decided with screening on: the Japanese and the US
// transfers that the law allows come out ALLOW, the one it stops does not.
TEST(BundledListsTest, TheSeedsCasesDecideWithScreeningOn) {
  for (const auto& [name, want] :
       std::vector<std::pair<std::string, Outcome>>{{"case01b_pac3_jp_to_us_licensed", Outcome::kAllow},
                                                    {"case04_helmets_to_ukraine_allowed", Outcome::kAllow},
                                                    {"case03_us_to_ukraine_denied", Outcome::kDeny},
                                                    {"case08b_eccn_3a001_to_japan", Outcome::kAllow}}) {
    const TransferRequest* r = nullptr;
    auto d = decide_golden(name, r);
    ASSERT_TRUE(d.ok()) << d.status().to_string();
    EXPECT_TRUE(d->screening);
    EXPECT_EQ(d->decision, want) << name << "\n" << format_decision_text(*d, *r);
  }
}

TEST(BundledListsTest, CslSplitsIntoTheListsThePoliciesName) {
  const fs::path csl = fs::path(SEKISHO_SHARED_DATA) / "us_csl" / "csl_2019-12.csv";
  auto all = parse_list("us-csl", {csl}, {});
  auto entity = parse_list("us-csl-entity-list", {csl}, {});
  auto meu = parse_list("us-csl-meu", {csl}, {});
  ASSERT_TRUE(all.ok() && entity.ok()) << all.status().to_string() << entity.status().to_string();
  size_t el_rows = 0;
  for (const Entity& e : all->entities) {
    el_rows += !e.programs.empty() && e.programs.front().find("(EL)") != std::string::npos;
  }
  // 22 Entity List rows in the 2019 file (PROVENANCE counts), none of another source.
  EXPECT_EQ(entity->entities.size(), el_rows);
  EXPECT_EQ(el_rows, 22u);
  for (const Entity& e : entity->entities) {
    EXPECT_EQ(e.id.rfind("us_bis_entity-", 0), 0u) << e.id;
    EXPECT_NE(e.programs.front().find("Entity List (EL)"), std::string::npos) << e.programs.front();
  }
  // The 2019 file has no MEU rows: an empty sub-list is refused, never stored as "screened, no hit".
  ASSERT_FALSE(meu.ok());
  EXPECT_NE(meu.status().message().find("(MEU)"), std::string::npos) << meu.status().to_string();
}

}  // namespace
}  // namespace sekisho::rules
