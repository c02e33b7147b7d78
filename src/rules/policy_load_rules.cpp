// Load passes for jurisdictions (territory, classification schemes, claims)
// and rules, including the predicate language of docs/policy-schema.md.
#include <fmt/format.h>

#include <algorithm>

#include "rules/evaluation.hpp"
#include "rules/policy_loader.hpp"

namespace sekisho::rules {

namespace {

Result<int> jurisdiction_field(const PolicyFile& f, const Policy::Impl& p, const YAML::Node& map,
                               const std::string& path) {
  SEKISHO_ASSIGN_OR_RETURN(std::string id, f.fields.required(map, "jurisdiction", path));
  int j = p.find_jurisdiction(id);
  if (j < 0)
    return f.fields.error(map["jurisdiction"], field_path(path, "jurisdiction"), "unknown jurisdiction '" + id + "'");
  return j;
}

Result<std::vector<int>> party_list_refs(const PolicyFile& f, const Policy::Impl& p, const YAML::Node& map,
                                         std::string_view key, const std::string& path) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<std::string> ids, f.fields.strings(map, key, path));
  std::vector<int> out;
  for (const std::string& id : ids) {
    auto it = p.party_list_by_name.find(id);
    if (it == p.party_list_by_name.end())
      return f.fields.error(map[std::string(key)], field_path(path, key), "unknown party list '" + id + "'");
    out.push_back(it->second);
  }
  return out;
}

}  // namespace

