// UK Sanctions List (FCDO), full CSV (sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv).
//
// Layout: an optional first line "Report Date: 24-Jun-2026", then a header of
// 58 columns (Last Updated, Unique ID, OFSI Group ID, UN Reference Number,
// Name 6, Name 1 … Name 5, Name type, Alias strength, Title, Name non-latin
// script, Non-latin script type/language, Regime Name, Designation Type,
// Designation source, Sanctions Imposed ('|'-separated), Other Information,
// UK Statement of Reasons, Address Line 1 … 6, Address Postal Code, Address
// Country, Phone number, Website, Email address, Date Designated, D.O.B,
// Nationality(/ies), National Identifier number (+ additional information),
// Passport number (+ additional information), Position, Gender, Town/Country of
// birth, Type of entity, Subsidiaries, Parent company, Business registration
// number (s), IMO number, owner/operator, flag and ship details). Older files
// call the type column "Individual, Entity, Ship".
//
// One designation spans several rows, one per name and per address: rows with
// the same Unique ID are merged into one entity (primary name + aliases).
// Columns are found by header text, so reordered or added columns are fine.
// Dates are DD/MM/YYYY; a D.O.B of "00/00/1975" means only the year is known.
#include <nlohmann/json.hpp>

#include <map>
#include <regex>

#include "core/strings.hpp"
#include "io/csv_reader.hpp"
#include "io/source_file.hpp"
#include "lists/parsers.hpp"
#include "lists/uk_common.hpp"

namespace sekisho::parsers {

namespace {

struct Row {
  const CsvRecord* record;
  const std::vector<std::string>* header;
  const std::map<std::string, size_t>* index;

