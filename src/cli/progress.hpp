// A one-line progress bar on standard error, drawn only on a terminal.
#pragma once

#include <chrono>
#include <cstddef>

namespace sekisho::cli {

class Progress {
 public:
  Progress(size_t total, bool enabled);
  void update(size_t done);
  void finish(size_t done);

 private:
  size_t total_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace sekisho::cli
