#include "server/http_server.hpp"

#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <boost/algorithm/string/predicate.hpp>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <condition_variable>
#include <deque>
#include <future>
#include <list>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "server/access_log.hpp"

namespace sekisho::server {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using boost::system::error_code;

namespace {

// A request head (request line and headers) may not be larger.
constexpr uint32_t kHeaderLimit = 16 * 1024;
// Bytes of body read at a time.
constexpr size_t kChunkBytes = 16 * 1024;
// How long a closing connection waits for the client to read the answer and
// hang up, before the socket is closed under it.
constexpr auto kLinger = std::chrono::seconds(1);
// Answers smaller than this go out uncompressed: gzip costs more than it saves.
constexpr size_t kCompressMinBytes = 16 * 1024;
constexpr int kDefaultWorkers = 8;

std::string text(beast::string_view s) { return std::string(s.data(), s.size()); }

bool accepts_gzip(std::string_view accept_encoding) { return accept_encoding.find("gzip") != std::string_view::npos; }

std::optional<std::string> gzip(std::string_view data) {
  z_stream z{};
  // windowBits 15 + 16: a gzip header and trailer around the deflate stream.
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

// Runs handlers. Tasks are bounded by the connections: each holds at most one.
class WorkerPool {
 public:
  explicit WorkerPool(int threads) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { run(); });
  }
  ~WorkerPool() { stop(); }
  void post(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) return;
      tasks_.push_back(std::move(task));
    }
    wake_.notify_one();
  }
  // Drops tasks not yet started and joins the threads once their current task ends.
  void stop() {
    std::deque<std::function<void()>> dropped;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
      dropped.swap(tasks_);
    }
    wake_.notify_all();
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

 private:
  void run() {
    while (true) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
        if (stopping_) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> tasks_;
  std::vector<std::thread> threads_;
  bool stopping_ = false;
};

// Where a connection is in its request cycle; kIdle and kHeader connections
// have no request under way and may be closed to make room or to stop.
enum class Phase { kIdle, kHeader, kBody, kHandler, kWriting, kClosed };

class ConnectionBase : public std::enable_shared_from_this<ConnectionBase> {
 public:
  virtual ~ConnectionBase() = default;
  // Closes the connection if it is between requests (posted to its strand).
  virtual void close_if_waiting() = 0;
  // Closes the connection whatever it is doing (posted to its strand).
  virtual void close_now() = 0;

  std::atomic<Phase> phase{Phase::kHeader};
  std::atomic<Clock::rep> waiting_since{0};  // when it began to wait for its current request
  std::atomic<bool> evicted{false};          // gave its place to a new connection: closes after its answer
  std::string client;                        // the client's address
  bool registered = false;                   // counted in Core; guarded by Core::mutex
  std::list<ConnectionBase*>::iterator where;
};

}  // namespace

struct HttpServer::Core {
  Core(const ServerOptions& o, const Router& r) : options(o), router(r) {}

  ServerOptions options;
  const Router& router;

  // Open connections, counted per client address and in total.
  std::mutex mutex;
  std::condition_variable drained;
  std::unordered_map<std::string, size_t> per_client;
  std::list<ConnectionBase*> connections;
  size_t open = 0;
  size_t max_connections = 0;  // options.max_connections within the open-file limit
  std::atomic<bool> draining{false};
  std::atomic<bool> stopped{false};
  bool stop_called = false;

  std::unique_ptr<WorkerPool> workers;
  // Declared before io: TLS streams, which live in io's handlers, use it.
  std::optional<ssl::context> tls;
  net::io_context io;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
  tcp::acceptor acceptor{net::make_strand(io)};
  net::steady_timer accept_retry{acceptor.get_executor()};
  std::vector<std::thread> io_threads;
  int port = 0;

