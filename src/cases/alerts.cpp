// Reading alerts and deciding them: open → escalated → true match / false
// positive / closed, each change an event with reviewer, reason and time,
// and, with four-eyes on, a decision that waits for a second reviewer.
#include <nlohmann/json.hpp>

#include "cases/cases_internal.hpp"
#include "core/utc_time.hpp"

namespace sekisho {

namespace {

Status permission_denied(std::string message) { return Status(StatusCode::kPermissionDenied, std::move(message)); }

bool is_active(AlertState s) { return s == AlertState::kOpen || s == AlertState::kEscalated; }

std::string audit_detail(const Alert& a, std::string_view from, std::string_view to, const Reviewer& reviewer,
                         const std::string& reason) {
  nlohmann::json d = {{"alert", a.id},
                      {"party", a.party_id},
                      {"entity", a.entity_id},
                      {"entity_hash", a.entity_hash},
                      {"facts_hash", a.facts_hash},
                      {"from", from},
                      {"to", to},
                      {"role", role_name(reviewer.role)},
                      {"reason", reason}};
  return d.dump();
}

}  // namespace

Result<std::vector<Alert>> CaseStore::alerts(const AlertFilter& filter) {
  std::string sql = std::string("SELECT ") + cases::kAlertColumns +
                    " FROM alerts WHERE (?1 = '' OR state = ?1) AND (?2 = '' OR party_id = ?2)"
                    " AND (?3 = '' OR entity_id = ?3) AND (?4 = 0 OR run_id = ?4) ORDER BY alert_id";
  if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
  SqlStatement st(db_, sql.c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, filter.state ? alert_state_name(*filter.state) : "").bind(2, filter.party_id).bind(3, filter.entity_id);
  st.bind(4, filter.run_id);
  std::vector<Alert> out;
  while (st.step()) out.push_back(cases::alert_from_row(st));
  SEKISHO_RETURN_IF_ERROR(st.status());
  return out;
}

Result<Alert> CaseStore::alert(int64_t id) {
  std::string sql = std::string("SELECT ") + cases::kAlertColumns + " FROM alerts WHERE alert_id = ?1";
  SqlStatement st(db_, sql.c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, id);
  if (!st.step()) {
    SEKISHO_RETURN_IF_ERROR(st.status());
    return not_found("no alert " + std::to_string(id));
  }
  return cases::alert_from_row(st);
}

Result<std::vector<AlertEvent>> CaseStore::alert_events(int64_t id) {
  SqlStatement st(db_,
                  "SELECT alert_id, seq, kind, from_state, to_state, reviewer, reason, at FROM alert_events "
                  "WHERE alert_id = ?1 ORDER BY seq");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, id);
  std::vector<AlertEvent> out;
  while (st.step()) {
    out.push_back({st.column_int(0), static_cast<int>(st.column_int(1)), std::string(st.column_text(2)),
                   std::string(st.column_text(3)), std::string(st.column_text(4)), std::string(st.column_text(5)),
                   std::string(st.column_text(6)), std::string(st.column_text(7))});
  }
  SEKISHO_RETURN_IF_ERROR(st.status());
  return out;
}

