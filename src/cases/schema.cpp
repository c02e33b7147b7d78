// The case store's schema and its migrations. Plain SQL types and explicit
// ids, so the same statements run on PostgreSQL (docs/formats/cases.md).
#include <string>

#include "cases/cases_internal.hpp"

namespace sekisho::cases {

namespace {

// Migration n brings the schema from version n-1 to n; never edit a shipped one.
constexpr const char* kMigrations[] = {
    R"sql(
CREATE TABLE case_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE parties (
  party_id      TEXT PRIMARY KEY,
  version       BIGINT NOT NULL,
  schema_name   TEXT NOT NULL,
  party_json    TEXT NOT NULL,
  facts_hash    TEXT NOT NULL,
  screened_hash TEXT NOT NULL,
  removed_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE TABLE party_versions (
  party_id   TEXT NOT NULL,
  version    BIGINT NOT NULL,
  party_json TEXT NOT NULL,
  facts_hash TEXT NOT NULL,
  removed    BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (party_id, version)
);
CREATE TABLE runs (
  run_id      BIGINT PRIMARY KEY,
  kind        TEXT NOT NULL,
  actor       TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  threshold   DOUBLE PRECISION NOT NULL,
  lists_json  TEXT NOT NULL,
  stats_json  TEXT NOT NULL
);
CREATE TABLE alerts (
  alert_id       BIGINT PRIMARY KEY,
  run_id         BIGINT NOT NULL,
  party_id       TEXT NOT NULL,
  party_version  BIGINT NOT NULL,
  facts_hash     TEXT NOT NULL,
  entity_id      TEXT NOT NULL,
  entity_hash    TEXT NOT NULL,
  entity_caption TEXT NOT NULL,
  list_id        TEXT NOT NULL,
  list_version   BIGINT NOT NULL,
  score          DOUBLE PRECISION NOT NULL,
  matched_name   TEXT NOT NULL,
  query_name     TEXT NOT NULL,
  explanation    TEXT NOT NULL,
  state          TEXT NOT NULL,
  pending_state  TEXT NOT NULL,
  pending_by     TEXT NOT NULL,
  pending_reason TEXT NOT NULL,
  pending_at     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX alerts_by_pair ON alerts (party_id, entity_id);
CREATE INDEX alerts_by_entity ON alerts (entity_id);
CREATE INDEX alerts_by_state ON alerts (state);
CREATE TABLE alert_events (
  alert_id   BIGINT NOT NULL,
  seq        BIGINT NOT NULL,
  kind       TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state   TEXT NOT NULL,
  reviewer   TEXT NOT NULL,
  reason     TEXT NOT NULL,
  at         TEXT NOT NULL,
  PRIMARY KEY (alert_id, seq)
);
CREATE TABLE suppressions (
  party_id     TEXT NOT NULL,
  facts_hash   TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  entity_hash  TEXT NOT NULL,
  alert_id     BIGINT NOT NULL,
  decided_by   TEXT NOT NULL,
  confirmed_by TEXT NOT NULL,
  reason       TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (party_id, facts_hash, entity_id, entity_hash)
);
CREATE TABLE monitored_lists (
  list_id TEXT PRIMARY KEY,
  version BIGINT NOT NULL,
  run_id  BIGINT NOT NULL
);
CREATE TABLE audit_log (
  seq       BIGINT PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  subject   TEXT NOT NULL,
  detail    TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
)sql",
    R"sql(
CREATE TABLE transfer_decisions (
  decision_id   BIGINT PRIMARY KEY,
  recorded_at   TEXT NOT NULL,
  actor         TEXT NOT NULL,
  request_id    TEXT NOT NULL,
  as_of         TEXT NOT NULL,
  decision      TEXT NOT NULL,
  policy_sha256 TEXT NOT NULL,
  rules_json    TEXT NOT NULL,
  lists_json    TEXT NOT NULL,
  request_json  TEXT NOT NULL,
  decision_json TEXT NOT NULL
);
)sql",
};

constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

Result<int> current_version(SqlConnection* db) {
  SEKISHO_ASSIGN_OR_RETURN(bool exists, db->table_exists("case_meta"));
  if (!exists) return 0;
  SqlStatement st(db, "SELECT value FROM case_meta WHERE key = 'schema_version'");
  SEKISHO_RETURN_IF_ERROR(st.status());
  if (!st.step()) return 0;
  return std::stoi(std::string(st.column_text(0)));
}

}  // namespace

Status migrate(SqlConnection* db) {
  // Nearly every open (each server request opens the store) finds the schema
  // current: seen without the write lock, it never waits for a monitoring run
  // that holds it, in this process or, on PostgreSQL, on another server.
  SEKISHO_ASSIGN_OR_RETURN(int seen, current_version(db));
  if (seen == kSchemaVersion) return Status();
  // Otherwise under the lock, looking again: another process may have migrated meanwhile.
  SqlTransaction tx(db);
  SEKISHO_RETURN_IF_ERROR(tx.begin());
  SEKISHO_ASSIGN_OR_RETURN(int version, current_version(db));
  if (version > kSchemaVersion) {
    return invalid_argument("case store schema version " + std::to_string(version) +
                            " is newer than this sekisho understands (" + std::to_string(kSchemaVersion) + ")");
  }
  if (version == kSchemaVersion) return Status();
  for (int v = version; v < kSchemaVersion; ++v) SEKISHO_RETURN_IF_ERROR(db->exec(kMigrations[v]));
  SqlStatement set(db,
                   "INSERT INTO case_meta (key, value) VALUES ('schema_version', ?1) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  SEKISHO_RETURN_IF_ERROR(set.status());
  set.bind(1, std::to_string(kSchemaVersion));
  set.step();
  SEKISHO_RETURN_IF_ERROR(set.status());
  return tx.commit();
}

Result<int64_t> next_id(SqlConnection* db, const char* table, const char* column) {
  std::string sql = std::string("SELECT COALESCE(MAX(") + column + "), 0) + 1 FROM " + table;
  SqlStatement st(db, sql.c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.step();
  SEKISHO_RETURN_IF_ERROR(st.status());
  return st.column_int(0);
}

}  // namespace sekisho::cases
