#include "lists/csv_mapping.hpp"

#include <yaml-cpp/yaml.h>

#include <set>

#include "io/source_file.hpp"

namespace sekisho {

namespace {

const std::set<std::string, std::less<>> kKeys = {
    "delimiter",   "id",        "name",    "aliases", "schema",    "birth_date", "country",
    "nationality", "id_number", "address", "program", "listed_on", "remarks",    "multi_value_separator"};

const std::set<std::string, std::less<>> kIdTypes = {"passport",  "national_id", "tax_id",       "imo",       "mmsi",
                                                     "call_sign", "lei",         "registration", "swift_bic", "other"};

const std::set<std::string, std::less<>> kSchemas = {"Person",      "Organization", "Company",
                                                     "LegalEntity", "Vessel",       "Aircraft"};

// yaml-cpp reports problems by throwing; this file is the edge where those
// exceptions become a Status, so nothing escapes into the parsers.
struct MappingError {
  std::string message;
};

std::string scalar(const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar()) throw MappingError{"key " + key + " must be a single value"};
  return node.as<std::string>();
}

// A column or a list of columns.
std::vector<std::string> columns(const YAML::Node& node, const std::string& key) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.as<std::string>());
  } else if (node.IsSequence()) {
    for (const YAML::Node& item : node) out.push_back(scalar(item, key));
  } else {
    throw MappingError{"key " + key + " must be a column name or a list of column names"};
  }
  return out;
}

void check_subkeys(const YAML::Node& node, const std::string& key, std::initializer_list<std::string_view> allowed) {
  for (const auto& kv : node) {
    std::string sub = kv.first.as<std::string>();
    bool ok = false;
    for (std::string_view a : allowed) ok |= a == sub;
    if (!ok) throw MappingError{"key " + key + " has unknown sub-key '" + sub + "'"};
  }
}

void read_date_order(const YAML::Node& node, CsvMapping& m) {
  if (!node) return;
  std::string order = scalar(node, "birth_date.order");
  if (order != "dmy" && order != "mdy") throw MappingError{"birth_date.order must be dmy or mdy, not '" + order + "'"};
  m.month_first = order == "mdy";
}

