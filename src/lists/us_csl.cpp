// US Consolidated Screening List (trade.gov), CSV.
//
// Two header layouts are in use: the current one starts with `_id` (a
// publisher hash per row) and writes ids as "type, number[, country]"; the
// older one (2019) has no `_id` and writes ids as "[country, ]number, type".
// Multi-valued cells are joined with "; ". Columns are found by header name.
#include <fmt/format.h>
#include <map>

#include "core/strings.hpp"
#include "lists/parsers.hpp"
#include "lists/record_builder.hpp"

namespace sekisho::parsers {

namespace {

constexpr std::string_view kFormat = "us-csl";

struct Columns {
  int id, source, entity_number, type, programs, name, title, addresses, fr_notice, start_date, end_date,
      standard_order, license_requirement, license_policy, call_sign, vessel_type, gross_tonnage, vessel_flag,
      vessel_owner, remarks, alt_names, citizenships, dates_of_birth, nationalities, places_of_birth, ids;
};

Result<Columns> locate(const CsvTable& t) {
  Columns c{};
  SEKISHO_ASSIGN_OR_RETURN(c.source, t.require("source"));
  SEKISHO_ASSIGN_OR_RETURN(c.entity_number, t.require("entity_number"));
  SEKISHO_ASSIGN_OR_RETURN(c.type, t.require("type"));
  SEKISHO_ASSIGN_OR_RETURN(c.name, t.require("name"));
  c.id = t.find("_id");
  c.programs = t.find("programs");
  c.title = t.find("title");
  c.addresses = t.find("addresses");
  c.fr_notice = t.find("federal_register_notice");
  c.start_date = t.find("start_date");
  c.end_date = t.find("end_date");
  c.standard_order = t.find("standard_order");
  c.license_requirement = t.find("license_requirement");
  c.license_policy = t.find("license_policy");
  c.call_sign = t.find("call_sign");
  c.vessel_type = t.find("vessel_type");
  c.gross_tonnage = t.find("gross_tonnage");
  c.vessel_flag = t.find("vessel_flag");
  c.vessel_owner = t.find("vessel_owner");
  c.remarks = t.find("remarks");
  c.alt_names = t.find("alt_names");
  c.citizenships = t.find("citizenships");
  c.dates_of_birth = t.find("dates_of_birth");
  c.nationalities = t.find("nationalities");
  c.places_of_birth = t.find("places_of_birth");
  c.ids = t.find("ids");
  return c;
}

std::vector<std::string> multi(std::string_view cell) { return split_trimmed(cell, ";"); }

Schema schema_of(std::string_view type) {
  if (iequals_ascii(type, "Individual")) return Schema::kPerson;
  if (iequals_ascii(type, "Entity")) return Schema::kOrganization;
  if (iequals_ascii(type, "Vessel")) return Schema::kVessel;
  if (iequals_ascii(type, "Aircraft")) return Schema::kAircraft;
  return Schema::kLegalEntity;  // BIS lists (DPL, EL, UVL) leave the type empty
}

// "Entity List (EL) - Bureau of Industry and Security" → "EL".
std::string source_code(std::string_view source) {
  size_t open = source.find('('), close = source.find(')');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open + 1) {
    return std::string(source.substr(open + 1, close - open - 1));
  }
  return short_hash(source).substr(0, 6);
}

// The identifier kinds screening can use; the CSL spells them many ways.
std::string identifier_type(std::string_view published, std::string_view value) {
  std::string t = to_lower_ascii(published);
  auto has = [&](std::string_view s) { return t.find(s) != std::string::npos; };
  if (starts_with_ascii_ci(value, "IMO ") || has("imo")) return "imo";
  if (has("passport")) return "passport";
  if (has("swift") || has("bic")) return "swift_bic";
  if (has("mmsi")) return "mmsi";
  if (has("call sign")) return "call_sign";
  if (has("legal entity number") || t == "lei") return "lei";
  if (has("tax") || has("v.a.t") || t.starts_with("vat") || t.starts_with("ruc") || t.starts_with("nit") ||
      t.starts_with("inn")) {
    return "tax_id";
  }
  if (has("regist") || has("matricula") || has("company number") || has("business number") || has("ogrn")) {
    return "registration";
  }
  if (has("national") || has("cedula") || has("identification") || has("identity") || has("id no") || has("d.n.i") ||
      has("curp")) {
    return "national_id";
  }
  return "other";
}

// Entries of the ids column that are statements rather than identifiers.
bool is_statement(std::string_view type) {
  std::string t = to_lower_ascii(type);
  for (std::string_view s : {"sanction", "directive", "transactions prohibited", "website", "email", "phone",
                             "former vessel flag", "organization established", "organization type", "target type"}) {
    if (t.find(s) != std::string::npos) return true;
  }
  return false;
}

void add_id_entry(Entity& e, const std::vector<std::string>& parts, bool type_first) {
  if (parts.empty()) return;
  std::string type, number, country;
  if (type_first) {  // "Passport, 836238033, KP"
    type = parts[0];
    if (parts.size() > 1) number = parts[1];
    if (parts.size() > 2) country = parts[2];
  } else {  // "US, 80-0890696, Tax ID No." / "IMO 8898831, Vessel Registration Identification"
    type = parts.back();
    if (parts.size() >= 2) number = parts[parts.size() - 2];
    if (parts.size() == 3) country = parts[0];
  }
  if (iequals_ascii(type, "Gender")) {
    e.gender = to_lower_ascii(number);
    return;
  }
  if (is_statement(type) || parts.size() > 3 || number.empty()) {
    std::vector<std::string> rest;
    for (const std::string& p : parts) {
      if (p != type) rest.push_back(p);
    }
    std::string_view label = trim(type);
    while (!label.empty() && (label.back() == ':' || label.back() == '-' || label.back() == ' ')) {
      label.remove_suffix(1);
    }
    e.remarks.push_back(std::string(label) + ": " + join(rest, ", "));
    return;
  }
  Identifier id;
  id.type = identifier_type(type, number);
  id.value = id.type == "imo" && starts_with_ascii_ci(number, "IMO ") ? number.substr(4) : number;
  id.country = country;
  if (id.type == "other") id.note = type;
  e.identifiers.push_back(std::move(id));
}

Address make_address(std::string_view text) {
  Address a;
  a.full = std::string(text);
  std::vector<std::string> parts = split_trimmed(text, ",");
  // The publisher ends each address with the ISO country code ("…, Yerevan, Armenia, AM").
  if (!parts.empty() && parts.back().size() == 2 && std::isupper(static_cast<unsigned char>(parts.back()[0])) &&
      std::isupper(static_cast<unsigned char>(parts.back()[1]))) {
    a.country = parts.back();
  }
  return a;
}

void add_remark(Entity& e, std::string_view label, std::string_view value) {
  if (!value.empty()) e.remarks.push_back(std::string(label) + ": " + std::string(value));
}

}  // namespace

