// OFAC "features": the typed facts OFAC publishes as label + value, either
// inside the legacy CSV Remarks field ("DOB 14 Jun 1975; POB Leningrad,
// Russia; Passport 717637093 (Russia); a.k.a. 'BNC'.") or as SDN.XML idList
// items (idType "Passport", idNumber, idCountry). Both formats use the same
// labels, so one table maps them onto Entity fields for both parsers.
//
//   Entity e;
//   apply_ofac_remarks("DOB 1962; POB Shati; Gender Male.", e);    // CSV
//   apply_ofac_feature("Tax ID No.", "5504036333", "Russia", e);   // XML idList
#pragma once

#include <string_view>

#include "sekisho/entity.hpp"

namespace sekisho {

// Applies one labelled fact. Known labels fill birth_dates, birth_places,
// nationalities, countries, gender or identifiers; anything else is kept in
// remarks as "label value" so nothing the publisher said is lost.
void apply_ofac_feature(std::string_view label, std::string_view value, std::string_view country, Entity& entity);

// Splits legacy CSV Remarks into "; "-separated facts and applies each.
// Quoted names ("a.k.a. 'X'", "f.k.a. 'X'", "n.k.a. 'X'") become names with
// quality "weak": OFAC's legacy files put only its low-quality aliases in the
// remarks (the SDN.XML of the same list marks exactly these category "weak"),
// strong ones sit in alt.csv.
void apply_ofac_remarks(std::string_view remarks, Entity& entity);

// Splits a name published as "LAST, First" into name parts (people only).
void split_ofac_person_name(Name& name);

// Appends `value` to `list` unless it is empty or already there.
void push_unique(std::vector<std::string>& list, std::string_view value);

}  // namespace sekisho
