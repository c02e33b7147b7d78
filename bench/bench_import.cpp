// Parsing speed of the list parsers on real files (items = entities parsed).
//   ./build/bench/bench_import
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "bench_main.hpp"
#include "sekisho/lists.hpp"

namespace {

void parse_benchmark(benchmark::State& state, const char* format, const char* rel) {
  std::filesystem::path path = std::filesystem::path(SEKISHO_SHARED_DATA) / rel;
  size_t entities = 0;
  for (auto _ : state) {
    auto r = sekisho::parse_list(format, {path});
    if (!r.ok()) {
      state.SkipWithError(r.status().to_string().c_str());
      return;
    }
    entities = r->entities.size();
    benchmark::DoNotOptimize(r->entities.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * entities));
  state.counters["entities"] = static_cast<double>(entities);
}

void BM_ParseOfacSdnCsv2021(benchmark::State& state) { parse_benchmark(state, "ofac-csv", "ofac/sdn_csv_2021-07"); }
void BM_ParseOfacConsXml(benchmark::State& state) {
  parse_benchmark(state, "ofac-xml", "ofac/cons_xml_2025-03-28/consolidated.xml");
}
void BM_ParseUnXml2026(benchmark::State& state) { parse_benchmark(state, "un-xml", "un/consolidated_2026-02-27.xml"); }

BENCHMARK(BM_ParseOfacSdnCsv2021)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseOfacConsXml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseUnXml2026)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) { return sekisho::bench::run_benchmarks(argc, argv); }
