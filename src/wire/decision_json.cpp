// A Decision as JSON for machines: the decision, determining hop and rules,
// conditions, claims, the cited trace and the policy bundle's SHA-256, so a
// logged decision can be reproduced from the same policy revision.
#include <nlohmann/json.hpp>

#include "sekisho/rules.hpp"

namespace sekisho::rules {

namespace {

std::string s(std::string_view v) { return std::string(v); }

nlohmann::ordered_json hit_json(const ListHit& h) {
  nlohmann::ordered_json j = {
      {"list", h.list_id}, {"entity_id", h.entity_id}, {"matched_name", h.matched_name}, {"score", h.score}};
  if (h.list_version > 0) j["list_version"] = h.list_version;
  if (!h.programs.empty()) j["programs"] = h.programs;
  j["source"] = h.explanation.empty() ? "stated" : "screened";
  if (!h.explanation.empty()) j["explanation"] = h.explanation;
  return j;
}

}  // namespace

std::string decision_to_json(const Decision& d, const TransferRequest& request, bool pretty) {
  using nlohmann::ordered_json;
  ordered_json out;
  out["request_id"] = request.id;
  out["as_of"] = d.as_of;
  out["decision"] = s(outcome_name(d.decision));
  out["hop"] = d.hop;
  ordered_json rules = ordered_json::array();
  for (std::string_view r : d.determining_rules) rules.push_back(s(r));
  out["determining_rules"] = rules;
  ordered_json hops = ordered_json::array();
  for (Outcome o : d.hop_outcomes) hops.push_back(s(outcome_name(o)));
  out["hop_outcomes"] = hops;
  if (request.end_user) {
    out["end_user"] = {{"name", request.end_user->name}, {"country", request.end_user->country}};
  }
  ordered_json conditions = ordered_json::array();
  for (const Condition& c : d.conditions) {
    conditions.push_back({{"hop", c.hop}, {"code", s(c.code)}, {"holder", s(c.holder)}, {"source", s(c.source)}});
  }
  out["conditions"] = conditions;
  ordered_json claims = ordered_json::array();
  for (const Claim& c : d.claims)
    claims.push_back({{"hop", c.hop}, {"jurisdiction", s(c.jurisdiction)}, {"basis", s(c.basis)}});
  out["claims"] = claims;
  // Every jurisdiction of the bundle at every hop, claimed or not, with the
  // facts that settled it (added to the contract; "claims" keeps its shape).
  ordered_json jurisdictions = ordered_json::array();
  for (const JurisdictionCheck& c : d.jurisdictions) {
    ordered_json j = {{"hop", c.hop}, {"jurisdiction", s(c.jurisdiction)}, {"claimed", s(claimed_name(c.claimed))}};
    if (!c.basis.empty()) j["basis"] = s(c.basis);
    j["fact"] = c.fact;
    jurisdictions.push_back(j);
  }
  out["jurisdictions"] = jurisdictions;
  ordered_json trace = ordered_json::array();
  ordered_json not_fired = ordered_json::array();
  for (const TraceEntry& t : d.trace) {
    if (t.reason == Reason::kNotApplicable || t.reason == Reason::kExcepted) {
      ordered_json e = {{"hop", t.hop},
                        {"jurisdiction", s(t.jurisdiction)},
                        {"rule", s(t.rule_id)},
                        {"reason", s(reason_name(t.reason))},
                        {"cite", s(t.cite)}};
      if (!t.detail.empty()) e["detail"] = t.detail;
      if (t.via_hop > 0) e["via_hop"] = t.via_hop;
      if (t.verify) e["verify"] = true;
      if (t.authorization) e["authorisation"] = true;
      not_fired.push_back(e);
      continue;
    }
    ordered_json e = {{"hop", t.hop},
                      {"jurisdiction", s(t.jurisdiction)},
                      {"rule", s(t.rule_id)},
                      {"raw", s(outcome_name(t.raw))},
                      {"outcome", s(outcome_name(t.outcome))},
                      {"reason", s(reason_name(t.reason))},
                      {"cite", s(t.cite)}};
    if (!t.by.empty()) e["by"] = s(t.by);
    if (!t.designation.empty()) e["designation"] = s(t.designation);
    if (t.hit) {
      e["list_hit"] = hit_json(*t.hit);
    }
    if (!t.note.empty()) e["note"] = s(t.note);
    if (!t.missing.empty()) e["missing"] = t.missing;
    if (!t.detail.empty()) e["detail"] = t.detail;
    if (t.via_hop > 0) e["via_hop"] = t.via_hop;
    if (t.verify) e["verify"] = true;
    if (t.authorization) e["authorisation"] = true;
    trace.push_back(e);
  }
  out["trace"] = trace;
  // Rules evaluated that did not fire, with the fact that settled each (an
  // exception that held, a date outside the rule's force): an ALLOW is read from here.
  out["not_fired"] = not_fired;
  ordered_json verify = ordered_json::array();
  for (std::string_view id : d.verify) verify.push_back(s(id));
  out["verify"] = verify;
  ordered_json screened = ordered_json::array();
  for (size_t i = 0; i < d.screened.size(); ++i) {
    for (const ListHit& h : d.screened[i]) {
      // [2h] from, [2h+1] to of hop h; one past the hops: the stated end user.
      const bool end_user = i == 2 * request.hops.size();
      ordered_json j = {{"hop", end_user ? request.hops.size() : i / 2 + 1},
                        {"party", end_user ? "end_user"
                                  : i % 2  ? "to"
                                           : "from"}};
      j.update(hit_json(h));
      ordered_json rules = ordered_json::array();
      for (const TraceEntry& t : d.trace) {
        if (t.hit == &h) rules.push_back(s(t.rule_id));
      }
      j["rules"] = rules;
      screened.push_back(j);
    }
  }
  out["screening_hits"] = screened;
  ordered_json screening = {{"requested", d.screening}};
  if (d.screening) screening["threshold"] = d.screening_threshold;
  ordered_json lists = ordered_json::array();
  for (const ScreenedList& l : d.screened_lists) {
    ordered_json j = {{"list", l.list_id}, {"version", l.version}, {"entities", l.entity_count}};
    if (!l.effective_date.empty()) j["effective_date"] = l.effective_date;
    // No version was in force on the decision date; a later one stood in.
    if (l.later_than_decision) j["later_than_decision_date"] = true;
    lists.push_back(j);
  }
  screening["lists"] = lists;
  ordered_json unscreened = ordered_json::array();
  for (std::string_view id : d.unscreened_party_lists) unscreened.push_back(s(id));
  screening["unscreened_party_lists"] = unscreened;
  out["screening"] = screening;
  out["policy_sha256"] = s(d.policy_sha256);
  return out.dump(pretty ? 2 : -1);
}

}  // namespace sekisho::rules
