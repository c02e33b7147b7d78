// main() of a micro benchmark binary: the shared data, then Google Benchmark.
#pragma once

#include <benchmark/benchmark.h>

#include "shared_data.hpp"

namespace sekisho::bench {

inline int run_benchmarks(int argc, char** argv) {
  use_shared_data();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace sekisho::bench
