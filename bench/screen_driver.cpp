// screen_driver — end-to-end screening benchmark (issue 3 §6), not a test.
//
// Builds a Screener from OFAC SDN 2021-07 + UN 2026-02-27 + the MOF XLSX
// (parsed straight from SEKISHO_SHARED_DATA, no store) and runs named
// workloads on it, in the manner of leveldb's db_bench:
//
//   query_exact     names as listed
//   query_typo      the same names with one random edit (insert, delete, substitute, transpose)
//   query_translit  Cyrillic / katakana / Arabic names as listed (UN NAME_ORIGINAL_SCRIPT,
//                   MOF 日本語表記), screened against a second build of the same lists with
//                   every original-script name removed: a hit means transliteration found
//                   the Latin entry, not that the same string was found again
//   query_negative  synthetic people who are on no list (yente negatives_global.csv)
//   batch           20,000 mixed queries on 2 threads (names/s)
//   exhaustive      the index against ScreenOptions::exhaustive on the same queries
//
// Latency runs on one pinned core (sched_setaffinity), several repetitions,
// medians of the per-repetition percentiles. Prints one table and one JSON
// line (prefix "JSON ") for scripts. With --export DIR it also writes the
// corpus and the query sets as CSV so that bench/screen_vs_pg_trgm.sh can
// run the very same queries against PostgreSQL pg_trgm.
//
//   build/bench/screen_driver [--queries 2000] [--reps 5] [--batch 20000]
//                             [--exhaustive-queries 200] [--export DIR] [--seed 42]
//                             [--only exact,typo,translit,negative] [--scan-cache FILE]
//
// The scan of index vs exhaustive takes minutes per workload and depends only on
// the scorer and the lists: --scan-cache keeps its answers in FILE and reads them
// back, so that an experiment on the index alone is checked in seconds (delete the
// file when the scorer changes; a cached answer is not timed).
//
// Timings on a shared machine drift by a third from run to run. For a before/after
// figure that does not, count instructions: the latency runs are the only code
// valgrind instruments when started with --instr-atstart=no, e.g.
//   valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/dev/null \
//     build/bench/screen_driver --only negative --reps 1 --batch 0 --exhaustive-queries 0
// ("Collected" ÷ (20 + 2 × queries): the warm-up, the timed repetition and the pass with
// phase clocks; bench/README.md, "Instruction counts").
#include <sched.h>
#include <sys/resource.h>
#include <unicode/uchar.h>
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif
#include <unicode/unistr.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "io/csv_reader.hpp"
#include "sekisho/lists.hpp"
#include "sekisho/screen.hpp"
#include "sekisho/text.hpp"
#include "shared_data.hpp"
#include "text/normalize.hpp"

