// Test helper: writes a zip archive with the given entries (libzip) into a
// temporary directory, so error paths and format corners can be tested on
// files built at test time rather than on copies checked into the tree.
#pragma once

#include <zip.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sekisho::testing {

inline std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("sekisho_lists_" + name);
  std::filesystem::create_directories(dir);
  return dir;
}

// Creates `path` holding `entries` (name, content); returns false on any libzip error.
inline bool write_zip(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& entries) {
  std::filesystem::remove(path);
  int err = 0;
  zip_t* z = zip_open(path.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z) return false;
  std::vector<std::unique_ptr<std::string>> keep;
  for (const auto& [name, content] : entries) {
    // libzip reads the buffer at zip_close time: keep the bytes alive until then.
    keep.push_back(std::make_unique<std::string>(content));
    zip_source_t* src = zip_source_buffer(z, keep.back()->data(), keep.back()->size(), 0);
    if (!src || zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) < 0) {
      zip_discard(z);
      return false;
    }
  }
  return zip_close(z) == 0;
}

inline void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

}  // namespace sekisho::testing
