// Shared by the fuzz targets: the input split into parts, and a private scratch
// folder for parsers that read files rather than bytes.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "sekisho/text.hpp"

namespace sekisho::fuzz {

// The text part's tables from the shared data, as the CLI's: the product
// library reads no environment, so the targets that screen names hand it the folder.
inline void use_shared_data() { (void)text::set_text_resource_paths({.shared_data = SEKISHO_SHARED_DATA}); }

// Separates the files of one input for targets that read several (the OFAC CSV
// sets, a policy file and its place in the bundle). scripts/fuzz joins seed
// files with it; libFuzzer's mutations can add or drop it like any other bytes.
inline constexpr std::string_view kPartSeparator = "\n--8<--\n";

// `data` cut at each kPartSeparator, at most `max_parts` parts (the last keeps the rest).
inline std::vector<std::string_view> split_parts(std::string_view data, size_t max_parts) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max_parts) {
    size_t at = data.find(kPartSeparator);
    if (at == std::string_view::npos) break;
    parts.push_back(data.substr(0, at));
    data.remove_prefix(at + kPartSeparator.size());
  }
  parts.push_back(data);
  return parts;
}

// A folder of this process's own under the temp dir, removed at exit; libFuzzer
// may run several jobs at once, so each needs its own.
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::filesystem::path d = std::filesystem::temp_directory_path() / ("sekisho-fuzz-" + std::to_string(::getpid()));
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
  }();
  static const struct Cleanup {
    ~Cleanup() {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  } cleanup;
  return dir;
}

inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string_view as_view(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace sekisho::fuzz
