// Reading the customer's parties from CSV or JSON lines (docs/formats/cases.md).
// A bad row fails the whole file, naming file, line and field: a registry
// import that silently skipped a party would leave that party unscreened.
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/strings.hpp"
#include "io/csv_reader.hpp"
#include "io/utf8.hpp"
#include "sekisho/cases.hpp"
#include "sekisho/screen.hpp"

namespace sekisho {

namespace {

using nlohmann::json;

constexpr std::string_view kCsvColumns[] = {"id",         "name",    "aliases",     "schema",
                                            "birth_date", "country", "identifiers", "tags"};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Checks what screening will need of a party; `where` is "file:line".
Status validate(Party& party, const std::string& where) {
  if (party.id.empty()) return parse_error(where + ": field 'id': empty");
  if (find_invalid_utf8(party.id) != std::string_view::npos)
    return parse_error(where + ": field 'id': not valid UTF-8");
  if (party.names.empty()) return parse_error(where + ": field 'name': empty");
  auto schema = parse_schema(party.schema);
  if (!schema.ok()) return parse_error(where + ": field 'schema': unknown schema '" + party.schema + "'");
  party.schema = std::string(schema_name(*schema));
  for (const std::string& name : party.names) {
    auto q = make_query(name, party.schema, party.birth_date, "", "", "");
    if (!q.ok()) {
      std::string field = q.status().message().find("birth_date") != std::string::npos ? "birth_date" : "name";
      return parse_error(where + ": field '" + field + "': " + q.status().message());
    }
  }
  for (const auto* list : {&party.countries, &party.identifiers, &party.tags}) {
    for (const std::string& v : *list) {
      if (find_invalid_utf8(v) != std::string_view::npos) return parse_error(where + ": a field is not valid UTF-8");
    }
  }
  return Status();
}

Result<std::vector<Party>> parse_csv(std::string_view text, std::string_view file_name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  SEKISHO_ASSIGN_OR_RETURN(std::vector<CsvRecord> records, read_csv(text, file_name));
  if (records.empty()) return parse_error(std::string(file_name) + ": empty file, expected a header id,name,…");
  std::unordered_map<std::string, size_t> col;
  for (size_t i = 0; i < records[0].fields.size(); ++i) {
    std::string name = to_lower_ascii(trim(records[0].fields[i]));
    bool known = false;
    for (std::string_view c : kCsvColumns) known = known || c == name;
    if (!known) {
      return parse_error(std::string(file_name) + ":1: unknown column '" + name +
                         "' (columns: id,name,aliases,schema,birth_date,country,identifiers,tags)");
    }
    col[name] = i;
  }
  for (const char* required : {"id", "name"}) {
    if (!col.count(required))
      return parse_error(std::string(file_name) + ":1: header has no '" + required + "' column");
  }
  auto field = [&](const CsvRecord& r, const char* name) -> std::string_view {
    auto it = col.find(name);
    return it == col.end() ? std::string_view() : trim(r.fields[it->second]);
  };
  std::vector<Party> parties;
  for (size_t i = 1; i < records.size(); ++i) {
    const CsvRecord& r = records[i];
    std::string where = std::string(file_name) + ":" + std::to_string(r.line);
    if (r.fields.size() != records[0].fields.size()) {
      return parse_error(where + ": expected " + std::to_string(records[0].fields.size()) + " fields, found " +
                         std::to_string(r.fields.size()));
    }
    Party p;
    p.id = std::string(field(r, "id"));
    if (std::string name(field(r, "name")); !name.empty()) p.names.push_back(name);
    for (std::string& alias : split_trimmed(field(r, "aliases"), ";")) p.names.push_back(std::move(alias));
    if (!field(r, "schema").empty()) p.schema = std::string(field(r, "schema"));
    p.birth_date = std::string(field(r, "birth_date"));
    p.countries = split_trimmed(field(r, "country"), ";");
    p.identifiers = split_trimmed(field(r, "identifiers"), ";");
    p.tags = split_trimmed(field(r, "tags"), ";");
    SEKISHO_RETURN_IF_ERROR(validate(p, where));
    parties.push_back(std::move(p));
  }
  return parties;
}

// A string or an array of strings; anything else is an error naming the field.
Status read_strings(const json& obj, const char* key, std::vector<std::string>& out, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status();
  if (it->is_string()) {
    if (std::string v(trim(it->get<std::string>())); !v.empty()) out.push_back(v);
    return Status();
  }
  if (!it->is_array()) return parse_error(where + ": field '" + key + "': expected a string or an array of strings");
  for (const json& v : *it) {
    if (!v.is_string()) return parse_error(where + ": field '" + key + "': expected strings only");
    if (std::string s(trim(v.get<std::string>())); !s.empty()) out.push_back(s);
  }
  return Status();
}

Status read_string(const json& obj, const char* key, std::string& out, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status();
  if (!it->is_string()) return parse_error(where + ": field '" + key + "': expected a string");
  out = std::string(trim(it->get<std::string>()));
  return Status();
}

Result<std::vector<Party>> parse_jsonl(std::string_view text, std::string_view file_name) {
  std::vector<Party> parties;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty()) continue;
    std::string where = std::string(file_name) + ":" + std::to_string(line_no);
    json obj = json::parse(line, nullptr, false);
    if (obj.is_discarded() || !obj.is_object()) return parse_error(where + ": not a JSON object");
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      static const std::set<std::string> kKeys = {"id",         "name",    "names",     "aliases",     "schema",
                                                  "birth_date", "country", "countries", "identifiers", "tags"};
      if (!kKeys.count(it.key())) return parse_error(where + ": unknown field '" + it.key() + "'");
    }
    Party p;
    SEKISHO_RETURN_IF_ERROR(read_string(obj, "id", p.id, where));
    SEKISHO_RETURN_IF_ERROR(read_strings(obj, "name", p.names, where));
    SEKISHO_RETURN_IF_ERROR(read_strings(obj, "names", p.names, where));
    SEKISHO_RETURN_IF_ERROR(read_strings(obj, "aliases", p.names, where));
    std::string schema;
    SEKISHO_RETURN_IF_ERROR(read_string(obj, "schema", schema, where));
    if (!schema.empty()) p.schema = schema;
    SEKISHO_RETURN_IF_ERROR(read_string(obj, "birth_date", p.birth_date, where));
    SEKISHO_RETURN_IF_ERROR(read_strings(obj, "country", p.countries, where));
    SEKISHO_RETURN_IF_ERROR(read_strings(obj, "countries", p.countries, where));
    SEKISHO_RETURN_IF_ERROR(read_strings(obj, "identifiers", p.identifiers, where));
    SEKISHO_RETURN_IF_ERROR(read_strings(obj, "tags", p.tags, where));
    SEKISHO_RETURN_IF_ERROR(validate(p, where));
    parties.push_back(std::move(p));
  }
  return parties;
}

}  // namespace

