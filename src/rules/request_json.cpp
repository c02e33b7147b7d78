// Reads the transfer request JSON of docs/transfer-request.md. Strict: unknown
// fields are errors (a misspelt "licenses" must not silently drop evidence).
// nlohmann throws; exceptions stop at this boundary and become Status.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/strings.hpp"
#include "sekisho/rules.hpp"

namespace sekisho::rules {

namespace {

using nlohmann::json;

class Reader {
 public:
  explicit Reader(std::string_view source) : source_(source) {}

  Status error(const std::string& path, std::string_view message) const {
    return invalid_argument(fmt::format("{}: {}: {}", source_, path, message));
  }

  Status check_object(const json& j, const std::string& path, std::initializer_list<std::string_view> allowed) const {
    if (!j.is_object()) return error(path, "expected an object");
    for (const auto& [key, value] : j.items()) {
      bool known = false;
      for (std::string_view a : allowed) known = known || a == key;
      if (!known) {
        std::vector<std::string> names(allowed.begin(), allowed.end());
        return error(path.empty() ? key : path + "." + key, "unknown field (allowed: " + join(names, ", ") + ")");
      }
    }
    return Status();
  }

  Result<std::string> str(const json& j, const char* key, const std::string& path, bool required) const {
    const std::string field = path.empty() ? key : path + "." + key;
    if (!j.contains(key) || j[key].is_null()) {
      if (required) return error(field, "required field is missing");
      return std::string();
    }
    if (!j[key].is_string()) return error(field, "expected a string");
    std::string value = std::string(trim(j[key].get<std::string>()));
    if (required && value.empty()) return error(field, "must not be empty");
    return value;
  }

  Result<std::string> country(const json& j, const char* key, const std::string& path, bool required) const {
    SEKISHO_ASSIGN_OR_RETURN(std::string cc, str(j, key, path, required));
    if (!cc.empty() && !is_unknown(cc) &&
        (cc.size() != 2 || !std::isupper(static_cast<unsigned char>(cc[0])) ||
         !std::isupper(static_cast<unsigned char>(cc[1])))) {
      return error(path + "." + key, "'" + cc + "' is not an upper-case ISO 3166-1 alpha-2 code");
    }
    return cc;
  }

  Result<std::vector<std::string>> strings(const json& j, const char* key, const std::string& path) const {
    std::vector<std::string> out;
    if (!j.contains(key) || j[key].is_null()) return out;
    const std::string field = path.empty() ? key : path + "." + key;
    if (!j[key].is_array()) return error(field, "expected an array of strings");
    for (size_t i = 0; i < j[key].size(); ++i) {
      if (!j[key][i].is_string()) return error(fmt::format("{}[{}]", field, i), "expected a string");
      out.push_back(j[key][i].get<std::string>());
    }
    return out;
  }

  Result<std::optional<double>> number(const json& j, const char* key, const std::string& path) const {
    if (!j.contains(key) || j[key].is_null()) return std::optional<double>();
    if (j[key].is_string() && is_unknown(j[key].get<std::string>())) return std::optional<double>();  // same as absent
    if (!j[key].is_number()) return error(path + "." + key, "expected a number or \"unknown\"");
    return std::optional<double>(j[key].get<double>());
  }

  Result<int> hop_number(const json& j, const std::string& path) const {
    if (!j.contains("hop") || !j["hop"].is_number_integer())
      return error(path + ".hop", "required hop number (1-based integer)");
    return j["hop"].get<int>();
  }

  Result<const json*> array(const json& j, const char* key, const std::string& path, bool required) const {
    static const json kEmpty = json::array();
    const std::string field = path.empty() ? key : path + "." + key;
    if (!j.contains(key) || j[key].is_null()) {
      if (required) return error(field, "required field is missing");
      return &kEmpty;
    }
    if (!j[key].is_array()) return error(field, "expected an array");
    return &j[key];
  }

