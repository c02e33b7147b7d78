// The facts behind a predicate, in words an auditor reads: which country was
// in which group, which value met which limit, which column had the X. Used
// for the settling fact of a licence exception that did or did not apply and
// for a jurisdiction that does not claim a hop ("item origin JP (not in US);
// US content 0% not above 25%"). Only the hop's own parties are described:
// a downstream test that failed everywhere is summed up by its first fact.
#include <fmt/format.h>

#include "rules/evaluation.hpp"

namespace sekisho::rules {

namespace {

std::string tags_text(const Policy::Impl& p, const TagSet& tags) {
  std::string out;
  for (size_t t = 0; t < p.tag_names.size(); ++t) {
    if (tags.test(t)) out += (out.empty() ? "" : ", ") + p.tag_names[t];
  }
  return out;
}

std::string flags_text(const Policy::Impl& p, const FlagSet& flags) {
  std::string out;
  for (size_t f = 0; f < p.flag_names.size(); ++f) {
    if (flags.test(f)) out += (out.empty() ? "" : ", ") + p.flag_names[f];
  }
  return out;
}

std::string party_country(const BoundParty& party) {
  return party.country_unknown ? std::string("unknown") : country_code(party.country);
}

std::string percent(double v) { return fmt::format("{:g}%", v); }

std::string refs_text(const Policy::Impl& p, const std::vector<CountryRef>& refs) { return country_refs_text(p, refs); }

}  // namespace

std::string country_refs_text(const Policy::Impl& p, const std::vector<CountryRef>& refs) {
  std::string out;
  for (const CountryRef& r : refs) {
    out += out.empty() ? "" : ", ";
    out += r.group >= 0 ? p.groups[static_cast<size_t>(r.group)].id : country_code(r.country);
  }
  return out;
}

std::string explain_predicate(const Predicate& pr, const EvalContext& ctx, bool holding, size_t limit) {
  const Policy::Impl& p = ctx.policy;
  const BoundHop& hop = *ctx.hop;
  // Facts are worded only when they are the ones asked for: a decision
  // explains every jurisdiction at every hop, so the wording is on the hot path.
  std::string out;
  size_t count = 0;
  auto add = [&](bool holds, auto&& words) {
    if (holds != holding || count >= limit) return;
    out += (out.empty() ? "" : "; ") + words();
    ++count;
  };
  auto country_fact = [&](const char* role, const BoundParty& party, const std::vector<CountryRef>& refs, bool want) {
    if (refs.empty() || party.country_unknown) return;
    const bool in = in_refs(p, refs, party.country, ctx.day);
    add(in == want, [&] {
      return fmt::format("{} {} {} {}", role, party_country(party), in ? "in" : "not in", refs_text(p, refs));
    });
  };
  if (pr.on_or_after) {
    add(ctx.day >= *pr.on_or_after, [&] {
      return fmt::format("decision date {} {} {}", format_iso_day(ctx.day),
                         ctx.day >= *pr.on_or_after ? "on or after" : "before", format_iso_day(*pr.on_or_after));
    });
  }
  if (pr.before) {
    add(ctx.day < *pr.before, [&] {
      return fmt::format("decision date {} {} {}", format_iso_day(ctx.day),
                         ctx.day < *pr.before ? "before" : "not before", format_iso_day(*pr.before));
    });
  }
  country_fact("exporter in", hop.from, pr.from_in, true);
  country_fact("exporter in", hop.from, pr.from_not_in, false);
  if (!pr.origin_in.empty() && ctx.item.origin >= 0) {
    const bool in = in_refs(p, pr.origin_in, ctx.item.origin, ctx.day);
    add(in, [&] {
      return fmt::format("item origin {} {} {}", country_code(ctx.item.origin), in ? "in" : "not in",
                         refs_text(p, pr.origin_in));
    });
  }
  if (pr.has_tags_any) {
    const TagSet has = pr.tags_any & ctx.item.tags;
    add(has.any(), [&] {
      return has.any() ? fmt::format("item classified {}", tags_text(p, has))
                       : fmt::format("item carries none of {}", tags_text(p, pr.tags_any));
    });
  }
  if (pr.us_content_gt && ctx.request.item.us_content_pct) {
    const double v = *ctx.request.item.us_content_pct;
    add(v > *pr.us_content_gt, [&] {
      return fmt::format("US content {} {} {}", percent(v), v > *pr.us_content_gt ? "above" : "not above (de minimis)",
                         percent(*pr.us_content_gt));
    });
  }
  if (!pr.value_usd_within.empty()) {
    auto limit = ctx.item.value_limits.find(pr.value_usd_within);
    if (limit == ctx.item.value_limits.end()) {
      add(false, [&] {
        return fmt::format("no {} value limit for the item's codes ({} N/A)", pr.value_usd_within, pr.value_usd_within);
      });
    } else if (ctx.request.item.value_usd) {
      const double v = *ctx.request.item.value_usd;
      const bool within = v <= limit->second.first;
      add(within, [&] {
        return fmt::format("shipment value USD {:g} {} the {} limit USD {:g} of {}", v, within ? "within" : "above",
                           pr.value_usd_within, limit->second.first, limit->second.second);
      });
    }
  }
  country_fact("destination", hop.to, pr.to_in, true);
  country_fact("destination", hop.to, pr.to_not_in, false);
  if (pr.chart >= 0 && !hop.to.country_unknown) {
    const CountryChart& chart = p.charts[static_cast<size_t>(pr.chart)];
    const uint32_t reasons = ctx.item.chart_reasons[static_cast<size_t>(pr.chart)];
    const uint32_t hit = chart.cells[static_cast<size_t>(hop.to.country)] & reasons;
    std::string cols;
    for (size_t c = 0; c < chart.columns.size(); ++c) {
      if (hit & (1u << c)) cols += (cols.empty() ? "" : ", ") + chart.columns[c];
    }
    const bool within = !pr.has_chart_hit_within || (hit & ~pr.chart_hit_within) == 0;
    if (hit == 0)
      add(false, [&] {
        return fmt::format("no X for {} in {} for the item's reasons for control", party_country(hop.to), chart.id);
      });
    else
      add(within, [&] { return fmt::format("{} has an X in {} of {}", party_country(hop.to), cols, chart.id); });
  }
  if (pr.has_flags_any) {
    const FlagSet has = pr.flags_any & hop.flags;
    add(has.any(), [&] {
      return has.any() ? fmt::format("hop states {}", flags_text(p, has))
                       : fmt::format("hop states none of {}", flags_text(p, pr.flags_any));
    });
  }
  return out;
}

}  // namespace sekisho::rules
