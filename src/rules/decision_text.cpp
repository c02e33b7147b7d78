// A Decision as a short memo a licensing officer could file: the transfer,
// the decision, what decided it, what cleared what, which data was missing,
// which lists were screened at which version, and what still needs checking.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "sekisho/rules.hpp"

namespace sekisho::rules {

namespace {

std::string party_text(const Party& p) {
  std::string out = fmt::format("{} ({}", p.name, p.country);
  if (!p.kind.empty()) out += ", " + p.kind;
  if (!p.role.empty()) out += ", " + p.role;
  return out + ")";
}

// Which lists were screened, which policy lists were not, and every hit with
// the rules it drove: the reader must see what "no hit" was checked against.
std::string format_screening_text(const Decision& d, const TransferRequest& request) {
  std::string out = "\nScreening: ";
  if (!d.screening) return out + "off; list hits only as stated in the request\n";
  if (d.screened_lists.empty()) {
    out += "requested, but no lists are loaded (empty store); list hits only as stated in the request\n";
  } else {
    out += fmt::format("parties screened (threshold {:.2f}) against", d.screening_threshold);
    for (const ScreenedList& l : d.screened_lists)
      out += fmt::format(" {} v{} ({})", l.list_id, l.version, l.entity_count);
    out += "\n";
    for (const ScreenedList& l : d.screened_lists) {
      if (l.later_than_decision) {
        out += fmt::format("  {}: no version in force on {} is in the store; v{} (from {}) was screened instead\n",
                           l.list_id, d.as_of, l.version, l.effective_date);
      } else if (!l.effective_date.empty()) {
        out += fmt::format("  {}: v{} in force from {}\n", l.list_id, l.version, l.effective_date);
      }
    }
  }
  if (!d.unscreened_party_lists.empty()) {
    out += "  not screened (rules testing them are DATA_GAP unless a stated hit decides):";
    for (std::string_view id : d.unscreened_party_lists) out += fmt::format(" {}", id);
    out += "\n";
  }
  size_t hits = 0;
  for (size_t i = 0; i < d.screened.size(); ++i) {
    const bool end_user = i == 2 * request.hops.size();  // one past the hops: the stated end user
    const Party& party = end_user ? *request.end_user : i % 2 ? request.hops[i / 2].to : request.hops[i / 2].from;
    for (const ListHit& h : d.screened[i]) {
      ++hits;
      const std::string where = end_user ? "end user" : fmt::format("hop {} {}", i / 2 + 1, i % 2 ? "to" : "from");
      out += fmt::format("  {} \"{}\": {} {} \"{}\" score {:.3f}", where, party.name, h.list_id, h.entity_id,
                         h.matched_name, h.score);
      std::string rules;
      for (const TraceEntry& t : d.trace) {
        if (t.hit == &h) rules += fmt::format("{}{}", rules.empty() ? "" : ", ", t.rule_id);
      }
      out += rules.empty() ? " (no rule of the policy fired on it)\n" : fmt::format(" -> {}\n", rules);
      out += fmt::format("      {}\n", h.explanation);
    }
  }
  if (hits == 0 && !d.screened_lists.empty()) out += "  no party has a hit at or above the threshold\n";
  return out;
}

std::string via_text(const TraceEntry& t, const TransferRequest& request) {
  if (t.via_hop <= 0) return {};
  if (static_cast<size_t>(t.via_hop) > request.hops.size()) return " (on the end user downstream)";
  return fmt::format(" (on the recipient of hop {} downstream)", t.via_hop);
}

std::string finding_text(const TraceEntry& t, const TransferRequest& request) {
  std::string out = fmt::format("  hop {} [{}] {}: {}", t.hop, t.jurisdiction, t.rule_id, outcome_name(t.raw));
  if (t.outcome != t.raw || t.reason != Reason::kFired) {
    out += fmt::format(" -> {} ({}{})", outcome_name(t.outcome), reason_name(t.reason),
                       t.by.empty() ? "" : fmt::format(": {}", t.by));
  }
  out += via_text(t, request) + "\n";
  if (!t.missing.empty()) out += fmt::format("      missing: {}\n", t.missing);
  if (!t.designation.empty()) out += fmt::format("      designation: {}\n", t.designation);
  if (t.hit) {
    out += fmt::format("      list hit: {} {} \"{}\" score {:.3f}{}\n", t.hit->list_id, t.hit->entity_id,
                       t.hit->matched_name, t.hit->score,
                       t.hit->list_version > 0 ? fmt::format(" (screened, version {})", t.hit->list_version)
                                               : std::string(" (stated in the request)"));
    if (!t.hit->explanation.empty()) out += fmt::format("      match: {}\n", t.hit->explanation);
    if (!t.hit->programs.empty()) out += fmt::format("      designated under: {}\n", fmt::join(t.hit->programs, ", "));
  }
  if (!t.detail.empty()) out += fmt::format("      settled by: {}\n", t.detail);
  if (!t.note.empty()) out += fmt::format("      note: {}\n", t.note);
  out += fmt::format("      cite: {}{}\n", t.cite,
                     t.verify ? "  [verify: data still to be checked against the official text]" : "");
  return out;
}

}  // namespace

std::string format_decision_text(const Decision& d, const TransferRequest& request) {
  std::string out = "EXPORT-CONTROL DECISION MEMO\n";
  out += fmt::format("Transfer {} as of {}\n", request.id.empty() ? "(no id)" : request.id, d.as_of);
  out +=
      fmt::format("Item: {} (origin {}{})", request.item.id.empty() ? "(no id)" : request.item.id, request.item.origin,
                  request.item.licensor_country.empty() ? "" : ", licensed from " + request.item.licensor_country);
  if (!request.item.description.empty()) out += " — " + request.item.description;
  out += "\n  classified:";
  for (const auto& [scheme, codes] : request.item.classifications) {
    out += fmt::format(" {} {};", scheme, codes.empty() ? std::string("(none)") : codes.front());
  }
  out += "\n";
  for (size_t h = 0; h < request.hops.size(); ++h) {
    const Hop& hop = request.hops[h];
    out += fmt::format("  hop {}: {} -> {}  => {}\n", h + 1, party_text(hop.from), party_text(hop.to),
                       outcome_name(d.hop_outcomes.at(h)));
  }
  if (request.end_user) out += fmt::format("  end user: {}\n", party_text(*request.end_user));

  out += fmt::format("\nDECISION: {}", outcome_name(d.decision));
  if (d.hop > 0) out += fmt::format(" (determined at hop {})", d.hop);
  out += "\nDetermining rules:";
  for (std::string_view r : d.determining_rules) out += fmt::format(" {}", r);
  out += "\n";
  if (!d.conditions.empty()) {
    out += "Conditions passed downstream:\n";
    for (const Condition& c : d.conditions) {
      out += fmt::format("  - {} (owed to {}, from hop {}, source {})\n", c.code, c.holder, c.hop, c.source);
    }
  }
  out += "\nClaims:\n";
  if (d.claims.empty()) out += "  (no jurisdiction claims any hop)\n";
  for (const Claim& c : d.claims) out += fmt::format("  hop {}: {} by {}\n", c.hop, c.jurisdiction, c.basis);
  out += "\nJurisdictions weighed at each hop (and the facts that settled it):\n";
  for (const JurisdictionCheck& c : d.jurisdictions) {
    out += fmt::format("  hop {} [{}] {}: {}\n", c.hop, c.jurisdiction,
                       c.claimed == JurisdictionCheck::Claimed::kYes  ? "claimed"
                       : c.claimed == JurisdictionCheck::Claimed::kNo ? "not claimed"
                                                                      : "may claim (data gap)",
                       c.fact);
  }

  out += "\nTrace (rules that fired, and what settled each):\n";
  size_t fired = 0;
  for (const TraceEntry& t : d.trace) {
    if (t.reason == Reason::kNotApplicable || t.reason == Reason::kExcepted) continue;
    ++fired;
    out += finding_text(t, request);
  }
  if (fired == 0) out += "  NO_RULE_FIRED\n";
  std::string excepted, dated, checked, unavailable;
  for (const TraceEntry& t : d.trace) {
    if (t.authorization && t.reason == Reason::kNotApplicable) {
      unavailable += fmt::format("  hop {} [{}] {}: {}{}\n      cite: {}\n", t.hop, t.jurisdiction, t.rule_id, t.detail,
                                 via_text(t, request), t.cite);
    } else if (t.reason == Reason::kExcepted) {
      excepted += fmt::format("  hop {} [{}] {}: {}{}\n      cite: {}\n", t.hop, t.jurisdiction, t.rule_id, t.detail,
                              via_text(t, request), t.cite);
    } else if (t.reason == Reason::kNotApplicable && !t.detail.empty()) {
      dated += fmt::format("  hop {} [{}] {}: {}\n", t.hop, t.jurisdiction, t.rule_id, t.detail);
    } else if (t.reason == Reason::kNotApplicable) {
      checked += fmt::format(" {}@{}", t.rule_id, t.hop);
    }
  }
  if (!excepted.empty()) out += "\nExceptions that applied (permitted cases):\n" + excepted;
  if (!unavailable.empty())
    out += "\nLicence exceptions and general authorisations weighed and not available:\n" + unavailable;
  if (!dated.empty()) out += "\nRules not in force on the decision date:\n" + dated;
  if (!checked.empty()) out += "\nEvaluated, conditions not met (rule@hop):" + checked + "\n";

  out += format_screening_text(d, request);
  if (!d.verify.empty()) {
    out += "\nVerify before relying on this decision (policy data marked verify: true was used):";
    for (std::string_view id : d.verify) out += fmt::format(" {}", id);
    out += "\n";
  }
  out += fmt::format("\nPolicy bundle sha256: {}\n", d.policy_sha256);
  return out;
}

}  // namespace sekisho::rules