  Result<Party> party(const json& j, const std::string& path) const {
    if (!j.is_object()) return error(path, "expected an object with name and country");
    SEKISHO_RETURN_IF_ERROR(check_object(j, path, {"name", "country", "kind", "role", "list_hits"}));
    Party p;
    SEKISHO_ASSIGN_OR_RETURN(p.name, str(j, "name", path, true));
    SEKISHO_ASSIGN_OR_RETURN(p.country, country(j, "country", path, true));
    SEKISHO_ASSIGN_OR_RETURN(p.kind, str(j, "kind", path, false));
    if (is_unknown(p.kind)) p.kind.clear();  // "unknown" and omitted mean the same
    SEKISHO_ASSIGN_OR_RETURN(p.role, str(j, "role", path, false));
    if (!p.role.empty() && p.role != "intermediate_consignee" && p.role != "consignee" && p.role != "end_user" &&
        p.role != "purchaser") {
      return error(path + ".role",
                   "'" + p.role + "' is not a role (intermediate_consignee, consignee, end_user, purchaser)");
    }
    SEKISHO_ASSIGN_OR_RETURN(const json* hits, array(j, "list_hits", path, false));
    for (size_t i = 0; i < hits->size(); ++i) {
      const std::string hp = fmt::format("{}.list_hits[{}]", path, i);
      const json& h = (*hits)[i];
      SEKISHO_RETURN_IF_ERROR(check_object(h, hp, {"list", "entity_id", "matched_name", "score", "programs"}));
      ListHit hit;
      SEKISHO_ASSIGN_OR_RETURN(hit.list_id, str(h, "list", hp, true));
      SEKISHO_ASSIGN_OR_RETURN(hit.entity_id, str(h, "entity_id", hp, true));
      SEKISHO_ASSIGN_OR_RETURN(hit.matched_name, str(h, "matched_name", hp, false));
      SEKISHO_ASSIGN_OR_RETURN(auto score, number(h, "score", hp));
      if (!score || *score < 0 || *score > 1) return error(hp + ".score", "required, between 0 and 1");
      hit.score = *score;
      SEKISHO_ASSIGN_OR_RETURN(hit.programs, strings(h, "programs", hp));
      p.list_hits.push_back(std::move(hit));
    }
    return p;
  }

  Result<Item> item(const json& j) const {
    const std::string path = "item";
    SEKISHO_RETURN_IF_ERROR(check_object(j, path,
                                         {"id", "description", "classifications", "origin", "licensed_from",
                                          "us_content_pct", "lethal", "value_jpy", "value_usd"}));
    Item item;
    SEKISHO_ASSIGN_OR_RETURN(item.id, str(j, "id", path, false));
    SEKISHO_ASSIGN_OR_RETURN(item.description, str(j, "description", path, false));
    SEKISHO_ASSIGN_OR_RETURN(item.origin, country(j, "origin", path, true));
    if (!j.contains("classifications") || !j["classifications"].is_object()) {
      return error("item.classifications", "required object: scheme → list of codes");
    }
    for (const auto& [scheme, codes] : j["classifications"].items()) {
      SEKISHO_ASSIGN_OR_RETURN(item.classifications[scheme],
                               strings(j["classifications"], scheme.c_str(), "item.classifications"));
      (void)codes;
    }
    if (j.contains("licensed_from") && !j["licensed_from"].is_null()) {
      const json& l = j["licensed_from"];
      SEKISHO_RETURN_IF_ERROR(check_object(l, "item.licensed_from", {"country", "licensor"}));
      SEKISHO_ASSIGN_OR_RETURN(item.licensor_country, country(l, "country", "item.licensed_from", true));
      SEKISHO_ASSIGN_OR_RETURN(item.licensor, str(l, "licensor", "item.licensed_from", false));
    }
    SEKISHO_ASSIGN_OR_RETURN(item.us_content_pct, number(j, "us_content_pct", path));
    if (item.us_content_pct && (*item.us_content_pct < 0 || *item.us_content_pct > 100)) {
      return error("item.us_content_pct", "must be between 0 and 100");
    }
    SEKISHO_ASSIGN_OR_RETURN(item.value_jpy, number(j, "value_jpy", path));
    SEKISHO_ASSIGN_OR_RETURN(item.value_usd, number(j, "value_usd", path));
    for (const auto& [value, field] :
         {std::pair{item.value_jpy, "item.value_jpy"}, std::pair{item.value_usd, "item.value_usd"}}) {
      if (value && *value < 0) return error(field, "must not be negative");
    }
    if (j.contains("lethal") && !j["lethal"].is_null() &&
        !(j["lethal"].is_string() && is_unknown(j["lethal"].get<std::string>()))) {
      if (!j["lethal"].is_boolean()) return error("item.lethal", "expected true, false or \"unknown\"");
      item.lethal = j["lethal"].get<bool>();
    }
    return item;
  }

