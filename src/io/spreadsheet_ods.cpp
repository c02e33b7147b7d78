// ODS (OpenDocument 1.2/1.3, part 1 §9.1) reading: content.xml holds every
// table; rows and cells may carry repeat counts.
#include "io/source_file.hpp"
#include "io/spreadsheet.hpp"
#include "io/spreadsheet_zip.hpp"
#include "io/xml_util.hpp"

namespace sekisho {

namespace {

using spreadsheet_detail::attr_local;
using spreadsheet_detail::CellBudget;
using spreadsheet_detail::kMaxCellSlots;
using spreadsheet_detail::kMaxCellTextBytes;
using spreadsheet_detail::parse_xml;
using spreadsheet_detail::ZipArchive;
using xml::child_named;
using xml::local_name;

// Office suites pad every sheet to its full size with repeated empty cells and
// rows (1,048,576 × 16,384); those are skipped, never stored. Cells or rows
// with content repeated more often than this are refused as implausible.
constexpr size_t kMaxContentRepeat = 10000;
constexpr size_t kMaxRows = 1048576;
constexpr size_t kMaxColumns = 16384;

// Appends the text of a paragraph's inline content: text, <text:s c="n"/>
// (runs of spaces), <text:tab/>, <text:line-break/>, and spans/links.
void inline_text(const pugi::xml_node& node, std::string& out) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out += c.value();
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    std::string_view n = local_name(c);
    if (n == "s") {
      unsigned count = attr_local(c, "c").as_uint(1);
      out.append(std::min(count, 1000u), ' ');
    } else if (n == "tab") {
      out += '\t';
    } else if (n == "line-break") {
      out += '\n';
    } else if (n == "annotation" || n == "note") {
      // comments are not cell content
    } else {
      inline_text(c, out);
    }
  }
}

Cell read_cell(const pugi::xml_node& c) {
  Cell cell;
  bool first = true;
  for (pugi::xml_node p = c.first_child(); p; p = p.next_sibling()) {
    std::string_view n = local_name(p);
    if (n != "p" && n != "h") continue;
    if (!first) cell.text += '\n';  // several paragraphs are several lines
    first = false;
    inline_text(p, cell.text);
  }
  std::string_view type = attr_local(c, "value-type").value();
  if (type == "float" || type == "percentage" || type == "currency") {
    cell.type = CellType::kNumber;
    cell.value = attr_local(c, "value").value();
  } else if (type == "date") {
    cell.type = CellType::kDate;
    cell.value = attr_local(c, "date-value").value();
  } else if (type == "time") {
    cell.type = CellType::kString;
    cell.value = attr_local(c, "time-value").value();
  } else if (type == "boolean") {
    cell.type = CellType::kBoolean;
    cell.value = attr_local(c, "boolean-value").value();
  } else if (!cell.text.empty()) {
    cell.type = CellType::kString;
  }
  if (cell.text.empty() && !cell.value.empty()) cell.text = cell.value;
  return cell;
}

struct TableReader {
  std::string_view file_name;
  Sheet& sheet;
  CellBudget& budget;
  size_t next_row = 0;

  Status error(std::string what) const {
    return parse_error(std::string(file_name) + ": content.xml: table '" + sheet.name + "' row " +
                       std::to_string(next_row + 1) + ": " + what);
  }

