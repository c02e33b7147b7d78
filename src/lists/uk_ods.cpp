// UK Sanctions List (FCDO), ODS summary export: one sheet, one row per
// designation, 8 columns (Unique ID, OFSI Group ID, Name, Regime Name, Type,
// Designation source, Date Designated DD-MM-YYYY, Sanctions Imposed). Only the
// primary name is given: aliases, dates of birth and addresses are in the full
// CSV/XML (uk-csv).
//
// Source id = Unique ID ("AFG0001"); Type Individual → Person, Entity →
// Organization, Ship → Vessel.
#include <nlohmann/json.hpp>

#include "core/strings.hpp"
#include "io/source_file.hpp"
#include "io/spreadsheet.hpp"
#include "lists/parsers.hpp"
#include "lists/uk_common.hpp"

namespace sekisho::parsers {

namespace {

constexpr std::string_view kColumns[] = {
    "Unique ID",       "OFSI Group ID",    "Name", "Regime Name", "Type", "Designation source",
    "Date Designated", "Sanctions Imposed"};
enum Col { kUniqueId, kGroupId, kName, kRegime, kType, kSource, kDate, kMeasures, kColumnCount };

}  // namespace

Result<ParsedList> parse_uk_ods(const Paths& paths, const ParseOptions& options) {
  SEKISHO_ASSIGN_OR_RETURN(WorkbookFile file, load_workbook_file(paths, ".ods", "uk-ods"));
  const Workbook& wb = file.workbook;
  if (wb.sheets.empty()) return parse_error(file.meta.name + ": spreadsheet has no sheets");
  const Sheet& s = wb.sheets.front();
  const std::string& fname = file.meta.name;
  size_t col[kColumnCount];
  for (int c = 0; c < kColumnCount; ++c) {
    col[c] = SIZE_MAX;
    for (size_t i = 0; i < s.column_count(0); ++i) {
      if (iequals_ascii(trim(s.text(0, i)), kColumns[c])) col[c] = i;
    }
    if (col[c] == SIZE_MAX) {
      return parse_error(fname + ": " + a1_ref(s.name, 0, 0) + ": header row has no '" + std::string(kColumns[c]) +
                         "' column");
    }
  }
  ParsedList out;
  out.files.push_back(file.meta);
  for (size_t row = 1; row < s.row_count(); ++row) {
    auto text = [&](Col c) { return std::string(trim(s.text(row, col[c]))); };
    bool empty = true;
    for (size_t i = 0; i < s.column_count(row); ++i) empty &= trim(s.text(row, i)).empty();
    if (empty) continue;
    Entity e;
    e.source_id = text(kUniqueId);
    if (e.source_id.empty()) return parse_error(fname + ": " + s.ref(row, col[kUniqueId]) + ": empty Unique ID");
    e.id = make_entity_id(options.list_id, e.source_id);
    auto schema = uk_schema(text(kType));
    if (!schema) {
      return parse_error(fname + ": " + s.ref(row, col[kType]) + ": unknown Type '" + text(kType) +
                         "' (expected Individual, Entity or Ship)");
    }
    e.schema = *schema;
    std::string name = collapse_spaces(s.text(row, col[kName]));
    if (name.empty()) {
      // Real rows (e.g. BEL0174 in the 2025-08-11 export) have an empty Name
      // cell: the designation stands, so the entity is kept, captioned by its id.
      e.caption = e.source_id;
      e.remarks.push_back("Name empty in the source (" + s.ref(row, col[kName]) + ")");
    } else {
      e.add_name({.full = name, .kind = NameKind::kPrimary});
      e.caption = name;
    }
    if (!text(kRegime).empty()) e.programs.push_back(text(kRegime));
    if (!text(kGroupId).empty()) {
      e.identifiers.push_back({.type = "other", .value = text(kGroupId), .note = "OFSI Group ID"});
    }
    const Cell& date = s.cell(row, col[kDate]);
    std::string when = date.type == CellType::kDate ? date.value.substr(0, 10) : uk_date(date.text);
    if (!trim(date.text).empty() && when.empty()) {
      return parse_error(fname + ": " + s.ref(row, col[kDate]) + ": Date Designated '" + date.text +
                         "' is not DD-MM-YYYY or DD/MM/YYYY");
    }
    e.listed_on = when;
    if (!text(kSource).empty()) e.remarks.push_back("Designation source: " + text(kSource));
    if (!text(kMeasures).empty()) e.remarks.push_back("Sanctions imposed: " + text(kMeasures));
    nlohmann::ordered_json raw;
    for (int c = 0; c < kColumnCount; ++c) raw[std::string(kColumns[c])] = s.text(row, col[c]);
    e.raw = raw.dump();
    out.entities.push_back(std::move(e));
  }
  return out;
}

}  // namespace sekisho::parsers
