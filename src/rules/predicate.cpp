// Tri-state evaluation of the predicate language (docs/policy-schema.md).
// A conjunction is false as soon as one condition is false; otherwise it is
// unknown when any condition lacked its data, and the first field that was
// unknown is recorded so the DATA_GAP can name it.
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

// Collects the result of one conjunction: false wins, then unknown.
// The field is committed to the context only when the conjunction ends
// unknown, so a conjunction that later turns false leaves no stale field.
class Conjunction {
 public:
  explicit Conjunction(EvalContext& ctx) : ctx_(ctx) {}
  void unknown(std::string field) {
    if (!unknown_) first_ = std::move(field);
    unknown_ = true;
  }
  Tri result() {
    if (!unknown_) return Tri::kTrue;
    if (ctx_.missing.empty()) ctx_.missing = std::move(first_);
    return Tri::kUnknown;
  }

 private:
  EvalContext& ctx_;
  bool unknown_ = false;
  std::string first_;
};

// The undertaking terms given to the rule's jurisdiction for this hop by a
// party outside `excluded` (a giver whose country is unknown does not count).
FlagSet undertakings_from_outside(const EvalContext& ctx, const std::vector<CountryRef>& excluded) {
  FlagSet out;
  const TransferRequest& r = ctx.request;
  for (size_t u = 0; u < r.undertakings.size(); ++u) {
    if (r.undertakings[u].hop != ctx.hop->number || (*ctx.undertaking_holder)[u] != ctx.jurisdiction) continue;
    const int giver = (*ctx.undertaking_giver)[u];
    if (giver < 0 || in_refs(ctx.policy, excluded, giver, ctx.day)) continue;
    for (const std::string& term : r.undertakings[u].terms) {
      auto it = ctx.policy.flag_index.find(term);
      if (it != ctx.policy.flag_index.end()) out.set(static_cast<size_t>(it->second));
    }
  }
  return out;
}

bool designated_under(const ListHit& hit, const std::vector<std::string>& programs) {
  for (const std::string& p : hit.programs) {
    if (std::find(programs.begin(), programs.end(), normalize_program(p)) != programs.end()) return true;
  }
  return false;
}