  Result<TransferRequest> request(const json& j) const {
    SEKISHO_RETURN_IF_ERROR(check_object(j, "", {"id", "as_of", "item", "hops", "end_user", "evidence"}));
    TransferRequest r;
    SEKISHO_ASSIGN_OR_RETURN(r.id, str(j, "id", "", false));
    SEKISHO_ASSIGN_OR_RETURN(r.as_of, str(j, "as_of", "", true));
    if (!parse_iso_day(r.as_of).ok()) return error("as_of", "'" + r.as_of + "' is not an ISO date YYYY-MM-DD");
    if (!j.contains("item")) return error("item", "required field is missing");
    SEKISHO_ASSIGN_OR_RETURN(r.item, item(j["item"]));
    SEKISHO_ASSIGN_OR_RETURN(const json* hops, array(j, "hops", "", true));
    if (hops->empty()) return error("hops", "a transfer needs at least one hop");
    for (size_t i = 0; i < hops->size(); ++i) {
      const std::string hp = fmt::format("hops[{}]", i);
      const json& h = (*hops)[i];
      SEKISHO_RETURN_IF_ERROR(check_object(h, hp, {"from", "to", "end_use", "flags", "unknown_flags"}));
      Hop hop;
      if (!h.contains("from")) return error(hp + ".from", "required field is missing");
      if (!h.contains("to")) return error(hp + ".to", "required field is missing");
      SEKISHO_ASSIGN_OR_RETURN(hop.from, party(h["from"], hp + ".from"));
      SEKISHO_ASSIGN_OR_RETURN(hop.to, party(h["to"], hp + ".to"));
      SEKISHO_ASSIGN_OR_RETURN(hop.end_use, str(h, "end_use", hp, false));
      SEKISHO_ASSIGN_OR_RETURN(hop.flags, strings(h, "flags", hp));
      SEKISHO_ASSIGN_OR_RETURN(hop.unknown_flags, strings(h, "unknown_flags", hp));
      for (const std::string& f : hop.unknown_flags) {
        if (std::find(hop.flags.begin(), hop.flags.end(), f) != hop.flags.end()) {
          return error(hp + ".unknown_flags", "'" + f + "' is stated both as a fact and as unknown");
        }
      }
      if (i > 0 && hop.from.country != r.hops.back().to.country) {
        return error(hp + ".from.country",
                     "a chain hop must start where the previous one ended (" + r.hops.back().to.country + ")");
      }
      r.hops.push_back(std::move(hop));
    }
    if (j.contains("end_user") && !j["end_user"].is_null()) {
      SEKISHO_ASSIGN_OR_RETURN(r.end_user, party(j["end_user"], "end_user"));
      if (r.end_user->role.empty()) r.end_user->role = "end_user";
    }
    if (j.contains("evidence")) SEKISHO_RETURN_IF_ERROR(evidence(j["evidence"], r));
    return r;
  }

  Status scope(const json& j, const std::string& path, EvidenceScope& out) const {
    SEKISHO_ASSIGN_OR_RETURN(out.items, strings(j, "items", path));
    SEKISHO_ASSIGN_OR_RETURN(out.destinations, strings(j, "destinations", path));
    for (size_t i = 0; i < out.destinations.size(); ++i) {
      const std::string& cc = out.destinations[i];
      if (cc.size() != 2 || !std::isupper(static_cast<unsigned char>(cc[0])) ||
          !std::isupper(static_cast<unsigned char>(cc[1]))) {
        return error(fmt::format("{}.destinations[{}]", path, i),
                     "'" + cc + "' is not an upper-case ISO 3166-1 alpha-2 code");
      }
    }
    SEKISHO_ASSIGN_OR_RETURN(out.end_users, strings(j, "end_users", path));
    SEKISHO_ASSIGN_OR_RETURN(out.valid_from, str(j, "valid_from", path, false));
    SEKISHO_ASSIGN_OR_RETURN(out.valid_to, str(j, "valid_to", path, false));
    for (const auto& [key, value] : {std::pair{"valid_from", &out.valid_from}, std::pair{"valid_to", &out.valid_to}}) {
      if (!value->empty() && !parse_iso_day(*value).ok())
        return error(path + "." + key, "'" + *value + "' is not an ISO date YYYY-MM-DD");
    }
    return Status();
  }

