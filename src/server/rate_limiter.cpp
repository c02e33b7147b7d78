#include "server/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace sekisho::server {

namespace {
constexpr size_t kPruneAbove = 10000;
}

int RateLimiter::take(const std::string& client, double rate, double burst, Clock::time_point now) {
  if (rate <= 0) return 0;
  burst = std::max(burst, 1.0);
  std::lock_guard<std::mutex> lock(mutex_);
  if (buckets_.size() > kPruneAbove) prune(now, rate, burst);
  auto [it, inserted] = buckets_.try_emplace(client, Bucket{burst, now});
  Bucket& b = it->second;
  if (!inserted) {
    double elapsed = std::chrono::duration<double>(now - b.last).count();
    b.tokens = std::min(burst, b.tokens + std::max(0.0, elapsed) * rate);
    b.last = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / rate)));
}

void RateLimiter::prune(Clock::time_point now, double rate, double burst) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    double elapsed = std::chrono::duration<double>(now - it->second.last).count();
    if (it->second.tokens + elapsed * rate >= burst) {
      it = buckets_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace sekisho::server
