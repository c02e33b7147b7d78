// Connects the route table to cpp-httplib: every request passes through one
// wrapper that authenticates, rate-limits, reads the body within its limit,
// pins the snapshot, calls the handler, records metrics and never lets an
// exception or a malformed request escape as anything but a JSON error.
#pragma once

#include <httplib.h>

#include "server/rate_limiter.hpp"
#include "server/state.hpp"

namespace sekisho::server {

// Registers `routes` (which must outlive `http`) and the JSON error handler.
void install_routes(httplib::Server& http, ServerState& state, const RouteTable& routes, RateLimiter& limiter);

// The server's view of a request cpp-httplib parsed.
HttpRequest to_request(const httplib::Request& req);

// "/v1/entities/{id}" → "/v1/entities/([^/]+)" (the rest matched literally).
std::string path_regex(const std::string& path_template);

}  // namespace sekisho::server
