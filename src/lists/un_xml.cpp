// UN Security Council Consolidated List XML (schema sc-sanctions.xsd):
// CONSOLIDATED_LIST[@dateGenerated] / INDIVIDUALS / INDIVIDUAL and
// ENTITIES / ENTITY. Alias QUALITY "Good"/"Low" is the UN's own strength mark;
// entity aliases use "a.k.a."/"f.k.a." in the same element instead.
#include <set>
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
  std::string_view text;
  std::string file;
  bool ids_from_dataid = false;  // REFERENCE_NUMBER not usable as a key (see choose_id_field)

  Status error(const pugi::xml_node& node, std::string_view what) const {
    return parse_error(xml::element_location(node, text, file) + ": " + std::string(what));
  }
};

// The text of every VALUE child: <NATIONALITY><VALUE>…</VALUE>…</NATIONALITY>.
std::vector<std::string> values_of(const pugi::xml_node& parent, std::string_view name) {
  std::vector<std::string> out;
  for (const pugi::xml_node& node : children_named(parent, name)) {
    for (const pugi::xml_node& v : children_named(node, "VALUE")) {
      std::string s = xml::node_text(v);
      if (!s.empty()) out.push_back(std::move(s));
    }
  }
  return out;
}

std::string joined_children(const pugi::xml_node& node, std::initializer_list<std::string_view> names) {
  std::vector<std::string> parts;
  for (std::string_view n : names) {
    std::string s = child_text(node, n);
    if (!s.empty()) parts.push_back(std::move(s));
  }
  return join(parts, ", ");
}

Status read_aliases(const Context& ctx, const pugi::xml_node& record, std::string_view tag, Entity& e) {
  for (const pugi::xml_node& alias : children_named(record, tag)) {
    Name n;
    n.full = collapse_spaces(child_text(alias, "ALIAS_NAME"));
    if (n.full.empty()) continue;  // the UN writes <ALIAS_NAME/> when there is none
    std::string quality = to_lower_ascii(child_text(alias, "QUALITY"));
    if (quality == "good") {
      n.kind = NameKind::kAlias;
      n.quality = "good";
    } else if (quality == "low") {
      n.kind = NameKind::kWeakAlias;
      n.quality = "low";
    } else if (quality == "a.k.a." || quality.empty()) {
      n.kind = NameKind::kAlias;
    } else if (quality == "f.k.a.") {
      n.kind = NameKind::kFormerName;
    } else {
      return ctx.error(child_named(alias, "QUALITY"),
                       "alias QUALITY '" + quality + "' is not Good, Low, a.k.a. or f.k.a.");
    }
    // Some aliases carry their own birth data (a second identity).
    std::string dob = child_text(alias, "DATE_OF_BIRTH");
    if (!dob.empty()) {
      DateSpec d = parse_date_loose(dob);
      if (!d.empty()) e.birth_dates.push_back(std::move(d));
    }
    push_unique(e.birth_places, joined_children(alias, {"CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"}));
    std::string note = child_text(alias, "NOTE");
    if (!note.empty()) e.remarks.push_back(n.full + ": " + note);
    e.add_name(std::move(n));
  }
  return Status::ok_status();
}

void read_addresses(const pugi::xml_node& record, std::string_view tag, Entity& e) {
  for (const pugi::xml_node& node : children_named(record, tag)) {
    Address a;
    a.street = child_text(node, "STREET");
    a.city = child_text(node, "CITY");
    a.region = child_text(node, "STATE_PROVINCE");
    a.postal_code = child_text(node, "ZIP_CODE");
    a.country = child_text(node, "COUNTRY");
    std::string note = child_text(node, "NOTE");
    a.full = joined_children(node, {"STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"});
    if (a.full.empty())
      a.full = note;
    else if (!note.empty())
      a.full += " (" + note + ")";
    if (a.full.empty()) continue;
    push_unique(e.countries, a.country);
    e.addresses.push_back(std::move(a));
  }
}

