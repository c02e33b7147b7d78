// The decision: for every hop, every jurisdiction that claims it evaluates
// its rules; evidence (authorisations, licences, consents) lowers what it
// covers; review policy of denial raises what it does not; the results combine
// deny-overrides (Cedar's "forbid overrides permit", export-control.md §4.3).
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
constexpr std::string_view kTerritory = "territory";

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
    EvalContext ctx{p_, req_, b_.item, b_.day, &hop, j,
                    b_.undertakings[static_cast<size_t>(hop.number - 1) * p_.jurisdictions.size() + static_cast<size_t>(j)]};
    if (!b_.unscreened.empty()) ctx.unscreened = &b_.unscreened;
    // 1. Does the jurisdiction claim this hop?
    std::string_view basis;
    std::string_view unknown_claim;
    if (in_refs(p_, jur.territory, hop.from.country, b_.day)) {
      basis = kTerritory;
    } else {
      for (const ClaimRule& c : jur.claims) {
        Tri t = evaluate(c.when, ctx);
        if (t == Tri::kTrue) {
          basis = c.id;
          break;
        }
        if (t == Tri::kUnknown && unknown_claim.empty()) unknown_claim = c.id;
      }
    }
    if (basis.empty()) {
      if (!unknown_claim.empty()) gap(hop.number, jur, unknown_claim, kClaimUnknown, {});
      return;
    }
    d_.claims.push_back({hop.number, jur.id, basis});
    const size_t first = d_.trace.size();

    // 2. The item must be classified in this jurisdiction's terms.
    bool any_codes = false;
    for (int li : jur.schemes) {
      any_codes = any_codes || b_.list_has_codes[static_cast<size_t>(li)];
      if (const std::string* code = b_.list_unknown_code[static_cast<size_t>(li)]) {
        gap(hop.number, jur, jur.gap_rule_id, kUnknownCode, *code);
      }
    }
    if (!any_codes) gap(hop.number, jur, jur.gap_rule_id, kNoClassification, {});

    // 3. Restrictive rules.
    for (int ri : jur.rules) fire(p_.rules[static_cast<size_t>(ri)], ctx);

    // 4. Evidence and general authorisations lower; review policy raises.
    for (int ai : jur.authorisations) authorise(p_.rules[static_cast<size_t>(ai)], ctx, first);
    apply_licences(hop.number, j, first);
    apply_review(first);
    apply_consents(hop.number, j, first);
  }

  // Evaluates `when` and `unless`; records a firing or a data gap.
  Tri applies(const Rule& r, EvalContext& ctx, const Designation*& designation, const ListHit*& hit) {
    if (ctx.day < r.from || ctx.day > r.to) return Tri::kFalse;
    ctx.designation = nullptr;
    ctx.hit = nullptr;
    ctx.unscreened_list = nullptr;
    Tri w = evaluate(r.when, ctx);
    if (w == Tri::kFalse) return w;
    designation = ctx.designation;
    hit = ctx.hit;
    Tri u = Tri::kFalse;
    for (const Predicate& un : r.unless_any) {
      Tri t = evaluate(un, ctx);
      if (t == Tri::kTrue) return Tri::kFalse;
      if (t == Tri::kUnknown) u = Tri::kUnknown;
    }
    return (w == Tri::kUnknown || u == Tri::kUnknown) ? Tri::kUnknown : Tri::kTrue;
  }

  void fire(const Rule& r, EvalContext& ctx) {
    const Designation* designation = nullptr;
    const ListHit* hit = nullptr;
    Tri t = applies(r, ctx, designation, hit);
    if (t == Tri::kFalse) return;
    TraceEntry e;
    e.hop = ctx.hop->number;
    e.jurisdiction = p_.jurisdictions[static_cast<size_t>(r.jurisdiction)].id;
    e.rule_id = r.id;
    e.cite = r.cite;
    e.raw = r.then;
    e.designation = designation ? std::string_view(designation->id) : std::string_view();
    e.hit = hit;
    if (t == Tri::kUnknown) {
      // Capped at LICENSE_REQUIRED: a possible prohibition is a question to review, not a finding.
      e.outcome = std::min(r.then, Outcome::kLicenseRequired);
      e.reason = Reason::kDataGap;
      e.note = ctx.unscreened_list ? std::string_view(ctx.unscreened_list->unscreened_note) : kRuleUnknown;
    } else {
      e.outcome = r.then;
      e.note = r.appeal_path;
    }
    d_.trace.push_back(e);
  }

  void authorise(const Rule& a, EvalContext& ctx, size_t first) {
    const Designation* designation = nullptr;
    const ListHit* hit = nullptr;
    if (applies(a, ctx, designation, hit) != Tri::kTrue) return;
    bool used = false;
    for (size_t i = first; i < d_.trace.size(); ++i) {
      TraceEntry& e = d_.trace[i];
      if (e.reason != Reason::kFired || e.raw != Outcome::kLicenseRequired) continue;
      for (int target : a.authorises) {
        if (p_.rules[static_cast<size_t>(target)].id == e.rule_id) {
          e.outcome = Outcome::kAllow;
          e.reason = Reason::kAuthorised;
          e.by = a.id;
          used = true;
        }
      }
    }
    if (!used) return;
    for (const std::string& c : a.conditions) {
      d_.conditions.push_back({ctx.hop->number, c, p_.jurisdictions[static_cast<size_t>(a.jurisdiction)].id, a.id});
    }
  }

  const Rule* rule_of(const TraceEntry& e) const {
    for (const Rule& r : p_.rules) {
      if (r.id.data() == e.rule_id.data()) return &r;
    }
    return nullptr;  // a data-gap entry
  }

  void apply_licences(int hop, int j, size_t first) {
    for (size_t l = 0; l < req_.licences.size(); ++l) {
      if (req_.licences[l].hop != hop || b_.licence_holder[l] != j) continue;
      const Licence& lic = req_.licences[l];
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
        d_.conditions.push_back({hop, term, p_.jurisdictions[static_cast<size_t>(b_.undertaking_holder[u])].id, und.id});
      }
    }
  }

  void gap(int hop, const Jurisdiction& jur, std::string_view rule_id, std::string_view note, std::string_view subject) {
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
    d_.trace.push_back(e);
  }

  void combine() {
    d_.decision = Outcome::kAllow;
    for (Outcome o : d_.hop_outcomes) d_.decision = std::max(d_.decision, o);
    auto add = [&](std::string_view id) {
      if (!id.empty() && std::find(d_.determining_rules.begin(), d_.determining_rules.end(), id) == d_.determining_rules.end()) {
        d_.determining_rules.push_back(id);
      }
    };
    if (d_.decision == Outcome::kAllow) {
      d_.hop = 0;
      for (const TraceEntry& t : d_.trace) {
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