// The predicate language: every key is one condition; all must hold.
Result<Predicate> load_predicate(const PolicyFile& f, const Policy::Impl& p, const YAML::Node& n,
                                 const std::string& path) {
  SEKISHO_RETURN_IF_ERROR(f.fields.check_map(n, path,
                                             {"hop",
                                              "from_in",
                                              "from_not_in",
                                              "to_in",
                                              "to_not_in",
                                              "item_origin_in",
                                              "to_designated",
                                              "to_listed",
                                              "from_listed",
                                              "to_kind",
                                              "item_tags_any",
                                              "item_tags_none",
                                              "item_lethal",
                                              "licensor_country",
                                              "chart_hit",
                                              "us_content_pct_gt",
                                              "value_jpy_le",
                                              "flags_any",
                                              "flags_none",
                                              "on_or_after",
                                              "before",
                                              "undertaking",
                                              "undertaking_by_not_in",
                                              "recipients",
                                              "case",
                                              "listed_programs",
                                              "value_usd_within",
                                              "chart_hit_within"}));
  Predicate pr;
  SEKISHO_ASSIGN_OR_RETURN(pr.label, f.fields.optional(n, "case", path));
  SEKISHO_ASSIGN_OR_RETURN(std::string recipients, f.fields.optional(n, "recipients", path));
  if (recipients == "downstream")
    pr.downstream = true;
  else if (!recipients.empty() && recipients != "hop") {
    return f.fields.error(n["recipients"], field_path(path, "recipients"), "expected hop or downstream");
  }
  SEKISHO_ASSIGN_OR_RETURN(pr.undertaking_by_not_in, country_refs(f, p, n, "undertaking_by_not_in", path));
  SEKISHO_ASSIGN_OR_RETURN(std::string hop, f.fields.optional(n, "hop", path));
  if (hop == "first")
    pr.hop = HopKind::kFirst;
  else if (hop == "onward")
    pr.hop = HopKind::kOnward;
  else if (!hop.empty() && hop != "any")
    return f.fields.error(n["hop"], field_path(path, "hop"), "expected first, onward or any");
  SEKISHO_ASSIGN_OR_RETURN(pr.from_in, country_refs(f, p, n, "from_in", path));
  SEKISHO_ASSIGN_OR_RETURN(pr.from_not_in, country_refs(f, p, n, "from_not_in", path));
  SEKISHO_ASSIGN_OR_RETURN(pr.to_in, country_refs(f, p, n, "to_in", path));
  SEKISHO_ASSIGN_OR_RETURN(pr.to_not_in, country_refs(f, p, n, "to_not_in", path));
  SEKISHO_ASSIGN_OR_RETURN(pr.origin_in, country_refs(f, p, n, "item_origin_in", path));
  SEKISHO_ASSIGN_OR_RETURN(std::vector<std::string> designated, f.fields.strings(n, "to_designated", path));
  for (const std::string& d : designated) {
    // "TYPE" (any holder) or "TYPE@HOLDER".
    const size_t at = d.find('@');
    const std::string type = d.substr(0, at);
    DesignationRef ref{DesignationType::kEmbargo, at == std::string::npos ? "" : d.substr(at + 1)};
    bool known = false;
    for (size_t t = 0; t < std::size(kDesignationTypeNames); ++t) {
      if (kDesignationTypeNames[t] == type) {
        ref.type = static_cast<DesignationType>(t);
        known = true;
      }
    }
    if (!known)
      return f.fields.error(n["to_designated"], field_path(path, "to_designated"),
                            "'" + type + "' is not a designation type");
    pr.to_designated.push_back(ref);
  }
  SEKISHO_ASSIGN_OR_RETURN(pr.to_listed, party_list_refs(f, p, n, "to_listed", path));
  SEKISHO_ASSIGN_OR_RETURN(pr.from_listed, party_list_refs(f, p, n, "from_listed", path));
  SEKISHO_ASSIGN_OR_RETURN(pr.listed_programs, f.fields.strings(n, "listed_programs", path));
  if (!pr.listed_programs.empty() && pr.to_listed.empty() && pr.from_listed.empty()) {
    return f.fields.error(n["listed_programs"], field_path(path, "listed_programs"), "needs to_listed or from_listed");
  }
  for (std::string& program : pr.listed_programs) program = normalize_program(program);
  SEKISHO_ASSIGN_OR_RETURN(pr.to_kind, f.fields.strings(n, "to_kind", path));
  pr.has_tags_any = n["item_tags_any"].IsDefined();
  SEKISHO_ASSIGN_OR_RETURN(pr.tags_any, tag_set(f, p, n, "item_tags_any", path));
  SEKISHO_ASSIGN_OR_RETURN(pr.tags_none, tag_set(f, p, n, "item_tags_none", path));
  SEKISHO_ASSIGN_OR_RETURN(pr.lethal, f.fields.boolean(n, "item_lethal", path));
  SEKISHO_ASSIGN_OR_RETURN(std::string licensor, f.fields.optional(n, "licensor_country", path));
  if (licensor == "to")
    pr.licensor = LicensorIs::kTo;
  else if (licensor == "from")
    pr.licensor = LicensorIs::kFrom;
  else if (!licensor.empty())
    return f.fields.error(n["licensor_country"], field_path(path, "licensor_country"), "expected to or from");
  SEKISHO_ASSIGN_OR_RETURN(std::string chart, f.fields.optional(n, "chart_hit", path));
  if (!chart.empty()) {
    for (size_t c = 0; c < p.charts.size(); ++c) {
      if (p.charts[c].id == chart) pr.chart = static_cast<int>(c);
    }
    if (pr.chart < 0)
      return f.fields.error(n["chart_hit"], field_path(path, "chart_hit"), "unknown country chart '" + chart + "'");
  }
  SEKISHO_ASSIGN_OR_RETURN(std::vector<std::string> within, f.fields.strings(n, "chart_hit_within", path));
  pr.has_chart_hit_within = n["chart_hit_within"].IsDefined();
  if (pr.has_chart_hit_within && pr.chart < 0) {
    return f.fields.error(n["chart_hit_within"], field_path(path, "chart_hit_within"),
                          "needs chart_hit in the same mapping");
  }
  for (const std::string& col : within) {
    const auto& cols = p.charts[static_cast<size_t>(pr.chart)].columns;
    const auto c = std::find(cols.begin(), cols.end(), col);
    if (c == cols.end())
      return f.fields.error(n["chart_hit_within"], field_path(path, "chart_hit_within"),
                            "'" + col + "' is not a column of the chart");
    pr.chart_hit_within |= 1u << static_cast<unsigned>(c - cols.begin());
  }
  SEKISHO_ASSIGN_OR_RETURN(pr.value_usd_within, f.fields.optional(n, "value_usd_within", path));
  SEKISHO_ASSIGN_OR_RETURN(pr.us_content_gt, f.fields.number(n, "us_content_pct_gt", path));
  SEKISHO_ASSIGN_OR_RETURN(pr.value_jpy_le, f.fields.number(n, "value_jpy_le", path));
  pr.has_flags_any = n["flags_any"].IsDefined();
  SEKISHO_ASSIGN_OR_RETURN(pr.flags_any, flag_set(f, p, n, "flags_any", path));
  SEKISHO_ASSIGN_OR_RETURN(pr.flags_none, flag_set(f, p, n, "flags_none", path));
  SEKISHO_ASSIGN_OR_RETURN(pr.on_or_after, f.fields.date(n, "on_or_after", path));
  SEKISHO_ASSIGN_OR_RETURN(pr.before, f.fields.date(n, "before", path));
  pr.has_undertaking = n["undertaking"].IsDefined();
  SEKISHO_ASSIGN_OR_RETURN(pr.undertaking_terms, flag_set(f, p, n, "undertaking", path));
  return pr;
}

