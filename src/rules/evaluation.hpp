// The request bound to a compiled policy (countries interned, flags and tags
// as bitsets, list hits resolved to party lists) and the tri-state evaluation
// of predicates over it. Unknown means "the data to decide is missing": the
// engine turns it into a DATA_GAP, never into ALLOW.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rules/policy_model.hpp"

namespace sekisho::rules {

enum class Tri : uint8_t { kFalse, kTrue, kUnknown };

struct BoundItem {
  TagSet tags;
  TagSet
      unknown_tags;  // tags the item may carry: a scheme that defines them is unknown or absent (when_absent: unknown)
  std::vector<std::pair<TagSet, std::string>> unknown_schemes;  // tags → "item.classifications.<scheme>"
  std::vector<uint32_t> chart_reasons;                          // per chart: reason columns of the item's codes
  int origin = -1;
  int licensor = -1;  // licensor country, -1 when not licensed production
  // Per licence exception: the lowest value limit the item's codes give it,
  // and the code that gives it (for the trace).
  std::map<std::string, std::pair<double, std::string>> value_limits;
};

struct BoundParty {
  int country = -1;  // -1 with country_unknown: stated "unknown"
  bool country_unknown = false;
  bool name_unknown = false;
  const Party* party = nullptr;
  std::string field;                                 // request path: "hops[1].to", "end_user"
  std::vector<std::pair<int, const ListHit*>> hits;  // (party-list index, hit) at or above threshold
};

struct BoundHop {
  int number = 0;  // 1-based
  const Hop* hop = nullptr;
  BoundParty from, to;
  FlagSet flags;
  FlagSet unknown_flags;
};

struct EvalContext {
  const Policy::Impl& policy;
  const TransferRequest& request;
  const BoundItem& item;
  int32_t day = 0;
  const BoundHop* hop = nullptr;
  int jurisdiction = -1;
  FlagSet undertakings;  // terms given to `jurisdiction` for this hop
  // Facts recorded by the last predicate that held, for the trace.
  const Designation* designation = nullptr;
  const ListHit* hit = nullptr;
  int via_hop = 0;      // a downstream test held on this later hop's recipient (end user: hops + 1)
  std::string missing;  // the first request field whose unknown value left the predicate unknown
  // Every hop of the chain and the end user (null when none), for downstream tests.
  const std::vector<BoundHop>* hops = nullptr;
  const BoundParty* end_user = nullptr;
  // Per request undertaking: the jurisdiction it binds towards and the giver's country (-1 unknown).
  const std::vector<int>* undertaking_holder = nullptr;
  const std::vector<int>* undertaking_giver = nullptr;
  // Per party list: true when screening was requested and did not cover it
  // (null without a screener: stated hits are then the whole evidence).
  const std::vector<bool>* unscreened = nullptr;
  const PartyList* unscreened_list = nullptr;  // an unscreened list that left a *_listed test unknown
};

Tri evaluate(const Predicate& predicate, EvalContext& ctx);

// The conditions of a predicate as they stand for this hop, in words
// ("destination PK in US_EAR_B"), for the trace (explain.cpp): those that
// hold (`holding`) or those that fail, at most `limit`, joined by "; ".
std::string explain_predicate(const Predicate& predicate, const EvalContext& ctx, bool holding,
                              size_t limit = SIZE_MAX);
// "US_EAR_B, RU": the countries and groups of a predicate list, for the trace.
std::string country_refs_text(const Policy::Impl& policy, const std::vector<CountryRef>& refs);
// True when `country` is in any of `refs` on `day`.
bool in_refs(const Policy::Impl& policy, const std::vector<CountryRef>& refs, int country, int32_t day);

}  // namespace sekisho::rules

namespace sekisho::rules {

struct BoundRequest {
  int32_t day = 0;
  BoundItem item;
  std::vector<BoundHop> hops;
  std::vector<bool> list_has_codes;                   // per control list: the item has a code in it
  std::vector<const std::string*> list_unknown_code;  // per control list: a code the list lacks
  std::vector<bool> list_stated_unknown;              // per control list: the request says "unknown"
  std::optional<BoundParty> end_user;
  std::vector<FlagSet> undertakings;  // [hop * jurisdictions + j]: terms given to j for that hop
  std::vector<int> licence_holder, consent_holder, undertaking_holder;  // jurisdiction indexes
  std::vector<int>
      undertaking_giver;         // country of the party that gave it (by_country, else the hop's recipient); -1 unknown
  std::vector<bool> unscreened;  // per party list, with a screener only (see EvalContext::unscreened)
};

// Checks the request against the policy's vocabulary and binds it; screens
// every party with `screener` (hits kept in `screened`, [2h] from, [2h+1] to).
Result<BoundRequest> bind_request(const Policy::Impl& policy, const TransferRequest& request,
                                  const PartyScreener* screener, std::vector<std::vector<ListHit>>& screened);

}  // namespace sekisho::rules
