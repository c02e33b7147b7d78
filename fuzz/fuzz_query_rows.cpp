// The screening batch as `sekisho screen` reads it: bytes in any encoding
// (cli/input_encoding.hpp) decoded to UTF-8, then rows of id,name,… with their
// dates read in a stated order (screen.hpp read_query_rows). The first byte
// chooses the encoding asked for and the date order.
#include "cli/input_encoding.hpp"
#include "fuzz_input.hpp"
#include "sekisho/screen.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr std::string_view kEncodings[] = {"auto",   "utf-8", "shift_jis", "euc-jp",
                                                    "utf-16", "cp932", "auto",      "auto"};
  static constexpr sekisho::DateOrder kOrders[] = {sekisho::DateOrder::kUnstated, sekisho::DateOrder::kDayMonthYear,
                                                   sekisho::DateOrder::kMonthDayYear,
                                                   sekisho::DateOrder::kYearMonthDay};
  const uint8_t choice = data[0];
  auto decoded =
      sekisho::cli::decode_input(sekisho::fuzz::as_view(data + 1, size - 1), kEncodings[choice & 7], "fuzz.csv");
  if (!decoded.ok()) return 0;
  sekisho::QueryRowOptions options{.date_order = kOrders[(choice >> 3) & 3]};
  auto rows = sekisho::read_query_rows(decoded->utf8, "fuzz.csv", options);
  if (rows.ok()) {
    // A row without an error is one the screener will take.
    for (const sekisho::QueryRow& row : *rows) {
      if (row.error.empty() && !sekisho::check_query_name(row.query.name).ok()) __builtin_trap();
    }
  }
  return 0;
}
