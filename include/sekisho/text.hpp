// sekisho/text.hpp — turns a raw name, in any script, into what the matcher compares.
//
// A sanctions list writes "Захарова Мария Владимировна", "Zakharova Mariya", "Zaharova Maria" and
// "Sacharowa" for one person, and "上川陽子" for "Kamikawa Yoko". The text part normalises a name
// (NFKC, case folding, diacritics, punctuation), recognises the script of each token, strips legal
// forms ("ООО", "GmbH", "株式会社" → one class token such as LLC) and titles ("Dr", "Sheikh"), and
// transliterates the rest into several Latin ASCII spellings: one per romanisation scheme that real
// lists use (BGN/PCGN, ICAO passport, ISO 9/GOST, German, French, Polivanov for Japanese names in
// Cyrillic; Hepburn, wāpuro and Kunrei for kana; every ENAMDICT reading for kanji names). The
// matcher compares each variant of a query with each variant of an indexed name.
//
// The pipeline's pieces (normalisation, script detection, the Cyrillic schemes, Japanese readings
// and glosses, legal forms and titles) are internal: src/text/.
//
// Cost model: analyze_name() is done once per indexed name and once per query, never per
// comparison (a transliteration costs ~10 µs, a cached Jaro-Winkler ~80 ns).
//
//   using namespace sekisho::text;
//   NameForms forms = analyze_name("ООО Ромашка", {});
//   // forms.variants            == {"romashka", ...}   (first = best)
//   // forms.legal_form_classes  == {"LLC"}
//   // forms.script              == Script::kCyrillic
//   NameForms jp = analyze_name("上川陽子", {});
//   // jp.variants contains "kamikawa yoko", "uekawa yoko", "kamikawa youko", ...
//
// Thread safety: every function here may be called from many threads at once. ICU
// transliterators and MeCab taggers are not thread-safe and costly to create (~26 ms), so each
// thread keeps its own, created on first use and reused for its lifetime. Dictionaries (ENAMDICT,
// EDICT, iuliia tables, legal forms, stopwords) are loaded once, lazily, into immutable tables
// shared by all threads without locks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sekisho/script.hpp"
#include "sekisho/status.hpp"

namespace sekisho::text {

// ---------------------------------------------------------------------------------------------
// Scripts and countries
// ---------------------------------------------------------------------------------------------

// The scripts names come in (sekisho/script.hpp), named here as the pipeline has always named them.
using ::sekisho::Script;
using ::sekisho::script_name;

// ISO 3166-1 alpha-2 code (upper case) of a country written as a code ("ru", "RUS", "UK") or a
// name in any of the lists' languages ("Russia", "Russian Federation", "Russie", "ロシア",
// "Korea, North"); "" when it names no country sekisho knows.
std::string country_code(std::string_view name_or_code);

// ---------------------------------------------------------------------------------------------
// Transliteration
// ---------------------------------------------------------------------------------------------

// A romanisation table in the iuliia JSON format: a letter mapping plus context rules keyed by
// (previous letter, letter), (letter, next letter) and word endings, tried in that order:
// ending, prev, next, plain mapping. Immutable once built; safe to share between threads.
class TranslitTable {
 public:
  struct Sample {
    std::string source;
    std::string expected;
  };

  // Parses one iuliia scheme file; errors name the file and the field.
  static Result<TranslitTable> load_iuliia_file(const std::string& path);

  TranslitTable(const TranslitTable& other);
  TranslitTable(TranslitTable&& other) noexcept;
  TranslitTable& operator=(const TranslitTable& other);
  TranslitTable& operator=(TranslitTable&& other) noexcept;
  ~TranslitTable();

  const std::string& name() const;
  const std::vector<Sample>& samples() const;
  // Lower-cased romanisation of `text` (words = runs of letters/digits; rest passes through).
  std::string apply(std::string_view text_utf8) const;

