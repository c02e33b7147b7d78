#include "sqlite/sqlite_util.hpp"

namespace sekisho {

Status sqlite_error(sqlite3* db, std::string_view doing) {
  int code = sqlite3_errcode(db);
  std::string msg = std::string(doing) + ": " + sqlite3_errmsg(db);
  if (code == SQLITE_FULL) return io_error(msg + " (disk full)");
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    return Status(StatusCode::kUnavailable, msg + " (the store is locked by another process)");
  }
  return io_error(msg);
}

Status sqlite_exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return sqlite_error(db, std::string("executing '") + std::string(std::string_view(sql).substr(0, 40)) + "'");
  }
  return Status();
}

Result<sqlite3*> open_wal_database(const std::filesystem::path& home, std::string_view file_name, std::string_view what,
                                   int busy_timeout_ms) {
  std::error_code ec;
  std::filesystem::create_directories(home, ec);
  if (ec) return io_error(home.string() + ": cannot create data directory: " + ec.message());
  const std::filesystem::path path = home / file_name;
  sqlite3* db = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status st = io_error(path.string() + ": cannot open " + std::string(what) + ": " +
                         (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return st;
  }
  sqlite3_busy_timeout(db, busy_timeout_ms);
  if (Status st = sqlite_exec(db, "PRAGMA journal_mode=WAL"); !st.ok()) {
    sqlite3_close(db);
    return st.with_context(path.string());
  }
  return db;
}

Statement::Statement(sqlite3* db, const char* sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
    status_ = sqlite_error(db, "preparing statement");
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::string_view text) {
  if (stmt_) sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, int64_t value) {
  if (stmt_) sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind_double(int index, double value) {
  if (stmt_) sqlite3_bind_double(stmt_, index, value);
  return *this;
}

bool Statement::step() {
  if (!stmt_ || !status_.ok()) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = sqlite_error(db_, "executing statement");
  return false;
}

void Statement::reset() {
  if (stmt_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

std::string_view Statement::column_text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return {reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
}

int64_t Statement::column_int(int col) const { return sqlite3_column_int64(stmt_, col); }

double Statement::column_double(int col) const { return sqlite3_column_double(stmt_, col); }

Transaction::~Transaction() {
  if (open_ && !committed_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

Status Transaction::begin() {
  SEKISHO_RETURN_IF_ERROR(sqlite_exec(db_, "BEGIN IMMEDIATE"));
  open_ = true;
  return Status();
}

Status Transaction::commit() {
  SEKISHO_RETURN_IF_ERROR(sqlite_exec(db_, "COMMIT"));
  committed_ = true;
  return Status();
}

}  // namespace sekisho
