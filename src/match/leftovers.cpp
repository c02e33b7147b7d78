#include "match/leftovers.hpp"

#include <algorithm>

namespace sekisho::match::detail {

void classify_leftovers(const std::vector<const Unit*>& q_all, const std::vector<const Unit*>& c_all,
                        LeftoverKind wanted, Leftovers& sums, NameMatch* out) {
  thread_local std::vector<const Unit*> q_kind, c_kind;
  auto take = [wanted](const std::vector<const Unit*>& all, std::vector<const Unit*>& kind) {
    kind.clear();
    for (const Unit* u : all)
      if (leftover_kind(*u) == wanted) kind.push_back(u);
    // Heaviest first, ties in token order: an insertion sort, stable and
    // allocation-free on the handful of leftovers a name has.
    for (size_t i = 1; i < kind.size(); ++i) {
      for (size_t j = i; j > 0 && kind[j - 1]->weight < kind[j]->weight; --j) std::swap(kind[j - 1], kind[j]);
    }
  };
  take(q_all, q_kind);
  take(c_all, c_kind);
  double& contradicted = conflict_sum(sums, wanted);
  const size_t k = std::min(q_kind.size(), c_kind.size());
  auto count = [&](const std::vector<const Unit*>& side, bool query_side) {
    for (size_t i = 0; i < side.size(); ++i) {
      const Unit& u = *side[i];
      const bool contra = i < k;
      if (contra) {
        contradicted += u.weight / 2;
      } else {
        extra_sum(sums, u, query_side) += u.weight;
      }
      if (out != nullptr) {
        out->unmatched.push_back({u.label(), query_side, u.weight,
                                  contra       ? UnmatchedKind::kContradicted
                                  : query_side ? UnmatchedKind::kQueryExtra
                                               : UnmatchedKind::kCandidateExtra});
      }
    }
  };
  count(q_kind, true);
  count(c_kind, false);
}

double leftover_cost(const Leftovers& sums, const NameMatchOptions& o) {
  // A given name and its patronymic are one form of address (Vladimir Vladimirovich): a side
  // that leaves out the given name leaves the patronymic out with it, so the patronymic costs
  // only what exceeds the cost of that side's other unmet name words. Capped so, more
  // leftovers never cost less, which the score bound relies on.
  const auto patronymic_cost = [&o](double patronymic, double name_extra_cost) {
    const double cost = o.patronymic_extra_weight * patronymic;
    return cost - std::min(cost, name_extra_cost);
  };
  const double q_extra_cost = o.query_extra_weight * sums.q_extra;
  const double c_extra_cost = o.candidate_extra_weight * sums.c_extra;
  return o.contradiction_weight * sums.contradicted + o.legal_form_conflict_weight * sums.legal_conflict +
         o.number_conflict_weight * sums.number_conflict + o.sector_conflict_weight * sums.sector_conflict +
         q_extra_cost + c_extra_cost + o.filler_extra_weight * sums.filler_extra +
         o.sector_extra_weight * sums.sector_extra + patronymic_cost(sums.q_patronymic_extra, q_extra_cost) +
         patronymic_cost(sums.c_patronymic_extra, c_extra_cost);
}

}  // namespace sekisho::match::detail
