// EU Financial Sanctions Files (FSF), XML 1.1.
//
// <export generationDate> holds <sanctionEntity logicalId euReferenceNumber
// unitedNationId designationDate> elements, each with <regulation programme>,
// <subjectType code="person"|"enterprise">, <nameAlias wholeName firstName
// middleName lastName function gender title nameLanguage strong>,
// <citizenship>, <birthdate>, <identification>, <address> and <remark>.
// Names follow the public XSD (namespace http://eu.europa.ec/fpi/fsd/export);
// elements are matched by local name because exporters differ in prefixes.
#include <pugixml.hpp>

#include "core/strings.hpp"
#include "io/source_file.hpp"
#include "io/text_script.hpp"
#include "io/xml_util.hpp"
#include "lists/parsers.hpp"
#include "lists/record_builder.hpp"

namespace sekisho::parsers {

namespace {

constexpr std::string_view kFormat = "eu-fsf-xml";

std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::vector<pugi::xml_node> children(const pugi::xml_node& parent, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c : parent.children()) {
    if (c.type() == pugi::node_element && local_name(c) == name) out.push_back(c);
  }
  return out;
}

std::string attr(const pugi::xml_node& node, const char* name) { return collapse_spaces(node.attribute(name).value()); }

// countryIso2Code "00" with description "UNKNOWN" stands for no country.
std::string country_of(const pugi::xml_node& node) {
  std::string code = attr(node, "countryIso2Code");
  if (!code.empty() && code != "00") return code;
  std::string description = attr(node, "countryDescription");
  return description == "UNKNOWN" ? "" : description;
}

std::string identifier_type(std::string_view code) {
  std::string c = to_lower_ascii(code);
  if (c == "passport") return "passport";
  if (c == "id" || c == "ssn" || c == "nationalid") return "national_id";
  if (c == "fiscalcode" || c == "tax") return "tax_id";
  if (c == "regnumber") return "registration";
  if (c == "swiftbic") return "swift_bic";
  if (c == "imo") return "imo";
  return "other";
}

int to_int(const std::string& s) {
  int v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return 0;
    v = v * 10 + (ch - '0');
  }
  return v;
}

DateSpec birth_date(const pugi::xml_node& node) {
  std::string full = attr(node, "birthdate");
  DateSpec spec;
  if (!full.empty()) {
    spec = parse_date_loose(full);
  } else {
    // Partial dates come as separate year / monthOfYear / dayOfMonth attributes.
    spec.date.year = static_cast<int16_t>(to_int(attr(node, "year")));
    spec.date.month = static_cast<int8_t>(to_int(attr(node, "monthOfYear")));
    spec.date.day = static_cast<int8_t>(to_int(attr(node, "dayOfMonth")));
    spec.raw = spec.date.iso();
  }
  spec.circa = attr(node, "circa") == "true";
  return spec;
}

void add_names(Entity& e, const pugi::xml_node& entry) {
  bool have_primary = false;
  for (const pugi::xml_node& alias : children(entry, "nameAlias")) {
    Name n;
    n.full = attr(alias, "wholeName");
    n.first = attr(alias, "firstName");
    n.middle = attr(alias, "middleName");
    n.last = attr(alias, "lastName");
    if (n.full.empty()) n.full = collapse_spaces(n.first + " " + n.middle + " " + n.last);
    n.lang = to_lower_ascii(attr(alias, "nameLanguage"));
    std::string remark;
    for (const pugi::xml_node& r : children(alias, "remark")) remark += to_lower_ascii(r.text().get());
    // The FSF marks alias quality with strong="false" and, in older entries,
    // with a remark such as "low quality alias".
    bool weak = attr(alias, "strong") == "false" || remark.find("low quality") != std::string::npos;
    n.quality = weak ? "weak" : "strong";
    if (weak) {
      n.kind = NameKind::kWeakAlias;
    } else if (remark.find("former name") != std::string::npos) {
      n.kind = NameKind::kFormerName;
    } else if (!have_primary && !has_non_latin_letters(n.full)) {
      n.kind = NameKind::kPrimary;
      have_primary = true;
    } else {
      n.kind = has_non_latin_letters(n.full) ? NameKind::kOriginalScript : NameKind::kAlias;
    }
    std::string gender = attr(alias, "gender");
    if (gender == "M") e.gender = "male";
    if (gender == "F") e.gender = "female";
    std::string function = attr(alias, "function");
    if (!function.empty()) add_unique(e.remarks, "function: " + function);
    std::string title = attr(alias, "title");
    if (!title.empty()) add_unique(e.remarks, "title: " + title);
    e.add_name(std::move(n));
  }
  // Only non-Latin or weak names: promote the first strong one.
  if (!have_primary) {
    for (Name& n : e.names) {
      if (n.kind != NameKind::kWeakAlias) {
        n.kind = NameKind::kPrimary;
        break;
      }
    }
  }
}

