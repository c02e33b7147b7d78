#include "server/dispatch.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <optional>

#include "core/strings.hpp"
#include "server/access_log.hpp"

namespace sekisho::server {

namespace {

using Clock = std::chrono::steady_clock;

// The caller behind a request: a key, or (no_auth) the whole server's trust.
struct Caller {
  std::optional<KeyRecord> key;
  Role role = Role::kNone;
  std::string bucket;  // rate-limit bucket
  double rate = 0;
};

Result<Caller> authenticate(const HttpRequest& req, const ServerState& state, bool key_in_query) {
  Caller caller;
  if (state.options.no_auth) {
    caller.role = Role::kAdmin;
    caller.bucket = "addr:" + req.remote_addr;
    caller.rate = state.options.rate_per_second;
    return caller;
  }
  std::string header = req.header("Authorization");
  if (header.empty() && key_in_query && req.has_param("api_key")) header = "Bearer " + req.param("api_key");
  std::string_view value = trim(header);
  if (value.empty()) {
    return Status(StatusCode::kUnauthenticated, "this route needs an API key: send 'Authorization: Bearer <key>'");
  }
  if (!starts_with_ascii_ci(value, "bearer ")) {
    return Status(StatusCode::kUnauthenticated, "the Authorization header must use the Bearer scheme");
  }
  std::string_view token = trim(value.substr(7));
  std::shared_ptr<const KeyVerifier> keys = state.keys.load();
  if (keys == nullptr) return Status(StatusCode::kUnauthenticated, "no API keys are loaded");
  SEKISHO_ASSIGN_OR_RETURN(KeyRecord key, keys->verify(token));
  caller.role = key.role;
  caller.bucket = "key:" + key.id;
  caller.rate = key.rate_limit > 0 ? key.rate_limit : state.options.rate_per_second;
  caller.key = std::move(key);
  return caller;
}

ApiResponse read_buffered_body(RequestContext& ctx, const BodyReader& reader, size_t limit) {
  const std::string length = ctx.http.header("Content-Length");
  if (!length.empty()) {
    Result<int> n = parse_query_int(length.size() > 9 ? "1000000000" : length, "Content-Length", 0);
    if (!n.ok() || static_cast<size_t>(*n) > limit) {
      return error_response(413, "payload_too_large",
                            "request body over the limit of " + std::to_string(limit) + " bytes");
    }
  }
  // Past the limit the rest is read and dropped rather than left on the
  // connection, where it would be taken for the next request.
  bool too_big = false;
  bool read = reader([&](const char* data, size_t n) {
    if (too_big || ctx.body.size() + n > limit) {
      too_big = true;
      return true;
    }
    ctx.body.append(data, n);
    return true;
  });
  if (too_big) {
    return error_response(413, "payload_too_large",
                          "request body over the limit of " + std::to_string(limit) + " bytes");
  }
  if (!read) return error_response(400, "bad_request", "the request body could not be read");
  return ApiResponse{.status = 0};
}

// `key_id` receives the id of the key that authenticated the request, for the access log.
ApiResponse handle(const Route& route, const HttpRequest& req, const BodyReader* reader, ServerState& state,
                   RateLimiter& limiter, std::string& key_id) {
  RequestContext ctx{.http = req, .state = state};
  Caller caller;
  if (route.role != Role::kNone) {
    Result<Caller> who = authenticate(req, state, route.key_in_query);
    if (!who.ok()) {
      ApiResponse r = error_response(who.status());
      r.headers.emplace_back("WWW-Authenticate", "Bearer");
      return r;
    }
    caller = std::move(who).value();
    if (caller.key) key_id = caller.key->id;
    if (caller.role < route.role) {
      return error_response(
          Status(StatusCode::kPermissionDenied, route.label() + " needs the " + std::string(role_name(route.role)) +
                                                    " role; this key has " + std::string(role_name(caller.role))));
    }
    int retry_after = limiter.take(caller.bucket, caller.rate, state.options.rate_burst);
    if (retry_after > 0) {
      ApiResponse r = error_response(Status(StatusCode::kResourceExhausted,
                                            "rate limit exceeded; retry in " + std::to_string(retry_after) + " s"));
      r.headers.emplace_back("Retry-After", std::to_string(retry_after));
      return r;
    }
    if (caller.key) ctx.principal = &*caller.key;
  }
  if (route.body == BodyMode::kBuffered && reader != nullptr) {
    ApiResponse failed = read_buffered_body(ctx, *reader, state.options.max_body_bytes);
    if (failed.status != 0) return failed;
  }
  ctx.reader = route.body == BodyMode::kStream ? reader : nullptr;
  ctx.snapshot = state.snapshots.get();
  if (route.needs_snapshot && ctx.snapshot == nullptr) {
    return error_response(unavailable("the lists are still loading; see GET /readyz"));
  }
  return route.handler(ctx);
}

void log_request(const ServerState& state, const HttpRequest& req, std::string_view route, int status,
                 std::chrono::nanoseconds elapsed, std::string_view key_id, std::string_view request_id) {
  if (!state.options.access_log) return;
  AccessEntry entry{.method = req.method,
                    .route = route,
                    .path = req.path,
                    .remote = req.remote_addr,
                    .key_id = key_id,
                    .request_id = request_id,
                    .status = status,
                    .duration = elapsed};
  write_log_line(access_log_line(entry, log_time_now(), state.options.log_format));
}

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    out.emplace_back(path.substr(start, slash - start));
    if (slash == std::string_view::npos) return out;
    start = slash + 1;
  }
}

}  // namespace

