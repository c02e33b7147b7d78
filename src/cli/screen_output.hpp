// The output formats of `sekisho screen`. JSON lines and CSV are contracts
// scripts rely on (docs/cli.md): change them only additively.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "sekisho/screen.hpp"
#include "sekisho/update.hpp"

namespace sekisho::cli {

// One input row and what screening it found (no hits when the row was refused).
struct ScreenedRow {
  const QueryRow* row = nullptr;
  ScreenResult screening;
};

// One JSON object per row: id, matches (each with its list version and age), error, and
// "complete": false with "incomplete_reason" for a row whose screening was cut short.
void write_jsonl(const std::vector<ScreenedRow>& rows, const std::vector<ListAge>& ages, std::ostream& os);

// A header, then one line per hit (a row without hits: one line with empty hit columns); the
// last column, incomplete_reason, is empty unless the row's screening was cut short.
// `excel`: a UTF-8 byte-order mark first, so Excel (Japanese Excel too) reads UTF-8, not the ANSI code page.
void write_csv(const std::vector<ScreenedRow>& rows, const std::vector<ListAge>& ages, bool excel, std::ostream& os);

// A workbook at `path` (never stdout: a workbook is a zip written by file name):
// sheet "screening" with one row per hit (score a number, explanation in a
// column) or per row without hits, and sheet "lists" with each list's age.
Status write_xlsx(const std::vector<ScreenedRow>& rows, const std::vector<ListAge>& ages, const std::string& path);

}  // namespace sekisho::cli
