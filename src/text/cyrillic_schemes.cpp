// Built-in Cyrillic romanisations, written for sekisho from the published schemes so that the
// engine works without shared data. They run on the same engine as the iuliia tables
// (translit_table.cpp): ending rule, then previous-letter rule, then next-letter rule, then the
// plain letter. Outputs are ASCII: BGN's ë and apostrophes are dropped, as US/UK lists do.
#include <array>
#include <deque>
#include <mutex>

#include "sekisho/text.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text {

namespace {

using Rule = TranslitTable::Impl::Rule;
using Rules = TranslitTable::Impl::Rules;

// Letters that every scheme here romanises alike.
const std::vector<Rule> kShared = {
    {"а", "a"},
    {"б", "b"},
    {"д", "d"},
    {"з", "z"},
    {"к", "k"},
    {"л", "l"},
    {"м", "m"},
    {"н", "n"},
    {"о", "o"},
    {"п", "p"},
    {"р", "r"},
    {"т", "t"},
    {"ф", "f"},
    {"ъ", ""},
    {"ь", ""},
    {"ґ", "g"},
    {"і", "i"},
    // The letters other Cyrillic alphabets add, as their own romanisations and the passports of
    // those countries write them: Serbian and Macedonian, Kazakh, Kyrgyz, Tajik, Uzbek, Tatar,
    // Bashkir, Chuvash, Mongolian. Without them a Kazakh or Serbian name lost letters
    // ("Тоқаев" read as "to aev").
    {"ђ", "dj"},
    {"ј", "j"},
    {"љ", "lj"},
    {"њ", "nj"},
    {"ћ", "c"},
    {"џ", "dz"},
    {"ѓ", "gj"},
    {"ќ", "kj"},
    {"ѕ", "dz"},
    {"ә", "a"},
    {"ғ", "g"},
    {"қ", "k"},
    {"ң", "ng"},
    {"ө", "o"},
    {"ұ", "u"},
    {"ү", "u"},
    {"һ", "h"},
    {"ӣ", "i"},
    {"ӯ", "u"},
    {"ҳ", "h"},
    {"ҷ", "j"},
    {"җ", "zh"},
    {"ҙ", "z"},
    {"ҫ", "s"},
    {"ӑ", "a"},
    {"ӗ", "e"},
    {"ӳ", "u"},
    {"ҡ", "k"},
    {"ӊ", "ng"},
};

std::vector<Rule> with_shared(std::vector<Rule> own) {
  // Scheme-specific entries come last and so win (build() assigns in order).
  std::vector<Rule> all = kShared;
  all.insert(all.end(), own.begin(), own.end());
  return all;
}

// "ye" at the start of a word and after a vowel or a sign: BGN, German "je", Ukrainian "ye".
std::vector<Rule> iotated_after_vowels(std::string_view letter, std::string_view value) {
  static const std::array<std::string_view, 13> kBefore = {"а", "е", "ё", "и", "о", "у", "ы",
                                                           "э", "ю", "я", "ъ", "ь", "й"};
  // Keys live for the program; a deque never moves its elements. Only called under call_once.
  static std::deque<std::string> storage;
  std::vector<Rule> rules;
  storage.emplace_back(letter);
  rules.push_back({storage.back(), value});
  for (auto v : kBefore) {
    storage.push_back(std::string(v) + std::string(letter));
    rules.push_back({storage.back(), value});
  }
  return rules;
}

std::vector<Rule> concat(std::initializer_list<std::vector<Rule>> parts) {
  std::vector<Rule> out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

Rules bgn_pcgn() {
  return {"bgn_pcgn",
          with_shared({{"в", "v"}, {"г", "g"}, {"е", "e"},  {"ё", "e"},  {"ж", "zh"}, {"и", "i"},  {"й", "y"},
                       {"с", "s"}, {"у", "u"}, {"х", "kh"}, {"ц", "ts"}, {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"},
                       {"ы", "y"}, {"э", "e"}, {"ю", "yu"}, {"я", "ya"}, {"ї", "yi"}, {"є", "ye"}, {"ў", "w"}}),
          concat({iotated_after_vowels("е", "ye"), iotated_after_vowels("ё", "ye")}),
          {},
          {}};
}

Rules icao_9303() {
  return {"icao_doc_9303",
          with_shared({{"в", "v"},  {"г", "g"},    {"е", "e"},  {"ё", "e"},  {"ж", "zh"}, {"и", "i"},
                       {"й", "i"},  {"с", "s"},    {"у", "u"},  {"х", "kh"}, {"ц", "ts"}, {"ч", "ch"},
                       {"ш", "sh"}, {"щ", "shch"}, {"ъ", "ie"}, {"ы", "y"},  {"э", "e"},  {"ю", "iu"},
                       {"я", "ia"}, {"ї", "i"},    {"є", "ie"}, {"ў", "u"}}),
          {},
          {},
          {}};
}

// ISO 9:1995 (GOST 7.79-2000 A) with its diacritics folded: ž→z, č→c, š→s, ŝ→s, û→u, â→a.
Rules iso9() {
  return {"iso_9",
          with_shared({{"в", "v"}, {"г", "g"}, {"е", "e"}, {"ё", "e"}, {"ж", "z"}, {"и", "i"}, {"й", "j"},
                       {"с", "s"}, {"у", "u"}, {"х", "h"}, {"ц", "c"}, {"ч", "c"}, {"ш", "s"}, {"щ", "s"},
                       {"ы", "y"}, {"э", "e"}, {"ю", "u"}, {"я", "a"}, {"ї", "i"}, {"є", "e"}, {"ў", "u"}}),
          {},
          {},
          {}};
}

// German press usage (Duden): Sacharowa, Wladimir, Schukow, Juri, Gorbatschow.
Rules german() {
  return {"german",
          with_shared({{"в", "w"},    {"г", "g"},   {"е", "e"},       {"ё", "jo"}, {"ж", "sch"}, {"з", "s"},
                       {"и", "i"},    {"й", "i"},   {"с", "s"},       {"у", "u"},  {"х", "ch"},  {"ц", "z"},
                       {"ч", "tsch"}, {"ш", "sch"}, {"щ", "schtsch"}, {"ы", "y"},  {"э", "e"},   {"ю", "ju"},
                       {"я", "ja"},   {"ї", "ji"},  {"є", "je"},      {"ў", "w"}}),
          concat({iotated_after_vowels("е", "je"),
                  {{"й", "j"}, {"кс", "x"}, {"жё", "o"}, {"чё", "o"}, {"шё", "o"}, {"щё", "o"}}}),
          {{"кс", ""}, {"ьо", "j"}},
          {{"ий", "i"}, {"ый", "y"}}};
}

// French press usage: Poutine, Iouri, Gorbatchev, Evgueni, Maria, Alexandre.
Rules french() {
  return {"french",
          with_shared({{"в", "v"}, {"г", "g"},  {"е", "e"},   {"ё", "io"}, {"ж", "j"},   {"и", "i"},  {"й", "i"},
                       {"с", "s"}, {"у", "ou"}, {"х", "kh"},  {"ц", "ts"}, {"ч", "tch"}, {"ш", "ch"}, {"щ", "chtch"},
                       {"ы", "y"}, {"э", "e"},  {"ю", "iou"}, {"я", "ia"}, {"ї", "i"},   {"є", "ie"}, {"ў", "ou"}}),
          {{"ье", "ie"}, {"кс", "x"}, {"ия", "a"}, {"жё", "o"}, {"чё", "o"}, {"шё", "o"}, {"щё", "o"}},
          {{"ге", "gu"}, {"ги", "gu"}, {"гы", "gu"}, {"кс", ""}},
          {{"ин", "ine"}, {"ий", "i"}, {"ый", "y"}}};
}

// Polivanov: how Russian spells Japanese names. Кисида → Kishida, Хаяси → Hayashi,
// Тикамацу → Chikamatsu, Дзюнъитиро → Jun'ichiro (дз = z/j).
Rules polivanov() {
  return {
      "polivanov",
      with_shared({{"в", "v"}, {"г", "g"},  {"е", "e"},  {"ё", "yo"}, {"ж", "j"},  {"и", "i"},  {"й", "i"},  {"л", "r"},
                   {"с", "s"}, {"у", "u"},  {"х", "h"},  {"ц", "ts"}, {"ч", "ch"}, {"ш", "sh"}, {"щ", "sh"}, {"ы", "y"},
                   {"э", "e"}, {"ю", "yu"}, {"я", "ya"}, {"ї", "i"},  {"є", "e"},  {"ў", "u"}}),
      // The letter after с/т/дз carries the palatal: си = shi, тя = cha, дзю = ju.
      {{"си", "i"},
       {"ся", "a"},
       {"сю", "u"},
       {"сё", "o"},
       {"ти", "i"},
       {"тя", "a"},
       {"тю", "u"},
       {"тё", "o"},
       {"дз", "z"},
       {"зи", "i"},
       {"зя", "a"},
       {"зю", "u"},
       {"зё", "o"}},
      {{"си", "sh"},
       {"ся", "sh"},
       {"сю", "sh"},
       {"сё", "sh"},
       {"ти", "ch"},
       {"тя", "ch"},
       {"тю", "ch"},
       {"тё", "ch"},
       {"дз", ""},
       {"зи", "j"},
       {"зя", "j"},
       {"зю", "j"},
       {"зё", "j"},
       {"ва", "w"}},
      {}};
}

// Ukrainian national romanisation (2010): Зеленський → Zelenskyi, Київ → Kyiv, г → h.
Rules ukrainian() {
  return {"ukrainian",
          with_shared({{"в", "v"}, {"г", "h"}, {"е", "e"},  {"ё", "io"}, {"ж", "zh"}, {"и", "y"},  {"й", "i"},
                       {"с", "s"}, {"у", "u"}, {"х", "kh"}, {"ц", "ts"}, {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"},
                       {"ы", "y"}, {"э", "e"}, {"ю", "iu"}, {"я", "ia"}, {"ї", "i"},  {"є", "ie"}, {"ў", "u"}}),
          {{"є", "ye"}, {"ї", "yi"}, {"й", "y"}, {"ю", "yu"}, {"я", "ya"}, {"зг", "gh"}},
          {},
          {}};
}

}  // namespace

std::string_view cyrillic_scheme_name(CyrillicScheme scheme) {
  switch (scheme) {
    case CyrillicScheme::kBgnPcgn:
      return "bgn_pcgn";
    case CyrillicScheme::kIcao9303:
      return "icao_doc_9303";
    case CyrillicScheme::kIso9:
      return "iso_9";
    case CyrillicScheme::kGerman:
      return "german";
    case CyrillicScheme::kFrench:
      return "french";
    case CyrillicScheme::kPolivanov:
      return "polivanov";
    case CyrillicScheme::kUkrainian:
      return "ukrainian";
  }
  return "unknown";
}

namespace detail {

const TranslitTable& builtin_cyrillic_table(CyrillicScheme scheme) {
  static std::once_flag once;
  static std::vector<TranslitTable> tables;
  std::call_once(once, [] {
    for (const Rules& r : {bgn_pcgn(), icao_9303(), iso9(), german(), french(), polivanov(), ukrainian()}) {
      tables.push_back(TranslitTable::Impl::build(r));
    }
  });
  return tables[static_cast<size_t>(scheme)];
}

}  // namespace detail

std::string transliterate_cyrillic(std::string_view text, CyrillicScheme scheme) {
  return detail::builtin_cyrillic_table(scheme).apply(text);
}

}  // namespace sekisho::text
