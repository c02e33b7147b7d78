// ListScreener: the fuzzy matching engine screening every party of a chain
// against real METI lists (End User List XLSX, export-ban PDF text), its hits
// driving the rules, and the conservative handling of lists not screened.
#include <nlohmann/json.hpp>

#include "rules_test_util.hpp"
#include "sekisho/lists.hpp"
#include "sekisho/screen.hpp"
#include "support/shared_data.hpp"

namespace sekisho::rules {
namespace {

namespace fs = std::filesystem;

fs::path shared(const std::string& rel) { return fs::path(SEKISHO_SHARED_DATA) / rel; }

Screener::ListInput parsed(const std::string& format, const std::string& list_id, const fs::path& file) {
  auto list = parse_list(format, {file}, {.list_id = list_id});
  EXPECT_TRUE(list.ok()) << list.status().to_string();
  return {list_id, 1, list.ok() ? std::move(list->entities) : std::vector<Entity>{}};
}

// The three METI lists the store catalogue names, parsed from the shared data once.
struct MetiLists {
  std::vector<ScreenedList> lists;
  std::shared_ptr<const Screener> screener;
  std::map<std::string, std::vector<Entity>> entities;  // by list id, for looking up expected entities

  MetiLists() {
    std::vector<Screener::ListInput> inputs;
    inputs.push_back(parsed("meti-eul-xlsx", "jp_meti_eul", shared("japan/meti_end_user_list_20250929.xlsx")));
    inputs.push_back(
        parsed("meti-tokutei", "jp_meti_belarus", shared("export-control/jp_meti_list_belarus_tokutei.pdf.txt")));
    inputs.push_back(parsed("meti-tokutei", "jp_meti_third_country",
                            shared("export-control/jp_meti_250912_list_daisangoku_tokutei.pdf.txt")));
    for (const auto& in : inputs) {
      lists.push_back({in.list_id, in.version, in.entities.size()});
      entities[in.list_id] = in.entities;
    }
    screener = Screener::build(std::move(inputs));
  }

