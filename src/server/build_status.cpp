#include "server/build_status.hpp"

#include <fmt/format.h>

#include "core/utc_time.hpp"

namespace sekisho::server {

void BuildStatus::failed(uint64_t generation, std::string error) {
  failures_.fetch_add(1, std::memory_order_relaxed);
  std::lock_guard<std::mutex> lock(mutex_);
  last_failure_ = Failure{utc_now_iso(), generation, std::move(error)};
}

void BuildStatus::succeeded() {
  std::lock_guard<std::mutex> lock(mutex_);
  last_failure_.reset();
}

std::optional<BuildStatus::Failure> BuildStatus::last_failure() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return last_failure_;
}

nlohmann::json BuildStatus::last_failure_json() const {
  std::optional<Failure> f = last_failure();
  if (!f) return nullptr;
  return {{"failed_at", f->at}, {"generation", f->generation}, {"error", f->error}};
}

std::string BuildStatus::metrics_text() const {
  std::string out;
  out +=
      "# HELP sekisho_snapshot_build_failures_total Snapshot builds that failed (the previous snapshot kept "
      "serving).\n";
  out += "# TYPE sekisho_snapshot_build_failures_total counter\n";
  out += fmt::format("sekisho_snapshot_build_failures_total {}\n", failures());
  out +=
      "# HELP sekisho_snapshot_last_build_failed 1 when the last snapshot build failed and none has succeeded since.\n";
  out += "# TYPE sekisho_snapshot_last_build_failed gauge\n";
  out += fmt::format("sekisho_snapshot_last_build_failed {}\n", last_failure() ? 1 : 0);
  return out;
}

}  // namespace sekisho::server
