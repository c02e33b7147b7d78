// The same listed party on several lists, found by a key a reviewer would
// accept, never by name alone. Two entities of different lists are the same
// party when
//   1. they share a strong identifier: the same type (passport, national_id,
//      tax_id, imo, mmsi, lei, registration, swift_bic) and the same value
//      (letters and digits, case-folded, at least 5 of them), with no
//      disagreement on the issuing country, and compatible schemas; or
//   2. their primary names normalise to the same words (any order: lists put
//      surnames first or last), their schemas are compatible, they disagree on
//      neither birth date nor country, and agree on at least one of the two
//      (a shared date at the precision both state, or a shared ISO country).
// Groups never hold two entities of one list: two entries of one publisher
// are two listings, whatever they share.
//
//   std::vector<GroupMember> all = …;  // every entity with its list index
//   for (const std::vector<size_t>& g : group_entities(all)) { … g indexes `all` … }
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sekisho/entity.hpp"

namespace sekisho {

struct GroupMember {
  const Entity* entity = nullptr;
  uint32_t list = 0;  // which list it is on (any numbering, equal = same list)
};

// Groups of two or more members (indexes into `members`, ascending), ordered by their first member.
std::vector<std::vector<size_t>> group_entities(const std::vector<GroupMember>& members);

// The grouping key of rule 2: the primary name's normalised words, sorted; "" without a name.
std::string group_name_key(const Entity& e);

}  // namespace sekisho