  // The trimmed value of column `name`, "" when the column is absent.
  std::string get(std::string_view name) const {
    auto it = index->find(to_lower_ascii(name));
    if (it == index->end() || it->second >= record->fields.size()) return "";
    return std::string(trim(record->fields[it->second]));
  }
};

std::string lang_code(std::string_view language) {
  static const std::map<std::string, std::string> kCodes = {
      {"russian", "ru"},  {"ukrainian", "uk"}, {"belarusian", "be"}, {"arabic", "ar"},   {"persian", "fa"},
      {"farsi", "fa"},    {"chinese", "zh"},   {"korean", "ko"},     {"japanese", "ja"}, {"burmese", "my"},
      {"georgian", "ka"}, {"armenian", "hy"},  {"hebrew", "he"},     {"pashto", "ps"},   {"urdu", "ur"}};
  auto it = kCodes.find(to_lower_ascii(trim(language)));
  return it == kCodes.end() ? "" : it->second;
}

// "17/05/1960" → 1960-05-17; "00/00/1975" → 1975; "00/05/1975" → 1975-05.
DateSpec uk_birth_date(const std::string& s) {
  static const std::regex kDmy("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  std::smatch m;
  DateSpec d;
  d.raw = s;
  if (std::regex_match(s, m, kDmy)) {
    d.date.year = static_cast<int16_t>(std::stoi(m.str(3)));
    d.date.month = static_cast<int8_t>(std::stoi(m.str(2)));
    d.date.day = d.date.month ? static_cast<int8_t>(std::stoi(m.str(1))) : 0;
    if (d.date.month > 12 || d.date.day > 31) return parse_date_loose(s);
    return d;
  }
  return parse_date_loose(s);
}

template <typename T>
void add_unique(std::vector<T>& v, T value) {
  if (std::find(v.begin(), v.end(), value) == v.end()) v.push_back(std::move(value));
}

void add_remark(Entity& e, std::string_view label, const std::string& value) {
  if (!value.empty()) add_unique(e.remarks, std::string(label) + ": " + value);
}

void add_identifier(Entity& e, Identifier id) {
  for (const Identifier& o : e.identifiers) {
    if (o.type == id.type && o.value == id.value) return;
  }
  e.identifiers.push_back(std::move(id));
}

// Several values in one cell: "(1) Iran (2) Iraq" or "a; b".
std::vector<std::string> multi(const std::string& cell) {
  static const std::regex kNumbered("\\(\\d+\\)");
  std::string s = std::regex_replace(cell, kNumbered, ";");
  return split_trimmed(s, ";");
}

Status apply_row(Entity& e, const Row& r, std::string_view file_name) {
  auto where = [&](std::string_view column) {
    return std::string(file_name) + ":" + std::to_string(r.record->line) + ": " + std::string(column);
  };
  // Names: Name 1..5 are given/middle names, Name 6 the surname or the whole name of a body.
  std::vector<std::string> parts;
  for (int i = 1; i <= 6; ++i) {
    std::string p = r.get("Name " + std::to_string(i));
    if (!p.empty()) parts.push_back(p);
  }
  std::string type = r.get("Name type");
  if (!parts.empty()) {
    Name n;
    n.full = collapse_spaces(join(parts, " "));
    n.first = r.get("Name 1");
    std::vector<std::string> middle;
    for (int i = 2; i <= 5; ++i) {
      std::string p = r.get("Name " + std::to_string(i));
      if (!p.empty()) middle.push_back(p);
    }
    n.middle = join(middle, " ");
    n.last = r.get("Name 6");
    std::string strength = to_lower_ascii(r.get("Alias strength"));
    std::string lower = to_lower_ascii(type);
    if (lower == "primary name") {
      // Each address row repeats the primary name; a second, different one is kept as an alias.
      const Name* p = e.primary_name();
      bool other_primary = p && p->kind == NameKind::kPrimary && p->full != collapse_spaces(join(parts, " "));
      n.kind = other_primary ? NameKind::kAlias : NameKind::kPrimary;
    } else if (lower == "primary name variation") {
      n.kind = NameKind::kAlias;
      n.quality = "variation";
    } else if (lower == "alias" || lower == "aka") {
      bool low = strength.find("low") != std::string::npos;
      n.kind = low ? NameKind::kWeakAlias : NameKind::kAlias;
      n.quality = low ? "low" : strength.find("good") != std::string::npos ? "good" : "";
    } else if (lower == "former name" || lower == "fka") {
      n.kind = NameKind::kFormerName;
    } else {
      return parse_error(where("Name type") + ": unknown name type '" + type +
                         "' (expected Primary Name, Primary Name Variation or Alias)");
    }
    e.add_name(std::move(n));
  }
  std::string non_latin = r.get("Name non-latin script");
  if (!non_latin.empty()) {
    e.add_name({.full = collapse_spaces(non_latin),
                .kind = NameKind::kOriginalScript,
                .lang = lang_code(r.get("Non-latin script language"))});
  }
  add_remark(e, "Title", r.get("Title"));
  if (std::string regime = r.get("Regime Name"); !regime.empty()) add_unique(e.programs, regime);
  add_remark(e, "Designation source", r.get("Designation source"));
  for (const std::string& m : split_trimmed(r.get("Sanctions Imposed"), "|")) add_remark(e, "Sanctions imposed", m);
  add_remark(e, "Other information", r.get("Other Information"));
  add_remark(e, "UK statement of reasons", r.get("UK Statement of Reasons"));

  Address a;
  std::vector<std::string> street, all;
  for (int i = 1; i <= 6; ++i) {
    std::string l = r.get("Address Line " + std::to_string(i));
    if (l.empty()) continue;
    all.push_back(l);
    if (i <= 3) street.push_back(l);
  }
  a.street = join(street, ", ");
  a.city = r.get("Address Line 6");
  a.region = r.get("Address Line 5");
  a.postal_code = r.get("Address Postal Code");
  a.country = r.get("Address Country");
  if (!a.postal_code.empty()) all.push_back(a.postal_code);
  if (!a.country.empty()) all.push_back(a.country);
  a.full = join(all, ", ");
  if (!a.full.empty()) {
    bool seen = false;
    for (const Address& o : e.addresses) seen |= o.full == a.full;
    if (!seen) e.addresses.push_back(a);
    if (!a.country.empty()) add_unique(e.countries, a.country);
  }
  add_remark(e, "Phone", r.get("Phone number"));
  add_remark(e, "Website", r.get("Website"));
  add_remark(e, "Email", r.get("Email address"));

  std::string designated = r.get("Date Designated");
  if (!designated.empty()) {
    std::string iso = uk_date(designated);
    if (iso.empty()) return parse_error(where("Date Designated") + ": '" + designated + "' is not DD/MM/YYYY");
    if (e.listed_on.empty() || iso < e.listed_on) e.listed_on = iso;
  }
  for (const std::string& dob : multi(r.get("D.O.B"))) {
    DateSpec d = uk_birth_date(dob);
    bool seen = false;
    for (const DateSpec& o : e.birth_dates) seen |= o.raw == d.raw;
    if (!seen) e.birth_dates.push_back(std::move(d));
  }
  for (const std::string& n : multi(r.get("Nationality(/ies)"))) add_unique(e.nationalities, n);
  if (std::string id = r.get("National Identifier number"); !id.empty()) {
    add_identifier(e,
                   {.type = "national_id", .value = id, .note = r.get("National Identifier additional information")});
  }
  if (std::string pp = r.get("Passport number"); !pp.empty()) {
    add_identifier(e, {.type = "passport", .value = pp, .note = r.get("Passport additional information")});
  }
  add_remark(e, "Position", r.get("Position"));
  if (std::string g = to_lower_ascii(r.get("Gender")); g == "male" || g == "female") e.gender = g;
  std::vector<std::string> birth;
  for (std::string_view c : {"Town of birth", "Country of birth"}) {
    if (std::string v = r.get(c); !v.empty()) birth.push_back(v);
  }
  if (!birth.empty()) add_unique(e.birth_places, join(birth, ", "));
  add_remark(e, "Type of entity", r.get("Type of entity"));
  add_remark(e, "Subsidiaries", r.get("Subsidiaries"));
  add_remark(e, "Parent company", r.get("Parent company"));
  if (std::string reg = r.get("Business registration number (s)"); !reg.empty()) {
    add_identifier(e, {.type = "registration", .value = reg});
  }
  if (std::string imo = r.get("IMO number"); !imo.empty()) add_identifier(e, {.type = "imo", .value = imo});
  if (std::string hin = r.get("Hull identification number (HIN)"); !hin.empty()) {
    add_identifier(e, {.type = "other", .value = hin, .note = "hull identification number"});
  }
  add_remark(e, "Current owner/operator", r.get("Current owner/operator (s)"));
  add_remark(e, "Previous owner/operator", r.get("Previous owner/operator (s)"));
  if (std::string flag = r.get("Current believed flag of ship"); !flag.empty()) {
    add_unique(e.countries, flag);
    add_remark(e, "Flag", flag);
  }
  add_remark(e, "Previous flags", r.get("Previous flags"));
  add_remark(e, "Type of ship", r.get("Type of ship"));
  add_remark(e, "Tonnage", r.get("Tonnage of ship"));
  add_remark(e, "Length", r.get("Length of ship"));
  if (std::string built = r.get("Year Built"); !built.empty()) {
    DateSpec d = parse_date_loose(built);
    if (!d.empty() && e.birth_dates.empty()) e.birth_dates.push_back(d);
  }
  if (std::string un = r.get("UN Reference Number"); !un.empty()) {
    add_identifier(e, {.type = "other", .value = un, .note = "UN reference number"});
  }
  if (std::string group = r.get("OFSI Group ID"); !group.empty()) {
    add_identifier(e, {.type = "other", .value = group, .note = "OFSI Group ID"});
  }
  add_remark(e, "Last updated", r.get("Last Updated"));
  return Status::ok_status();
}

}  // namespace

Result<ParsedList> parse_uk_csv(const Paths& paths, const ParseOptions& options) {
  SEKISHO_ASSIGN_OR_RETURN(std::filesystem::path path, resolve_single(paths, ".csv", "uk-csv"));
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  const std::string& fname = file.meta.name;
  std::string_view text = text_body(file);
  ParsedList out;
  out.files.push_back(file.meta);
  size_t line_offset = 0;
  if (starts_with_ascii_ci(text, "Report Date:")) {
    size_t eol = text.find('\n');
    std::string_view first = text.substr(0, eol);
    DateSpec d = parse_date_loose(trim(first.substr(std::string_view("Report Date:").size())));
    if (!d.empty()) out.publication_date = d.date.iso();
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    line_offset = 1;
  }
  SEKISHO_ASSIGN_OR_RETURN(std::vector<CsvRecord> records, read_csv(text, fname));
  if (records.empty()) return parse_error(fname + ": no header row");
  for (CsvRecord& rec : records) rec.line += line_offset;
  const std::vector<std::string>& header = records.front().fields;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < header.size(); ++i) index.emplace(to_lower_ascii(trim(header[i])), i);
  auto header_error = [&](std::string_view column) {
    return parse_error(fname + ":" + std::to_string(records.front().line) + ": header has no '" + std::string(column) +
                       "' column");
  };
  for (std::string_view required : {"Unique ID", "Name 6", "Name type", "Regime Name"}) {
    if (!index.count(to_lower_ascii(required))) return header_error(required);
  }
  std::string type_column = index.count("designation type") ? "Designation Type" : "Individual, Entity, Ship";
  if (!index.count(to_lower_ascii(type_column))) return header_error("Designation Type");
  // The FCDO writes every field of every row and ends each line: a header cut short shows as rows
  // longer than it, a file cut inside a row as a row too short or a last line without its end.
  SEKISHO_RETURN_IF_ERROR(check_last_record(records, fname));
  for (size_t i = 1; i < records.size(); ++i) {
    if (records[i].fields.size() != header.size()) {
      return parse_error(fname + ":" + std::to_string(records[i].line) + ": expected " + std::to_string(header.size()) +
                         " fields (as in the header), found " + std::to_string(records[i].fields.size()));
    }
  }
  if (records.size() == 1) return parse_error(fname + ": header only, no rows");

