// RFC 4180 CSV (and TSV) reading with the line number of every record, so a
// parser can name the line a bad row starts on. Quoted fields may span lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sekisho/status.hpp"

namespace sekisho {

struct CsvRecord {
  size_t line = 0;  // 1-based line the record starts on
  std::vector<std::string> fields;
  // The record ends the text with neither a line break nor a closing quote after its last field:
  // nothing shows that field is whole, so a file cut inside it reads as a shorter value.
  bool open_end = false;
};

struct CsvOptions {
  char delimiter = ',';
  char quote = '"';
  // OFAC legacy files quote some fields and leave stray quotes in others;
  // lenient mode takes a quote that does not open a field as literal text.
  bool lenient_quotes = false;
  bool skip_blank_lines = true;
};

// Parses all of `text`. `file_name` is used in error messages only.
Result<std::vector<CsvRecord>> read_csv(std::string_view text, std::string_view file_name, CsvOptions options = {});

// For list files, whose publishers end every line: a parse error naming the file and line when the
// last record is open-ended (see CsvRecord::open_end), else OK. A file whose last field is quoted
// may omit its final line break.
Status check_last_record(const std::vector<CsvRecord>& records, std::string_view file_name);

}  // namespace sekisho
