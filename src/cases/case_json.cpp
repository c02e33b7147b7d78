#include "cases/case_json.hpp"

namespace sekisho::cases {

using nlohmann::json;

json party_to_json(const StoredParty& sp) {
  const Party& p = sp.party;
  return {{"id", p.id},
          {"schema", p.schema},
          {"names", p.names},
          {"birth_date", p.birth_date},
          {"countries", p.countries},
          {"identifiers", p.identifiers},
          {"tags", p.tags},
          {"version", sp.version},
          {"facts_hash", sp.facts_hash},
          {"screened", sp.screened},
          {"removed_at", sp.removed_at},
          {"updated_at", sp.updated_at},
          {"active_alerts", sp.active_alerts}};
}

json alert_to_json(const Alert& a) {
  json j = {{"id", a.id},
            {"run_id", a.run_id},
            {"party_id", a.party_id},
            {"party_version", a.party_version},
            {"facts_hash", a.facts_hash},
            {"entity_id", a.entity_id},
            {"entity_hash", a.entity_hash},
            {"entity_caption", a.entity_caption},
            {"list_id", a.list_id},
            {"list_version", a.list_version},
            {"score", a.score},
            {"matched_name", a.matched_name},
            {"query_name", a.query_name},
            {"explanation", a.explanation},
            {"state", alert_state_name(a.state)},
            {"created_at", a.created_at},
            {"updated_at", a.updated_at}};
  if (a.pending_state) {
    j["pending"] = {{"state", alert_state_name(*a.pending_state)},
                    {"by", a.pending_by},
                    {"reason", a.pending_reason},
                    {"at", a.pending_at}};
  } else {
    j["pending"] = nullptr;
  }
  return j;
}

json alert_to_json(const Alert& a, const std::vector<AlertEvent>& events) {
  json j = alert_to_json(a);
  json list = json::array();
  for (const AlertEvent& e : events) {
    list.push_back({{"seq", e.seq},
                    {"kind", e.kind},
                    {"from", e.from_state},
                    {"to", e.to_state},
                    {"reviewer", e.reviewer},
                    {"reason", e.reason},
                    {"at", e.at}});
  }
  j["events"] = std::move(list);
  return j;
}

json run_to_json(const RunRecord& r) {
  json deltas = json::object();
  for (const auto& [list, d] : r.deltas) {
    deltas[list] = {{"from", d.from}, {"to", d.to}, {"added", d.added}, {"changed", d.changed}, {"removed", d.removed}};
  }
  return {{"id", r.id},
          {"kind", r.kind},
          {"actor", r.actor},
          {"started_at", r.started_at},
          {"finished_at", r.finished_at},
          {"threshold", r.threshold},
          {"lists", r.lists},
          {"deltas", deltas},
          {"parties_screened_full", r.parties_screened_full},
          {"parties_screened_delta", r.parties_screened_delta},
          {"entities_screened_delta", r.entities_screened_delta},
          {"alerts_raised", r.alerts_raised},
          {"alerts_suppressed", r.alerts_suppressed},
          {"alerts_known", r.alerts_known},
          {"alerts_closed", r.alerts_closed}};
}

json audit_entry_to_json(const AuditEntry& e) {
  json detail = json::parse(e.detail, nullptr, false);
  return {{"seq", e.seq},
          {"at", e.at},
          {"actor", e.actor},
          {"action", e.action},
          {"subject", e.subject},
          {"detail", detail.is_discarded() ? json(e.detail) : detail},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash}};
}

json audit_check_to_json(const AuditCheck& c) {
  json j = {{"ok", c.ok}, {"entries", c.entries}};
  if (!c.ok) {
    j["first_bad_seq"] = c.first_bad_seq;
    j["problem"] = c.problem;
  }
  return j;
}

json transfer_to_json(const TransferCase& t, bool whole) {
  json rules = json::array();
  for (const auto& r : t.rules) {
    rules.push_back(
        {{"hop", r.hop}, {"jurisdiction", r.jurisdiction}, {"rule", r.rule}, {"outcome", r.outcome}, {"cite", r.cite}});
  }
  json j = {{"id", t.id},
            {"recorded_at", t.recorded_at},
            {"actor", t.actor},
            {"request_id", t.request_id},
            {"as_of", t.as_of},
            {"decision", t.decision},
            {"rules", rules},
            {"lists", t.lists},
            {"policy_sha256", t.policy_sha256}};
  if (whole) {
    // Stored as received and as answered; shown as JSON when they parse, as text otherwise.
    json request = json::parse(t.request_json, nullptr, false);
    json answer = json::parse(t.decision_json, nullptr, false);
    j["request"] = request.is_discarded() ? json(t.request_json) : request;
    j["answer"] = answer.is_discarded() ? json(t.decision_json) : answer;
  }
  return j;
}

Result<Party> party_from_request(const json& object, const std::string& where) {
  if (!object.is_object()) return invalid_argument(where + ": expected a JSON object");
  // The JSON lines reader holds the rules (fields, types, validation): reuse it on this one object.
  auto parsed = parse_parties(object.dump(), where + ".jsonl");
  if (!parsed.ok()) return Status(StatusCode::kInvalidArgument, parsed.status().message());
  if (parsed->size() != 1) return invalid_argument(where + ": expected one party");
  return std::move((*parsed)[0]);
}

}  // namespace sekisho::cases
