// The SQLite backend of SqlConnection, and the choice of backend by URL.
#include "store/sql_connection.hpp"

#include "sqlite/sqlite_util.hpp"
#include "store/postgres/pg_connection.hpp"

namespace sekisho {

namespace {

class SqliteStatement final : public SqlStatementImpl {
 public:
  SqliteStatement(sqlite3* db, const char* sql) : st_(db, sql) {}
  const Status& status() const override { return st_.status(); }
  void bind_text(int index, std::string_view text) override { st_.bind(index, text); }
  void bind_int(int index, int64_t value) override { st_.bind(index, value); }
  void bind_double(int index, double value) override { st_.bind_double(index, value); }
  bool step() override { return st_.step(); }
  void reset() override { st_.reset(); }
  std::string_view column_text(int col) const override { return st_.column_text(col); }
  int64_t column_int(int col) const override { return st_.column_int(col); }
  double column_double(int col) const override { return st_.column_double(col); }

 private:
  Statement st_;
};

class SqliteConnection final : public SqlConnection {
 public:
  SqliteConnection(sqlite3* db, std::string location) : db_(db), location_(std::move(location)) {}
  ~SqliteConnection() override { sqlite3_close(db_); }
  std::unique_ptr<SqlStatementImpl> prepare(const char* sql) override {
    return std::make_unique<SqliteStatement>(db_, sql);
  }
  Status exec(const char* sql) override { return sqlite_exec(db_, sql); }
  // IMMEDIATE takes the write lock now: two writers queue instead of failing at commit.
  Status begin_write() override { return sqlite_exec(db_, "BEGIN IMMEDIATE"); }
  Status commit() override { return sqlite_exec(db_, "COMMIT"); }
  void rollback() override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
  Result<bool> table_exists(std::string_view table) override {
    Statement st(db_, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1");
    SEKISHO_RETURN_IF_ERROR(st.status());
    st.bind(1, table);
    bool found = st.step() && st.column_int(0) > 0;
    SEKISHO_RETURN_IF_ERROR(st.status());
    return found;
  }
  const std::string& location() const override { return location_; }

 private:
  sqlite3* db_;
  std::string location_;
};

}  // namespace

bool is_postgres_url(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

Result<std::unique_ptr<SqlConnection>> open_sql_connection(std::string_view url, const std::filesystem::path& home,
                                                           std::string_view file_name, std::string_view what,
                                                           int busy_timeout_ms) {
  if (is_postgres_url(url)) return open_postgres_connection(url, what, busy_timeout_ms);
  if (!url.empty() && url != "sqlite:") {
    // Only the scheme is repeated: the rest may hold a password.
    return invalid_argument(std::string(what) + " URL '" + std::string(url.substr(0, url.find(':'))) +
                            ":…': expected postgresql://… (or empty for the SQLite file in the data directory)");
  }
  SEKISHO_ASSIGN_OR_RETURN(sqlite3 * db, open_wal_database(home, file_name, what, busy_timeout_ms));
  auto conn = std::make_unique<SqliteConnection>(db, (home / file_name).string());
  // WAL with NORMAL sync: a crash loses at most the last commits, never consistency.
  SEKISHO_RETURN_IF_ERROR(conn->exec("PRAGMA synchronous=NORMAL"));
  return std::unique_ptr<SqlConnection>(std::move(conn));
}

}  // namespace sekisho
