#include "io/source_file.hpp"

#include <fstream>
#include <sstream>

#include "core/hash.hpp"
#include "core/strings.hpp"
#include "io/utf8.hpp"

namespace sekisho {

namespace fs = std::filesystem;

Result<LoadedFile> load_source(const fs::path& path, LoadOptions options) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return not_found(path.string() + ": no such file");
  if (fs::is_directory(path, ec)) return invalid_argument(path.string() + ": is a directory, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return io_error(path.string() + ": cannot open for reading");
  LoadedFile f;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return io_error(path.string() + ": read failed");
  f.bytes = std::move(ss).str();
  f.meta.path = path.string();
  f.meta.name = path.filename().string();
  f.meta.size = f.bytes.size();
  f.meta.sha256 = sha256_hex(f.bytes);
  if (!options.allow_empty && trim(f.bytes).empty()) return parse_error(path.string() + ": file is empty");
  if (options.require_utf8) {
    size_t bad = find_invalid_utf8(f.bytes);
    // A lone trailing 0x1A (OFAC's DOS end-of-file mark) is ASCII and passes.
    if (bad != std::string_view::npos) {
      LineCol lc = line_col_at(f.bytes, bad);
      return parse_error(path.string() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column) +
                         ": invalid UTF-8 byte sequence");
    }
  }
  return f;
}

std::string_view text_body(const LoadedFile& file) {
  std::string_view s = file.bytes;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && (s.back() == '\x1A' || s.back() == '\0')) s.remove_suffix(1);
  return s;
}

Result<std::vector<fs::path>> resolve_files(const std::vector<fs::path>& paths, const std::vector<WantedFile>& wanted,
                                            std::string_view format) {
  std::vector<fs::path> candidates;
  std::error_code ec;
  if (paths.size() == 1 && fs::is_directory(paths[0], ec)) {
    for (const auto& entry : fs::directory_iterator(paths[0], ec)) {
      if (entry.is_regular_file()) candidates.push_back(entry.path());
    }
    if (ec) return io_error(paths[0].string() + ": cannot list directory: " + ec.message());
  } else {
    candidates = paths;
  }
  std::vector<fs::path> out(wanted.size());
  for (const fs::path& c : candidates) {
    bool used = false;
    for (size_t i = 0; i < wanted.size(); ++i) {
      if (iequals_ascii(c.filename().string(), wanted[i].name)) {
        out[i] = c;
        used = true;
      }
    }
    if (!used && !(paths.size() == 1 && fs::is_directory(paths[0], ec))) {
      std::string names;
      for (const auto& w : wanted) names += (names.empty() ? "" : ", ") + std::string(w.name);
      return invalid_argument(c.string() + ": not a file of format " + std::string(format) + " (expected " + names +
                              ")");
    }
  }
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (wanted[i].required && out[i].empty()) {
      return invalid_argument(std::string(format) + ": missing required file " + std::string(wanted[i].name));
    }
  }
  return out;
}

Result<fs::path> resolve_single(const std::vector<fs::path>& paths, std::string_view ext, std::string_view format) {
  if (paths.empty()) return invalid_argument(std::string(format) + ": no input file given");
  std::error_code ec;
  if (paths.size() == 1 && fs::is_directory(paths[0], ec)) {
    fs::path found;
    int count = 0;
    for (const auto& entry : fs::directory_iterator(paths[0], ec)) {
      if (entry.is_regular_file() && iequals_ascii(entry.path().extension().string(), ext)) {
        found = entry.path();
        ++count;
      }
    }
    if (count != 1) {
      return invalid_argument(paths[0].string() + ": expected exactly one " + std::string(ext) + " file for format " +
                              std::string(format) + ", found " + std::to_string(count));
    }
    return found;
  }
  if (paths.size() != 1) {
    return invalid_argument(std::string(format) + ": takes one file, got " + std::to_string(paths.size()));
  }
  return paths[0];
}

}  // namespace sekisho