  void accept();
  void admit(tcp::socket socket);
  // Makes room for one connection or says why there is none; caller holds mutex.
  std::shared_ptr<ConnectionBase> oldest_waiting();
  void unregister(ConnectionBase& c);  // caller holds mutex
  void forget(ConnectionBase& c) {
    std::lock_guard<std::mutex> lock(mutex);
    unregister(c);
  }
  std::chrono::nanoseconds body_timeout(uint64_t bytes) const {
    double rate = static_cast<double>(std::max<size_t>(options.min_body_rate, 1));
    return options.body_timeout +
           std::chrono::nanoseconds(static_cast<int64_t>(1e9 * static_cast<double>(bytes) / rate));
  }
};

namespace {

template <class Stream>
class Connection : public ConnectionBase {
 public:
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

  Connection(HttpServer::Core& core, tcp::socket socket) : core_(core), stream_(make_stream(core, std::move(socket))) {
    error_code ec;
    tcp::endpoint remote = lowest().socket().remote_endpoint(ec);
    request_.remote_addr = ec ? "" : remote.address().to_string();
    tcp::endpoint local = lowest().socket().local_endpoint(ec);
    request_.local_port = ec ? 0 : local.port();
    client = request_.remote_addr;
    lowest().socket().set_option(tcp::no_delay(true), ec);
  }
  ~Connection() override { core_.forget(*this); }

  void start() {
    waiting_since = Clock::now().time_since_epoch().count();
    // The first request's deadline runs from the connection: the handshake and the head share it.
    lowest().expires_after(core_.options.header_timeout);
    if constexpr (kTls) {
      stream_.async_handshake(ssl::stream_base::server, [self = self()](error_code ec) {
        if (ec) return self->close();
        self->read_header(false);
      });
    } else {
      read_header(false);
    }
  }

  // Answers 503 and closes: the server is at a connection cap.
  void refuse(const std::string& why) {
    if constexpr (kTls) {
      close();
    } else {
      net::dispatch(stream_.get_executor(), [self = self(), why] {
        self->keep_alive_ = false;
        ApiResponse r = self->core_.router.refuse(self->request_, 503, "unavailable", why);
        r.headers.emplace_back("Retry-After", "1");
        self->reply(std::move(r));
      });
    }
  }

  void close_if_waiting() override {
    net::post(stream_.get_executor(), [self = self()] {
      Phase p = self->phase.load();
      if (p == Phase::kIdle || p == Phase::kHeader) {
        self->close();
      } else {
        self->keep_alive_ = false;  // a request under way is answered first
      }
    });
  }
  void close_now() override {
    net::post(stream_.get_executor(), [self = self()] { self->close(); });
  }

 private:
  static Stream make_stream(HttpServer::Core& core, tcp::socket socket) {
    if constexpr (kTls) {
      return Stream(std::move(socket), *core.tls);
    } else {
      return Stream(std::move(socket));
    }
  }
  std::shared_ptr<Connection> self() { return std::static_pointer_cast<Connection>(shared_from_this()); }
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

  // Between requests: the idle timeout runs until the next request's first byte.
  void wait_next() {
    phase = Phase::kIdle;
    waiting_since = Clock::now().time_since_epoch().count();
    if (core_.draining || evicted) return close();
    if (buffer_.size() > 0) return read_header(true);  // pipelined: already here
    lowest().expires_after(core_.options.idle_timeout);
    stream_.async_read_some(buffer_.prepare(kChunkBytes), [self = self()](error_code ec, size_t n) {
      if (ec) return self->close();
      self->buffer_.commit(n);
      self->read_header(true);
    });
  }

