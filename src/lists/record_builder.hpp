// Small pieces the record-oriented parsers (Canada, BIS, CSL, FTM, generic
// CSV, EU) share: finishing an entity, stable ids derived from content,
// date lists, and a CSV file seen as a header plus rows addressed by column
// name. Format-specific decisions stay in each parser's own file.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv_reader.hpp"
#include "io/source_file.hpp"
#include "sekisho/entity.hpp"
#include "sekisho/status.hpp"

namespace sekisho {

// Sets id ("<list>-<source id>"), source_id and caption (the primary name).
void finish_entity(Entity& entity, std::string_view list_id, std::string_view source_id);

// First 16 hex digits of SHA-256: a short id derived from content, for
// sources that publish no id of their own.
std::string short_hash(std::string_view text);

// Keeps derived source ids distinct: the first use of an id returns it as
// is, later uses get "-2", "-3"… in file order, so ids stay stable as long as
// the publisher keeps the order of repeated records.
class UniqueIds {
 public:
  std::string claim(std::string id);

 private:
  std::map<std::string, int> seen_;
};

// Adds `value` (trimmed) to `out` unless empty or already present.
void add_unique(std::vector<std::string>& out, std::string_view value);

// Parses one date cell that may hold alternatives ("1963 or 1964",
// "1972-08-10 OR 1972-08-11") into one DateSpec per alternative.
std::vector<DateSpec> parse_date_alternatives(std::string_view text, bool month_first = false);

// ISO form of a single date cell ("2020-09-28", "09/28/2020" with
// month_first), or "" when it cannot be read.
std::string iso_date(std::string_view text, bool month_first = false);

// A delimited text file as a header row and data rows. Every data row has
// exactly as many fields as the header (checked on reading).
class CsvTable {
 public:
  // Reads `file` (already loaded and checked for UTF-8). Errors name the file
  // and line: a missing header, a header without one of the `required` columns
  // (checked first, so a file of another format is named as such), a row whose
  // field count differs, or a last line cut short (check_last_record).
  static Result<CsvTable> read(const LoadedFile& file, CsvOptions options = {},
                               std::initializer_list<std::string_view> required = {});

  const std::string& file_name() const { return file_name_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<CsvRecord>& rows() const { return rows_; }

  // Column index of `name` (header compared trimmed, ASCII case-insensitive), or -1.
  int find(std::string_view name) const;
  // Column index of `name`, or a parse error naming the file and the column.
  Result<int> require(std::string_view name) const;
  // The trimmed cell of `row` in column `col`; "" when col < 0.
  static std::string_view cell(const CsvRecord& row, int col);
  // The row as a compact JSON object of its non-empty cells (for Entity::raw).
  std::string row_json(const CsvRecord& row) const;

 private:
  std::string file_name_;
  std::vector<std::string> header_;
  std::vector<CsvRecord> rows_;
};

}  // namespace sekisho
