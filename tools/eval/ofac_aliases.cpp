// e. OFAC alias recall: index SDN primary names only, query every a.k.a. from
//    alt.csv; the entity the alias belongs to must be the first hit.
#include <fmt/format.h>

#include "eval/eval.hpp"
#include "eval/eval_internal.hpp"

namespace sekisho::eval {

Result<std::vector<Metric>> metric_ofac_aliases(const EvalOptions& options, const EvalLists& lists) {
  std::vector<Entity> primaries;
  primaries.reserve(lists.ofac_sdn.size());
  struct AliasQuery {
    size_t entity;
    std::string name;
    bool weak;
  };
  std::vector<AliasQuery> queries;
  for (const Entity& e : lists.ofac_sdn) {
    Entity copy = e;
    copy.names.clear();
    if (const Name* p = e.primary_name()) copy.names.push_back(*p);
    for (const Name& n : e.names) {
      if (n.kind == NameKind::kAlias || n.kind == NameKind::kWeakAlias || n.kind == NameKind::kFormerName) {
        queries.push_back({primaries.size(), n.full, n.kind == NameKind::kWeakAlias});
      }
    }
    primaries.push_back(std::move(copy));
  }
  std::vector<std::string> ids;
  std::vector<Schema> schemas;
  for (const Entity& e : primaries) {
    ids.push_back(e.id);
    schemas.push_back(e.schema);
  }
  auto screener = single_list_screener("us_ofac_sdn", std::move(primaries));
  size_t found[2] = {0, 0}, total[2] = {0, 0};
  std::vector<std::string> missed;
  ScreenOptions so;
  so.threshold = options.threshold;
  so.limit = 1;
  for (const AliasQuery& aq : queries) {
    if (options.limit && total[0] + total[1] >= options.limit) break;
    ScreenQuery q;
    q.name = aq.name;
    q.schema = schemas[aq.entity];
    std::vector<ScreenHit> hits = screener->screen(q, so);
    ++total[aq.weak];
    if (!hits.empty() && hits[0].entity->id == ids[aq.entity]) {
      ++found[aq.weak];
    } else if (!aq.weak && missed.size() < 4) {
      missed.push_back(aq.name);
    }
  }
  std::vector<Metric> out;
  for (int weak : {0, 1}) {
    Metric m;
    m.key = weak ? "e2" : "e";
    m.name =
        weak ? "OFAC weak aliases → SDN primary names: recall@1" : "OFAC strong aliases → SDN primary names: recall@1";
    m.n = total[weak];
    m.value = total[weak] ? double(found[weak]) / double(total[weak]) : 0;
    if (!weak) {
      m.note = "an alias is often another name altogether (a.k.a. of a company or nom de guerre)";
      if (!missed.empty()) m.note += "; missed e.g. " + join_quoted(missed);
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace sekisho::eval
