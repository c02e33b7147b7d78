#include "server/dispatch.hpp"

#include <chrono>
#include <exception>
#include <iostream>
#include <optional>
#include <regex>

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

// cpp-httplib compresses every JSON and text answer a client accepts
// compressed, and prefers Brotli at quality 11 (Debian builds it with brotli):
// ~1 ms for a few kilobytes, several times the screening itself. Small answers
// go out as they are; large ones (diffs, metrics, the OpenAPI document) with
// gzip only. httplib reads the request's Accept-Encoding once the handler has
// returned; the request is httplib's own non-const object, handed to handlers
// as const, so rewriting that header here is sound.
constexpr size_t kCompressMinBytes = 16 * 1024;

void limit_compression(const httplib::Request& req, size_t body_bytes) {
  auto& headers = const_cast<httplib::Headers&>(req.headers);
  auto [begin, end] = headers.equal_range("Accept-Encoding");
  if (begin == end) return;
  bool gzip = false;
  for (auto it = begin; it != end; ++it) gzip = gzip || it->second.find("gzip") != std::string::npos;
  headers.erase("Accept-Encoding");
  if (gzip && body_bytes >= kCompressMinBytes) headers.emplace("Accept-Encoding", "gzip");
}

void write(const ApiResponse& r, const httplib::Request& req, httplib::Response& res) {
  limit_compression(req, r.body.size());
  res.status = r.status;
  for (const auto& [name, value] : r.headers) res.set_header(name, value);
  res.set_content(r.body, r.content_type.c_str());
}

// Every answer carries its request id, so a client's report and the log line meet.
std::string tag_request(const httplib::Request& req, httplib::Response& res) {
  std::string id = request_id_for(req.get_header_value("X-Request-Id"));
  res.set_header("X-Request-Id", id);
  return id;
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

}  // namespace

HttpRequest to_request(const httplib::Request& req) {
  HttpRequest out;
  out.method = req.method;
  out.path = req.path;
  for (const auto& p : req.params) out.params.emplace_back(p.first, p.second);
  for (const auto& h : req.headers) out.headers.emplace_back(h.first, h.second);
  for (size_t i = 1; i < req.matches.size(); ++i) out.matches.push_back(req.matches[i].str());
  out.remote_addr = req.remote_addr;
  out.local_port = req.local_port;
  return out;
}

std::string path_regex(const std::string& path_template) {
  static const std::string kSpecial = R"(\^$.|?*+()[]{})";
  std::string out;
  for (size_t i = 0; i < path_template.size(); ++i) {
    char c = path_template[i];
    if (c == '{') {
      size_t close = path_template.find('}', i);
      if (close != std::string::npos) {
        out += "([^/]+)";
        i = close;
        continue;
      }
    }
    if (kSpecial.find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

void install_routes(httplib::Server& http, ServerState& state, const RouteTable& routes, RateLimiter& limiter) {
  for (size_t slot = 0; slot < routes.size(); ++slot) {
    const Route& route = routes[slot];
    auto serve = [&state, &limiter, &route, slot](const httplib::Request& req, httplib::Response& res,
                                                  const httplib::ContentReader* reader) {
      auto started = Clock::now();
      HttpRequest request = to_request(req);
      // Notes whether anything read the body, so it can be drained below.
      bool consumed = false;
      BodyReader tracked = [&req, reader, &consumed](const BodyReceiver& receive) {
        consumed = true;
        // cpp-httplib parses a multipart body itself when the request says it
        // is one; the import route reads the raw bytes with its own parser.
        if (req.is_multipart_form_data()) {
          auto& headers = const_cast<httplib::Headers&>(req.headers);
          std::string type = req.get_header_value("Content-Type");
          headers.erase("Content-Type");
          headers.emplace("X-Multipart-Content-Type", type);
        }
        return (*reader)([&receive](const char* data, size_t n) { return receive(data, n); });
      };
      ApiResponse r;
      std::string key_id;
      try {
        r = handle(route, request, reader != nullptr ? &tracked : nullptr, state, limiter, key_id);
      } catch (const std::exception& e) {
        r = error_response(internal_error(route.label() + ": " + e.what()));
      } catch (...) {
        r = error_response(internal_error(route.label() + ": unknown exception"));
      }
      // A request refused before its body was read (401, 403, 413, 429, 400)
      // still has that body on the connection: read it off so a keep-alive
      // client's next request is parsed from the right place. cpp-httplib
      // skips bodies over its payload limit without buffering them.
      if (reader != nullptr && !consumed) {
        (*reader)([](const char*, size_t) { return true; });
      }
      write(r, req, res);
      std::string request_id = tag_request(req, res);
      auto elapsed = Clock::now() - started;
      state.metrics->record(slot, r.status, elapsed);
      log_request(state, request, route.label(), r.status, elapsed, key_id, request_id);
    };
    std::string pattern = path_regex(route.path);
    if (route.method == "GET") {
      http.Get(pattern, [serve](const httplib::Request& req, httplib::Response& res) { serve(req, res, nullptr); });
    } else if (route.method == "POST") {
      http.Post(pattern, [serve](const httplib::Request& req, httplib::Response& res,
                                 const httplib::ContentReader& reader) { serve(req, res, &reader); });
    } else if (route.method == "DELETE") {
      http.Delete(pattern, [serve](const httplib::Request& req, httplib::Response& res,
                                   const httplib::ContentReader& reader) { serve(req, res, &reader); });
    }
  }

  // Requests that reached no route (unknown path, wrong method, oversized or
  // malformed) get the same JSON error shape as route errors.
  auto regexes = std::make_shared<std::vector<std::regex>>();
  for (const Route& route : routes) regexes->emplace_back(path_regex(route.path));
  httplib::Server::HandlerWithResponse on_error = [&state, &routes, regexes](const httplib::Request& req,
                                                                             httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // a route's own error
    auto started = Clock::now();
    ApiResponse r;
    // cpp-httplib answers 404 for a path with no handler of this method, and
    // 400 for a bodiless POST there: both mean 405 when another method fits.
    std::string allowed;
    bool method_fits = false;
    for (size_t i = 0; i < routes.size(); ++i) {
      if (!std::regex_match(req.path, (*regexes)[i])) continue;
      method_fits = method_fits || routes[i].method == req.method;
      if (allowed.find(routes[i].method) == std::string::npos)
        allowed += (allowed.empty() ? "" : ", ") + routes[i].method;
    }
    if ((res.status == 404 || res.status == 400) && !allowed.empty() && !method_fits) {
      r = error_response(405, "method_not_allowed",
                         req.method + " is not allowed on " + req.path + " (allowed: " + allowed + ")");
      r.headers.emplace_back("Allow", allowed);
    } else if (res.status == 404) {
      r = error_response(404, "not_found", "no route " + req.method + " " + req.path + " (see /openapi.json)");
    } else if (res.status == 413) {
      r = error_response(413, "payload_too_large", "request body over the server's limit");
    } else {
      r = error_response(res.status, res.status < 500 ? "bad_request" : "internal",
                         "malformed request (HTTP " + std::to_string(res.status) + ")");
    }
    write(r, req, res);
    std::string request_id = tag_request(req, res);
    state.metrics->record(state.metrics->unmatched_slot(), r.status, std::chrono::nanoseconds(0));
    log_request(state, to_request(req), "", r.status, Clock::now() - started, "", request_id);
    return httplib::Server::HandlerResponse::Handled;
  };
  http.set_error_handler(std::move(on_error));
  http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    write(error_response(internal_error("unhandled exception")), req, res);
  });
}

}  // namespace sekisho::server