Result<std::vector<Party>> parse_parties(std::string_view text, std::string_view file_name) {
  if (find_invalid_utf8(text) != std::string_view::npos) {
    LineCol at = line_col_at(text, find_invalid_utf8(text));
    return parse_error(std::string(file_name) + ":" + std::to_string(at.line) + ": not valid UTF-8");
  }
  Result<std::vector<Party>> parties = ends_with(file_name, ".jsonl") || ends_with(file_name, ".ndjson")
                                           ? parse_jsonl(text, file_name)
                                           : parse_csv(text, file_name);
  if (!parties.ok()) return parties;
  // One id, one party: a second row with the same id would silently win.
  std::unordered_map<std::string, size_t> seen;
  for (size_t i = 0; i < parties->size(); ++i) {
    auto [it, fresh] = seen.emplace((*parties)[i].id, i);
    if (!fresh) {
      return parse_error(std::string(file_name) + ": party id '" + (*parties)[i].id + "' appears twice (rows " +
                         std::to_string(it->second + 1) + " and " + std::to_string(i + 1) + ")");
    }
  }
  return parties;
}

Result<std::vector<Party>> read_party_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return not_found(path.string() + ": cannot open");
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  if (text.empty()) return parse_error(path.string() + ": empty file");
  return parse_parties(text, path.string());
}

}  // namespace sekisho
