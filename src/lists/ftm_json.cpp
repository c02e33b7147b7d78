// FollowTheMoney (OpenSanctions) entities as JSON lines, and delta files.
//
// Entities: one object per line, {id, schema, properties: {prop: [values]},
// caption, datasets, referents, first_seen, last_seen, target}. Only the
// party schemata screening matches on become entities; Sanction and Address
// entities are folded into the party they point at; the rest (Ownership,
// Family, Payment, Directorship…) are skipped.
//
// Deltas: lines {"op": "ADD"|"MOD"|"DEL", "entity": {...}}, published per
// version and listed by an index {"versions": {"<version>": "<url>"}}
// (OpenSanctions delta.json). Versions start with a timestamp, so their
// sorted order is the order of publication.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>

#include "core/strings.hpp"
#include "io/source_file.hpp"
#include "io/text_script.hpp"
#include "lists/parsers.hpp"
#include "lists/record_builder.hpp"

namespace sekisho::parsers {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// Values of one FTM property; FTM always writes arrays of strings, anything
// else is ignored rather than trusted.
std::vector<std::string> values(const json& props, const char* prop) {
  std::vector<std::string> out;
  auto it = props.find(prop);
  if (it == props.end() || !it->is_array()) return out;
  for (const json& v : *it) {
    if (v.is_string()) {
      std::string_view s = trim(v.get_ref<const std::string&>());
      if (!s.empty()) out.emplace_back(s);
    }
  }
  return out;
}

std::string first_value(const json& props, const char* prop) {
  std::vector<std::string> v = values(props, prop);
  return v.empty() ? std::string() : v.front();
}

std::string string_field(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

struct SanctionInfo {
  std::vector<std::string> programs;
  std::string listed_on;  // earliest listingDate / startDate
};

// What one pass over the lines gathers before parties are completed.
struct Collected {
  std::vector<std::string> order;                                // party ids in first-seen order
  std::map<std::string, std::optional<Entity>> parties;          // nullopt: deleted
  std::map<std::string, std::vector<std::string>> address_refs;  // party id → Address entity ids
  std::map<std::string, Address> addresses;                      // Address entity id → address
  std::map<std::string, SanctionInfo> sanctions;                 // party id → sanctions
};

bool is_party_schema(std::string_view schema) {
  return schema == "Person" || schema == "Organization" || schema == "Company" || schema == "LegalEntity" ||
         schema == "Vessel" || schema == "Aircraft" || schema == "PublicBody";
}

void add_identifiers(Entity& e, const json& props) {
  static const std::pair<const char*, const char*> kIds[] = {
      {"passportNumber", "passport"}, {"idNumber", "national_id"},
      {"taxNumber", "tax_id"},        {"innCode", "tax_id"},
      {"ogrnCode", "registration"},   {"registrationNumber", "registration"},
      {"imoNumber", "imo"},           {"mmsi", "mmsi"},
      {"callSign", "call_sign"},      {"leiCode", "lei"},
      {"swiftBic", "swift_bic"},
  };
  for (const auto& [prop, type] : kIds) {
    for (std::string& v : values(props, prop)) {
      bool dup = false;
      for (const Identifier& have : e.identifiers) dup |= have.type == type && have.value == v;
      if (!dup) e.identifiers.push_back(Identifier{.type = type, .value = std::move(v)});
    }
  }
}

Entity party_from_ftm(const json& obj, std::string_view schema_text, std::string_view line_text) {
  Entity e;
  e.schema = parse_schema(schema_text).value();  // is_party_schema() vetted the name
  static const json kNoProperties = json::object();
  const json& props = obj.contains("properties") && obj["properties"].is_object() ? obj["properties"] : kNoProperties;
  std::vector<std::string> names = values(props, "name");
  if (names.empty()) {
    std::string caption = string_field(obj, "caption");
    if (!caption.empty()) names.push_back(caption);
  }
  for (size_t i = 0; i < names.size(); ++i) {
    Name n;
    n.full = names[i];
    if (i == 0) {
      n.kind = NameKind::kPrimary;
      n.first = first_value(props, "firstName");
      n.middle = first_value(props, "middleName");
      n.last = first_value(props, "lastName");
      n.patronymic = first_value(props, "fatherName");
    } else {
      // Further `name` values are the same name in other languages or scripts.
      n.kind = has_non_latin_letters(n.full) ? NameKind::kOriginalScript : NameKind::kAlias;
    }
    e.add_name(std::move(n));
  }
  for (std::string& a : values(props, "alias")) e.add_name(Name{.full = std::move(a), .kind = NameKind::kAlias});
  for (std::string& a : values(props, "weakAlias")) {
    e.add_name(Name{.full = std::move(a), .kind = NameKind::kWeakAlias, .quality = "weak"});
  }
  for (std::string& a : values(props, "previousName")) {
    e.add_name(Name{.full = std::move(a), .kind = NameKind::kFormerName});
  }
  for (const char* prop : {"birthDate", "incorporationDate", "buildDate"}) {
    for (const std::string& d : values(props, prop)) e.birth_dates.push_back(parse_date_loose(d));
  }
  for (const std::string& p : values(props, "birthPlace")) add_unique(e.birth_places, p);
  for (const std::string& n : values(props, "nationality")) add_unique(e.nationalities, n);
  for (const char* prop : {"citizenship", "country", "jurisdiction", "flag"}) {
    for (const std::string& c : values(props, prop)) add_unique(e.countries, c);
  }
  add_identifiers(e, props);
  for (std::string& a : values(props, "address")) e.addresses.push_back(Address{.full = std::move(a)});
  e.gender = to_lower_ascii(first_value(props, "gender"));
  for (std::string& n : values(props, "notes")) e.remarks.push_back(std::move(n));
  std::vector<std::string> topics = values(props, "topics");
  if (!topics.empty()) e.remarks.push_back("topics: " + join(topics, ", "));
  for (const std::string& p : values(props, "programId")) add_unique(e.programs, p);
  e.raw = std::string(trim(line_text));
  return e;
}

struct LineRef {
  const std::string* file;
  size_t line;
  std::string where() const { return *file + ":" + std::to_string(line); }
};

// Folds one FTM entity into `c`. `op` is "ADD", "MOD" or "DEL" ("ADD" for plain entity files).
Status apply(Collected& c, std::string_view op, const json& obj, std::string_view line_text, const LineRef& at) {
  if (!obj.is_object()) return parse_error(at.where() + ": entity is not a JSON object");
  std::string id = string_field(obj, "id");
  if (id.empty()) return parse_error(at.where() + ": field id is missing or empty");
  if (op == "DEL") {
    if (!c.parties.count(id)) c.order.push_back(id);
    c.parties[id] = std::nullopt;
    c.addresses.erase(id);
    return Status::ok_status();
  }
  std::string schema = string_field(obj, "schema");
  if (schema.empty()) return parse_error(at.where() + ": field schema is missing or empty");
  static const json kNoProperties = json::object();
  const json& props = obj.contains("properties") && obj["properties"].is_object() ? obj["properties"] : kNoProperties;
  if (is_party_schema(schema)) {
    if (!c.parties.count(id)) c.order.push_back(id);
    c.parties[id] = party_from_ftm(obj, schema, line_text);
    c.address_refs[id] = values(props, "addressEntity");
  } else if (schema == "Sanction") {
    for (const std::string& target : values(props, "entity")) {
      SanctionInfo& s = c.sanctions[target];
      for (const std::string& p : values(props, "program")) add_unique(s.programs, p);
      for (const char* prop : {"listingDate", "startDate"}) {
        for (const std::string& d : values(props, prop)) {
          std::string iso = iso_date(d);
          if (!iso.empty() && (s.listed_on.empty() || iso < s.listed_on)) s.listed_on = iso;
        }
      }
    }
  } else if (schema == "Address") {
    Address a;
    a.full = first_value(props, "full");
    a.street = first_value(props, "street");
    a.city = first_value(props, "city");
    a.region = first_value(props, "region");
    a.postal_code = first_value(props, "postalCode");
    a.country = first_value(props, "country");
    if (a.full.empty()) {
      std::vector<std::string> parts;
      for (const std::string* p : {&a.street, &a.postal_code, &a.city, &a.region, &a.country}) {
        if (!p->empty()) parts.push_back(*p);
      }
      a.full = join(parts, ", ");
    }
    c.addresses[id] = std::move(a);
  }
  return Status::ok_status();
}

using LineHandler = Status (*)(Collected&, const json&, std::string_view, const LineRef&);

Status read_lines(const LoadedFile& file, Collected& c, LineHandler handle) {
  std::string_view body = text_body(file);
  size_t line_no = 0, pos = 0;
  while (pos < body.size()) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = trim(body.substr(pos, end - pos));
    ++line_no;
    pos = end + 1;
    if (line.empty()) continue;
    json obj = json::parse(line, nullptr, /*allow_exceptions=*/false);
    LineRef at{&file.meta.path, line_no};
    if (obj.is_discarded()) return parse_error(at.where() + ": not valid JSON");
    SEKISHO_RETURN_IF_ERROR(handle(c, obj, line, at));
  }
  return Status::ok_status();
}

Status handle_entity_line(Collected& c, const json& obj, std::string_view line, const LineRef& at) {
  return apply(c, "ADD", obj, line, at);
}

Status handle_delta_line(Collected& c, const json& obj, std::string_view line, const LineRef& at) {
  if (!obj.is_object()) return parse_error(at.where() + ": delta line is not a JSON object");
  std::string op = string_field(obj, "op");
  if (op != "ADD" && op != "MOD" && op != "DEL") {
    return parse_error(at.where() + ": field op is '" + op + "', expected ADD, MOD or DEL");
  }
  auto it = obj.find("entity");
  if (it == obj.end()) return parse_error(at.where() + ": field entity is missing");
  // Keep the entity itself, not the op wrapper, as the raw record.
  std::string raw = it->dump(-1, ' ', false, json::error_handler_t::replace);
  return apply(c, op, *it, raw, at);
}

// Completes parties with their sanctions and referenced addresses.
ParsedList finish(Collected& c, const ParseOptions& options, std::vector<SourceFile> files, bool is_delta) {
  ParsedList list;
  list.files = std::move(files);
  list.is_delta = is_delta;
  for (const std::string& id : c.order) {
    std::optional<Entity>& slot = c.parties[id];
    if (!slot) {
      list.deleted_ids.push_back(make_entity_id(options.list_id, id));
      continue;
    }
    Entity e = std::move(*slot);
    if (auto s = c.sanctions.find(id); s != c.sanctions.end()) {
      for (const std::string& p : s->second.programs) add_unique(e.programs, p);
      e.listed_on = s->second.listed_on;
    }
    for (const std::string& ref : c.address_refs[id]) {
      auto a = c.addresses.find(ref);
      if (a == c.addresses.end()) continue;
      // The same text often also sits in the party's flat `address` list:
      // keep one copy, the structured one.
      auto same = std::find_if(e.addresses.begin(), e.addresses.end(),
                               [&](const Address& have) { return have.full == a->second.full; });
      if (same != e.addresses.end()) {
        *same = a->second;
      } else {
        e.addresses.push_back(a->second);
      }
    }
    finish_entity(e, options.list_id, id);
    list.entities.push_back(std::move(e));
  }
  return list;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A delta index is one JSON object with a "versions" map (not JSON lines).
std::optional<json> as_delta_index(const LoadedFile& file) {
  json doc = json::parse(text_body(file), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("versions") || !doc["versions"].is_object()) {
    return std::nullopt;
  }
  return doc;
}

// The local copy of one version's delta file. OpenSanctions names it by URL
// (…/<version>/entities.delta.json); mirrors keep <version>/ either beside the
// index or in a folder named after it ("t2_delta.json" → "t2_deltas/").
Result<fs::path> locate_version(const fs::path& index, const std::string& version, const std::string& url) {
  std::string base = url.substr(url.find_last_of('/') + 1);
  if (base.empty()) base = "entities.delta.json";
  fs::path dir = index.parent_path();
  std::vector<fs::path> tried = {dir / version / base, dir / (index.stem().string() + "s") / version / base,
                                 dir / "deltas" / version / base};
  std::error_code ec;
  for (const fs::path& p : tried) {
    if (fs::is_regular_file(p, ec)) return p;
  }
  std::string looked;
  for (const fs::path& p : tried) looked += (looked.empty() ? "" : ", ") + p.string();
  return not_found(index.string() + ": version " + version + ": delta file not found (looked for " + looked + ")");
}

// Expands the caller's paths into delta files in the order they apply.
Result<std::vector<fs::path>> delta_files(const Paths& paths) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const fs::path& p : paths) {
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> indexes, subdirs, files;
      for (const auto& entry : fs::directory_iterator(p, ec)) {
        std::string name = entry.path().filename().string();
        if (entry.is_directory()) {
          if (fs::is_regular_file(entry.path() / "entities.delta.json", ec)) subdirs.push_back(entry.path());
        } else if (name == "delta.json" || (ends_with(name, "_delta.json"))) {
          indexes.push_back(entry.path());
        } else if (ends_with(name, ".delta.json")) {
          files.push_back(entry.path());
        }
      }
      if (indexes.size() > 1) {
        std::sort(indexes.begin(), indexes.end());
        std::string names;
        for (const fs::path& i : indexes) names += (names.empty() ? "" : ", ") + i.filename().string();
        return invalid_argument(p.string() + ": several delta indexes (" + names + "); name the one to apply");
      }
      if (indexes.size() == 1) {
        out.push_back(indexes[0]);
        continue;
      }
      std::sort(subdirs.begin(), subdirs.end());
      std::sort(files.begin(), files.end());
      for (const fs::path& d : subdirs) out.push_back(d / "entities.delta.json");
      for (const fs::path& f : files) out.push_back(f);
      if (subdirs.empty() && files.empty()) {
        return invalid_argument(p.string() + ": no delta index and no *.delta.json files");
      }
    } else {
      out.push_back(p);
    }
  }
  return out;
}

}  // namespace

