// Transfer-decision throughput and per-hop latency over 10^5 seeded random
// chains on one core (issue 5; goal p50 <= 5 us per hop). Google Benchmark
// reports decisions/s; the driver part prints p50/p99 per hop, without
// screening and with every party screened by the fuzzy matcher against the
// lists of the shared data mirror (the store catalogue's sources).
//   ./build/bench/bench_rules                 # both
//   SEKISHO_BENCH_SCREEN_CHAINS=2000 ./build/bench/bench_rules   # fewer screened chains
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "../tests/rules/random_chains.hpp"
#include "bench_main.hpp"
#include "sekisho/lists.hpp"
#include "sekisho/rules.hpp"
#include "sekisho/screen.hpp"
#include "sekisho/update.hpp"

namespace {

using sekisho::rules::Policy;
using sekisho::rules::TransferRequest;

// $SEKISHO_POLICIES, else the first policies/ above the executable (build/ sits in the repository).
std::filesystem::path policy_dir() {
  if (const char* env = std::getenv("SEKISHO_POLICIES"); env && *env) return env;
  std::error_code ec;
  for (auto dir = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
       !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
    if (std::filesystem::is_directory(dir / "policies")) return dir / "policies";
  }
  return "policies";
}

const Policy& policy() {
  static std::unique_ptr<Policy> p = [] {
    auto loaded = sekisho::rules::load_policy_dir(policy_dir());
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().to_string().c_str());
      std::exit(1);
    }
    return std::move(*loaded);
  }();
  return *p;
}

std::vector<TransferRequest> chains(size_t n) {
  sekisho::rules::testing::ChainGenerator gen(42);
  std::vector<TransferRequest> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(gen.next());
  return out;
}

void BM_Decide(benchmark::State& state) {
  static const auto requests = chains(100000);
  size_t i = 0, hops = 0;
  for (auto _ : state) {
    const TransferRequest& r = requests[i++ % requests.size()];
    auto d = policy().decide(r);
    benchmark::DoNotOptimize(d);
    hops += r.hops.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["hops/s"] = benchmark::Counter(static_cast<double>(hops), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Decide);

// Every list of the store catalogue parsed from the shared-data mirror (as
// `sekisho update --from` would store it); lists whose mirror fails to parse are skipped.
std::unique_ptr<sekisho::rules::ListScreener> mirror_screener() {
  std::vector<sekisho::Screener::ListInput> inputs;
  std::vector<sekisho::rules::ScreenedList> lists;
  for (const sekisho::SourceSpec& src : sekisho::default_sources()) {
    std::vector<std::filesystem::path> paths;
    for (const std::string& rel : src.mirror_paths) paths.push_back(std::filesystem::path(SEKISHO_SHARED_DATA) / rel);
    auto parsed = sekisho::parse_list(src.mirror_format.empty() ? src.format : src.mirror_format, paths,
                                      {.list_id = src.list_id});
    if (!parsed.ok()) {
      std::fprintf(stderr, "skipping %s: %s\n", src.list_id.c_str(), parsed.status().to_string().c_str());
      continue;
    }
    lists.push_back({src.list_id, 1, parsed->entities.size()});
    inputs.push_back({src.list_id, 1, std::move(parsed->entities)});
  }
  return std::make_unique<sekisho::rules::ListScreener>(sekisho::Screener::build(std::move(inputs)), std::move(lists));
}

// Chains whose recipients are, one time in ten, named like a listed entity
// (the published name, lower-cased), so that hits and their rules are exercised.
std::vector<TransferRequest> screened_chains(size_t n, const std::vector<std::string>& listed_names) {
  std::vector<TransferRequest> out = chains(n);
  size_t k = 0;
  for (TransferRequest& r : out) {
    for (auto& hop : r.hops) {
      if (++k % 10 == 0 && !listed_names.empty()) {
        std::string name = listed_names[(k * 2654435761u) % listed_names.size()];
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        hop.to.name = name;
      }
    }
  }
  return out;
}

struct Latency {
  double decisions_per_s = 0, p50 = 0, p99 = 0;
  size_t hops = 0;
};

Latency time_decisions(const std::vector<TransferRequest>& requests, const sekisho::rules::PartyScreener* screener,
                       size_t* hits = nullptr) {
  std::vector<double> per_hop;
  per_hop.reserve(requests.size());
  Latency out;
  const auto start = std::chrono::steady_clock::now();
  for (const TransferRequest& r : requests) {
    const auto t0 = std::chrono::steady_clock::now();
    auto d = policy().decide(r, screener);
    const auto t1 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(d);
    if (hits && d.ok()) {
      for (const auto& party : d->screened) *hits += party.size();
    }
    per_hop.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count() / static_cast<double>(r.hops.size()));
    out.hops += r.hops.size();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::sort(per_hop.begin(), per_hop.end());
  out.decisions_per_s = static_cast<double>(requests.size()) / seconds;
  out.p50 = per_hop[per_hop.size() / 2];
  out.p99 = per_hop[per_hop.size() * 99 / 100];
  return out;
}

void screened_latency_report() {
  size_t n = 10000;
  if (const char* env = std::getenv("SEKISHO_BENCH_SCREEN_CHAINS"); env && *env) n = std::strtoul(env, nullptr, 10);
  const auto build0 = std::chrono::steady_clock::now();
  auto screener = mirror_screener();
  const double build_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - build0).count();
  std::vector<std::string> names;
  size_t entities = 0;
  for (const auto& l : screener->screened_lists()) entities += l.entity_count;
  // Listed names for the chains: the EUL and export-ban lists (the ones the policy gives effect to).
  for (const sekisho::SourceSpec& src : sekisho::default_sources()) {
    if (src.list_id.rfind("jp_meti", 0) != 0) continue;
    std::vector<std::filesystem::path> paths;
    for (const std::string& rel : src.mirror_paths) paths.push_back(std::filesystem::path(SEKISHO_SHARED_DATA) / rel);
    auto parsed = sekisho::parse_list(src.format, paths, {.list_id = src.list_id});
    if (!parsed.ok()) continue;
    for (const sekisho::Entity& e : parsed->entities) names.push_back(e.caption);
  }
  const auto requests = screened_chains(n, names);
  size_t hits = 0;
  const Latency l = time_decisions(requests, screener.get(), &hits);
  std::printf(
      "rules+screening latency: %zu chains, %zu hops, %zu parties screened against %zu lists (%zu entities, "
      "built in %.1f s), %zu hits, %.0f decisions/s, per hop p50 %.1f us, p99 %.1f us\n",
      requests.size(), l.hops, 2 * l.hops, screener->screened_lists().size(), entities, build_s, hits,
      l.decisions_per_s, l.p50, l.p99);
}

// Latency driver: each decision timed alone, divided by its hop count.
void latency_report() {
  const auto requests = chains(100000);
  const Latency l = time_decisions(requests, nullptr);
  std::printf("rules latency: %zu chains, %zu hops, %.0f decisions/s, per hop p50 %.2f us, p99 %.2f us (policy %s)\n",
              requests.size(), l.hops, l.decisions_per_s, l.p50, l.p99, policy().info().sha256.substr(0, 12).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  sekisho::bench::use_shared_data();
  latency_report();
  screened_latency_report();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
