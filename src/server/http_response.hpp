// What a route handler returns, and the JSON shapes every route shares:
// errors are always {"error": {"code": "not_found", "message": "…"}} (plus
// yente's "detail" with the same message, so yente clients print it).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sekisho/status.hpp"

namespace sekisho::server {

struct ApiResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
};

// Serialises `body`; invalid UTF-8 in stored text is replaced, never thrown on.
ApiResponse json_response(const nlohmann::json& body, int status = 200);
// The error body for a Status (code name in snake_case, HTTP status from Status::http_status()).
ApiResponse error_response(const Status& status);
// An error the Status vocabulary has no code for (405, 413).
ApiResponse error_response(int http_status, std::string_view code, std::string_view message);

// "not found" → "not_found".
std::string error_code_name(StatusCode code);

}  // namespace sekisho::server