  // Ids of the entities of `list_id` with a name equal to `name` as published.
  std::vector<std::string> ids_named(const std::string& list_id, const std::string& name) const {
    std::vector<std::string> out;
    for (const Entity& e : entities.at(list_id)) {
      for (const Name& n : e.names) {
        if (n.full == name) {
          out.push_back(e.id);
          break;
        }
      }
    }
    return out;
  }
};

const MetiLists& meti() {
  static const MetiLists lists;
  return lists;
}

TransferRequest one_hop(const std::string& item_code, Party to, std::vector<std::string> extra_schemes = {}) {
  TransferRequest r;
  r.id = "screening-test";
  r.as_of = "2025-10-01";
  r.item.id = "item";
  r.item.classifications["JP_AT1"] = {item_code};
  for (const std::string& s : extra_schemes) r.item.classifications[s] = {"2-3"};
  r.item.origin = "JP";
  r.item.us_content_pct = 0;
  Hop hop;
  hop.from = Party{.name = "Tokyo Machine Exports KK", .country = "JP", .kind = "company"};
  hop.to = std::move(to);
  r.hops.push_back(std::move(hop));
  return r;
}

// The trace entry of `rule` if it fired (or is a data gap); rules evaluated
// that did not fire (NOT_APPLICABLE, EXCEPTED) do not count.
const TraceEntry* entry(const Decision& d, std::string_view rule) {
  for (const TraceEntry& t : d.trace) {
    if (t.rule_id == rule && t.reason != Reason::kNotApplicable && t.reason != Reason::kExcepted) return &t;
  }
  return nullptr;
}

// The hit behind `rule` in the trace, checked to come from `list_id` at or above the default threshold.
const ListHit* fired_hit(const Decision& d, std::string_view rule, std::string_view list_id) {
  const TraceEntry* t = entry(d, rule);
  if (!t || !t->hit) {
    ADD_FAILURE() << rule << " did not fire on a list hit";
    return nullptr;
  }
  EXPECT_EQ(t->hit->list_id, list_id);
  EXPECT_GE(t->hit->score, kDefaultScreenThreshold);
  return t->hit;
}

// Decides `r` with every party screened against the three METI lists.
Decision decide_screened(const TransferRequest& r) {
  ListScreener screener(meti().screener, meti().lists);
  auto d = testing::shipped_policy().decide(r, &screener);
  EXPECT_TRUE(d.ok()) << d.status().to_string();
  return d.ok() ? std::move(*d) : Decision{};
}

TEST(ListScreenerTest, ParsedListsAreTheRealOnes) {
  // Guards the fixtures below: the lists parse to their published sizes' order of magnitude.
  EXPECT_GT(meti().entities.at("jp_meti_eul").size(), 800u);
  EXPECT_GT(meti().entities.at("jp_meti_belarus").size(), 20u);
  EXPECT_GT(meti().entities.at("jp_meti_third_country").size(), 40u);
}

TEST(ListScreenerTest, TypoOfAnEndUserListEntityDrivesTheCatchAll) {
  const std::vector<std::string> expected = meti().ids_named("jp_meti_eul", "Emirates Alloys LLC");
  ASSERT_EQ(expected.size(), 1u);
  // Misspelt ("Aloys") and without the legal form: an exact screener misses it.
  TransferRequest r = one_hop("16", Party{.name = "Emirates Aloys", .country = "AE", .kind = "company"});
  const Decision d = decide_screened(r);
  EXPECT_EQ(d.decision, Outcome::kLicenseRequired);
  const ListHit* fired = fired_hit(d, "JP.FEFTA.48.2.END_USER", "jp_meti_eul");
  ASSERT_NE(fired, nullptr);
  EXPECT_EQ(entry(d, "JP.FEFTA.48.2.END_USER")->reason, Reason::kFired);
  EXPECT_EQ(fired->entity_id, expected[0]);
  EXPECT_LT(fired->score, 1.0);  // a fuzzy hit, not an exact one
  EXPECT_EQ(fired->list_version, 1);
  EXPECT_NE(fired->explanation.find("listed"), std::string::npos) << fired->explanation;

  ExactNameScreener exact;
  exact.add_list("jp_meti_eul", meti().entities.at("jp_meti_eul"));
  auto missed = testing::shipped_policy().decide(r, &exact);
  ASSERT_TRUE(missed.ok());
  EXPECT_EQ(entry(*missed, "JP.FEFTA.48.2.END_USER"), nullptr);

  // The trace names list, entity and score in both renderings.
  const std::string text = format_decision_text(d, r);
  EXPECT_NE(text.find("list hit: jp_meti_eul " + expected[0]), std::string::npos) << text;
  EXPECT_NE(text.find("jp_meti_eul v1"), std::string::npos) << text;
  const auto json = nlohmann::json::parse(decision_to_json(d, r));
  bool found = false;
  for (const auto& t : json["trace"]) {
    if (t["rule"] == "JP.FEFTA.48.2.END_USER") {
      found = true;
      EXPECT_EQ(t["list_hit"]["entity_id"], expected[0]);
      EXPECT_EQ(t["list_hit"]["source"], "screened");
      EXPECT_NEAR(t["list_hit"]["score"].get<double>(), fired->score, 1e-9);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(json["screening"]["lists"].size(), 3u);
  EXPECT_EQ(json["screening_hits"][0]["rules"][0], "JP.FEFTA.48.2.END_USER");
}

TEST(ListScreenerTest, BelarusExportBanEntityIsDenied) {
  const std::vector<std::string> expected = meti().ids_named("jp_meti_belarus", "JSC Integral");
  ASSERT_EQ(expected.size(), 1u);
  // Word order and legal form moved, one letter doubled.
  // Goods stated outside Appended Table 2-3, so the designated entity alone decides.
  TransferRequest r = one_hop("16", Party{.name = "Integrall JSC", .country = "BY", .kind = "company"});
  r.item.classifications["JP_AT2_3"] = {"NONE"};
  const Decision d = decide_screened(r);
  EXPECT_EQ(d.decision, Outcome::kDeny);
  ASSERT_EQ(d.determining_rules.size(), 1u);
  EXPECT_EQ(d.determining_rules[0], "JP.FEFTA.48.3.DESIGNATED_ENTITY");
  const ListHit* fired = fired_hit(d, "JP.FEFTA.48.3.DESIGNATED_ENTITY", "jp_meti_belarus");
  ASSERT_NE(fired, nullptr);
  EXPECT_EQ(entry(d, "JP.FEFTA.48.3.DESIGNATED_ENTITY")->reason, Reason::kReviewDenial);
  EXPECT_EQ(fired->entity_id, expected[0]);
}

TEST(ListScreenerTest, ThirdCountryEntityInKatakanaIsDeniedForAppendedTable23Goods) {
  // The third-country list publishes each entity in Japanese and English.
  const std::vector<std::string> expected = meti().ids_named("jp_meti_third_country", "Success Aviation Services FZC");
  ASSERT_FALSE(expected.empty());
  const Party katakana{.name = "サクセス・アビエーション・サービス", .country = "AE", .kind = "company"};
  const Decision d = decide_screened(one_hop("16", katakana, {"JP_AT2_3"}));
  EXPECT_EQ(d.decision, Outcome::kDeny);
  const ListHit* fired = fired_hit(d, "JP.FEFTA.48.3.THIRD_COUNTRY_ENTITY", "jp_meti_third_country");
  ASSERT_NE(fired, nullptr);
  EXPECT_NE(std::find(expected.begin(), expected.end(), fired->entity_id), expected.end()) << fired->entity_id;
  // Goods stated outside Appended Table 2-3: the third-country ban does not apply.
  TransferRequest outside = one_hop("16", katakana);
  outside.item.classifications["JP_AT2_3"] = {"NONE"};
  EXPECT_EQ(entry(decide_screened(outside), "JP.FEFTA.48.3.THIRD_COUNTRY_ENTITY"), nullptr);
  // Goods whose Table 2-3 status is not stated: a data gap, never "outside".
  const Decision unstated = decide_screened(one_hop("16", katakana));
  const TraceEntry* gap = entry(unstated, "JP.FEFTA.48.3.THIRD_COUNTRY_ENTITY");
  ASSERT_NE(gap, nullptr);
  EXPECT_EQ(gap->reason, Reason::kDataGap);
  EXPECT_EQ(gap->missing, "item.classifications.JP_AT2_3");
}

TEST(ListScreenerTest, CleanPartyHasNoHit) {
  ListScreener screener(meti().screener, meti().lists);
  for (const char* name : {"Toyota Tsusho Europe SA", "Maple Leaf Office Furniture Inc", "山田商事株式会社"}) {
    EXPECT_TRUE(screener.screen(Party{.name = name, .country = "CA", .kind = "company"}).empty()) << name;
  }
}

TEST(ListScreenerTest, ThresholdIsConfigurable) {
  const Party party{.name = "Emirates Aloys", .country = "AE", .kind = "company"};
  ListScreener normal(meti().screener, meti().lists);
  auto hits = normal.screen(party);
  ASSERT_FALSE(hits.empty());
  EXPECT_DOUBLE_EQ(normal.threshold(), kDefaultScreenThreshold);
  ListScreener strict(meti().screener, meti().lists, {.threshold = std::min(1.0, hits[0].score + 0.01)});
  for (const ListHit& h : strict.screen(party)) EXPECT_GT(h.score, hits[0].score);
}

TEST(ListScreenerTest, UnscreenedPartyListIsADataGapNeverAllow) {
  // Screening requested, but the store holds none of the lists the Belarus
  // rule needs: the export to Belarus cannot be cleared.
  ListScreener eul_only(meti().screener, {meti().lists[0]});
  TransferRequest r = one_hop("16", Party{.name = "Minsk Tractor Dealers", .country = "BY", .kind = "company"});
  r.item.classifications["JP_AT2_3"] = {"NONE"};  // outside Table 2-3: only the lists are in question
  auto without = testing::shipped_policy().decide(r);
  ASSERT_TRUE(without.ok());
  auto d = testing::shipped_policy().decide(r, &eul_only);
  ASSERT_TRUE(d.ok());
  EXPECT_GE(d->decision, Outcome::kLicenseRequired);
  EXPECT_GE(d->decision, without->decision);
  const TraceEntry* gap = entry(*d, "JP.FEFTA.48.3.DESIGNATED_ENTITY");
  ASSERT_NE(gap, nullptr);
  EXPECT_EQ(gap->reason, Reason::kDataGap);
  EXPECT_NE(gap->note.find("not screened"), std::string::npos) << gap->note;
  EXPECT_NE(std::find(d->unscreened_party_lists.begin(), d->unscreened_party_lists.end(), "JP_BY_TOKUTEI"),
            d->unscreened_party_lists.end());

  // Nothing loaded at all (an empty store) is the same, and says so.
  ListScreener nothing(Screener::build({}), {});
  auto empty = testing::shipped_policy().decide(r, &nothing);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->decision, Outcome::kLicenseRequired);
  EXPECT_NE(format_decision_text(*empty, r).find("no lists are loaded"), std::string::npos);

  // With every list the rule needs screened and no hit, the gap goes.
  ListScreener all(meti().screener, meti().lists);
  auto covered = testing::shipped_policy().decide(r, &all);
  ASSERT_TRUE(covered.ok());
  const TraceEntry* still = entry(*covered, "JP.FEFTA.48.3.DESIGNATED_ENTITY");
  // JP_RU_TOKUTEI is not in the shared data, so the rule stays a gap, naming that list.
  ASSERT_NE(still, nullptr);
  EXPECT_NE(still->note.find("JP_RU_TOKUTEI"), std::string::npos) << still->note;
}

TEST(ListScreenerTest, StatedHitDecidesWhenTheListWasNotScreened) {
  ListScreener nothing(Screener::build({}), {});
  auto golden = parse_transfer_request_file(testing::golden_dir() / "case05d_designated_entity_non_listed_goods.json");
  ASSERT_TRUE(golden.ok());
  auto d = testing::shipped_policy().decide(*golden, &nothing);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->decision, Outcome::kDeny);
  const TraceEntry* fired = entry(*d, "JP.FEFTA.48.3.DESIGNATED_ENTITY");
  ASSERT_NE(fired, nullptr);
  EXPECT_EQ(fired->reason, Reason::kReviewDenial);
}

}  // namespace
}  // namespace sekisho::rules
