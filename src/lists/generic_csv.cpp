// Generic CSV for in-house lists: the columns are described by a mapping
// file (ParseOptions::mapping_path, format in docs/formats/csv-mapping.md).
#include <map>

#include "core/strings.hpp"
#include "lists/csv_mapping.hpp"
#include "lists/parsers.hpp"
#include "lists/record_builder.hpp"

namespace sekisho::parsers {

namespace {

constexpr std::string_view kFormat = "csv";

// Column indexes resolved once against the header.
struct Resolved {
  int id, schema, birth_date, id_number, id_type, id_country, program, listed_on;
  std::vector<int> names, aliases, countries, nationalities, address, remarks;
};

Result<Resolved> resolve(const CsvMapping& m, const CsvTable& t) {
  for (const auto& [key, column] : m.referenced_columns()) {
    if (t.find(column) < 0) {
      return parse_error(m.path + ": key " + key + " names column '" + column + "', which is not in the header of " +
                         t.file_name() + " (header has: " + join(t.header(), ", ") + ")");
    }
  }
  auto many = [&](const std::vector<std::string>& cols) {
    std::vector<int> out;
    for (const std::string& c : cols) out.push_back(t.find(c));
    return out;
  };
  Resolved r;
  r.id = t.find(m.id_column);
  r.schema = m.schema_column.empty() ? -1 : t.find(m.schema_column);
  r.birth_date = m.birth_date_column.empty() ? -1 : t.find(m.birth_date_column);
  r.id_number = m.id_number_column.empty() ? -1 : t.find(m.id_number_column);
  r.id_type = m.id_type_column.empty() ? -1 : t.find(m.id_type_column);
  r.id_country = m.id_country_column.empty() ? -1 : t.find(m.id_country_column);
  r.program = m.program_column.empty() ? -1 : t.find(m.program_column);
  r.listed_on = m.listed_on_column.empty() ? -1 : t.find(m.listed_on_column);
  r.names = many(m.name_columns);
  r.aliases = many(m.alias_columns);
  r.countries = many(m.country_columns);
  r.nationalities = many(m.nationality_columns);
  r.address = many(m.address_columns);
  r.remarks = many(m.remark_columns);
  return r;
}

std::string joined_cells(const CsvRecord& row, const std::vector<int>& cols, std::string_view sep) {
  std::vector<std::string> parts;
  for (int c : cols) {
    std::string_view v = CsvTable::cell(row, c);
    if (!v.empty()) parts.emplace_back(v);
  }
  return join(parts, sep);
}

Result<Schema> row_schema(const CsvMapping& m, const Resolved& r, const CsvRecord& row, const std::string& where) {
  if (!m.fixed_schema.empty()) return parse_schema(m.fixed_schema);
  if (r.schema < 0) return Schema::kLegalEntity;
  std::string code(CsvTable::cell(row, r.schema));
  auto it = m.schema_values.find(code);
  if (it != m.schema_values.end()) return parse_schema(it->second);
  if (parse_schema(code).ok()) return parse_schema(code);
  if (!m.schema_default.empty()) return parse_schema(m.schema_default);
  return parse_error(where + ": field " + m.schema_column + ": '" + code + "' is not in schema.values of " + m.path);
}

Result<Entity> build(const CsvMapping& m, const Resolved& r, const CsvTable& t, const CsvRecord& row,
                     const std::string& where) {
  Entity e;
  SEKISHO_ASSIGN_OR_RETURN(e.schema, row_schema(m, r, row, where));
  std::string name = joined_cells(row, r.names, " ");
  if (name.empty()) return parse_error(where + ": field " + join(m.name_columns, "+") + " (name) is empty");
  e.add_name(Name{.full = collapse_spaces(name)});
  for (int c : r.aliases) {
    for (std::string& a : split_trimmed(CsvTable::cell(row, c), m.alias_separator)) {
      e.add_name(Name{.full = std::move(a), .kind = NameKind::kAlias});
    }
  }
  if (r.birth_date >= 0) e.birth_dates = parse_date_alternatives(CsvTable::cell(row, r.birth_date), m.month_first);
  for (int c : r.countries) {
    for (const std::string& v : split_trimmed(CsvTable::cell(row, c), m.multi_value_separator))
      add_unique(e.countries, v);
  }
  for (int c : r.nationalities) {
    for (const std::string& v : split_trimmed(CsvTable::cell(row, c), m.multi_value_separator)) {
      add_unique(e.nationalities, v);
    }
  }
  if (r.id_number >= 0 && !CsvTable::cell(row, r.id_number).empty()) {
    Identifier id;
    id.value = std::string(CsvTable::cell(row, r.id_number));
    id.type = r.id_type >= 0 ? to_lower_ascii(CsvTable::cell(row, r.id_type)) : m.id_type;
    if (id.type.empty()) id.type = "other";
    if (r.id_country >= 0) id.country = std::string(CsvTable::cell(row, r.id_country));
    e.identifiers.push_back(std::move(id));
  }
  std::string address = joined_cells(row, r.address, ", ");
  if (!address.empty()) e.addresses.push_back(Address{.full = address});
  if (r.program >= 0) {
    for (const std::string& p : split_trimmed(CsvTable::cell(row, r.program), m.multi_value_separator)) {
      add_unique(e.programs, p);
    }
  }
  if (r.listed_on >= 0) e.listed_on = iso_date(CsvTable::cell(row, r.listed_on), m.month_first);
  for (int c : r.remarks) {
    if (!CsvTable::cell(row, c).empty()) e.remarks.emplace_back(CsvTable::cell(row, c));
  }
  e.raw = t.row_json(row);
  return e;
}

}  // namespace

Result<ParsedList> parse_generic_csv(const Paths& paths, const ParseOptions& options) {
  if (options.mapping_path.empty()) {
    return invalid_argument("csv: a mapping file is required (--mapping; see docs/formats/csv-mapping.md)");
  }
  SEKISHO_ASSIGN_OR_RETURN(CsvMapping mapping, load_csv_mapping(options.mapping_path));
  SEKISHO_ASSIGN_OR_RETURN(std::filesystem::path path, resolve_single(paths, ".csv", kFormat));
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  SEKISHO_ASSIGN_OR_RETURN(CsvTable table, CsvTable::read(file, {.delimiter = mapping.delimiter}));
  SEKISHO_ASSIGN_OR_RETURN(Resolved cols, resolve(mapping, table));

  ParsedList list;
  list.files.push_back(file.meta);
  std::map<std::string, size_t> first_line;
  for (const CsvRecord& row : table.rows()) {
    const std::string where = file.meta.path + ":" + std::to_string(row.line);
    std::string id(CsvTable::cell(row, cols.id));
    if (id.empty()) return parse_error(where + ": field " + mapping.id_column + " (id) is empty");
    auto [it, inserted] = first_line.emplace(id, row.line);
    if (!inserted) {
      return parse_error(where + ": id '" + id + "' repeats the id of line " + std::to_string(it->second));
    }
    SEKISHO_ASSIGN_OR_RETURN(Entity e, build(mapping, cols, table, row, where));
    finish_entity(e, options.list_id, id);
    list.entities.push_back(std::move(e));
  }
  if (list.entities.empty()) return parse_error(file.meta.path + ": header only, no rows");
  return list;
}

}  // namespace sekisho::parsers
