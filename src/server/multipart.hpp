// A streaming reader of multipart/form-data bodies (RFC 7578), for list
// uploads: parts are handed on as they arrive, never held whole in memory.
//
//   MultipartParser parser(boundary_of(content_type), on_part, on_data);
//   while (…) if (!parser.feed(chunk.data(), chunk.size())) break;
//   bool whole = parser.done();
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "server/request.hpp"

namespace sekisho::server {

// The boundary parameter of a multipart Content-Type, or "" when it has none.
std::string multipart_boundary(std::string_view content_type);

class MultipartParser {
 public:
  // Called at the start of each part with its form field name and file name ("" when not sent).
  using PartStart = std::function<bool(const std::string& name, const std::string& filename)>;

  MultipartParser(std::string boundary, PartStart on_part, BodyReceiver on_data);
  // Reads the next bytes of the body. False once the body is malformed or a callback refused.
  bool feed(const char* data, size_t n);
  // True once the closing boundary was read.
  bool done() const { return state_ == State::kDone; }

 private:
  enum class State { kData, kAfterBoundary, kHeaders, kDone, kFailed };
  bool step();  // consumes what it can of buf_; false when it needs more bytes

  std::string delimiter_;  // "\r\n--" + boundary
  PartStart on_part_;
  BodyReceiver on_data_;
  // Parts begin after a delimiter; starting with "\r\n" lets the first
  // boundary, which has no line break before it, match the same delimiter.
  std::string buf_ = "\r\n";
  bool in_part_ = false;  // data before the first boundary is preamble, dropped
  State state_ = State::kData;
};

}  // namespace sekisho::server
