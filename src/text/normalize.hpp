// Normalisation of a raw name into tokens with their scripts, and the ASCII folds the
// pipeline builds its variants from (internal to the text part and the parts above it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/text_script.hpp"
#include "sekisho/text.hpp"

namespace sekisho::text {

struct NormalizedToken {
  std::string text;      // NFKC + case folded + diacritics stripped (comparison form)
  std::string accented;  // NFKC + case folded, diacritics kept
  Script script = Script::kNone;
};

struct NormalizedName {
  std::vector<NormalizedToken> tokens;
  Script script = Script::kNone;  // the tokens' common script, kMixed, or kNone
  std::string text() const;       // tokens' comparison forms joined by one space
  std::string accented() const;   // tokens' accented forms joined by one space
};

// NFKC + full case folding; punctuation, symbols and separators (incl. "・", "＝", "-", "'", ".")
// become token boundaries; each token gets its script. Invalid UTF-8 bytes are dropped.
NormalizedName normalize(std::string_view raw);

// The dominant script of a token: the library's one detector (io/text_script.hpp).
using ::sekisho::detect_script;

// Removes combining marks after NFD, then drops what is still not ASCII by ICU Latin-ASCII and
// folds the ayin/hamza letters ʿ ʾ ʻ ʼ. Input should be Latin; output is lower-case ASCII.
std::string fold_to_ascii(std::string_view latin_utf8);

// Vowel-insensitive consonant skeleton of a Latin ASCII string, for unvocalised scripts
// (Arabic, Hebrew): drops a e i o u y w, maps q→k, collapses repeated letters.
// "mohamed ali" and "mhmd ly" both give "mhmd l".
std::string consonant_skeleton(std::string_view ascii);

}  // namespace sekisho::text
