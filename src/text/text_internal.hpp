// Internal pieces of the text part shared between its files (not a public API).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sekisho/text.hpp"
#include "text/japanese.hpp"
#include "text/name_parts.hpp"
#include "text/normalize.hpp"
#include "text/translit_table.hpp"
#include "text/transliterate.hpp"

namespace sekisho::text {

namespace detail {

// Lower-cases ASCII, turns every other byte class into a token boundary, collapses spaces.
std::string clean_ascii(std::string_view s);

// The built-in Cyrillic tables, built once (immutable afterwards).
const TranslitTable& builtin_cyrillic_table(CyrillicScheme scheme);

// Resolved shared data directory ("" when none is available).
const std::string& shared_data_dir();
const TextResourcePaths& resource_paths();

// Japanese dictionaries (lazy, immutable, shared).
struct NameEntry {
  std::string_view kana;
  std::string_view romaji;
  uint8_t kinds;
};
// ENAMDICT entries for exactly `kanji`, in dictionary order (empty when unknown/unavailable).
std::vector<NameEntry> enamdict_lookup(std::string_view kanji);
// EDICT glosses for exactly `word` (first entry's glosses, cleaned), empty when unknown.
std::vector<std::string_view> edict_lookup(std::string_view word);
bool edict_contains(std::string_view word);
// EDICT glosses for a katakana word in any of its loanword spellings (ヴァ/バ, with or without
// ー, セイ/セー): exact entry first, else the entry whose folded spelling is the same.
std::vector<std::string_view> edict_lookup_any_spelling(std::string_view katakana);
// A katakana word with its spelling variants folded to one key (katakana_spelling.cpp):
// ヴァ → バ, ヴ → ブ, ー dropped, a lengthening イ after エ段 / ウ after オ段 dropped.
std::string fold_katakana_spelling(std::string_view katakana);
// ICU's English name of an ISO 3166-1 alpha-2 region, lower-case ASCII without a qualifier
// ("SY" → "syria", "MM" → "myanmar"); "" for an unknown code (country.cpp).
std::string country_english_name(std::string_view code);
// japanese_gloss() first (none when no word is translated), then up to `max_alternatives`
// glosses with the other usual rendering of the words that have one (学術生産: "research and
// production" beside "scientific production"; a foreign name's Russian reading; in a Korean
// name, the foreign reduction of the katakana words EDICT lacks): every such word at once,
// then each alone.
std::vector<std::string> japanese_glosses(std::string_view text, size_t max_alternatives);
// A katakana foreign name's reduction read as Russian (kana.cpp): モスクワ → moskva.
std::string kana_russian_reading(std::string_view kana);

}  // namespace detail
}  // namespace sekisho::text

namespace sekisho::text::detail {
// Best Hepburn (long vowels unmarked) of a kana string.
std::string kana_to_hepburn(std::string_view kana);
// A katakana foreign word or name without its epenthetic vowels (kana.cpp): アルグト → argut.
std::string kana_foreign_reduction(std::string_view kana);
// A katakana Korean word or name read as Korean (kana.cpp): テソン → tesong, ジョンシク → jong sik.
std::string kana_korean_reading(std::string_view kana);
// A katakana run with its words that spell Latin letters by their names written as those
// letters (katakana_letters.cpp): エーディーエフ → adf, ディー シー ビー ファイナンス → d c b ファイナンス.
std::string spell_katakana_letters(std::string_view run);
// A katakana person's name read as the Mandarin syllables its kana stand for, the given name's
// joined (katakana_chinese.cpp): マ シャオホン → ma xiaohong; "" when it is not made of them.
std::string katakana_chinese_reading(std::string_view run);
// Whether ENAMDICT and EDICT loaded (loads them on first call).
Status japanese_dictionaries_status();
// Whether tables/japanese_org_words.tsv parsed (the words glossed before EDICT).
Status japanese_org_words_status();
// Readings of a kanji word with entries of `preferred` kinds (ReadingKind bits) first.
// `context_reading` is MeCab's reading of the word inside the whole name (陽子 alone reads
// ヨウシ, in 上川陽子 ヨウコ); empty = segment the word alone.
std::vector<KanjiReading> kanji_readings_preferring(std::string_view word, uint8_t preferred,
                                                    std::string_view context_reading = {});
}  // namespace sekisho::text::detail

