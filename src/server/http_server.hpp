// The HTTP/1.1 server under the routes: Boost.Beast on a few I/O threads,
// handlers on a bounded worker pool.
//
// Why this shape: a thread per connection (cpp-httplib) lets a handful of
// clients that send a byte a second, or a few thousand idle keep-alive
// connections, hold every thread, and nothing answers, /healthz included.
// Here the I/O threads only wait, parse and write, each step under a deadline
// (TLS handshake and header, body in proportion to its size, idle keep-alive,
// write); a connection costs a socket and a few kilobytes, not a thread.
// Connections are capped per client address and in total: at the total cap a
// new client takes the place of the connection idle longest, and is refused
// (503, close) only when none is idle. A request reaches a worker once its
// head (and, but for uploads, its body) has arrived, so a slow client never
// holds a worker; /healthz and /readyz are answered on the I/O thread itself.
//
//   HttpServer http(options, router);
//   SEKISHO_RETURN_IF_ERROR(http.listen());   // binds; serving once this returns
//   …
//   http.stop();                             // drains, then closes
//
// Thread safety: listen() and stop() are called by one owner thread; stop()
// blocks until every thread the server started has ended.
#pragma once

#include <memory>

#include "sekisho/server.hpp"
#include "sekisho/status.hpp"
#include "server/dispatch.hpp"

namespace sekisho::server {

class HttpServer {
 public:
  // Reads the TLS certificate and key when options.tls_cert is set. `router`
  // must outlive the server.
  static Result<std::unique_ptr<HttpServer>> create(const ServerOptions& options, const Router& router);
  ~HttpServer();  // stops the server
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds options.host:options.port and starts the I/O and worker threads.
  Status listen();
  // The bound port, after listen().
  int port() const;
  // Stops accepting, closes idle connections, lets requests in flight finish
  // for up to options.drain_timeout, then closes the rest and joins the threads.
  void stop();

  struct Core;

 private:
  explicit HttpServer(std::shared_ptr<Core> core);
  std::shared_ptr<Core> core_;
};

}  // namespace sekisho::server
