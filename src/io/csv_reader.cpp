#include "io/csv_reader.hpp"

namespace sekisho {

Result<std::vector<CsvRecord>> read_csv(std::string_view text, std::string_view file_name, CsvOptions options) {
  std::vector<CsvRecord> out;
  size_t i = 0, line = 1;
  const size_t n = text.size();
  while (i < n) {
    CsvRecord rec;
    rec.line = line;
    std::string field;
    bool record_done = false;
    bool any_content = false;
    bool quoted = false;
    while (!record_done) {
      field.clear();
      quoted = i < n && text[i] == options.quote;
      if (quoted) {
        // Quoted field.
        size_t open_line = line;
        ++i;
        bool closed = false;
        while (i < n) {
          char c = text[i];
          if (c == options.quote) {
            if (i + 1 < n && text[i + 1] == options.quote) {
              field += c;
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\n') ++line;
          field += c;
          ++i;
        }
        if (!closed) {
          return parse_error(std::string(file_name) + ":" + std::to_string(open_line) +
                             ": quoted field is not closed before end of file");
        }
        // Text after the closing quote up to the delimiter.
        while (i < n && text[i] != options.delimiter && text[i] != '\n' && text[i] != '\r') {
          if (!options.lenient_quotes && text[i] != ' ') {
            return parse_error(std::string(file_name) + ":" + std::to_string(line) + ": field " +
                               std::to_string(rec.fields.size() + 1) + ": unexpected text after closing quote");
          }
          field += text[i];
          ++i;
        }
        any_content = true;
      } else {
        while (i < n && text[i] != options.delimiter && text[i] != '\n' && text[i] != '\r') {
          field += text[i];
          ++i;
        }
        if (!field.empty()) any_content = true;
      }
      rec.fields.push_back(field);
      if (i < n && text[i] == options.delimiter) {
        ++i;
        any_content = true;
        continue;
      }
      // End of record: CRLF, LF, lone CR or end of text.
      rec.open_end = i == n && !quoted;
      if (i < n && text[i] == '\r') ++i;
      if (i < n && text[i] == '\n') ++i;
      ++line;
      record_done = true;
    }
    if (!any_content && options.skip_blank_lines) continue;
    out.push_back(std::move(rec));
  }
  return out;
}

Status check_last_record(const std::vector<CsvRecord>& records, std::string_view file_name) {
  if (records.empty() || !records.back().open_end) return Status::ok_status();
  return parse_error(std::string(file_name) + ":" + std::to_string(records.back().line) +
                     ": the last line has no line break: the file looks cut inside it");
}

}  // namespace sekisho
