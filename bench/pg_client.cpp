// pg_client — the PostgreSQL pg_trgm baseline of bench/screen_vs_pg_trgm.sh.
//
// Runs the query sets screen_driver exported (queries.csv: workload,
// expected entity id, query) against tables the script loaded, the way an
// in-house team screens names with pg_trgm: names stored as
// lower(unaccent(name)) with a GIN trigram index, candidates through the `%`
// operator at pg_trgm.similarity_threshold, best entity per similarity,
// top 10. Timed like screen_driver: per-query latency on one connection
// (p50/p99/p99.9), then names/s with one connection per thread over a
// round-robin mix of the workloads. Recall is counted the same way: the
// expected entity in the top 10, or for negatives the share with any hit.
// Prints a table and a JSON line (prefix "JSON ").
//
//   pg_client --conninfo "host=/tmp/x port=5433 dbname=bench" --queries queries.csv
//             [--threshold 0.5] [--threads 2] [--batch 4000] [--max-seconds 120]
#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
  std::string conninfo;
  std::string queries_path;
  double threshold = 0.5;
  size_t threads = 2;
  size_t batch = 4000;
  double max_seconds = 120;  // per workload and for the batch run: the run stops by itself
};

struct Query {
  std::string workload;
  std::string expected;
  std::string text;
};

// Statement per workload: the translit queries meet the table without
// original-script names (see screen_driver).
constexpr const char* kSqlFull =
    "SELECT entity_id, max(similarity(norm, lower(unaccent($1)))) AS s FROM names_full "
    "WHERE norm % lower(unaccent($1)) GROUP BY entity_id ORDER BY s DESC, entity_id LIMIT 10";
constexpr const char* kSqlLatin =
    "SELECT entity_id, max(similarity(norm, lower(unaccent($1)))) AS s FROM names_latin "
    "WHERE norm % lower(unaccent($1)) GROUP BY entity_id ORDER BY s DESC, entity_id LIMIT 10";

// Fields of one line written by screen_driver (every field quoted, no newlines).
std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
        cur += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        cur += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(std::move(cur));
  return out;
}

