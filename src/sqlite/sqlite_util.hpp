// Thin RAII over the SQLite C API: prepared statements and error mapping.
// A part of its own, below store/ and keys/, so each keeps its database with
// the same helpers without reaching into the other.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "sekisho/status.hpp"

namespace sekisho {

// Status for the last error on `db`, prefixed with what was being done.
Status sqlite_error(sqlite3* db, std::string_view doing);

// Executes SQL that returns no rows (may hold several statements).
Status sqlite_exec(sqlite3* db, const char* sql);

// Opens (creating it and `home` if needed) the database `home`/`file_name` in WAL
// mode, so readers never block the writer and a crash leaves the last committed
// state, with a writer waiting up to `busy_timeout_ms` for another's lock. `what`
// names the database in errors ("store", "case store"). The caller owns the handle.
Result<sqlite3*> open_wal_database(const std::filesystem::path& home, std::string_view file_name, std::string_view what,
                                   int busy_timeout_ms);

class Statement {
 public:
  Statement(sqlite3* db, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // OK when the statement compiled.
  const Status& status() const { return status_; }

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, int64_t value);
  Statement& bind_double(int index, double value);
  // SQLITE_ROW → true, SQLITE_DONE → false; an error sets status().
  bool step();
  void reset();

  std::string_view column_text(int col) const;
  int64_t column_int(int col) const;
  double column_double(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

// A write transaction that rolls back unless committed: an early return or a
// kill before commit() leaves the database as it was.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  // IMMEDIATE takes the write lock now: two writers queue instead of failing at commit.
  Status begin();
  Status commit();

 private:
  sqlite3* db_;
  bool open_ = false;
  bool committed_ = false;
};

}  // namespace sekisho
