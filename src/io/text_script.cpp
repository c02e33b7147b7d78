#include "io/text_script.hpp"

#include <array>

#include "io/utf8.hpp"

namespace sekisho {

std::string_view script_name(Script script) {
  switch (script) {
    case Script::kNone:
      return "none";
    case Script::kLatin:
      return "latin";
    case Script::kCyrillic:
      return "cyrillic";
    case Script::kGreek:
      return "greek";
    case Script::kArabic:
      return "arabic";
    case Script::kHebrew:
      return "hebrew";
    case Script::kArmenian:
      return "armenian";
    case Script::kGeorgian:
      return "georgian";
    case Script::kHan:
      return "han";
    case Script::kHiragana:
      return "hiragana";
    case Script::kKatakana:
      return "katakana";
    case Script::kHangul:
      return "hangul";
    case Script::kOther:
      return "other";
    case Script::kMixed:
      return "mixed";
  }
  return "other";
}

Script script_of(char32_t cp) {
  if (cp == 0x30FC) return Script::kKatakana;  // ー is "Common" in Unicode but belongs to kana
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(static_cast<UChar32>(cp), &status)) {
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_CYRILLIC:
      return Script::kCyrillic;
    case USCRIPT_GREEK:
      return Script::kGreek;
    case USCRIPT_ARABIC:
      return Script::kArabic;
    case USCRIPT_HEBREW:
      return Script::kHebrew;
    case USCRIPT_ARMENIAN:
      return Script::kArmenian;
    case USCRIPT_GEORGIAN:
      return Script::kGeorgian;
    case USCRIPT_HAN:
      return Script::kHan;
    case USCRIPT_HIRAGANA:
      return Script::kHiragana;
    case USCRIPT_KATAKANA:
      return Script::kKatakana;
    case USCRIPT_HANGUL:
      return Script::kHangul;
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
      return Script::kNone;
    default:
      return Script::kOther;
  }
}

Script detect_script(std::string_view token) {
  std::array<int, 16> counts{};
  size_t pos = 0;
  while (pos < token.size()) {
    const Script s = script_of(next_code_point(token, pos));
    if (s != Script::kNone) ++counts[static_cast<size_t>(s)];
  }
  if (counts[static_cast<size_t>(Script::kKatakana)] > 0) return Script::kKatakana;
  if (counts[static_cast<size_t>(Script::kHiragana)] > 0) return Script::kHiragana;
  Script best = Script::kNone;
  int best_count = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] > best_count) {
      best_count = counts[i];
      best = static_cast<Script>(i);
    }
  }
  return best;
}

UScriptCode first_icu_script(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode code = uscript_getScript(static_cast<UChar32>(next_code_point(text, pos)), &status);
    if (U_SUCCESS(status) && code != USCRIPT_COMMON && code != USCRIPT_INHERITED) return code;
  }
  return USCRIPT_COMMON;
}

bool has_non_latin_letters(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const Script s = script_of(next_code_point(text, pos));
    if (s != Script::kNone && s != Script::kLatin) return true;
  }
  return false;
}

}  // namespace sekisho