namespace {

using sekisho::Entity;
using sekisho::NameKind;
using sekisho::Screener;
using sekisho::text::Script;
using Clock = std::chrono::steady_clock;

struct Args {
  std::filesystem::path data = SEKISHO_SHARED_DATA;
  size_t queries = 2000;  // per latency workload
  size_t reps = 5;        // repetitions of each timed run
  size_t batch = 20000;   // mixed queries for the 2-thread run
  size_t threads = 2;
  size_t exhaustive_queries = 200;  // per workload, for index vs exhaustive
  uint32_t seed = 42;
  double max_seconds = 60;          // time budget per workload run (latency, exhaustive) and for the batch
  std::string export_dir;           // write corpus + queries as CSV here
  std::string only;                 // comma-separated workloads to run (exact,typo,...); empty = all
  std::vector<std::string> probes;  // names to screen by index and by scan, hits printed, then exit
  std::string scan_cache;           // the scan's answers, kept and read back (run_versus)
};

// Options of every screen() call; --min-vote-ratio, --candidates and --max-pairs set them for
// experiments. No work budget unless --max-pairs asks for one: the budget guards a server from
// one costly query, while a benchmark measures what the index and scorer cost when they finish,
// and a large --candidates would otherwise be cut short and time less work than it names.
sekisho::ScreenOptions g_options = [] {
  sekisho::ScreenOptions o;
  o.max_pairs = 0;
  return o;
}();

struct Query {
  std::string text;
  std::string expected;  // entity id; empty for negatives
  // A vessel's or aircraft's name is screened as one (a query without a schema is a
  // party, which meets no vessel: docs/matching.md); every other query states none.
  sekisho::Schema schema = sekisho::Schema::kLegalEntity;
  sekisho::ScreenQuery screen_query() const { return {.name = text, .schema = schema}; }
};

struct Workload {
  std::string name;
  std::vector<Query> queries;
  bool latin_only = false;  // screened against the build without original-script names
};

// --- input ------------------------------------------------------------------

bool parse_args(int argc, char** argv, Args& a) {
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (k == "--data" && (v = next()))
      a.data = v;
    else if (k == "--queries" && (v = next()))
      a.queries = std::stoul(v);
    else if (k == "--reps" && (v = next()))
      a.reps = std::max<size_t>(1, std::stoul(v));
    else if (k == "--batch" && (v = next()))
      a.batch = std::stoul(v);
    else if (k == "--threads" && (v = next()))
      a.threads = std::max<size_t>(1, std::stoul(v));
    else if (k == "--exhaustive-queries" && (v = next()))
      a.exhaustive_queries = std::stoul(v);
    else if (k == "--seed" && (v = next()))
      a.seed = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--export" && (v = next()))
      a.export_dir = v;
    else if (k == "--max-seconds" && (v = next()))
      a.max_seconds = std::stod(v);
    else if (k == "--only" && (v = next()))
      a.only = v;
    else if (k == "--probe" && (v = next()))
      a.probes.push_back(v);
    else if (k == "--min-vote-ratio" && (v = next()))
      g_options.min_vote_ratio = std::stod(v);
    else if (k == "--candidates" && (v = next()))
      g_options.candidates = std::stoul(v);
    else if (k == "--max-pairs" && (v = next()))
      g_options.max_pairs = std::stoul(v);
    else if (k == "--scan-cache" && (v = next()))
      a.scan_cache = v;
    else {
      std::fprintf(stderr,
                   "usage: screen_driver [--data DIR] [--queries N] [--reps N] [--batch N] [--threads N]\n"
                   "                     [--exhaustive-queries N] [--seed N] [--export DIR] [--max-seconds S]\n"
                   "                     [--only exact,typo,translit,negative] [--probe NAME]...\n"
                   "                     [--min-vote-ratio R] [--candidates N] [--max-pairs N (0: none)]\n"
                   "                     [--scan-cache FILE]\n");
      return false;
    }
  }
  return true;
}

bool load_list(const char* format, const std::filesystem::path& path, std::vector<Screener::ListInput>& out) {
  auto parsed = sekisho::parse_list(format, {path});
  if (!parsed.ok()) {
    std::fprintf(stderr, "%s: %s\n", format, parsed.status().to_string().c_str());
    return false;
  }
  out.push_back({std::string(sekisho::find_format(format)->default_list_id), 1, std::move(parsed->entities)});
  return true;
}

// The script of a name: the common script of its tokens (text pipeline).
sekisho::text::Script script_of(std::string_view s) { return sekisho::text::normalize(s).script; }

// One random edit on a letter (never on a space): the typo a clerk makes.
std::string one_edit(std::string_view name, std::mt19937& rng) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  std::vector<int32_t> letters;
  for (int32_t i = 0; i < u.length(); ++i) {
    if (u_isalpha(u.charAt(i)) && !U16_IS_SURROGATE(u.charAt(i))) letters.push_back(i);
  }
  if (letters.size() < 2) return std::string(name);
  int32_t at = letters[rng() % letters.size()];
  char16_t letter = static_cast<char16_t>(u'a' + rng() % 26);
  switch (rng() % 4) {
    case 0:
      u.remove(at, 1);
      break;
    case 1:
      u.insert(at, letter);
      break;
    case 2:
      u.setCharAt(at, u.charAt(at) == letter ? static_cast<char16_t>(u'z' - (letter - u'a')) : letter);
      break;
    default:
      if (at + 1 < u.length() && u_isalpha(u.charAt(at + 1))) {
        char16_t c = u.charAt(at);
        u.setCharAt(at, u.charAt(at + 1));
        u.setCharAt(at + 1, c);
      } else {
        u.remove(at, 1);
      }
  }
  std::string out;
  return u.toUTF8String(out);
}

template <typename T>
std::vector<T> sample(std::vector<T> pool, size_t n, std::mt19937& rng) {
  std::shuffle(pool.begin(), pool.end(), rng);
  if (pool.size() > n) pool.resize(n);
  return pool;
}

std::vector<Query> negatives(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  std::vector<Query> out;
  auto records = sekisho::read_csv(text, path.string());
  if (!records.ok()) {
    std::fprintf(stderr, "%s\n", records.status().to_string().c_str());
    return out;
  }
  for (size_t i = 1; i < records->size(); ++i) {  // row 0 is the header (full_name first)
    const auto& fields = (*records)[i].fields;
    if (!fields.empty() && !fields[0].empty()) out.push_back({fields[0], ""});
  }
  return out;
}

// --- timing -----------------------------------------------------------------

