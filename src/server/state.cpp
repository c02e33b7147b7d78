#include "server/state.hpp"

#include <charconv>

namespace sekisho::server {

void SnapshotHolder::publish(std::shared_ptr<const Snapshot> next) {
  {
    // The lock orders publish against wait_until's check, so no wake-up is lost.
    std::lock_guard<std::mutex> lock(mutex_);
    current_.store(std::move(next), std::memory_order_release);
  }
  published_.notify_all();
}

bool SnapshotHolder::wait_until(const std::function<bool(const Snapshot&)>& done,
                                std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return published_.wait_for(lock, timeout, [&] {
    std::shared_ptr<const Snapshot> s = current_.load(std::memory_order_acquire);
    return s != nullptr && done(*s);
  });
}

Status ServerState::refresh_keys() {
  if (key_store == nullptr) return Status();
  SEKISHO_ASSIGN_OR_RETURN(auto verifier, key_store->load_verifier());
  keys.store(std::move(verifier));
  return Status();
}

Result<int> parse_query_int(const std::string& text, const char* what, int fallback) {
  if (text.empty()) return fallback;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) {
    return invalid_argument(std::string(what) + ": expected a non-negative whole number, got '" + text + "'");
  }
  return value;
}

Result<double> parse_query_score(const std::string& text, const char* what, double fallback) {
  if (text.empty()) return fallback;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !(value >= 0 && value <= 1)) {
    return invalid_argument(std::string(what) + ": expected a score between 0 and 1, got '" + text + "'");
  }
  return value;
}

}  // namespace sekisho::server
