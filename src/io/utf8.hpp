// UTF-8 decoding and encoding: the one decoder of the library, over ICU's macros
// (unicode/utf8.h), so that every part agrees on what is well-formed: no overlong
// forms, no surrogates, nothing past U+10FFFF, no sequence cut short.
//
//   size_t pos = 0;
//   while (pos < s.size()) { char32_t cp = next_code_point(s, pos); … }
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sekisho {

// Decodes the code point at `pos` and advances `pos` past it; an ill-formed sequence gives
// U+FFFD and advances past its longest ill-formed start (at least one byte).
char32_t next_code_point(std::string_view s, size_t& pos);

// Length of the well-formed sequence at s[pos], or 0 when it is ill-formed.
size_t utf8_sequence_length(std::string_view s, size_t pos);

// Byte offset of the first ill-formed sequence, or npos when `s` is valid.
size_t find_invalid_utf8(std::string_view s);

// Appends the UTF-8 form of `cp`; nothing for a surrogate or a value past U+10FFFF.
void append_utf8(std::string& out, char32_t cp);

std::u32string to_u32(std::string_view s);  // ill-formed sequences as U+FFFD
std::string to_utf8(std::u32string_view s);

}  // namespace sekisho
