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
inline bool write_zip(const std::filesystem::path& path,
                      const std::vector<std::pair<std::string, std::string>>& entries) {
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

inline std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

// A minimal XLSX: each sheet a grid of inline strings (row-major, "" = no cell).
using Grid = std::vector<std::vector<std::string>>;
inline bool write_xlsx(const std::filesystem::path& path, const std::vector<std::pair<std::string, Grid>>& sheets) {
  std::string wb = R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
                   R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)";
  std::string rels = R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  std::vector<std::pair<std::string, std::string>> entries;
  for (size_t i = 0; i < sheets.size(); ++i) {
    std::string n = std::to_string(i + 1);
    wb += "<sheet name=\"" + xml_escape(sheets[i].first) + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Target=\"worksheets/sheet" + n + ".xml\" Type=\"worksheet\"/>";
    std::string sheet = R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
    for (size_t r = 0; r < sheets[i].second.size(); ++r) {
      sheet += "<row r=\"" + std::to_string(r + 1) + "\">";
      for (size_t c = 0; c < sheets[i].second[r].size() && c < 26; ++c) {
        const std::string& v = sheets[i].second[r][c];
        if (v.empty()) continue;
        std::string ref = std::string(1, static_cast<char>('A' + c)) + std::to_string(r + 1);
        sheet += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + xml_escape(v) + "</t></is></c>";
      }
      sheet += "</row>";
    }
    sheet += "</sheetData></worksheet>";
    entries.emplace_back("xl/worksheets/sheet" + n + ".xml", sheet);
  }
  wb += "</sheets></workbook>";
  rels += "</Relationships>";
  entries.emplace_back("xl/workbook.xml", wb);
  entries.emplace_back("xl/_rels/workbook.xml.rels", rels);
  return write_zip(path, entries);
}

}  // namespace sekisho::testing
