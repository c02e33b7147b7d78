// Token weights: how much a token tells about who a name belongs to.
#include <algorithm>
#include <cmath>

#include "sekisho/match.hpp"

namespace sekisho::match {
namespace {

// Words that appear in thousands of organisation names and so say little
// about which one is meant (watchman #483: "CORP" matching BELLETECH CORP).
constexpr std::string_view kGenericOrgWords[] = {
    "company",    "companies",    "corporation",  "corp",          "co",           "inc",          "incorporated",
    "limited",    "ltd",          "llc",          "group",         "holding",      "holdings",     "international",
    "intl",       "trading",      "trade",        "bank",          "banking",      "industries",   "industry",
    "industrial", "enterprise",   "enterprises",  "services",      "service",      "solutions",    "global",
    "management", "trust",        "fund",         "capital",       "partners",     "investment",   "investments",
    "national",   "general",      "systems",      "system",        "technology",   "technologies", "energy",
    "foundation", "organization", "organisation", "association",   "shipping",     "logistics",    "import",
    "export",     "commercial",   "development",  "engineering",   "construction", "products",     "resources",
    "financial",  "finance",      "insurance",    "ventures",      "agency",       "office",       "center",
    "centre",     "institute",    "society",      "establishment", "factory",      "plant",        "state",
    "federal",    "republic",     "ministry",     "department",    "authority",    "committee",    "council",
    "united",     "union",        "network",      "media",         "motors",       "electronics",  "petroleum",
    "oil",        "gas",          "marine",       "airlines",      "aviation",     "shipyard",     "research",
    "scientific", "production",   "joint",        "stock",         "open",         "closed",       "public",
    "private",    "firm",         "house",        "world",
};
// Name particles and fillers: they carry grammar, not identity.
constexpr std::string_view kParticles[] = {
    "al",
    "el",
    "ul",
    "ur",
    "ud",
    "bin",
    "ben",
    "ibn",
    "bint",
    "abu",
    "abou",
    "umm",
    "de",
    "da",
    "di",
    "del",
    "della",
    "der",
    "den",
    "van",
    "von",
    "le",
    "la",
    "du",
    "des",
    "dos",
    "das",
    "y",
    "e",
    "the",
    "of",
    "and",
    "for",
    "in",
    "on",
    "at",
    "a",
    "an",
    "na",
    "mc",
    "st",
    "ou",
    // A dedication ("Plant named after P.I. Plandin", имени, 名称) that lists give or omit.
    "named",
    "after",
    "imeni",
};
// Given names so common on sanctions lists that they barely narrow a search.
constexpr std::string_view kCommonGiven[] = {
    "mohammad", "mohammed", "muhammad", "mohamed",  "mohamad",  "muhammed", "ahmad", "ahmed",   "ali",
    "abdul",    "abd",      "abdel",    "abdullah", "abdallah", "hassan",   "hasan", "hussein", "husain",
    "hussain",  "ibrahim",  "mahmoud",  "mahmud",   "omar",     "umar",     "khan",  "haji",    "mullah",
    "mawlawi",  "sayed",    "syed",     "sheikh",   "shaikh",   "qari",     "hafiz", "kim",     "ri",
    "pak",      "li",       "wang",     "zhang",    "chen",     "liu",
};

constexpr double kGenericWeight = 0.4;
constexpr double kCommonGivenWeight = 0.6;

}  // namespace

std::vector<NameToken> tokens_from_text(std::string_view normalized) {
  std::vector<NameToken> tokens;
  size_t i = 0;
  while (i < normalized.size()) {
    while (i < normalized.size() && normalized[i] == ' ') ++i;
    size_t j = i;
    while (j < normalized.size() && normalized[j] != ' ') ++j;
    if (j > i) tokens.push_back(NameToken{.text = std::string(normalized.substr(i, j - i))});
    i = j;
  }
  return tokens;
}

TokenWeights::TokenWeights() {
  for (std::string_view w : kGenericOrgWords) weights_.emplace(std::string(w), kGenericWeight);
  for (std::string_view w : kCommonGiven) weights_.emplace(std::string(w), kCommonGivenWeight);
  for (std::string_view w : kParticles) weights_[std::string(w)] = kStopwordWeight;
}

TokenWeights TokenWeights::from_frequencies(const std::unordered_map<std::string, uint32_t>& document_frequency,
                                            uint32_t name_count, uint32_t rare_count) {
  TokenWeights table;
  table.weights_.clear();
  const double n = static_cast<double>(std::max<uint32_t>(name_count, 1)) + 1.0;
  // IDF relative to that of a token seen in `rare_count` names: rarer tokens
  // all weigh 1, a token in every name weighs kMinWeight.
  const double rare_idf = std::log(n / (static_cast<double>(rare_count) + 1.0));
  if (rare_idf <= 0) return table;
  for (const auto& [token, df] : document_frequency) {
    if (df <= rare_count) continue;
    const double idf = std::log(n / (static_cast<double>(df) + 1.0));
    table.weights_.emplace(token, std::clamp(idf / rare_idf, kMinWeight, 1.0));
  }
  for (std::string_view w : kParticles) {
    auto [it, inserted] = table.weights_.emplace(std::string(w), kStopwordWeight);
    if (!inserted) it->second = std::min(it->second, kStopwordWeight);
  }
  return table;
}

bool TokenWeights::is_particle(std::string_view token) {
  if (token.size() < 2) return false;
  return std::find(std::begin(kParticles), std::end(kParticles), token) != std::end(kParticles);
}

double TokenWeights::weight(const NameToken& token) const {
  if (token.legal_form) return kLegalFormWeight;
  double w = 1.0;
  if (auto it = weights_.find(token.text); it != weights_.end()) w = it->second;
  if (token.stopword) w = std::min(w, kStopwordWeight);
  if (token.text.size() == 1) w = std::min(w, kInitialWeight);
  if (std::all_of(token.text.begin(), token.text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    w = std::min(w, kNumberWeight);
  }
  return w;
}

}  // namespace sekisho::match
