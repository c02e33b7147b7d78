#include "server/multipart.hpp"

#include "core/strings.hpp"

namespace sekisho::server {

namespace {

// A part's header block may not grow past this: it is a few short lines.
constexpr size_t kMaxPartHeaderBytes = 16 * 1024;

// The value of `key` among "; "-separated parameters ("form-data; name=\"f\"; filename=\"a.xml\"").
std::string header_parameter(std::string_view value, std::string_view key) {
  while (!value.empty()) {
    size_t semi = value.find(';');
    std::string_view item = trim(value.substr(0, semi));
    value = semi == std::string_view::npos ? std::string_view() : value.substr(semi + 1);
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view name = trim(item.substr(0, eq));
    if (name.size() != key.size() || !starts_with_ascii_ci(name, key)) continue;
    std::string_view v = trim(item.substr(eq + 1));
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    return std::string(v);
  }
  return "";
}

}  // namespace

std::string multipart_boundary(std::string_view content_type) { return header_parameter(content_type, "boundary"); }

MultipartParser::MultipartParser(std::string boundary, PartStart on_part, BodyReceiver on_data)
    : delimiter_("\r\n--" + boundary), on_part_(std::move(on_part)), on_data_(std::move(on_data)) {
  if (boundary.empty()) state_ = State::kFailed;
}

bool MultipartParser::feed(const char* data, size_t n) {
  if (state_ == State::kFailed) return false;
  if (state_ == State::kDone) return true;  // the epilogue is ignored
  buf_.append(data, n);
  while (step()) {
  }
  return state_ != State::kFailed;
}

bool MultipartParser::step() {
  switch (state_) {
    case State::kData: {
      size_t at = buf_.find(delimiter_);
      if (at == std::string::npos) {
        // Everything but a tail that could be the start of a delimiter is data.
        size_t keep = std::min(buf_.size(), delimiter_.size() - 1);
        size_t emit = buf_.size() - keep;
        if (emit > 0 && in_part_ && !on_data_(buf_.data(), emit)) state_ = State::kFailed;
        buf_.erase(0, emit);
        return false;
      }
      if (at > 0 && in_part_ && !on_data_(buf_.data(), at)) {
        state_ = State::kFailed;
        return false;
      }
      buf_.erase(0, at + delimiter_.size());
      state_ = State::kAfterBoundary;
      return true;
    }
    case State::kAfterBoundary:
      if (buf_.size() < 2) return false;
      if (buf_.compare(0, 2, "--") == 0) {
        state_ = State::kDone;
      } else if (buf_.compare(0, 2, "\r\n") == 0) {
        buf_.erase(0, 2);
        state_ = State::kHeaders;
        return true;
      } else {
        state_ = State::kFailed;
      }
      return false;
    case State::kHeaders: {
      if (buf_.size() < 2) return false;
      // A part with no headers at all starts with the blank line.
      size_t end = buf_.compare(0, 2, "\r\n") == 0 ? 0 : buf_.find("\r\n\r\n");
      if (end == std::string::npos) {
        if (buf_.size() > kMaxPartHeaderBytes) state_ = State::kFailed;
        return false;
      }
      std::string name, filename;
      std::string_view block(buf_.data(), end);
      while (!block.empty()) {
        size_t eol = block.find("\r\n");
        std::string_view line = block.substr(0, eol);
        block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
        size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string_view field = trim(line.substr(0, colon));
        if (field.size() != 19 || !starts_with_ascii_ci(field, "Content-Disposition")) continue;
        name = header_parameter(line.substr(colon + 1), "name");
        filename = header_parameter(line.substr(colon + 1), "filename");
      }
      buf_.erase(0, end == 0 ? 2 : end + 4);
      if (!on_part_(name, filename)) {
        state_ = State::kFailed;
        return false;
      }
      in_part_ = true;
      state_ = State::kData;
      return true;
    }
    case State::kDone:
    case State::kFailed:
      return false;
  }
  return false;
}

}  // namespace sekisho::server
