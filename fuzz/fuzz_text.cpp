// The text pipeline (text.hpp) on any bytes: the whole analysis of a name under
// each option, and its steps one by one (normalisation, script detection, ASCII
// folding, Cyrillic schemes, kana romanisation, MeCab segmentation, glosses).
// The first byte chooses the options. The pipeline's documented promises are
// checked, not only its survival.
#include "fuzz_input.hpp"
#include "sekisho/text.hpp"
#include "text/japanese.hpp"
#include "text/name_parts.hpp"
#include "text/normalize.hpp"
#include "text/transliterate.hpp"

namespace {

namespace text = sekisho::text;

// "Lower-case Latin ASCII" as text.hpp promises the variants and folds.
bool lower_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80 || (c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

void require(bool holds) {
  if (!holds) __builtin_trap();
}

}  // namespace

// The pipeline's tables load on first use (ENAMDICT and EDICT, the hanja readings, the ICU
// transliterators, the iuliia schemes): all of them now, or the first input of each script
// would spend its time limit loading them.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  sekisho::fuzz::use_shared_data();
  if (!text::preload_japanese_dictionaries().ok()) abort();
  for (const char* name : {"김정은 金正恩", "上川陽子", "ミロシェヴィッチ", "連邦保安庁", "Владимир Путин", "محمد علي",
                           "Αλέξης Τσίπρας", "אברהם", "Dr. José Müller GmbH"}) {
    for (text::HanReading reading : {text::HanReading::kJapanese, text::HanReading::kChinese}) {
      (void)text::analyze_name(name, {.han_reading = reading, .extra_iuliia_schemes = true});
    }
    (void)text::segment_japanese(name);
    (void)text::japanese_gloss(name);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t choice = data[0];
  const std::string_view raw = sekisho::fuzz::as_view(data + 1, size - 1);

  text::AnalyzeOptions options;
  static constexpr text::PartyKind kKinds[] = {text::PartyKind::kUnknown, text::PartyKind::kPerson,
                                               text::PartyKind::kOrganization, text::PartyKind::kUnknown};
  static constexpr text::HanReading kReadings[] = {text::HanReading::kAuto, text::HanReading::kJapanese,
                                                   text::HanReading::kChinese, text::HanReading::kAuto};
  options.kind = kKinds[choice & 3];
  options.han_reading = kReadings[(choice >> 2) & 3];
  options.japanese_gloss = (choice & 16) == 0;
  options.strip_legal_forms = (choice & 32) == 0;
  options.strip_titles = (choice & 64) == 0;
  options.extra_iuliia_schemes = (choice & 128) != 0;

  text::NameForms forms = text::analyze_name(raw, options);
  require(forms.variants.size() <= options.max_variants);
  require(forms.sources.size() == forms.variants.size() && forms.schemes.size() == forms.variants.size());
  for (const std::string& v : forms.variants) require(!v.empty() && lower_ascii(v));

  // The steps, on what the pipeline would read of this name.
  const std::string_view name = text::bounded_name(raw);
  require(name.size() <= text::kMaxNameBytes);
  text::NormalizedName normalized = text::normalize(name);
  for (const text::NormalizedToken& t : normalized.tokens) (void)text::detect_script(t.text);
  const std::string folded = text::fold_to_ascii(normalized.text());
  // Only Latin input is promised an ASCII fold; other scripts take their own schemes.
  if (normalized.script == text::Script::kLatin) require(lower_ascii(folded));
  (void)text::consonant_skeleton(folded);
  (void)text::country_code(name);
  for (text::CyrillicScheme scheme : text::kAllCyrillicSchemes) (void)text::transliterate_cyrillic(name, scheme);
  (void)text::kana_to_hepburn_variants(name);
  (void)text::segment_japanese(name);
  (void)text::japanese_gloss(name);
  for (const text::NormalizedToken& t : normalized.tokens) {
    if (t.script == text::Script::kHan) (void)text::kanji_readings(t.text);
    (void)text::is_person_title(t.text);
  }
  (void)text::find_legal_forms(normalized);
  return 0;
}