Status load_jurisdiction_ids(const PolicyFile& f, Policy::Impl& p) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<YAML::Node> nodes, f.fields.sequence(f.root, "jurisdictions", ""));
  for (size_t i = 0; i < nodes.size(); ++i) {
    const std::string path = index_path("jurisdictions", i);
    SEKISHO_RETURN_IF_ERROR(f.fields.check_map(
        nodes[i], path, {"id", "name", "authority", "law", "territory", "classification_schemes", "claims", "note"}));
    Jurisdiction j;
    SEKISHO_ASSIGN_OR_RETURN(j.id, f.fields.required(nodes[i], "id", path));
    SEKISHO_ASSIGN_OR_RETURN(j.name, f.fields.required(nodes[i], "name", path));
    SEKISHO_ASSIGN_OR_RETURN(j.authority, f.fields.required(nodes[i], "authority", path));
    SEKISHO_ASSIGN_OR_RETURN(j.law, f.fields.required(nodes[i], "law", path));
    if (p.find_jurisdiction(j.id) >= 0)
      return f.fields.error(nodes[i]["id"], field_path(path, "id"), "duplicate jurisdiction '" + j.id + "'");
    j.gap_rule_id = j.id + ".DATA_GAP";
    p.jurisdictions.push_back(std::move(j));
  }
  return Status();
}

Status load_jurisdiction_bodies(const PolicyFile& f, Policy::Impl& p) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<YAML::Node> nodes, f.fields.sequence(f.root, "jurisdictions", ""));
  for (size_t i = 0; i < nodes.size(); ++i) {
    const std::string path = index_path("jurisdictions", i);
    Jurisdiction& j = p.jurisdictions[static_cast<size_t>(p.find_jurisdiction(nodes[i]["id"].Scalar()))];
    SEKISHO_ASSIGN_OR_RETURN(j.territory, country_refs(f, p, nodes[i], "territory", path));
    j.territory_text = country_refs_text(p, j.territory);
    SEKISHO_ASSIGN_OR_RETURN(std::vector<std::string> schemes,
                             f.fields.strings(nodes[i], "classification_schemes", path));
    if (schemes.empty())
      return f.fields.error(nodes[i], field_path(path, "classification_schemes"),
                            "a jurisdiction needs at least one classification scheme");
    for (const std::string& s : schemes) {
      auto it = p.list_by_scheme.find(s);
      if (it == p.list_by_scheme.end())
        return f.fields.error(nodes[i]["classification_schemes"], field_path(path, "classification_schemes"),
                              "no control list has scheme '" + s + "'");
      j.schemes.push_back(it->second);
    }
    SEKISHO_ASSIGN_OR_RETURN(std::vector<YAML::Node> claims, f.fields.sequence(nodes[i], "claims", path));
    for (size_t c = 0; c < claims.size(); ++c) {
      const std::string cpath = index_path(field_path(path, "claims"), c);
      SEKISHO_RETURN_IF_ERROR(f.fields.check_map(claims[c], cpath, {"id", "when", "cite", "note"}));
      ClaimRule claim;
      SEKISHO_ASSIGN_OR_RETURN(claim.id, f.fields.required(claims[c], "id", cpath));
      SEKISHO_ASSIGN_OR_RETURN(claim.cite, f.fields.required(claims[c], "cite", cpath));
      if (!claims[c]["when"].IsDefined())
        return f.fields.error(claims[c], field_path(cpath, "when"), "required field is missing");
      SEKISHO_ASSIGN_OR_RETURN(claim.when, load_predicate(f, p, claims[c]["when"], field_path(cpath, "when")));
      j.claims.push_back(std::move(claim));
    }
  }
  return Status();
}