// A hit on one of `lists` that counts. With `programs`, only a hit designated
// under one of them counts; a hit whose programmes the list does not state
// is returned in `unsure`: it can neither fire the rule nor rule it out.
const ListHit* find_hit(const BoundParty& party, const std::vector<int>& lists,
                        const std::vector<std::string>& programs, const ListHit*& unsure) {
  unsure = nullptr;
  for (const auto& [list, hit] : party.hits) {
    if (std::find(lists.begin(), lists.end(), list) == lists.end()) continue;
    if (programs.empty() || designated_under(*hit, programs)) return hit;
    if (hit->programs.empty() && !unsure) unsure = hit;
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

// The to_listed / from_listed test on one party: true (ctx.hit set), unknown
// (`all` names the field) or false.
bool listed(const Predicate& pr, const std::vector<int>& lists, EvalContext& ctx, const BoundParty& party,
            Conjunction& all) {
  const ListHit* unsure = nullptr;
  if (const ListHit* hit = find_hit(party, lists, pr.listed_programs, unsure)) {
    ctx.hit = hit;
  } else if (unsure) {
    ctx.hit = unsure;
    all.unknown(party.field + ".list_hits.programs");  // listed, under programmes nobody stated
  } else if (party.name_unknown) {
    all.unknown(party.field + ".name");  // an unnamed party cannot be screened, so cannot be ruled out
  } else if (const PartyList* unscreened = unscreened_list(ctx, lists)) {
    ctx.unscreened_list = unscreened;  // no hit, but no screening either: cannot rule the party out
    all.unknown("screening:" + unscreened->id);
  } else {
    return false;
  }
  return true;
}

std::string unknown_scheme_field(const BoundItem& item, const TagSet& tags) {
  for (const auto& [defined, field] : item.unknown_schemes) {
    if ((defined & tags).any()) return field;
  }
  return "item.classifications";
}

// A designation in force for `country` whose scope covers the item: true,
// unknown (the item's status for the scope is unknown) or false.
Tri find_designation(const EvalContext& ctx, const DesignationRef& ref, int country, const Designation*& found) {
  Tri out = Tri::kFalse;
  for (const Designation& d : ctx.policy.designations) {
    if (d.type != ref.type || d.country != country || ctx.day < d.from || ctx.day > d.to) continue;
    if (!ref.holder.empty() && ref.holder != d.holder) continue;
    if (d.scoped && (d.scope & ctx.item.tags).none()) {
      if ((d.scope & ctx.item.unknown_tags).any() && out == Tri::kFalse) {
        out = Tri::kUnknown;
        found = &d;
      }
      continue;
    }
    found = &d;
    return Tri::kTrue;
  }
  return out;
}

// Tests on a country that may be unknown: in any of `refs`?
Tri country_in(const EvalContext& ctx, const BoundParty& party, const std::vector<CountryRef>& refs) {
  if (party.country_unknown) return Tri::kUnknown;
  return in_refs(ctx.policy, refs, party.country, ctx.day) ? Tri::kTrue : Tri::kFalse;
}

// The tests on one recipient: to_in, to_not_in, to_kind, licensor: to,
// chart_hit, to_listed, to_designated, and the end-use facts (flags) stated
// on the hop that delivers to it (`at`).
Tri evaluate_recipient(const Predicate& pr, EvalContext& ctx, const BoundParty& to, const BoundHop& at) {
  const Policy::Impl& p = ctx.policy;
  Conjunction all(ctx);
  auto flags_field = [&] { return at.from.field.substr(0, at.from.field.rfind('.')) + ".unknown_flags"; };
  if (pr.has_flags_any && (pr.flags_any & at.flags).none()) {
    if ((pr.flags_any & at.unknown_flags).none()) return Tri::kFalse;
    all.unknown(flags_field());
  }
  if ((pr.flags_none & at.flags).any()) return Tri::kFalse;
  if ((pr.flags_none & at.unknown_flags).any()) all.unknown(flags_field());
  auto country_field = [&] { return to.field + ".country"; };
  auto test_in = [&](const std::vector<CountryRef>& refs, bool want) {
    if (refs.empty()) return true;
    Tri t = country_in(ctx, to, refs);
    if (t == Tri::kUnknown) {
      all.unknown(country_field());
      return true;
    }
    return (t == Tri::kTrue) == want;
  };
  if (!test_in(pr.to_in, true) || !test_in(pr.to_not_in, false)) return Tri::kFalse;
  if (pr.licensor == LicensorIs::kTo) {
    if (ctx.item.licensor < 0) return Tri::kFalse;
    if (to.country_unknown)
      all.unknown(country_field());
    else if (ctx.item.licensor != to.country)
      return Tri::kFalse;
  }
  if (!pr.to_kind.empty()) {
    const std::string& kind = to.party->kind;
    if (kind.empty())
      all.unknown(to.field + ".kind");
    else if (std::find(pr.to_kind.begin(), pr.to_kind.end(), kind) == pr.to_kind.end())
      return Tri::kFalse;
  }
  if (pr.chart >= 0) {
    const CountryChart& chart = p.charts[static_cast<size_t>(pr.chart)];
    const uint32_t reasons = ctx.item.chart_reasons[static_cast<size_t>(pr.chart)];
    if (reasons == 0) return Tri::kFalse;
    if (to.country_unknown)
      all.unknown(country_field());
    else if (!chart.has_row.test(static_cast<size_t>(to.country)))
      all.unknown(country_field());  // no row is not "no X"
    else if ((chart.cells[static_cast<size_t>(to.country)] & reasons) == 0)
      return Tri::kFalse;
    else if (pr.has_chart_hit_within &&
             (chart.cells[static_cast<size_t>(to.country)] & reasons & ~pr.chart_hit_within) != 0) {
      return Tri::kFalse;
    }
  }
  // Conditions that record a fact for the trace come last, so the fact is the
  // one behind a predicate that held.
  if (!pr.to_listed.empty() && !listed(pr, pr.to_listed, ctx, to, all)) return Tri::kFalse;
  if (!pr.to_designated.empty()) {
    if (to.country_unknown) {
      all.unknown(country_field());
    } else {
      const Designation* found = nullptr;
      Tri best = Tri::kFalse;
      for (const DesignationRef& ref : pr.to_designated) {
        const Designation* d = nullptr;
        Tri t = find_designation(ctx, ref, to.country, d);
        if (t == Tri::kTrue) {
          best = t;
          found = d;
          break;
        }
        if (t == Tri::kUnknown && best == Tri::kFalse) {
          best = t;
          found = d;
        }
      }
      if (best == Tri::kFalse) return Tri::kFalse;
      ctx.designation = found;
      if (best == Tri::kUnknown) all.unknown(unknown_scheme_field(ctx.item, found->scope));
    }
  }
  return all.result();
}

bool has_recipient_tests(const Predicate& pr) {
  return !pr.to_in.empty() || !pr.to_not_in.empty() || pr.licensor == LicensorIs::kTo || !pr.to_kind.empty() ||
         pr.chart >= 0 || !pr.to_listed.empty() || !pr.to_designated.empty() || pr.has_flags_any || pr.flags_none.any();
}

// This hop's recipient, or (downstream) the first recipient from here to the
// end user that meets the tests; unknown when none does and one might.
Tri evaluate_recipients(const Predicate& pr, EvalContext& ctx) {
  if (!has_recipient_tests(pr)) return Tri::kTrue;
  if (!pr.downstream || !ctx.hops) return evaluate_recipient(pr, ctx, ctx.hop->to, *ctx.hop);
  Tri out = Tri::kFalse;
  std::string missing;
  const ListHit* hit = nullptr;
  const Designation* designation = nullptr;
  const PartyList* unscreened = nullptr;
  auto consider = [&](const BoundParty& to, const BoundHop& at, int hop_number) {
    EvalContext one = ctx;
    one.missing.clear();
    one.hit = nullptr;
    one.designation = nullptr;
    one.unscreened_list = nullptr;
    Tri t = evaluate_recipient(pr, one, to, at);
    if (t == Tri::kTrue) {
      ctx.hit = one.hit;
      ctx.designation = one.designation;
      ctx.via_hop = hop_number == ctx.hop->number ? 0 : hop_number;
      return true;
    }
    if (t == Tri::kUnknown && out == Tri::kFalse) {
      out = Tri::kUnknown;
      missing = one.missing;
      hit = one.hit;
      designation = one.designation;
      unscreened = one.unscreened_list;
    }
    return false;
  };
  for (size_t h = static_cast<size_t>(ctx.hop->number - 1); h < ctx.hops->size(); ++h) {
    if (consider((*ctx.hops)[h].to, (*ctx.hops)[h], static_cast<int>(h + 1))) return Tri::kTrue;
  }
  if (ctx.end_user && consider(*ctx.end_user, ctx.hops->back(), static_cast<int>(ctx.hops->size() + 1)))
    return Tri::kTrue;
  if (out == Tri::kUnknown) {
    if (ctx.missing.empty()) ctx.missing = missing;
    ctx.hit = hit;
    ctx.designation = designation;
    ctx.unscreened_list = unscreened;
  }
  return out;
}

}  // namespace

Tri evaluate(const Predicate& pr, EvalContext& ctx) {
  const BoundHop& hop = *ctx.hop;
  const Policy::Impl& p = ctx.policy;
  Conjunction all(ctx);

  if (pr.hop == HopKind::kFirst && hop.number != 1) return Tri::kFalse;
  if (pr.hop == HopKind::kOnward && hop.number == 1) return Tri::kFalse;
  if (pr.on_or_after && ctx.day < *pr.on_or_after) return Tri::kFalse;
  if (pr.before && ctx.day >= *pr.before) return Tri::kFalse;
  if (pr.has_tags_any && (pr.tags_any & ctx.item.tags).none()) {
    if ((pr.tags_any & ctx.item.unknown_tags).none()) return Tri::kFalse;
    all.unknown(unknown_scheme_field(ctx.item, pr.tags_any & ctx.item.unknown_tags));
  }
  if ((pr.tags_none & ctx.item.tags).any()) return Tri::kFalse;
  if ((pr.tags_none & ctx.item.unknown_tags).any())
    all.unknown(unknown_scheme_field(ctx.item, pr.tags_none & ctx.item.unknown_tags));
  if (pr.has_undertaking) {
    const FlagSet given = pr.undertaking_by_not_in.empty() || !ctx.undertaking_holder
                              ? ctx.undertakings
                              : undertakings_from_outside(ctx, pr.undertaking_by_not_in);
    if ((pr.undertaking_terms & given) != pr.undertaking_terms) return Tri::kFalse;
  }
  for (const auto& [refs, want] : {std::pair{&pr.from_in, true}, std::pair{&pr.from_not_in, false}}) {
    if (refs->empty()) continue;
    Tri t = country_in(ctx, hop.from, *refs);
    if (t == Tri::kUnknown)
      all.unknown(hop.from.field + ".country");
    else if ((t == Tri::kTrue) != want)
      return Tri::kFalse;
  }
  if (!pr.origin_in.empty()) {
    if (ctx.item.origin < 0)
      all.unknown("item.origin");
    else if (!in_refs(p, pr.origin_in, ctx.item.origin, ctx.day))
      return Tri::kFalse;
  }
  if (pr.licensor == LicensorIs::kFrom) {
    if (ctx.item.licensor < 0) return Tri::kFalse;
    if (hop.from.country_unknown)
      all.unknown(hop.from.field + ".country");
    else if (ctx.item.licensor != hop.from.country)
      return Tri::kFalse;
  }
  if (pr.lethal) {
    if (!ctx.request.item.lethal)
      all.unknown("item.lethal");
    else if (*ctx.request.item.lethal != *pr.lethal)
      return Tri::kFalse;
  }
  if (pr.us_content_gt) {
    if (!ctx.request.item.us_content_pct)
      all.unknown("item.us_content_pct");
    else if (!(*ctx.request.item.us_content_pct > *pr.us_content_gt))
      return Tri::kFalse;
  }
  if (!pr.value_usd_within.empty()) {
    auto limit = ctx.item.value_limits.find(pr.value_usd_within);
    if (limit == ctx.item.value_limits.end()) return Tri::kFalse;  // no code gives the exception a value: N/A
    if (!ctx.request.item.value_usd)
      all.unknown("item.value_usd");
    else if (!(*ctx.request.item.value_usd <= limit->second.first))
      return Tri::kFalse;
  }
  if (pr.value_jpy_le) {
    if (!ctx.request.item.value_jpy)
      all.unknown("item.value_jpy");
    else if (!(*ctx.request.item.value_jpy <= *pr.value_jpy_le))
      return Tri::kFalse;
  }
  if (!pr.from_listed.empty() && !listed(pr, pr.from_listed, ctx, hop.from, all)) return Tri::kFalse;
  Tri recipients = evaluate_recipients(pr, ctx);
  if (recipients == Tri::kFalse) return Tri::kFalse;
  if (recipients == Tri::kUnknown) all.unknown(ctx.missing);
  return all.result();
}

}  // namespace sekisho::rules
