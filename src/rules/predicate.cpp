// Tri-state evaluation of the predicate language (docs/policy-schema.md).
// A conjunction is false as soon as one condition is false; otherwise it is
// unknown when any condition lacked its data.
#include <algorithm>

#include "rules/evaluation.hpp"

namespace sekisho::rules {

bool in_refs(const Policy::Impl& policy, const std::vector<CountryRef>& refs, int country, int32_t day) {
  for (const CountryRef& r : refs) {
    if (r.group >= 0 ? policy.groups[static_cast<size_t>(r.group)].contains(country, day) : r.country == country) {
      return true;
    }
  }
  return false;
}

namespace {

const ListHit* find_hit(const BoundParty& party, const std::vector<int>& lists) {
  for (const auto& [list, hit] : party.hits) {
    if (std::find(lists.begin(), lists.end(), list) != lists.end()) return hit;
  }
  return nullptr;
}

const PartyList* unscreened_list(const EvalContext& ctx, const std::vector<int>& lists) {
  if (!ctx.unscreened) return nullptr;
  for (int list : lists) {
    if ((*ctx.unscreened)[static_cast<size_t>(list)]) return &ctx.policy.party_lists[static_cast<size_t>(list)];
  }
  return nullptr;
}

const Designation* find_designation(const EvalContext& ctx, const DesignationRef& ref, int country) {
  for (const Designation& d : ctx.policy.designations) {
    if (d.type != ref.type || d.country != country || ctx.day < d.from || ctx.day > d.to) continue;
    if (!ref.holder.empty() && ref.holder != d.holder) continue;
    if (d.scoped && (d.scope & ctx.item.tags).none()) continue;
    return &d;
  }
  return nullptr;
}

}  // namespace

Tri evaluate(const Predicate& pr, EvalContext& ctx) {
  const BoundHop& hop = *ctx.hop;
  const Policy::Impl& p = ctx.policy;
  bool unknown = false;

  if (pr.hop == HopKind::kFirst && hop.number != 1) return Tri::kFalse;
  if (pr.hop == HopKind::kOnward && hop.number == 1) return Tri::kFalse;
  if (pr.on_or_after && ctx.day < *pr.on_or_after) return Tri::kFalse;
  if (pr.before && ctx.day >= *pr.before) return Tri::kFalse;
  if (pr.has_tags_any && (pr.tags_any & ctx.item.tags).none()) return Tri::kFalse;
  if ((pr.tags_none & ctx.item.tags).any()) return Tri::kFalse;
  if (pr.has_flags_any && (pr.flags_any & hop.flags).none()) return Tri::kFalse;
  if ((pr.flags_none & hop.flags).any()) return Tri::kFalse;
  if (pr.has_undertaking && (pr.undertaking_terms & ctx.undertakings) != pr.undertaking_terms) return Tri::kFalse;
  if (!pr.from_in.empty() && !in_refs(p, pr.from_in, hop.from.country, ctx.day)) return Tri::kFalse;
  if (!pr.from_not_in.empty() && in_refs(p, pr.from_not_in, hop.from.country, ctx.day)) return Tri::kFalse;
  if (!pr.to_in.empty() && !in_refs(p, pr.to_in, hop.to.country, ctx.day)) return Tri::kFalse;
  if (!pr.to_not_in.empty() && in_refs(p, pr.to_not_in, hop.to.country, ctx.day)) return Tri::kFalse;
  if (!pr.origin_in.empty() && !in_refs(p, pr.origin_in, ctx.item.origin, ctx.day)) return Tri::kFalse;

  if (pr.licensor != LicensorIs::kNone) {
    const int side = pr.licensor == LicensorIs::kTo ? hop.to.country : hop.from.country;
    if (ctx.item.licensor < 0 || ctx.item.licensor != side) return Tri::kFalse;
  }
  if (!pr.to_kind.empty()) {
    const std::string& kind = hop.hop->to.kind;
    if (kind.empty()) unknown = true;
    else if (std::find(pr.to_kind.begin(), pr.to_kind.end(), kind) == pr.to_kind.end()) return Tri::kFalse;
  }
  if (pr.lethal) {
    if (!ctx.request.item.lethal) unknown = true;
    else if (*ctx.request.item.lethal != *pr.lethal) return Tri::kFalse;
  }
  if (pr.us_content_gt) {
    if (!ctx.request.item.us_content_pct) unknown = true;
    else if (!(*ctx.request.item.us_content_pct > *pr.us_content_gt)) return Tri::kFalse;
  }
  if (pr.value_jpy_le) {
    if (!ctx.request.item.value_jpy) unknown = true;
    else if (!(*ctx.request.item.value_jpy <= *pr.value_jpy_le)) return Tri::kFalse;
  }
  if (pr.chart >= 0) {
    const CountryChart& chart = p.charts[static_cast<size_t>(pr.chart)];
    const uint32_t reasons = ctx.item.chart_reasons[static_cast<size_t>(pr.chart)];
    const auto row = static_cast<size_t>(hop.to.country);
    if (reasons == 0) return Tri::kFalse;
    if (!chart.has_row.test(row)) unknown = true;  // a country missing from the chart is not "no X"
    else if ((chart.cells[row] & reasons) == 0) return Tri::kFalse;
  }
  // Conditions that record a fact for the trace come last, so the fact is the
  // one behind a predicate that held.
  for (const auto& [lists, party] : {std::pair{&pr.to_listed, &hop.to}, std::pair{&pr.from_listed, &hop.from}}) {
    if (lists->empty()) continue;
    if (const ListHit* hit = find_hit(*party, *lists)) {
      ctx.hit = hit;
      continue;
    }
    const PartyList* unscreened = unscreened_list(ctx, *lists);
    if (!unscreened) return Tri::kFalse;
    ctx.unscreened_list = unscreened;  // no hit, but no screening either: cannot rule the party out
    unknown = true;
  }
  if (!pr.to_designated.empty()) {
    const Designation* found = nullptr;
    for (const DesignationRef& ref : pr.to_designated) {
      found = find_designation(ctx, ref, hop.to.country);
      if (found) break;
    }
    if (!found) return Tri::kFalse;
    ctx.designation = found;
  }
  return unknown ? Tri::kUnknown : Tri::kTrue;
}

}  // namespace sekisho::rules
