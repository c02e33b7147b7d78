// Small string helpers shared by parsers and the CLI. ASCII-only case
// handling: Unicode folding belongs to src/text/ (ICU).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sekisho {

std::string_view trim(std::string_view s);  // ASCII white space and NBSP/ideographic space
std::string to_lower_ascii(std::string_view s);
bool iequals_ascii(std::string_view a, std::string_view b);
bool starts_with_ascii_ci(std::string_view s, std::string_view prefix);
// Splits on `sep`, trims each piece, drops empty pieces.
std::vector<std::string> split_trimmed(std::string_view s, std::string_view sep);
// Splits on any of several separators (each a UTF-8 string), trims, drops empties.
std::vector<std::string> split_any(std::string_view s, const std::vector<std::string_view>& seps);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// Collapses runs of white space into one space and trims.
std::string collapse_spaces(std::string_view s);

// 1-based line and column (in bytes) of byte offset `pos` in `s`.
struct LineCol {
  size_t line;
  size_t column;
};
LineCol line_col_at(std::string_view s, size_t pos);

}  // namespace sekisho
