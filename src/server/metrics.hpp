// Request counters and latency histograms per route, rendered as Prometheus text.
//
// Routes are fixed when the server starts, so each gets a slot of atomics:
// recording a request takes no lock.
// Thread safety: record() and render() may run on any threads at once.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace sekisho {
struct Snapshot;
}

namespace sekisho::server {

class Metrics {
 public:
  // `labels` are "METHOD /path/{param}" for each route, in route order; one
  // more slot counts requests that matched no route.
  explicit Metrics(std::vector<std::string> labels);

  size_t unmatched_slot() const { return labels_.size() - 1; }
  void record(size_t slot, int http_status, std::chrono::nanoseconds elapsed);

  // The whole exposition text, with the snapshot's list gauges (snapshot may be null).
  std::string render(const Snapshot* snapshot, size_t active_keys) const;

  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 14> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,    0.25,  0.5,    1,     2.5,  5,     10};

 private:
  struct Slot {
    std::array<std::atomic<uint64_t>, 500> by_status{};                // index: HTTP status - 100
    std::array<std::atomic<uint64_t>, kBuckets.size() + 1> latency{};  // last: +Inf
    std::atomic<uint64_t> latency_sum_ns{0};
  };
  std::vector<std::string> labels_;
  std::vector<std::unique_ptr<Slot>> slots_;
};

}  // namespace sekisho::server
