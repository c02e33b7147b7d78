#include "io/utf8.hpp"

#include <algorithm>
#include <cstdint>

#include <unicode/utf8.h>

namespace sekisho {

namespace {

// U8_NEXT at `pos`: the code point (negative when ill-formed), `pos` advanced. It reads at most
// the four bytes a sequence can have, so offsets past INT32_MAX in a large file are no matter.
UChar32 decode(std::string_view s, size_t& pos) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data()) + pos;
  if (p[0] < 0x80) {
    ++pos;
    return p[0];
  }
  const int32_t length = static_cast<int32_t>(std::min<size_t>(4, s.size() - pos));
  UChar32 cp = 0;
  int32_t i = 0;
  U8_NEXT(p, i, length, cp);
  pos += static_cast<size_t>(i);
  return cp;
}

}  // namespace

char32_t next_code_point(std::string_view s, size_t& pos) {
  const UChar32 cp = decode(s, pos);
  return cp < 0 ? U'\uFFFD' : static_cast<char32_t>(cp);
}

size_t utf8_sequence_length(std::string_view s, size_t pos) {
  size_t end = pos;
  return decode(s, end) < 0 ? 0 : end - pos;
}

size_t find_invalid_utf8(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t start = pos;
    if (decode(s, pos) < 0) return start;
  }
  return std::string_view::npos;
}

void append_utf8(std::string& out, char32_t cp) {
  uint8_t buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, static_cast<UChar32>(cp), error);
  if (!error) out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) out.push_back(next_code_point(s, pos));
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t cp : s) append_utf8(out, cp);
  return out;
}

}  // namespace sekisho