Router::Router(ServerState& state, const RouteTable& routes, RateLimiter& limiter)
    : state_(state), routes_(routes), limiter_(limiter) {
  for (const Route& route : routes) patterns_.push_back({split_path(route.path)});
}

// A "{name}" segment matches one non-empty path segment; others match literally.
bool Router::matches(const Pattern& pattern, std::string_view path, std::vector<std::string>* params) const {
  size_t at = 0;
  for (size_t i = 0; i < pattern.segments.size(); ++i) {
    if (i > 0) {
      if (at >= path.size() || path[at] != '/') return false;
      ++at;
    }
    size_t end = std::min(path.find('/', at), path.size());
    std::string_view segment = path.substr(at, end - at);
    const std::string& want = pattern.segments[i];
    if (want.size() >= 2 && want.front() == '{' && want.back() == '}') {
      if (segment.empty()) return false;
      if (params != nullptr) params->emplace_back(segment);
    } else if (segment != want) {
      return false;
    }
    at = end;
  }
  return at == path.size();
}

Router::Match Router::match(HttpRequest& req) const {
  std::string_view method = req.method == "HEAD" ? std::string_view("GET") : std::string_view(req.method);
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (routes_[i].method != method) continue;
    std::vector<std::string> params;
    if (!matches(patterns_[i], req.path, &params)) continue;
    req.matches = std::move(params);
    return {.slot = static_cast<int>(i), .body = routes_[i].body, .on_io_thread = routes_[i].on_io_thread};
  }
  return {};
}

ApiResponse Router::not_routed(const HttpRequest& req) const {
  // Another method on a known path is 405, with the methods that fit.
  std::string allowed;
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (!matches(patterns_[i], req.path, nullptr)) continue;
    if (allowed.find(routes_[i].method) == std::string::npos)
      allowed += (allowed.empty() ? "" : ", ") + routes_[i].method;
  }
  if (!allowed.empty()) {
    ApiResponse r = error_response(405, "method_not_allowed",
                                   req.method + " is not allowed on " + req.path + " (allowed: " + allowed + ")");
    r.headers.emplace_back("Allow", allowed);
    return r;
  }
  return error_response(404, "not_found", "no route " + req.method + " " + req.path + " (see /openapi.json)");
}

void Router::finish(ApiResponse& r, const HttpRequest& req, size_t slot, std::string_view route_label,
                    std::string_view key_id, Clock::time_point started) const {
  // Every answer carries its request id, so a client's report and the log line meet.
  std::string request_id = request_id_for(req.header("X-Request-Id"));
  r.headers.emplace_back("X-Request-Id", request_id);
  auto elapsed = Clock::now() - started;
  state_.metrics->record(slot, r.status, elapsed);
  log_request(state_, req, route_label, r.status, elapsed, key_id, request_id);
}

ApiResponse Router::respond(const Match& m, const HttpRequest& req, const BodyReader* reader) const {
  auto started = Clock::now();
  if (m.slot < 0) {
    ApiResponse r = not_routed(req);
    finish(r, req, state_.metrics->unmatched_slot(), "", "", started);
    return r;
  }
  const Route& route = routes_[static_cast<size_t>(m.slot)];
  ApiResponse r;
  std::string key_id;
  try {
    r = handle(route, req, reader, state_, limiter_, key_id);
  } catch (const std::exception& e) {
    r = error_response(internal_error(route.label() + ": " + e.what()));
  } catch (...) {
    r = error_response(internal_error(route.label() + ": unknown exception"));
  }
  finish(r, req, static_cast<size_t>(m.slot), route.label(), key_id, started);
  return r;
}

ApiResponse Router::refuse(const HttpRequest& req, int status, std::string_view code, std::string_view message) const {
  ApiResponse r = error_response(status, code, message);
  finish(r, req, state_.metrics->unmatched_slot(), "", "", Clock::now());
  return r;
}

}  // namespace sekisho::server
