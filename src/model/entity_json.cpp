// Entity <-> JSON. The JSON form is what the store keeps and what the API
// returns, so its key order is fixed and empty fields are omitted: two equal
// entities always serialise to the same bytes (the store hashes them).
#include <nlohmann/json.hpp>

#include "model/entity_json_tree.hpp"
#include "model/json_writer.hpp"
#include "sekisho/entity.hpp"

namespace sekisho {

using nlohmann::ordered_json;

namespace {

void put_string(ordered_json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}

void put_strings(ordered_json& j, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) j[key] = v;
}

ordered_json date_json(const DateSpec& d) {
  ordered_json j = ordered_json::object();
  put_string(j, "date", d.date.iso());
  put_string(j, "until", d.until.iso());
  if (d.circa) j["circa"] = true;
  put_string(j, "raw", d.raw);
  return j;
}

PartialDate partial_from_iso(const std::string& s) {
  PartialDate d;
  if (s.size() >= 4) d.year = static_cast<int16_t>(std::stoi(s.substr(0, 4)));
  if (s.size() >= 7) d.month = static_cast<int8_t>(std::stoi(s.substr(5, 2)));
  if (s.size() >= 10) d.day = static_cast<int8_t>(std::stoi(s.substr(8, 2)));
  return d;
}

std::string get_string(const ordered_json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> get_strings(const ordered_json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return {};
  return it->get<std::vector<std::string>>();
}

}  // namespace

ordered_json entity_json_tree(const Entity& e) {
  ordered_json j = ordered_json::object();
  j["id"] = e.id;
  put_string(j, "source_id", e.source_id);
  j["schema"] = std::string(schema_name(e.schema));
  j["caption"] = e.caption;
  ordered_json names = ordered_json::array();
  for (const Name& n : e.names) {
    ordered_json nj = ordered_json::object();
    nj["full"] = n.full;
    nj["kind"] = std::string(name_kind_name(n.kind));
    put_string(nj, "quality", n.quality);
    put_string(nj, "first", n.first);
    put_string(nj, "middle", n.middle);
    put_string(nj, "last", n.last);
    put_string(nj, "patronymic", n.patronymic);
    put_string(nj, "lang", n.lang);
    names.push_back(std::move(nj));
  }
  j["names"] = std::move(names);
  if (!e.birth_dates.empty()) {
    ordered_json dates = ordered_json::array();
    for (const DateSpec& d : e.birth_dates) dates.push_back(date_json(d));
    j["birth_dates"] = std::move(dates);
  }
  put_strings(j, "birth_places", e.birth_places);
  put_strings(j, "nationalities", e.nationalities);
  put_strings(j, "countries", e.countries);
  if (!e.identifiers.empty()) {
    ordered_json ids = ordered_json::array();
    for (const Identifier& id : e.identifiers) {
      ordered_json ij = ordered_json::object();
      ij["type"] = id.type;
      ij["value"] = id.value;
      put_string(ij, "country", id.country);
      put_string(ij, "note", id.note);
      ids.push_back(std::move(ij));
    }
    j["identifiers"] = std::move(ids);
  }
  if (!e.addresses.empty()) {
    ordered_json addrs = ordered_json::array();
    for (const Address& a : e.addresses) {
      ordered_json aj = ordered_json::object();
      put_string(aj, "full", a.full);
      put_string(aj, "street", a.street);
      put_string(aj, "city", a.city);
      put_string(aj, "region", a.region);
      put_string(aj, "postal_code", a.postal_code);
      put_string(aj, "country", a.country);
      addrs.push_back(std::move(aj));
    }
    j["addresses"] = std::move(addrs);
  }
  put_strings(j, "programs", e.programs);
  put_string(j, "listed_on", e.listed_on);
  put_string(j, "gender", e.gender);
  put_strings(j, "remarks", e.remarks);
  put_string(j, "raw", e.raw);
  return j;
}

namespace {

void write_if(JsonWriter& w, const char* key, const std::string& v) {
  if (v.empty()) return;
  w.key(key);
  w.value(v);
}

void write_strings(JsonWriter& w, const char* key, const std::vector<std::string>& v) {
  if (v.empty()) return;
  w.key(key);
  w.begin_array();
  for (const std::string& s : v) w.value(s);
  w.end_array();
}

}  // namespace

// The same document as entity_json_tree(), written directly: the store serialises
// every entity of every import, and a JSON tree per entity was the main cost.
// tests/core/entity_json_test.cpp holds the two forms equal.
std::string entity_to_json(const Entity& e) {
  std::string out;
  out.reserve(256 + e.raw.size() + 64 * e.names.size());
  JsonWriter w(out);
  w.begin_object();
  w.key("id");
  w.value(e.id);
  write_if(w, "source_id", e.source_id);
  w.key("schema");
  w.value(schema_name(e.schema));
  w.key("caption");
  w.value(e.caption);
  w.key("names");
  w.begin_array();
  for (const Name& n : e.names) {
    w.begin_object();
    w.key("full");
    w.value(n.full);
    w.key("kind");
    w.value(name_kind_name(n.kind));
    write_if(w, "quality", n.quality);
    write_if(w, "first", n.first);
    write_if(w, "middle", n.middle);
    write_if(w, "last", n.last);
    write_if(w, "patronymic", n.patronymic);
    write_if(w, "lang", n.lang);
    w.end_object();
  }
  w.end_array();
  if (!e.birth_dates.empty()) {
    w.key("birth_dates");
    w.begin_array();
    for (const DateSpec& d : e.birth_dates) {
      w.begin_object();
      write_if(w, "date", d.date.iso());
      write_if(w, "until", d.until.iso());
      if (d.circa) {
        w.key("circa");
        w.value(true);
      }
      write_if(w, "raw", d.raw);
      w.end_object();
    }
    w.end_array();
  }
  write_strings(w, "birth_places", e.birth_places);
  write_strings(w, "nationalities", e.nationalities);
  write_strings(w, "countries", e.countries);
  if (!e.identifiers.empty()) {
    w.key("identifiers");
    w.begin_array();
    for (const Identifier& id : e.identifiers) {
      w.begin_object();
      w.key("type");
      w.value(id.type);
      w.key("value");
      w.value(id.value);
      write_if(w, "country", id.country);
      write_if(w, "note", id.note);
      w.end_object();
    }
    w.end_array();
  }
  if (!e.addresses.empty()) {
    w.key("addresses");
    w.begin_array();
    for (const Address& a : e.addresses) {
      w.begin_object();
      write_if(w, "full", a.full);
      write_if(w, "street", a.street);
      write_if(w, "city", a.city);
      write_if(w, "region", a.region);
      write_if(w, "postal_code", a.postal_code);
      write_if(w, "country", a.country);
      w.end_object();
    }
    w.end_array();
  }
  write_strings(w, "programs", e.programs);
  write_if(w, "listed_on", e.listed_on);
  write_if(w, "gender", e.gender);
  write_strings(w, "remarks", e.remarks);
  write_if(w, "raw", e.raw);
  w.end_object();
  return out;
}

Result<Entity> entity_from_json(std::string_view json) {
  ordered_json j = ordered_json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return parse_error("entity JSON is not an object");
  Entity e;
  e.id = get_string(j, "id");
  e.source_id = get_string(j, "source_id");
  auto schema = parse_schema(get_string(j, "schema"));
  if (!schema.ok()) return schema.status();
  e.schema = *schema;
  e.caption = get_string(j, "caption");
  if (auto it = j.find("names"); it != j.end() && it->is_array()) {
    for (const auto& nj : *it) {
      Name n;
      n.full = get_string(nj, "full");
      auto kind = parse_name_kind(get_string(nj, "kind"));
      if (!kind.ok()) return kind.status();
      n.kind = *kind;
      n.quality = get_string(nj, "quality");
      n.first = get_string(nj, "first");
      n.middle = get_string(nj, "middle");
      n.last = get_string(nj, "last");
      n.patronymic = get_string(nj, "patronymic");
      n.lang = get_string(nj, "lang");
      e.names.push_back(std::move(n));
    }
  }
  if (auto it = j.find("birth_dates"); it != j.end() && it->is_array()) {
    for (const auto& dj : *it) {
      DateSpec d;
      d.date = partial_from_iso(get_string(dj, "date"));
      d.until = partial_from_iso(get_string(dj, "until"));
      d.circa = dj.value("circa", false);
      d.raw = get_string(dj, "raw");
      e.birth_dates.push_back(std::move(d));
    }
  }
  e.birth_places = get_strings(j, "birth_places");
  e.nationalities = get_strings(j, "nationalities");
  e.countries = get_strings(j, "countries");
  if (auto it = j.find("identifiers"); it != j.end() && it->is_array()) {
    for (const auto& ij : *it) {
      e.identifiers.push_back(
          {get_string(ij, "type"), get_string(ij, "value"), get_string(ij, "country"), get_string(ij, "note")});
    }
  }
  if (auto it = j.find("addresses"); it != j.end() && it->is_array()) {
    for (const auto& aj : *it) {
      e.addresses.push_back({get_string(aj, "full"), get_string(aj, "street"), get_string(aj, "city"),
                             get_string(aj, "region"), get_string(aj, "postal_code"), get_string(aj, "country")});
    }
  }
  e.programs = get_strings(j, "programs");
  e.listed_on = get_string(j, "listed_on");
  e.gender = get_string(j, "gender");
  e.remarks = get_strings(j, "remarks");
  e.raw = get_string(j, "raw");
  return e;
}

std::vector<std::string> changed_fields(const Entity& before, const Entity& after) {
  ordered_json a = entity_json_tree(before);
  ordered_json b = entity_json_tree(after);
  std::vector<std::string> out;
  for (auto it = a.begin(); it != a.end(); ++it) {
    auto other = b.find(it.key());
    if (other == b.end() || *other != it.value()) out.push_back(it.key());
  }
  for (auto it = b.begin(); it != b.end(); ++it) {
    if (!a.contains(it.key())) out.push_back(it.key());
  }
  return out;
}

}  // namespace sekisho
