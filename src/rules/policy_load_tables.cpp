// Load passes for the tables rules refer to: vocabulary, dated country groups,
// country charts, party lists, control lists and designations.
#include <fmt/format.h>

#include "core/strings.hpp"
#include "rules/policy_loader.hpp"

namespace sekisho::rules {

namespace {

template <typename T>
bool has_id(const std::vector<T>& items, const std::string& id) {
  for (const T& t : items) {
    if (t.id == id) return true;
  }
  return false;
}

Result<int> country_field(const PolicyFile& f, const YAML::Node& map, std::string_view key, const std::string& path) {
  SEKISHO_ASSIGN_OR_RETURN(std::string cc, f.fields.required(map, key, path));
  int index = country_index(cc);
  if (index < 0)
    return f.fields.error(map[std::string(key)], field_path(path, key), "'" + cc + "' is not an ISO alpha-2 code");
  return index;
}

int intern_tag(Policy::Impl& p, const std::string& tag) {
  auto it = p.tag_index.find(tag);
  if (it != p.tag_index.end()) return it->second;
  int index = static_cast<int>(p.tag_names.size());
  p.tag_names.push_back(tag);
  p.tag_index.emplace(tag, index);
  return index;
}

}  // namespace

Result<CountryRef> resolve_country_ref(const PolicyFile& f, const Policy::Impl& p, const YAML::Node& at,
                                       const std::string& path, const std::string& token) {
  for (size_t g = 0; g < p.groups.size(); ++g) {
    if (p.groups[g].id == token) return CountryRef{static_cast<int>(g), -1};
  }
  int cc = country_index(token);
  if (cc < 0) return f.fields.error(at, path, "'" + token + "' is neither a country code nor a country group");
  return CountryRef{-1, cc};
}

Result<std::vector<CountryRef>> country_refs(const PolicyFile& f, const Policy::Impl& p, const YAML::Node& map,
                                             std::string_view key, const std::string& path) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<std::string> tokens, f.fields.strings(map, key, path));
  std::vector<CountryRef> out;
  for (const std::string& t : tokens) {
    SEKISHO_ASSIGN_OR_RETURN(CountryRef ref,
                             resolve_country_ref(f, p, map[std::string(key)], field_path(path, key), t));
    out.push_back(ref);
  }
  return out;
}

namespace {

// Names resolved through `index` into a bitset; an unknown name is an error saying where names come from.
template <typename Set>
Result<Set> name_set(const PolicyFile& f, const std::unordered_map<std::string, int>& index, const YAML::Node& map,
                     std::string_view key, const std::string& path, std::string_view unknown_why) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<std::string> names, f.fields.strings(map, key, path));
  Set set;
  for (const std::string& n : names) {
    auto it = index.find(n);
    if (it == index.end())
      return f.fields.error(map[std::string(key)], field_path(path, key),
                            "unknown '" + n + "' (" + std::string(unknown_why) + ")");
    set.set(static_cast<size_t>(it->second));
  }
  return set;
}

}  // namespace

Result<TagSet> tag_set(const PolicyFile& f, const Policy::Impl& p, const YAML::Node& map, std::string_view key,
                       const std::string& path) {
  return name_set<TagSet>(f, p.tag_index, map, key, path, "item tag: no control-list entry declares it");
}

Result<FlagSet> flag_set(const PolicyFile& f, const Policy::Impl& p, const YAML::Node& map, std::string_view key,
                         const std::string& path) {
  return name_set<FlagSet>(f, p.flag_index, map, key, path, "flag or term: declare it under vocabulary");
}

Status load_vocabulary(const PolicyFile& f, Policy::Impl& p) {
  const YAML::Node voc = f.root["vocabulary"];
  if (!voc.IsDefined()) return Status();
  SEKISHO_RETURN_IF_ERROR(f.fields.check_map(voc, "vocabulary", {"flags", "undertaking_terms"}));
  for (std::string_view key : {"flags", "undertaking_terms"}) {
    const YAML::Node list = voc[std::string(key)];
    if (!list.IsDefined()) continue;
    const std::string path = field_path("vocabulary", key);
    if (!list.IsMap()) return f.fields.error(list, path, "expected a mapping NAME: description");
    for (const auto& kv : list) {
      const std::string name = kv.first.Scalar();
      if (p.flag_index.count(name)) continue;  // several files may share a term
      if (p.flag_names.size() >= kMaxFlags) return f.fields.error(kv.first, path, "too many flags and terms");
      p.flag_index.emplace(name, static_cast<int>(p.flag_names.size()));
      p.flag_names.push_back(name);
    }
  }
  return Status();
}

