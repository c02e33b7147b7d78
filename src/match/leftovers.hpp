// What the units neither side paired cost: a part both sides have but
// disagree on is a contradiction, a part only one side has an extra.
#pragma once

#include <vector>

#include "match/unit.hpp"

namespace sekisho::match::detail {

// The weight of the leftovers by what they cost (contradicted: half the weight of each side's unit).
struct Leftovers {
  double contradicted = 0, legal_conflict = 0, number_conflict = 0, q_extra = 0, c_extra = 0, filler_extra = 0,
         q_patronymic_extra = 0, c_patronymic_extra = 0, sector_conflict = 0, sector_extra = 0;
};

// Leftovers contradict only leftovers of their kind: a legal form another legal
// form, a number another number, a sector word another sector word, a name word
// another name word.
enum class LeftoverKind : uint8_t { kName, kLegalForm, kNumber, kSector };

inline LeftoverKind leftover_kind(const Unit& u) {
  return u.legal         ? LeftoverKind::kLegalForm
         : u.number >= 0 ? LeftoverKind::kNumber
         : u.sector      ? LeftoverKind::kSector
                         : LeftoverKind::kName;
}

// Where a leftover's weight goes: as a contradiction (its kind's conflict sum,
// half its weight), or as an extra (filler, patronymic, sector word, or its side's extra).
inline double& conflict_sum(Leftovers& sums, LeftoverKind kind) {
  return kind == LeftoverKind::kLegalForm ? sums.legal_conflict
         : kind == LeftoverKind::kNumber  ? sums.number_conflict
         : kind == LeftoverKind::kSector  ? sums.sector_conflict
                                          : sums.contradicted;
}
inline double& extra_sum(Leftovers& sums, const Unit& u, bool query_side) {
  if (u.filler) return sums.filler_extra;
  if (u.patronymic) return query_side ? sums.q_patronymic_extra : sums.c_patronymic_extra;
  if (u.sector) return sums.sector_extra;
  return query_side ? sums.q_extra : sums.c_extra;
}

// Pairs the leftovers of both sides of kind `wanted` as contradictions,
// heaviest first; the rest are extras. Adds to `sums`, and with `out` lists
// them in the explanation.
void classify_leftovers(const std::vector<const Unit*>& q_all, const std::vector<const Unit*>& c_all,
                        LeftoverKind wanted, Leftovers& sums, NameMatch* out);

// What the leftovers add to the score's denominator.
double leftover_cost(const Leftovers& sums, const NameMatchOptions& o);

}  // namespace sekisho::match::detail