  std::map<std::string, size_t> by_id;  // Unique ID → index in out.entities
  std::map<std::string, nlohmann::ordered_json> raws;
  for (size_t i = 1; i < records.size(); ++i) {
    Row r{&records[i], &header, &index};
    std::string uid = r.get("Unique ID");
    if (uid.empty()) {
      return parse_error(fname + ":" + std::to_string(records[i].line) + ": Unique ID: empty");
    }
    auto schema = uk_schema(r.get(type_column));
    if (!schema) {
      return parse_error(fname + ":" + std::to_string(records[i].line) + ": " + type_column + ": unknown type '" +
                         r.get(type_column) + "' (expected Individual, Entity or Ship)");
    }
    auto [it, fresh] = by_id.emplace(uid, out.entities.size());
    if (fresh) {
      Entity e;
      e.source_id = uid;
      e.id = make_entity_id(options.list_id, uid);
      e.schema = *schema;
      out.entities.push_back(std::move(e));
    }
    Entity& e = out.entities[it->second];
    if (e.schema != *schema) {
      return parse_error(fname + ":" + std::to_string(records[i].line) + ": " + type_column + ": '" +
                         r.get(type_column) + "' contradicts an earlier row of " + uid);
    }
    SEKISHO_RETURN_IF_ERROR(apply_row(e, r, fname));
    nlohmann::ordered_json row;
    row["line"] = records[i].line;
    for (size_t c = 0; c < header.size() && c < records[i].fields.size(); ++c) {
      if (!records[i].fields[c].empty()) row[header[c]] = records[i].fields[c];
    }
    raws[uid].push_back(std::move(row));
  }
  for (Entity& e : out.entities) {
    if (!e.primary_name()) {
      return parse_error(fname + ": " + e.source_id + ": no name in any of its rows");
    }
    e.caption = e.primary_name()->full;
    e.raw = raws[e.source_id].dump();
  }
  return out;
}

}  // namespace sekisho::parsers