void read(const YAML::Node& root, CsvMapping& m) {
  if (!root.IsMap()) throw MappingError{"the mapping must be a YAML map of keys"};
  for (const auto& kv : root) {
    std::string key = kv.first.as<std::string>();
    if (!kKeys.count(key)) throw MappingError{"unknown key '" + key + "'"};
  }
  if (root["delimiter"]) {
    std::string d = scalar(root["delimiter"], "delimiter");
    if (d == "tab" || d == "\\t") d = "\t";
    if (d.size() != 1) throw MappingError{"delimiter must be one character, not '" + d + "'"};
    m.delimiter = d[0];
  }
  if (!root["id"]) throw MappingError{"key id is required (the column holding each row's id)"};
  m.id_column = scalar(root["id"], "id");
  if (!root["name"]) throw MappingError{"key name is required (the column or columns holding the name)"};
  m.name_columns = columns(root["name"], "name");
  if (YAML::Node a = root["aliases"]) {
    if (a.IsMap()) {
      check_subkeys(a, "aliases", {"columns", "separator"});
      if (!a["columns"]) throw MappingError{"key aliases needs columns"};
      m.alias_columns = columns(a["columns"], "aliases.columns");
      if (a["separator"]) m.alias_separator = scalar(a["separator"], "aliases.separator");
    } else {
      m.alias_columns = columns(a, "aliases");
    }
  }
  if (YAML::Node s = root["schema"]) {
    if (s.IsScalar()) {
      m.fixed_schema = s.as<std::string>();
      if (!kSchemas.count(m.fixed_schema)) throw MappingError{"schema '" + m.fixed_schema + "' is not a schema name"};
    } else if (s.IsMap()) {
      check_subkeys(s, "schema", {"column", "values", "default"});
      if (!s["column"]) throw MappingError{"key schema needs column (or a fixed schema name)"};
      m.schema_column = scalar(s["column"], "schema.column");
      if (YAML::Node v = s["values"]) {
        if (!v.IsMap()) throw MappingError{"schema.values must map codes to schema names"};
        for (const auto& kv : v) {
          std::string target = kv.second.as<std::string>();
          if (!kSchemas.count(target)) throw MappingError{"schema.values: '" + target + "' is not a schema name"};
          m.schema_values[kv.first.as<std::string>()] = target;
        }
      }
      if (s["default"]) {
        m.schema_default = scalar(s["default"], "schema.default");
        if (!kSchemas.count(m.schema_default)) {
          throw MappingError{"schema.default '" + m.schema_default + "' is not a schema name"};
        }
      }
    } else {
      throw MappingError{"key schema must be a schema name or {column, values, default}"};
    }
  }
  if (YAML::Node b = root["birth_date"]) {
    if (b.IsMap()) {
      check_subkeys(b, "birth_date", {"column", "order"});
      if (!b["column"]) throw MappingError{"key birth_date needs column"};
      m.birth_date_column = scalar(b["column"], "birth_date.column");
      read_date_order(b["order"], m);
    } else {
      m.birth_date_column = scalar(b, "birth_date");
    }
  }
  if (root["country"]) m.country_columns = columns(root["country"], "country");
  if (root["nationality"]) m.nationality_columns = columns(root["nationality"], "nationality");
  if (YAML::Node i = root["id_number"]) {
    if (!i.IsMap()) throw MappingError{"key id_number must be {column, type | type_column, country_column}"};
    check_subkeys(i, "id_number", {"column", "type", "type_column", "country_column"});
    if (!i["column"]) throw MappingError{"key id_number needs column"};
    m.id_number_column = scalar(i["column"], "id_number.column");
    if (i["type"]) {
      m.id_type = scalar(i["type"], "id_number.type");
      if (!kIdTypes.count(m.id_type))
        throw MappingError{"id_number.type '" + m.id_type + "' is not an identifier type"};
    }
    if (i["type_column"]) m.id_type_column = scalar(i["type_column"], "id_number.type_column");
    if (i["country_column"]) m.id_country_column = scalar(i["country_column"], "id_number.country_column");
  }
  if (root["address"]) m.address_columns = columns(root["address"], "address");
  if (root["program"]) m.program_column = scalar(root["program"], "program");
  if (root["listed_on"]) m.listed_on_column = scalar(root["listed_on"], "listed_on");
  if (root["remarks"]) m.remark_columns = columns(root["remarks"], "remarks");
  if (root["multi_value_separator"]) {
    m.multi_value_separator = scalar(root["multi_value_separator"], "multi_value_separator");
    if (m.multi_value_separator.empty()) throw MappingError{"multi_value_separator must not be empty"};
  }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> CsvMapping::referenced_columns() const {
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&](const std::string& key, const std::string& col) {
    if (!col.empty()) out.emplace_back(key, col);
  };
  add("id", id_column);
  for (const std::string& c : name_columns) add("name", c);
  for (const std::string& c : alias_columns) add("aliases", c);
  add("schema.column", schema_column);
  add("birth_date", birth_date_column);
  for (const std::string& c : country_columns) add("country", c);
  for (const std::string& c : nationality_columns) add("nationality", c);
  add("id_number.column", id_number_column);
  add("id_number.type_column", id_type_column);
  add("id_number.country_column", id_country_column);
  for (const std::string& c : address_columns) add("address", c);
  add("program", program_column);
  add("listed_on", listed_on_column);
  for (const std::string& c : remark_columns) add("remarks", c);
  return out;
}

Result<CsvMapping> load_csv_mapping(const std::filesystem::path& path) {
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  CsvMapping m;
  m.path = file.meta.path;
  try {
    read(YAML::Load(std::string(text_body(file))), m);
  } catch (const MappingError& e) {
    return parse_error(m.path + ": " + e.message);
  } catch (const YAML::Exception& e) {
    if (e.mark.is_null()) return parse_error(m.path + ": YAML error: " + e.msg);
    return parse_error(m.path + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                       ": YAML error: " + e.msg);
  }
  return m;
}

}  // namespace sekisho
