// Alert rows, their events, suppressions and closures: the writes shared by
// decisions (alerts.cpp), monitoring (monitor.cpp) and party removal.
#include "cases/cases_internal.hpp"

namespace sekisho {

namespace {
constexpr std::string_view kStateNames[] = {"open", "escalated", "true_match", "false_positive", "closed"};
}  // namespace

std::string_view alert_state_name(AlertState state) { return kStateNames[static_cast<size_t>(state)]; }

Result<AlertState> parse_alert_state(std::string_view name) {
  for (size_t i = 0; i < std::size(kStateNames); ++i) {
    if (kStateNames[i] == name) return static_cast<AlertState>(i);
  }
  return invalid_argument("unknown alert state '" + std::string(name) +
                          "' (open, escalated, true_match, false_positive, closed)");
}

namespace cases {

const char* const kAlertColumns =
    "alert_id, run_id, party_id, party_version, facts_hash, entity_id, entity_hash, entity_caption, list_id, "
    "list_version, score, matched_name, query_name, explanation, state, pending_state, pending_by, pending_reason, "
    "pending_at, created_at, updated_at";

Alert alert_from_row(const SqlStatement& st) {
  Alert a;
  a.id = st.column_int(0);
  a.run_id = st.column_int(1);
  a.party_id = std::string(st.column_text(2));
  a.party_version = static_cast<int>(st.column_int(3));
  a.facts_hash = std::string(st.column_text(4));
  a.entity_id = std::string(st.column_text(5));
  a.entity_hash = std::string(st.column_text(6));
  a.entity_caption = std::string(st.column_text(7));
  a.list_id = std::string(st.column_text(8));
  a.list_version = static_cast<int>(st.column_int(9));
  a.score = st.column_double(10);
  a.matched_name = std::string(st.column_text(11));
  a.query_name = std::string(st.column_text(12));
  a.explanation = std::string(st.column_text(13));
  // States are written only by this part, from kStateNames.
  a.state = parse_alert_state(st.column_text(14)).value();
  if (!st.column_text(15).empty()) a.pending_state = parse_alert_state(st.column_text(15)).value();
  a.pending_by = std::string(st.column_text(16));
  a.pending_reason = std::string(st.column_text(17));
  a.pending_at = std::string(st.column_text(18));
  a.created_at = std::string(st.column_text(19));
  a.updated_at = std::string(st.column_text(20));
  return a;
}

Status add_alert_event(SqlConnection* db, const AlertEvent& e) {
  SqlStatement st(db,
                  "INSERT INTO alert_events (alert_id, seq, kind, from_state, to_state, reviewer, reason, at) "
                  "SELECT ?1, COALESCE(MAX(seq), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7 FROM alert_events WHERE alert_id = ?1");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, e.alert_id).bind(2, e.kind).bind(3, e.from_state).bind(4, e.to_state).bind(5, e.reviewer);
  st.bind(6, e.reason).bind(7, e.at);
  st.step();
  return st.status();
}

Status set_alert_state(SqlConnection* db, int64_t id, AlertState to, const std::string& at) {
  SqlStatement st(db,
                  "UPDATE alerts SET state = ?2, pending_state = '', pending_by = '', pending_reason = '', "
                  "pending_at = '', updated_at = ?3 WHERE alert_id = ?1");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, id).bind(2, alert_state_name(to)).bind(3, at);
  st.step();
  return st.status();
}

Status add_suppression(SqlConnection* db, const Alert& alert, const std::string& decided_by,
                       const std::string& confirmed_by, const std::string& reason, const std::string& at) {
  SqlStatement st(db,
                  "INSERT INTO suppressions (party_id, facts_hash, entity_id, entity_hash, alert_id, decided_by, "
                  "confirmed_by, reason, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                  "ON CONFLICT (party_id, facts_hash, entity_id, entity_hash) DO NOTHING");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, alert.party_id).bind(2, alert.facts_hash).bind(3, alert.entity_id).bind(4, alert.entity_hash);
  st.bind(5, alert.id).bind(6, decided_by).bind(7, confirmed_by).bind(8, reason).bind(9, at);
  st.step();
  return st.status();
}

Result<int> close_active_alerts(SqlConnection* db, const char* where, const std::string& key, const std::string& kind,
                                const std::string& reviewer, const std::string& reason, const std::string& at) {
  std::string sql =
      std::string("SELECT alert_id, state FROM alerts WHERE state IN ('open', 'escalated', 'true_match') AND ") +
      where + " ORDER BY alert_id";
  SqlStatement st(db, sql.c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, key);
  std::vector<std::pair<int64_t, std::string>> hits;
  while (st.step()) hits.emplace_back(st.column_int(0), std::string(st.column_text(1)));
  SEKISHO_RETURN_IF_ERROR(st.status());
  for (const auto& [id, from] : hits) {
    SEKISHO_RETURN_IF_ERROR(set_alert_state(db, id, AlertState::kClosed, at));
    SEKISHO_RETURN_IF_ERROR(add_alert_event(db, {id, 0, kind, from, "closed", reviewer, reason, at}));
  }
  return static_cast<int>(hits.size());
}

}  // namespace cases
}  // namespace sekisho
