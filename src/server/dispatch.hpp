// Connects the route table to the HTTP server (http_server.hpp): finds the
// route for a request and runs it inside one wrapper that authenticates,
// rate-limits, reads the body within its limit, pins the snapshot, calls the
// handler, records metrics and the access log line and never lets an
// exception or a malformed request escape as anything but a JSON error.
//
// Thread safety: a Router is immutable once built; match() and respond() may
// run on any threads at once (the state they reach has its own contract).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "server/rate_limiter.hpp"
#include "server/request.hpp"
#include "server/state.hpp"

namespace sekisho::server {

class Router {
 public:
  // `state`, `routes` and `limiter` must outlive the router.
  Router(ServerState& state, const RouteTable& routes, RateLimiter& limiter);

  struct Match {
    int slot = -1;  // index in the route table; -1: no route (answered 404 or 405)
    BodyMode body = BodyMode::kNone;
    bool on_io_thread = false;  // Route::on_io_thread
  };
  // The route for `req.method` and `req.path` (HEAD is served as GET); fills req.matches.
  Match match(HttpRequest& req) const;

  // The whole answer to a matched (or unmatched) request, X-Request-Id
  // included; records metrics and the access log line. `reader` reads the
  // body (nullptr: the request has none). Never throws.
  ApiResponse respond(const Match& match, const HttpRequest& req, const BodyReader* reader) const;

  // The answer to a request refused before any route saw it (malformed, body
  // over the limit, server busy), with the same bookkeeping. `req` holds
  // whatever could be parsed.
  ApiResponse refuse(const HttpRequest& req, int status, std::string_view code, std::string_view message) const;

 private:
  struct Pattern {
    std::vector<std::string> segments;  // "{id}" segments are parameters
  };
  bool matches(const Pattern& pattern, std::string_view path, std::vector<std::string>* params) const;
  ApiResponse not_routed(const HttpRequest& req) const;
  void finish(ApiResponse& r, const HttpRequest& req, size_t slot, std::string_view route_label,
              std::string_view key_id, std::chrono::steady_clock::time_point started) const;

  ServerState& state_;
  const RouteTable& routes_;
  RateLimiter& limiter_;
  std::vector<Pattern> patterns_;  // one per route
};

}  // namespace sekisho::server
