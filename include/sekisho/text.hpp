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

#include <cstdint>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "sekisho/status.hpp"

namespace sekisho::text {

// ---------------------------------------------------------------------------------------------
// Normalisation and scripts
// ---------------------------------------------------------------------------------------------

enum class Script : uint8_t {
  kNone,  // no letters (digits only, empty)
  kLatin,
  kCyrillic,
  kGreek,
  kArabic,
  kHebrew,
  kArmenian,
  kGeorgian,
  kHan,
  kHiragana,
  kKatakana,
  kHangul,
  kOther,
  kMixed,  // only for a whole name whose tokens have different scripts
};

std::string_view script_name(Script script);

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

// The dominant script of a token (Han/Hiragana/Katakana mixed in one token: the first of
// Katakana/Hiragana if any, else Han; the prolonged sound mark "ー" counts as Katakana).
Script detect_script(std::string_view token_utf8);

// Removes combining marks after NFD, then drops what is still not ASCII by ICU Latin-ASCII and
// folds the ayin/hamza letters ʿ ʾ ʻ ʼ. Input should be Latin; output is lower-case ASCII.
std::string fold_to_ascii(std::string_view latin_utf8);

// ISO 3166-1 alpha-2 code (upper case) of a country written as a code ("ru", "RUS", "UK") or a
// name in any of the lists' languages ("Russia", "Russian Federation", "Russie", "ロシア",
// "Korea, North"); "" when it names no country sekisho knows.
std::string country_code(std::string_view name_or_code);

// Vowel-insensitive consonant skeleton of a Latin ASCII string, for unvocalised scripts
// (Arabic, Hebrew): drops a e i o u y w, maps q→k, collapses repeated letters.
// "mohamed ali" and "mhmd ly" both give "mhmd l".
std::string consonant_skeleton(std::string_view ascii);

// ---------------------------------------------------------------------------------------------
// Transliteration
// ---------------------------------------------------------------------------------------------

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
    CyrillicScheme::kBgnPcgn, CyrillicScheme::kIcao9303, CyrillicScheme::kIso9,
    CyrillicScheme::kGerman,  CyrillicScheme::kFrench,   CyrillicScheme::kPolivanov,
    CyrillicScheme::kUkrainian};

// Romanises Cyrillic letters of `text` (lower-cased result; other characters pass through).
std::string transliterate_cyrillic(std::string_view text_utf8, CyrillicScheme scheme);

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

  const std::string& name() const { return name_; }
  const std::vector<Sample>& samples() const { return samples_; }
  // Lower-cased romanisation of `text` (words = runs of letters/digits; rest passes through).
  std::string apply(std::string_view text_utf8) const;

 private:
  friend struct TranslitTableAccess;  // src/text builds the built-in tables with the same engine
  // Keys are one or two code points packed as (first << 32 | second); 0 stands for "no letter".
  std::string name_;
  std::unordered_map<uint64_t, std::string> mapping_;  // letter
  std::unordered_map<uint64_t, std::string> prev_;     // previous letter (or 0), letter
  std::unordered_map<uint64_t, std::string> next_;     // letter, next letter (or 0)
  std::unordered_map<uint64_t, std::string> ending_;   // last two letters of a word (len > 2)
  std::vector<Sample> samples_;
};

// Loads every *.json scheme of an iuliia directory, sorted by name. An unreadable or malformed
// file fails the whole load (never a half result).
Result<std::vector<TranslitTable>> load_iuliia_dir(const std::string& dir);

// ---------------------------------------------------------------------------------------------
// Japanese
// ---------------------------------------------------------------------------------------------

struct KanaOptions {
  // Foreign names written in katakana: the reduced forms without epenthetic vowels (アルグト
  // "aruguto" → "argut", ミロシェヴィッチ → "miroshevich") and their l-for-r forms come right
  // after plain Hepburn; false puts them after the Japanese styles (hiragana, kanji readings).
  bool foreign_reductions = true;
};

// Romanisations of a hiragana/katakana string, best first, deduplicated: Hepburn with long
// vowels dropped (yoko, putin), wāpuro (youko, puuchin), "oh" (yohko), Kunrei (si/ti/tu/hu/zi),
// m before b/m/p (shimbashi), ヴ as v and b, and the foreign reductions (see KanaOptions).
// Non-kana pass through.
std::vector<std::string> kana_to_hepburn_variants(std::string_view kana_utf8,
                                                  const KanaOptions& options = {});

