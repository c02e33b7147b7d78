#include "cli/progress.hpp"

#include <cstdio>

namespace sekisho::cli {

Progress::Progress(size_t total, bool enabled)
    : total_(total), enabled_(enabled && total > 0), start_(std::chrono::steady_clock::now()) {}

void Progress::update(size_t done) {
  if (!enabled_) return;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  int width = 30;
  int filled = static_cast<int>(width * done / total_);
  std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu  %.0f/s", filled, "==============================", width - filled, "",
               done, total_, secs > 0 ? done / secs : 0.0);
  std::fflush(stderr);
}

void Progress::finish(size_t done) {
  if (!enabled_) return;
  update(done);
  std::fputc('\n', stderr);
}

}  // namespace sekisho::cli
