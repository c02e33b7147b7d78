// Reading a list's source files: bytes, digest, and the checks every format
// shares (exists, not empty, valid UTF-8 where text is expected).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sekisho/source_file.hpp"
#include "sekisho/status.hpp"

namespace sekisho {

struct LoadedFile {
  SourceFile meta;
  std::string bytes;  // whole file; a leading UTF-8 BOM is kept (text readers skip it)
};

struct LoadOptions {
  bool require_utf8 = true;  // text formats: reject invalid UTF-8 naming line and column
  bool allow_empty = false;
};

Result<LoadedFile> load_source(const std::filesystem::path& path, LoadOptions options = {});

// The text of a loaded file without a UTF-8 BOM and without a trailing 0x1A (DOS EOF, OFAC).
std::string_view text_body(const LoadedFile& file);

// Finds the files a multi-file format needs. `paths` is either one directory
// (files are looked up in it by name, case-insensitively) or the files
// themselves (matched to `wanted` by file name). Missing required files are an
// error naming them; missing optional ones yield an empty path.
struct WantedFile {
  std::string_view name;  // e.g. "sdn.csv"
  bool required;
};
Result<std::vector<std::filesystem::path>> resolve_files(const std::vector<std::filesystem::path>& paths,
                                                         const std::vector<WantedFile>& wanted,
                                                         std::string_view format);

// For single-file formats: exactly one file path, or a directory holding exactly
// one file with extension `ext` (".xml").
Result<std::filesystem::path> resolve_single(const std::vector<std::filesystem::path>& paths, std::string_view ext,
                                             std::string_view format);

}  // namespace sekisho