  void read_header(bool start_deadline) {
    phase = Phase::kHeader;
    if (start_deadline) lowest().expires_after(core_.options.header_timeout);
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    // A declared length over every limit is refused as soon as the head is read.
    parser_->body_limit(std::max(core_.options.max_body_bytes, core_.options.max_upload_bytes));
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = self()](error_code ec, size_t) { self->on_header(ec); });
  }

  void on_header(error_code ec) {
    if (ec) return on_read_error(ec, true);
    auto& head = parser_->get();
    request_.method = text(head.method_string());
    set_target(request_, text(head.target()));
    request_.headers.clear();
    for (const auto& field : head) request_.headers.emplace_back(text(field.name_string()), text(field.value()));
    request_.matches.clear();
    version_ = head.version();
    head_only_ = head.method() == http::verb::head;
    ++served_;
    keep_alive_ = head.keep_alive() && served_ < core_.options.max_requests_per_connection;
    match_ = core_.router.match(request_);

    bool has_body = !parser_->is_done();
    size_t limit = match_.body == BodyMode::kStream ? core_.options.max_upload_bytes : core_.options.max_body_bytes;
    boost::optional<uint64_t> length = parser_->content_length();
    if (length && *length > limit) return too_large(limit);
    body_deadline_ = Clock::now() + core_.body_timeout(length ? *length : limit);
    parser_->body_limit(limit);
    body_.clear();
    if (match_.on_io_thread && !has_body) {
      // Liveness and readiness never wait for a worker.
      BodyReader none = [](const BodyReceiver&) { return true; };
      return reply(core_.router.respond(match_, request_, &none));
    }
    if (!has_body) return run_handler();
    // curl asks before sending a large body, and waits a second for the go-ahead.
    if (boost::iequals(text(head[http::field::expect]), "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      lowest().expires_after(std::chrono::seconds(core_.options.write_timeout_seconds));
      return net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                              [self = self()](error_code ec, size_t) {
                                if (ec) return self->close();
                                self->read_request_body();
                              });
    }
    read_request_body();
  }

  void read_request_body() {
    if (match_.body == BodyMode::kStream) return run_handler();  // the handler reads it as it comes
    read_body();
  }

  void on_read_error(error_code ec, bool in_head) {
    if (ec == http::error::body_limit) {
      return too_large(
          in_head ? std::max(core_.options.max_body_bytes, core_.options.max_upload_bytes)
                  : (match_.body == BodyMode::kStream ? core_.options.max_upload_bytes : core_.options.max_body_bytes));
    }
    // Timeouts, resets and closes end the connection quietly; a request
    // that is malformed gets its JSON error first.
    if (ec.category() != http::make_error_code(http::error::bad_method).category() ||
        ec == http::error::end_of_stream || ec == http::error::partial_message) {
      return close();
    }
    keep_alive_ = false;
    bool too_long = ec == http::error::header_limit || ec == http::error::buffer_overflow;
    reply(core_.router.refuse(request_, too_long ? 431 : 400, "bad_request",
                              too_long ? "request head over " + std::to_string(kHeaderLimit) + " bytes"
                                       : "malformed request (" + ec.message() + ")"));
  }

  void too_large(size_t limit) {
    // The body is left unread: the connection cannot carry another request.
    keep_alive_ = false;
    reply(core_.router.refuse(request_, 413, "payload_too_large",
                              "request body over the limit of " + std::to_string(limit) + " bytes"));
  }

  // Reads the next piece of the body into chunk_; `done(ec, n)` gets its size.
  template <class Done>
  void read_chunk(Done done) {
    if (!chunk_) chunk_ = std::make_unique<char[]>(kChunkBytes);
    auto& body = parser_->get().body();
    body.data = chunk_.get();
    body.size = kChunkBytes;
    // The whole body has its deadline; within it, no gap between bytes may pass the read timeout.
    lowest().expires_at(
        std::min(body_deadline_, Clock::now() + std::chrono::seconds(core_.options.read_timeout_seconds)));
    http::async_read_some(stream_, buffer_, *parser_, [self = self(), done = std::move(done)](error_code ec, size_t) {
      if (ec == http::error::need_buffer) ec = {};
      done(ec, kChunkBytes - self->parser_->get().body().size);
    });
  }

  void read_body() {
    phase = Phase::kBody;
    read_chunk([this](error_code ec, size_t n) {
      if (ec) return on_read_error(ec, false);
      body_.append(chunk_.get(), n);
      if (parser_->is_done()) return run_handler();
      read_body();
    });
  }

  // On a worker: the next piece of an upload, read by the I/O thread.
  bool pull_body(const BodyReceiver& receive) {
    while (true) {
      auto promise = std::make_shared<std::promise<std::pair<error_code, size_t>>>();
      std::future<std::pair<error_code, size_t>> next = promise->get_future();
      net::post(stream_.get_executor(), [self = self(), promise] {
        if (self->parser_->is_done()) return promise->set_value({error_code(), 0});
        self->read_chunk([promise](error_code ec, size_t n) { promise->set_value({ec, n}); });
      });
      while (next.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
        if (core_.stopped) return false;
      }
      std::pair<error_code, size_t> got;
      try {
        got = next.get();
      } catch (const std::future_error&) {
        return false;  // the read was dropped: the server stopped
      }
      if (got.first) return false;
      if (got.second > 0 && !receive(chunk_.get(), got.second)) return false;
      if (parser_->is_done()) return true;
    }
  }

  void run_handler() {
    phase = Phase::kHandler;
    core_.workers->post([self = self()] {
      bool stream = self->match_.body == BodyMode::kStream;
      BodyReader reader;
      if (stream) {
        reader = [&self](const BodyReceiver& receive) { return self->pull_body(receive); };
      } else {
        reader = [&self](const BodyReceiver& receive) {
          return self->body_.empty() || receive(self->body_.data(), self->body_.size());
        };
      }
      ApiResponse r = self->core_.router.respond(self->match_, self->request_, &reader);
      net::post(self->stream_.get_executor(), [self, r = std::move(r)]() mutable {
        // An upload refused before it was read leaves its body on the connection.
        if (!self->parser_->is_done()) self->keep_alive_ = false;
        self->reply(std::move(r));
      });
    });
  }

  void reply(ApiResponse r) {
    phase = Phase::kWriting;
    auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(r.status),
                                                                   version_ == 10 ? 10 : 11);
    for (auto& [name, value] : r.headers) res->insert(name, value);
    res->set(http::field::content_type, r.content_type);
    if (r.body.size() >= kCompressMinBytes && accepts_gzip(request_.header("Accept-Encoding"))) {
      if (std::optional<std::string> packed = gzip(r.body)) {
        r.body = std::move(*packed);
        res->set(http::field::content_encoding, "gzip");
      }
    }
    res->keep_alive(keep_alive_ && !core_.draining);
    if (head_only_) {
      res->content_length(r.body.size());
    } else {
      res->body() = std::move(r.body);
      res->prepare_payload();
    }
    lowest().expires_after(std::chrono::seconds(core_.options.write_timeout_seconds));
    http::async_write(stream_, *res, [self = self(), res](error_code ec, size_t) {
      if (ec) return self->close();
      if (!res->keep_alive()) return self->finish();
      self->parser_.reset();
      self->chunk_.reset();
      self->body_.clear();
      self->head_only_ = false;
      self->wait_next();
    });
  }

  // Ends the connection after its last answer, letting the client read it.
  void finish() {
    phase = Phase::kClosed;
    lowest().expires_after(kLinger);
    if constexpr (kTls) {
      stream_.async_shutdown([self = self()](error_code) { self->close(); });
    } else {
      error_code ec;
      lowest().socket().shutdown(tcp::socket::shutdown_send, ec);
      linger();
    }
  }
  // Reads and drops what the client still sends until it hangs up or kLinger passes.
  void linger() {
    if (!chunk_) chunk_ = std::make_unique<char[]>(kChunkBytes);
    lowest().async_read_some(net::buffer(chunk_.get(), kChunkBytes), [self = self()](error_code ec, size_t) {
      if (ec) return self->close();
      self->linger();
    });
  }

  void close() {
    phase = Phase::kClosed;
    error_code ec;
    lowest().socket().shutdown(tcp::socket::shutdown_both, ec);
    lowest().close();
    core_.forget(*this);
  }

  HttpServer::Core& core_;
  Stream stream_;
  beast::flat_buffer buffer_{kHeaderLimit + kChunkBytes};
  std::optional<http::request_parser<http::buffer_body>> parser_;
  std::unique_ptr<char[]> chunk_;  // only while a body is read
  HttpRequest request_;
  std::string body_;
  Router::Match match_;
  Clock::time_point body_deadline_;
  unsigned version_ = 11;
  unsigned served_ = 0;
  bool keep_alive_ = false;
  bool head_only_ = false;
};

}  // namespace