void pin_to_cpu(int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu % std::max(1u, std::thread::hardware_concurrency()), &set);
  sched_setaffinity(0, sizeof(set), &set);
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * (v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

double median(std::vector<double> v) { return percentile(std::move(v), 0.5); }

struct Latency {
  size_t queries = 0;  // timed (the budget may stop a slow run early)
  double p50_us = 0, p99_us = 0, p999_us = 0, qps = 0;
  double recall = 0;  // found the expected entity in the top 10, or for negatives: share with any hit
  double hits_per_query = 0;
  sekisho::ScreenStats stats;   // one more pass over the same queries, with phase clocks on
  double phase_p50_us[4] = {};  // median per query of analyse, find, score, finish in that pass
};

bool found(const std::vector<sekisho::ScreenHit>& hits, const Query& q) {
  if (q.expected.empty()) return !hits.empty();
  for (const auto& h : hits) {
    if (h.entity->id == q.expected) return true;
  }
  return false;
}

// Repetition 0 runs the queries in order until they are done or its share of
// the budget is spent; every repetition then times that same prefix. Recall
// comes from repetition 0.
Latency run_latency(const Screener& s, const std::vector<Query>& qs, size_t reps, double budget_s) {
  std::vector<double> p50, p99, p999, qps;
  Latency out;
  for (size_t i = 0; i < std::min<size_t>(20, qs.size()); ++i)
    (void)s.screen(qs[i].screen_query(), g_options);  // warm-up
  size_t n = qs.size(), ok = 0, nhits = 0, misses = 0;
  std::vector<double> lat;
  for (size_t r = 0; r < reps; ++r) {
    lat.clear();
    auto begin = Clock::now();
    for (size_t i = 0; i < n; ++i) {
      auto t0 = Clock::now();
      auto hits = s.screen(qs[i].screen_query(), g_options);
      auto t1 = Clock::now();
      lat.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
      if (r == 0) {
        const bool hit = found(hits, qs[i]);
        ok += hit;
        // The first few misses of a workload with expected entities, to see what is missed.
        if (!hit && !qs[i].expected.empty() && ++misses <= 5) {
          std::fprintf(
              stderr, "  missed: '%s' (expected %s; %zu hits, best %s)\n", qs[i].text.c_str(), qs[i].expected.c_str(),
              hits.size(),
              hits.empty() ? "-" : (hits.front().entity->id + " \"" + hits.front().matched_name + "\"").c_str());
        }
        nhits += hits.size();
        if (std::chrono::duration<double>(t1 - begin).count() > budget_s / reps) n = i + 1;
      }
    }
    double secs = std::chrono::duration<double>(Clock::now() - begin).count();
    p50.push_back(percentile(lat, 0.5));
    p99.push_back(percentile(lat, 0.99));
    p999.push_back(percentile(lat, 0.999));
    qps.push_back(n / secs);
  }
  // Where the time goes: a separate pass, so the clock reads do not enter the latencies above.
  // Means are led by a few slow queries; the medians of each phase say what a typical one spends.
  sekisho::ScreenOptions with_stats = g_options;
  std::vector<double> phase[4];
  for (size_t i = 0; i < n; ++i) {
    sekisho::ScreenStats one;
    with_stats.stats = &one;
    (void)s.screen(qs[i].screen_query(), with_stats);
    const uint64_t ns[4] = {one.analyze_ns, one.find_ns, one.score_ns, one.finish_ns};
    for (int k = 0; k < 4; ++k) phase[k].push_back(ns[k] / 1e3);
    out.stats.queries += one.queries;
    out.stats.query_forms += one.query_forms;
    out.stats.candidates += one.candidates;
    out.stats.pairs_scored += one.pairs_scored;
    out.stats.hits_explained += one.hits_explained;
    out.stats.analyze_ns += one.analyze_ns;
    out.stats.find_ns += one.find_ns;
    out.stats.score_ns += one.score_ns;
    out.stats.finish_ns += one.finish_ns;
  }
  for (int k = 0; k < 4; ++k) out.phase_p50_us[k] = phase[k].empty() ? 0 : median(phase[k]);
  // The slowest queries of the last repetition, for the p99's sake.
  std::vector<size_t> order(std::min(n, lat.size()));
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const size_t shown = std::min<size_t>(5, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                    [&](size_t a, size_t b) { return lat[a] > lat[b]; });
  for (size_t i = 0; i < shown; ++i)
    std::fprintf(stderr, "  slow: %8.1f us  '%s'\n", lat[order[i]], qs[order[i]].text.c_str());
  out.queries = n;
  out.p50_us = median(p50);
  out.p99_us = median(p99);
  out.p999_us = median(p999);
  out.qps = median(qps);
  out.recall = n == 0 ? 0 : double(ok) / n;
  out.hits_per_query = n == 0 ? 0 : double(nhits) / n;
  return out;
}

struct QueryOnScreener {
  const Query* query;
  const Screener* screener;
};

// Names/s over the batch, or over the part done when the budget ran out.
double run_batch(const std::vector<QueryOnScreener>& batch, size_t threads, double budget_s,
                 size_t* done_out = nullptr) {
  std::atomic<size_t> next{0}, done{0};
  auto begin = Clock::now();
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      pin_to_cpu(static_cast<int>(t));
      constexpr size_t kChunk = 64;
      for (size_t i; (i = next.fetch_add(kChunk)) < batch.size();) {
        for (size_t j = i; j < std::min(i + kChunk, batch.size()); ++j) {
          auto hits = batch[j].screener->screen(batch[j].query->screen_query(), g_options);
          (void)hits;
          ++done;
        }
        if (std::chrono::duration<double>(Clock::now() - begin).count() > budget_s) break;
      }
    });
  }
  for (auto& th : pool) th.join();
  if (done_out) *done_out = done;
  return done / std::chrono::duration<double>(Clock::now() - begin).count();
}

