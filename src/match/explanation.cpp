// Rendering of match explanations as text, for a person at a terminal, and the names of
// their methods, kinds and outcomes. Their JSON form is the wire part's
// (src/wire/explanation_json.cpp).
#include <cstdio>

#include "sekisho/match.hpp"

namespace sekisho::match {
namespace {

std::string fixed3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

}  // namespace

std::string_view pair_method_name(PairMethod method) {
  switch (method) {
    case PairMethod::kExact:
      return "exact";
    case PairMethod::kEdit:
      return "edit";
    case PairMethod::kPhonetic:
      return "phonetic";
    case PairMethod::kInitial:
      return "initial";
    case PairMethod::kPrefix:
      return "prefix";
    case PairMethod::kMerged:
      return "merged";
    case PairMethod::kAcronym:
      return "acronym";
    case PairMethod::kLegalForm:
      return "legal_form";
    case PairMethod::kNumber:
      return "number";
    case PairMethod::kWordForm:
      return "word_form";
  }
  return "unknown";
}

std::string_view unmatched_kind_name(UnmatchedKind kind) {
  switch (kind) {
    case UnmatchedKind::kQueryExtra:
      return "query_extra";
    case UnmatchedKind::kCandidateExtra:
      return "candidate_extra";
    case UnmatchedKind::kContradicted:
      return "contradicted";
  }
  return "unknown";
}

std::string_view qualifier_outcome_name(QualifierOutcome outcome) {
  switch (outcome) {
    case QualifierOutcome::kUnknown:
      return "unknown";
    case QualifierOutcome::kMatch:
      return "match";
    case QualifierOutcome::kCompatible:
      return "compatible";
    case QualifierOutcome::kConflict:
      return "conflict";
  }
  return "unknown";
}

std::string NameMatch::to_text() const {
  std::string s = "name score " + fixed3(score) + "\n";
  for (const AlignedPair& p : pairs) {
    s += "  '" + p.query + "' ~ '" + p.candidate + "' " + std::string(pair_method_name(p.method));
    if (p.method == PairMethod::kEdit || p.method == PairMethod::kMerged)
      s += " (" + std::to_string(p.edits) + " edits)";
    s += ": " + fixed3(p.similarity) + ", weight " + fixed3(p.weight) + "\n";
  }
  for (const UnmatchedToken& u : unmatched) {
    s += "  '" + u.text + "' (" + (u.query_side ? "query" : "candidate") + ") " +
         std::string(unmatched_kind_name(u.kind)) + ", weight " + fixed3(u.weight) + "\n";
  }
  for (const Penalty& p : penalties) s += "  x" + fixed3(p.factor) + " " + p.reason + "\n";
  return s;
}

std::string HitScore::to_text() const {
  std::string s = "score " + fixed3(score) + "\n" + name.to_text();
  for (const QualifierEffect& q : qualifiers) {
    s += "  " + q.qualifier + " " + std::string(qualifier_outcome_name(q.outcome)) + " (" + q.detail +
         "): " + fixed3(q.score_before) + " -> " + fixed3(q.score_after) + "\n";
  }
  return s;
}

}  // namespace sekisho::match
