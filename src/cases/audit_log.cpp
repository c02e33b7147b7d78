// The audit log: append-only and hash-chained. Each entry's hash covers its
// own fields and the previous entry's hash, so changing a byte of any entry
// breaks its hash, and deleting or reordering entries breaks the chain. The
// head (last sequence number and hash) is kept apart in case_meta, so
// dropping the newest entries is caught too. A transfer decision's entry
// holds the hashes of the stored request and answer, and the walk checks
// them, so the stored case is vouched for as well.
#include <nlohmann/json.hpp>

#include "cases/cases_internal.hpp"
#include "core/hash.hpp"
#include "core/utc_time.hpp"

namespace sekisho {

namespace {

std::string entry_hash(int64_t seq, const std::string& at, const std::string& actor, const std::string& action,
                       const std::string& subject, const std::string& detail, const std::string& prev_hash) {
  // A JSON array: every field delimited and escaped, so no two entries serialise alike.
  nlohmann::json fields = nlohmann::json::array({seq, at, actor, action, subject, detail, prev_hash});
  return sha256_hex(fields.dump());
}

struct Head {
  int64_t seq = 0;
  std::string hash;
};

Result<Head> stored_head(SqlConnection* db) {
  SqlStatement st(db, "SELECT key, value FROM case_meta WHERE key IN ('audit_head_seq', 'audit_head_hash')");
  SEKISHO_RETURN_IF_ERROR(st.status());
  Head head;
  while (st.step()) {
    if (st.column_text(0) == "audit_head_seq")
      head.seq = std::stoll(std::string(st.column_text(1)));
    else
      head.hash = std::string(st.column_text(1));
  }
  SEKISHO_RETURN_IF_ERROR(st.status());
  return head;
}

AuditEntry entry_from_row(const SqlStatement& st) {
  AuditEntry e;
  e.seq = st.column_int(0);
  e.at = std::string(st.column_text(1));
  e.actor = std::string(st.column_text(2));
  e.action = std::string(st.column_text(3));
  e.subject = std::string(st.column_text(4));
  e.detail = std::string(st.column_text(5));
  e.prev_hash = std::string(st.column_text(6));
  e.hash = std::string(st.column_text(7));
  return e;
}

constexpr const char* kEntryColumns = "seq, at, actor, action, subject, detail, prev_hash, hash";

}  // namespace

namespace cases {

Status put_meta(SqlConnection* db, std::string_view key, const std::string& value) {
  SqlStatement st(db,
                  "INSERT INTO case_meta (key, value) VALUES (?1, ?2) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, key).bind(2, value);
  st.step();
  return st.status();
}

Result<std::string> get_meta(SqlConnection* db, std::string_view key) {
  SqlStatement st(db, "SELECT value FROM case_meta WHERE key = ?1");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, key);
  std::string value;
  if (st.step()) value = std::string(st.column_text(0));
  SEKISHO_RETURN_IF_ERROR(st.status());
  return value;
}

void (*audit_entry_written)() = nullptr;

Status append_audit(SqlConnection* db, const std::string& actor, const std::string& action, const std::string& subject,
                    const std::string& detail_json) {
  // The chain continues from the stored head: the log's own last row could
  // have been deleted, and appending after it would hide that.
  SEKISHO_ASSIGN_OR_RETURN(Head head, stored_head(db));
  int64_t seq = head.seq + 1;
  std::string at = utc_now_iso();
  std::string hash = entry_hash(seq, at, actor, action, subject, detail_json, head.hash);
  SqlStatement st(db,
                  "INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, seq).bind(2, at).bind(3, actor).bind(4, action).bind(5, subject).bind(6, detail_json);
  st.bind(7, head.hash).bind(8, hash);
  st.step();
  SEKISHO_RETURN_IF_ERROR(st.status().with_context("appending to the audit log"));
  if (audit_entry_written != nullptr) audit_entry_written();
  SEKISHO_RETURN_IF_ERROR(cases::put_meta(db, "audit_head_seq", std::to_string(seq)));
  return put_meta(db, "audit_head_hash", hash);
}

}  // namespace cases

Status CaseStore::audit(const std::string& actor, const std::string& action, const std::string& subject,
                        const std::string& detail_json) {
  SqlTransaction tx(db_);
  SEKISHO_RETURN_IF_ERROR(tx.begin());
  SEKISHO_RETURN_IF_ERROR(cases::append_audit(db_, actor, action, subject, detail_json));
  return tx.commit();
}

Result<AuditCheck> CaseStore::verify_audit() {
  AuditCheck check;
  auto fail = [&check](int64_t seq, std::string problem) {
    check.ok = false;
    check.first_bad_seq = seq;
    check.problem = std::move(problem);
    return check;
  };
  SqlStatement st(db_, (std::string("SELECT ") + kEntryColumns + " FROM audit_log ORDER BY seq").c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  std::string prev_hash;
  int64_t expected = 1;
  while (st.step()) {
    AuditEntry e = entry_from_row(st);
    if (e.seq != expected) {
      return fail(expected, "entry " + std::to_string(expected) +
                                " is missing (deleted or moved); the next stored is " + std::to_string(e.seq));
    }
    if (e.prev_hash != prev_hash) {
      return fail(e.seq, "entry " + std::to_string(e.seq) +
                             " does not follow the entry before it (rows deleted, reordered or rewritten)");
    }
    if (entry_hash(e.seq, e.at, e.actor, e.action, e.subject, e.detail, e.prev_hash) != e.hash) {
      return fail(e.seq, "entry " + std::to_string(e.seq) + " (" + e.action + " by " + e.actor +
                             ") was changed after it was written: its hash does not match its content");
    }
    if (e.action == "transfer.decide") {
      SEKISHO_ASSIGN_OR_RETURN(std::string problem, cases::transfer_row_problem(db_, e));
      if (!problem.empty()) return fail(e.seq, "entry " + std::to_string(e.seq) + " (transfer.decide): " + problem);
    }
    prev_hash = e.hash;
    ++check.entries;
    ++expected;
  }
  SEKISHO_RETURN_IF_ERROR(st.status());
  SEKISHO_ASSIGN_OR_RETURN(Head head, stored_head(db_));
  if (head.seq != check.entries || head.hash != prev_hash) {
    return fail(check.entries + 1, "the log ends at entry " + std::to_string(check.entries) +
                                       " but its recorded head is entry " + std::to_string(head.seq) +
                                       " (newest entries deleted or the head rewritten)");
  }
  return check;
}

Result<std::vector<AuditEntry>> CaseStore::audit_entries(const std::string& from, const std::string& to) {
  // `to` is inclusive at its own precision: "2026-03-01" takes the whole day.
  SqlStatement st(db_, (std::string("SELECT ") + kEntryColumns +
                        " FROM audit_log WHERE (?1 = '' OR at >= ?1) AND (?2 = '' OR substr(at, 1, length(?2)) <= ?2)"
                        " ORDER BY seq")
                           .c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, from).bind(2, to);
  std::vector<AuditEntry> out;
  while (st.step()) out.push_back(entry_from_row(st));
  SEKISHO_RETURN_IF_ERROR(st.status());
  return out;
}

}  // namespace sekisho
