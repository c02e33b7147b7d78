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
  Licence licence(int hops) { return {"lic-" + std::to_string(counter_++), pick(kHolders), uniform(1, hops), {}}; }
  Consent consent(int hops) { return {"con-" + std::to_string(counter_++), pick(kHolders), uniform(1, hops), true}; }
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

 private:
  using Pool = std::vector<std::string>;
  std::string pick(const Pool& pool) { return pool[static_cast<size_t>(uniform(0, static_cast<int>(pool.size()) - 1))]; }
  Party party(const std::string& country) {
    Party p;
    p.name = "Party " + std::to_string(uniform(1, 500));
    p.country = country;
    if (chance(0.8)) p.kind = pick({"government", "company"});
    return p;
  }

  inline static const Pool kDates = {"2019-08-27", "2019-08-28", "2022-02-24", "2022-03-07", "2022-03-08",
                                     "2022-03-18", "2023-07-21", "2023-12-21", "2023-12-22", "2024-06-01"};
  inline static const Pool kCountries = {"JP", "US", "DE", "FR", "PL", "KR", "CN", "RU", "BY", "UA", "IR",
                                         "KP", "PK", "VN", "GB", "IQ", "BR", "CU"};
  inline static const Pool kJpRows = {"1", "2", "4", "6", "7", "9", "15", "16", "NONE"};
  inline static const Pool kEccns = {"1A005", "1A613", "2B001", "3A001", "5A002", "EAR99"};
  inline static const Pool kUsml = {"I", "IV", "X"};
  inline static const Pool kAnnexI = {"0C001", "1A005", "2B001", "3A001", "5A002", "NOT_LISTED"};
  inline static const Pool kCml = {"ML1", "ML4", "ML13"};
  inline static const Pool kFlags = {"WMD_END_USE", "MILITARY_END_USE", "METI_INFORM", "CLEARLY_NOT_WMD",
                                     "ART4_INFORMED", "UGEA_REGISTERED", "P2_JOINT_DEVELOPMENT"};
  inline static const Pool kLists = {"JP_EUL", "JP_RU_TOKUTEI", "JP_THIRD_COUNTRY_TOKUTEI", "US_ENTITY_LIST",
                                     "US_DPL", "US_MEU", "JP_BY_TOKUTEI", "JP_MOF_ASSET_FREEZE", "US_OFAC_SDN"};
  inline static const Pool kHolders = {"JP", "US", "EU"};
  inline static const Pool kTerms = {"NO_THIRD_PARTY_TRANSFER_WITHOUT_CONSENT", "NO_EXTRA_PURPOSE_USE",
                                     "NO_REEXPORT_TO_RUSSIA"};

  std::mt19937_64 rng_;
  uint64_t counter_ = 0;
};

}  // namespace sekisho::rules::testing