enum class ReadingKind : uint8_t {
  kSurname = 1, kGiven = 2, kFemale = 4, kMale = 8, kPlace = 16, kCompany = 32,
  kOrganisation = 64, kOther = 128,
};
struct KanjiReading {
  std::string kana;    // the reading in hiragana/katakana as the dictionary gives it
  std::string romaji;  // best Hepburn form of `kana`, lower-case ASCII
  uint8_t kinds = 0;   // ReadingKind bits from ENAMDICT; 0 for MeCab's own reading
};

// Every known reading of one kanji word (surname or given name): MeCab's reading first when it
// has one, then each ENAMDICT entry in dictionary order. 上川 → kamikawa, uekawa, uegawa, ...
std::vector<KanjiReading> kanji_readings(std::string_view word_utf8);

struct JapaneseSegment {
  std::string surface;
  std::string reading_kana;  // MeCab's reading (katakana); empty when unknown
  bool proper_noun = false;
  bool person_name = false;  // MeCab tagged 人名
};
// MeCab segmentation (ipadic) of a Japanese string; one tagger per thread.
Result<std::vector<JapaneseSegment>> segment_japanese(std::string_view text_utf8);

// English gloss of a Japanese organisation name, word by word, from EDICT plus a small built-in
// vocabulary of administrative words: 連邦保安庁 → "federal national security board".
// Empty when no segment has a gloss.
std::string japanese_gloss(std::string_view text_utf8);

// ---------------------------------------------------------------------------------------------
// Legal forms, titles, name parts
// ---------------------------------------------------------------------------------------------

struct LegalFormHit {
  size_t first_token = 0;  // token range [first_token, first_token + token_count)
  size_t token_count = 0;
  std::string form_class;  // "LLC", "JSC", "LTD", "CORP", "GMBH" ... (rigour's generic when known)
};
// Legal forms found in normalised tokens (any script; CJK forms also as a prefix/suffix of a
// token, e.g. "株式会社トヨタ"). Longest match wins; hits do not overlap.
std::vector<LegalFormHit> find_legal_forms(const NormalizedName& name);

// True when the (normalised) token is a person title/honorific: mr, dr, sheikh, haji, general...
bool is_person_title(std::string_view normalized_token);

// Word order helpers for person names (tokens are space-separated).
std::vector<std::string> split_name_parts(std::string_view variant);
std::string swap_first_last(std::string_view variant);  // "kamikawa yoko" → "yoko kamikawa"

// ---------------------------------------------------------------------------------------------
// The whole pipeline
// ---------------------------------------------------------------------------------------------

enum class NameKind : uint8_t { kUnknown, kPerson, kOrganisation };
enum class HanReading : uint8_t {
  kAuto,      // Japanese when kana is present or ENAMDICT knows the words, else Chinese first
  kJapanese,  // MeCab + ENAMDICT only
  kChinese,   // pinyin (ICU Han-Latin/Names) only
};

struct AnalyzeOptions {
  size_t max_variants = 16;              // cap on variants (the gloss variant is counted)
  NameKind kind = NameKind::kUnknown;    // kPerson skips legal forms; kOrganisation skips titles
  HanReading han_reading = HanReading::kAuto;
  bool japanese_gloss = true;            // add an English gloss variant for Japanese org names
  bool strip_legal_forms = true;         // move legal forms out of the variants into classes
  bool strip_titles = true;              // drop leading titles/honorifics (kept if all tokens are)
  bool extra_iuliia_schemes = false;     // also apply every loaded iuliia table to Cyrillic
};

enum class VariantSource : uint8_t {
  kLatin,          // the name itself, folded to ASCII
  kScheme,         // a romanisation scheme (see scheme)
  kReading,        // a Japanese reading (MeCab/ENAMDICT) or pinyin
  kGloss,          // an English gloss of a Japanese organisation name
};

struct NameForms {
  // Each a normalised, space-separated, lower-case Latin ASCII token string; first = best;
  // deduplicated; deterministic order; at most AnalyzeOptions::max_variants.
  std::vector<std::string> variants;
  std::vector<VariantSource> sources;      // parallel to variants
  std::vector<std::string> schemes;        // parallel to variants: "bgn_pcgn", "hepburn", "icu:Greek-Latin", ...
  std::vector<std::string> legal_form_classes;  // sorted, unique: {"LLC"}
  std::vector<std::string> titles;         // removed titles, normalised
  std::string skeleton;                    // consonant_skeleton(variants[0]) ("" when none)
  std::string normalized;                  // normalize(raw).text(), original script
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

// The iuliia tables loaded from shared data (empty when the directory is absent).
const std::vector<TranslitTable>& iuliia_tables();
// Loads ENAMDICT and EDICT now (else on first kanji); they take ~1 s and ~60 MB.
Status preload_japanese_dictionaries();

}  // namespace sekisho::text
