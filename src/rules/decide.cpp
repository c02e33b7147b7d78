// The decision: for every hop, every jurisdiction that claims it evaluates
// its rules; evidence (authorisations, licences, consents) lowers what it
// covers; review policy of denial raises what it does not; the results combine
// deny-overrides (Cedar's "forbid overrides permit", export-control.md §4.3).
#include <fmt/format.h>

#include <algorithm>

#include "rules/evaluation.hpp"

namespace sekisho::rules {

namespace {

constexpr std::string_view kGapCite =
    "sekisho policy semantics: missing data never yields ALLOW (export-control.md §4.3(4))";
constexpr std::string_view kNoClassification = "the item has no code in this jurisdiction's classification schemes";
constexpr std::string_view kUnknownCode = "classification code not in the control list";
constexpr std::string_view kClaimUnknown = "whether this jurisdiction claims the item depends on missing data";
constexpr std::string_view kRuleUnknown = "the rule may apply; data it needs is missing";
constexpr std::string_view kExceptionUnknown =
    "the licence exception or authorisation may apply, but data it needs is missing: it cannot be used";
constexpr std::string_view kTerritory = "territory";
constexpr std::string_view kStatedUnknown = "the request states this classification as unknown";
constexpr std::string_view kFromUnknown =
    "whether this jurisdiction claims the hop depends on the exporter's country, which is unknown";

std::string join_list(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

class Evaluator {
 public:
  Evaluator(const Policy::Impl& p, const TransferRequest& req, const BoundRequest& b, Decision& d)
      : p_(p), req_(req), b_(b), d_(d) {}

  void run() {
    d_.hop_outcomes.assign(b_.hops.size(), Outcome::kAllow);
    for (const BoundHop& hop : b_.hops) {
      for (size_t j = 0; j < p_.jurisdictions.size(); ++j) evaluate_jurisdiction(hop, static_cast<int>(j));
      add_undertaking_conditions(hop.number);
    }
    for (const TraceEntry& t : d_.trace) {
      Outcome& o = d_.hop_outcomes[static_cast<size_t>(t.hop - 1)];
      o = std::max(o, t.outcome);
    }
    combine();
  }

 private:
  void evaluate_jurisdiction(const BoundHop& hop, int j) {
    const Jurisdiction& jur = p_.jurisdictions[static_cast<size_t>(j)];
    EvalContext ctx{
        p_,
        req_,
        b_.item,
        b_.day,
        &hop,
        j,
        b_.undertakings[static_cast<size_t>(hop.number - 1) * p_.jurisdictions.size() + static_cast<size_t>(j)]};
    if (!b_.unscreened.empty()) ctx.unscreened = &b_.unscreened;
    ctx.hops = &b_.hops;
    ctx.end_user = b_.end_user ? &*b_.end_user : nullptr;
    ctx.undertaking_holder = &b_.undertaking_holder;
    ctx.undertaking_giver = &b_.undertaking_giver;
    // 1. Does the jurisdiction claim this hop?
    std::string_view basis;
    std::string_view unknown_claim;
    std::string unknown_claim_field;
    // An exporter in an unknown country may be in the territory: a claim that may hold.
    const bool territory_unknown = hop.from.country_unknown && !jur.territory.empty();
    if (!territory_unknown && in_refs(p_, jur.territory, hop.from.country, b_.day)) {
      basis = kTerritory;
    } else {
      for (const ClaimRule& c : jur.claims) {
        Tri t = evaluate(c.when, ctx);
        if (t == Tri::kTrue) {
          basis = c.id;
          break;
        }
        if (t == Tri::kUnknown && unknown_claim.empty()) {
          unknown_claim = c.id;
          unknown_claim_field = ctx.missing;
        }
        ctx.missing.clear();
      }
    }
    if (!basis.empty()) {
      record_claim(hop, jur, ctx, basis, JurisdictionCheck::Claimed::kYes, {});
    } else if (unknown_claim.empty() && !territory_unknown) {
      record_claim(hop, jur, ctx, {}, JurisdictionCheck::Claimed::kNo, {});
    } else {
      record_claim(hop, jur, ctx, {}, JurisdictionCheck::Claimed::kUnknown,
                   unknown_claim.empty() ? hop.from.field + ".country" : unknown_claim_field);
    }
    if (basis.empty() && unknown_claim.empty() && !territory_unknown) return;
    // A claim that may hold: the rules are evaluated as if it did, and what
    // they would require is a DATA_GAP at that level — an unknown never
    // gives a softer answer than the fact it stands for.
    const bool claim_unknown = basis.empty();
    if (claim_unknown && unknown_claim.empty()) {
      unknown_claim_field = hop.from.field + ".country";
      gap(hop.number, jur, jur.gap_rule_id, kFromUnknown, {}, unknown_claim_field);
    } else if (claim_unknown) {
      gap(hop.number, jur, unknown_claim, kClaimUnknown, {}, unknown_claim_field);
    } else {
      d_.claims.push_back({hop.number, jur.id, basis});
    }
    const size_t first = d_.trace.size();

    // 2. The item must be classified in this jurisdiction's terms.
    bool any_codes = false, stated_unknown = false;
    for (int li : jur.schemes) {
      const auto l = static_cast<size_t>(li);
      any_codes = any_codes || b_.list_has_codes[l];
      if (const std::string* code = b_.list_unknown_code[l]) {
        gap(hop.number, jur, jur.gap_rule_id, kUnknownCode, *code,
            "item.classifications." + p_.control_lists[l].scheme);
      }
      if (b_.list_stated_unknown[l]) {
        stated_unknown = true;
        gap(hop.number, jur, jur.gap_rule_id, kStatedUnknown, {}, "item.classifications." + p_.control_lists[l].scheme);
      }
    }
    if (!any_codes && !stated_unknown)
      gap(hop.number, jur, jur.gap_rule_id, kNoClassification, {}, "item.classifications");

    // 3. Restrictive rules.
    for (int ri : jur.rules) fire(p_.rules[static_cast<size_t>(ri)], ctx);

    // 4. Evidence and general authorisations lower; review policy raises.
    for (int ai : jur.authorizations) authorize(p_.rules[static_cast<size_t>(ai)], ctx, first);
    apply_licences(hop.number, j, first);
    apply_review(first);
    apply_consents(hop.number, j, first);
    if (claim_unknown) {
      for (size_t i = first; i < d_.trace.size(); ++i) {
        TraceEntry& e = d_.trace[i];
        if (e.outcome == Outcome::kAllow || e.reason == Reason::kDataGap) continue;
        e.reason = Reason::kDataGap;
        e.note = kClaimUnknown;
        e.missing = unknown_claim_field;
      }
    }
  }

  // Why `jur` does or does not claim this hop, in facts: the exporter's
  // country against the territory, then each claim with what holds (the
  // claim that settled it) or what fails (every claim, when none holds).
  void record_claim(const BoundHop& hop, const Jurisdiction& jur, EvalContext& ctx, std::string_view basis,
                    JurisdictionCheck::Claimed claimed, std::string_view missing) {
    JurisdictionCheck c{hop.number, jur.id, claimed, basis, {}};
    const std::string& territory = jur.territory_text;
    const std::string exporter = hop.from.country_unknown ? std::string("unknown") : hop.from.party->country;
    if (basis == kTerritory) {
      c.fact = fmt::format("exporter in {} ({} territory: {})", exporter, jur.id, territory);
    } else {
      if (jur.territory.empty()) {
        c.fact.clear();
      } else if (hop.from.country_unknown) {
        c.fact = fmt::format("exporter country unknown ({} territory: {})", jur.id, territory);
      } else {
        c.fact = fmt::format("exporter in {}, not in {} territory ({})", exporter, jur.id, territory);
      }
      for (const ClaimRule& claim : jur.claims) {
        if (!basis.empty() && claim.id != basis) continue;
        // A claim that held: all its facts; one that failed: the first fact that failed it.
        std::string text = explain_predicate(claim.when, ctx, !basis.empty(), basis.empty() ? 1 : SIZE_MAX);
        if (text.empty()) text = basis.empty() ? "does not hold" : "holds";
        c.fact += fmt::format("{}{}: {}", c.fact.empty() ? "" : "; ", claim.id, text);
      }
      if (claimed == JurisdictionCheck::Claimed::kUnknown && !missing.empty()) {
        c.fact += fmt::format("; may claim it: {} is unknown", missing);
      }
    }
    d_.jurisdictions.push_back(std::move(c));
  }

  // Evaluates `when` and `unless`. `excepted` names the exception that held
  // when `when` did; ctx.missing names the field behind an unknown.
  Tri applies(const Rule& r, EvalContext& ctx, const Designation*& designation, const ListHit*& hit,
              const Predicate** excepted = nullptr) {
    if (ctx.day < r.from || ctx.day > r.to) return Tri::kFalse;
    ctx.designation = nullptr;
    ctx.hit = nullptr;
    ctx.unscreened_list = nullptr;
    ctx.via_hop = 0;
    ctx.missing.clear();
    Tri w = evaluate(r.when, ctx);
    if (w == Tri::kFalse) return w;
    designation = ctx.designation;
    hit = ctx.hit;
    const int via = ctx.via_hop;
    const PartyList* unscreened = ctx.unscreened_list;
    std::string missing = std::move(ctx.missing);
    Tri u = Tri::kFalse;
    for (const Predicate& un : r.unless_any) {
      ctx.missing.clear();
      Tri t = evaluate(un, ctx);
      if (t == Tri::kTrue) {
        if (excepted) *excepted = &un;
        ctx.via_hop = via;
        return Tri::kFalse;
      }
      if (t == Tri::kUnknown && u == Tri::kFalse) {
        u = Tri::kUnknown;
        if (missing.empty()) missing = ctx.missing;
      }
    }
    ctx.missing = std::move(missing);
    ctx.via_hop = via;
    if (!ctx.unscreened_list) ctx.unscreened_list = unscreened;
    return (w == Tri::kUnknown || u == Tri::kUnknown) ? Tri::kUnknown : Tri::kTrue;
  }

  TraceEntry entry_for(const Rule& r, int hop) const {
    TraceEntry e;
    e.hop = hop;
    e.jurisdiction = p_.jurisdictions[static_cast<size_t>(r.jurisdiction)].id;
    e.rule_id = r.id;
    e.cite = r.cite;
    e.raw = r.then;
    e.verify = r.verify;
    return e;
  }

  void fire(const Rule& r, EvalContext& ctx) {
    const Designation* designation = nullptr;
    const ListHit* hit = nullptr;
    const Predicate* excepted = nullptr;
    Tri t = applies(r, ctx, designation, hit, &excepted);
    if (t == Tri::kFalse) {
      // Evaluated and not applicable: recorded (outcome ALLOW) so an ALLOW shows what was checked.
      TraceEntry e = entry_for(r, ctx.hop->number);
      e.outcome = Outcome::kAllow;
      e.verify = false;
      if (excepted) {
        e.reason = Reason::kExcepted;
        e.detail = excepted->label.empty() ? "an exception of the rule holds" : "permitted case: " + excepted->label;
        e.verify = r.verify;
        e.via_hop = ctx.via_hop;
      } else {
        e.reason = Reason::kNotApplicable;
        if (ctx.day < r.from)
          e.detail = "not yet in force on " + req_.as_of + " (from " + format_iso_day(r.from) + ")";
        else if (ctx.day > r.to)
          e.detail = "no longer in force on " + req_.as_of + " (to " + format_iso_day(r.to) + ")";
      }
      d_.trace.push_back(std::move(e));
      return;
    }
    TraceEntry e = entry_for(r, ctx.hop->number);
    e.designation = designation ? std::string_view(designation->id) : std::string_view();
    e.verify = r.verify || (designation && designation->verify);
    e.hit = hit;
    e.via_hop = ctx.via_hop;
    if (t == Tri::kUnknown) {
      // An unknown fact of the request takes the outcome the rule would have
      // if the fact were the worst one (review policy included; no evidence
      // lowers it): stating "unknown" must never soften a DENY. A list the
      // store does not hold is a gap in the system, not in the request: it
      // stays a question to review (LICENSE_REQUIRED at most).
      e.reason = Reason::kDataGap;
      const bool screening_gap = ctx.missing.rfind("screening:", 0) == 0;
      const Outcome worst = r.review_denial ? Outcome::kDeny : r.then;
      e.outcome = screening_gap ? std::min(r.then, Outcome::kLicenseRequired) : worst;
      e.note = ctx.unscreened_list && (screening_gap || ctx.missing.empty())
                   ? std::string_view(ctx.unscreened_list->unscreened_note)
                   : kRuleUnknown;
      if (!screening_gap) e.missing = std::move(ctx.missing);
    } else {
      e.outcome = r.then;
      e.note = r.appeal_path;
      if (r.when.chart >= 0) e.detail = chart_columns(r.when.chart, ctx.hop->to);
    }
    d_.trace.push_back(std::move(e));
  }

  // The chart cells that made a country-chart rule fire: "CN: X in NS2 (reasons NS2, AT1)".
  std::string chart_columns(int chart_index, const BoundParty& to) const {
    if (to.country < 0) return {};
    const CountryChart& chart = p_.charts[static_cast<size_t>(chart_index)];
    const uint32_t reasons = b_.item.chart_reasons[static_cast<size_t>(chart_index)];
    const uint32_t hit = chart.cells[static_cast<size_t>(to.country)] & reasons;
    std::string found, all;
    for (size_t c = 0; c < chart.columns.size(); ++c) {
      if (hit & (1u << c)) found += (found.empty() ? "" : ", ") + chart.columns[c];
      if (reasons & (1u << c)) all += (all.empty() ? "" : ", ") + chart.columns[c];
    }
    return fmt::format("{} has an X in {} of {} (the item's reasons for control: {})", to.party->country, found,
                       chart.id, all);
  }

  // A general authorisation or licence exception is weighed where it could
  // matter (a requirement it names fired at this hop) and always leaves a
  // trace entry: applied, not available and why (the 740.2 restriction, the
  // value over the limit), or a DATA_GAP naming what it needs.
  void authorize(const Rule& a, EvalContext& ctx, size_t first) {
    std::vector<size_t> targets;
    for (size_t i = first; i < d_.trace.size(); ++i) {
      const TraceEntry& e = d_.trace[i];
      if (e.reason != Reason::kFired || e.raw != Outcome::kLicenseRequired) continue;
      for (int target : a.authorizes) {
        if (p_.rules[static_cast<size_t>(target)].id == e.rule_id) targets.push_back(i);
      }
    }
    if (targets.empty()) return;
    const Designation* designation = nullptr;
    const ListHit* hit = nullptr;
    const Predicate* excepted = nullptr;
    const Tri t = applies(a, ctx, designation, hit, &excepted);
    TraceEntry e = entry_for(a, ctx.hop->number);
    e.authorization = true;
    e.raw = Outcome::kAllow;
    if (t == Tri::kTrue) {
      for (size_t i : targets) {
        d_.trace[i].outcome = Outcome::kAllow;
        d_.trace[i].reason = Reason::kAuthorized;
        d_.trace[i].by = a.id;
      }
      for (const std::string& c : a.conditions) {
        d_.conditions.push_back({ctx.hop->number, c, p_.jurisdictions[static_cast<size_t>(a.jurisdiction)].id, a.id});
      }
      e.reason = Reason::kAuthorized;
      e.detail = "applies: " + explain_predicate(a.when, ctx, true);
    } else if (t == Tri::kUnknown) {
      // Not usable on missing data: the requirement stands, and the gap says why.
      e.reason = Reason::kDataGap;
      e.outcome = Outcome::kLicenseRequired;
      e.note = kExceptionUnknown;
      e.missing = std::move(ctx.missing);
      e.hit = hit;
    } else {
      e.reason = Reason::kNotApplicable;
      e.verify = false;
      if (excepted) {
        e.detail = "not available: " +
                   (excepted->label.empty() ? std::string("a restriction of the rule holds") : excepted->label);
        e.via_hop = ctx.via_hop;
        e.verify = a.verify;
      } else if (ctx.day < a.from || ctx.day > a.to) {
        e.detail = fmt::format("not in force on {}", req_.as_of);
      } else {
        const std::string failed = explain_predicate(a.when, ctx, false);
        e.detail =
            "not available: " + (failed.empty() ? std::string("its conditions do not hold for this hop") : failed);
      }
    }
    d_.trace.push_back(std::move(e));
  }

  const Rule* rule_of(const TraceEntry& e) const {
    for (const Rule& r : p_.rules) {
      if (r.id.data() == e.rule_id.data()) return &r;
    }
    return nullptr;  // a data-gap entry
  }

  // Why `scope` does not cover the transfer from hop `hop` on ("" when it does).
  std::string scope_gap(const EvidenceScope& scope, int hop) const {
    if (!scope.items.empty() && std::find(scope.items.begin(), scope.items.end(), req_.item.id) == scope.items.end()) {
      return fmt::format("issued for items {}, not item.id '{}'", join_list(scope.items), req_.item.id);
    }
    if (!scope.valid_from.empty() && req_.as_of < scope.valid_from) {
      return fmt::format("valid from {}, after the decision date {}", scope.valid_from, req_.as_of);
    }
    if (!scope.valid_to.empty() && req_.as_of > scope.valid_to) {
      return fmt::format("expired on {}, before the decision date {}", scope.valid_to, req_.as_of);
    }
    if (!scope.destinations.empty()) {
      auto covers = [&](const BoundParty& to) -> std::string {
        if (to.country_unknown)
          return fmt::format("issued for {}; the destination at {}.country is unknown", join_list(scope.destinations),
                             to.field);
        const std::string& cc = to.party->country;
        if (std::find(scope.destinations.begin(), scope.destinations.end(), cc) == scope.destinations.end()) {
          return fmt::format("issued for destinations {}; the chain reaches {} ({}.country)",
                             join_list(scope.destinations), cc, to.field);
        }
        return {};
      };
      for (size_t h = static_cast<size_t>(hop - 1); h < b_.hops.size(); ++h) {
        if (std::string why = covers(b_.hops[h].to); !why.empty()) return why;
      }
      if (b_.end_user) {
        if (std::string why = covers(*b_.end_user); !why.empty()) return why;
      }
    }
    if (!scope.end_users.empty()) {
      const BoundParty& last = b_.end_user ? *b_.end_user : b_.hops.back().to;
      if (last.name_unknown)
        return fmt::format("issued for end users {}; the end user ({}.name) is unknown", join_list(scope.end_users),
                           last.field);
      const std::string name = normalize_party_name(last.party->name);
      bool found = false;
      for (const std::string& u : scope.end_users) found = found || normalize_party_name(u) == name;
      if (!found)
        return fmt::format("issued for end users {}, not '{}' ({})", join_list(scope.end_users), last.party->name,
                           last.field);
    }
    return {};
  }

  void note_unused(size_t first, Outcome raw, const std::string& why) {
    for (size_t i = first; i < d_.trace.size(); ++i) {
      TraceEntry& e = d_.trace[i];
      if (e.reason != Reason::kFired || e.raw != raw) continue;
      e.detail += (e.detail.empty() ? "" : "; ") + why;
    }
  }

  void apply_licences(int hop, int j, size_t first) {
    for (size_t l = 0; l < req_.licences.size(); ++l) {
      if (req_.licences[l].hop != hop || b_.licence_holder[l] != j) continue;
      const Licence& lic = req_.licences[l];
      if (std::string why = scope_gap(lic.scope, hop); !why.empty()) {
        note_unused(first, Outcome::kLicenseRequired, fmt::format("licence {} not applied: {}", lic.id, why));
        continue;
      }
      for (size_t i = first; i < d_.trace.size(); ++i) {
        TraceEntry& e = d_.trace[i];
        if (e.reason != Reason::kFired || e.raw != Outcome::kLicenseRequired) continue;
        const Rule* r = rule_of(e);
        if (!r || !r->licence_clears) continue;
        e.outcome = Outcome::kAllow;
        e.reason = Reason::kLicensed;
        e.by = lic.id;
      }
      for (const std::string& c : lic.conditions) {
        d_.conditions.push_back({hop, c, p_.jurisdictions[static_cast<size_t>(j)].id, lic.id});
      }
    }
  }

  void apply_review(size_t first) {
    for (size_t i = first; i < d_.trace.size(); ++i) {
      TraceEntry& e = d_.trace[i];
      if (e.reason != Reason::kFired || e.raw != Outcome::kLicenseRequired) continue;
      const Rule* r = rule_of(e);
      if (r && r->review_denial) {
        e.outcome = Outcome::kDeny;
        e.reason = Reason::kReviewDenial;
      }
    }
  }

  void apply_consents(int hop, int j, size_t first) {
    for (size_t c = 0; c < req_.consents.size(); ++c) {
      if (req_.consents[c].hop != hop || b_.consent_holder[c] != j) continue;
      const Consent& consent = req_.consents[c];
      if (std::string why = scope_gap(consent.scope, hop); !why.empty()) {
        note_unused(first, Outcome::kConsentRequired, fmt::format("consent {} not applied: {}", consent.id, why));
        continue;
      }
      for (size_t i = first; i < d_.trace.size(); ++i) {
        TraceEntry& e = d_.trace[i];
        if (e.reason != Reason::kFired || e.raw != Outcome::kConsentRequired) continue;
        e.outcome = consent.granted ? Outcome::kAllow : Outcome::kDeny;
        e.reason = consent.granted ? Reason::kConsented : Reason::kConsentRefused;
        e.by = consent.id;
      }
    }
  }

  void add_undertaking_conditions(int hop) {
    for (size_t u = 0; u < req_.undertakings.size(); ++u) {
      const Undertaking& und = req_.undertakings[u];
      if (und.hop != hop) continue;
      for (const std::string& term : und.terms) {
        d_.conditions.push_back(
            {hop, term, p_.jurisdictions[static_cast<size_t>(b_.undertaking_holder[u])].id, und.id});
      }
    }
  }

  void gap(int hop, const Jurisdiction& jur, std::string_view rule_id, std::string_view note, std::string_view subject,
           std::string missing) {
    TraceEntry e;
    e.hop = hop;
    e.jurisdiction = jur.id;
    e.rule_id = rule_id;
    e.cite = kGapCite;
    for (const ClaimRule& c : jur.claims) {
      if (c.id == rule_id) e.cite = c.cite;
    }
    e.raw = Outcome::kLicenseRequired;
    e.outcome = Outcome::kLicenseRequired;
    e.reason = Reason::kDataGap;
    e.note = note;
    e.by = subject;
    e.missing = std::move(missing);
    d_.trace.push_back(std::move(e));
  }

  void combine() {
    d_.decision = Outcome::kAllow;
    for (Outcome o : d_.hop_outcomes) d_.decision = std::max(d_.decision, o);
    auto add = [&](std::string_view id) {
      if (!id.empty() &&
          std::find(d_.determining_rules.begin(), d_.determining_rules.end(), id) == d_.determining_rules.end()) {
        d_.determining_rules.push_back(id);
      }
    };
    for (const TraceEntry& t : d_.trace) {
      if (!t.verify || t.reason == Reason::kNotApplicable) continue;
      for (std::string_view id : {t.rule_id, t.designation}) {
        if (!id.empty() && std::find(d_.verify.begin(), d_.verify.end(), id) == d_.verify.end())
          d_.verify.push_back(id);
      }
    }
    if (d_.decision == Outcome::kAllow) {
      d_.hop = 0;
      for (const TraceEntry& t : d_.trace) {
        if (t.reason == Reason::kNotApplicable || t.reason == Reason::kExcepted) continue;
        add(t.rule_id);
        add(t.by);
      }
      if (d_.determining_rules.empty()) add("NO_RULE_FIRED");
      return;
    }
    for (size_t h = 0; h < d_.hop_outcomes.size(); ++h) {
      if (d_.hop_outcomes[h] == d_.decision) {
        d_.hop = static_cast<int>(h + 1);
        break;
      }
    }
    for (const TraceEntry& t : d_.trace) {
      if (t.hop == d_.hop && t.outcome == d_.decision) add(t.rule_id);
    }
  }

  const Policy::Impl& p_;
  const TransferRequest& req_;
  const BoundRequest& b_;
  Decision& d_;
};

}  // namespace

std::string_view claimed_name(JurisdictionCheck::Claimed claimed) {
  switch (claimed) {
    case JurisdictionCheck::Claimed::kYes:
      return "yes";
    case JurisdictionCheck::Claimed::kUnknown:
      return "unknown";
    case JurisdictionCheck::Claimed::kNo:
      break;
  }
  return "no";
}

Result<Decision> Policy::decide(const TransferRequest& request, const PartyScreener* screener) const {
  Decision d;
  SEKISHO_ASSIGN_OR_RETURN(BoundRequest bound, bind_request(*impl_, request, screener, d.screened));
  d.policy_sha256 = impl_->info.sha256;
  if (screener) {
    d.screening = true;
    d.screened_lists = screener->screened_lists();
    d.screening_threshold = screener->threshold();
    for (size_t i = 0; i < bound.unscreened.size(); ++i) {
      if (bound.unscreened[i]) d.unscreened_party_lists.push_back(impl_->party_lists[i].id);
    }
  }
  d.as_of = request.as_of;
  Evaluator(*impl_, request, bound, d).run();
  return d;
}

}  // namespace sekisho::rules
