#include "server/metrics.hpp"

#include <fmt/format.h>

#include "sekisho/server.hpp"
#include "sekisho/update.hpp"

namespace sekisho::server {

namespace {

// Prometheus label values escape backslash, double quote and newline.
std::string label_value(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

Metrics::Metrics(std::vector<std::string> labels) : labels_(std::move(labels)) {
  labels_.push_back("unmatched");
  for (size_t i = 0; i < labels_.size(); ++i) slots_.push_back(std::make_unique<Slot>());
}

void Metrics::record(size_t slot, int http_status, std::chrono::nanoseconds elapsed) {
  if (slot >= slots_.size()) slot = unmatched_slot();
  Slot& s = *slots_[slot];
  if (http_status < 100 || http_status > 599) http_status = 500;
  s.by_status[http_status - 100].fetch_add(1, std::memory_order_relaxed);
  double seconds = std::chrono::duration<double>(elapsed).count();
  size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  s.latency[bucket].fetch_add(1, std::memory_order_relaxed);
  s.latency_sum_ns.fetch_add(static_cast<uint64_t>(elapsed.count()), std::memory_order_relaxed);
}

std::string Metrics::render(const Snapshot* snapshot, size_t active_keys) const {
  std::string out;
  out += "# HELP sekisho_http_requests_total HTTP requests answered, by route and status.\n";
  out += "# TYPE sekisho_http_requests_total counter\n";
  for (size_t i = 0; i < slots_.size(); ++i) {
    for (size_t code = 0; code < slots_[i]->by_status.size(); ++code) {
      uint64_t n = slots_[i]->by_status[code].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out += fmt::format("sekisho_http_requests_total{{route=\"{}\",code=\"{}\"}} {}\n", label_value(labels_[i]),
                         code + 100, n);
    }
  }
  out += "# HELP sekisho_http_request_duration_seconds Time from routing to response, by route.\n";
  out += "# TYPE sekisho_http_request_duration_seconds histogram\n";
  for (size_t i = 0; i < slots_.size(); ++i) {
    const Slot& s = *slots_[i];
    std::string route = label_value(labels_[i]);
    uint64_t cumulative = 0;
    for (size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += s.latency[b].load(std::memory_order_relaxed);
      out += fmt::format("sekisho_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", route,
                         kBuckets[b], cumulative);
    }
    cumulative += s.latency[kBuckets.size()].load(std::memory_order_relaxed);
    out +=
        fmt::format("sekisho_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", route, cumulative);
    out += fmt::format("sekisho_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route,
                       static_cast<double>(s.latency_sum_ns.load(std::memory_order_relaxed)) / 1e9);
    out += fmt::format("sekisho_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route, cumulative);
  }
  out += "# HELP sekisho_ready 1 when a snapshot of the lists is loaded.\n# TYPE sekisho_ready gauge\n";
  out += fmt::format("sekisho_ready {}\n", snapshot && !snapshot->lists.empty() ? 1 : 0);
  out += "# HELP sekisho_api_keys_active API keys that are not revoked.\n# TYPE sekisho_api_keys_active gauge\n";
  out += fmt::format("sekisho_api_keys_active {}\n", active_keys);
  if (snapshot == nullptr) return out;
  out += "# HELP sekisho_snapshot_generation Snapshots published since start.\n";
  out += "# TYPE sekisho_snapshot_generation gauge\n";
  out += fmt::format("sekisho_snapshot_generation {}\n", snapshot->generation);
  out += "# HELP sekisho_snapshot_build_seconds Time the current snapshot took to build.\n";
  out += "# TYPE sekisho_snapshot_build_seconds gauge\n";
  out += fmt::format("sekisho_snapshot_build_seconds {}\n", snapshot->build_seconds);
  out += "# HELP sekisho_snapshot_entities Entities in the current snapshot.\n# TYPE sekisho_snapshot_entities gauge\n";
  out += fmt::format("sekisho_snapshot_entities {}\n", snapshot->entity_count);
  if (snapshot->screener != nullptr) {
    out += "# HELP sekisho_index_names Listed names in the screening index.\n# TYPE sekisho_index_names gauge\n";
    out += fmt::format("sekisho_index_names {}\n", snapshot->screener->name_count());
    out += "# HELP sekisho_index_bytes Approximate memory of the screening index.\n# TYPE sekisho_index_bytes gauge\n";
    out += fmt::format("sekisho_index_bytes {}\n", snapshot->screener->memory_bytes());
  }
  out += "# HELP sekisho_list_version Version of each list being served.\n# TYPE sekisho_list_version gauge\n";
  for (const ListVersion& v : snapshot->lists) {
    out += fmt::format("sekisho_list_version{{list=\"{}\"}} {}\n", label_value(v.list_id), v.version);
  }
  out += "# HELP sekisho_list_entities Entities of each list being served.\n# TYPE sekisho_list_entities gauge\n";
  for (const ListVersion& v : snapshot->lists) {
    out += fmt::format("sekisho_list_entities{{list=\"{}\"}} {}\n", label_value(v.list_id), v.entity_count);
  }
  std::vector<ListAge> ages = list_ages(snapshot->lists, default_sources());
  out += "# HELP sekisho_list_age_seconds Time since each served list's publication date (undated lists: absent).\n";
  out += "# TYPE sekisho_list_age_seconds gauge\n";
  for (const ListAge& a : ages) {
    if (a.age_seconds < 0) continue;
    out += fmt::format("sekisho_list_age_seconds{{list=\"{}\"}} {}\n", label_value(a.list_id), a.age_seconds);
  }
  out +=
      "# HELP sekisho_list_stale 1 when a list is older than its publisher's cadence, undated, or in the catalogue "
      "but not loaded.\n";
  out += "# TYPE sekisho_list_stale gauge\n";
  for (const ListAge& a : ages) {
    out += fmt::format("sekisho_list_stale{{list=\"{}\",state=\"{}\"}} {}\n", label_value(a.list_id),
                       list_age_state_name(a.state), a.flagged() ? 1 : 0);
  }
  return out;
}

}  // namespace sekisho::server
