// Helpers for the OFAC and UN parser tests: look-ups into a parsed list and
// throw-away copies of real files for error cases.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <string_view>

#include "sekisho/lists.hpp"
#include "support/shared_data.hpp"

namespace sekisho::testing {

inline std::filesystem::path shared_data(std::string_view rel) {
  return std::filesystem::path(SEKISHO_SHARED_DATA) / rel;
}

inline std::filesystem::path fixture(std::string_view rel) {
  return std::filesystem::path(SEKISHO_TEST_FIXTURES) / rel;
}

// `format` parsed from `path` once per test binary; a failure is reported and yields an empty list.
inline const ParsedList& parsed_once(std::string_view format, const std::filesystem::path& path,
                                     ParseOptions options = {}) {
  static std::map<std::string, std::unique_ptr<ParsedList>> cache;
  std::unique_ptr<ParsedList>& slot = cache[std::string(format) + "|" + path.string() + "|" + options.list_id];
  if (!slot) {
    auto r = parse_list(format, {path}, options);
    if (!r.ok()) ADD_FAILURE() << r.status().to_string();
    slot = std::make_unique<ParsedList>(r.ok() ? std::move(r).value() : ParsedList{});
  }
  return *slot;
}

inline const Entity* by_source_id(const ParsedList& list, std::string_view source_id) {
  for (const Entity& e : list.entities) {
    if (e.source_id == source_id) return &e;
  }
  return nullptr;
}

// The entity with publisher id `source_id`; a miss is reported and yields an empty entity.
inline const Entity& entity_in(const ParsedList& list, std::string_view source_id) {
  static const Entity kNone;
  const Entity* e = by_source_id(list, source_id);
  if (!e) ADD_FAILURE() << "no entity with source id " << source_id;
  return e ? *e : kNone;
}

inline const Name* name_of(const Entity& e, std::string_view full) {
  for (const Name& n : e.names) {
    if (n.full == full) return &n;
  }
  return nullptr;
}

// Expects `e` to hold the name `full` with this kind and publisher quality.
inline void expect_name(const Entity& e, std::string_view full, NameKind kind, std::string_view quality) {
  const Name* n = name_of(e, full);
  ASSERT_NE(n, nullptr) << "no name " << full;
  EXPECT_EQ(n->kind, kind) << full;
  EXPECT_EQ(n->quality, quality) << full;
}

inline const Identifier* identifier_of(const Entity& e, std::string_view type, std::string_view value) {
  for (const Identifier& id : e.identifiers) {
    if (id.type == type && id.value == value) return &id;
  }
  return nullptr;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

inline void write_file(const std::filesystem::path& p, std::string_view bytes) {
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A fresh directory under the system temp dir, removed at scope end.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("sekisho_lists_" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// 1-based line of byte offset `pos`.
inline size_t line_of(std::string_view text, size_t pos) {
  size_t line = 1;
  for (size_t i = 0; i < pos && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

#define EXPECT_MESSAGE_HAS(result, needle)                               \
  EXPECT_NE((result).status().message().find(needle), std::string::npos) \
      << "message: " << (result).status().message() << "\nexpected to contain: " << (needle)

}  // namespace sekisho::testing
