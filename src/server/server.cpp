// Server lifecycle: option checks, binding, the listener thread and the
// reloader thread that keeps the snapshot and the API keys current.
#include "sekisho/server.hpp"

#include <arpa/inet.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "sekisho/update.hpp"
#include "server/access_log.hpp"
#include "server/case_routes.hpp"
#include "server/dispatch.hpp"
#include "server/http_server.hpp"
#include "server/state.hpp"

namespace sekisho {

namespace {

void register_routes(server::RouteTable& routes) {
  server::add_system_routes(routes);
  server::add_list_routes(routes);
  server::add_entity_routes(routes);
  server::add_yente_routes(routes);
  server::add_key_routes(routes);
  server::add_screen_routes(routes);
  server::add_match_routes(routes);
  server::add_reconcile_routes(routes);
  server::add_transfer_routes(routes);
  server::add_case_routes(routes);
}

void log_line(const std::string& line) { server::write_log_line("sekisho serve: " + line); }

// A snapshot build holds the new index beside the old one, an import parses a whole list on a
// worker thread, and both free it all again once the swap is done. glibc keeps freed memory in
// the arena of the thread that allocated it, for reuse, and gives back to the kernel only what
// lies at the top of an arena, so the free middle of each arena stays resident: without a trim
// the resident size climbed with every reload although nothing leaked (the soak of
// bench/README.md). malloc_trim hands the free pages of every arena back (madvise), so the
// resident size follows what the snapshots hold. Once per build attempt: it walks every arena,
// which costs far less than the build.
void return_freed_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

// One line per list load: which versions are served now, and how old each list is.
void log_snapshot(const Snapshot& snap, LogFormat format) {
  std::vector<ListAge> ages = list_ages(snap.lists, default_sources());
  if (format == LogFormat::kJson) {
    nlohmann::ordered_json j;
    j["time"] = server::log_time_now();
    j["event"] = "lists_loaded";
    j["generation"] = snap.generation;
    j["entities"] = snap.entity_count;
    j["build_seconds"] = snap.build_seconds;
    nlohmann::ordered_json lists = nlohmann::ordered_json::array();
    for (const ListAge& a : ages) {
      nlohmann::ordered_json l;
      l["list"] = a.list_id;
      l["version"] = a.version ? nlohmann::ordered_json(a.version->version) : nlohmann::ordered_json(nullptr);
      l["publication_date"] = a.version ? a.version->publication_date : "";
      l["age_seconds"] = a.age_seconds < 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(a.age_seconds);
      l["state"] = list_age_state_name(a.state);
      lists.push_back(std::move(l));
    }
    j["lists"] = std::move(lists);
    server::write_log_line(j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    return;
  }
  // Stale and undated lists by name; missing ones counted (GET /v1/lists names them).
  std::string flagged;
  size_t missing = 0;
  for (const ListAge& a : ages) {
    if (a.state == ListAgeState::kMissing)
      ++missing;
    else if (a.flagged())
      flagged += (flagged.empty() ? "" : ", ") + a.list_id + " " + std::string(list_age_state_name(a.state));
  }
  if (missing) flagged += (flagged.empty() ? "" : ", ") + std::to_string(missing) + " catalogue lists missing";
  log_line("serving snapshot " + std::to_string(snap.generation) + ": " + std::to_string(snap.lists.size()) +
           " lists, " + std::to_string(snap.entity_count) + " entities (built in " +
           std::to_string(snap.build_seconds) + " s)" +
           (flagged.empty() ? "" : "; stale, undated or missing: " + flagged));
}

}  // namespace

bool is_loopback_host(std::string_view host) {
  if (host == "localhost") return true;
  std::string h(host);
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  in_addr v4{};
  if (inet_pton(AF_INET, h.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, h.c_str(), &v6) == 1) {
    if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
    return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
  }
  return false;
}

struct Server::Impl {
  server::ServerState state;
  server::RouteTable routes;
  server::RateLimiter limiter;
  std::unique_ptr<server::Router> router;
  std::unique_ptr<server::HttpServer> http;
  int port = 0;

  std::thread reloader;
  std::mutex mutex;
  std::condition_variable wake;
  bool reload_requested = false;
  bool started = false;
  bool stopping = false;
  bool stopped = false;
  std::condition_variable stopped_cv;

