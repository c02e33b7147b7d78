// sekisho/server.hpp — the HTTP API server (`sekisho serve`).
//
// The server answers sekisho's own API under /v1 and yente-compatible routes
// (/entities/{id}, /catalog) over the same core the CLI uses. Requests read an
// immutable Snapshot of the stored lists; when a list gets a new version
// (imported through the API, or by the CLI and noticed by polling the store),
// a new Snapshot is built on a background thread and swapped in atomically:
// requests in flight finish on the snapshot they started with.
//
//   sekisho::ServerOptions options;
//   options.home = "/var/lib/sekisho";
//   options.port = 8000;
//   auto server = sekisho::Server::create(options);
//   if (!server.ok()) return server.status();
//   SEKISHO_RETURN_IF_ERROR((*server)->start());   // listening once this returns
//   (*server)->wait();                              // until stop() from another thread
//
// Security defaults: loopback only unless allow_remote; API keys required
// (see keys.hpp) unless no_auth, which is refused together with allow_remote.
// docs/server.md describes routes, roles, limits and TLS.
//
// Thread safety: start(), stop() and wait() may be called from any thread;
// snapshot() is safe on any thread at any time.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sekisho/entity.hpp"
#include "sekisho/screen.hpp"
#include "sekisho/status.hpp"
#include "sekisho/store.hpp"

namespace sekisho {

// What requests read: the latest version of every stored list, its entities
// and the screening index over them. Immutable once published; shared by all
// requests that pinned it.
struct Snapshot {
  uint64_t generation = 0;   // 1 for the first snapshot, +1 per swap
  std::string loaded_at;     // UTC ISO 8601
  double build_seconds = 0;  // time spent loading and indexing

  std::vector<ListVersion> lists;  // latest version of each list, by list id
  size_t entity_count = 0;

  // List ids, versions and content hashes: the reloader rebuilds when the
  // store's version of this string differs.
  std::string fingerprint;

  // The screening index over every entity of `lists`; it owns the entities
  // (loaded once from the store). Never null in a published snapshot.
  std::shared_ptr<const Screener> screener;

  // What the yente routes show of an entity beyond the entity itself.
  struct EntityFacts {
    std::string yente_id;     // the source's own FollowTheMoney id (lists in format "ftm"), else the entity id
    std::string first_seen;   // import time of the first version of its list that held it (ListStore::entity_history)
    std::string last_change;  // import time of the version that last added or changed it
    int group = -1;           // index in `groups`, or -1: no other list names the same party
  };
  struct Located {
    const Entity* entity = nullptr;
    const ListVersion* list = nullptr;
    const EntityFacts* facts = nullptr;
  };
  // The entity with this id (sekisho's list-prefixed id, or its yente_id) in
  // any list, or {nullptr, nullptr, nullptr}.
  Located find(std::string_view entity_id) const;
  // Index of list `list_id` in `lists`, or -1.
  int list_index(std::string_view list_id) const;

  // The same listed party on several lists (src/screen/entity_groups.hpp for
  // the rules), each of two or more members, best-known first: an FtM-id
  // member, else the smallest id.
  std::vector<std::vector<Located>> groups;

  // Fills the id lookup once the screener is in place; `list_of_id` gives each
  // entity id's index in `lists`, `history` each list's entity_history (same
  // order as `lists`). Then groups the entities. Called by the builder.
  void index_ids(const std::vector<std::pair<std::string, uint32_t>>& list_of_id,
                 const std::vector<std::vector<EntityHistory>>& history);

 private:
  std::unordered_map<std::string_view, Located> by_id_;  // keys view the screener's entities and facts_
  std::vector<EntityFacts> facts_;                       // one per entity, never resized once filled
};

// Adds derived data (the screening index) to a snapshot being built; an error
// keeps the previous snapshot serving and is logged.
using SnapshotHook = std::function<Status(Snapshot& next)>;

// Loads every list's latest version from `store`, builds the screening index
// over it and runs `hooks`.
Result<std::shared_ptr<const Snapshot>> build_snapshot(ListStore& store, const std::vector<SnapshotHook>& hooks,
                                                       uint64_t generation);

// How the server writes its log lines (requests and list loads) to stderr.
enum class LogFormat {
  kText,  // one readable line each
  kJson,  // one JSON object per line, for log shippers
};

struct ServerOptions {
  // Data directory holding sekisho.db (lists) and keys.db (API keys).
  std::filesystem::path home;
  // The case store: "" (or "sqlite:") for cases.db in `home`, or a postgresql:// URL for one
  // that a team's servers share. `sekisho serve` passes $SEKISHO_CASE_STORE.
  std::string case_store;
  // Address to bind. Anything but loopback (127.0.0.0/8, ::1, localhost) needs allow_remote.
  std::string host = "127.0.0.1";
  // Port to bind; 0 picks a free one (tests), see Server::port().
  int port = 8000;
  bool allow_remote = false;
  // Serve without API keys: every caller is admin. Refused with allow_remote.
  bool no_auth = false;
  // Both set: serve HTTPS with this PEM certificate chain and private key.
  std::string tls_cert;
  std::string tls_key;

