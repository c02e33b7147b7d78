#include <unordered_map>

#include "core/strings.hpp"
#include "lists/csv_reader.hpp"
#include "sekisho/screen.hpp"
#include "sekisho/text.hpp"

namespace sekisho {

Status check_query_name(std::string_view name) {
  name = trim(name);
  if (name.empty()) return invalid_argument("empty name");
  if (find_invalid_utf8(name) != std::string_view::npos) return invalid_argument("name is not valid UTF-8");
  if (name.size() > text::kMaxNameBytes) {
    return invalid_argument("name is " + std::to_string(name.size()) + " bytes long; at most " +
                            std::to_string(text::kMaxNameBytes) + " are screened");
  }
  if (text::bounded_name(name).size() < name.size()) {
    return invalid_argument("name has more than " + std::to_string(text::kMaxNameWords) + " words; at most " +
                            std::to_string(text::kMaxNameWords) + " are screened");
  }
  return Status::ok_status();
}

Result<ScreenQuery> make_query(std::string_view name, std::string_view schema, std::string_view birth_date,
                               std::string_view country, std::string_view id_number, std::string_view gender) {
  ScreenQuery q;
  q.name = std::string(trim(name));
  SEKISHO_RETURN_IF_ERROR(check_query_name(q.name));
  if (!trim(schema).empty()) {
    SEKISHO_ASSIGN_OR_RETURN(q.schema, parse_schema(trim(schema)));
  }
  if (!trim(birth_date).empty()) {
    DateSpec d = parse_date_loose(trim(birth_date));
    if (d.empty()) return invalid_argument("birth_date '" + std::string(birth_date) + "' is not a date");
    q.birth_dates.push_back(std::move(d));
  }
  for (const std::string& c : split_trimmed(country, ";")) q.countries.push_back(c);
  for (const std::string& id : split_trimmed(id_number, ";")) q.identifiers.push_back({"other", id, "", ""});
  std::string g = to_lower_ascii(trim(gender));
  if (g == "m" || g == "male") q.gender = "male";
  else if (g == "f" || g == "female") q.gender = "female";
  // FollowTheMoney's third value: a customer like any other, screened without a gender to compare.
  else if (g == "other" || g == "o") q.gender.clear();
  else if (!g.empty()) return invalid_argument("gender '" + std::string(gender) + "' is not male, female or other");
  return q;
}

Result<std::vector<QueryRow>> read_query_rows(std::string_view csv_text, std::string_view file_name) {
  if (csv_text.substr(0, 3) == "\xEF\xBB\xBF") csv_text.remove_prefix(3);
  // Invalid UTF-8 is judged per row below, so the reader must not reject the file for it.
  SEKISHO_ASSIGN_OR_RETURN(std::vector<CsvRecord> records, read_csv(csv_text, file_name));
  if (records.empty()) return parse_error(std::string(file_name) + ": empty input, expected a header id,name,…");
  std::unordered_map<std::string, size_t> col;
  for (size_t i = 0; i < records[0].fields.size(); ++i) col[to_lower_ascii(trim(records[0].fields[i]))] = i;
  for (const char* required : {"id", "name"}) {
    if (!col.count(required)) {
      return parse_error(std::string(file_name) + ":1: header has no '" + required +
                         "' column (required: id,name; optional: schema,birth_date,country,id_number,gender)");
    }
  }
  auto field = [&](const CsvRecord& r, const char* name) -> std::string_view {
    auto it = col.find(name);
    if (it == col.end() || it->second >= r.fields.size()) return {};
    return r.fields[it->second];
  };
  std::vector<QueryRow> rows;
  rows.reserve(records.size() - 1);
  for (size_t i = 1; i < records.size(); ++i) {
    const CsvRecord& r = records[i];
    QueryRow row;
    row.line = r.line;
    row.id = std::string(trim(field(r, "id")));
    std::string where = std::string(file_name) + ":" + std::to_string(r.line);
    if (r.fields.size() != records[0].fields.size()) {
      row.error = where + ": expected " + std::to_string(records[0].fields.size()) + " fields, found " +
                  std::to_string(r.fields.size());
    } else if (row.id.empty()) {
      row.error = where + ": empty id";
    } else {
      auto q = make_query(field(r, "name"), field(r, "schema"), field(r, "birth_date"), field(r, "country"),
                          field(r, "id_number"), field(r, "gender"));
      if (q.ok()) {
        row.query = std::move(q).value();
      } else {
        row.error = where + ": " + q.status().message();
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace sekisho