  Status read_row(const pugi::xml_node& row) {
    size_t repeat = attr_local(row, "number-rows-repeated").as_ullong(1);
    if (repeat == 0) repeat = 1;
    std::vector<Cell> cells;
    size_t row_text_bytes = 0;
    size_t col = 0;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
      std::string_view n = local_name(c);
      if (n != "table-cell" && n != "covered-table-cell") continue;
      size_t crep = attr_local(c, "number-columns-repeated").as_ullong(1);
      if (crep == 0) crep = 1;
      Cell cell = read_cell(c);
      if (cell.text.empty() && cell.value.empty()) {
        col += crep;
        continue;
      }
      if (crep > kMaxContentRepeat || col + crep > kMaxColumns) {
        return error("cell " + a1_ref(next_row, col) + " with content repeated " + std::to_string(crep) + " times");
      }
      SEKISHO_RETURN_IF_ERROR(spreadsheet_detail::check_cell_utf8(cell.text, file_name, sheet.name, next_row, col));
      SEKISHO_RETURN_IF_ERROR(spreadsheet_detail::check_cell_utf8(cell.value, file_name, sheet.name, next_row, col));
      row_text_bytes += (cell.text.size() + cell.value.size()) * crep;  // both factors are bounded above
      if (row_text_bytes > kMaxCellTextBytes) return CellBudget::exceeded(file_name, sheet.name, next_row, col);
      if (cells.size() < col + crep) cells.resize(col + crep);
      for (size_t k = 0; k < crep; ++k) cells[col + k] = cell;
      col += crep;
    }
    if (cells.empty()) {
      next_row += repeat;
      return Status::ok_status();
    }
    if (repeat > kMaxContentRepeat || next_row + repeat > kMaxRows) {
      return error("row with content repeated " + std::to_string(repeat) + " times");
    }
    // The row's slots, once per repeat; a product of two allowed repeats can still be huge.
    if (cells.size() > kMaxCellSlots / repeat || row_text_bytes > kMaxCellTextBytes / repeat ||
        !budget.take(cells.size() * repeat, row_text_bytes * repeat)) {
      return CellBudget::exceeded(file_name, sheet.name, next_row, cells.size() - 1);
    }
    if (sheet.rows.size() < next_row) sheet.rows.resize(next_row);
    for (size_t k = 0; k < repeat; ++k) sheet.rows.push_back(cells);
    next_row += repeat;
    return Status::ok_status();
  }

  // Rows may sit in <table:table-header-rows>, <table:table-rows> or <table:table-row-group>.
  Status read_rows(const pugi::xml_node& parent) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      std::string_view n = local_name(c);
      if (n == "table-row") {
        SEKISHO_RETURN_IF_ERROR(read_row(c));
      } else if (n == "table-header-rows" || n == "table-rows" || n == "table-row-group") {
        SEKISHO_RETURN_IF_ERROR(read_rows(c));
      }
    }
    return Status::ok_status();
  }
};

}  // namespace

Result<Workbook> read_ods(std::string_view bytes, std::string_view file_name) {
  SEKISHO_ASSIGN_OR_RETURN(auto zip, ZipArchive::open(bytes, file_name));
  if (!zip->has("content.xml")) {
    return parse_error(std::string(file_name) + ": not an ODS spreadsheet (zip has no content.xml)");
  }
  SEKISHO_ASSIGN_OR_RETURN(std::string xml, zip->read("content.xml"));
  pugi::xml_document doc;
  SEKISHO_RETURN_IF_ERROR(parse_xml(doc, xml, file_name, "content.xml"));
  pugi::xml_node body = child_named(doc.document_element(), "body");
  pugi::xml_node spreadsheet = child_named(body, "spreadsheet");
  if (!spreadsheet) {
    return parse_error(std::string(file_name) + ": content.xml: no office:body/office:spreadsheet (not a spreadsheet)");
  }
  Workbook wb;
  wb.file_name = std::string(file_name);
  CellBudget budget;
  for (pugi::xml_node t = spreadsheet.first_child(); t; t = t.next_sibling()) {
    if (local_name(t) != "table") continue;
    Sheet sheet;
    sheet.name = attr_local(t, "name").value();
    SEKISHO_RETURN_IF_ERROR(spreadsheet_detail::check_sheet_name_utf8(sheet.name, file_name, "content.xml"));
    TableReader reader{file_name, sheet, budget};
    SEKISHO_RETURN_IF_ERROR(reader.read_rows(t));
    wb.sheets.push_back(std::move(sheet));
  }
  return wb;
}

Result<Workbook> read_ods(const std::filesystem::path& path) {
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile f, load_source(path, {.require_utf8 = false}));
  return read_ods(f.bytes, f.meta.name);
}

}  // namespace sekisho
