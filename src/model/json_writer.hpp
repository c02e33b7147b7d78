// A minimal streaming JSON writer for the entity record, the one JSON the
// store writes thousands of times per import: building an nlohmann tree per
// entity cost a quarter of an OFAC import. Output is compact, keys in the
// order written, non-ASCII kept as UTF-8, invalid UTF-8 replaced by U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace sekisho {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view k);
  void value(std::string_view v);
  void value(bool v);

 private:
  void open(char c);
  void close(char c);
  void separate();
  void write_string(std::string_view s);

  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace sekisho