Status load_groups(const PolicyFile& f, Policy::Impl& p) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<YAML::Node> nodes, f.fields.sequence(f.root, "country_groups", ""));
  for (size_t i = 0; i < nodes.size(); ++i) {
    const YAML::Node& n = nodes[i];
    const std::string path = index_path("country_groups", i);
    SEKISHO_RETURN_IF_ERROR(f.fields.check_map(n, path, {"id", "cite", "members", "note", "verify"}));
    CountryGroup g;
    SEKISHO_ASSIGN_OR_RETURN(auto group_verify, f.fields.boolean(n, "verify", path));
    g.verify = group_verify.value_or(false);
    SEKISHO_ASSIGN_OR_RETURN(g.id, f.fields.required(n, "id", path));
    SEKISHO_ASSIGN_OR_RETURN(g.cite, f.fields.required(n, "cite", path));
    if (has_id(p.groups, g.id))
      return f.fields.error(n["id"], field_path(path, "id"), "duplicate group '" + g.id + "'");
    SEKISHO_ASSIGN_OR_RETURN(std::vector<YAML::Node> members, f.fields.sequence(n, "members", path));
    for (size_t m = 0; m < members.size(); ++m) {
      const std::string mpath = index_path(field_path(path, "members"), m);
      DatedMember dm;
      if (members[m].IsScalar()) {
        dm.country = country_index(members[m].Scalar());
        if (dm.country < 0)
          return f.fields.error(members[m], mpath, "'" + members[m].Scalar() + "' is not an ISO alpha-2 code");
      } else {
        SEKISHO_RETURN_IF_ERROR(f.fields.check_map(members[m], mpath, {"cc", "from", "to", "note"}));
        SEKISHO_ASSIGN_OR_RETURN(dm.country, country_field(f, members[m], "cc", mpath));
        SEKISHO_ASSIGN_OR_RETURN(auto from, f.fields.date(members[m], "from", mpath));
        SEKISHO_ASSIGN_OR_RETURN(auto to, f.fields.date(members[m], "to", mpath));
        dm.from = from.value_or(kDayMin);
        dm.to = to.value_or(kDayMax);
        if (dm.from > dm.to) return f.fields.error(members[m], mpath, "'from' is after 'to'");
      }
      g.ever.set(static_cast<size_t>(dm.country));
      g.members.push_back(dm);
    }
    p.groups.push_back(std::move(g));
  }
  return Status();
}

Status load_charts(const PolicyFile& f, Policy::Impl& p) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<YAML::Node> nodes, f.fields.sequence(f.root, "country_charts", ""));
  for (size_t i = 0; i < nodes.size(); ++i) {
    const YAML::Node& n = nodes[i];
    const std::string path = index_path("country_charts", i);
    SEKISHO_RETURN_IF_ERROR(f.fields.check_map(n, path, {"id", "cite", "columns", "rows", "note", "verify"}));
    CountryChart c;
    SEKISHO_ASSIGN_OR_RETURN(c.id, f.fields.required(n, "id", path));
    SEKISHO_ASSIGN_OR_RETURN(c.cite, f.fields.required(n, "cite", path));
    SEKISHO_ASSIGN_OR_RETURN(c.columns, f.fields.strings(n, "columns", path));
    if (c.columns.empty() || c.columns.size() > 32)
      return f.fields.error(n, field_path(path, "columns"), "expected 1 to 32 columns");
    const YAML::Node rows = n["rows"];
    if (!rows.IsMap())
      return f.fields.error(n, field_path(path, "rows"), "expected a mapping COUNTRY: [columns with an X]");
    for (const auto& kv : rows) {
      const std::string cc = kv.first.Scalar();
      const std::string rpath = field_path(field_path(path, "rows"), cc);
      int index = country_index(cc);
      if (index < 0) return f.fields.error(kv.first, rpath, "'" + cc + "' is not an ISO alpha-2 code");
      if (c.has_row.test(static_cast<size_t>(index))) return f.fields.error(kv.first, rpath, "duplicate row");
      if (!kv.second.IsSequence()) return f.fields.error(kv.second, rpath, "expected a list of columns");
      uint32_t bits = 0;
      for (const auto& col : kv.second) {
        size_t c_index = 0;
        while (c_index < c.columns.size() && c.columns[c_index] != col.Scalar()) ++c_index;
        // A misaligned cell is the classic chart-ingest trap (export-control.md §0.2): reject, never shift.
        if (c_index == c.columns.size())
          return f.fields.error(col, rpath, "'" + col.Scalar() + "' is not a column of this chart");
        bits |= 1u << c_index;
      }
      c.cells[static_cast<size_t>(index)] = bits;
      c.has_row.set(static_cast<size_t>(index));
    }
    p.charts.push_back(std::move(c));
  }
  return Status();
}