struct Versus {
  size_t queries = 0;
  double index_us = 0, exhaustive_us = 0;  // mean per query, one core
  double top10_differs = 0;                // share of queries whose top-10 entity lists differ
  // Recall is over queries with an expected entity: the scan found it, the
  // index did not. A negative query has nothing to recall: that the scan
  // flags it and the index does not (a false positive the index spared) is
  // counted apart, and shows in top10_differs as well.
  size_t positives = 0, lost = 0;
  double recall_lost = 0;     // lost / positives
  double scan_only_flag = 0;  // negatives: share the scan flags and the index does not
};

// What the scan answered for one query: enough to compare with the index
// and to say what it found, whether it ran now or was read from --scan-cache.
struct ScanAnswer {
  std::set<std::string> entities;
  std::string best_entity, best_name;
  double best_score = 0;
};

ScanAnswer answer_of(const std::vector<sekisho::ScreenHit>& hits) {
  ScanAnswer a;
  for (const auto& h : hits) a.entities.insert(h.entity->id);
  if (!hits.empty()) {
    a.best_entity = hits.front().entity->id;
    a.best_name = hits.front().matched_name;
    a.best_score = hits.front().score;
  }
  return a;
}

// --scan-cache FILE keeps the scan's answers, one line per query: workload,
// query, best score, best entity, best name, then every entity (tab-separated).
// The scan takes minutes and depends only on the scorer and the lists: an
// index experiment reads it back. A line whose query differs is scanned again.
using ScanCache = std::map<std::pair<std::string, std::string>, ScanAnswer>;

std::string tab_free(std::string s) {
  std::replace(s.begin(), s.end(), '\t', ' ');
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

ScanCache read_scan_cache(const std::string& path) {
  ScanCache cache;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    for (size_t at = 0;;) {
      const size_t tab = line.find('\t', at);
      f.push_back(line.substr(at, tab == std::string::npos ? std::string::npos : tab - at));
      if (tab == std::string::npos) break;
      at = tab + 1;
    }
    if (f.size() < 5) continue;
    ScanAnswer a{{f.begin() + 5, f.end()}, f[3], f[4], std::stod(f[2])};
    cache[{f[0], f[1]}] = std::move(a);
  }
  return cache;
}

void append_scan_cache(const std::string& path, const std::string& workload, const std::string& query,
                       const ScanAnswer& a) {
  std::ofstream out(path, std::ios::app);
  out << workload << '\t' << tab_free(query) << '\t' << a.best_score << '\t' << a.best_entity << '\t'
      << tab_free(a.best_name);
  for (const std::string& e : a.entities) out << '\t' << e;
  out << '\n';
}

