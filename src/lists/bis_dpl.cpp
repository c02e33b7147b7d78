// US BIS Denied Persons List, tab-separated, every field double-quoted:
// Name, Street_Address, City, State, Country, Postal_Code, Effective_Date,
// Expiration_Date, Standard_Order, Last_Update, Action, FR_Citation.
//
// A person or firm denied at several addresses appears once per address,
// and the file publishes no id. See row_source_id() for the id we derive.
#include <map>
#include <regex>

#include "core/strings.hpp"
#include "lists/parsers.hpp"
#include "lists/record_builder.hpp"

namespace sekisho::parsers {

namespace {

constexpr std::string_view kFormat = "bis-dpl";

struct Columns {
  int name, street, city, state, country, postal, effective, expiration, standard_order, last_update, action,
      fr_citation;
};

Result<Columns> locate(const CsvTable& t) {
  Columns c{};
  SEKISHO_ASSIGN_OR_RETURN(c.name, t.require("Name"));
  SEKISHO_ASSIGN_OR_RETURN(c.street, t.require("Street_Address"));
  SEKISHO_ASSIGN_OR_RETURN(c.city, t.require("City"));
  SEKISHO_ASSIGN_OR_RETURN(c.state, t.require("State"));
  SEKISHO_ASSIGN_OR_RETURN(c.country, t.require("Country"));
  SEKISHO_ASSIGN_OR_RETURN(c.postal, t.require("Postal_Code"));
  SEKISHO_ASSIGN_OR_RETURN(c.effective, t.require("Effective_Date"));
  SEKISHO_ASSIGN_OR_RETURN(c.expiration, t.require("Expiration_Date"));
  SEKISHO_ASSIGN_OR_RETURN(c.fr_citation, t.require("FR_Citation"));
  // Informational columns: used when present.
  c.standard_order = t.find("Standard_Order");
  c.last_update = t.find("Last_Update");
  c.action = t.find("Action");
  return c;
}

// The id must survive renewals, which change Effective_Date, Expiration_Date,
// Action and FR_Citation (a renewal appends a citation). Name + street + city
// is what stays: of the 413 rows of the 2022-09 file whose name also appears
// in 2019-07, 409 keep their id (measured; the rest moved address). Rows
// repeated verbatim (3 in 2019-07, 2 in 2022-09) get "-2" in file order.
std::string row_source_id(std::string_view name, std::string_view street, std::string_view city) {
  std::string key = collapse_spaces(name) + "|" + collapse_spaces(street) + "|" + collapse_spaces(city);
  return short_hash(key);
}

// The file marks neither persons nor firms. Only what the data states is used:
// a legal form in the name means a company, an inmate address a person;
// everything else stays LegalEntity rather than guessing from word shapes.
Schema classify(std::string_view name, std::string_view street) {
  static const std::regex kLegalForm(
      R"((^|[\s,])(INC|LTD|LLC|L\.L\.C|CORP|CORPORATION|COMPANY|CO|GMBH|LIMITED|S\.A|AG|PVT|LTDA|B\.V|S\.R\.L|FZE|FZCO|PTE|AIRLINES)\.?($|[\s,)]))",
      std::regex::icase);
  static const std::regex kInmate(R"(INMATE|INCARCERATED|REGISTER NUMBER|USM NO|CORRECTIONAL|PRISON)",
                                  std::regex::icase);
  std::string n(name), s(street);
  if (std::regex_search(n, kLegalForm)) return Schema::kCompany;
  if (std::regex_search(s, kInmate)) return Schema::kPerson;
  return Schema::kLegalEntity;
}

// "PEARL (A.K.A. NEI-CHIEN CHU) LI", "SIBERIAN AIRLINES D/B/A S7 AIRLINES".
void add_names(Entity& e, std::string_view published) {
  static const std::regex kParenAka(R"(\s*\((?:A\.K\.A\.|AKA)\s+([^)]+)\))", std::regex::icase);
  static const std::regex kDba(R"(\s+(?:D/B/A|A\.K\.A\.|AKA)\s+)", std::regex::icase);
  std::string name = collapse_spaces(published);
  std::vector<std::string> aliases;
  std::smatch m;
  while (std::regex_search(name, m, kParenAka)) {
    aliases.push_back(m[1].str());
    name = collapse_spaces(m.prefix().str() + " " + m.suffix().str());
  }
  if (std::regex_search(name, m, kDba)) {
    aliases.push_back(m.suffix().str());
    name = m.prefix().str();
  }
  e.add_name(Name{.full = name});
  for (std::string& a : aliases) e.add_name(Name{.full = collapse_spaces(a), .kind = NameKind::kAlias});
}

}  // namespace

Result<ParsedList> parse_bis_dpl(const Paths& paths, const ParseOptions& options) {
  SEKISHO_ASSIGN_OR_RETURN(std::filesystem::path path, resolve_single(paths, ".txt", kFormat));
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  SEKISHO_ASSIGN_OR_RETURN(CsvTable table,
                           CsvTable::read(file, {.delimiter = '\t'}, {"Name", "Effective_Date", "FR_Citation"}));
  SEKISHO_ASSIGN_OR_RETURN(Columns c, locate(table));

  ParsedList list;
  list.files.push_back(file.meta);
  UniqueIds unique_ids;
  for (const CsvRecord& row : table.rows()) {
    auto cell = [&](int col) { return CsvTable::cell(row, col); };
    if (cell(c.name).empty()) {
      return parse_error(file.meta.path + ":" + std::to_string(row.line) + ": field Name is empty");
    }
    Entity e;
    e.schema = classify(cell(c.name), cell(c.street));
    add_names(e, cell(c.name));
    Address a;
    a.street = collapse_spaces(cell(c.street));
    a.city = std::string(cell(c.city));
    a.region = std::string(cell(c.state));
    a.postal_code = std::string(cell(c.postal));
    a.country = std::string(cell(c.country));
    std::vector<std::string> parts;
    for (const std::string* p : {&a.street, &a.city, &a.region, &a.postal_code, &a.country}) {
      if (!p->empty()) parts.push_back(*p);
    }
    a.full = join(parts, ", ");
    if (!a.full.empty()) e.addresses.push_back(std::move(a));
    add_unique(e.countries, cell(c.country));
    e.programs.push_back("Denied Persons List");
    e.listed_on = iso_date(cell(c.effective), /*month_first=*/true);
    if (!cell(c.expiration).empty()) e.remarks.push_back("expires: " + iso_date(cell(c.expiration), true));
    if (!cell(c.fr_citation).empty()) e.remarks.push_back("FR citation: " + std::string(cell(c.fr_citation)));
    if (!cell(c.action).empty()) e.remarks.push_back("action: " + std::string(cell(c.action)));
    if (!cell(c.standard_order).empty()) {
      e.remarks.push_back("standard order: " + std::string(cell(c.standard_order)));
    }
    if (!cell(c.last_update).empty()) e.remarks.push_back("last update: " + std::string(cell(c.last_update)));
    e.raw = table.row_json(row);
    std::string source_id = row_source_id(cell(c.name), cell(c.street), cell(c.city));
    finish_entity(e, options.list_id, unique_ids.claim(std::move(source_id)));
    list.entities.push_back(std::move(e));
  }
  if (list.entities.empty()) return parse_error(file.meta.path + ": header only, no rows");
  return list;
}

}  // namespace sekisho::parsers
