// Transfer decisions kept as cases. The row holds the request and the answer
// whole; the audit entry holds their hashes, so a recorded decision rewritten
// later no longer matches the chain that vouches for it.
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "cases/cases_internal.hpp"
#include "core/hash.hpp"
#include "core/utc_time.hpp"
#include "sekisho/rules.hpp"

namespace sekisho {

namespace {

using nlohmann::json;

constexpr const char* kColumns =
    "decision_id, recorded_at, actor, request_id, as_of, decision, policy_sha256, rules_json, lists_json, "
    "request_json, decision_json";

json rules_to_json(const std::vector<TransferCase::CitedRule>& rules) {
  json out = json::array();
  for (const auto& r : rules) {
    out.push_back(
        {{"hop", r.hop}, {"jurisdiction", r.jurisdiction}, {"rule", r.rule}, {"outcome", r.outcome}, {"cite", r.cite}});
  }
  return out;
}

TransferCase transfer_from_row(const SqlStatement& st) {
  TransferCase t;
  t.id = st.column_int(0);
  t.recorded_at = std::string(st.column_text(1));
  t.actor = std::string(st.column_text(2));
  t.request_id = std::string(st.column_text(3));
  t.as_of = std::string(st.column_text(4));
  t.decision = std::string(st.column_text(5));
  t.policy_sha256 = std::string(st.column_text(6));
  // Written by record_transfer from the same shapes; a row that no longer
  // parses shows empty lists rather than failing the whole listing.
  json rules = json::parse(st.column_text(7), nullptr, false);
  if (rules.is_array()) {
    for (const json& r : rules) {
      t.rules.push_back({r.value("hop", 0), r.value("jurisdiction", ""), r.value("rule", ""), r.value("outcome", ""),
                         r.value("cite", "")});
    }
  }
  json lists = json::parse(st.column_text(8), nullptr, false);
  if (lists.is_object()) {
    for (const auto& [id, version] : lists.items()) t.lists[id] = version.is_number_integer() ? version.get<int>() : 0;
  }
  t.request_json = std::string(st.column_text(9));
  t.decision_json = std::string(st.column_text(10));
  return t;
}

}  // namespace

TransferCase transfer_case_of(const rules::Decision& decision, const rules::TransferRequest& request,
                              std::string request_json, std::string decision_json) {
  TransferCase t;
  t.request_id = request.id;
  t.as_of = decision.as_of;
  t.decision = std::string(rules::outcome_name(decision.decision));
  t.policy_sha256 = std::string(decision.policy_sha256);
  // The trace entries of the determining rules that carry the decision's
  // outcome: where each rule bit, with the citation a reviewer looks up.
  std::set<std::string_view> determining(decision.determining_rules.begin(), decision.determining_rules.end());
  std::set<std::tuple<int, std::string_view, std::string_view>> seen;
  for (const rules::TraceEntry& e : decision.trace) {
    if (!determining.contains(e.rule_id) || e.outcome != decision.decision) continue;
    if (!seen.insert({e.hop, e.jurisdiction, e.rule_id}).second) continue;
    t.rules.push_back({e.hop, std::string(e.jurisdiction), std::string(e.rule_id),
                       std::string(rules::outcome_name(e.outcome)), std::string(e.cite)});
  }
  for (std::string_view id : decision.determining_rules) {
    bool cited = false;
    for (const auto& r : t.rules) cited = cited || r.rule == id;
    if (!cited) t.rules.push_back({decision.hop, "", std::string(id), t.decision, ""});
  }
  for (const rules::ScreenedList& l : decision.screened_lists) t.lists[l.list_id] = l.version;
  t.request_json = std::move(request_json);
  t.decision_json = std::move(decision_json);
  return t;
}

namespace cases {

Result<std::string> transfer_row_problem(SqlConnection* db, const AuditEntry& entry) {
  json detail = json::parse(entry.detail, nullptr, false);
  if (!detail.is_object() || !detail["id"].is_number_integer()) return std::string("its detail names no decision id");
  SqlStatement st(db,
                  "SELECT decision, policy_sha256, request_json, decision_json FROM transfer_decisions "
                  "WHERE decision_id = ?1");
  SEKISHO_RETURN_IF_ERROR(st.status());
  const int64_t id = detail["id"].get<int64_t>();
  st.bind(1, id);
  const std::string which = "recorded transfer decision " + std::to_string(id);
  if (!st.step()) {
    SEKISHO_RETURN_IF_ERROR(st.status());
    return which + " is missing from the store";
  }
  if (st.column_text(0) != detail.value("decision", "") || st.column_text(1) != detail.value("policy_sha256", "") ||
      sha256_hex(st.column_text(2)) != detail.value("request_sha256", "") ||
      sha256_hex(st.column_text(3)) != detail.value("decision_sha256", "")) {
    return which + " was changed after it was recorded: it no longer matches its audit entry";
  }
  return std::string();
}

}  // namespace cases

Result<TransferCase> CaseStore::record_transfer(TransferCase transfer, const std::string& actor) {
  if (transfer.decision.empty() || transfer.policy_sha256.empty()) {
    return invalid_argument("a transfer case needs its decision and the policy bundle's hash");
  }
  SqlTransaction tx(db_);
  SEKISHO_RETURN_IF_ERROR(tx.begin());
  SEKISHO_ASSIGN_OR_RETURN(transfer.id, cases::next_id(db_, "transfer_decisions", "decision_id"));
  transfer.recorded_at = utc_now_iso();
  transfer.actor = actor;
  SqlStatement st(db_,
                  "INSERT INTO transfer_decisions (decision_id, recorded_at, actor, request_id, as_of, decision, "
                  "policy_sha256, rules_json, lists_json, request_json, decision_json) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  SEKISHO_RETURN_IF_ERROR(st.status());
  json lists(transfer.lists);
  st.bind(1, transfer.id).bind(2, transfer.recorded_at).bind(3, actor).bind(4, transfer.request_id);
  st.bind(5, transfer.as_of).bind(6, transfer.decision).bind(7, transfer.policy_sha256);
  st.bind(8, rules_to_json(transfer.rules).dump()).bind(9, lists.dump());
  st.bind(10, transfer.request_json).bind(11, transfer.decision_json);
  st.step();
  SEKISHO_RETURN_IF_ERROR(st.status().with_context("recording a transfer decision"));
  json rule_ids = json::array();
  for (const auto& r : transfer.rules) rule_ids.push_back(r.rule);
  json detail = {{"id", transfer.id},
                 {"request_id", transfer.request_id},
                 {"as_of", transfer.as_of},
                 {"decision", transfer.decision},
                 {"rules", rule_ids},
                 {"lists", lists},
                 {"policy_sha256", transfer.policy_sha256},
                 {"request_sha256", sha256_hex(transfer.request_json)},
                 {"decision_sha256", sha256_hex(transfer.decision_json)}};
  SEKISHO_RETURN_IF_ERROR(
      cases::append_audit(db_, actor, "transfer.decide", std::to_string(transfer.id), detail.dump()));
  SEKISHO_RETURN_IF_ERROR(tx.commit());
  return transfer;
}

Result<std::vector<TransferCase>> CaseStore::transfers(size_t limit) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM transfer_decisions ORDER BY decision_id DESC";
  if (limit > 0) sql += " LIMIT " + std::to_string(limit);
  SqlStatement st(db_, sql.c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  std::vector<TransferCase> out;
  while (st.step()) out.push_back(transfer_from_row(st));
  SEKISHO_RETURN_IF_ERROR(st.status());
  return out;
}

Result<TransferCase> CaseStore::transfer(int64_t id) {
  SqlStatement st(db_, (std::string("SELECT ") + kColumns + " FROM transfer_decisions WHERE decision_id = ?1").c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, id);
  if (!st.step()) {
    SEKISHO_RETURN_IF_ERROR(st.status());
    return not_found("no recorded transfer decision " + std::to_string(id));
  }
  return transfer_from_row(st);
}

}  // namespace sekisho