void HttpServer::Core::unregister(ConnectionBase& c) {
  if (!c.registered) return;
  c.registered = false;
  auto it = per_client.find(c.client);
  if (it != per_client.end() && --it->second == 0) per_client.erase(it);
  connections.erase(c.where);
  --open;
  if (open == 0) drained.notify_all();
}

std::shared_ptr<ConnectionBase> HttpServer::Core::oldest_waiting() {
  ConnectionBase* best = nullptr;
  for (ConnectionBase* c : connections) {
    Phase p = c->phase.load();
    if (p != Phase::kIdle && p != Phase::kHeader) continue;
    if (best == nullptr || c->waiting_since.load() < best->waiting_since.load()) best = c;
  }
  // Its destructor needs `mutex`, held here, so it is alive; lock() is null
  // when that destructor is already waiting.
  return best ? best->weak_from_this().lock() : nullptr;
}

void HttpServer::Core::admit(tcp::socket socket) {
  std::shared_ptr<ConnectionBase> conn;
  std::function<void()> start;
  std::function<void(const std::string&)> refuse;
  if (tls) {
    auto c = std::make_shared<Connection<beast::ssl_stream<beast::tcp_stream>>>(*this, std::move(socket));
    start = [c] { c->start(); };
    refuse = [c](const std::string& why) { c->refuse(why); };
    conn = c;
  } else {
    auto c = std::make_shared<Connection<beast::tcp_stream>>(*this, std::move(socket));
    start = [c] { c->start(); };
    refuse = [c](const std::string& why) { c->refuse(why); };
    conn = c;
  }
  std::string refused;
  std::shared_ptr<ConnectionBase> evicted;
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (draining) return;
    auto it = per_client.find(conn->client);
    size_t mine = it == per_client.end() ? 0 : it->second;
    if (options.max_connections_per_client > 0 && mine >= options.max_connections_per_client) {
      refused = "too many connections from " + conn->client + " (at most " +
                std::to_string(options.max_connections_per_client) + ")";
    } else if (max_connections > 0 && open >= max_connections) {
      // A connection with no request under way gives way to one that is new.
      evicted = oldest_waiting();
      if (evicted) {
        evicted->evicted = true;
        unregister(*evicted);
      } else {
        refused = "the server is at its limit of " + std::to_string(max_connections) + " connections";
      }
    }
    if (refused.empty()) {
      ++per_client[conn->client];
      ++open;
      conn->registered = true;
      conn->where = connections.insert(connections.end(), conn.get());
    }
  }
  if (evicted) evicted->close_if_waiting();
  if (!refused.empty()) return refuse(refused);
  start();
}

