// English word forms of one stem (institute / institution, technology /
// technologies, economy / economic): a Japanese name glossed word by word
// through a dictionary (学術研究所 → "scientific research institute") names
// the organisation its English entry calls an "institution".
#pragma once

#include <string_view>

namespace sekisho::match::detail {

// The word without its longest English ending among the common inflections and
// derivations (-s, -es, -ies, -y, -e, -ed, -ing, -ion, -ic, -al, -ical,
// -ment…), when at least five letters are left; the word itself otherwise.
std::string_view english_stem(std::string_view word);

// Two different words of at least five letters with one stem.
bool same_word_form(std::string_view a, std::string_view b);

}  // namespace sekisho::match::detail
