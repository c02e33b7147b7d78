// The RFC 4180 reader every CSV and TSV format shares (lists/csv_reader.hpp),
// under each of its options; the first byte chooses them.
#include "fuzz_input.hpp"
#include "io/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr char kDelimiters[] = {',', '\t', ';', '|'};
  const uint8_t flags = data[0];
  sekisho::CsvOptions options;
  options.delimiter = kDelimiters[flags & 3];
  options.lenient_quotes = (flags & 4) != 0;
  options.skip_blank_lines = (flags & 8) != 0;
  auto records = sekisho::read_csv(sekisho::fuzz::as_view(data + 1, size - 1), "fuzz.csv", options);
  if (records.ok()) {
    // Records come in order of the lines they start on.
    size_t line = 0;
    for (const sekisho::CsvRecord& r : *records) {
      if (r.line < line) __builtin_trap();
      line = r.line;
    }
  }
  return 0;
}
