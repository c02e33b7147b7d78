// The server's own view of one HTTP request: what route handlers read,
// whichever HTTP library parsed it off the wire.
//
//   HttpRequest req;
//   req.method = "GET";
//   set_target(req, "/v1/search?q=Ivan%20Petrov&lists=un,eu");
//   req.param("q");   // "Ivan Petrov"
//
// Plain data: one request is read by one thread at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sekisho::server {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;                // "GET", "POST", … as sent
  std::string path;                  // URL-decoded, without the query
  Fields params;                     // query parameters, URL-decoded, in the order sent
  Fields headers;                    // as sent; names compare case-insensitively
  std::vector<std::string> matches;  // path parameters of the matched route ({id} → 0, …)
  std::string remote_addr;           // the client's address
  int local_port = 0;                // the port the request came in on

  // The first header called `name` (any case), or "".
  std::string header(std::string_view name) const;
  bool has_header(std::string_view name) const;
  // The `i`th query parameter called `name`, or "".
  std::string param(std::string_view name, size_t i = 0) const;
  size_t param_count(std::string_view name) const;
  bool has_param(std::string_view name) const { return param_count(name) > 0; }
  // Content-Type multipart/form-data (list uploads from browsers and curl -F).
  bool is_multipart_form_data() const;
};

// Receives the body as it arrives; returning false stops the reading.
using BodyReceiver = std::function<bool(const char* data, size_t n)>;
// Reads the whole request body into `receive`, chunk by chunk. False when it
// could not be read whole: the client stalled or went away, or `receive`
// refused a chunk.
using BodyReader = std::function<bool(const BodyReceiver& receive)>;

// "%41+b" → "A b" with `plus_as_space` (query strings, forms), "A+b" without (paths).
std::string url_decode(std::string_view text, bool plus_as_space);
// Splits "a=1&b=x%20y" into decoded pairs, appended to `out`.
void parse_form(std::string_view text, Fields& out);
// Sets `req.path` and `req.params` from a request target ("/path?query").
void set_target(HttpRequest& req, std::string_view target);

}  // namespace sekisho::server