  uint64_t generation = 0;
  std::optional<std::string> failed_fingerprint;  // a failed build is retried only after the store changes

  void reload_loop();
  void poll_once(std::unique_ptr<ListStore>& store);
  Result<std::shared_ptr<const Snapshot>> build_snapshot_caught(ListStore& store);
};

// A build that throws (a hook's exception, memory running out while indexing) is a failed
// build like one that returns an error: thrown out of the reloader's thread, it would end
// the process and take the serving snapshot with it.
Result<std::shared_ptr<const Snapshot>> Server::Impl::build_snapshot_caught(ListStore& store) {
  try {
    return build_snapshot(store, state.options.snapshot_hooks, generation + 1);
  } catch (const std::exception& e) {
    return internal_error("building snapshot " + std::to_string(generation + 1) + " threw: " + e.what());
  } catch (...) {
    return internal_error("building snapshot " + std::to_string(generation + 1) + " threw a non-standard exception");
  }
}

void Server::Impl::poll_once(std::unique_ptr<ListStore>& store) {
  if (store == nullptr) {
    auto opened = ListStore::open(state.options.home);
    if (!opened.ok()) {
      log_line("cannot open the list store: " + opened.status().to_string());
      return;
    }
    store = std::move(opened).value();
  }
  Result<std::vector<ListVersion>> lists = store->lists();
  if (!lists.ok()) {
    log_line("cannot read list versions: " + lists.status().to_string());
    return;
  }
  std::string fingerprint = server::lists_fingerprint(*lists);
  std::shared_ptr<const Snapshot> current = state.snapshots.get();
  if ((current == nullptr || current->fingerprint != fingerprint) && fingerprint != failed_fingerprint) {
    auto next = build_snapshot_caught(*store);
    if (next.ok()) {
      ++generation;
      failed_fingerprint.reset();
      state.build_status.succeeded();
      log_snapshot(**next, state.options.log_format);
      state.snapshots.publish(std::move(next).value());
    } else {
      failed_fingerprint = fingerprint;
      state.build_status.failed(generation + 1, next.status().to_string());
      log_line(std::string(current == nullptr ? "snapshot failed, nothing to serve yet: "
                                              : "new snapshot failed, still serving the previous one: ") +
               next.status().to_string());
    }
    // The previous snapshot goes now unless a request still pins it (then with that request,
    // and its pages at the next build's trim).
    current.reset();
    return_freed_memory();
  }
  // Keys created or revoked by `sekisho keys` in another process.
  std::lock_guard<std::mutex> lock(state.key_store_mutex);
  auto keys = state.key_store->load_verifier();
  if (!keys.ok()) {
    log_line("cannot read API keys: " + keys.status().to_string());
    return;
  }
  std::shared_ptr<const KeyVerifier> old = state.keys.load();
  if (old == nullptr || old->fingerprint() != (*keys)->fingerprint()) state.keys.store(std::move(keys).value());
}

void Server::Impl::reload_loop() {
  std::unique_ptr<ListStore> store;  // this thread's own connection
  while (true) {
    poll_once(store);
    std::unique_lock<std::mutex> lock(mutex);
    wake.wait_for(lock, state.options.poll_interval, [&] { return stopping || reload_requested; });
    if (stopping) return;
    reload_requested = false;
  }
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { stop(); }

Result<std::unique_ptr<Server>> Server::create(ServerOptions options) {
  if (options.home.empty()) return invalid_argument("serve: no data directory");
  if (!is_loopback_host(options.host) && !options.allow_remote) {
    return invalid_argument("binding " + options.host +
                            " lets other machines connect; pass --allow-remote to mean it (and put TLS in front, "
                            "see docs/server.md)");
  }
  if (options.no_auth && !is_loopback_host(options.host)) {
    return invalid_argument(
        "--no-auth serves every route, import included, to anyone who connects: it is only "
        "allowed on a loopback address");
  }
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    return invalid_argument("TLS needs both --tls-cert and --tls-key");
  }
  if (options.port < 0 || options.port > 65535) return invalid_argument("port out of range");
  if (options.max_body_bytes == 0 || options.max_upload_bytes == 0)
    return invalid_argument("body limits must be positive");
  if (options.header_timeout.count() <= 0 || options.idle_timeout.count() <= 0 || options.body_timeout.count() <= 0 ||
      options.read_timeout_seconds <= 0 || options.write_timeout_seconds <= 0 || options.drain_timeout.count() < 0) {
    return invalid_argument("timeouts must be positive");
  }
  if (options.max_requests_per_connection == 0) return invalid_argument("max requests per connection must be positive");

  auto impl = std::make_unique<Impl>();
  SEKISHO_ASSIGN_OR_RETURN(impl->state.key_store, KeyStore::open(options.home));
  SEKISHO_ASSIGN_OR_RETURN(int active, impl->state.key_store->active_count());
  if (active == 0 && !options.no_auth) {
    return invalid_argument("no API keys in " + impl->state.key_store->path().string() +
                            ": create one with `sekisho keys create --role admin`, or pass --no-auth to serve "
                            "loopback callers without keys");
  }
  SEKISHO_RETURN_IF_ERROR(impl->state.refresh_keys());
  if (!options.policies.empty()) {
    // Loaded once: a bundle that does not compile stops the start, rather
    // than a server that answers every transfer check with an error.
    SEKISHO_ASSIGN_OR_RETURN(std::unique_ptr<rules::Policy> policy, rules::load_policy_dir(options.policies));
    // A changed bundle is an audit entry from the start, not only at the first recorded decision.
    SEKISHO_ASSIGN_OR_RETURN(impl->state.policy_files, read_policy_bundle_files(options.policies, policy->info()));
    SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(server::case_store_at(options)));
    SEKISHO_RETURN_IF_ERROR(cases->record_policy_bundle(impl->state.policy_files, "sekisho serve").status());
    impl->state.policy = std::move(policy);
  }

