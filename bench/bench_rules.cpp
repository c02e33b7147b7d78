// Transfer-decision throughput and per-hop latency over 10^5 seeded random
// chains on one core (issue 5; goal p50 <= 5 us per hop). Google Benchmark
// reports decisions/s; the driver part prints p50/p99 per hop.
//   ./build/bench/bench_rules                 # both
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "../tests/rules/random_chains.hpp"
#include "sekisho/rules.hpp"

namespace {

using sekisho::rules::Policy;
using sekisho::rules::TransferRequest;

// $SEKISHO_POLICIES, else the first policies/ above the executable (build/ sits in the repository).
std::filesystem::path policy_dir() {
  if (const char* env = std::getenv("SEKISHO_POLICIES"); env && *env) return env;
  std::error_code ec;
  for (auto dir = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path(); !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path()) {
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

// Latency driver: each decision timed alone, divided by its hop count.
void latency_report() {
  const auto requests = chains(100000);
  std::vector<double> per_hop;
  per_hop.reserve(requests.size());
  size_t total_hops = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const TransferRequest& r : requests) {
    const auto t0 = std::chrono::steady_clock::now();
    auto d = policy().decide(r);
    const auto t1 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(d);
    per_hop.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count() / static_cast<double>(r.hops.size()));
    total_hops += r.hops.size();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::sort(per_hop.begin(), per_hop.end());
  std::printf("rules latency: %zu chains, %zu hops, %.0f decisions/s, per hop p50 %.2f us, p99 %.2f us (policy %s)\n",
              requests.size(), total_hops, static_cast<double>(requests.size()) / seconds,
              per_hop[per_hop.size() / 2], per_hop[per_hop.size() * 99 / 100], policy().info().sha256.substr(0, 12).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  latency_report();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
