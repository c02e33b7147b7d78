// Canada, Consolidated Special Economic Measures Act (SEMA) list, XML.
//
// <data-set><record> with Country (a regime, often bilingual "Belarus /
// Bélarus"), LastName, GivenName, EntityOrShip, TitleOrShip, ShipIMONumber,
// DateOfBirthOrShipBuildDate, Schedule, Item, DateOfListing and Aliases.
// Records carry no id: see record_source_id().
#include <pugixml.hpp>

#include <set>

#include "core/strings.hpp"
#include "io/source_file.hpp"
#include "io/text_script.hpp"
#include "io/xml_util.hpp"
#include "lists/parsers.hpp"
#include "lists/record_builder.hpp"

namespace sekisho::parsers {

namespace {

constexpr std::string_view kFormat = "canada-xml";

std::string child_text(const pugi::xml_node& record, const char* name) {
  // Names wrap across lines inside elements ("Research and Production Association\nnamed after …").
  return collapse_spaces(record.child(name).text().get());
}

// "Belarus / Bélarus" → "Belarus". The French half follows " / ".
std::string english_part(std::string_view bilingual) {
  size_t slash = bilingual.find(" / ");
  return std::string(trim(slash == std::string_view::npos ? bilingual : bilingual.substr(0, slash)));
}

// The file has no record id. Country + Schedule + Item is unique across all
// 4,759 records of the 2025-05 file (checked; 329 records have no Schedule,
// the key stays unique without it). Should a future file repeat a key, the
// caller appends "-2", "-3"… in file order so ids stay distinct and stable as
// long as the publisher keeps the order.
std::string record_source_id(std::string_view country, std::string_view schedule, std::string_view item) {
  std::string id = english_part(country);
  if (!schedule.empty()) id += "-s" + std::string(schedule);
  id += "-i" + std::string(item);
  std::string out;
  for (char c : id) {
    // Keep ids readable: "Russia-s1_Part_1-i8" rather than percent soup.
    out += (c == ' ' || c == ',' || c == '/' || c == '(' || c == ')') ? '_' : c;
  }
  std::string collapsed;
  for (char c : out) {
    if (c == '_' && !collapsed.empty() && collapsed.back() == '_') continue;
    collapsed += c;
  }
  return collapsed;
}

// Labels the list puts before original-script names, with their ISO 639 code.
std::string_view label_lang(std::string_view label) {
  std::string l = to_lower_ascii(trim(label));
  if (l == "belarusian" || l == "belarussian") return "be";
  if (l == "russian") return "ru";
  if (l == "ukrainian") return "uk";
  return {};
}

bool starts_lowercase(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c0 = static_cast<unsigned char>(s[0]);
  if (c0 >= 'a' && c0 <= 'z') return true;
  // Cyrillic small letters U+0430–U+045F: D0 B0–D0 BF, D1 80–D1 9F.
  if (s.size() >= 2) {
    unsigned char c1 = static_cast<unsigned char>(s[1]);
    if (c0 == 0xD0 && c1 >= 0xB0 && c1 <= 0xBF) return true;
    if (c0 == 0xD1 && c1 >= 0x80 && c1 <= 0x9F) return true;
  }
  return false;
}

bool is_legal_form(std::string_view s) {
  static const std::set<std::string, std::less<>> kForms = {"LLC",  "JSC",     "OJSC", "CJSC", "PJSC", "Ltd",
                                                            "Ltd.", "Limited", "Inc",  "Inc.", "Co.",  "S.A.",
                                                            "АО",   "ООО",     "ОАО",  "ПАО",  "САО",  "ЗАО"};
  return kForms.count(s) > 0;
}

struct AliasPiece {
  std::string text;
  std::string lang;
};

// The Aliases cell joins names with ";", ",", " or " and "/" (all four occur
// in the 2025-05 file), sometimes after a language label ("Belarusian: …,
// Russian: …"). A comma is not a separator when what follows is a legal form
// ("…, LLC") or starts in lower case (a long Russian name with commas inside).
// Line breaks inside the cell are line wraps ("Company\nLimited"), not separators.
std::vector<AliasPiece> split_aliases(std::string_view cell) {
  std::string text = collapse_spaces(cell);
  struct Raw {
    std::string text;
    char sep;  // separator before this piece: ';', ',', 'o' (or), '/', or 0
  };
  std::vector<Raw> raw;
  size_t start = 0;
  char pending = 0;
  auto flush = [&](size_t end, char next) {
    raw.push_back({std::string(trim(std::string_view(text).substr(start, end - start))), pending});
    pending = next;
  };
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ';' || text[i] == ',' || text[i] == '/') {
      flush(i, text[i]);
      start = ++i;
    } else if (text.compare(i, 4, " or ") == 0 || text.compare(i, 4, " OR ") == 0) {
      flush(i, 'o');
      i += 4;
      start = i;
    } else {
      ++i;
    }
  }
  flush(text.size(), 0);

  std::vector<Raw> merged;
  for (Raw& r : raw) {
    if (r.sep == ',' && !merged.empty() && (is_legal_form(r.text) || starts_lowercase(r.text))) {
      merged.back().text += ", " + r.text;
      continue;
    }
    merged.push_back(std::move(r));
  }

