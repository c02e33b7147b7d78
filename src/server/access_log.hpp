// The server's log lines: one per request (when the access log is on) and one
// per list load, as readable text or as one JSON object per line.
//
// Thread safety: write_log_line() may run on any threads at once; each line
// reaches stderr whole.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "sekisho/server.hpp"

namespace sekisho::server {

struct AccessEntry {
  std::string_view method;
  std::string_view route;       // the route's pattern ("GET /v1/entities/{id}"), "" when none matched
  std::string_view path;        // the path asked for
  std::string_view remote;      // client address
  std::string_view key_id;      // the API key's id, "" without one
  std::string_view request_id;  // as sent back in X-Request-Id
  int status = 0;
  std::chrono::nanoseconds duration{0};
};

// "2026-12-07T09:35:47.123Z" for now, in UTC to the millisecond.
std::string log_time_now();

// One line (no newline) for `entry` at `time`.
std::string access_log_line(const AccessEntry& entry, std::string_view time, LogFormat format);

// The request id to use: the client's X-Request-Id when it is 1-128 characters of
// [A-Za-z0-9._:-] (so it cannot forge log lines), else a new random one.
std::string request_id_for(std::string_view client_value);

// Writes `line` and a newline to stderr, whole.
void write_log_line(const std::string& line);

}  // namespace sekisho::server
