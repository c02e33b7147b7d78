// Shared machinery of the case store's files: the schema, the audit append
// that every write calls inside its own transaction, and row mapping.
#pragma once

#include <sqlite3.h>

#include <string>
#include <vector>

#include "sekisho/cases.hpp"
#include "store/sqlite_util.hpp"

namespace sekisho::cases {

// Creates or migrates the schema (docs/formats/cases.md).
Status migrate(sqlite3* db);

// Appends one audit entry; the caller holds the write transaction, so the
// entry lands with the change it records or not at all.
Status append_audit(sqlite3* db, const std::string& actor, const std::string& action, const std::string& subject,
                    const std::string& detail_json);

// The next id of `table`.`column` (ids are allocated inside the write
// transaction, portable to PostgreSQL without SQLite's rowid).
Result<int64_t> next_id(sqlite3* db, const char* table, const char* column);

// Appends an alert event with the next sequence number of that alert.
Status add_alert_event(sqlite3* db, const AlertEvent& event);

// Columns read by alert_from_row(), in order.
extern const char* const kAlertColumns;
Alert alert_from_row(const Statement& st);

// Sets an alert's state and clears any waiting decision.
Status set_alert_state(sqlite3* db, int64_t id, AlertState to, const std::string& at);

// The good-guy entry a false-positive decision creates.
Status add_suppression(sqlite3* db, const Alert& alert, const std::string& decided_by, const std::string& confirmed_by,
                       const std::string& reason, const std::string& at);

// Closes the active alerts (open, escalated, true match) picked by `where`
// (an SQL condition on alerts, parameter ?1 = `key`), recording `kind` and `reason`.
Result<int> close_active_alerts(sqlite3* db, const char* where, const std::string& key, const std::string& kind,
                                const std::string& reviewer, const std::string& reason, const std::string& at);

// Test hook: SEKISHO_TEST_MONITOR_PAUSE_MS makes a run sleep inside its
// transaction, after its alerts are written, so a test can kill it there.
void maybe_pause_mid_run();

}  // namespace sekisho::cases
