// Seeded random transfer chains over the shipped policy's vocabulary, for the
// property tests and the benchmark. Deterministic for a given seed.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "sekisho/rules.hpp"

namespace sekisho::rules::testing {

class ChainGenerator {
 public:
  explicit ChainGenerator(uint64_t seed) : rng_(seed) {}

  TransferRequest next() {
    TransferRequest r;
    r.id = "random-" + std::to_string(counter_++);
    r.as_of = pick(kDates);
    Item& item = r.item;
    item.origin = pick(kCountries);
    if (chance(0.8)) item.classifications["JP_AT1"] = {pick(kJpRows)};
    if (chance(0.7)) item.classifications["US_ECCN"] = {pick(kEccns)};
    if (chance(0.2)) item.classifications["US_USML"] = {pick(kUsml)};
    if (chance(0.7)) item.classifications["EU_ANNEX_I"] = {pick(kAnnexI)};
    if (chance(0.1)) item.classifications["EU_CML"] = {pick(kCml)};
    if (chance(0.1)) item.classifications["EU_833_CHP"] = {"CHP"};
    if (chance(0.3)) item.licensor_country = pick(kCountries);
    if (chance(0.8)) item.us_content_pct = static_cast<double>(uniform(0, 40));
    if (chance(0.8)) item.lethal = chance(0.5);
    const int hops = uniform(1, 4);
    std::string at = chance(0.6) ? pick({"JP", "DE", "US"}) : pick(kCountries);
    for (int h = 0; h < hops; ++h) {
      Hop hop;
      hop.from = party(at);
      at = pick(kCountries);
      hop.to = party(at);
      if (chance(0.3)) hop.flags.push_back(pick(kFlags));
      if (chance(0.15)) hop.to.list_hits.push_back(hit());
      r.hops.push_back(std::move(hop));
    }
    const int n = static_cast<int>(r.hops.size());
    if (chance(0.4)) r.licences.push_back(licence(n));
    if (chance(0.3)) r.consents.push_back(consent(n));
    if (chance(0.4)) r.undertakings.push_back({"und", "recipient", pick(kHolders), uniform(1, n), {pick(kTerms)}});
    return r;
  }

  ListHit hit() { return {pick(kLists), "entity-" + std::to_string(uniform(1, 99)), "Listed Name", 1.0}; }
  Licence licence(int hops) {
    Licence l{"lic-" + std::to_string(counter_++), pick(kHolders), uniform(1, hops), {}, {}};
    if (chance(0.3)) l.scope.destinations = {pick(kCountries), pick(kCountries)};  // scoped: may not cover the chain
    return l;
  }

  // A recipient the law stops whatever else holds: a party with a list hit,
  // or one in a destination under embargo or a total ban.
  Party stopped_party() {
    Party p = party(pick({"RU", "BY", "KP", "IR", "CU", "SY"}));
    if (chance(0.5)) {
      p.country = pick(kCountries);
      p.list_hits.push_back(hit());
    }
    return p;
  }

  // Replaces one fact of `r` with "unknown" (a party's name, country or kind,
  // a classification, the origin, lethality, US content, a stated flag).
  // Returns the field replaced, "" when the chosen fact was already unknown.
  std::string forget_one_fact(TransferRequest& r) {
    const size_t h = static_cast<size_t>(uniform(0, static_cast<int>(r.hops.size()) - 1));
    Hop& hop = r.hops[h];
    switch (uniform(0, 8)) {
      case 0:
        hop.to.name = "unknown";
        return "to.name";
      case 1:  // one country: the recipient's, which is where the next hop starts
        hop.to.country = "unknown";
        if (h + 1 < r.hops.size()) r.hops[h + 1].from.country = "unknown";
        return "to.country";
      case 2:
        hop.from.country = "unknown";
        if (h > 0) r.hops[h - 1].to.country = "unknown";
        return "from.country";
      case 3:
        hop.to.kind.clear();
        return "to.kind";
      case 4: {
        if (r.item.classifications.empty()) return "";
        auto it = r.item.classifications.begin();
        std::advance(it, uniform(0, static_cast<int>(r.item.classifications.size()) - 1));
        it->second = {"unknown"};
        return "item.classifications." + it->first;
      }
      case 5:
        r.item.origin = "unknown";
        return "item.origin";
      case 6:
        r.item.lethal.reset();
        return "item.lethal";
      case 7:
        r.item.us_content_pct.reset();
        return "item.us_content_pct";
      default:
        if (hop.flags.empty()) return "";
        hop.unknown_flags.push_back(hop.flags.back());
        hop.flags.pop_back();
        return "flags";
    }
  }
  Consent consent(int hops) { return {"con-" + std::to_string(counter_++), pick(kHolders), uniform(1, hops), true}; }
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

 private:
  using Pool = std::vector<std::string>;
  std::string pick(const Pool& pool) {
    return pool[static_cast<size_t>(uniform(0, static_cast<int>(pool.size()) - 1))];
  }
  Party party(const std::string& country) {
    Party p;
    p.name = "Party " + std::to_string(uniform(1, 500));
    p.country = country;
    if (chance(0.8)) p.kind = pick({"government", "company"});
    return p;
  }

  inline static const Pool kDates = {"2019-08-27", "2019-08-28", "2022-02-24", "2022-03-07", "2022-03-08",
                                     "2022-03-18", "2023-07-21", "2023-12-21", "2023-12-22", "2024-06-01"};
  inline static const Pool kCountries = {"JP", "US", "DE", "FR", "PL", "KR", "CN", "RU", "BY",
                                         "UA", "IR", "KP", "PK", "VN", "GB", "IQ", "BR", "CU"};
  inline static const Pool kJpRows = {"1", "2", "4", "6", "7", "9", "15", "16", "NONE"};
  inline static const Pool kEccns = {"1A005", "1A613", "2B001", "3A001", "5A002", "EAR99"};
  inline static const Pool kUsml = {"I", "IV", "X"};
  inline static const Pool kAnnexI = {"0C001", "1A005", "2B001", "3A001", "5A002", "NOT_LISTED"};
  inline static const Pool kCml = {"ML1", "ML4", "ML13"};
  inline static const Pool kFlags = {"WMD_END_USE",   "MILITARY_END_USE", "METI_INFORM",         "CLEARLY_NOT_WMD",
                                     "ART4_INFORMED", "UGEA_REGISTERED",  "P2_JOINT_DEVELOPMENT"};
  inline static const Pool kLists = {"JP_EUL", "JP_RU_TOKUTEI", "JP_THIRD_COUNTRY_TOKUTEI", "US_ENTITY_LIST", "US_DPL",
                                     "US_MEU", "JP_BY_TOKUTEI", "JP_MOF_ASSET_FREEZE",      "US_OFAC_SDN"};
  inline static const Pool kHolders = {"JP", "US", "EU"};
  inline static const Pool kTerms = {"NO_THIRD_PARTY_TRANSFER_WITHOUT_CONSENT", "NO_EXTRA_PURPOSE_USE",
                                     "NO_REEXPORT_TO_RUSSIA"};

  std::mt19937_64 rng_;
  uint64_t counter_ = 0;
};

}  // namespace sekisho::rules::testing