  // The rules (src/text/translit_table.hpp), built by the iuliia loader and, with the same
  // engine, by the built-in schemes.
  struct Impl;
  explicit TranslitTable(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

// Loads every *.json scheme of an iuliia directory, sorted by name. An unreadable or malformed
// file fails the whole load (never a half result).
Result<std::vector<TranslitTable>> load_iuliia_dir(const std::string& dir);

// ---------------------------------------------------------------------------------------------
// The whole pipeline
// ---------------------------------------------------------------------------------------------

enum class PartyKind : uint8_t { kUnknown, kPerson, kOrganization };
enum class HanReading : uint8_t {
  kAuto,      // Japanese when kana is present or ENAMDICT knows the words, else Chinese first
  kJapanese,  // MeCab + ENAMDICT only
  kChinese,   // pinyin (ICU Han-Latin/Names) only
};

struct AnalyzeOptions {
  size_t max_variants = 16;              // cap on variants (the gloss variant is counted)
  PartyKind kind = PartyKind::kUnknown;  // kPerson skips legal forms; kOrganization skips titles
  HanReading han_reading = HanReading::kAuto;
  bool japanese_gloss = true;         // add an English gloss variant for Japanese org names
  bool strip_legal_forms = true;      // move legal forms out of the variants into classes
  bool strip_titles = true;           // drop leading titles/honorifics (kept if all tokens are)
  bool extra_iuliia_schemes = false;  // also apply every loaded iuliia table to Cyrillic
};

enum class VariantSource : uint8_t {
  kLatin,    // the name itself, folded to ASCII
  kScheme,   // a romanisation scheme (see scheme)
  kReading,  // a Japanese reading (MeCab/ENAMDICT) or pinyin
  kGloss,    // an English gloss of a Japanese organisation name
};

struct NameForms {
  // Each a normalised, space-separated, lower-case Latin ASCII token string; first = best;
  // deduplicated; deterministic order; at most AnalyzeOptions::max_variants.
  std::vector<std::string> variants;
  std::vector<VariantSource> sources;           // parallel to variants
  std::vector<std::string> schemes;             // parallel to variants: "bgn_pcgn", "hepburn", "icu:Greek-Latin", ...
  std::vector<std::string> legal_form_classes;  // sorted, unique: {"LLC"}
  std::vector<std::string> titles;              // removed titles, normalised
  std::string skeleton;                         // consonant_skeleton(variants[0]) ("" when none)
  std::string normalized;                       // normalize(raw).text(), original script
  Script script = Script::kNone;
};

// Whether a variant of that scheme (NameForms::schemes) comes from a script that writes l and r
// alike (Japanese kana and kanji readings, Hangul), so its r may stand for an l.
bool r_may_be_l(std::string_view scheme);

// The most of one name the pipeline reads: the longest names on the lists are a
// quarter of either bound. Queries over them are refused at every entry
// (check_query_name in screen.hpp); a listed name over them is analysed by its
// first words, so that no name, however written, costs more than a bounded
// amount of work or stack.
inline constexpr size_t kMaxNameBytes = 1024;
inline constexpr size_t kMaxNameWords = 64;

// `raw` cut to at most kMaxNameBytes (at a character boundary) and kMaxNameWords
// whitespace-separated words; `raw` itself when within both.
std::string_view bounded_name(std::string_view raw);

// The full pipeline above, on bounded_name(raw). Never fails: an empty or
// symbol-only name gives no variants.
NameForms analyze_name(std::string_view raw, const AnalyzeOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------

struct TextResourcePaths {
  // Holds translit/iuliia/ and rigour/; "" = none, the built-in tables only. The library reads
  // no environment: the CLI passes $SEKISHO_SHARED_DATA or the clone's ../shared/data.
  std::string shared_data;
  std::string enamdict = "/usr/share/edict/enamdict";  // EUC-JP
  std::string edict = "/usr/share/edict/edict";        // EUC-JP
};

// Sets where resources come from and loads the small ones (rigour YAML, iuliia tables) now,
// reporting errors (file, line, field). Optional: without it, the first use loads them from the
// defaults and falls back to the built-in tables on error. Call before any other function of this
// header runs concurrently; later calls fail with kInvalidArgument once resources are in use.
Status init_text_resources(const TextResourcePaths& paths);
// Sets where resources come from without loading anything: each loads on first use, falling
// back to the built-in tables on error. The same ordering rule as init_text_resources.
Status set_text_resource_paths(const TextResourcePaths& paths);

// Loads ENAMDICT and EDICT now (else on first kanji); they take ~1 s and ~60 MB.
Status preload_japanese_dictionaries();

}  // namespace sekisho::text