void HttpServer::Core::accept() {
  acceptor.async_accept(net::make_strand(io), [this](error_code ec, tcp::socket socket) {
    if (!acceptor.is_open() || draining) return;
    if (ec) {
      // Out of file descriptors (or another passing failure): try again
      // shortly rather than spin; closing connections frees descriptors.
      accept_retry.expires_after(std::chrono::milliseconds(50));
      accept_retry.async_wait([this](error_code wait) {
        if (!wait) accept();
      });
      return;
    }
    admit(std::move(socket));
    accept();
  });
}

HttpServer::HttpServer(std::shared_ptr<Core> core) : core_(std::move(core)) {}

HttpServer::~HttpServer() { stop(); }

Result<std::unique_ptr<HttpServer>> HttpServer::create(const ServerOptions& options, const Router& router) {
  auto core = std::make_shared<Core>(options, router);
  if (!options.tls_cert.empty()) {
    core->tls.emplace(ssl::context::tls_server);
    error_code ec;
    core->tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                               ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1,
                           ec);
    if (!ec) core->tls->use_certificate_chain_file(options.tls_cert, ec);
    if (!ec) core->tls->use_private_key_file(options.tls_key, ssl::context::pem, ec);
    if (ec) {
      return invalid_argument("cannot load the TLS certificate " + options.tls_cert + " and key " + options.tls_key +
                              ": " + ec.message());
    }
  }
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(core)));
}

