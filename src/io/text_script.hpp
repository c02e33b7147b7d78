// Script detection for names: tells a Latin-script name from one written in
// Cyrillic, Arabic, Greek, Hebrew, CJK or Hangul, so parsers can mark names
// in their original script without a full Unicode library.
#pragma once

#include <string_view>

namespace sekisho {

// True when `text` (UTF-8) holds at least one letter outside the Latin blocks
// (code points U+0370–U+1FFF, U+3040–U+9FFF, U+AC00–U+D7AF). Punctuation
// such as curly quotes does not count.
bool has_non_latin_letters(std::string_view text);

}  // namespace sekisho
