// Micro benchmarks of the text pipeline: analyze_name per script, once warm (thread-local
// transliterators and taggers created, dictionaries loaded before timing).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench_main.hpp"
#include "sekisho/text.hpp"

namespace {

using sekisho::text::analyze_name;

void run(benchmark::State& state, const std::vector<std::string>& names) {
  for (const auto& n : names) benchmark::DoNotOptimize(analyze_name(n));  // warm up
  size_t i = 0;
  for (auto _ : state) {
    auto forms = analyze_name(names[i++ % names.size()]);
    benchmark::DoNotOptimize(forms);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_AnalyzeLatin(benchmark::State& state) {
  run(state,
      {"Vladimir Vladimirovich Putin", "Siemens Aktiengesellschaft", "Dr. Hans Müller", "Romashka LLC", "Mohamed Ali"});
}
void BM_AnalyzeCyrillic(benchmark::State& state) {
  run(state, {"Захарова Мария Владимировна", "ООО Ромашка", "Путин Владимир Владимирович", "Зеленський Володимир",
              "Кисида Фумио"});
}
void BM_AnalyzeKatakana(benchmark::State& state) {
  run(state, {"ウラジーミル・プーチン", "アルグト", "マリア・ザハロワ", "セルゲイ・ラブロフ"});
}
void BM_AnalyzeKanji(benchmark::State& state) {
  run(state, {"上川陽子", "岸田文雄", "林芳正", "連邦保安庁", "トヨタ自動車株式会社"});
}
void BM_AnalyzeArabicGreek(benchmark::State& state) { run(state, {"محمد علي", "Αλέξης Τσίπρας", "习近平"}); }

BENCHMARK(BM_AnalyzeLatin);
BENCHMARK(BM_AnalyzeCyrillic);
BENCHMARK(BM_AnalyzeKatakana);
BENCHMARK(BM_AnalyzeKanji);
BENCHMARK(BM_AnalyzeArabicGreek);

}  // namespace

int main(int argc, char** argv) { return sekisho::bench::run_benchmarks(argc, argv); }
