// phonetic/ — how a Latin name token sounds and which word it is a form of: keys
// the index looks candidates up by and the comparer scores a pair by, so that
// both meet the same spellings.
//
//   using namespace sekisho::phonetic;
//   stem_hash("institute") == stem_hash("institution");  // one English word
//
// Inputs are lower-case ASCII tokens (the text pipeline's output). Every
// function is pure and safe to call from many threads.
#pragma once

#include <cstdint>
#include <string_view>

namespace sekisho::phonetic {

// English word forms of one stem (institute / institution, technology / technologies,
// economy / economic): a Japanese name glossed word by word through a dictionary
// (学術研究所 → "scientific research institute") names the organisation its English
// entry calls an "institution".
//
// The word without its longest English ending among the common inflections and
// derivations (-s, -es, -ies, -y, -e, -ed, -ing, -ion, -ic, -al, -ical,
// -ment…), when at least five letters are left; the word itself otherwise.
std::string_view english_stem(std::string_view word);

// A hash of english_stem(word) for a word of five letters or more, else 0: two different
// words with equal nonzero hashes are forms of one word, as far as a 64-bit hash tells.
uint64_t stem_hash(std::string_view word);

}  // namespace sekisho::phonetic