Versus run_versus(const Screener& s, const std::string& workload, const std::vector<Query>& qs, double budget_s,
                  const std::string& cache_path) {
  Versus v;
  sekisho::ScreenOptions index_opt = g_options, full_opt = g_options;
  full_opt.exhaustive = true;
  const ScanCache cache = cache_path.empty() ? ScanCache{} : read_scan_cache(cache_path);
  // The exhaustive scan walks every name and evicts the caches: time it apart
  // from the index so that each index query is not measured cold.
  std::vector<ScanAnswer> by_scan;
  std::vector<std::vector<sekisho::ScreenHit>> by_index;
  double ti = 0, te = 0;
  size_t scanned = 0;
  for (const Query& q : qs) {
    auto hit = cache.find({workload, tab_free(q.text)});
    if (hit != cache.end()) {
      by_scan.push_back(hit->second);
      continue;
    }
    auto t0 = Clock::now();
    auto b = s.screen(q.screen_query(), full_opt);
    te += std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
    ++scanned;
    by_scan.push_back(answer_of(b));
    if (!cache_path.empty()) append_scan_cache(cache_path, workload, q.text, by_scan.back());
    if (te / 1e6 > budget_s) break;
  }
  for (size_t i = 0; i < by_scan.size(); ++i) {
    auto t0 = Clock::now();
    auto a = s.screen(qs[i].screen_query(), index_opt);
    ti += std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
    by_index.push_back(std::move(a));
  }
  size_t differ = 0, lost = 0, negatives = 0, scan_only = 0;
  for (size_t i = 0; i < by_scan.size(); ++i) {
    const ScanAnswer& scan = by_scan[i];
    std::set<std::string> ea;
    for (const auto& h : by_index[i]) ea.insert(h.entity->id);
    differ += ea != scan.entities;
    if (qs[i].expected.empty()) {
      ++negatives;
      scan_only += !scan.entities.empty() && by_index[i].empty();
      continue;
    }
    ++v.positives;
    if (scan.entities.count(qs[i].expected) != 0 && !found(by_index[i], qs[i])) {
      if (++lost <= 20) {
        std::fprintf(stderr, "  recall lost: '%s' (expected %s; the scan's best: %s \"%s\" %.3f)\n", qs[i].text.c_str(),
                     qs[i].expected.c_str(), scan.best_entity.c_str(), scan.best_name.c_str(), scan.best_score);
      }
    }
  }
  v.queries = by_scan.size();
  if (v.queries) {
    v.index_us = ti / v.queries;
    // Answers read from the cache were not timed: the scan's time is over those scanned now.
    v.exhaustive_us = scanned ? te / scanned : 0;
    v.top10_differs = double(differ) / v.queries;
    v.lost = lost;
    v.recall_lost = v.positives ? double(lost) / v.positives : 0;
    v.scan_only_flag = negatives ? double(scan_only) / negatives : 0;
  }
  return v;
}

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

// --- export for the pg_trgm baseline ----------------------------------------

std::string csv_field(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"')
      out += "\"\"";
    else if (c == '\n' || c == '\r' || c == '\t')
      out += ' ';
    else
      out += c;
  }
  return out + "\"";
}

void export_corpus(const std::vector<Screener::ListInput>& lists, const std::filesystem::path& path, bool latin_only) {
  std::ofstream out(path, std::ios::binary);
  for (const auto& l : lists) {
    for (const Entity& e : l.entities) {
      for (const auto& n : e.names) {
        if (latin_only && n.kind == NameKind::kOriginalScript) continue;
        out << csv_field(e.id) << ',' << csv_field(n.full) << '\n';
      }
    }
  }
}

void export_queries(const std::vector<Workload>& workloads, const std::vector<QueryOnScreener>& batch,
                    const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  for (const Workload& w : workloads) {
    for (const Query& q : w.queries) {
      out << csv_field(w.name) << ',' << csv_field(q.expected) << ',' << csv_field(q.text) << '\n';
    }
  }
  (void)batch;
}