Status load_rules(const PolicyFile& f, Policy::Impl& p) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<YAML::Node> nodes, f.fields.sequence(f.root, "rules", ""));
  for (size_t i = 0; i < nodes.size(); ++i) {
    const YAML::Node& n = nodes[i];
    const std::string path = index_path("rules", i);
    SEKISHO_RETURN_IF_ERROR(
        f.fields.check_map(n, path,
                           {"id", "jurisdiction", "then", "authorises", "conditions", "review", "appeal_path",
                            "licence_clears", "from", "to", "when", "unless", "unless_any", "cite", "note", "verify"}));
    Rule r;
    r.where = {f.fields.file(), YamlFields::line_of(n)};
    SEKISHO_ASSIGN_OR_RETURN(r.id, f.fields.required(n, "id", path));
    for (const Rule& other : p.rules) {
      if (other.id == r.id)
        return f.fields.error(n["id"], field_path(path, "id"),
                              fmt::format("duplicate rule id (first at {}:{})", other.where.file, other.where.line));
    }
    SEKISHO_ASSIGN_OR_RETURN(r.jurisdiction, jurisdiction_field(f, p, n, path));
    SEKISHO_ASSIGN_OR_RETURN(r.cite, f.fields.required(n, "cite", path));
    SEKISHO_ASSIGN_OR_RETURN(std::string then, f.fields.required(n, "then", path));
    Result<Outcome> outcome = parse_outcome(then);
    if (!outcome.ok()) return f.fields.error(n["then"], field_path(path, "then"), outcome.status().message());
    r.then = *outcome;
    SEKISHO_ASSIGN_OR_RETURN(r.authorizes_ids, f.fields.strings(n, "authorises", path));
    r.authorization = r.then == Outcome::kAllow;
    if (r.authorization && r.authorizes_ids.empty())
      return f.fields.error(n, field_path(path, "authorises"), "an ALLOW rule must name the rules it authorises");
    if (!r.authorization && !r.authorizes_ids.empty())
      return f.fields.error(n["authorises"], field_path(path, "authorises"), "only a rule with then: ALLOW authorises");
    SEKISHO_ASSIGN_OR_RETURN(r.conditions, f.fields.strings(n, "conditions", path));
    SEKISHO_ASSIGN_OR_RETURN(std::string review, f.fields.optional(n, "review", path));
    if (review == "denial")
      r.review_denial = true;
    else if (!review.empty() && review != "case_by_case")
      return f.fields.error(n["review"], field_path(path, "review"), "expected denial or case_by_case");
    if (r.review_denial && r.then != Outcome::kLicenseRequired)
      return f.fields.error(n["review"], field_path(path, "review"), "review applies to LICENSE_REQUIRED rules only");
    SEKISHO_ASSIGN_OR_RETURN(r.appeal_path, f.fields.optional(n, "appeal_path", path));
    SEKISHO_ASSIGN_OR_RETURN(auto clears, f.fields.boolean(n, "licence_clears", path));
    r.licence_clears = clears.value_or(true);
    SEKISHO_ASSIGN_OR_RETURN(auto verify, f.fields.boolean(n, "verify", path));
    r.verify = verify.value_or(false);
    SEKISHO_ASSIGN_OR_RETURN(auto from, f.fields.date(n, "from", path));
    SEKISHO_ASSIGN_OR_RETURN(auto to, f.fields.date(n, "to", path));
    r.from = from.value_or(kDayMin);
    r.to = to.value_or(kDayMax);
    if (!n["when"].IsDefined()) return f.fields.error(n, field_path(path, "when"), "required field is missing");
    SEKISHO_ASSIGN_OR_RETURN(r.when, load_predicate(f, p, n["when"], field_path(path, "when")));
    if (n["unless"].IsDefined()) {
      SEKISHO_ASSIGN_OR_RETURN(Predicate u, load_predicate(f, p, n["unless"], field_path(path, "unless")));
      r.unless_any.push_back(std::move(u));
    }
    SEKISHO_ASSIGN_OR_RETURN(std::vector<YAML::Node> any, f.fields.sequence(n, "unless_any", path));
    for (size_t u = 0; u < any.size(); ++u) {
      SEKISHO_ASSIGN_OR_RETURN(Predicate pu,
                               load_predicate(f, p, any[u], index_path(field_path(path, "unless_any"), u)));
      r.unless_any.push_back(std::move(pu));
    }
    const int index = static_cast<int>(p.rules.size());
    Jurisdiction& j = p.jurisdictions[static_cast<size_t>(r.jurisdiction)];
    (r.authorization ? j.authorizations : j.rules).push_back(index);
    p.rules.push_back(std::move(r));
  }
  return Status();
}

Status resolve_authorizations(Policy::Impl& p) {
  for (Rule& r : p.rules) {
    for (const std::string& id : r.authorizes_ids) {
      int found = -1;
      for (size_t k = 0; k < p.rules.size(); ++k) {
        if (p.rules[k].id == id) found = static_cast<int>(k);
      }
      const std::string where = fmt::format("{}:{}: rule {}: authorises", r.where.file, r.where.line, r.id);
      if (found < 0) return parse_error(where + ": unknown rule '" + id + "'");
      const Rule& target = p.rules[static_cast<size_t>(found)];
      if (target.jurisdiction != r.jurisdiction || target.then != Outcome::kLicenseRequired) {
        return parse_error(where + ": '" + id + "' is not a LICENSE_REQUIRED rule of the same jurisdiction");
      }
      r.authorizes.push_back(found);
    }
  }
  return Status();
}

}  // namespace sekisho::rules