Result<Entity> parse_entry(const pugi::xml_node& entry, const std::string& where) {
  Entity e;
  pugi::xml_node subject;
  if (auto s = children(entry, "subjectType"); !s.empty()) subject = s.front();
  std::string code = attr(subject, "code"), classification = attr(subject, "classificationCode");
  if (code == "person" || classification == "P") {
    e.schema = Schema::kPerson;
  } else if (code == "enterprise" || classification == "E") {
    e.schema = Schema::kOrganization;
  } else {
    e.schema = Schema::kLegalEntity;
  }
  add_names(e, entry);
  if (e.names.empty()) return parse_error(where + ": no nameAlias with a wholeName or name parts");

  for (const pugi::xml_node& c : children(entry, "citizenship")) add_unique(e.nationalities, country_of(c));
  for (const pugi::xml_node& b : children(entry, "birthdate")) {
    DateSpec spec = birth_date(b);
    if (!spec.empty()) e.birth_dates.push_back(std::move(spec));
    std::vector<std::string> place;
    for (const char* a : {"place", "city", "region"}) {
      if (!attr(b, a).empty()) place.push_back(attr(b, a));
    }
    std::string country = attr(b, "countryDescription");
    if (!country.empty() && country != "UNKNOWN") place.push_back(country);
    if (!place.empty()) add_unique(e.birth_places, join(place, ", "));
  }
  for (const pugi::xml_node& id : children(entry, "identification")) {
    Identifier ident;
    ident.type = identifier_type(attr(id, "identificationTypeCode"));
    ident.value = attr(id, "number");
    if (ident.value.empty()) ident.value = attr(id, "latinNumber");
    if (ident.value.empty()) continue;
    ident.country = country_of(id);
    std::vector<std::string> notes;
    if (!attr(id, "identificationTypeDescription").empty()) notes.push_back(attr(id, "identificationTypeDescription"));
    for (const char* flag : {"knownExpired", "knownFalse", "reportedLost", "revokedByIssuer", "diplomatic"}) {
      if (attr(id, flag) == "true") notes.push_back(flag);
    }
    if (!attr(id, "issueDate").empty()) notes.push_back("issued " + attr(id, "issueDate"));
    for (const pugi::xml_node& r : children(id, "remark")) notes.push_back(collapse_spaces(r.text().get()));
    ident.note = join(notes, "; ");
    e.identifiers.push_back(std::move(ident));
  }
  for (const pugi::xml_node& a : children(entry, "address")) {
    Address addr;
    addr.street = attr(a, "street");
    if (!attr(a, "poBox").empty()) addr.street = collapse_spaces(addr.street + " " + attr(a, "poBox"));
    addr.city = attr(a, "city");
    if (addr.city.empty()) addr.city = attr(a, "place");
    addr.region = attr(a, "region");
    addr.postal_code = attr(a, "zipCode");
    addr.country = country_of(a);
    std::vector<std::string> parts;
    for (const std::string* p : {&addr.street, &addr.postal_code, &addr.city, &addr.region}) {
      if (!p->empty()) parts.push_back(*p);
    }
    std::string country_text = attr(a, "countryDescription");
    if (!country_text.empty() && country_text != "UNKNOWN") parts.push_back(country_text);
    addr.full = join(parts, ", ");
    if (!addr.full.empty()) e.addresses.push_back(std::move(addr));
    for (const pugi::xml_node& r : children(a, "remark")) e.remarks.push_back(collapse_spaces(r.text().get()));
  }
  std::string earliest;
  for (const pugi::xml_node& r : children(entry, "regulation")) {
    add_unique(e.programs, attr(r, "programme"));
    for (const char* a : {"publicationDate", "entryIntoForceDate"}) {
      std::string d = iso_date(attr(r, a));
      if (!d.empty() && (earliest.empty() || d < earliest)) earliest = d;
    }
  }
  // designationDate when stated; older entries only date their regulations.
  e.listed_on = iso_date(attr(entry, "designationDate"));
  if (e.listed_on.empty()) e.listed_on = earliest;
  for (const pugi::xml_node& r : children(entry, "remark")) e.remarks.push_back(collapse_spaces(r.text().get()));
  if (!attr(entry, "unitedNationId").empty()) e.remarks.push_back("UN reference: " + attr(entry, "unitedNationId"));
  if (!attr(entry, "euReferenceNumber").empty()) {
    e.remarks.push_back("EU reference: " + attr(entry, "euReferenceNumber"));
  }
  e.raw = xml::node_xml(entry);
  return e;
}

}  // namespace

Result<ParsedList> parse_eu_fsf_xml(const Paths& paths, const ParseOptions& options) {
  pugi::xml_document doc;
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, xml::open_xml_list(paths, kFormat, doc));
  pugi::xml_node root = doc.document_element();
  if (local_name(root) != "export") {
    return parse_error(file.meta.path + ": root element is <" + std::string(root.name()) +
                       ">, expected <export> (EU FSF XML)");
  }
  ParsedList list;
  list.files.push_back(file.meta);
  list.publication_date = iso_date(attr(root, "generationDate").substr(0, 10));
  size_t index = 0;
  for (const pugi::xml_node& entry : children(root, "sanctionEntity")) {
    ++index;
    const std::string where = file.meta.path + ": /export/sanctionEntity[" + std::to_string(index) + "]";
    // euReferenceNumber is the id the EU cites in its regulations; a few
    // entries lack one, and logicalId (the export's own key) stands in.
    std::string source_id = attr(entry, "euReferenceNumber");
    if (source_id.empty()) {
      std::string logical = attr(entry, "logicalId");
      if (logical.empty()) return parse_error(where + ": neither euReferenceNumber nor logicalId is set");
      source_id = "logical-" + logical;
    }
    SEKISHO_ASSIGN_OR_RETURN(Entity e, parse_entry(entry, where));
    finish_entity(e, options.list_id, source_id);
    list.entities.push_back(std::move(e));
  }
  if (list.entities.empty()) return parse_error(file.meta.path + ": no <sanctionEntity> elements");
  return list;
}

}  // namespace sekisho::parsers
