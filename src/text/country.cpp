// Country names and codes to ISO 3166-1 alpha-2, so that a query's "RU" meets
// a list's "Russia", "Russian Federation" or "ロシア". Names come from ICU's
// locale data (every ISO region's display name in the languages sanctions
// lists are published in), plus the official long forms the UN and OFAC use
// that ICU does not give as display names.
#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>

#include "sekisho/text.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text {

namespace {

// Lower-case ASCII letters and single spaces; "Iran (Islamic Republic of)" → "iran islamic republic of".
std::string country_key(std::string_view name) {
  // ASCII needs no ICU pass, only lower case: listed values no table resolves
  // ("Kurdistan") come through here on every hit scored.
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string folded;
  if (ascii) {
    for (char c : name) folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  } else {
    folded = fold_to_ascii(name);
  }
  std::string key;
  for (char c : folded) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      key += c;
    } else if (!key.empty() && key.back() != ' ') {
      key += ' ';
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

// Non-Latin names are keyed as written (after case folding), Latin ones by their ASCII key.
std::string any_key(std::string_view name) {
  for (unsigned char c : name) {
    if (c >= 0x80) {
      icu::UnicodeString u =
          icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
      u.foldCase();
      u.trim();
      std::string out;
      u.toUTF8String(out);
      // Mixed text such as "Côte d'Ivoire" folds to ASCII cleanly; scripts that do not are kept
      // (and skip the fold, an ICU transliteration: katakana words reach here from every gloss).
      if (detect_script(out) != Script::kLatin) return out;
      std::string ascii = country_key(name);
      return ascii.empty() ? out : ascii;
    }
  }
  return country_key(name);
}

// Official forms in list data that are not ICU display names.
constexpr std::pair<const char*, const char*> kLongForms[] = {
    {"russian federation", "RU"},
    {"iran islamic republic of", "IR"},
    {"islamic republic of iran", "IR"},
    {"democratic people s republic of korea", "KP"},
    {"korea democratic people s republic of", "KP"},
    {"korea north", "KP"},
    {"dprk", "KP"},
    {"republic of korea", "KR"},
    {"korea republic of", "KR"},
    {"korea south", "KR"},
    {"syrian arab republic", "SY"},
    {"burma", "MM"},
    {"lao people s democratic republic", "LA"},
    {"libyan arab jamahiriya", "LY"},
    {"united republic of tanzania", "TZ"},
    {"venezuela bolivarian republic of", "VE"},
    {"bolivarian republic of venezuela", "VE"},
    {"bolivia plurinational state of", "BO"},
    {"republic of moldova", "MD"},
    {"moldova republic of", "MD"},
    {"congo democratic republic of the", "CD"},
    {"democratic republic of the congo", "CD"},
    {"republic of the congo", "CG"},
    {"viet nam", "VN"},
    {"turkiye", "TR"},
    {"united states of america", "US"},
    {"usa", "US"},
    {"united kingdom of great britain and northern ireland", "GB"},
    {"great britain", "GB"},
    {"uk", "GB"},
    {"czech republic", "CZ"},
    {"ivory coast", "CI"},
    {"cape verde", "CV"},
    {"swaziland", "SZ"},
    {"macedonia", "MK"},
    {"the former yugoslav republic of macedonia", "MK"},
    {"palestinian territories", "PS"},
    {"state of palestine", "PS"},
    {"holy see", "VA"},
};

// The languages of the lists sekisho reads (English first: it wins any clash).
constexpr const char* kDisplayLocales[] = {"en", "fr", "de", "es", "ru", "ar", "ja", "zh", "uk"};

struct CountryTables {
  std::unordered_map<std::string, std::string> by_name;    // key (any_key) → code
  std::unordered_map<std::string, std::string> by_alpha3;  // "RUS" → "RU"
  std::unordered_map<std::string, std::string> by_alpha2;  // "RU" → "RU", "UK" → "GB"
};

const CountryTables& tables() {
  static const CountryTables t = [] {
    CountryTables t;
    for (const char* const* region = icu::Locale::getISOCountries(); *region != nullptr; ++region) {
      const std::string code(*region);
      const icu::Locale place("", *region);
      t.by_alpha2.emplace(code, code);
      t.by_alpha3.emplace(place.getISO3Country(), code);
      for (const char* language : kDisplayLocales) {
        icu::UnicodeString display;
        place.getDisplayCountry(icu::Locale(language), display);
        std::string utf8;
        display.toUTF8String(utf8);
        if (utf8.empty() || utf8 == code) continue;  // no name in this language
        t.by_name.emplace(any_key(utf8), code);
      }
    }
    t.by_alpha2.emplace("UK", "GB");  // not ISO, but what people write
    for (const auto& [name, code] : kLongForms) t.by_name.emplace(name, code);
    return t;
  }();
  return t;
}

}  // namespace

std::string country_code(std::string_view name_or_code) {
  std::string_view s = name_or_code;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty()) return {};
  const CountryTables& t = tables();
  if (s.size() <= 3 &&
      std::all_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
    std::string upper;
    for (char c : s) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto& codes = s.size() == 2 ? t.by_alpha2 : t.by_alpha3;
    if (auto it = codes.find(upper); it != codes.end()) return it->second;
    if (s.size() == 2) return {};  // two letters that are no region
  }
  auto it = t.by_name.find(any_key(s));
  return it == t.by_name.end() ? std::string() : it->second;
}

namespace detail {

std::string country_english_name(std::string_view code) {
  if (code.empty()) return {};
  const icu::Locale place("", std::string(code).c_str());
  icu::UnicodeString display;
  place.getDisplayCountry(icu::Locale::getEnglish(), display);
  std::string utf8;
  display.toUTF8String(utf8);
  if (utf8 == code) return {};
  // "Myanmar (Burma)", "Congo - Kinshasa": the name before any qualifier.
  utf8 = utf8.substr(0, std::min(utf8.find(" ("), utf8.find(" - ")));
  return country_key(utf8);
}

}  // namespace detail

}  // namespace sekisho::text