Result<ParsedList> parse_ftm(const Paths& paths, const ParseOptions& options) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const fs::path& p : paths) {
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::directory_iterator(p, ec)) {
        if (entry.is_regular_file() && ends_with(entry.path().filename().string(), ".ftm.json")) {
          found.push_back(entry.path());
        }
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) return invalid_argument(p.string() + ": no *.ftm.json files");
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(p);
    }
  }
  Collected c;
  std::vector<SourceFile> metas;
  for (const fs::path& f : files) {
    SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(f));
    metas.push_back(file.meta);
    SEKISHO_RETURN_IF_ERROR(read_lines(file, c, handle_entity_line));
  }
  ParsedList list = finish(c, options, std::move(metas), /*is_delta=*/false);
  if (list.entities.empty()) {
    return parse_error(files.front().string() +
                       ": no Person, Organization, Company, LegalEntity, Vessel or "
                       "Aircraft entities");
  }
  return list;
}

Result<ParsedList> parse_ftm_delta(const Paths& paths, const ParseOptions& options) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<fs::path> files, delta_files(paths));
  Collected c;
  std::vector<SourceFile> metas;
  // A version with no changes is published as an empty file.
  const LoadOptions allow_empty{.require_utf8 = true, .allow_empty = true};
  for (const fs::path& f : files) {
    SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(f, allow_empty));
    if (std::optional<json> index = as_delta_index(file)) {
      metas.push_back(file.meta);
      for (const auto& [version, url] : (*index)["versions"].items()) {
        std::string url_text = url.is_string() ? url.get<std::string>() : std::string();
        SEKISHO_ASSIGN_OR_RETURN(fs::path delta_path, locate_version(f, version, url_text));
        SEKISHO_ASSIGN_OR_RETURN(LoadedFile delta, load_source(delta_path, allow_empty));
        metas.push_back(delta.meta);
        SEKISHO_RETURN_IF_ERROR(read_lines(delta, c, handle_delta_line));
      }
      continue;
    }
    metas.push_back(file.meta);
    SEKISHO_RETURN_IF_ERROR(read_lines(file, c, handle_delta_line));
  }
  return finish(c, options, std::move(metas), /*is_delta=*/true);
}

}  // namespace sekisho::parsers
