// How a listed name, as the publisher wrote it, becomes the name forms a screener indexes.
//
// One name field of a list often holds more than one name: "PJSC Sberbank (Public Joint-Stock
// Company Sberbank)", "Hamas (including Hamas-Izz al-Din al-Qassem)", "Hamas including Izz
// al-Din al-Qassam Brigades", "X a.k.a. Y", "X; Y", "X / Y", 'ООО «Газпром»'. Read as one name
// such a field holds words no query has; each alternative, and the plain name without the
// brackets, is a name of the same entity. Every parser's names go through this one step when a
// screener is built, so a new format gets it without code of its own.
//
//   for (const ListedNameForm& f : listed_name_forms(name, entity.schema)) index(f.text, f.role);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sekisho/entity.hpp"

namespace sekisho {

// What a form stands for, which decides how much a match with it proves.
enum class NameFormRole : uint8_t {
  kPrimary = 0,  // the publisher's main name, or its plain form
  kAlias,        // a.k.a.; an alternative in brackets, quotes or a list
  kWeakAlias,    // OFAC weak / UN low-quality aliases, and one-word aliases of people ("John")
  kFormerName,   // f.k.a., "formerly"
  kPart,         // a part or branch the name says it includes ("including the Qassam Brigades")
};

std::string_view name_form_role_name(NameFormRole role);

// A weak form raises a hit only when the query has nothing left over: "John" alone says
// little, and "John Hassan" meeting it through "John" says less.
inline bool is_weak(NameFormRole role) { return role == NameFormRole::kWeakAlias; }

struct ListedNameForm {
  std::string text;  // a name as it could be written alone
  NameFormRole role = NameFormRole::kPrimary;
  bool derived = false;  // false for the name as published (always the first form)
};

// The name as published first, then the forms derived from it: the plain name without its
// bracketed, quoted or marked parts; each alternative; and, for a name that repeats a word
// ("QUREN SALIH QUREN AL QADHAFI"), the name with each repetition met once. Deduplicated
// (case-insensitive); a derived form that only names a country is left out, as it names no party.
std::vector<ListedNameForm> listed_name_forms(const Name& name, Schema schema);

}  // namespace sekisho