Status load_party_lists(const PolicyFile& f, Policy::Impl& p) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<YAML::Node> nodes, f.fields.sequence(f.root, "party_lists", ""));
  for (size_t i = 0; i < nodes.size(); ++i) {
    const YAML::Node& n = nodes[i];
    const std::string path = index_path("party_lists", i);
    SEKISHO_RETURN_IF_ERROR(
        f.fields.check_map(n, path, {"id", "holder", "effect", "cite", "threshold", "store_lists", "note"}));
    PartyList l;
    SEKISHO_ASSIGN_OR_RETURN(l.id, f.fields.required(n, "id", path));
    SEKISHO_ASSIGN_OR_RETURN(l.holder, f.fields.required(n, "holder", path));
    SEKISHO_ASSIGN_OR_RETURN(l.effect, f.fields.required(n, "effect", path));
    SEKISHO_ASSIGN_OR_RETURN(l.cite, f.fields.required(n, "cite", path));
    SEKISHO_ASSIGN_OR_RETURN(auto threshold, f.fields.number(n, "threshold", path));
    if (threshold && (*threshold <= 0 || *threshold > 1)) {
      return f.fields.error(n["threshold"], field_path(path, "threshold"), "must be in (0, 1]");
    }
    l.threshold = threshold;
    SEKISHO_ASSIGN_OR_RETURN(l.aliases, f.fields.strings(n, "store_lists", path));
    l.unscreened_note = "party list " + l.id + " was not screened: the store holds none of its lists (" +
                        (l.aliases.empty() ? std::string("no store_lists declared") : join(l.aliases, ", ")) +
                        "); a stated list_hit or screening against them is needed to rule it out";
    if (has_id(p.party_lists, l.id))
      return f.fields.error(n["id"], field_path(path, "id"), "duplicate party list '" + l.id + "'");
    int index = static_cast<int>(p.party_lists.size());
    p.party_list_by_name[l.id] = index;
    for (const std::string& a : l.aliases) p.party_list_by_name[a] = index;
    p.party_lists.push_back(std::move(l));
  }
  return Status();
}

Status load_control_lists(const PolicyFile& f, Policy::Impl& p) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<YAML::Node> nodes, f.fields.sequence(f.root, "control_lists", ""));
  for (size_t i = 0; i < nodes.size(); ++i) {
    const YAML::Node& n = nodes[i];
    const std::string path = index_path("control_lists", i);
    SEKISHO_RETURN_IF_ERROR(f.fields.check_map(
        n, path, {"id", "scheme", "cite", "version", "chart", "entries", "note", "verify", "when_absent"}));
    ControlList l;
    SEKISHO_ASSIGN_OR_RETURN(std::string when_absent, f.fields.optional(n, "when_absent", path));
    if (when_absent == "unknown")
      l.absent_is_unknown = true;
    else if (!when_absent.empty() && when_absent != "not_listed") {
      return f.fields.error(n["when_absent"], field_path(path, "when_absent"), "expected unknown or not_listed");
    }
    SEKISHO_ASSIGN_OR_RETURN(l.id, f.fields.required(n, "id", path));
    SEKISHO_ASSIGN_OR_RETURN(l.scheme, f.fields.required(n, "scheme", path));
    SEKISHO_ASSIGN_OR_RETURN(l.cite, f.fields.required(n, "cite", path));
    SEKISHO_ASSIGN_OR_RETURN(l.version, f.fields.optional(n, "version", path));
    if (p.list_by_scheme.count(l.scheme))
      return f.fields.error(n["scheme"], field_path(path, "scheme"),
                            "scheme '" + l.scheme + "' already has a control list");
    SEKISHO_ASSIGN_OR_RETURN(std::string chart, f.fields.optional(n, "chart", path));
    if (!chart.empty()) {
      for (size_t c = 0; c < p.charts.size(); ++c) {
        if (p.charts[c].id == chart) l.chart = static_cast<int>(c);
      }
      if (l.chart < 0)
        return f.fields.error(n["chart"], field_path(path, "chart"), "unknown country chart '" + chart + "'");
    }
    SEKISHO_ASSIGN_OR_RETURN(std::vector<YAML::Node> entries, f.fields.sequence(n, "entries", path));
    for (size_t e = 0; e < entries.size(); ++e) {
      const std::string epath = index_path(field_path(path, "entries"), e);
      SEKISHO_RETURN_IF_ERROR(f.fields.check_map(
          entries[e], epath, {"code", "title", "tags", "reasons", "note", "verify", "value_limits"}));
      ControlEntry entry;
      SEKISHO_ASSIGN_OR_RETURN(entry.code, f.fields.required(entries[e], "code", epath));
      SEKISHO_ASSIGN_OR_RETURN(entry.title, f.fields.optional(entries[e], "title", epath));
      SEKISHO_ASSIGN_OR_RETURN(std::vector<std::string> tags, f.fields.strings(entries[e], "tags", epath));
      for (const std::string& t : tags) {
        if (p.tag_names.size() >= kMaxTags && !p.tag_index.count(t))
          return f.fields.error(entries[e], epath, "too many item tags");
        entry.tags.set(static_cast<size_t>(intern_tag(p, t)));
      }
      l.defines |= entry.tags;
      SEKISHO_ASSIGN_OR_RETURN(std::vector<std::string> reasons, f.fields.strings(entries[e], "reasons", epath));
      if (!reasons.empty() && l.chart < 0)
        return f.fields.error(entries[e], field_path(epath, "reasons"), "reasons need a 'chart' on the list");
      for (const std::string& r : reasons) {
        const auto& cols = p.charts[static_cast<size_t>(std::max(l.chart, 0))].columns;
        size_t c = 0;
        while (c < cols.size() && cols[c] != r) ++c;
        if (c == cols.size())
          return f.fields.error(entries[e]["reasons"], field_path(epath, "reasons"),
                                "'" + r + "' is not a column of the chart");
        entry.chart_reasons |= 1u << c;
      }
      if (const YAML::Node limits = entries[e]["value_limits"]; limits.IsDefined()) {
        const std::string lpath = field_path(epath, "value_limits");
        if (!limits.IsMap()) return f.fields.error(limits, lpath, "expected a map of exception id to value (USD)");
        for (const auto& kv : limits) {
          const std::string key = kv.first.Scalar();
          SEKISHO_ASSIGN_OR_RETURN(auto limit, f.fields.number(limits, key, lpath));
          if (!limit || *limit < 0)
            return f.fields.error(kv.second, field_path(lpath, key), "expected a value of 0 or more");
          entry.value_limits[key] = *limit;
        }
      }
      if (l.entries.count(entry.code))
        return f.fields.error(entries[e], field_path(epath, "code"), "duplicate code '" + entry.code + "'");
      l.entries.emplace(entry.code, std::move(entry));
    }
    p.list_by_scheme[l.scheme] = static_cast<int>(p.control_lists.size());
    p.control_lists.push_back(std::move(l));
  }
  return Status();
}

