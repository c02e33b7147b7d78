// monitor_driver — the monitoring benchmark of issue 19, not a test.
//
// In a scratch data directory: imports OFAC SDN 2021-07, generates N parties
// (seeded: given and family names from a fixed pool, a birth year for half of
// them), and times
//
//   new_parties   the first run: every party is new, screened against every list
//   delta_run     after a synthetic update of U entities (each gains an alias,
//                 so its content hash changes), the run that screens the U changed
//                 entities against all N parties
//
// Each phase prints wall time and the process's peak RSS so far, and a JSON
// line (prefix "JSON ") for scripts. The goal: delta_run ≤ 60 s for 1,000,000
// parties on 2 cores.
//
//   build/bench/monitor_driver [--parties 1000000] [--update 500] [--threads 2] [--dir DIR]
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "sekisho/cases.hpp"
#include "sekisho/lists.hpp"
#include "sekisho/store.hpp"
#include "shared_data.hpp"

namespace fs = std::filesystem;
using namespace sekisho;

namespace {

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::vector<Party> generate_parties(size_t n) {
  static const char* kGiven[] = {"Emma",   "Lukas", "Sofia",  "Jonas", "Hanna",  "Felix", "Clara",  "Mats",    "Ingrid",
                                 "Pieter", "Yuki",  "Haruto", "Aoi",   "Sakura", "Ren",   "Margot", "Olivier", "Lucie",
                                 "Nils",   "Freja", "Omar",   "Layla", "Ivan",   "Olga",  "Chen",   "Mei",     "Jose",
                                 "Lucia",  "David", "Sarah",  "Ali",   "Fatima", "Kim",   "Park",   "Anna",    "Peter"};
  static const char* kFamily[] = {"Lindqvist", "Vermeulen", "Hoffmann",  "Brennan",   "Castellano", "Okafor",
                                  "Takahashi", "Fujimoto",  "Nakamura",  "Johansson", "Dubois",     "Berg",
                                  "Kowalczyk", "Novak",     "Rasmussen", "Lefebvre",  "Whitfield",  "Sorensen",
                                  "Hakala",    "Moreau",    "Hassan",    "Petrov",    "Ivanova",    "Wang",
                                  "Garcia",    "Silva",     "Rossi",     "Muller",    "Smith",      "Jones",
                                  "Khan",      "Rahman",    "Lee",       "Nguyen",    "Tanaka",     "Sato"};
  constexpr size_t kG = std::size(kGiven), kF = std::size(kFamily);
  std::mt19937_64 rng(19);
  std::vector<Party> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    Party p;
    p.id = "C" + std::to_string(i);
    p.schema = "Person";
    p.names.push_back(std::string(kGiven[rng() % kG]) + " " + kGiven[rng() % kG] + " " + kFamily[rng() % kF]);
    if (rng() % 2) p.birth_date = std::to_string(1940 + rng() % 60);
    out.push_back(std::move(p));
  }
  return out;
}

void report(const char* phase, double seconds, const RunRecord& run, size_t parties) {
  std::printf("%-12s %8.1f s  %8.1f MB peak RSS  %zu parties, %d full + %d delta, %d entities, %d alerts\n", phase,
              seconds, peak_rss_mb(), parties, run.parties_screened_full, run.parties_screened_delta,
              run.entities_screened_delta, run.alerts_raised);
  nlohmann::json j = {{"phase", phase},
                      {"seconds", seconds},
                      {"peak_rss_mb", peak_rss_mb()},
                      {"parties", parties},
                      {"entities_screened_delta", run.entities_screened_delta},
                      {"alerts_raised", run.alerts_raised}};
  std::printf("JSON %s\n", j.dump().c_str());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  sekisho::bench::use_shared_data();
  size_t parties = 1000000, update = 500, threads = 2;
  fs::path dir = fs::temp_directory_path() / ("sekisho-monitor-bench-" + std::to_string(getpid()));
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--parties")
      parties = std::stoul(argv[i + 1]);
    else if (flag == "--update")
      update = std::stoul(argv[i + 1]);
    else if (flag == "--threads")
      threads = std::stoul(argv[i + 1]);
    else if (flag == "--dir")
      dir = argv[i + 1];
    else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 64;
    }
  }
  fs::remove_all(dir);
  fs::create_directories(dir);

  auto parsed = parse_list("ofac-csv", {fs::path(SEKISHO_SHARED_DATA) / "ofac/sdn_csv_2021-07"});
  if (!parsed.ok()) {
    std::fprintf(stderr, "%s\n", parsed.status().to_string().c_str());
    return 1;
  }
  auto lists = ListStore::open(dir);
  auto cases = CaseStore::open(dir);
  if (!lists.ok() || !cases.ok()) return 1;
  if (!(*lists)->import_list("sdn", *parsed).ok()) return 1;

  auto t0 = std::chrono::steady_clock::now();
  std::vector<Party> registry = generate_parties(parties);
  if (!(*cases)->import_parties(registry, {}, "bench").ok()) return 1;
  std::printf("%-12s %8.1f s  %8.1f MB peak RSS  %zu parties stored\n", "import", seconds_since(t0), peak_rss_mb(),
              parties);
  registry.clear();
  registry.shrink_to_fit();

  MonitorOptions options;
  options.threads = threads;
  t0 = std::chrono::steady_clock::now();
  auto first = (*cases)->monitor(**lists, options, "bench");
  if (!first.ok()) {
    std::fprintf(stderr, "%s\n", first.status().to_string().c_str());
    return 1;
  }
  report("new_parties", seconds_since(t0), *first, parties);

  // The update: `update` entities gain an alias; the file hash changes as a re-publication's would.
  ParsedList next = *parsed;
  for (size_t i = 0; i < next.entities.size() && i < update; ++i) {
    Entity& e = next.entities[i * (next.entities.size() / update)];
    e.add_name({.full = e.caption + " TRADING", .kind = NameKind::kAlias});
  }
  for (SourceFile& f : next.files) f.sha256 = "bench-update-" + f.sha256;
  if (!(*lists)->import_list("sdn", next).ok()) return 1;
  t0 = std::chrono::steady_clock::now();
  auto delta = (*cases)->monitor(**lists, options, "bench");
  if (!delta.ok()) {
    std::fprintf(stderr, "%s\n", delta.status().to_string().c_str());
    return 1;
  }
  report("delta_run", seconds_since(t0), *delta, parties);
  fs::remove_all(dir);
  return 0;
}