namespace sekisho::text::detail {
size_t leading_title_tokens(const std::vector<NormalizedToken>& tokens);
// Strips a title Japanese or Korean write after the name on the same word (プーチン大統領 →
// プーチン); false when the token ends with none or is nothing but the title.
bool strip_title_suffix(std::string& token);
// `prefix` and `suffix` say which ends of the token may hold one.
bool strip_cjk_legal_form(std::string& token, std::string& form_class, bool prefix = true, bool suffix = true);
}  // namespace sekisho::text::detail

namespace sekisho::text::detail {
// A person's name inverted around one comma ("PUTIN, Vladimir") in natural order ("Vladimir
// PUTIN"); "" when the name is not in that form (analyze.cpp).
std::string natural_order(std::string_view raw);
}  // namespace sekisho::text::detail

// Romanisation fixes per script family (script_romanization.cpp).
namespace sekisho::text::detail {
// `fn` applied to each space-separated word of `s`, joined again by single spaces.
std::string map_words(std::string_view s, const std::function<std::string(std::string_view)>& fn);
// Urdu letters ICU's Arabic-Latin passes through, as the Arabic letters they sound like.
std::string urdu_letters_as_arabic(std::string_view text);
// An abjad romanisation (ASCII) with w/y between consonants or word-final read as vowels:
// "fladymyr bwtyn" → "fladimir butin"; a leading Yiddish "ww" → "v".
std::string vocalise_abjad(std::string_view ascii);
// An Indic romanisation (before ASCII folding) without a word-final inherent "a".
std::string drop_inherent_final_vowel(std::string_view romanized);
// A Hangul romanisation (ASCII) read as a foreign name: filler "eu" dropped, "ll" → l, an
// onset l → r ("beulladimileu" → "bladimir").
std::string hangul_loanword_reading(std::string_view ascii);
// Whether Cyrillic text is Belarusian (і or ў, and no и ї є ґ).
bool looks_belarusian(std::string_view cyrillic);
// A Belarusian name with the Russian letters it corresponds to: "Уладзімір Пуцін" → "Владимир
// Путин" (дз/ц for a soft д/т, у/ў for в before a consonant, і for и).
std::string belarusian_as_russian(std::string_view cyrillic);
// Whether Latin text (accented, lower case) is Belarusian Łacinka: ł or ŭ with a soft dz/c
// (Uładzimir Pucin), not Polish (which writes dzi/ci too, but also ą ę ó ś ź ż ń).
bool looks_lacinka(std::string_view latin);
// A Łacinka name spelled the way Russian romanisations spell its Russian form, as
// belarusian_as_russian() does for Cyrillic: "uładzimir pucin" → "vladimir putin".
std::string lacinka_as_russian(std::string_view latin);
// Letter tables for scripts ICU 72 cannot romanise (letter_tables.cpp), folded to ASCII:
// ව්ලැදිමීර් → vladimir, វ្លាឌីមៀ → vladimie; and Lao rewritten as the Thai letters its
// Unicode block mirrors (ວລາດີມີຣ → วลาดีมีร), for ICU's Thai-Latin.
std::string romanize_sinhala(std::string_view text);
std::string romanize_khmer(std::string_view text);
std::string lao_as_thai(std::string_view text);
// Alternatives, best first, for a run in a script without its own branch in analyze_name
// (Thai, Ethiopic, Indic, Malayalam…; ICU Any-Latin last), folded to ASCII.
std::vector<std::string> romanize_other_script(std::string_view text);
}  // namespace sekisho::text::detail

namespace sekisho::text::detail {
// A name with inline alternatives in parentheses, read as the name without them (`main`) and
// with them (`alternative`): "Dmitry(Dmitriy/Dmytro) SEMYONOV" → "Dmitry SEMYONOV" and
// "Dmitriy SEMYONOV"; "ZANKO (nee, AMELCHENKOVA)" → "ZANKO" and "AMELCHENKOVA". Both empty when
// the name has no (balanced) parentheses (parenthesized.cpp).
struct ParenthesizedName {
  std::string main;
  std::string alternative;
};
ParenthesizedName split_parenthesized(std::string_view raw);
// An organisation's name without the abbreviation that closes it in parentheses, upper-case
// letters, digits, - and / ("Palestine Liberation Front(PLF)" → "Palestine Liberation Front");
// "" when it has none or is one word besides.
std::string without_trailing_abbreviation(std::string_view raw);
// The body of a name dedicated to a person, without the dedication: "Machine-Building Office
// Fakel named after P.D. Grushin" (named after, n.a., imeni, имени, in the name of) → "Machine-
// Building Office Fakel"; "P.D.グルシン名称機械製造設計局ファケル" → "機械製造設計局ファケル". ""
// when there is none or the body alone names no body ("Design Bureau") (dedication.cpp).
std::string without_dedication(std::string_view raw);
// An organisation's name whose every parenthesised group is one word spelling the word before
// it another way ("Self-proclaimed “Luhansk(Lugansk) Guard”", "JSC Salute (Salyut)"), read
// without the groups and with them in place: the two spellings of one name. Both empty for
// any other parentheses, which tell an organisation from its siblings (Bank of China (Hong
// Kong) Limited) or give an abbreviation.
ParenthesizedName split_respellings(std::string_view raw);
}  // namespace sekisho::text::detail