  std::vector<AliasPiece> out;
  std::string lang;
  for (Raw& r : merged) {
    std::string_view piece = r.text;
    if (r.sep == ';') lang.clear();
    size_t colon = piece.find(':');
    if (colon != std::string_view::npos && colon < 20) {
      std::string_view code = label_lang(piece.substr(0, colon));
      if (!code.empty()) {
        lang = std::string(code);
        piece = trim(piece.substr(colon + 1));
      }
    }
    // Unbalanced parentheses left over from the publisher's punctuation.
    while (!piece.empty() && (piece.front() == '(' || piece.front() == ')') &&
           piece.find(')') == std::string_view::npos) {
      piece = trim(piece.substr(1));
    }
    while (!piece.empty() && piece.back() == ')' && piece.find('(') == std::string_view::npos) {
      piece = trim(piece.substr(0, piece.size() - 1));
    }
    if (piece.empty()) continue;
    out.push_back({std::string(piece), has_non_latin_letters(piece) ? lang : std::string()});
  }
  return out;
}

Result<Entity> parse_record(const pugi::xml_node& record, size_t index, const std::string& file) {
  Entity e;
  const std::string country = child_text(record, "Country");
  const std::string last = child_text(record, "LastName");
  const std::string given = child_text(record, "GivenName");
  const std::string entity_or_ship = child_text(record, "EntityOrShip");
  const std::string title_or_ship = child_text(record, "TitleOrShip");
  const std::string imo = child_text(record, "ShipIMONumber");
  const std::string item = child_text(record, "Item");
  const std::string schedule = child_text(record, "Schedule");
  const std::string where = file + ": /data-set/record[" + std::to_string(index) + "]";
  if (item.empty()) return parse_error(where + "/Item: missing or empty");
  if (country.empty()) return parse_error(where + "/Country: missing or empty");

  if (!given.empty() || !last.empty()) {
    e.schema = Schema::kPerson;
    Name n;
    n.full = collapse_spaces(given + " " + last);
    n.first = given;
    n.last = last;
    e.add_name(std::move(n));
    if (!title_or_ship.empty()) e.remarks.push_back("title: " + title_or_ship);
  } else if (!imo.empty()) {
    e.schema = Schema::kVessel;
    e.add_name(Name{.full = entity_or_ship});
    e.identifiers.push_back(Identifier{.type = "imo", .value = imo});
    if (!title_or_ship.empty()) e.remarks.push_back("vessel type: " + title_or_ship);
  } else {
    e.schema = Schema::kOrganization;
    e.add_name(Name{.full = entity_or_ship});
    if (!title_or_ship.empty()) e.remarks.push_back("title: " + title_or_ship);
  }
  if (e.names.empty()) return parse_error(where + ": no GivenName, LastName or EntityOrShip");

  const std::string aliases = child_text(record, "Aliases");
  for (AliasPiece& piece : split_aliases(aliases)) {
    // "Aleksander/ Aleksandr or Alexander /Alexandr Vladimirovich" lists
    // variants of one name part: a lone given name is not an alias of a person.
    if (e.schema == Schema::kPerson && piece.text.find(' ') == std::string::npos) continue;
    Name n;
    n.full = std::move(piece.text);
    n.kind = has_non_latin_letters(n.full) ? NameKind::kOriginalScript : NameKind::kAlias;
    n.lang = std::move(piece.lang);
    e.add_name(std::move(n));
  }

  const std::string dob = child_text(record, "DateOfBirthOrShipBuildDate");
  if (!dob.empty()) e.birth_dates = parse_date_alternatives(dob);
  // Country names the sanctions regime (it may be "Justice for Victims of
  // Corrupt Foreign Officials Regulations"), not the party's nationality.
  e.programs.push_back(english_part(country));
  std::string placement = schedule.empty() ? "" : "Schedule " + schedule + ", ";
  e.remarks.push_back(placement + "item " + item);
  e.listed_on = iso_date(child_text(record, "DateOfListing"));
  e.raw = xml::node_xml(record);
  return e;
}

}  // namespace

Result<ParsedList> parse_canada_xml(const Paths& paths, const ParseOptions& options) {
  pugi::xml_document doc;
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, xml::open_xml_list(paths, kFormat, doc));
  pugi::xml_node root = doc.child("data-set");
  if (!root) return parse_error(file.meta.path + ": root element is not <data-set> (not a SEMA list)");

  ParsedList list;
  list.files.push_back(file.meta);
  UniqueIds unique_ids;
  size_t index = 0;
  for (pugi::xml_node record : root.children("record")) {
    ++index;
    SEKISHO_ASSIGN_OR_RETURN(Entity e, parse_record(record, index, file.meta.path));
    std::string source_id =
        record_source_id(child_text(record, "Country"), child_text(record, "Schedule"), child_text(record, "Item"));
    finish_entity(e, options.list_id, unique_ids.claim(std::move(source_id)));
    list.entities.push_back(std::move(e));
  }
  if (list.entities.empty()) return parse_error(file.meta.path + ": no <record> elements");
  return list;
}

}  // namespace sekisho::parsers
