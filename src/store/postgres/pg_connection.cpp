// SqlConnection on PostgreSQL through libpqxx. The shared statements use
// SQLite's `?N` parameters; here they become `$N` cast to the type bound
// (text, bigint, double precision), so PostgreSQL never has to guess a
// parameter's type from context. A statement runs at its first step() and
// keeps the whole result, so no cursor stays open while the caller runs other
// statements on the one connection; the largest result the case store reads
// is the party registry, once per monitoring run, which fits in memory.
#include "store/postgres/pg_connection.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include <pqxx/pqxx>

namespace sekisho {

namespace {

// The key of the advisory lock that stands for SQLite's single writer.
constexpr int64_t kWriteLockKey = 0x73656b6973686f;  // "sekisho"

enum class ParamType { kText, kInt, kDouble };

// `url` with its password (in the user part or a `password=` parameter)
// replaced by ***, for messages and logs.
std::string redact(std::string_view url) {
  std::string out(url);
  size_t scheme = out.find("://");
  size_t query = out.find('?');
  size_t at = out.rfind('@', query);
  if (scheme != std::string::npos && at != std::string::npos && at > scheme) {
    size_t colon = out.find(':', scheme + 3);
    if (colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  for (size_t p = out.find('?'); p != std::string::npos; p = out.find('&', p + 1)) {
    if (out.compare(p + 1, 9, "password=") != 0) continue;
    size_t value = p + 10;
    out.replace(value, out.find('&', value) == std::string::npos ? std::string::npos : out.find('&', value) - value,
                "***");
  }
  return out;
}

class PgConnection;

class PgStatement final : public SqlStatementImpl {
 public:
  PgStatement(PgConnection* conn, const char* sql) : conn_(conn), sql_(sql) {}
  const Status& status() const override { return status_; }
  void bind_text(int index, std::string_view text) override { set(index, std::string(text), ParamType::kText); }
  void bind_int(int index, int64_t value) override { set(index, std::to_string(value), ParamType::kInt); }
  void bind_double(int index, double value) override {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", value);  // round-trips every double
    set(index, buf, ParamType::kDouble);
  }
  bool step() override;
  void reset() override {
    params_.clear();
    result_ = pqxx::result();
    executed_ = false;
    row_ = -1;
  }
  std::string_view column_text(int col) const override {
    const pqxx::field f = result_[row_][col];
    if (f.is_null()) return {};
    return {f.c_str(), f.size()};
  }
  int64_t column_int(int col) const override {
    std::string_view text = column_text(col);
    int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }
  double column_double(int col) const override {
    std::string_view text = column_text(col);
    return text.empty() ? 0.0 : std::strtod(std::string(text).c_str(), nullptr);
  }

 private:
  void set(int index, std::string value, ParamType type) { params_[index] = {std::move(value), type}; }
  // The statement with `?N` as `$N::type`; quoted text is left alone.
  std::string translated() const {
    std::string out;
    bool quoted = false;
    for (size_t i = 0; i < sql_.size(); ++i) {
      char c = sql_[i];
      if (c == '\'') quoted = !quoted;
      if (c != '?' || quoted) {
        out += c;
        continue;
      }
      size_t j = i + 1;
      while (j < sql_.size() && sql_[j] >= '0' && sql_[j] <= '9') ++j;
      int index = std::atoi(sql_.substr(i + 1, j - i - 1).c_str());
      auto p = params_.find(index);
      ParamType type = p == params_.end() ? ParamType::kText : p->second.second;
      out += "$" + std::to_string(index) +
             (type == ParamType::kInt      ? "::bigint"
              : type == ParamType::kDouble ? "::double precision"
                                           : "::text");
      i = j - 1;
    }
    return out;
  }

  PgConnection* conn_;
  std::string sql_;  // a copy: callers pass the c_str() of temporaries
  std::map<int, std::pair<std::string, ParamType>> params_;
  pqxx::result result_;
  bool executed_ = false;
  int row_ = -1;
  Status status_;
};

class PgConnection final : public SqlConnection {
 public:
  PgConnection(std::unique_ptr<pqxx::connection> conn, std::string location)
      : conn_(std::move(conn)), location_(std::move(location)) {}
  ~PgConnection() override { tx_.reset(); }  // an open transaction rolls back before the connection closes
  std::unique_ptr<SqlStatementImpl> prepare(const char* sql) override {
    return std::make_unique<PgStatement>(this, sql);
  }
  Status exec(const char* sql) override {
    try {
      if (tx_) {
        tx_->exec(sql);
      } else {
        pqxx::nontransaction w(*conn_);
        w.exec(sql);
      }
      return Status();
    } catch (const std::exception& e) {
      return error("executing '" + std::string(std::string_view(sql).substr(0, 40)) + "'", e);
    }
  }
  // A transaction that first takes the advisory lock every writer takes:
  // writers queue as on SQLite, so MAX(id) + 1 and the audit head never race
  // between processes. READ COMMITTED (whatever the server's default) gives
  // each statement a snapshot taken after the lock was granted, so a writer
  // sees everything the writer before it committed.
  Status begin_write() override {
    if (tx_) return internal_error(location_ + ": a write transaction is already open");
    try {
      tx_ = std::make_unique<pqxx::work>(*conn_);
      tx_->exec("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
      tx_->exec("SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLockKey) + ")");
      return Status();
    } catch (const std::exception& e) {
      tx_.reset();
      return error("starting a write transaction", e);
    }
  }
  Status commit() override {
    if (!tx_) return internal_error(location_ + ": commit without a write transaction");
    try {
      tx_->commit();
      tx_.reset();
      return Status();
    } catch (const std::exception& e) {
      tx_.reset();
      return error("committing", e);
    }
  }
  void rollback() override {
    try {
      if (tx_) tx_->abort();
    } catch (const std::exception&) {
      // The connection is gone: the server has rolled the transaction back itself.
    }
    tx_.reset();
  }
  Result<bool> table_exists(std::string_view table) override {
    SqlStatement st(this,
                    "SELECT count(*) FROM information_schema.tables "
                    "WHERE table_schema = current_schema() AND table_name = ?1");
    st.bind(1, table);
    bool found = st.step() && st.column_int(0) > 0;
    SEKISHO_RETURN_IF_ERROR(st.status());
    return found;
  }
  const std::string& location() const override { return location_; }

  Result<pqxx::result> run(const std::string& sql, const std::vector<std::string>& params) {
    try {
      if (tx_) return tx_->exec_params(sql, pqxx::prepare::make_dynamic_params(params));
      pqxx::nontransaction w(*conn_);
      return w.exec_params(sql, pqxx::prepare::make_dynamic_params(params));
    } catch (const std::exception& e) {
      return error("executing statement", e);
    }
  }

  Status error(const std::string& doing, const std::exception& e) const {
    std::string msg = location_ + ": " + doing + ": " + e.what();
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    if (dynamic_cast<const pqxx::broken_connection*>(&e)) return unavailable(msg);
    // 55P03 lock_not_available: lock_timeout ran out waiting for another writer.
    if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e); sql && sql->sqlstate() == "55P03") {
      return unavailable(msg + " (the store is locked by another process)");
    }
    return io_error(msg);
  }

 private:
  std::unique_ptr<pqxx::connection> conn_;
  // The write transaction between begin_write() and commit() or rollback();
  // statements outside one run on their own (autocommit).
  std::unique_ptr<pqxx::work> tx_;
  std::string location_;
};

bool PgStatement::step() {
  if (!status_.ok()) return false;
  if (!executed_) {
    std::vector<std::string> values;
    for (const auto& [index, value] : params_) {
      // Parameters are numbered densely from 1 in the shared statements.
      if (index != static_cast<int>(values.size()) + 1) {
        status_ = internal_error("statement parameter ?" + std::to_string(values.size() + 1) + " is not bound");
        return false;
      }
      values.push_back(value.first);
    }
    Result<pqxx::result> r = conn_->run(translated(), values);
    executed_ = true;
    if (!r.ok()) {
      status_ = r.status();
      return false;
    }
    result_ = std::move(*r);
    row_ = -1;
  }
  if (row_ + 1 >= static_cast<int>(result_.size())) return false;
  ++row_;
  return true;
}

}  // namespace

Result<std::unique_ptr<SqlConnection>> open_postgres_connection(std::string_view url, std::string_view what,
                                                                int lock_timeout_ms) {
  std::string location = redact(url);
  try {
    auto conn = std::make_unique<pqxx::connection>(std::string(url));
    // A writer waits for another as long as SQLite's busy timeout would, then fails as unavailable.
    pqxx::nontransaction(*conn).exec("SET lock_timeout = " + std::to_string(lock_timeout_ms));
    return std::unique_ptr<SqlConnection>(std::make_unique<PgConnection>(std::move(conn), location));
  } catch (const std::exception& e) {
    std::string msg = e.what();
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    return unavailable(location + ": cannot connect to the " + std::string(what) + ": " + msg);
  }
}

}  // namespace sekisho