  // The access log is written by the dispatcher, which knows the route, the key and the time taken.
  impl->state.options = std::move(options);
  register_routes(impl->routes);
  std::vector<std::string> labels;
  for (const server::Route& r : impl->routes) labels.push_back(r.label());
  impl->state.metrics = std::make_unique<server::Metrics>(std::move(labels));
  impl->router = std::make_unique<server::Router>(impl->state, impl->routes, impl->limiter);
  SEKISHO_ASSIGN_OR_RETURN(impl->http, server::HttpServer::create(impl->state.options, *impl->router));
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Status Server::start() {
  Impl& impl = *impl_;
  {
    std::lock_guard<std::mutex> lock(impl.mutex);
    if (impl.started) return invalid_argument("server already started");
    impl.started = true;
  }
  SEKISHO_RETURN_IF_ERROR(impl.http->listen());
  impl.port = impl.http->port();
  impl.state.request_reload = [&impl] {
    {
      std::lock_guard<std::mutex> lock(impl.mutex);
      impl.reload_requested = true;
    }
    impl.wake.notify_all();
  };
  impl.reloader = std::thread([&impl] { impl.reload_loop(); });
  return Status();
}

void Server::stop() {
  Impl& impl = *impl_;
  {
    std::lock_guard<std::mutex> lock(impl.mutex);
    if (!impl.started || impl.stopping) return;
    impl.stopping = true;
  }
  impl.wake.notify_all();
  impl.http->stop();
  if (impl.reloader.joinable()) impl.reloader.join();
  {
    std::lock_guard<std::mutex> lock(impl.mutex);
    impl.stopped = true;
  }
  impl.stopped_cv.notify_all();
}

void Server::wait() {
  std::unique_lock<std::mutex> lock(impl_->mutex);
  impl_->stopped_cv.wait(lock, [&] { return impl_->stopped || !impl_->started; });
}

int Server::port() const { return impl_->port; }

std::shared_ptr<const Snapshot> Server::snapshot() const { return impl_->state.snapshots.get(); }

bool Server::wait_for_generation(uint64_t generation, std::chrono::milliseconds timeout) const {
  return impl_->state.snapshots.wait_until([generation](const Snapshot& s) { return s.generation >= generation; },
                                           timeout);
}

void Server::request_reload() {
  if (impl_->state.request_reload) impl_->state.request_reload();
}

std::vector<std::string> Server::routes() const {
  std::vector<std::string> out;
  for (const server::Route& r : impl_->routes) out.push_back(r.label());
  return out;
}

}  // namespace sekisho