Status read_birth_dates(const Context& ctx, const pugi::xml_node& record, Entity& e) {
  for (const pugi::xml_node& node : children_named(record, "INDIVIDUAL_DATE_OF_BIRTH")) {
    std::string type = to_lower_ascii(child_text(node, "TYPE_OF_DATE"));
    std::string note = child_text(node, "NOTE");
    if (!note.empty()) e.remarks.push_back("Date of birth: " + note);
    DateSpec d;
    if (type == "between") {
      std::string from = child_text(node, "FROM_YEAR"), to = child_text(node, "TO_YEAR");
      d = parse_date_loose(from + " to " + to);
      d.raw = from + "-" + to;
    } else if (type == "exact" || type == "approximately") {
      std::string value = child_text(node, "DATE");
      if (value.empty()) value = child_text(node, "YEAR");
      if (value.empty()) continue;  // a NOTE-only date ("unknown")
      d = parse_date_loose(value);
      d.circa = type == "approximately";
    } else if (type.empty()) {
      continue;  // <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE/></…>: no date given
    } else {
      return ctx.error(child_named(node, "TYPE_OF_DATE"),
                       "TYPE_OF_DATE '" + type + "' is not EXACT, APPROXIMATELY or BETWEEN");
    }
    if (d.empty()) return ctx.error(node, "date of birth '" + d.raw + "' is not a date");
    e.birth_dates.push_back(std::move(d));
  }
  return Status::ok_status();
}

std::string document_type(std::string_view published) {
  std::string t = to_lower_ascii(collapse_spaces(published));
  // The UN also writes the French and Spanish labels ("Numéro de passeport", "Número de pasaporte").
  if (t.find("passport") != std::string::npos || t.find("passeport") != std::string::npos ||
      t.find("pasaporte") != std::string::npos) {
    return "passport";
  }
  if (t.find("national identification") != std::string::npos) return "national_id";
  return "other";
}

void read_documents(const pugi::xml_node& record, Entity& e) {
  for (const pugi::xml_node& node : children_named(record, "INDIVIDUAL_DOCUMENT")) {
    std::string type = collapse_spaces(child_text(node, "TYPE_OF_DOCUMENT"));
    std::string number = child_text(node, "NUMBER");
    std::vector<std::string> notes;
    for (std::string_view tag : {"TYPE_OF_DOCUMENT2", "DATE_OF_ISSUE", "CITY_OF_ISSUE", "NOTE"}) {
      std::string s = collapse_spaces(child_text(node, tag));
      if (!s.empty()) notes.push_back(std::move(s));
    }
    if (number.empty()) {
      // A document described but not numbered ("Saudi passport issued 2003") is still information.
      if (!notes.empty() || !type.empty())
        e.remarks.push_back((type.empty() ? "Document" : type) + ": " + join(notes, "; "));
      continue;
    }
    Identifier id;
    id.type = document_type(type);
    id.value = number;
    id.country = child_text(node, "ISSUING_COUNTRY");
    if (id.country.empty()) id.country = child_text(node, "COUNTRY_OF_ISSUE");
    if (id.type == "other" && !type.empty()) notes.insert(notes.begin(), type);
    id.note = join(notes, "; ");
    e.identifiers.push_back(std::move(id));
  }
}

Status read_common(const Context& ctx, const pugi::xml_node& record, const ParseOptions& options, Entity& e) {
  pugi::xml_node ref = child_named(record, ctx.ids_from_dataid ? "DATAID" : "REFERENCE_NUMBER");
  e.source_id = xml::node_text(ref);
  if (e.source_id.empty()) return ctx.error(ref ? ref : record, "missing REFERENCE_NUMBER");
  e.id = make_entity_id(options.list_id, e.source_id);
  push_unique(e.programs, child_text(record, "UN_LIST_TYPE"));
  std::string listed = child_text(record, "LISTED_ON");
  if (!listed.empty()) {
    DateSpec d = parse_date_loose(listed);
    if (d.empty()) return ctx.error(child_named(record, "LISTED_ON"), "'" + listed + "' is not a date");
    e.listed_on = d.date.iso();
  }
  std::string original = collapse_spaces(child_text(record, "NAME_ORIGINAL_SCRIPT"));
  if (!original.empty()) e.add_name(Name{.full = original, .kind = NameKind::kOriginalScript});
  std::string comments = child_text(record, "COMMENTS1");
  if (!comments.empty()) e.remarks.push_back(std::move(comments));
  e.raw = xml::node_xml(record);
  return Status::ok_status();
}

