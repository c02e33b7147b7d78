// Rendering of match explanations as text (for a person at a terminal) and
// JSON (for the API and screen output). The JSON library stays in this file.
#include <nlohmann/json.hpp>

#include <cstdio>

#include "match/explanation_json.hpp"
#include "sekisho/match.hpp"

namespace sekisho::match {
namespace {

std::string fixed3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

nlohmann::ordered_json name_json(const NameMatch& m) {
  nlohmann::ordered_json j;
  j["score"] = m.score;
  auto& pairs = j["pairs"] = nlohmann::ordered_json::array();
  for (const AlignedPair& p : m.pairs) {
    pairs.push_back({{"query", p.query},
                     {"candidate", p.candidate},
                     {"similarity", p.similarity},
                     {"weight", p.weight},
                     {"method", pair_method_name(p.method)},
                     {"edits", p.edits}});
  }
  auto& unmatched = j["unmatched"] = nlohmann::ordered_json::array();
  for (const UnmatchedToken& u : m.unmatched) {
    unmatched.push_back({{"token", u.text},
                         {"side", u.query_side ? "query" : "candidate"},
                         {"kind", unmatched_kind_name(u.kind)},
                         {"weight", u.weight}});
  }
  auto& penalties = j["penalties"] = nlohmann::ordered_json::array();
  for (const Penalty& p : m.penalties) penalties.push_back({{"reason", p.reason}, {"factor", p.factor}});
  return j;
}

}  // namespace

std::string_view pair_method_name(PairMethod method) {
  switch (method) {
    case PairMethod::kExact: return "exact";
    case PairMethod::kEdit: return "edit";
    case PairMethod::kPhonetic: return "phonetic";
    case PairMethod::kInitial: return "initial";
    case PairMethod::kPrefix: return "prefix";
    case PairMethod::kMerged: return "merged";
    case PairMethod::kAcronym: return "acronym";
    case PairMethod::kLegalForm: return "legal_form";
    case PairMethod::kNumber: return "number";
    case PairMethod::kWordForm: return "word_form";
  }
  return "unknown";
}

std::string_view unmatched_kind_name(UnmatchedKind kind) {
  switch (kind) {
    case UnmatchedKind::kQueryExtra: return "query_extra";
    case UnmatchedKind::kCandidateExtra: return "candidate_extra";
    case UnmatchedKind::kContradicted: return "contradicted";
  }
  return "unknown";
}

std::string_view qualifier_outcome_name(QualifierOutcome outcome) {
  switch (outcome) {
    case QualifierOutcome::kUnknown: return "unknown";
    case QualifierOutcome::kMatch: return "match";
    case QualifierOutcome::kCompatible: return "compatible";
    case QualifierOutcome::kConflict: return "conflict";
  }
  return "unknown";
}

std::string NameMatch::to_text() const {
  std::string s = "name score " + fixed3(score) + "\n";
  for (const AlignedPair& p : pairs) {
    s += "  '" + p.query + "' ~ '" + p.candidate + "' " + std::string(pair_method_name(p.method));
    if (p.method == PairMethod::kEdit || p.method == PairMethod::kMerged) s += " (" + std::to_string(p.edits) + " edits)";
    s += ": " + fixed3(p.similarity) + ", weight " + fixed3(p.weight) + "\n";
  }
  for (const UnmatchedToken& u : unmatched) {
    s += "  '" + u.text + "' (" + (u.query_side ? "query" : "candidate") + ") " +
         std::string(unmatched_kind_name(u.kind)) + ", weight " + fixed3(u.weight) + "\n";
  }
  for (const Penalty& p : penalties) s += "  x" + fixed3(p.factor) + " " + p.reason + "\n";
  return s;
}

std::string NameMatch::to_json() const { return name_json(*this).dump(); }

std::string HitScore::to_text() const {
  std::string s = "score " + fixed3(score) + "\n" + name.to_text();
  for (const QualifierEffect& q : qualifiers) {
    s += "  " + q.qualifier + " " + std::string(qualifier_outcome_name(q.outcome)) + " (" + q.detail + "): " +
         fixed3(q.score_before) + " -> " + fixed3(q.score_after) + "\n";
  }
  return s;
}

nlohmann::ordered_json hit_score_json(const HitScore& hit) {
  nlohmann::ordered_json j;
  j["score"] = hit.score;
  j["name"] = name_json(hit.name);
  auto& quals = j["qualifiers"] = nlohmann::ordered_json::array();
  for (const QualifierEffect& q : hit.qualifiers) {
    quals.push_back({{"qualifier", q.qualifier},
                     {"outcome", qualifier_outcome_name(q.outcome)},
                     {"detail", q.detail},
                     {"score_before", q.score_before},
                     {"score_after", q.score_after}});
  }
  return j;
}

std::string HitScore::to_json() const { return hit_score_json(*this).dump(); }

}  // namespace sekisho::match
