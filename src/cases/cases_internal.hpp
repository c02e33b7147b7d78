// Shared machinery of the case store's files: the schema, the audit append
// that every write calls inside its own transaction, and row mapping.
#pragma once

#include <string>
#include <vector>

#include "sekisho/cases.hpp"
#include "store/sql_connection.hpp"

namespace sekisho::cases {

// Creates or migrates the schema (docs/formats/cases.md).
Status migrate(SqlConnection* db);

// A value of case_meta ("" when unset), and setting one.
Result<std::string> get_meta(SqlConnection* db, std::string_view key);
Status put_meta(SqlConnection* db, std::string_view key, const std::string& value);

// Called inside every audit append, after the entry row is written and before the head moves
// and the transaction commits; null in the product. A test installs it to kill the process there
// and check that a change and its audit entry land together or not at all.
extern void (*audit_entry_written)();

// Appends one audit entry; the caller holds the write transaction, so the
// entry lands with the change it records or not at all.
Status append_audit(SqlConnection* db, const std::string& actor, const std::string& action, const std::string& subject,
                    const std::string& detail_json);

// For a "transfer.decide" audit entry: "" when the stored decision still
// matches what the entry vouches for (decision, policy hash, hashes of the
// request and the answer), else what is wrong.
Result<std::string> transfer_row_problem(SqlConnection* db, const AuditEntry& entry);

// The next id of `table`.`column` (ids are allocated inside the write
// transaction, portable to PostgreSQL without SQLite's rowid).
Result<int64_t> next_id(SqlConnection* db, const char* table, const char* column);

// Appends an alert event with the next sequence number of that alert.
Status add_alert_event(SqlConnection* db, const AlertEvent& event);

// Columns read by alert_from_row(), in order.
extern const char* const kAlertColumns;
Alert alert_from_row(const SqlStatement& st);

// Sets an alert's state and clears any waiting decision.
Status set_alert_state(SqlConnection* db, int64_t id, AlertState to, const std::string& at);

// The good-guy entry a false-positive decision creates.
Status add_suppression(SqlConnection* db, const Alert& alert, const std::string& decided_by,
                       const std::string& confirmed_by, const std::string& reason, const std::string& at);

// Closes the active alerts (open, escalated, true match) picked by `where`
// (an SQL condition on alerts, parameter ?1 = `key`), recording `kind` and `reason`.
Result<int> close_active_alerts(SqlConnection* db, const char* where, const std::string& key, const std::string& kind,
                                const std::string& reviewer, const std::string& reason, const std::string& at);

}  // namespace sekisho::cases