Result<Alert> CaseStore::decide(int64_t id, AlertState to, const Reviewer& reviewer, const std::string& reason) {
  if (reviewer.name.empty()) return invalid_argument("a decision needs a named reviewer");
  if (reviewer.role < Role::kAnalyst) return permission_denied("deciding alerts needs the analyst role");
  if (reason.empty()) return invalid_argument("a decision needs a reason");
  if (to == AlertState::kOpen) return invalid_argument("an alert cannot be decided back to open");
  SqlTransaction tx(db_);
  SEKISHO_RETURN_IF_ERROR(tx.begin());
  SEKISHO_ASSIGN_OR_RETURN(Alert a, alert(id));
  SEKISHO_ASSIGN_OR_RETURN(ReviewSettings settings, review_settings());
  if (!is_active(a.state)) {
    return invalid_argument("alert " + std::to_string(id) + " is already " + std::string(alert_state_name(a.state)));
  }
  if (a.pending_state) {
    return invalid_argument("alert " + std::to_string(id) + " has a decision (" +
                            std::string(alert_state_name(*a.pending_state)) + " by " + a.pending_by +
                            ") waiting for confirmation");
  }
  if (to == a.state)
    return invalid_argument("alert " + std::to_string(id) + " is already " + std::string(alert_state_name(to)));
  const std::string now = utc_now_iso();
  const std::string_view from = alert_state_name(a.state);
  // Escalation asks for more eyes; it never waits for them.
  if (settings.four_eyes && to != AlertState::kEscalated) {
    SqlStatement st(db_,
                    "UPDATE alerts SET pending_state = ?2, pending_by = ?3, pending_reason = ?4, pending_at = ?5, "
                    "updated_at = ?5 WHERE alert_id = ?1");
    SEKISHO_RETURN_IF_ERROR(st.status());
    st.bind(1, id).bind(2, alert_state_name(to)).bind(3, reviewer.name).bind(4, reason).bind(5, now);
    st.step();
    SEKISHO_RETURN_IF_ERROR(st.status());
    SEKISHO_RETURN_IF_ERROR(cases::add_alert_event(
        db_, {id, 0, "proposed", std::string(from), std::string(alert_state_name(to)), reviewer.name, reason, now}));
    SEKISHO_RETURN_IF_ERROR(cases::append_audit(db_, reviewer.name, "alert.propose", std::to_string(id),
                                                audit_detail(a, from, alert_state_name(to), reviewer, reason)));
  } else {
    SEKISHO_RETURN_IF_ERROR(cases::set_alert_state(db_, id, to, now));
    const char* kind = to == AlertState::kEscalated ? "escalated" : "decided";
    SEKISHO_RETURN_IF_ERROR(cases::add_alert_event(
        db_, {id, 0, kind, std::string(from), std::string(alert_state_name(to)), reviewer.name, reason, now}));
    if (to == AlertState::kFalsePositive) {
      SEKISHO_RETURN_IF_ERROR(cases::add_suppression(db_, a, reviewer.name, "", reason, now));
    }
    SEKISHO_RETURN_IF_ERROR(cases::append_audit(db_, reviewer.name, "alert.decide", std::to_string(id),
                                                audit_detail(a, from, alert_state_name(to), reviewer, reason)));
  }
  SEKISHO_ASSIGN_OR_RETURN(Alert updated, alert(id));
  SEKISHO_RETURN_IF_ERROR(tx.commit());
  return updated;
}

Result<Alert> CaseStore::confirm(int64_t id, const Reviewer& reviewer, const std::string& reason, bool approve) {
  if (reviewer.name.empty()) return invalid_argument("a confirmation needs a named reviewer");
  SqlTransaction tx(db_);
  SEKISHO_RETURN_IF_ERROR(tx.begin());
  SEKISHO_ASSIGN_OR_RETURN(Alert a, alert(id));
  SEKISHO_ASSIGN_OR_RETURN(ReviewSettings settings, review_settings());
  if (!a.pending_state)
    return invalid_argument("alert " + std::to_string(id) + " has no decision waiting for confirmation");
  if (reviewer.name == a.pending_by) {
    return permission_denied("alert " + std::to_string(id) + ": " + reviewer.name +
                             " proposed this decision and may not confirm it; a second reviewer must");
  }
  if (reviewer.role < settings.confirm_role) {
    return permission_denied("confirming a decision needs the " + std::string(role_name(settings.confirm_role)) +
                             " role; " + reviewer.name + " has " + std::string(role_name(reviewer.role)));
  }
  const std::string now = utc_now_iso();
  const std::string_view from = alert_state_name(a.state);
  const AlertState to = *a.pending_state;
  if (approve) {
    SEKISHO_RETURN_IF_ERROR(cases::set_alert_state(db_, id, to, now));
    SEKISHO_RETURN_IF_ERROR(cases::add_alert_event(
        db_, {id, 0, "confirmed", std::string(from), std::string(alert_state_name(to)), reviewer.name, reason, now}));
    if (to == AlertState::kFalsePositive) {
      SEKISHO_RETURN_IF_ERROR(cases::add_suppression(db_, a, a.pending_by, reviewer.name, a.pending_reason, now));
    }
  } else {
    SqlStatement st(db_,
                    "UPDATE alerts SET pending_state = '', pending_by = '', pending_reason = '', pending_at = '', "
                    "updated_at = ?2 WHERE alert_id = ?1");
    SEKISHO_RETURN_IF_ERROR(st.status());
    st.bind(1, id).bind(2, now);
    st.step();
    SEKISHO_RETURN_IF_ERROR(st.status());
    SEKISHO_RETURN_IF_ERROR(cases::add_alert_event(
        db_, {id, 0, "rejected", std::string(from), std::string(from), reviewer.name, reason, now}));
  }
  SEKISHO_RETURN_IF_ERROR(
      cases::append_audit(db_, reviewer.name, approve ? "alert.confirm" : "alert.reject", std::to_string(id),
                          audit_detail(a, from, alert_state_name(approve ? to : a.state), reviewer, reason)));
  SEKISHO_ASSIGN_OR_RETURN(Alert updated, alert(id));
  SEKISHO_RETURN_IF_ERROR(tx.commit());
  return updated;
}

}  // namespace sekisho
