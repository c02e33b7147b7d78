// Transliteration: ICU transforms, the built-in Cyrillic schemes and the iuliia tables
// loaded from shared data (internal to the text part and the parts above it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sekisho/status.hpp"
#include "sekisho/text.hpp"

namespace sekisho::text {

// Runs an ICU transform by id ("Greek-Latin", "Arabic-Latin", "Han-Latin/Names", ...), using a
// transliterator cached for the calling thread. Fails only for an unknown id.
Result<std::string> icu_transform(std::string_view text_utf8, std::string_view icu_id);

// Built-in Cyrillic romanisations (tables written for sekisho; they work without shared data).
enum class CyrillicScheme : uint8_t {
  kBgnPcgn,    // BGN/PCGN 1947: Zakharova Mariya, Yelena; the US/UK lists' usual spelling
  kIcao9303,   // ICAO Doc 9303 (Russian passports since 2013): Mariia, Iulia, Aleksei
  kIso9,       // ISO 9:1995 = GOST 7.79 System A, folded to ASCII: Zaharova Maria
  kGerman,     // German press (Duden): Sacharowa, Wladimir, Juri, Schukow
  kFrench,     // French press: Poutine, Zakharova, Iouri, Gorbatchev
  kPolivanov,  // Russian spelling of Japanese names: Кисида → Kishida, Хаяси → Hayashi
  kUkrainian,  // Ukrainian national 2010 (and Belarusian ў): Зеленський → Zelenskyi, г → h
};
std::string_view cyrillic_scheme_name(CyrillicScheme scheme);
inline constexpr CyrillicScheme kAllCyrillicSchemes[] = {
    CyrillicScheme::kBgnPcgn, CyrillicScheme::kIcao9303,  CyrillicScheme::kIso9,     CyrillicScheme::kGerman,
    CyrillicScheme::kFrench,  CyrillicScheme::kPolivanov, CyrillicScheme::kUkrainian};

// Romanises Cyrillic letters of `text` (lower-cased result; other characters pass through).
std::string transliterate_cyrillic(std::string_view text_utf8, CyrillicScheme scheme);

// The iuliia tables loaded from shared data (empty when the directory is absent).
const std::vector<TranslitTable>& iuliia_tables();

}  // namespace sekisho::text
