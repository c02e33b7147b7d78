// Japanese: kana romanisations, kanji readings (MeCab, ENAMDICT), segmentation and English
// glosses (internal to the text part and the parts above it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sekisho/status.hpp"
#include "sekisho/text.hpp"

namespace sekisho::text {

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
std::vector<std::string> kana_to_hepburn_variants(std::string_view kana_utf8, const KanaOptions& options = {});

enum class ReadingKind : uint8_t {
  kSurname = 1,
  kGiven = 2,
  kFemale = 4,
  kMale = 8,
  kPlace = 16,
  kCompany = 32,
  kOrganization = 64,
  kOther = 128,
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

}  // namespace sekisho::text
