#include "lists/record_builder.hpp"

#include <nlohmann/json.hpp>

#include "core/hash.hpp"
#include "core/strings.hpp"

namespace sekisho {

void finish_entity(Entity& entity, std::string_view list_id, std::string_view source_id) {
  entity.source_id = std::string(source_id);
  entity.id = make_entity_id(list_id, source_id);
  if (const Name* primary = entity.primary_name()) entity.caption = primary->full;
}

std::string short_hash(std::string_view text) { return sha256_hex(text).substr(0, 16); }

std::string UniqueIds::claim(std::string id) {
  int n = ++seen_[id];
  if (n > 1) id += "-" + std::to_string(n);
  return id;
}

void add_unique(std::vector<std::string>& out, std::string_view value) {
  std::string_view v = trim(value);
  if (v.empty()) return;
  for (const std::string& existing : out) {
    if (existing == v) return;
  }
  out.emplace_back(v);
}

std::vector<DateSpec> parse_date_alternatives(std::string_view text, bool month_first) {
  std::vector<DateSpec> out;
  for (const std::string& piece : split_any(text, {" or ", " OR ", " Or ", ";"})) {
    DateSpec spec = parse_date_loose(piece, month_first);
    if (spec.raw.empty()) continue;
    out.push_back(std::move(spec));
  }
  return out;
}

std::string iso_date(std::string_view text, bool month_first) {
  if (trim(text).empty()) return "";
  return parse_date_loose(text, month_first).date.iso();
}

Result<CsvTable> CsvTable::read(const LoadedFile& file, CsvOptions options,
                                std::initializer_list<std::string_view> required) {
  CsvTable table;
  table.file_name_ = file.meta.path;
  SEKISHO_ASSIGN_OR_RETURN(std::vector<CsvRecord> records, read_csv(text_body(file), file.meta.path, options));
  if (records.empty()) return parse_error(file.meta.path + ":1: no header row");
  for (const std::string& h : records.front().fields) table.header_.emplace_back(trim(h));
  for (std::string_view column : required) {
    if (Result<int> found = table.require(column); !found.ok()) return found.status();
  }
  SEKISHO_RETURN_IF_ERROR(check_last_record(records, file.meta.path));
  for (size_t i = 1; i < records.size(); ++i) {
    CsvRecord& rec = records[i];
    if (rec.fields.size() != table.header_.size()) {
      return parse_error(file.meta.path + ":" + std::to_string(rec.line) + ": expected " +
                         std::to_string(table.header_.size()) + " fields (as in the header), found " +
                         std::to_string(rec.fields.size()));
    }
    table.rows_.push_back(std::move(rec));
  }
  return table;
}

int CsvTable::find(std::string_view name) const {
  for (size_t i = 0; i < header_.size(); ++i) {
    if (iequals_ascii(header_[i], trim(name))) return static_cast<int>(i);
  }
  return -1;
}

Result<int> CsvTable::require(std::string_view name) const {
  int col = find(name);
  if (col < 0) {
    return parse_error(file_name_ + ":1: missing column '" + std::string(name) +
                       "' (header has: " + join(header_, ", ") + ")");
  }
  return col;
}

std::string_view CsvTable::cell(const CsvRecord& row, int col) {
  if (col < 0 || static_cast<size_t>(col) >= row.fields.size()) return {};
  return trim(row.fields[static_cast<size_t>(col)]);
}

std::string CsvTable::row_json(const CsvRecord& row) const {
  // ordered_json keeps the publisher's column order in the audit copy.
  nlohmann::ordered_json obj = nlohmann::ordered_json::object();
  for (size_t i = 0; i < header_.size() && i < row.fields.size(); ++i) {
    if (!trim(row.fields[i]).empty()) obj[header_[i]] = row.fields[i];
  }
  return obj.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace sekisho
