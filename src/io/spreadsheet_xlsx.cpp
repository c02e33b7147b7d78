// XLSX (Office Open XML, ECMA-376 Part 1 §18) reading: workbook.xml and its
// relationships give sheet names and order, sharedStrings.xml the strings,
// xl/worksheets/*.xml the cells.
#include <cstring>

#include "io/source_file.hpp"
#include "io/spreadsheet.hpp"
#include "io/spreadsheet_zip.hpp"
#include "io/xml_util.hpp"

namespace sekisho {

namespace {

using spreadsheet_detail::attr_local;
using spreadsheet_detail::CellBudget;
using spreadsheet_detail::parse_xml;
using spreadsheet_detail::ZipArchive;
using xml::child_named;
using xml::local_name;

// The text of a string item (<si> or <is>): <t> children and <r>/<t> runs.
// <rPh> (phonetic runs: furigana on Japanese text) and <phoneticPr> are skipped
// on purpose: they are reading aids, not part of the value.
std::string string_item_text(const pugi::xml_node& si) {
  std::string out;
  for (pugi::xml_node c = si.first_child(); c; c = c.next_sibling()) {
    std::string_view n = local_name(c);
    if (n == "t") {
      out += c.text().get();
    } else if (n == "r") {
      for (pugi::xml_node t = c.first_child(); t; t = t.next_sibling()) {
        if (local_name(t) == "t") out += t.text().get();
      }
    }
  }
  return out;
}

Result<std::vector<std::string>> read_shared_strings(const ZipArchive& zip, std::string_view file_name) {
  std::vector<std::string> out;
  if (!zip.has("xl/sharedStrings.xml")) return out;  // a workbook without strings has no such part
  SEKISHO_ASSIGN_OR_RETURN(std::string xml, zip.read("xl/sharedStrings.xml"));
  pugi::xml_document doc;
  SEKISHO_RETURN_IF_ERROR(parse_xml(doc, xml, file_name, "xl/sharedStrings.xml"));
  pugi::xml_node sst = doc.document_element();
  for (pugi::xml_node si = sst.first_child(); si; si = si.next_sibling()) {
    if (local_name(si) == "si") out.push_back(string_item_text(si));
  }
  return out;
}

// Resolves a relationship target against the xl/ folder ("worksheets/sheet1.xml",
// "/xl/worksheets/sheet1.xml" and "../xl/…" all occur in the wild).
std::string resolve_target(std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  std::string t(target);
  if (t.rfind("../", 0) == 0) return t.substr(3);
  return "xl/" + t;
}

struct SheetRef {
  std::string name;
  std::string part;
};

Result<std::vector<SheetRef>> read_sheet_list(const ZipArchive& zip, std::string_view file_name) {
  SEKISHO_ASSIGN_OR_RETURN(std::string wb_xml, zip.read("xl/workbook.xml"));
  SEKISHO_ASSIGN_OR_RETURN(std::string rels_xml, zip.read("xl/_rels/workbook.xml.rels"));
  pugi::xml_document wb, rels;
  SEKISHO_RETURN_IF_ERROR(parse_xml(wb, wb_xml, file_name, "xl/workbook.xml"));
  SEKISHO_RETURN_IF_ERROR(parse_xml(rels, rels_xml, file_name, "xl/_rels/workbook.xml.rels"));
  pugi::xml_node sheets = child_named(wb.document_element(), "sheets");
  if (!sheets) return parse_error(std::string(file_name) + ": xl/workbook.xml: no <sheets> element");
  std::vector<SheetRef> out;
  for (pugi::xml_node s = sheets.first_child(); s; s = s.next_sibling()) {
    if (local_name(s) != "sheet") continue;
    std::string name = attr_local(s, "name").value();
    std::string rid = attr_local(s, "id").value();
    std::string target;
    for (pugi::xml_node r = rels.document_element().first_child(); r; r = r.next_sibling()) {
      if (rid == attr_local(r, "Id").value()) target = attr_local(r, "Target").value();
    }
    if (target.empty()) {
      return parse_error(std::string(file_name) + ": xl/workbook.xml: sheet '" + name + "' has relationship id '" +
                         rid + "' with no target in xl/_rels/workbook.xml.rels");
    }
    out.push_back({name, resolve_target(target)});
  }
  return out;
}

Status put_cell(Sheet& sheet, size_t row, size_t col, Cell cell, CellBudget& budget, std::string_view file_name) {
  if (cell.text.empty() && cell.value.empty()) return Status::ok_status();  // empty styled cells take no room
  SEKISHO_RETURN_IF_ERROR(spreadsheet_detail::check_cell_utf8(cell.text, file_name, sheet.name, row, col));
  SEKISHO_RETURN_IF_ERROR(spreadsheet_detail::check_cell_utf8(cell.value, file_name, sheet.name, row, col));
  const size_t have = row < sheet.rows.size() ? sheet.rows[row].size() : 0;
  if (!budget.take(col >= have ? col + 1 - have : 0, cell.text.size() + cell.value.size())) {
    return CellBudget::exceeded(file_name, sheet.name, row, col);
  }
  if (sheet.rows.size() <= row) sheet.rows.resize(row + 1);
  auto& r = sheet.rows[row];
  if (r.size() <= col) r.resize(col + 1);
  r[col] = std::move(cell);
  return Status::ok_status();
}

Status read_sheet(const ZipArchive& zip, std::string_view file_name, const SheetRef& ref,
                  const std::vector<std::string>& shared, Sheet& sheet, CellBudget& budget) {
  SEKISHO_ASSIGN_OR_RETURN(std::string xml, zip.read(ref.part));
  pugi::xml_document doc;
  SEKISHO_RETURN_IF_ERROR(parse_xml(doc, xml, file_name, ref.part));
  pugi::xml_node data = child_named(doc.document_element(), "sheetData");
  if (!data)
    return parse_error(std::string(file_name) + ": " + ref.part + " (sheet '" + ref.name + "'): no <sheetData>");
  auto where = [&](size_t r, size_t c) { return std::string(file_name) + ": " + a1_ref(ref.name, r, c); };
  size_t next_row = 0;
  for (pugi::xml_node row = data.first_child(); row; row = row.next_sibling()) {
    if (local_name(row) != "row") continue;
    size_t row_index = next_row;
    if (pugi::xml_attribute ra = attr_local(row, "r")) {
      unsigned long long v = ra.as_ullong(0);
      if (v == 0 || v > 1048576) {
        return parse_error(std::string(file_name) + ": " + ref.part + " (sheet '" + ref.name + "'): bad row number '" +
                           ra.value() + "'");
      }
      row_index = static_cast<size_t>(v - 1);
    }
    next_row = row_index + 1;
    size_t next_col = 0;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
      if (local_name(c) != "c") continue;
      size_t col = next_col;
      if (pugi::xml_attribute ca = attr_local(c, "r")) {
        auto pos = parse_a1(ca.value());
        if (!pos) return parse_error(where(row_index, col) + ": bad cell reference '" + ca.value() + "'");
        if (pos->first != row_index) {
          return parse_error(where(row_index, col) + ": cell " + ca.value() + " inside row " +
                             std::to_string(row_index + 1));
        }
        col = pos->second;
      }
      next_col = col + 1;
      std::string_view t = attr_local(c, "t").value();
      pugi::xml_node v = child_named(c, "v");
      Cell cell;
      if (t == "s") {
        if (!v) continue;
        char* end = nullptr;
        const char* s = v.text().get();
        unsigned long idx = std::strtoul(s, &end, 10);
        if (end == s || *end != '\0' || idx >= shared.size()) {
          return parse_error(where(row_index, col) + ": shared string index '" + s + "' out of range (" +
                             std::to_string(shared.size()) + " strings)");
        }
        cell.text = shared[idx];
        cell.type = CellType::kString;
      } else if (t == "inlineStr") {
        cell.text = string_item_text(child_named(c, "is"));
        cell.type = CellType::kString;
      } else if (t == "str") {  // a formula's string result
        cell.text = v.text().get();
        cell.type = CellType::kString;
      } else if (t == "b") {
        cell.text = v.text().get();
        cell.value = cell.text;
        cell.type = CellType::kBoolean;
      } else if (t == "e") {
        cell.text = v.text().get();
        cell.type = CellType::kError;
      } else if (t.empty() || t == "n" || t == "d") {
        if (!v) continue;
        cell.text = v.text().get();
        cell.value = cell.text;
        cell.type = t == "d" ? CellType::kDate : CellType::kNumber;
      } else {
        return parse_error(where(row_index, col) + ": unknown cell type t=\"" + std::string(t) + "\"");
      }
      SEKISHO_RETURN_IF_ERROR(put_cell(sheet, row_index, col, std::move(cell), budget, file_name));
    }
  }
  return Status::ok_status();
}

}  // namespace

