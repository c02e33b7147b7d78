// `sekisho serve`: run the HTTP API until SIGINT or SIGTERM.
#include <signal.h>

#include <iostream>

#include "cli/cli.hpp"
#include "sekisho/cases.hpp"
#include "sekisho/server.hpp"

namespace sekisho::cli {

namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8000";
  bool allow_remote = false;
  bool no_auth = false;
  std::string tls_cert;
  std::string tls_key;
  double rate_limit = -1;  // -1: ServerOptions' default
  double rate_burst = -1;
  size_t max_body = 0;
  size_t max_upload = 0;
  int threads = 0;
  int io_threads = 0;
  double header_timeout = 0;
  double idle_timeout = 0;
  double drain_timeout = -1;
  size_t max_connections = 0;
  long max_connections_per_client = -1;
  int poll_seconds = 0;
  bool access_log = false;
  std::string log_format = "text";
  std::string policies;
};

// "host:port", "[::1]:port" or ":port" (loopback).
Status parse_listen(const std::string& text, ServerOptions& options) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos) return invalid_argument("--listen: expected HOST:PORT, got '" + text + "'");
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.empty()) host = "127.0.0.1";
  std::string port = text.substr(colon + 1);
  int value = 0;
  for (char c : port) {
    if (c < '0' || c > '9' || value > 65535) return invalid_argument("--listen: bad port '" + port + "'");
    value = value * 10 + (c - '0');
  }
  if (port.empty() || value > 65535) return invalid_argument("--listen: bad port '" + port + "'");
  options.host = host;
  options.port = value;
  return Status();
}

Status run_serve(const GlobalOptions& global, const ServeArgs& args) {
  ServerOptions options;
  SEKISHO_ASSIGN_OR_RETURN(options.home, resolve_home(global));
  options.case_store = case_store_at(options.home).url;
  SEKISHO_RETURN_IF_ERROR(parse_listen(args.listen, options));
  options.allow_remote = args.allow_remote;
  options.no_auth = args.no_auth;
  options.tls_cert = args.tls_cert;
  options.tls_key = args.tls_key;
  if (args.rate_limit >= 0) options.rate_per_second = args.rate_limit;
  if (args.rate_burst >= 0) options.rate_burst = args.rate_burst;
  if (args.max_body > 0) options.max_body_bytes = args.max_body;
  if (args.max_upload > 0) options.max_upload_bytes = args.max_upload;
  if (args.poll_seconds > 0) options.poll_interval = std::chrono::seconds(args.poll_seconds);
  options.threads = args.threads;
  if (args.io_threads > 0) options.io_threads = args.io_threads;
  auto millis = [](double seconds) { return std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000)); };
  if (args.header_timeout > 0) options.header_timeout = millis(args.header_timeout);
  if (args.idle_timeout > 0) options.idle_timeout = millis(args.idle_timeout);
  if (args.drain_timeout >= 0) options.drain_timeout = millis(args.drain_timeout);
  if (args.max_connections > 0) options.max_connections = args.max_connections;
  if (args.max_connections_per_client >= 0) {
    options.max_connections_per_client = static_cast<size_t>(args.max_connections_per_client);
  }
  options.access_log = args.access_log;
  if (args.log_format == "json") {
    options.log_format = LogFormat::kJson;
  } else if (args.log_format != "text") {
    return invalid_argument("--log-format must be text or json, not '" + args.log_format + "'");
  }
  // The transfer-check route needs the policy bundle; without one found it
  // answers 503 and everything else serves as usual.
  if (Result<std::filesystem::path> policies = find_policy_dir(args.policies); policies.ok()) {
    options.policies = *policies;
  } else {
    std::cerr << "sekisho serve: " << policies.status().message() << "; POST /v1/transfers/check is off" << std::endl;
  }

  // Block the stop signals before any thread starts, so every thread
  // inherits the mask and only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  SEKISHO_ASSIGN_OR_RETURN(auto server, Server::create(std::move(options)));
  SEKISHO_RETURN_IF_ERROR(server->start());
  const char* scheme = args.tls_cert.empty() ? "http" : "https";
  std::cerr << "sekisho serve: listening on " << scheme << "://" << args.listen.substr(0, args.listen.rfind(':')) << ":"
            << server->port() << (args.no_auth ? " (no auth: every caller is admin)" : "") << std::endl;
  int sig = 0;
  sigwait(&stop_signals, &sig);
  std::cerr << "sekisho serve: stopping (" << (sig == SIGINT ? "SIGINT" : "SIGTERM") << ")" << std::endl;
  server->stop();
  return Status();
}

}  // namespace

void add_serve_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* sub = app.add_subcommand("serve", "Run the HTTP API (see docs/server.md)");
  sub->add_option("--listen", args->listen, "HOST:PORT to bind (default 127.0.0.1:8000; port 0 picks one)");
  sub->add_flag("--allow-remote", args->allow_remote, "Allow binding an address other machines can reach");
  sub->add_flag("--no-auth", args->no_auth, "Serve without API keys, every caller admin (loopback only)");
  sub->add_option("--tls-cert", args->tls_cert, "PEM certificate chain: serve HTTPS");
  sub->add_option("--tls-key", args->tls_key, "PEM private key for --tls-cert");
  sub->add_option("--rate-limit", args->rate_limit, "Requests per second per key (0 = unlimited; default 200)");
  sub->add_option("--rate-burst", args->rate_burst, "Burst size of the per-key rate limit (default 400)");
  sub->add_option("--max-body", args->max_body, "Largest request body in bytes, uploads excepted (default 4 MiB)");
  sub->add_option("--max-upload", args->max_upload, "Largest list upload in bytes (default 512 MiB)");
  sub->add_option("--threads", args->threads, "Worker threads running handlers (default 8)");
  sub->add_option("--io-threads", args->io_threads, "Threads reading and writing connections (default 2)");
  sub->add_option("--header-timeout", args->header_timeout,
                  "Seconds a client has to send a request head once it starts (default 10)");
  sub->add_option("--idle-timeout", args->idle_timeout, "Seconds a keep-alive connection may wait idle (default 30)");
  sub->add_option("--drain-timeout", args->drain_timeout,
                  "Seconds SIGTERM lets requests under way finish before closing (default 10)");
  sub->add_option("--max-connections", args->max_connections, "Most open connections in all (default 4096)");
  sub->add_option("--max-connections-per-client", args->max_connections_per_client,
                  "Most open connections from one address (default 256; 0 = no cap)");
  sub->add_option("--poll", args->poll_seconds, "Seconds between checks for new list versions and keys (default 2)");
  sub->add_flag("--access-log", args->access_log,
                "Log every request to stderr (time, route, status, duration, key id, request id)");
  sub->add_option("--log-format", args->log_format, "text, or json: one JSON object per log line")
      ->capture_default_str();
  sub->add_option(
      "--policies", args->policies,
      "Policy bundle for POST /v1/transfers/check (default $SEKISHO_POLICIES or the repository's policies/)");
  set_command_body(sub, [&global, args] { return run_serve(global, *args); });
}

}  // namespace sekisho::cli