Status load_designations(const PolicyFile& f, Policy::Impl& p) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<YAML::Node> nodes, f.fields.sequence(f.root, "designations", ""));
  for (size_t i = 0; i < nodes.size(); ++i) {
    const YAML::Node& n = nodes[i];
    const std::string path = index_path("designations", i);
    SEKISHO_RETURN_IF_ERROR(f.fields.check_map(
        n, path, {"id", "type", "holder", "country", "from", "to", "item_tags_any", "cite", "note", "verify"}));
    Designation d;
    SEKISHO_ASSIGN_OR_RETURN(d.id, f.fields.required(n, "id", path));
    SEKISHO_ASSIGN_OR_RETURN(std::string type, f.fields.required(n, "type", path));
    bool known = false;
    for (size_t t = 0; t < std::size(kDesignationTypeNames); ++t) {
      if (kDesignationTypeNames[t] == type) {
        d.type = static_cast<DesignationType>(t);
        known = true;
      }
    }
    if (!known)
      return f.fields.error(n["type"], field_path(path, "type"),
                            "'" + type +
                                "' is not a designation type (EMBARGO, UNSC_PARTY_TO_CONFLICT, "
                                "ACTIVE_COMBAT_JUDGEMENT, AGGRESSION_VICTIM)");
    SEKISHO_ASSIGN_OR_RETURN(d.holder, f.fields.required(n, "holder", path));
    SEKISHO_ASSIGN_OR_RETURN(d.country, country_field(f, n, "country", path));
    SEKISHO_ASSIGN_OR_RETURN(auto from, f.fields.date(n, "from", path));
    SEKISHO_ASSIGN_OR_RETURN(auto to, f.fields.date(n, "to", path));
    if (!from) return f.fields.error(n, field_path(path, "from"), "a designation needs its start date");
    d.from = *from;
    d.to = to.value_or(kDayMax);
    if (d.from > d.to) return f.fields.error(n, path, "'from' is after 'to'");
    SEKISHO_ASSIGN_OR_RETURN(d.cite, f.fields.required(n, "cite", path));
    SEKISHO_ASSIGN_OR_RETURN(auto designation_verify, f.fields.boolean(n, "verify", path));
    d.verify = designation_verify.value_or(false);
    d.scoped = n["item_tags_any"].IsDefined();
    SEKISHO_ASSIGN_OR_RETURN(d.scope, tag_set(f, p, n, "item_tags_any", path));
    if (has_id(p.designations, d.id))
      return f.fields.error(n["id"], field_path(path, "id"), "duplicate designation '" + d.id + "'");
    p.designations.push_back(std::move(d));
  }
  return Status();
}

}  // namespace sekisho::rules