Result<Workbook> read_xlsx(std::string_view bytes, std::string_view file_name) {
  SEKISHO_ASSIGN_OR_RETURN(auto zip, ZipArchive::open(bytes, file_name));
  if (!zip->has("xl/workbook.xml")) {
    return parse_error(std::string(file_name) + ": not an XLSX workbook (zip has no xl/workbook.xml)");
  }
  SEKISHO_ASSIGN_OR_RETURN(std::vector<std::string> shared, read_shared_strings(*zip, file_name));
  SEKISHO_ASSIGN_OR_RETURN(std::vector<SheetRef> refs, read_sheet_list(*zip, file_name));
  Workbook wb;
  wb.file_name = std::string(file_name);
  CellBudget budget;
  for (const SheetRef& ref : refs) {
    Sheet sheet;
    sheet.name = ref.name;
    SEKISHO_RETURN_IF_ERROR(spreadsheet_detail::check_sheet_name_utf8(sheet.name, file_name, "xl/workbook.xml"));
    SEKISHO_RETURN_IF_ERROR(read_sheet(*zip, file_name, ref, shared, sheet, budget));
    wb.sheets.push_back(std::move(sheet));
  }
  return wb;
}

Result<Workbook> read_xlsx(const std::filesystem::path& path) {
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile f, load_source(path, {.require_utf8 = false}));
  return read_xlsx(f.bytes, f.meta.name);
}

}  // namespace sekisho
