// A Decision as a human-readable trace for licensing officers.
#include <fmt/format.h>

#include "sekisho/rules.hpp"

namespace sekisho::rules {

namespace {

// Which lists were screened, which policy lists were not, and every hit with
// the rules it drove: the reader must see what "no hit" was checked against.
std::string format_screening_text(const Decision& d, const TransferRequest& request) {
  std::string out = "\nScreening: ";
  if (!d.screening) return out + "off; list hits only as stated in the request\n";
  if (d.screened_lists.empty()) {
    out += "requested, but no lists are loaded (empty store); list hits only as stated in the request\n";
  } else {
    out += fmt::format("parties screened (threshold {:.2f}) against", d.screening_threshold);
    for (const ScreenedList& l : d.screened_lists) out += fmt::format(" {} v{} ({})", l.list_id, l.version, l.entity_count);
    out += "\n";
  }
  if (!d.unscreened_party_lists.empty()) {
    out += "  not screened (rules testing them are DATA_GAP unless a stated hit decides):";
    for (std::string_view id : d.unscreened_party_lists) out += fmt::format(" {}", id);
    out += "\n";
  }
  size_t hits = 0;
  for (size_t i = 0; i < d.screened.size(); ++i) {
    const Hop& hop = request.hops[i / 2];
    const Party& party = i % 2 ? hop.to : hop.from;
    for (const ListHit& h : d.screened[i]) {
      ++hits;
      out += fmt::format("  hop {} {} \"{}\": {} {} \"{}\" score {:.3f}", i / 2 + 1, i % 2 ? "to" : "from", party.name,
                         h.list_id, h.entity_id, h.matched_name, h.score);
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

}  // namespace

std::string format_decision_text(const Decision& d, const TransferRequest& request) {
  std::string out;
  out += fmt::format("Transfer {} as of {}\n", request.id.empty() ? "(no id)" : request.id, d.as_of);
  out += fmt::format("Item: {} (origin {}{})\n", request.item.id.empty() ? "(no id)" : request.item.id,
                     request.item.origin,
                     request.item.licensor_country.empty() ? "" : ", licensed from " + request.item.licensor_country);
  for (size_t h = 0; h < request.hops.size(); ++h) {
    const Hop& hop = request.hops[h];
    out += fmt::format("  hop {}: {} ({}) -> {} ({})  => {}\n", h + 1, hop.from.name, hop.from.country, hop.to.name,
                       hop.to.country, outcome_name(d.hop_outcomes.at(h)));
  }
  out += format_screening_text(d, request);
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
  out += "\nTrace:\n";
  if (d.trace.empty()) out += "  NO_RULE_FIRED\n";
  for (const TraceEntry& t : d.trace) {
    out += fmt::format("  hop {} [{}] {}: {}", t.hop, t.jurisdiction, t.rule_id, outcome_name(t.raw));
    if (t.outcome != t.raw || t.reason != Reason::kFired) {
      out += fmt::format(" -> {} ({}{})", outcome_name(t.outcome), reason_name(t.reason),
                         t.by.empty() ? "" : fmt::format(": {}", t.by));
    }
    out += "\n";
    if (!t.designation.empty()) out += fmt::format("      designation: {}\n", t.designation);
    if (t.hit) {
      out += fmt::format("      list hit: {} {} \"{}\" score {:.3f}{}\n", t.hit->list_id, t.hit->entity_id,
                         t.hit->matched_name, t.hit->score, t.hit->explanation.empty() ? " (stated in the request)" : "");
      if (!t.hit->explanation.empty()) out += fmt::format("      match: {}\n", t.hit->explanation);
    }
    if (!t.note.empty()) out += fmt::format("      note: {}\n", t.note);
    out += fmt::format("      cite: {}\n", t.cite);
  }
  out += fmt::format("\nPolicy bundle sha256: {}\n", d.policy_sha256);
  return out;
}

}  // namespace sekisho::rules
