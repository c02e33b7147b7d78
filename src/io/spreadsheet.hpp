// Reading spreadsheets (XLSX, ODS) into plain grids of cell text, for list
// parsers that receive official lists as workbooks (Japan MOF and METI, the UK
// FCDO summary). Zip access is libzip, XML is pugixml; nothing is hand-written.
//
//   auto wb = read_xlsx("shisantouketsu20260305.xlsx");
//   if (!wb.ok()) return wb.status();
//   const Sheet& s = wb->sheets[1];
//   std::string_view name = s.text(3, 2);           // row 4, column C
//   std::string where = s.ref(3, 2);                // "1.ミロシェビッチ…!C4"
//
// XLSX shared strings carry Japanese phonetic runs (<rPh>, furigana): only the
// <t> directly under <si> or under <si>/<r> are read, so 告示日付 stays 告示日付.
// Numbers keep the text Excel stored ("19274"); excel_serial_to_iso turns a
// serial date into an ISO date.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sekisho/source_file.hpp"
#include "sekisho/status.hpp"

namespace sekisho {

enum class CellType : uint8_t {
  kEmpty = 0,
  kString,
  kNumber,  // XLSX numbers (and dates, which Excel stores as numbers); ODS float/percentage/currency
  kDate,    // ODS office:date-value (value is the ISO date)
  kBoolean,
  kError,  // XLSX #N/A and friends
};

struct Cell {
  std::string text;   // the text as shown: shared/inline string, number as stored, ODS text:p lines joined by '\n'
  std::string value;  // machine value when the format gives one (number, ODS office:value/date-value), else ""
  CellType type = CellType::kEmpty;
};

struct Sheet {
  std::string name;
  std::vector<std::vector<Cell>> rows;  // rows[r][c], 0-based; rows are ragged, missing cells are empty

  size_t row_count() const { return rows.size(); }
  size_t column_count(size_t row) const { return row < rows.size() ? rows[row].size() : 0; }
  // The cell at (row, col), or an empty cell when out of range.
  const Cell& cell(size_t row, size_t col) const;
  // Shorthand for cell(row, col).text.
  const std::string& text(size_t row, size_t col) const { return cell(row, col).text; }
  // "Sheet3!C17" for error messages (row and col 0-based).
  std::string ref(size_t row, size_t col) const;
};

struct Workbook {
  std::string file_name;      // for error messages
  std::vector<Sheet> sheets;  // in workbook order

  const Sheet* find_sheet(std::string_view name) const;
};

// "C17" from 0-based (row, col); column letters as Excel writes them (A…Z, AA…, XFD).
std::string a1_ref(size_t row, size_t col);
// "Sheet3!C17"; the sheet name is quoted as Excel does when it holds spaces or punctuation.
std::string a1_ref(std::string_view sheet, size_t row, size_t col);
// Parses "C17" into 0-based (row, col); nullopt when malformed.
std::optional<std::pair<size_t, size_t>> parse_a1(std::string_view ref);

// Excel serial day number → ISO date ("19274" → "1952-10-07"). Keeps Excel's
// 1900 leap-year bug: serial 60 is the non-existent 1900-02-29, so serials from
// 61 on are one day ahead of a true count from 1899-12-31. Fractions (times)
// are dropped. nullopt for text that is not a number in 1…2958465 (9999-12-31).
std::optional<std::string> excel_serial_to_iso(std::string_view serial);

// Reads an Office Open XML workbook. `file_name` names the source in errors.
Result<Workbook> read_xlsx(std::string_view bytes, std::string_view file_name);
Result<Workbook> read_xlsx(const std::filesystem::path& path);

// Reads an OpenDocument spreadsheet (content.xml inside the zip).
Result<Workbook> read_ods(std::string_view bytes, std::string_view file_name);
Result<Workbook> read_ods(const std::filesystem::path& path);

// For list parsers: resolves the one input file of `format` among `paths`
// (extension `ext`: ".xlsx" or ".ods"), reads it and returns it with its
// description (name, size, digest) for ParsedList::files.
struct WorkbookFile {
  SourceFile meta;
  Workbook workbook;
};
Result<WorkbookFile> load_workbook_file(const std::vector<std::filesystem::path>& paths, std::string_view ext,
                                        std::string_view format);

}  // namespace sekisho