class Connection {
 public:
  Connection(const std::string& conninfo, double threshold) : conn_(PQconnectdb(conninfo.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      error_ = PQerrorMessage(conn_);
      return;
    }
    std::string set = "SET pg_trgm.similarity_threshold = " + std::to_string(threshold);
    exec(set.c_str());
    prepare("q_full", kSqlFull);
    prepare("q_latin", kSqlLatin);
  }
  ~Connection() { PQfinish(conn_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  const std::string& error() const { return error_; }

  // The entity ids of the top 10; false on a server error.
  bool screen(const Query& q, std::vector<std::string>& ids) {
    ids.clear();
    const char* params[] = {q.text.c_str()};
    PGresult* r =
        PQexecPrepared(conn_, q.workload == "query_translit" ? "q_latin" : "q_full", 1, params, nullptr, nullptr, 0);
    bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
    if (ok) {
      for (int i = 0; i < PQntuples(r); ++i) ids.emplace_back(PQgetvalue(r, i, 0));
    } else if (error_.empty()) {
      error_ = PQresultErrorMessage(r);
    }
    PQclear(r);
    return ok;
  }

 private:
  void exec(const char* sql) {
    PGresult* r = PQexec(conn_, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK && error_.empty()) error_ = PQresultErrorMessage(r);
    PQclear(r);
  }
  void prepare(const char* name, const char* sql) {
    PGresult* r = PQprepare(conn_, name, sql, 1, nullptr);
    if (PQresultStatus(r) != PGRES_COMMAND_OK && error_.empty()) error_ = PQresultErrorMessage(r);
    PQclear(r);
  }

  PGconn* conn_;
  std::string error_;
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * (v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

bool found(const std::vector<std::string>& ids, const Query& q) {
  if (q.expected.empty()) return !ids.empty();
  return std::find(ids.begin(), ids.end(), q.expected) != ids.end();
}

struct Latency {
  size_t queries = 0;
  double p50_us = 0, p99_us = 0, p999_us = 0, qps = 0, recall = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Args args;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--conninfo")
      args.conninfo = v;
    else if (k == "--queries")
      args.queries_path = v;
    else if (k == "--threshold")
      args.threshold = std::stod(v);
    else if (k == "--threads")
      args.threads = std::max<size_t>(1, std::stoul(v));
    else if (k == "--batch")
      args.batch = std::stoul(v);
    else if (k == "--max-seconds")
      args.max_seconds = std::stod(v);
    else {
      std::fprintf(stderr, "pg_client: unknown option %s\n", k.c_str());
      return 2;
    }
  }
  std::ifstream in(args.queries_path);
  if (args.conninfo.empty() || !in) {
    std::fprintf(stderr, "usage: pg_client --conninfo STR --queries FILE [--threshold X] [--threads N] [--batch N]\n");
    return 2;
  }
  std::vector<std::string> order;
  std::map<std::string, std::vector<Query>> workloads;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f = split_csv_line(line);
    if (f.size() != 3) continue;
    if (!workloads.count(f[0])) order.push_back(f[0]);
    workloads[f[0]].push_back({f[0], f[1], f[2]});
  }

  Connection conn(args.conninfo, args.threshold);
  if (!conn.error().empty()) {
    std::fprintf(stderr, "pg_client: %s\n", conn.error().c_str());
    return 1;
  }

  // Per-query latency, one connection; warm-up on the first 100 of each set.
  std::map<std::string, Latency> latency;
  std::vector<std::string> ids;
  for (const std::string& w : order) {
    const std::vector<Query>& qs = workloads[w];
    for (size_t i = 0; i < std::min<size_t>(100, qs.size()); ++i) conn.screen(qs[i], ids);
    std::vector<double> lat;
    size_t ok = 0;
    auto begin = Clock::now();
    for (const Query& q : qs) {
      auto t0 = Clock::now();
      if (!conn.screen(q, ids)) {
        std::fprintf(stderr, "pg_client: %s\n", conn.error().c_str());
        return 1;
      }
      lat.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
      ok += found(ids, q);
      if (std::chrono::duration<double>(Clock::now() - begin).count() > args.max_seconds) break;
    }
    double secs = std::chrono::duration<double>(Clock::now() - begin).count();
    Latency& l = latency[w];
    l.queries = lat.size();
    l.p50_us = percentile(lat, 0.5);
    l.p99_us = percentile(lat, 0.99);
    l.p999_us = percentile(lat, 0.999);
    l.qps = lat.size() / secs;
    l.recall = lat.empty() ? 0 : double(ok) / lat.size();
  }

  // Throughput: round-robin mix of the workloads, one connection per thread.
  std::vector<const Query*> batch;
  for (size_t i = 0; batch.size() < args.batch && i < args.batch * 4; ++i) {
    const std::vector<Query>& qs = workloads[order[i % order.size()]];
    if (!qs.empty()) batch.push_back(&qs[(i / order.size()) % qs.size()]);
  }
  std::atomic<size_t> next{0}, done{0};
  std::atomic<bool> failed{false};
  auto begin = Clock::now();
  std::vector<std::thread> pool;
  for (size_t t = 0; t < args.threads; ++t) {
    pool.emplace_back([&] {
      Connection c(args.conninfo, args.threshold);
      std::vector<std::string> out;
      if (!c.error().empty()) {
        failed = true;
        return;
      }
      for (size_t i; (i = next.fetch_add(1)) < batch.size();) {
        if (!c.screen(*batch[i], out)) {
          failed = true;
          return;
        }
        ++done;
        if (std::chrono::duration<double>(Clock::now() - begin).count() > args.max_seconds) return;
      }
    });
  }
  for (auto& th : pool) th.join();
  double batch_secs = std::chrono::duration<double>(Clock::now() - begin).count();
  double batch_rate = done / batch_secs;
  if (failed) std::fprintf(stderr, "pg_client: a batch connection failed\n");

  std::printf("pg_trgm (PostgreSQL %d, similarity_threshold %.2f, GIN gin_trgm_ops on lower(unaccent(name)))\n\n",
              PQlibVersion(), args.threshold);
  std::printf("%-16s %8s %9s %9s %9s %10s %8s\n", "workload", "queries", "p50_us", "p99_us", "p99.9_us", "qps_1conn",
              "recall");
  for (const std::string& w : order) {
    const Latency& l = latency[w];
    std::printf("%-16s %8zu %9.0f %9.0f %9.0f %10.1f %7.2f%%\n", w.c_str(), l.queries, l.p50_us, l.p99_us, l.p999_us,
                l.qps, 100 * l.recall);
  }
  std::printf("\nbatch: %zu of %zu mixed queries on %zu connections: %.1f names/s\n", done.load(), batch.size(),
              args.threads, batch_rate);

  std::string json = "{\"bench\":\"pg_trgm\",\"threshold\":" + std::to_string(args.threshold);
  for (const std::string& w : order) {
    const Latency& l = latency[w];
    json += ",\"" + w + "\":{\"queries\":" + std::to_string(l.queries) + ",\"p50_us\":" + std::to_string(l.p50_us) +
            ",\"p99_us\":" + std::to_string(l.p99_us) + ",\"p999_us\":" + std::to_string(l.p999_us) +
            ",\"qps_1conn\":" + std::to_string(l.qps) + ",\"recall\":" + std::to_string(l.recall) + "}";
  }
  json += ",\"batch\":{\"queries\":" + std::to_string(done.load()) + ",\"threads\":" + std::to_string(args.threads) +
          ",\"names_per_s\":" + std::to_string(batch_rate) + "}}";
  std::printf("JSON %s\n", json.c_str());
  return failed ? 1 : 0;
}
