// Input files as offices have them: a CSV saved by Japanese Excel is Shift_JIS
// (CP932), older systems write EUC-JP, "Unicode" exports are UTF-16. Everything
// after this step reads UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "sekisho/status.hpp"

namespace sekisho::cli {

struct DecodedInput {
  std::string utf8;
  std::string encoding;   // the encoding read: the one asked for, or the one detected
  bool detected = false;  // true when --encoding auto chose it
};

// The encodings --encoding accepts, for help and errors.
inline constexpr std::string_view kInputEncodings = "auto, utf-8, shift_jis, cp932, euc-jp, utf-16";

// Converts `bytes` from `encoding` to UTF-8 with ICU. "auto": a byte-order mark
// decides, else valid UTF-8 is UTF-8, else ICU's charset detector (ucsdet)
// chooses among the encodings above; when it finds none of them, or its guess
// does not fit the bytes, they stay UTF-8 and invalid rows are refused one by
// one. A named encoding whose bytes do not fit is an error naming the file and
// line: bytes are never replaced silently.
Result<DecodedInput> decode_input(std::string_view bytes, std::string_view encoding, std::string_view file_name);

}  // namespace sekisho::cli
