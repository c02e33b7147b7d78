// The mapping file of the generic CSV format: which column of an in-house
// list holds the id, the names, dates, countries… (docs/formats/csv-mapping.md).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "sekisho/status.hpp"

namespace sekisho {

struct CsvMapping {
  std::string path;  // the mapping file, for messages
  char delimiter = ',';
  std::string id_column;                  // required
  std::vector<std::string> name_columns;  // required; joined with a space
  std::vector<std::string> alias_columns;
  std::string alias_separator = ";";
  std::string fixed_schema;                          // "Person"…, when every row has the same schema
  std::string schema_column;                         // else the column holding a code…
  std::map<std::string, std::string> schema_values;  // …mapped to a schema name
  std::string schema_default;                        // schema for codes not in schema_values ("" = error)
  std::string birth_date_column;
  bool month_first = false;  // birth_date / listed_on order "mdy"
  std::vector<std::string> country_columns;
  std::vector<std::string> nationality_columns;
  std::string id_number_column;
  std::string id_type = "other";  // fixed identifier type…
  std::string id_type_column;     // …or the column holding it
  std::string id_country_column;
  std::vector<std::string> address_columns;
  std::string program_column;
  std::string listed_on_column;
  std::vector<std::string> remark_columns;
  std::string multi_value_separator = ";";

  // Every column the mapping refers to, with the key that names it.
  std::vector<std::pair<std::string, std::string>> referenced_columns() const;
};

// Reads and validates a mapping file. Errors name the file and, for YAML
// syntax errors, the line and column.
Result<CsvMapping> load_csv_mapping(const std::filesystem::path& path);

}  // namespace sekisho
