// One SQL connection behind which the case store runs on SQLite or on
// PostgreSQL. The statements are written once, in the SQL both accept
// (docs/formats/cases.md), with numbered parameters `?1`, `?2`, …; each
// backend maps what differs: placeholders, the write lock, the catalogue.
//
//   auto db = open_sql_connection("postgresql://127.0.0.1:5432/cases", home, "case store");
//   SqlTransaction tx(**db);
//   SqlStatement st(**db, "SELECT value FROM case_meta WHERE key = ?1");
//   st.bind(1, "four_eyes");
//   while (st.step()) use(st.column_text(0));
//
// A connection is used from one thread at a time.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "sekisho/status.hpp"

namespace sekisho {

// A compiled (SQLite) or pending (PostgreSQL) statement of one backend.
class SqlStatementImpl {
 public:
  virtual ~SqlStatementImpl() = default;
  virtual const Status& status() const = 0;
  virtual void bind_text(int index, std::string_view text) = 0;
  virtual void bind_int(int index, int64_t value) = 0;
  virtual void bind_double(int index, double value) = 0;
  virtual bool step() = 0;   // a row → true; done or error → false (error: status())
  virtual void reset() = 0;  // run again with new bindings
  virtual std::string_view column_text(int col) const = 0;
  virtual int64_t column_int(int col) const = 0;
  virtual double column_double(int col) const = 0;
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual std::unique_ptr<SqlStatementImpl> prepare(const char* sql) = 0;
  // SQL returning no rows; may hold several statements.
  virtual Status exec(const char* sql) = 0;
  // Starts a transaction that holds the store's write lock until it ends,
  // so writers queue (ids are MAX + 1 and the audit chain has one head).
  virtual Status begin_write() = 0;
  virtual Status commit() = 0;
  virtual void rollback() = 0;
  virtual Result<bool> table_exists(std::string_view table) = 0;
  // Where the data lives, for messages: a file path or a URL without its password.
  virtual const std::string& location() const = 0;
};

// `url` "postgresql://…" or "postgres://…" (a libpq connection URI): that
// server's database. "" (or "sqlite:"): the SQLite file `home`/`file_name`
// in WAL mode. Either way a writer waits up to `busy_timeout_ms` for another.
Result<std::unique_ptr<SqlConnection>> open_sql_connection(std::string_view url, const std::filesystem::path& home,
                                                           std::string_view file_name, std::string_view what,
                                                           int busy_timeout_ms);
// True when `url` names a PostgreSQL server.
bool is_postgres_url(std::string_view url);

// The Statement API of sqlite_util.hpp over any backend.
class SqlStatement {
 public:
  SqlStatement(SqlConnection* db, const char* sql) : impl_(db->prepare(sql)) {}
  const Status& status() const { return impl_->status(); }
  SqlStatement& bind(int index, std::string_view text) {
    impl_->bind_text(index, text);
    return *this;
  }
  SqlStatement& bind(int index, int64_t value) {
    impl_->bind_int(index, value);
    return *this;
  }
  SqlStatement& bind_double(int index, double value) {
    impl_->bind_double(index, value);
    return *this;
  }
  bool step() { return impl_->step(); }
  void reset() { impl_->reset(); }
  std::string_view column_text(int col) const { return impl_->column_text(col); }
  int64_t column_int(int col) const { return impl_->column_int(col); }
  double column_double(int col) const { return impl_->column_double(col); }

 private:
  std::unique_ptr<SqlStatementImpl> impl_;
};

// A write transaction that rolls back unless committed: an early return or a
// kill before commit() leaves the store as it was.
class SqlTransaction {
 public:
  explicit SqlTransaction(SqlConnection* db) : db_(db) {}
  ~SqlTransaction() {
    if (open_ && !committed_) db_->rollback();
  }
  SqlTransaction(const SqlTransaction&) = delete;
  SqlTransaction& operator=(const SqlTransaction&) = delete;
  Status begin() {
    Status st = db_->begin_write();
    open_ = st.ok();
    return st;
  }
  Status commit() {
    Status st = db_->commit();
    committed_ = st.ok();
    return st;
  }

 private:
  SqlConnection* db_;
  bool open_ = false;
  bool committed_ = false;
};

}  // namespace sekisho
