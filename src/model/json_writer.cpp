#include "model/json_writer.hpp"

#include "io/utf8.hpp"

namespace sekisho {

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_) out_ += ',';
  first_ = false;
}

void JsonWriter::open(char c) {
  separate();
  out_ += c;
  first_ = true;
}

void JsonWriter::close(char c) {
  out_ += c;
  first_ = false;
}

void JsonWriter::key(std::string_view k) {
  separate();
  write_string(k);
  out_ += ':';
  after_key_ = true;
}

void JsonWriter::value(std::string_view v) {
  separate();
  write_string(v);
}

void JsonWriter::value(bool v) {
  separate();
  out_ += v ? "true" : "false";
}

void JsonWriter::write_string(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out_ += '"';
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        out_ += "\\\"";
        ++i;
        continue;
      case '\\':
        out_ += "\\\\";
        ++i;
        continue;
      case '\b':
        out_ += "\\b";
        ++i;
        continue;
      case '\f':
        out_ += "\\f";
        ++i;
        continue;
      case '\n':
        out_ += "\\n";
        ++i;
        continue;
      case '\r':
        out_ += "\\r";
        ++i;
        continue;
      case '\t':
        out_ += "\\t";
        ++i;
        continue;
      default:
        break;
    }
    if (c < 0x20) {
      out_ += "\\u00";
      out_ += kHex[c >> 4];
      out_ += kHex[c & 15];
      ++i;
      continue;
    }
    size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      out_ += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      ++i;
      continue;
    }
    out_.append(s.data() + i, len);
    i += len;
  }
  out_ += '"';
}

}  // namespace sekisho
