// Binds a TransferRequest to a compiled policy before evaluation, so the
// per-hop loop reads bitsets and indexes only. Everything the policy cannot
// interpret (an unknown scheme, flag or holder) is an invalid request, named
// by its field path, rather than silently ignored.
#include <fmt/format.h>

#include <tuple>

#include "rules/evaluation.hpp"
#include "sekisho/screen.hpp"

namespace sekisho::rules {

namespace {

Result<int> country_of(std::string_view cc, const std::string& field) {
  if (is_unknown(cc)) return -1;
  int index = country_index(cc);
  if (index < 0) return invalid_argument(fmt::format("{}: '{}' is not an ISO 3166-1 alpha-2 code", field, cc));
  return index;
}

Result<int> holder_of(const Policy::Impl& p, const std::string& holder, const std::string& field) {
  int j = p.find_jurisdiction(holder);
  if (j < 0) return invalid_argument(fmt::format("{}: unknown jurisdiction '{}'", field, holder));
  return j;
}

Status check_hop_number(int hop, size_t hops, const std::string& field) {
  if (hop < 1 || static_cast<size_t>(hop) > hops) {
    return invalid_argument(fmt::format("{}: hop {} is not in the chain (1..{})", field, hop, hops));
  }
  return Status();
}

// A stated hit needs the list's threshold, else the matcher's default; a
// screened hit already passed the screener's threshold and needs only the
// list's own, when the policy sets one.
void bind_hits(const Policy::Impl& p, const std::vector<ListHit>& hits, bool screened, BoundParty& party) {
  for (const ListHit& h : hits) {
    auto it = p.party_list_by_name.find(h.list_id);
    if (it == p.party_list_by_name.end()) continue;  // a list this policy gives no effect to
    const std::optional<double>& threshold = p.party_lists[static_cast<size_t>(it->second)].threshold;
    if (h.score < threshold.value_or(screened ? 0.0 : kDefaultScreenThreshold)) continue;
    party.hits.emplace_back(it->second, &h);
  }
}

Status bind_party(const Party& party, const std::string& field, BoundParty& out) {
  out.party = &party;
  out.field = field;
  out.name_unknown = is_unknown(party.name);
  out.country_unknown = is_unknown(party.country);
  SEKISHO_ASSIGN_OR_RETURN(out.country, country_of(party.country, field + ".country"));
  return Status();
}

// Party lists none of whose store lists the screener searched.
std::vector<bool> unscreened_lists(const Policy::Impl& p, const std::vector<ScreenedList>& screened) {
  std::vector<bool> out(p.party_lists.size(), true);
  for (size_t i = 0; i < p.party_lists.size(); ++i) {
    for (const std::string& alias : p.party_lists[i].aliases) {
      for (const ScreenedList& l : screened) out[i] = out[i] && l.list_id != alias;
    }
  }
  return out;
}

}  // namespace

Result<BoundRequest> bind_request(const Policy::Impl& p, const TransferRequest& req, const PartyScreener* screener,
                                  std::vector<std::vector<ListHit>>& screened) {
  BoundRequest b;
  Result<int32_t> day = parse_iso_day(req.as_of);
  if (!day.ok()) return invalid_argument("as_of: " + day.status().message());
  b.day = *day;
  if (req.hops.empty()) return invalid_argument("hops: a transfer needs at least one hop");

  // Item: tags and chart reasons from every classification code.
  SEKISHO_ASSIGN_OR_RETURN(b.item.origin, country_of(req.item.origin, "item.origin"));
  if (!req.item.licensor_country.empty()) {
    SEKISHO_ASSIGN_OR_RETURN(b.item.licensor, country_of(req.item.licensor_country, "item.licensed_from.country"));
  }
  b.item.chart_reasons.assign(p.charts.size(), 0);
  b.list_has_codes.assign(p.control_lists.size(), false);
  b.list_unknown_code.assign(p.control_lists.size(), nullptr);
  b.list_stated_unknown.assign(p.control_lists.size(), false);
  for (const auto& [scheme, codes] : req.item.classifications) {
    auto it = p.list_by_scheme.find(scheme);
    if (it == p.list_by_scheme.end()) {
      return invalid_argument(fmt::format("item.classifications.{}: unknown classification scheme", scheme));
    }
    const auto li = static_cast<size_t>(it->second);
    const ControlList& list = p.control_lists[li];
    for (const std::string& code : codes) {
      if (is_unknown(code)) {
        b.list_stated_unknown[li] = true;
        continue;
      }
      b.list_has_codes[li] = true;
      auto e = list.entries.find(code);
      if (e == list.entries.end()) {
        if (!b.list_unknown_code[li]) b.list_unknown_code[li] = &code;
        continue;
      }
      b.item.tags |= e->second.tags;
      for (const auto& [exception, limit] : e->second.value_limits) {
        auto [at, fresh] = b.item.value_limits.try_emplace(exception, limit, code);
        if (!fresh && limit < at->second.first) at->second = {limit, code};
      }
      if (list.chart >= 0) b.item.chart_reasons[static_cast<size_t>(list.chart)] |= e->second.chart_reasons;
    }
  }

  // A scheme stated "unknown", or absent where the policy says silence is not
  // "not listed", leaves every tag it defines unknown (unless a code carries it).
  for (size_t li = 0; li < p.control_lists.size(); ++li) {
    const ControlList& list = p.control_lists[li];
    const bool absent = !b.list_has_codes[li] && !b.list_stated_unknown[li];
    if (!b.list_stated_unknown[li] && !(absent && list.absent_is_unknown)) continue;
    const TagSet unknown = list.defines & ~b.item.tags;
    if (unknown.none()) continue;
    b.item.unknown_tags |= unknown;
    b.item.unknown_schemes.emplace_back(unknown, "item.classifications." + list.scheme);
  }

  // Hops: countries, flags, list hits (stated and screened).
  if (screener) screened.assign(req.hops.size() * 2, {});
  b.hops.resize(req.hops.size());
  for (size_t h = 0; h < req.hops.size(); ++h) {
    const Hop& hop = req.hops[h];
    BoundHop& bh = b.hops[h];
    const std::string field = fmt::format("hops[{}]", h);
    bh.number = static_cast<int>(h + 1);
    bh.hop = &hop;
    SEKISHO_RETURN_IF_ERROR(bind_party(hop.from, field + ".from", bh.from));
    SEKISHO_RETURN_IF_ERROR(bind_party(hop.to, field + ".to", bh.to));
    for (const auto& [flags, set, key] : {std::tuple{&hop.flags, &bh.flags, "flags"},
                                          std::tuple{&hop.unknown_flags, &bh.unknown_flags, "unknown_flags"}}) {
      for (const std::string& flag : *flags) {
        auto it = p.flag_index.find(flag);
        if (it == p.flag_index.end())
          return invalid_argument(fmt::format("{}.{}: unknown flag '{}'", field, key, flag));
        set->set(static_cast<size_t>(it->second));
      }
    }
    bind_hits(p, hop.from.list_hits, false, bh.from);
    bind_hits(p, hop.to.list_hits, false, bh.to);
    if (screener) {
      // An unknown name cannot be screened: its listed tests stay unknown (predicate.cpp).
      if (!bh.from.name_unknown) screened[2 * h] = screener->screen(hop.from);
      if (!bh.to.name_unknown) screened[2 * h + 1] = screener->screen(hop.to);
    }
  }
  if (req.end_user) {
    b.end_user.emplace();
    SEKISHO_RETURN_IF_ERROR(bind_party(*req.end_user, "end_user", *b.end_user));
    bind_hits(p, req.end_user->list_hits, false, *b.end_user);
    if (screener) {  // [2 * hops]: the end user
      screened.emplace_back();
      if (!b.end_user->name_unknown) screened.back() = screener->screen(*req.end_user);
    }
  }
  if (screener) {  // bound after all screening so the vectors no longer move
    if (b.end_user) bind_hits(p, screened.back(), true, *b.end_user);
    for (size_t h = 0; h < b.hops.size(); ++h) {
      bind_hits(p, screened[2 * h], true, b.hops[h].from);
      bind_hits(p, screened[2 * h + 1], true, b.hops[h].to);
    }
    b.unscreened = unscreened_lists(p, screener->screened_lists());
  }

  // Evidence.
  const size_t nj = p.jurisdictions.size();
  b.undertakings.assign(req.hops.size() * nj, FlagSet());
  for (size_t i = 0; i < req.licences.size(); ++i) {
    const std::string field = fmt::format("evidence.licences[{}]", i);
    SEKISHO_RETURN_IF_ERROR(check_hop_number(req.licences[i].hop, req.hops.size(), field + ".hop"));
    SEKISHO_ASSIGN_OR_RETURN(int j, holder_of(p, req.licences[i].holder, field + ".holder"));
    b.licence_holder.push_back(j);
  }
  for (size_t i = 0; i < req.consents.size(); ++i) {
    const std::string field = fmt::format("evidence.consents[{}]", i);
    SEKISHO_RETURN_IF_ERROR(check_hop_number(req.consents[i].hop, req.hops.size(), field + ".hop"));
    SEKISHO_ASSIGN_OR_RETURN(int j, holder_of(p, req.consents[i].holder, field + ".holder"));
    b.consent_holder.push_back(j);
  }
  for (size_t i = 0; i < req.undertakings.size(); ++i) {
    const Undertaking& u = req.undertakings[i];
    const std::string field = fmt::format("evidence.undertakings[{}]", i);
    SEKISHO_RETURN_IF_ERROR(check_hop_number(u.hop, req.hops.size(), field + ".hop"));
    SEKISHO_ASSIGN_OR_RETURN(int j, holder_of(p, u.holder, field + ".holder"));
    b.undertaking_holder.push_back(j);
    const std::string& giver =
        u.by_country.empty() ? req.hops[static_cast<size_t>(u.hop - 1)].to.country : u.by_country;
    SEKISHO_ASSIGN_OR_RETURN(int giver_country, country_of(giver, field + ".by_country"));
    b.undertaking_giver.push_back(giver_country);
    for (const std::string& term : u.terms) {
      auto it = p.flag_index.find(term);
      if (it == p.flag_index.end()) return invalid_argument(fmt::format("{}.terms: unknown term '{}'", field, term));
      b.undertakings[static_cast<size_t>(u.hop - 1) * nj + static_cast<size_t>(j)].set(static_cast<size_t>(it->second));
    }
  }
  return b;
}

}  // namespace sekisho::rules
