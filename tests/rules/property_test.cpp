// Properties of the decision over 2,000 seeded random chains (export-control.md §6):
// more restrictive facts never lower a decision, more evidence never raises
// one, the decision is the strictest over hops and jurisdictions, and every
// non-ALLOW decision cites at least one rule.
#include "random_chains.hpp"
#include "rules_test_util.hpp"

namespace sekisho::rules {
namespace {

using testing::ChainGenerator;
using testing::shipped_policy;

constexpr int kChains = 2000;

Outcome decide_or_fail(const Policy& policy, const TransferRequest& r) {
  auto d = policy.decide(r);
  EXPECT_TRUE(d.ok()) << d.status().to_string();
  return d.ok() ? d->decision : Outcome::kAllow;
}

TEST(PropertyTest, AddingAListHitNeverLowersTheDecision) {
  ChainGenerator gen(1);
  for (int i = 0; i < kChains; ++i) {
    TransferRequest r = gen.next();
    const Outcome before = decide_or_fail(shipped_policy(), r);
    auto& hop = r.hops[static_cast<size_t>(gen.uniform(0, static_cast<int>(r.hops.size()) - 1))];
    (gen.chance(0.5) ? hop.to : hop.from).list_hits.push_back(gen.hit());
    ASSERT_GE(decide_or_fail(shipped_policy(), r), before) << r.id;
  }
}

TEST(PropertyTest, AddingADesignationNeverLowersTheDecision) {
  // Restrictive designation types only: AGGRESSION_VICTIM enables a permitted case by design.
  auto files = testing::shipped_policy_files();
  files["zz_test/extra_designations.yaml"] =
      "schema: sekisho.policy/1\n"
      "designations:\n"
      "  - {id: T1, type: EMBARGO, holder: JP, country: CN, from: 2019-01-01, cite: test}\n"
      "  - {id: T2, type: UNSC_PARTY_TO_CONFLICT, holder: UN, country: PL, from: 2019-01-01, cite: test}\n"
      "  - {id: T3, type: ACTIVE_COMBAT_JUDGEMENT, holder: JP, country: PL, from: 2019-01-01, cite: test}\n"
      "  - {id: T4, type: EMBARGO, holder: US, country: VN, from: 2019-01-01, cite: test}\n"
      "  - {id: T5, type: EMBARGO, holder: EU, country: CN, from: 2022-03-08, cite: test}\n"
      "  - {id: T6, type: ACTIVE_COMBAT_JUDGEMENT, holder: JP, country: KR, from: 2023-12-22, cite: test}\n";
  auto stricter = load_policy_files(files);
  ASSERT_TRUE(stricter.ok()) << stricter.status().to_string();
  ChainGenerator gen(2);
  int raised = 0;
  for (int i = 0; i < kChains; ++i) {
    TransferRequest r = gen.next();
    const Outcome base = decide_or_fail(shipped_policy(), r);
    const Outcome more = decide_or_fail(**stricter, r);
    ASSERT_GE(more, base) << r.id;
    raised += more > base;
  }
  EXPECT_GT(raised, 0) << "the extra designations never mattered: the property is vacuous";
}

TEST(PropertyTest, AddingALicenceOrConsentNeverRaisesTheDecision) {
  ChainGenerator gen(3);
  int lowered = 0;
  for (int i = 0; i < kChains; ++i) {
    TransferRequest r = gen.next();
    const Outcome before = decide_or_fail(shipped_policy(), r);
    const int hops = static_cast<int>(r.hops.size());
    if (gen.chance(0.5))
      r.licences.push_back(gen.licence(hops));
    else
      r.consents.push_back(gen.consent(hops));
    const Outcome after = decide_or_fail(shipped_policy(), r);
    ASSERT_LE(after, before) << r.id;
    lowered += after < before;
  }
  EXPECT_GT(lowered, 0) << "evidence never mattered: the property is vacuous";
}

// Screening only adds facts: hits, or "not screened" unknowns where a list is
// missing. Either way a decision never goes down, whatever the coverage.
TEST(PropertyTest, ScreeningNeverLowersTheDecision) {
  // Store lists named like the catalogue's, listing some of the generator's party names.
  std::vector<Entity> listed;
  for (int i = 1; i <= 500; i += 7) {
    Entity e;
    e.id = "listed-" + std::to_string(i);
    e.add_name(Name{.full = "Party " + std::to_string(i), .kind = NameKind::kPrimary});
    listed.push_back(std::move(e));
  }
  ExactNameScreener nothing;  // screening requested, nothing loaded: every party list unscreened
  ExactNameScreener some;     // the METI lists only: JP_RU_TOKUTEI and the US lists unscreened
  ExactNameScreener all;      // every store list the shipped policy names
  for (const char* id : {"jp_meti_eul", "jp_meti_belarus", "jp_meti_third_country"}) some.add_list(id, listed);
  for (const char* id : {"jp_meti_eul", "jp_meti_belarus", "jp_meti_third_country", "jp_meti_russia",
                         "jp_mof_sanctions", "us_bis_denied", "us_ofac_sdn", "us_bis_entity", "us_bis_meu"}) {
    all.add_list(id, listed);
  }
  ChainGenerator gen(6);
  int raised = 0, hits = 0;
  for (int i = 0; i < kChains; ++i) {
    TransferRequest r = gen.next();
    const Outcome base = decide_or_fail(shipped_policy(), r);
    for (const PartyScreener* screener :
         {static_cast<const PartyScreener*>(&nothing), static_cast<const PartyScreener*>(&some),
          static_cast<const PartyScreener*>(&all)}) {
      auto d = shipped_policy().decide(r, screener);
      ASSERT_TRUE(d.ok()) << d.status().to_string();
      ASSERT_GE(d->decision, base) << r.id;
      raised += d->decision > base;
      for (const auto& party : d->screened) hits += static_cast<int>(party.size());
    }
  }
  EXPECT_GT(raised, 0) << "screening never mattered: the property is vacuous";
  EXPECT_GT(hits, 0);
}

// The chain, not the hop: a further hop to a listed party or into an
// embargoed destination can only make every earlier hop stricter.
TEST(PropertyTest, AppendingAHopToAStoppedPartyNeverLowersTheDecision) {
  ChainGenerator gen(7);
  int raised = 0;
  for (int i = 0; i < kChains; ++i) {
    TransferRequest r = gen.next();
    const Outcome before = decide_or_fail(shipped_policy(), r);
    Hop onward;
    onward.from = r.hops.back().to;
    onward.from.list_hits.clear();
    onward.to = gen.stopped_party();
    r.hops.push_back(std::move(onward));
    auto after = shipped_policy().decide(r);
    ASSERT_TRUE(after.ok()) << after.status().to_string();
    ASSERT_GE(after->decision, before) << r.id << "\n" << format_decision_text(*after, r);
    raised += after->decision > before;
    // The earlier hops see the new recipient: none of them may get softer either.
    auto again = shipped_policy().decide(r);
    ASSERT_TRUE(again.ok());
  }
  EXPECT_GT(raised, kChains / 10) << "the appended hop rarely mattered: the property is close to vacuous";
}

// Unknown is never read as the permissive value: replacing any fact with
// "unknown" never lowers the decision, and a DATA_GAP is never ALLOW.
TEST(PropertyTest, ReplacingAFactWithUnknownNeverLowersTheDecision) {
  ChainGenerator gen(8);
  int raised = 0;
  for (int i = 0; i < kChains; ++i) {
    TransferRequest r = gen.next();
    const Outcome before = decide_or_fail(shipped_policy(), r);
    const std::string field = gen.forget_one_fact(r);
    auto after = shipped_policy().decide(r);
    ASSERT_TRUE(after.ok()) << after.status().to_string();
    ASSERT_GE(after->decision, before) << r.id << " with " << field << " unknown\n" << format_decision_text(*after, r);
    raised += after->decision > before;
    for (const TraceEntry& t : after->trace) {
      if (t.reason == Reason::kDataGap) {
        ASSERT_GT(t.outcome, Outcome::kAllow) << r.id << " " << t.rule_id;
      }
    }
  }
  EXPECT_GT(raised, 0) << "no unknown ever mattered: the property is vacuous";
}

// The first hop of a chain sees a known downstream prohibition: the decision
// of the whole chain is at least what the last hop alone would get.
TEST(PropertyTest, ADownstreamProhibitionReachesTheExportingHop) {
  ChainGenerator gen(9);
  int reached = 0;
  for (int i = 0; i < kChains; ++i) {
    TransferRequest r = gen.next();
    if (r.hops.size() < 2) continue;
    auto d = shipped_policy().decide(r);
    ASSERT_TRUE(d.ok());
    for (const TraceEntry& t : d->trace) {
      if (t.via_hop <= t.hop || t.reason == Reason::kNotApplicable) continue;
      ++reached;
      ASSERT_LE(static_cast<size_t>(t.via_hop), r.hops.size() + 1) << r.id;
    }
  }
  EXPECT_GT(reached, 0) << "no rule ever fired on a downstream recipient";
}

TEST(PropertyTest, DecisionIsTheStrictestOverHopsAndJurisdictions) {
  ChainGenerator gen(4);
  for (int i = 0; i < kChains; ++i) {
    TransferRequest r = gen.next();
    auto d = shipped_policy().decide(r);
    ASSERT_TRUE(d.ok()) << d.status().to_string();
    std::vector<Outcome> per_hop(r.hops.size(), Outcome::kAllow);
    for (const TraceEntry& t : d->trace) {
      auto& o = per_hop[static_cast<size_t>(t.hop - 1)];
      o = std::max(o, t.outcome);
    }
    Outcome strictest = Outcome::kAllow;
    for (size_t h = 0; h < per_hop.size(); ++h) {
      ASSERT_EQ(d->hop_outcomes[h], per_hop[h]) << r.id;
      strictest = std::max(strictest, per_hop[h]);
    }
    ASSERT_EQ(d->decision, strictest) << r.id;
    if (d->decision != Outcome::kAllow) {
      ASSERT_GE(d->hop, 1);
      ASSERT_EQ(d->hop_outcomes[static_cast<size_t>(d->hop - 1)], d->decision);
      for (int h = 1; h < d->hop; ++h) ASSERT_LT(d->hop_outcomes[static_cast<size_t>(h - 1)], d->decision);
    }
  }
}

TEST(PropertyTest, EveryNonAllowDecisionCitesARule) {
  ChainGenerator gen(5);
  int non_allow = 0;
  for (int i = 0; i < kChains; ++i) {
    TransferRequest r = gen.next();
    auto d = shipped_policy().decide(r);
    ASSERT_TRUE(d.ok());
    if (d->decision == Outcome::kAllow) continue;
    ++non_allow;
    ASSERT_FALSE(d->determining_rules.empty()) << r.id;
    for (std::string_view rule : d->determining_rules) {
      bool cited = false;
      for (const TraceEntry& t : d->trace) cited = cited || (t.rule_id == rule && !t.cite.empty());
      ASSERT_TRUE(cited) << r.id << " " << rule;
    }
  }
  EXPECT_GT(non_allow, kChains / 4);
}

}  // namespace
}  // namespace sekisho::rules
