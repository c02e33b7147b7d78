// Script detection: the one detector of the library, over ICU's Unicode script property
// (uscript_getScript), so that a list parser marking a name as written in its original script
// and the text pipeline choosing a transliteration agree on what a letter is.
//
//   detect_script("株式会社トヨタ") == Script::kKatakana
//   has_non_latin_letters("Nguyễn Văn An") == false   (Vietnamese is Latin)
#pragma once

#include <unicode/uscript.h>

#include <string_view>

#include "sekisho/script.hpp"

namespace sekisho {

// The script of one code point; kNone for what Unicode gives to every script (digits,
// punctuation, combining marks), except the prolonged sound mark ー, which kana alone uses.
Script script_of(char32_t code_point);

// The dominant script of a token (UTF-8): the script most of its letters have, except that kana
// decides a word mixing Han and kana (株式会社トヨタ, 山田たろう): Katakana first, then Hiragana.
Script detect_script(std::string_view token_utf8);

// ICU's code for the script of the first letter that has one of its own (USCRIPT_COMMON when
// none does): finer than Script, for the transliterations ICU keeps per script (Bengali, Thai, …).
UScriptCode first_icu_script(std::string_view text_utf8);

// True when `text` (UTF-8) holds at least one letter of a script other than Latin. Punctuation
// such as curly quotes, digits and combining marks do not count.
bool has_non_latin_letters(std::string_view text);

}  // namespace sekisho