namespace {

// The whole CSL, or (`only_source` = "EL", "MEU", …) the rows of one of the
// lists it consolidates, named by the code in parentheses of its `source`.
Result<ParsedList> parse_csl(const Paths& paths, const ParseOptions& options, std::string_view only_source) {
  SEKISHO_ASSIGN_OR_RETURN(std::filesystem::path path, resolve_single(paths, ".csv", kFormat));
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  SEKISHO_ASSIGN_OR_RETURN(CsvTable table, CsvTable::read(file, {}, {"source", "entity_number", "type", "name"}));
  SEKISHO_ASSIGN_OR_RETURN(Columns c, locate(table));
  const bool new_layout = c.id >= 0;

  ParsedList list;
  list.files.push_back(file.meta);
  UniqueIds unique_ids;
  for (const CsvRecord& row : table.rows()) {
    auto cell = [&](int col) { return CsvTable::cell(row, col); };
    const std::string where = file.meta.path + ":" + std::to_string(row.line);
    if (cell(c.name).empty()) return parse_error(where + ": field name is empty");
    if (cell(c.source).empty()) return parse_error(where + ": field source is empty");
    if (!only_source.empty() && source_code(cell(c.source)) != only_source) continue;
    Entity e;
    e.schema = schema_of(cell(c.type));
    e.add_name(Name{.full = collapse_spaces(cell(c.name))});
    for (const std::string& alt : multi(cell(c.alt_names))) e.add_name(Name{.full = alt, .kind = NameKind::kAlias});
    for (const std::string& a : multi(cell(c.addresses))) e.addresses.push_back(make_address(a));
    for (const std::string& d : multi(cell(c.dates_of_birth))) e.birth_dates.push_back(parse_date_loose(d));
    for (const std::string& p : multi(cell(c.places_of_birth))) add_unique(e.birth_places, p);
    for (const std::string& n : multi(cell(c.nationalities))) add_unique(e.nationalities, n);
    for (const std::string& n : multi(cell(c.citizenships))) add_unique(e.countries, n);
    add_unique(e.countries, cell(c.vessel_flag));
    for (const std::string& entry : multi(cell(c.ids))) add_id_entry(e, split_trimmed(entry, ","), new_layout);
    if (!cell(c.call_sign).empty()) {
      e.identifiers.push_back(Identifier{.type = "call_sign", .value = std::string(cell(c.call_sign))});
    }
    // The source names the list (SDN, Entity List, DPL…), which screening reports must show.
    e.programs.push_back(std::string(cell(c.source)));
    for (const std::string& p : multi(cell(c.programs))) add_unique(e.programs, p);
    e.listed_on = iso_date(cell(c.start_date));
    add_remark(e, "title", cell(c.title));
    add_remark(e, "end date", cell(c.end_date));
    add_remark(e, "federal register notice", cell(c.fr_notice));
    add_remark(e, "standard order", cell(c.standard_order));
    add_remark(e, "license requirement", cell(c.license_requirement));
    add_remark(e, "license policy", cell(c.license_policy));
    add_remark(e, "vessel type", cell(c.vessel_type));
    add_remark(e, "gross tonnage", cell(c.gross_tonnage));
    add_remark(e, "vessel owner", cell(c.vessel_owner));
    if (!cell(c.remarks).empty()) e.remarks.emplace_back(cell(c.remarks));
    e.raw = table.row_json(row);

    // `_id` where published. Otherwise source + entity_number, unique in the
    // 2019 file wherever entity_number is filled; BIS rows have none, so they
    // get a hash of name and addresses (one row per address set in the EL).
    std::string source_id;
    if (!cell(c.id).empty()) {
      source_id = std::string(cell(c.id));
    } else if (!cell(c.entity_number).empty()) {
      source_id = source_code(cell(c.source)) + "-" + std::string(cell(c.entity_number));
    } else {
      source_id = source_code(cell(c.source)) + "-" +
                  short_hash(std::string(cell(c.name)) + "|" + std::string(cell(c.addresses)));
    }
    finish_entity(e, options.list_id, unique_ids.claim(std::move(source_id)));
    list.entities.push_back(std::move(e));
  }
  if (list.entities.empty() && only_source.empty()) return parse_error(file.meta.path + ": header only, no rows");
  // A sub-list with no rows would be "screened" against nothing: refuse it, so
  // the policy list it feeds stays unscreened (a data gap) rather than clear.
  if (list.entities.empty()) {
    return parse_error(fmt::format("{}: no rows whose source is the ({}) list", file.meta.path, only_source));
  }
  return list;
}

}  // namespace

Result<ParsedList> parse_us_csl(const Paths& paths, const ParseOptions& options) {
  return parse_csl(paths, options, "");
}

Result<ParsedList> parse_us_csl_entity_list(const Paths& paths, const ParseOptions& options) {
  return parse_csl(paths, options, "EL");
}

Result<ParsedList> parse_us_csl_meu(const Paths& paths, const ParseOptions& options) {
  return parse_csl(paths, options, "MEU");
}

}  // namespace sekisho::parsers