// The name tables of src/text/tables/ (name_tables.cpp), loaded once and immutable after.
namespace sekisho::text::detail {
// Every table file's name and text, as cmake/embed_tables.cmake compiled them in.
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_tables();
// Spellings of a name word or words (key normalised as names are; values clean ASCII, the
// usual spelling first).
struct SpellingTable {
  std::unordered_map<std::string, std::vector<std::string>> spellings;
  size_t max_key_words = 1;
};
// The form the lists use for each other form of a name (arabic keys folded by
// fold_arabic_letters): "poetin" → "putin", "普京" → "putin".
struct EquivalentNames {
  std::unordered_map<std::string, std::string> list_form;
};
const SpellingTable& arabic_name_spellings();     // arabic_names.tsv
const SpellingTable& korean_surname_spellings();  // korean_surnames.tsv
const EquivalentNames& equivalent_names();        // name_equivalents.tsv
// The words organisation names use for what a body is or does, each mapped to its line's first
// word: "zavod", "factory", "works" → "plant".
struct OrganizationWords {
  std::unordered_map<std::string, std::string> class_word;
};
const OrganizationWords& organization_words();  // organization_words.tsv
// The line's first word for a normalised token of organization_words.tsv, else nullptr.
const std::string* organization_word_class(std::string_view token);
// Acronyms of Russian bodies' kinds and their English wordings (russian_acronyms.tsv): "NPP" →
// "scientific production enterprise", …; the acronym as the lists capitalise it, the wordings
// lower-case ASCII, the usual one first.
struct RussianAcronyms {
  struct Entry {
    std::string acronym;
    std::vector<std::string> wordings;
  };
  std::vector<Entry> entries;
};
const RussianAcronyms& russian_acronyms();
// Whether every table parses, each parsed afresh (the error names the table's file and line):
// the accessors above stop the process on a broken table instead.
Status name_tables_status();
// Stops the process, naming the table: what a built-in table that is missing or malformed means.
[[noreturn]] void refuse_without_table(const Status& why);
// Arabic letters folded to the spelling the tables use: no vowel marks or tatweel, bare alif for
// أ إ آ ٱ, ه for ة, ي for ى.
std::string fold_arabic_letters(std::string_view arabic);

// Readings from the tables (arabic_names.cpp, korean_names.cpp, equivalent_names.cpp), each a
// list of whole-run alternatives in clean ASCII, best first; empty when the tables know nothing
// of the run.
// An Arabic-script run read word by word: table words as their spellings (عبد الله → abdullah),
// an عبد before an article as abdul/abdel/abd al, other words as the abjad reading gives them.
std::vector<std::string> arabic_table_readings(std::string_view run);
// A Hangul run as a Korean name: the surname as people spell it (김 → kim, 박 → park) and the
// given name's syllables in McCune–Reischauer without breves, the popular spelling and Revised
// Romanization (김정은 → kim jong un, kim jung eun, kim jeong eun).
std::vector<std::string> korean_name_readings(std::string_view hangul_run);
// A Han name of two to four characters read in Korean through libhangul's hanja table, when its
// first character is a Korean surname's hanja (金正恩 → 김정은); "" otherwise or without the table.
std::string hanja_as_hangul(std::string_view han);
// A run's words each replaced by its list form in name_equivalents.tsv (普京 → putin, poetin →
// putin); a word without a class is kept when `keep_unknown`, else the run gets "". "" too when
// no word has a class.
std::string equivalent_name_reading(const std::vector<std::string>& words, bool keep_unknown);
}  // namespace sekisho::text::detail

namespace sekisho::text::detail {
// A company name with the bank-account abbreviation of its legal form written out (bank_kana.cpp):
// "ｶ)ﾛｿﾎﾞﾛﾝｴｸｽﾎﾟﾙﾄ" → " 株式会社 ロソボロンエクスポルト"; other names unchanged.
std::string expand_bank_legal_forms(std::string_view raw);
}  // namespace sekisho::text::detail