std::vector<Screener::ListInput> without_original_script(const std::vector<Screener::ListInput>& lists) {
  std::vector<Screener::ListInput> out = lists;
  for (auto& l : out) {
    for (Entity& e : l.entities) {
      std::erase_if(e.names, [](const sekisho::Name& n) { return n.kind == NameKind::kOriginalScript; });
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  sekisho::bench::use_shared_data();
  Args args;
  if (!parse_args(argc, argv, args)) return 2;
  std::mt19937 rng(args.seed);

  // 1. Lists, parsed from the shared data (no store).
  auto t0 = Clock::now();
  std::vector<Screener::ListInput> lists;
  if (!load_list("ofac-csv", args.data / "ofac/sdn_csv_2021-07", lists) ||
      !load_list("un-xml", args.data / "un/consolidated_2026-02-27.xml", lists) ||
      !load_list("mof-xlsx", args.data / "japan/mof_shisantouketsu_20260305.xlsx", lists)) {
    return 1;
  }
  double parse_s = std::chrono::duration<double>(Clock::now() - t0).count();

  // 2. Query sets, drawn before the lists move into the Screeners.
  std::vector<Query> latin, translit;
  std::map<std::string, size_t> translit_by_script;
  for (const auto& l : lists) {
    for (const Entity& e : l.entities) {
      for (const auto& n : e.names) {
        Script sc = script_of(n.full);
        if (n.kind == NameKind::kOriginalScript) {
          if (sc == Script::kCyrillic || sc == Script::kArabic || sc == Script::kKatakana) {
            translit.push_back({n.full, e.id});
          }
        } else if (sc == Script::kLatin) {
          const bool thing = e.schema == sekisho::Schema::kVessel || e.schema == sekisho::Schema::kAircraft;
          latin.push_back({n.full, e.id, thing ? e.schema : sekisho::Schema::kLegalEntity});
        }
      }
    }
  }
  size_t pool_size = std::max(args.queries, (args.batch + 3) / 4);
  std::vector<Query> exact = sample(latin, pool_size, rng);
  std::vector<Query> typo = exact;
  for (Query& q : typo) q.text = one_edit(q.text, rng);
  translit = sample(translit, pool_size, rng);
  for (const Query& q : translit) {
    Script sc = script_of(q.text);
    ++translit_by_script[sc == Script::kCyrillic ? "cyrillic" : sc == Script::kArabic ? "arabic" : "katakana"];
  }
  std::vector<Query> negative =
      sample(negatives(args.data / "yente_candidate_generation/negatives_global.csv"), pool_size, rng);

  auto head = [&](const std::vector<Query>& v, size_t n) {
    return std::vector<Query>(v.begin(), v.begin() + std::min(n, v.size()));
  };
  std::vector<Workload> workloads = {
      {"query_exact", head(exact, args.queries)},
      {"query_typo", head(typo, args.queries)},
      {"query_translit", head(translit, args.queries), true},
      {"query_negative", head(negative, args.queries)},
  };
  if (!args.only.empty()) {  // a profile of one workload, say
    const std::string only = "," + args.only + ",";
    std::erase_if(workloads,
                  [&](const Workload& w) { return only.find("," + w.name.substr(6) + ",") == std::string::npos; });
  }

  if (!args.export_dir.empty()) {
    std::filesystem::create_directories(args.export_dir);
    export_corpus(lists, std::filesystem::path(args.export_dir) / "corpus_full.csv", false);
    export_corpus(lists, std::filesystem::path(args.export_dir) / "corpus_latin.csv", true);
  }

  // 3. The Screeners: everything, and the same lists without original-script names.
  std::vector<Screener::ListInput> latin_lists = without_original_script(lists);
  t0 = Clock::now();
  auto full = Screener::build(std::move(lists));
  double build_s = std::chrono::duration<double>(Clock::now() - t0).count();
  double rss_after_full_mb = peak_rss_mb();
  auto latin_only = Screener::build(std::move(latin_lists));

  // --probe: why a query is found or lost (both builds, index and scan), then stop.
  for (const std::string& probe : args.probes) {
    for (const auto& [label, screener] : {std::pair{"full", full.get()}, std::pair{"latin-only", latin_only.get()}}) {
      for (bool exhaustive : {false, true}) {
        sekisho::ScreenOptions o = g_options;
        sekisho::ScreenStats stats;
        o.exhaustive = exhaustive;
        o.stats = &stats;
        if (const char* t = std::getenv("PROBE_THRESHOLD")) o.threshold = std::atof(t);
        // PROBE_TRACE=1: every candidate the index handed over, by vote (with --candidates
        // and --min-vote-ratio 0, where a lost entity ranks and what outvoted it).
        std::vector<sekisho::CandidateTrace> trace;
        if (std::getenv("PROBE_TRACE") != nullptr) o.trace = &trace;
        auto hits = screener->screen({.name = probe}, o);
        std::printf("%s | %s, %s: %zu hits (%llu query forms, %llu candidates, %llu pairs)\n", probe.c_str(), label,
                    exhaustive ? "scan" : "index", hits.size(), static_cast<unsigned long long>(stats.query_forms),
                    static_cast<unsigned long long>(stats.candidates),
                    static_cast<unsigned long long>(stats.pairs_scored));
        for (const auto& h : hits) {
          std::printf("  %.3f %s \"%s\" (query form \"%s\" ~ \"%s\")\n", h.score, h.entity->id.c_str(),
                      h.matched_name.c_str(), h.query_form.c_str(), h.listed_form.c_str());
        }
        for (size_t k = 0; k < trace.size(); ++k) {
          const sekisho::CandidateTrace& t = trace[k];
          std::printf("    #%zu vote %.2f score %.3f %s \"%s\" <- \"%s\"\n", k + 1, t.vote, t.score,
                      t.entity->id.c_str(), t.listed_form.c_str(), t.query_form.c_str());
        }
      }
    }
  }
  if (!args.probes.empty()) return 0;

  // 4. Latency, one pinned core.
  pin_to_cpu(0);
  std::map<std::string, Latency> latency;
  CALLGRIND_START_INSTRUMENTATION;  // a no-op outside valgrind (see the head of this file)
  for (const Workload& w : workloads) {
    std::fprintf(stderr, "screen_driver: latency %s...\n", w.name.c_str());
    latency[w.name] = run_latency(w.latin_only ? *latin_only : *full, w.queries, args.reps, args.max_seconds);
  }
  CALLGRIND_STOP_INSTRUMENTATION;

  // 5. Batch throughput: mixed queries, round-robin over the four pools.
  std::vector<QueryOnScreener> batch;
  const std::vector<Query>* pools[] = {&exact, &typo, &translit, &negative};
  for (size_t i = 0; batch.size() < args.batch; ++i) {
    const std::vector<Query>& p = *pools[i % 4];
    if (p.empty()) continue;
    batch.push_back({&p[(i / 4) % p.size()], pools[i % 4] == &translit ? latin_only.get() : full.get()});
  }
  std::vector<double> batch_rates;
  std::fprintf(stderr, "screen_driver: batch...\n");
  size_t batch_done = 0;
  std::vector<QueryOnScreener> warm(batch.begin(), batch.begin() + std::min<size_t>(batch.size(), 64 * args.threads));
  run_batch(warm, args.threads, args.max_seconds);  // warm every thread's transliterators
  for (size_t r = 0; r < args.reps; ++r) {
    batch_rates.push_back(run_batch(batch, args.threads, args.max_seconds / args.reps, &batch_done));
  }
  pin_to_cpu(0);
  double batch_rate = median(batch_rates);

  // 6. Index vs exhaustive scan.
  std::map<std::string, Versus> versus;
  Versus total;
  double ti = 0, te = 0, differ = 0, scan_only = 0;
  for (const Workload& w : workloads) {
    std::fprintf(stderr, "screen_driver: index vs exhaustive %s...\n", w.name.c_str());
    Versus v = run_versus(w.latin_only ? *latin_only : *full, w.name, head(w.queries, args.exhaustive_queries),
                          args.max_seconds, args.scan_cache);
    versus[w.name] = v;
    total.queries += v.queries;
    ti += v.index_us * v.queries;
    te += v.exhaustive_us * v.queries;
    differ += v.top10_differs * v.queries;
    total.positives += v.positives;
    total.lost += v.lost;
    scan_only += v.scan_only_flag * double(v.queries - v.positives);
  }
  if (total.queries) {
    total.index_us = ti / total.queries;
    total.exhaustive_us = te / total.queries;
    total.top10_differs = differ / total.queries;
    total.recall_lost = total.positives ? double(total.lost) / total.positives : 0;
    const size_t negatives = total.queries - total.positives;
    total.scan_only_flag = negatives ? scan_only / double(negatives) : 0;
  }

  if (!args.export_dir.empty()) {
    export_queries(workloads, batch, std::filesystem::path(args.export_dir) / "queries.csv");
  }

  // 7. Report.
  double mem_per_name = double(full->memory_bytes()) / std::max<size_t>(1, full->name_count());
  std::printf(
      "screen_driver: OFAC SDN 2021-07 + UN 2026-02-27 + MOF 2026-03-05: %zu entities, %zu names "
      "(parse %.2f s, build %.2f s); %zu queries/workload, %zu reps, seed %u\n",
      full->entity_count(), full->name_count(), parse_s, build_s, args.queries, args.reps, args.seed);
  std::printf("translit queries by script:");
  for (auto& [k, n] : translit_by_script) std::printf(" %s=%zu", k.c_str(), std::min(n, args.queries));
  std::printf(" (of the pool)\n\n");
  std::printf("%-16s %8s %9s %9s %9s %10s %8s %8s\n", "workload", "queries", "p50_us", "p99_us", "p99.9_us",
              "qps_1core", "recall", "hits/q");
  for (const Workload& w : workloads) {
    const Latency& l = latency[w.name];
    std::printf("%-16s %8zu %9.1f %9.1f %9.1f %10.0f %7.2f%% %8.2f\n", w.name.c_str(), l.queries, l.p50_us, l.p99_us,
                l.p999_us, l.qps, 100 * l.recall, l.hits_per_query);
  }
  std::printf("(queries: timed per repetition; fewer than asked when the %.0f s budget ran out)\n", args.max_seconds);
  std::printf("\n%-16s %7s %10s %8s %9s %10s %8s %9s %9s\n", "per query", "forms", "candidates", "pairs", "explained",
              "analyse_us", "find_us", "score_us", "finish_us");
  for (const Workload& w : workloads) {
    const sekisho::ScreenStats& st = latency[w.name].stats;
    const double q = std::max<double>(1, st.queries);
    std::printf("%-16s %7.2f %10.1f %8.1f %9.2f %10.1f %8.1f %9.1f %9.1f\n", w.name.c_str(), st.query_forms / q,
                st.candidates / q, st.pairs_scored / q, st.hits_explained / q, st.analyze_ns / q / 1e3,
                st.find_ns / q / 1e3, st.score_ns / q / 1e3, st.finish_ns / q / 1e3);
  }
  std::printf("(means of one more pass over the timed queries, with phase clocks on)\n");
  std::printf("%-16s %10s %8s %9s %9s   (medians per query, same pass)\n", "median query", "analyse_us", "find_us",
              "score_us", "finish_us");
  for (const Workload& w : workloads) {
    const double* m = latency[w.name].phase_p50_us;
    std::printf("%-16s %10.1f %8.1f %9.1f %9.1f\n", w.name.c_str(), m[0], m[1], m[2], m[3]);
  }
  std::printf(
      "(recall: expected entity in the top 10 at the default threshold; query_negative: share with any hit)\n\n");
  std::printf("batch: %zu of %zu mixed queries on %zu threads: %.0f names/s (median of %zu)\n\n", batch_done,
              batch.size(), args.threads, batch_rate, args.reps);
  std::printf("%-16s %8s %10s %14s %8s %10s %12s %14s\n", "index_vs_exh", "queries", "index_us", "exhaustive_us",
              "speedup", "top10_diff", "recall_lost", "scan_only_flag");
  auto versus_row = [](const char* name, const Versus& v) {
    std::printf("%-16s %8zu %10.1f %14.1f %7.0fx %9.2f%% ", name, v.queries, v.index_us, v.exhaustive_us,
                v.index_us > 0 ? v.exhaustive_us / v.index_us : 0, 100 * v.top10_differs);
    if (v.positives > 0) {
      std::printf("%4zu/%-4zu %5.2f%%", v.lost, v.positives, 100 * v.recall_lost);
    } else {
      std::printf("%16s", "-");
    }
    if (v.positives < v.queries) {
      std::printf(" %13.2f%%\n", 100 * v.scan_only_flag);
    } else {
      std::printf(" %14s\n", "-");
    }
  };
  for (const Workload& w : workloads) versus_row(w.name.c_str(), versus[w.name]);
  versus_row("all", total);
  std::printf(
      "(recall_lost: of the queries with an expected entity, those the scan finds and the index does not;\n"
      " scan_only_flag: of the negatives, those the scan flags and the index does not)\n\n");
  std::printf(
      "memory: index+forms %.1f MB, %.0f bytes/name; peak RSS %.1f MB after the full build, %.1f MB at the end "
      "(two Screeners)\n",
      full->memory_bytes() / 1048576.0, mem_per_name, rss_after_full_mb, peak_rss_mb());
  const Latency& ex = latency["query_exact"];
  std::printf(
      "goals: p50 <= 20 us (exact %.1f), p99 <= 200 us (exact %.1f), batch >= 50000/s (%.0f), "
      "index >= 50x exhaustive (%.0fx), recall lost <= 0.5%% (%.2f%%)\n",
      ex.p50_us, ex.p99_us, batch_rate, total.index_us > 0 ? total.exhaustive_us / total.index_us : 0,
      100 * total.recall_lost);

  nlohmann::ordered_json j;
  j["bench"] = "screen_driver";
  j["entities"] = full->entity_count();
  j["names"] = full->name_count();
  j["build_s"] = build_s;
  for (const Workload& w : workloads) {
    const Latency& l = latency[w.name];
    j[w.name] = {{"queries", l.queries}, {"p50_us", l.p50_us}, {"p99_us", l.p99_us},
                 {"p999_us", l.p999_us}, {"qps_1core", l.qps}, {"recall", l.recall}};
  }
  j["batch"] = {{"queries", batch_done}, {"threads", args.threads}, {"names_per_s", batch_rate}};
  j["index_vs_exhaustive"] = {{"queries", total.queries},
                              {"speedup", total.index_us > 0 ? total.exhaustive_us / total.index_us : 0},
                              {"top10_differs", total.top10_differs},
                              {"positives", total.positives},
                              {"recall_lost", total.recall_lost},
                              {"negatives_flagged_by_scan_only", total.scan_only_flag}};
  j["memory_bytes_per_name"] = mem_per_name;
  j["peak_rss_mb"] = peak_rss_mb();
  j["peak_rss_after_full_build_mb"] = rss_after_full_mb;
  std::printf("JSON %s\n", j.dump().c_str());
  return 0;
}
