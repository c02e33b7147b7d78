// Per-client token buckets: `rate` requests per second sustained, `burst` at once.
//
// Thread safety: take() may be called from any number of threads.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace sekisho::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // Takes one token from `client`'s bucket. Returns 0 when the request may
  // proceed, else the whole seconds to wait (for Retry-After, at least 1).
  // `rate` <= 0 means unlimited.
  int take(const std::string& client, double rate, double burst, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point last;
  };
  // Drops buckets that have refilled completely, so the map stays small when
  // clients come and go (no_auth mode keys buckets by address).
  void prune(Clock::time_point now, double rate, double burst);

  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace sekisho::server
