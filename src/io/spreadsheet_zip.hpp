// Internal to the spreadsheet readers: a zip archive held in memory (libzip)
// and the pugixml helpers both XLSX and ODS need.
#pragma once

#include <zip.h>

#include <memory>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "sekisho/status.hpp"

namespace sekisho::spreadsheet_detail {

class ZipArchive {
 public:
  // Opens `bytes` (which must outlive the archive) as a zip; errors name `file_name`.
  static Result<std::unique_ptr<ZipArchive>> open(std::string_view bytes, std::string_view file_name);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool has(std::string_view entry) const;
  // The whole entry, uncompressed; kNotFound-style parse error when absent.
  Result<std::string> read(std::string_view entry) const;

 private:
  ZipArchive(zip_t* zip, std::string file_name) : zip_(zip), file_name_(std::move(file_name)) {}
  zip_t* zip_;
  std::string file_name_;
};

// Parses `xml` (an entry of the archive) into `doc`; the error names file, entry and offset.
Status parse_xml(pugi::xml_document& doc, const std::string& xml, std::string_view file_name, std::string_view entry);

// What a workbook may hold once read: cells are stored padded to the last cell with content in
// each row, so one cell far to the right (column XFD) costs a whole row of slots, repeat counts
// multiply, and every cell that refers to a shared string holds its own copy. A budget of slots
// and of text bytes, taken before anything is allocated, keeps a small hostile file from asking
// for gigabytes; the largest official workbooks hold a few tens of thousands of cells and a few
// megabytes of text.
inline constexpr size_t kMaxCellSlots = 4'000'000;
inline constexpr size_t kMaxCellTextBytes = 256u << 20;

class CellBudget {
 public:
  // Takes `slots` more cells holding `text_bytes` more text; false (and nothing taken) when the
  // workbook would exceed either budget.
  bool take(size_t slots, size_t text_bytes = 0) {
    if (slots > kMaxCellSlots - slots_ || text_bytes > kMaxCellTextBytes - text_bytes_) return false;
    slots_ += slots;
    text_bytes_ += text_bytes;
    return true;
  }
  // The error for a cell whose slots did not fit: file, sheet and cell named.
  static Status exceeded(std::string_view file_name, std::string_view sheet, size_t row, size_t col);

 private:
  size_t slots_ = 0;
  size_t text_bytes_ = 0;
};

// A parse error naming file, sheet and cell when a cell's text is not valid UTF-8 (the XML
// parser passes bytes through as they are), else OK.
Status check_cell_utf8(std::string_view text, std::string_view file_name, std::string_view sheet, size_t row,
                       size_t col);

// A parse error naming file and `part` when a sheet's name is not valid UTF-8, else OK.
Status check_sheet_name_utf8(std::string_view name, std::string_view file_name, std::string_view part);

// Attribute by local name (prefix ignored), or an empty attribute.
pugi::xml_attribute attr_local(const pugi::xml_node& node, std::string_view name);

}  // namespace sekisho::spreadsheet_detail