Result<Entity> read_individual(const Context& ctx, const pugi::xml_node& node, const ParseOptions& options) {
  Entity e;
  e.schema = Schema::kPerson;
  // FIRST..FOURTH_NAME are positional, not given/family names (Korean entries start with
  // the family name): parts are filled by position, the full name keeps the UN order.
  std::vector<std::string> parts;
  for (std::string_view tag : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
    std::string s = child_text(node, tag);
    if (!s.empty()) parts.push_back(std::move(s));
  }
  if (parts.empty()) return ctx.error(node, "missing FIRST_NAME");
  Name primary;
  primary.full = join(parts, " ");
  primary.first = parts.front();
  if (parts.size() > 1) {
    primary.last = parts.back();
    primary.middle = join(std::vector<std::string>(parts.begin() + 1, parts.end() - 1), " ");
  }
  e.caption = primary.full;
  e.add_name(std::move(primary));
  SEKISHO_RETURN_IF_ERROR(read_common(ctx, node, options, e));
  SEKISHO_RETURN_IF_ERROR(read_aliases(ctx, node, "INDIVIDUAL_ALIAS", e));
  for (const std::string& v : values_of(node, "NATIONALITY")) push_unique(e.nationalities, v);
  for (const std::string& v : values_of(node, "TITLE")) e.remarks.push_back("Title: " + v);
  for (const std::string& v : values_of(node, "DESIGNATION")) e.remarks.push_back("Designation: " + v);
  SEKISHO_RETURN_IF_ERROR(read_birth_dates(ctx, node, e));
  for (const pugi::xml_node& p : children_named(node, "INDIVIDUAL_PLACE_OF_BIRTH")) {
    push_unique(e.birth_places, joined_children(p, {"STREET", "CITY", "STATE_PROVINCE", "COUNTRY", "NOTE"}));
  }
  read_documents(node, e);
  read_addresses(node, "INDIVIDUAL_ADDRESS", e);
  std::string gender = to_lower_ascii(child_text(node, "GENDER"));
  if (gender == "male" || gender == "female") e.gender = gender;
  return e;
}

Result<Entity> read_entity(const Context& ctx, const pugi::xml_node& node, const ParseOptions& options) {
  Entity e;
  e.schema = Schema::kOrganization;
  Name primary;
  primary.full = collapse_spaces(child_text(node, "FIRST_NAME"));
  if (primary.full.empty()) return ctx.error(node, "missing FIRST_NAME (the entity's name)");
  e.caption = primary.full;
  e.add_name(std::move(primary));
  SEKISHO_RETURN_IF_ERROR(read_common(ctx, node, options, e));
  SEKISHO_RETURN_IF_ERROR(read_aliases(ctx, node, "ENTITY_ALIAS", e));
  read_addresses(node, "ENTITY_ADDRESS", e);
  return e;
}

// REFERENCE_NUMBER ("QDi.421") is the UN's public id and stable across versions;
// DATAID is internal. Both real files have unique reference numbers; should a
// file ever repeat or omit one, every id falls back to DATAID so ids stay unique.
bool reference_numbers_unusable(const std::vector<pugi::xml_node>& records) {
  std::set<std::string> seen;
  for (const pugi::xml_node& r : records) {
    std::string ref = child_text(r, "REFERENCE_NUMBER");
    if (ref.empty() || !seen.insert(ref).second) return true;
  }
  return false;
}

}  // namespace

Result<ParsedList> parse_un_xml(const Paths& paths, const ParseOptions& options) {
  SEKISHO_ASSIGN_OR_RETURN(std::filesystem::path path, resolve_single(paths, ".xml", "un-xml"));
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  Context ctx{text_body(file), path.string()};
  pugi::xml_document doc;
  SEKISHO_RETURN_IF_ERROR(xml::load_xml(doc, ctx.text, ctx.file));
  pugi::xml_node root = doc.document_element();
  if (xml::local_name(root) != "CONSOLIDATED_LIST") {
    return ctx.error(root, "root element is <" + std::string(root.name()) + ">, expected <CONSOLIDATED_LIST>");
  }
  ParsedList out;
  out.files.push_back(file.meta);
  std::string generated = root.attribute("dateGenerated").value();
  if (!generated.empty()) {
    DateSpec d = parse_date_loose(generated.substr(0, 10));
    if (d.date.day == 0) return ctx.error(root, "dateGenerated '" + generated + "' is not an ISO date-time");
    out.publication_date = d.date.iso();
  }
  std::vector<pugi::xml_node> individuals = children_named(child_named(root, "INDIVIDUALS"), "INDIVIDUAL");
  std::vector<pugi::xml_node> entities = children_named(child_named(root, "ENTITIES"), "ENTITY");
  std::vector<pugi::xml_node> all = individuals;
  all.insert(all.end(), entities.begin(), entities.end());
  ctx.ids_from_dataid = reference_numbers_unusable(all);
  out.entities.reserve(all.size());
  for (const pugi::xml_node& node : individuals) {
    SEKISHO_ASSIGN_OR_RETURN(Entity e, read_individual(ctx, node, options));
    out.entities.push_back(std::move(e));
  }
  for (const pugi::xml_node& node : entities) {
    SEKISHO_ASSIGN_OR_RETURN(Entity e, read_entity(ctx, node, options));
    out.entities.push_back(std::move(e));
  }
  return out;
}

}  // namespace sekisho::parsers
