// OFAC SDN.XML schema (sdn.xml, consolidated.xml): <sdnList> with
// <publshInformation> (sic) and one <sdnEntry> per listed party. Elements are
// matched by local name because OFAC changed the namespace over the years.
#include <charconv>
#include <cstdio>
#include <string>

#include "core/strings.hpp"
#include "io/source_file.hpp"
#include "io/xml_util.hpp"
#include "lists/ofac_remarks.hpp"
#include "lists/parsers.hpp"

namespace sekisho::parsers {

namespace {

using xml::child_named;
using xml::child_text;
using xml::children_named;

struct Context {
  std::string_view text;  // the parsed buffer, for line numbers
  std::string file;

  Status error(const pugi::xml_node& node, std::string_view what) const {
    return parse_error(xml::element_location(node, text, file) + ": " + std::string(what));
  }
};

// The nodes of <listName><itemName>…</itemName></listName>.
std::vector<pugi::xml_node> list_items(const pugi::xml_node& entry, std::string_view list, std::string_view item) {
  return children_named(child_named(entry, list), item);
}

// OFAC's own name order: "LAST, First" for people, as in the legacy CSV files.
Name name_of(const pugi::xml_node& node, Schema schema) {
  Name n;
  n.last = child_text(node, "lastName");
  n.first = child_text(node, "firstName");
  if (schema != Schema::kPerson) {
    // Organisations, vessels and aircraft carry their whole name in lastName.
    n.full = n.first.empty() ? n.last : n.first + " " + n.last;
    n.first.clear();
    n.last.clear();
  } else if (!n.first.empty() && !n.last.empty()) {
    n.full = n.last + ", " + n.first;
  } else {
    n.full = n.last.empty() ? n.first : n.last;
  }
  return n;
}

Result<Schema> schema_of(const Context& ctx, const pugi::xml_node& entry) {
  pugi::xml_node node = child_named(entry, "sdnType");
  std::string type = to_lower_ascii(xml::node_text(node));
  if (type == "individual") return Schema::kPerson;
  if (type == "entity") return Schema::kOrganization;
  if (type == "vessel") return Schema::kVessel;
  if (type == "aircraft") return Schema::kAircraft;
  return ctx.error(node ? node : entry, "sdnType '" + type + "' is not Individual, Entity, Vessel or Aircraft");
}

Status read_aliases(const Context& ctx, const pugi::xml_node& entry, Entity& e) {
  for (const pugi::xml_node& aka : list_items(entry, "akaList", "aka")) {
    Name n = name_of(aka, e.schema);
    std::string type = to_lower_ascii(child_text(aka, "type"));
    n.quality = to_lower_ascii(child_text(aka, "category"));
    if (n.quality != "strong" && n.quality != "weak") {
      return ctx.error(child_named(aka, "category") ? child_named(aka, "category") : aka,
                       "category '" + n.quality + "' is not strong or weak");
    }
    if (type == "a.k.a.") {
      n.kind = n.quality == "weak" ? NameKind::kWeakAlias : NameKind::kAlias;
    } else if (type == "f.k.a.") {
      n.kind = NameKind::kFormerName;
    } else if (type == "n.k.a.") {
      n.kind = NameKind::kAlias;
    } else {
      return ctx.error(child_named(aka, "type") ? child_named(aka, "type") : aka,
                       "alias type '" + type + "' is not a.k.a., f.k.a. or n.k.a.");
    }
    if (n.full.empty()) return ctx.error(aka, "alias without lastName");
    e.add_name(std::move(n));
  }
  return Status::ok_status();
}

void read_addresses(const pugi::xml_node& entry, Entity& e) {
  for (const pugi::xml_node& node : list_items(entry, "addressList", "address")) {
    Address a;
    std::vector<std::string> street;
    for (std::string_view line : {"address1", "address2", "address3"}) {
      std::string s = child_text(node, line);
      if (!s.empty()) street.push_back(std::move(s));
    }
    a.street = join(street, ", ");
    a.city = child_text(node, "city");
    a.region = child_text(node, "stateOrProvince");
    a.postal_code = child_text(node, "postalCode");
    a.country = child_text(node, "country");
    std::vector<std::string> parts;
    for (const std::string* p : {&a.street, &a.city, &a.region, &a.postal_code, &a.country}) {
      if (!p->empty()) parts.push_back(*p);
    }
    a.full = join(parts, ", ");
    if (a.full.empty()) continue;
    push_unique(e.countries, a.country);
    e.addresses.push_back(std::move(a));
  }
}

void read_facts(const pugi::xml_node& entry, Entity& e) {
  for (const pugi::xml_node& id : list_items(entry, "idList", "id")) {
    apply_ofac_feature(child_text(id, "idType"), child_text(id, "idNumber"), child_text(id, "idCountry"), e);
  }
  for (const pugi::xml_node& d : list_items(entry, "dateOfBirthList", "dateOfBirthItem")) {
    apply_ofac_feature("DOB", child_text(d, "dateOfBirth"), "", e);
  }
  for (const pugi::xml_node& p : list_items(entry, "placeOfBirthList", "placeOfBirthItem")) {
    push_unique(e.birth_places, child_text(p, "placeOfBirth"));
  }
  for (const pugi::xml_node& n : list_items(entry, "nationalityList", "nationality")) {
    push_unique(e.nationalities, child_text(n, "country"));
  }
  for (const pugi::xml_node& c : list_items(entry, "citizenshipList", "citizenship")) {
    push_unique(e.countries, child_text(c, "country"));
  }
  if (pugi::xml_node vessel = child_named(entry, "vesselInfo")) {
    std::string call_sign = child_text(vessel, "callSign");
    if (!call_sign.empty()) e.identifiers.push_back(Identifier{.type = "call_sign", .value = call_sign});
    push_unique(e.countries, child_text(vessel, "vesselFlag"));
    for (auto [tag, label] : {std::pair{"vesselType", "Vessel Type"}, std::pair{"vesselOwner", "Vessel Owner"},
                              std::pair{"tonnage", "Tonnage"}, std::pair{"grossRegisteredTonnage", "GRT"}}) {
      std::string v = child_text(vessel, tag);
      if (!v.empty()) e.remarks.push_back(std::string(label) + ": " + v);
    }
  }
  std::string title = child_text(entry, "title");
  if (!title.empty()) e.remarks.push_back("Title: " + title);
  std::string remarks = child_text(entry, "remarks");
  if (!remarks.empty()) e.remarks.push_back(std::move(remarks));
}

Result<Entity> read_entry(const Context& ctx, const pugi::xml_node& entry, const ParseOptions& options) {
  Entity e;
  pugi::xml_node uid = child_named(entry, "uid");
  e.source_id = xml::node_text(uid);
  long n = 0;
  auto [end, ec] = std::from_chars(e.source_id.data(), e.source_id.data() + e.source_id.size(), n);
  if (!uid || e.source_id.empty() || ec != std::errc() || end != e.source_id.data() + e.source_id.size()) {
    return ctx.error(uid ? uid : entry, uid ? "uid '" + e.source_id + "' is not a number" : "missing <uid>");
  }
  e.id = make_entity_id(options.list_id, e.source_id);
  SEKISHO_ASSIGN_OR_RETURN(e.schema, schema_of(ctx, entry));
  Name primary = name_of(entry, e.schema);
  if (primary.full.empty()) return ctx.error(entry, "missing <lastName>");
  e.caption = primary.full;
  e.add_name(std::move(primary));
  for (const pugi::xml_node& p : list_items(entry, "programList", "program"))
    push_unique(e.programs, xml::node_text(p));
  SEKISHO_RETURN_IF_ERROR(read_aliases(ctx, entry, e));
  read_addresses(entry, e);
  read_facts(entry, e);
  e.raw = xml::node_xml(entry);
  return e;
}

// "03/28/2025" → "2025-03-28".
Result<std::string> iso_from_us_date(const Context& ctx, const pugi::xml_node& node) {
  std::string s = xml::node_text(node);
  int m = 0, d = 0, y = 0;
  bool ok = s.size() == 10 && s[2] == '/' && s[5] == '/';
  ok = ok && std::from_chars(s.data(), s.data() + 2, m).ec == std::errc() &&
       std::from_chars(s.data() + 3, s.data() + 5, d).ec == std::errc() &&
       std::from_chars(s.data() + 6, s.data() + 10, y).ec == std::errc();
  if (!ok || m < 1 || m > 12 || d < 1 || d > 31) return ctx.error(node, "'" + s + "' is not a MM/DD/YYYY date");
  char buf[11];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

}  // namespace

Result<ParsedList> parse_ofac_xml(const Paths& paths, const ParseOptions& options) {
  SEKISHO_ASSIGN_OR_RETURN(std::filesystem::path path, resolve_single(paths, ".xml", "ofac-xml"));
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  Context ctx{text_body(file), path.string()};
  pugi::xml_document doc;
  SEKISHO_RETURN_IF_ERROR(xml::load_xml(doc, ctx.text, ctx.file));
  pugi::xml_node root = doc.document_element();
  if (xml::local_name(root) != "sdnList") {
    return ctx.error(root, "root element is <" + std::string(root.name()) + ">, expected <sdnList>");
  }
  ParsedList out;
  out.files.push_back(file.meta);
  pugi::xml_node info = child_named(root, "publshInformation");
  if (pugi::xml_node date = child_named(info, "Publish_Date")) {
    SEKISHO_ASSIGN_OR_RETURN(out.publication_date, iso_from_us_date(ctx, date));
  }
  std::vector<pugi::xml_node> entries = children_named(root, "sdnEntry");
  if (pugi::xml_node count = child_named(info, "Record_Count")) {
    std::string stated = xml::node_text(count);
    if (stated != std::to_string(entries.size())) {
      return ctx.error(count, "Record_Count says " + stated + " but the file holds " + std::to_string(entries.size()) +
                                  " sdnEntry elements");
    }
  }
  out.entities.reserve(entries.size());
  for (const pugi::xml_node& entry : entries) {
    SEKISHO_ASSIGN_OR_RETURN(Entity e, read_entry(ctx, entry, options));
    out.entities.push_back(std::move(e));
  }
  return out;
}

}  // namespace sekisho::parsers
