// What became of the reloader's snapshot builds: how many failed, and the last failure while
// no build has succeeded since. A failed build leaves the previous snapshot serving; this is
// how an operator sees that it happened and why (GET /v1/lists, /metrics), beside the log line.
//
// Thread safety: every member may be called from any thread at once.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace sekisho::server {

class BuildStatus {
 public:
  struct Failure {
    std::string at;       // UTC ISO 8601
    uint64_t generation;  // the generation the build would have published
    std::string error;
  };

  void failed(uint64_t generation, std::string error);
  void succeeded();

  uint64_t failures() const { return failures_.load(std::memory_order_relaxed); }
  // The last build's failure, or nothing when the last build succeeded (or none ran yet).
  std::optional<Failure> last_failure() const;

  // {"failed_at", "generation", "error"} of last_failure(), or null.
  nlohmann::json last_failure_json() const;
  // Prometheus lines: the failures counted and whether the last build failed.
  std::string metrics_text() const;

 private:
  std::atomic<uint64_t> failures_{0};
  mutable std::mutex mutex_;
  std::optional<Failure> last_failure_;
};

}  // namespace sekisho::server