Status HttpServer::listen() {
  Core& core = *core_;
  const ServerOptions& options = core.options;
  error_code ec;
  net::ip::address address = net::ip::make_address(options.host == "localhost" ? "127.0.0.1" : options.host, ec);
  if (ec) return invalid_argument("cannot listen on " + options.host + ": not an IP address");
  tcp::endpoint endpoint(address, static_cast<uint16_t>(options.port));
  core.acceptor.open(endpoint.protocol(), ec);
  if (!ec) core.acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) core.acceptor.bind(endpoint, ec);
  if (!ec) core.acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return unavailable("cannot listen on " + options.host + ":" + std::to_string(options.port) + " (" + ec.message() +
                       ")");
  }
  core.port = core.acceptor.local_endpoint().port();

  // Every connection is a descriptor: take what the hard limit allows, and
  // keep the total cap under it with room for the stores and log files.
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
    if (files.rlim_cur < files.rlim_max) {
      files.rlim_cur = files.rlim_max;
      setrlimit(RLIMIT_NOFILE, &files);
      getrlimit(RLIMIT_NOFILE, &files);
    }
    size_t usable = files.rlim_cur > 128 ? static_cast<size_t>(files.rlim_cur) - 64 : 64;
    core.max_connections = options.max_connections == 0 ? usable : std::min(options.max_connections, usable);
  } else {
    core.max_connections = options.max_connections;
  }

  core.workers = std::make_unique<WorkerPool>(options.threads > 0 ? options.threads : kDefaultWorkers);
  core.work.emplace(core.io.get_executor());
  core.accept();
  for (int i = 0; i < std::max(options.io_threads, 1); ++i) {
    core.io_threads.emplace_back([&core] {
      // A handler that throws (out of memory) costs its connection, not the server.
      while (true) {
        try {
          core.io.run();
          return;
        } catch (const std::exception& e) {
          write_log_line(std::string("sekisho serve: I/O thread: ") + e.what());
        }
      }
    });
  }
  return Status();
}

int HttpServer::port() const { return core_->port; }

void HttpServer::stop() {
  Core& core = *core_;
  {
    std::lock_guard<std::mutex> lock(core.mutex);
    if (core.stop_called) return;
    core.stop_called = true;
    core.draining = true;
  }
  if (core.io_threads.empty()) return;  // never listened
  net::post(core.acceptor.get_executor(), [&core] {
    error_code ec;
    core.acceptor.close(ec);
    core.accept_retry.cancel();
  });
  // Connections between requests close now; requests under way finish
  // (answered with Connection: close) until the drain deadline.
  std::vector<std::shared_ptr<ConnectionBase>> live;
  auto collect = [&] {
    live.clear();
    std::lock_guard<std::mutex> lock(core.mutex);
    for (ConnectionBase* c : core.connections) {
      if (auto p = c->weak_from_this().lock()) live.push_back(std::move(p));
    }
  };
  collect();
  for (auto& c : live) c->close_if_waiting();
  live.clear();
  {
    std::unique_lock<std::mutex> lock(core.mutex);
    core.drained.wait_for(lock, core.options.drain_timeout, [&] { return core.open == 0; });
  }
  core.stopped = true;
  collect();
  for (auto& c : live) c->close_now();
  live.clear();
  core.workers->stop();
  core.work.reset();
  // Give the posted closes a moment to run, then end what is left.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  core.io.stop();
  for (std::thread& t : core.io_threads) t.join();
  core.io_threads.clear();
}

}  // namespace sekisho::server
