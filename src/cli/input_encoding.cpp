#include "cli/input_encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "core/strings.hpp"
#include "io/utf8.hpp"

namespace sekisho::cli {

namespace {

// ICU converter names. Shift_JIS as Japanese Windows and Excel write it is
// CP932 (Microsoft's superset: ①, ～, NEC and IBM extensions), so both names read as CP932.
Result<std::string> icu_name(std::string_view encoding) {
  std::string e = to_lower_ascii(encoding);
  if (e == "utf-8" || e == "utf8") return std::string("UTF-8");
  if (e == "shift_jis" || e == "sjis" || e == "cp932" || e == "windows-31j") return std::string("windows-31j");
  if (e == "euc-jp" || e == "eucjp") return std::string("EUC-JP");
  if (e == "utf-16" || e == "utf16") return std::string("UTF-16");
  if (e == "utf-16le") return std::string("UTF-16LE");
  if (e == "utf-16be") return std::string("UTF-16BE");
  return invalid_argument("--encoding must be one of " + std::string(kInputEncodings) + ", not '" +
                          std::string(encoding) + "'");
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// "2: byte 4 of the line" for a 0-based offset into `bytes` (lines and bytes 1-based).
std::string line_and_byte(std::string_view bytes, size_t offset) {
  offset = std::min(offset, bytes.size());
  size_t line = 1 + static_cast<size_t>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
  size_t line_start = bytes.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1;
  return std::to_string(line) + ": byte " + std::to_string(offset - line_start + 1) + " of the line";
}

// Whole-input conversion; invalid bytes stop it (no U+FFFD substitutes).
Result<std::string> convert(std::string_view bytes, const std::string& icu, std::string_view label,
                            std::string_view file_name) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(icu.c_str(), &status));
  if (U_FAILURE(status)) return internal_error("ICU has no converter for " + icu + ": " + u_errorName(status));
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> utf16(bytes.size() + 1);
  const char* source = bytes.data();
  const char* source_end = bytes.data() + bytes.size();
  UChar* target = utf16.data();
  status = U_ZERO_ERROR;
  ucnv_toUnicode(conv.get(), &target, utf16.data() + utf16.size(), &source, source_end, nullptr, true, &status);
  if (U_FAILURE(status)) {
    // `source` stops just past the bytes that could not be read; ICU says how many they were.
    char invalid[32];
    int8_t invalid_length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), invalid, &invalid_length, &ignored);
    size_t offset = static_cast<size_t>(source - bytes.data());
    if (U_SUCCESS(ignored) && static_cast<size_t>(invalid_length) <= offset)
      offset -= static_cast<size_t>(invalid_length);
    return parse_error(std::string(file_name) + ":" + line_and_byte(bytes, offset) + " is not valid " +
                       std::string(label) + " (choose another --encoding: " + std::string(kInputEncodings) + ")");
  }
  std::string out;
  status = U_ZERO_ERROR;
  int32_t length = static_cast<int32_t>(target - utf16.data());
  int32_t needed = 0;
  u_strToUTF8(nullptr, 0, &needed, utf16.data(), length, &status);
  out.resize(static_cast<size_t>(needed));
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), needed, nullptr, utf16.data(), length, &status);
  if (U_FAILURE(status))
    return internal_error(std::string(file_name) + ": UTF-8 conversion failed: " + u_errorName(status));
  return out;
}

// ucsdet's best guess when it is one of the encodings sekisho reads, else "".
// Only the top-scoring matches count (a weak UTF-16 guess under a stronger
// Latin-1 one is no reading), and EUC-JP wins its usual tie with EUC-KR.
std::string detect(std::string_view bytes) {
  // Below this confidence (0-100) ucsdet is guessing; Japanese CSVs of a few names score about 60.
  constexpr int32_t kMinConfidence = 30;
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_FAILURE(status)) return "";
  ucsdet_setText(detector, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector, &found, &status);
  std::string chosen;
  int32_t top = -1;
  for (int32_t i = 0; U_SUCCESS(status) && i < found && chosen.empty(); ++i) {
    UErrorCode match_status = U_ZERO_ERROR;
    int32_t confidence = ucsdet_getConfidence(matches[i], &match_status);
    if (top < 0) top = confidence;
    if (confidence < top || confidence < kMinConfidence) break;
    std::string name = ucsdet_getName(matches[i], &match_status);
    if (name == "Shift_JIS" || name == "EUC-JP" || name == "UTF-16LE" || name == "UTF-16BE") chosen = name;
  }
  ucsdet_close(detector);
  return chosen;
}

}  // namespace

Result<DecodedInput> decode_input(std::string_view bytes, std::string_view encoding, std::string_view file_name) {
  DecodedInput out;
  std::string asked = to_lower_ascii(encoding);
  if (asked == "auto") {
    out.detected = true;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
      out.encoding = "utf-8";
    } else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
      out.encoding = "utf-16";
    } else if (find_invalid_utf8(bytes) == std::string_view::npos) {
      out.encoding = "utf-8";
    } else {
      std::string detected = detect(bytes);
      out.encoding = detected == "Shift_JIS" ? "cp932" : detected.empty() ? "utf-8" : to_lower_ascii(detected);
    }
  } else {
    out.encoding = asked;
  }
  SEKISHO_ASSIGN_OR_RETURN(std::string icu, icu_name(out.encoding));
  if (icu == "UTF-8") {
    // UTF-8 stays as it is: invalid rows are judged (and named) row by row later.
    out.utf8 = std::string(bytes);
    return out;
  }
  auto converted = convert(bytes, icu, out.encoding, file_name);
  if (!converted.ok() && out.detected) {
    // A guess that does not fit the bytes is no reading: take them as UTF-8, whose
    // invalid rows are refused one by one with their line.
    out.encoding = "utf-8";
    out.utf8 = std::string(bytes);
    return out;
  }
  if (!converted.ok()) return converted.status();
  out.utf8 = std::move(converted).value();
  return out;
}

}  // namespace sekisho::cli
