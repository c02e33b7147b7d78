// The server's shared state and the shape of a route: what handlers see.
//
// A route is a method, an OpenAPI path template ("/v1/entities/{id}"), the
// least role that may call it and a handler. Handlers stay thin: read the
// request, call the core, turn its Status into an ApiResponse. The
// dispatcher (dispatch.cpp) does authentication, rate limiting, body limits,
// snapshot pinning, metrics and turns exceptions into 500s around them.
//
// To add routes: write x_routes.cpp with add_x_routes(RouteTable&) and call
// it from register_routes() in server.cpp; add the paths to openapi.json (a
// test compares the two).
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sekisho/cases.hpp"
#include "sekisho/keys.hpp"
#include "sekisho/rules.hpp"
#include "sekisho/server.hpp"
#include "sekisho/store.hpp"
#include "server/build_status.hpp"
#include "server/http_response.hpp"
#include "server/metrics.hpp"
#include "server/request.hpp"

namespace sekisho::server {

// The case store `options` name (ServerOptions::case_store), with the setting its URL comes
// from for errors.
inline CaseStoreLocation case_store_at(const ServerOptions& options) {
  return CaseStoreLocation(options.home, options.case_store, "SEKISHO_CASE_STORE");
}

// "list@3:hash;…" over latest versions: equal strings mean equal data.
std::string lists_fingerprint(const std::vector<ListVersion>& lists);

// Holds the current snapshot; swapped whole, never modified.
class SnapshotHolder {
 public:
  std::shared_ptr<const Snapshot> get() const { return current_.load(std::memory_order_acquire); }
  void publish(std::shared_ptr<const Snapshot> next);
  // Waits until `done(snapshot)` holds for a published snapshot, or the timeout passes.
  bool wait_until(const std::function<bool(const Snapshot&)>& done, std::chrono::milliseconds timeout) const;

 private:
  std::atomic<std::shared_ptr<const Snapshot>> current_;
  mutable std::mutex mutex_;
  mutable std::condition_variable published_;
};

// Everything handlers may reach besides the request.
struct ServerState {
  ServerOptions options;
  SnapshotHolder snapshots;
  std::atomic<std::shared_ptr<const KeyVerifier>> keys;

  // The key store is one SQLite connection: key routes take this lock.
  std::mutex key_store_mutex;
  std::unique_ptr<KeyStore> key_store;

  // Per-route counters; created once the routes are known.
  std::unique_ptr<Metrics> metrics;
  // The reloader's snapshot builds that failed (the previous snapshot kept serving).
  BuildStatus build_status;

  // Wakes the reloader (set by Server::start).
  std::function<void()> request_reload;

  // A store connection for one request (diff, import). SQLite WAL lets these
  // read while another process writes.
  Result<std::unique_ptr<ListStore>> open_store() const { return ListStore::open(options.home); }
  // The policy bundle for transfer decisions; null when none was configured.
  std::shared_ptr<const rules::Policy> policy;
  // Its files' hashes as read at start, for the audit log of recorded decisions.
  PolicyBundleFiles policy_files;

  // Re-reads the active keys after a change made through the API. Caller holds key_store_mutex.
  Status refresh_keys();
};

enum class BodyMode {
  kNone,      // body ignored
  kBuffered,  // read into RequestContext::body, up to options.max_body_bytes
  kStream,    // the handler reads it through RequestContext::reader (uploads)
};

struct RequestContext {
  const HttpRequest& http;
  ServerState& state;
  std::shared_ptr<const Snapshot> snapshot;  // pinned for the whole request
  const KeyRecord* principal = nullptr;      // the caller's key; nullptr on open routes or with no_auth
  std::string body;
  const BodyReader* reader = nullptr;

  // Path parameter `i` ({id} → 0, …), URL-decoded.
  std::string param(size_t i) const { return i < http.matches.size() ? http.matches[i] : ""; }
  // Query parameter, or "" when absent.
  std::string query(const char* name) const { return http.param(name); }
  bool has_query(const char* name) const { return http.has_param(name); }
};

using Handler = std::function<ApiResponse(RequestContext&)>;

struct Route {
  std::string method;  // "GET", "POST", "DELETE"
  std::string path;    // OpenAPI template
  Role role = Role::kNone;
  BodyMode body = BodyMode::kNone;
  bool needs_snapshot = false;  // 503 until the first snapshot is loaded
  // Also accept the key as ?api_key= (OpenRefine cannot send headers). Only
  // for routes whose clients need it: keys in URLs end up in logs.
  bool key_in_query = false;
  // Answered on the I/O thread that read it, never queued behind the
  // workers: only for handlers that never block (liveness, readiness).
  bool on_io_thread = false;
  Handler handler;

  std::string label() const { return method + " " + path; }
};

using RouteTable = std::vector<Route>;

void add_system_routes(RouteTable& routes);     // /healthz, /readyz, /metrics, /openapi.json
void add_list_routes(RouteTable& routes);       // /v1/lists, diff, import
void add_entity_routes(RouteTable& routes);     // /v1/entities/{id}
void add_yente_routes(RouteTable& routes);      // /entities/{id}, /catalog
void add_key_routes(RouteTable& routes);        // /v1/keys
void add_screen_routes(RouteTable& routes);     // /v1/screen, /v1/search
void add_match_routes(RouteTable& routes);      // yente /match/{dataset}, /search/{dataset}
void add_reconcile_routes(RouteTable& routes);  // /reconcile/{dataset}
void add_transfer_routes(RouteTable& routes);   // /v1/transfers/check

// Parses a whole non-negative decimal number; `what` names it in the error.
Result<int> parse_query_int(const std::string& text, const char* what, int fallback);
// Parses a score in [0, 1] ("0.8"); `what` names it in the error.
Result<double> parse_query_score(const std::string& text, const char* what, double fallback);

}  // namespace sekisho::server