  Status evidence(const json& e, TransferRequest& r) const {
    SEKISHO_RETURN_IF_ERROR(check_object(e, "evidence", {"licences", "consents", "undertakings"}));
    SEKISHO_ASSIGN_OR_RETURN(const json* licences, array(e, "licences", "evidence", false));
    for (size_t i = 0; i < licences->size(); ++i) {
      const std::string p = fmt::format("evidence.licences[{}]", i);
      const json& l = (*licences)[i];
      SEKISHO_RETURN_IF_ERROR(check_object(
          l, p, {"id", "holder", "hop", "conditions", "items", "destinations", "end_users", "valid_from", "valid_to"}));
      Licence lic;
      SEKISHO_ASSIGN_OR_RETURN(lic.id, str(l, "id", p, true));
      SEKISHO_ASSIGN_OR_RETURN(lic.holder, str(l, "holder", p, true));
      SEKISHO_ASSIGN_OR_RETURN(lic.hop, hop_number(l, p));
      SEKISHO_ASSIGN_OR_RETURN(lic.conditions, strings(l, "conditions", p));
      SEKISHO_RETURN_IF_ERROR(scope(l, p, lic.scope));
      r.licences.push_back(std::move(lic));
    }
    SEKISHO_ASSIGN_OR_RETURN(const json* consents, array(e, "consents", "evidence", false));
    for (size_t i = 0; i < consents->size(); ++i) {
      const std::string p = fmt::format("evidence.consents[{}]", i);
      const json& c = (*consents)[i];
      SEKISHO_RETURN_IF_ERROR(check_object(
          c, p, {"id", "holder", "hop", "granted", "items", "destinations", "end_users", "valid_from", "valid_to"}));
      Consent consent;
      SEKISHO_ASSIGN_OR_RETURN(consent.id, str(c, "id", p, true));
      SEKISHO_ASSIGN_OR_RETURN(consent.holder, str(c, "holder", p, true));
      SEKISHO_ASSIGN_OR_RETURN(consent.hop, hop_number(c, p));
      if (!c.contains("granted") || !c["granted"].is_boolean()) return error(p + ".granted", "required true or false");
      consent.granted = c["granted"].get<bool>();
      SEKISHO_RETURN_IF_ERROR(scope(c, p, consent.scope));
      r.consents.push_back(std::move(consent));
    }
    SEKISHO_ASSIGN_OR_RETURN(const json* undertakings, array(e, "undertakings", "evidence", false));
    for (size_t i = 0; i < undertakings->size(); ++i) {
      const std::string p = fmt::format("evidence.undertakings[{}]", i);
      const json& u = (*undertakings)[i];
      SEKISHO_RETURN_IF_ERROR(check_object(u, p, {"id", "by", "by_country", "holder", "hop", "terms"}));
      Undertaking und;
      SEKISHO_ASSIGN_OR_RETURN(und.id, str(u, "id", p, true));
      SEKISHO_ASSIGN_OR_RETURN(und.by, str(u, "by", p, true));
      SEKISHO_ASSIGN_OR_RETURN(und.by_country, country(u, "by_country", p, false));
      SEKISHO_ASSIGN_OR_RETURN(und.holder, str(u, "holder", p, true));
      SEKISHO_ASSIGN_OR_RETURN(und.hop, hop_number(u, p));
      SEKISHO_ASSIGN_OR_RETURN(und.terms, strings(u, "terms", p));
      if (und.terms.empty()) return error(p + ".terms", "an undertaking needs at least one term");
      r.undertakings.push_back(std::move(und));
    }
    return Status();
  }

 private:
  std::string_view source_;
};

}  // namespace

Result<TransferRequest> parse_transfer_request_json(std::string_view text, std::string_view source_name) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    LineCol lc = line_col_at(text, e.byte > 0 ? e.byte - 1 : 0);
    return invalid_argument(fmt::format("{}:{}:{}: JSON syntax error: {}", source_name, lc.line, lc.column, e.what()));
  } catch (const json::out_of_range& e) {
    // A number no double holds (2e2222) is refused by the parser with out_of_range, not a
    // syntax error: still the request's fault, never a crash.
    return invalid_argument(fmt::format("{}: JSON number out of range: {}", source_name, e.what()));
  }
  Reader reader(source_name);
  // A golden file wraps the request with its expectation; accept both shapes.
  if (j.is_object() && j.contains("request") && j["request"].is_object()) return reader.request(j["request"]);
  return reader.request(j);
}

Result<TransferRequest> parse_transfer_request_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return not_found(path.string() + ": cannot open transfer request");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_transfer_request_json(text.str(), path.string());
}

}  // namespace sekisho::rules
