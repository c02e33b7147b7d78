#include "server/access_log.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <ctime>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>

namespace sekisho::server {

std::string log_time_now() {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char day[32];
  std::strftime(day, sizeof day, "%Y-%m-%dT%H:%M:%S", &utc);
  return fmt::format("{}.{:03}Z", day, millis);
}

std::string access_log_line(const AccessEntry& e, std::string_view time, LogFormat format) {
  double ms = std::chrono::duration<double, std::milli>(e.duration).count();
  if (format == LogFormat::kJson) {
    nlohmann::ordered_json j;
    j["time"] = time;
    j["event"] = "request";
    j["method"] = e.method;
    j["route"] = e.route;
    j["path"] = e.path;
    j["status"] = e.status;
    j["duration_ms"] = std::round(ms * 1000) / 1000;
    j["key_id"] = e.key_id.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.key_id);
    j["request_id"] = e.request_id;
    j["remote"] = e.remote;
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  }
  return fmt::format("{} {} {} {} {} {:.3f}ms key={} request={}", time, e.remote, e.method, e.path, e.status, ms,
                     e.key_id.empty() ? "-" : e.key_id, e.request_id);
}

std::string request_id_for(std::string_view client_value) {
  bool sane = !client_value.empty() && client_value.size() <= 128;
  for (char c : client_value) {
    sane = sane && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == ':' || c == '-');
  }
  if (sane) return std::string(client_value);
  thread_local std::mt19937_64 random{std::random_device{}()};
  return fmt::format("{:016x}", random());
}

void write_log_line(const std::string& line) {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  std::cerr << line << '\n' << std::flush;
}

}  // namespace sekisho::server