  // Largest request body for every route but list import (bytes).
  size_t max_body_bytes = size_t{4} << 20;
  // Largest upload for POST /v1/lists/{id}/import (bytes).
  size_t max_upload_bytes = size_t{512} << 20;
  // Most parties in one screening request (POST /v1/screen, /match/{dataset},
  // /reconcile/{dataset}); yente's own limit is 100.
  size_t max_batch = 1000;
  // The work budget of one screening (ScreenOptions::max_pairs; 0: none). A party whose
  // screening spends it is answered "complete": false with the reason, never as clean.
  size_t max_pairs_per_query = kDefaultMaxPairs;
  // Policy bundle directory (policies/) for POST /v1/transfers/check, loaded
  // once by create(); empty: that route answers 503.
  std::filesystem::path policies;
  // Token bucket per API key (per client address when no_auth): sustained
  // requests per second and burst size. 0 disables the limit. A key's own
  // rate (keys create --rate-limit) overrides `rate_per_second`.
  double rate_per_second = 200;
  double rate_burst = 400;
  // A client that sends nothing for this long in the middle of a request
  // body, or reads nothing of an answer, is disconnected.
  int read_timeout_seconds = 30;
  int write_timeout_seconds = 30;

  // Connection limits (src/server/http_server.hpp says why they exist):
  // Time from a new connection (TLS handshake included), or from the first
  // byte of a keep-alive connection's next request, to the end of the request
  // head; a slower client is disconnected.
  std::chrono::milliseconds header_timeout{10000};
  // A request body must arrive within body_timeout plus its size at
  // min_body_rate bytes per second (a 4 MiB body: 10 s + 64 s).
  std::chrono::milliseconds body_timeout{10000};
  size_t min_body_rate = 64 * 1024;
  // How long a keep-alive connection may wait for its next request.
  std::chrono::milliseconds idle_timeout{30000};
  // Requests answered on one connection before it is closed.
  unsigned max_requests_per_connection = 1000;
  // Most open connections from one client address; more are answered 503
  // and closed. 0: no cap. Behind a proxy every client has its address.
  size_t max_connections_per_client = 256;
  // Most open connections in all (kept under the open-file limit); at the cap
  // a new connection takes the place of the one waiting longest for a
  // request, or is answered 503 when every one has a request under way. 0: the open-file limit.
  size_t max_connections = 4096;
  // How long stop() (SIGTERM, SIGINT) lets requests under way finish before
  // closing their connections.
  std::chrono::milliseconds drain_timeout{10000};
  // How often the store's list versions and the key store are polled for
  // changes made by other processes (CLI import, keys revoke).
  std::chrono::milliseconds poll_interval{2000};
  // Worker threads running handlers; 0: 8. Connections do not hold one.
  int threads = 0;
  // Threads that accept connections, read requests and write answers.
  int io_threads = 2;
  // Log one line per request to stderr: time, route, status, duration, key id,
  // request id (the client's X-Request-Id when it sends a sane one, else a new one).
  bool access_log = false;
  // Text or JSON lines, for the access log and the list-load lines.
  LogFormat log_format = LogFormat::kText;

  // Run on every snapshot build, in order (see SnapshotHook).
  std::vector<SnapshotHook> snapshot_hooks;
};

// True for addresses that only this machine can reach.
bool is_loopback_host(std::string_view host);

class Server {
 public:
  // Checks options (binding, auth, TLS files) and opens the stores.
  static Result<std::unique_ptr<Server>> create(ServerOptions options);
  ~Server();  // stops the server
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving on background threads; the first snapshot loads
  // in the background (GET /readyz answers 503 until it is in).
  Status start();
  // Stops accepting, lets requests in flight finish (up to
  // options.drain_timeout), closes every connection, joins the threads.
  void stop();
  // Blocks until stop() was called (from another thread or a signal handler thread).
  void wait();

  // The bound port (after start()).
  int port() const;
  // The snapshot requests currently read; nullptr before the first load.
  std::shared_ptr<const Snapshot> snapshot() const;
  // Waits until a snapshot with at least `generation` is published.
  bool wait_for_generation(uint64_t generation, std::chrono::milliseconds timeout) const;
  // Asks the reloader to compare the store with the snapshot now.
  void request_reload();

  // Every registered route as "METHOD /path/{param}", for the OpenAPI check.
  std::vector<std::string> routes() const;
  // The OpenAPI 3 document served at /openapi.json.
  static std::string_view openapi_document();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sekisho
