// The JSON form of match explanations, for the API and screen output: NameMatch::to_json and
// HitScore::to_json are defined here, so that the match part needs no JSON library.
#include "wire/explanation_json.hpp"

namespace sekisho::match {
namespace {

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

std::string NameMatch::to_json() const { return name_json(*this).dump(); }

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
