#include "server/request.hpp"

#include "core/strings.hpp"

namespace sekisho::server {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool same_name(std::string_view a, std::string_view b) { return a.size() == b.size() && starts_with_ascii_ci(a, b); }

}  // namespace

std::string HttpRequest::header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (same_name(n, name)) return v;
  }
  return "";
}

bool HttpRequest::has_header(std::string_view name) const {
  for (const auto& h : headers) {
    if (same_name(h.first, name)) return true;
  }
  return false;
}

std::string HttpRequest::param(std::string_view name, size_t i) const {
  for (const auto& [n, v] : params) {
    if (n == name && i-- == 0) return v;
  }
  return "";
}

size_t HttpRequest::param_count(std::string_view name) const {
  size_t count = 0;
  for (const auto& p : params) count += p.first == name;
  return count;
}

bool HttpRequest::is_multipart_form_data() const {
  return starts_with_ascii_ci(trim(header("Content-Type")), "multipart/form-data");
}

std::string url_decode(std::string_view text, bool plus_as_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else if (c == '+' && plus_as_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

void parse_form(std::string_view text, Fields& out) {
  while (!text.empty()) {
    size_t amp = text.find('&');
    std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string_view name = pair.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    out.emplace_back(url_decode(name, true), url_decode(value, true));
  }
}

void set_target(HttpRequest& req, std::string_view target) {
  size_t q = target.find('?');
  req.path = url_decode(target.substr(0, q), false);
  req.params.clear();
  if (q != std::string_view::npos) parse_form(target.substr(q + 1), req.params);
}

}  // namespace sekisho::server
