// Helpers shared by the list parser tests: finding entities, writing
// malformed copies of real files into a temporary directory.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "sekisho/entity.hpp"
#include "sekisho/lists.hpp"
#include "support/shared_data.hpp"

namespace sekisho::testing {

inline std::filesystem::path shared_data(std::string_view rel) {
  return std::filesystem::path(SEKISHO_SHARED_DATA) / std::string(rel);
}
inline std::filesystem::path fixture(std::string_view rel) {
  return std::filesystem::path(SEKISHO_TEST_FIXTURES) / std::string(rel);
}

// A fresh directory under the system temp dir, removed when the test ends.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("sekisho_" + std::string(info->test_suite_name()) + "_" + info->name() + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(std::string_view name, std::string_view bytes) const {
    std::filesystem::path p = path_ / std::string(name);
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }

 private:
  std::filesystem::path path_;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline const Entity* find_by_caption(const std::vector<Entity>& entities, std::string_view caption) {
  for (const Entity& e : entities) {
    if (e.caption == caption) return &e;
  }
  return nullptr;
}

inline const Entity* find_by_id(const std::vector<Entity>& entities, std::string_view id) {
  for (const Entity& e : entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

inline bool has_name(const Entity& e, std::string_view full, NameKind kind) {
  for (const Name& n : e.names) {
    if (n.full == full && n.kind == kind) return true;
  }
  return false;
}

inline bool has_identifier(const Entity& e, std::string_view type, std::string_view value) {
  for (const Identifier& id : e.identifiers) {
    if (id.type == type && id.value == value) return true;
  }
  return false;
}

inline bool contains(const std::vector<std::string>& v, std::string_view s) {
  for (const std::string& x : v) {
    if (x == s) return true;
  }
  return false;
}

}  // namespace sekisho::testing
