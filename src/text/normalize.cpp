// Normalisation: NFKC + case folding, punctuation to token boundaries, script per token.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "io/text_script.hpp"
#include "sekisho/text.hpp"
#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text {

using detail::append_utf8;
using detail::next_code_point;

namespace {

// Letters, marks and digits make tokens; everything else (punctuation such as ・ ＝ - ' .,
// symbols, separators, controls) separates them.
bool is_token_char(char32_t cp) {
  if (cp == 0x30FC) return true;
  int8_t type = u_charType(static_cast<UChar32>(cp));
  switch (type) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return cp != 0x02BF && cp != 0x02BE && cp != 0x02BB && cp != 0x02BC;  // ʿ ʾ ʻ ʼ: apostrophes
    default:
      return false;
  }
}

// The apostrophes names are written with: ASCII, typographic, and the modifier letters of
// transliteration (ʼ ʻ for hamza and ayn, ʾ ʿ).
bool is_word_apostrophe(char32_t cp) {
  return cp == U'\'' || cp == U'\u2019' || cp == U'\u2018' || cp == U'`' || cp == 0x02BC || cp == 0x02BB ||
         cp == 0x02BE || cp == 0x02BF;
}

// Scripts whose diacritics are optional in real lists (Latin accents, Greek tonos, Arabic
// harakat, Hebrew niqqud). Cyrillic й/ё and kana dakuten are letters, not accents: kept.
bool strips_marks(Script s) {
  return s == Script::kLatin || s == Script::kGreek || s == Script::kArabic || s == Script::kHebrew;
}

std::string strip_marks(std::string_view token) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(token);
  icu::UnicodeString decomposed = nfd->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(token.data(), static_cast<int32_t>(token.size()))), status);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 cp = decomposed.char32At(i);
    i += U16_LENGTH(cp);
    if (u_charType(cp) != U_NON_SPACING_MARK) kept.append(cp);
  }
  std::string out;
  nfc->normalize(kept, status).toUTF8String(out);
  return U_FAILURE(status) ? std::string(token) : out;
}

}  // namespace

std::string NormalizedName::text() const {
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.text;
  }
  return out;
}

std::string NormalizedName::accented() const {
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.accented;
  }
  return out;
}

namespace {
bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}
}  // namespace

NormalizedName normalize(std::string_view raw) {
  NormalizedName result;
  UErrorCode status = U_ZERO_ERROR;
  std::string folded;
  const bool ascii = is_ascii(raw);
  // ASCII is its own NFKC form, its case folding is lower-casing and it has no
  // marks to strip: most screened names skip the three ICU passes.
  const icu::Normalizer2* nfkc_cf = ascii ? nullptr : icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (ascii) {
    folded.assign(raw);
    for (char& c : folded) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  } else if (U_SUCCESS(status)) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
    nfkc_cf->normalize(u, status).toUTF8String(folded);
  }
  if (U_FAILURE(status)) folded.assign(raw);

  std::string current;
  if (ascii) {
    // The same tokens as the code-point loop below, without ICU: in ASCII the
    // token characters are the letters and digits, and a token with a letter
    // is Latin.
    bool letter = false;
    auto flush_ascii = [&] {
      if (current.empty()) return;
      NormalizedToken token;
      token.script = letter ? Script::kLatin : detect_script(current);
      token.text = current;
      token.accented = std::move(current);
      current.clear();
      letter = false;
      result.tokens.push_back(std::move(token));
    };
    auto is_token_byte = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    for (size_t i = 0; i < folded.size(); ++i) {
      const char c = folded[i];
      if (is_token_byte(c)) {
        current += c;
        letter = letter || (c >= 'a' && c <= 'z');
        continue;
      }
      // The English possessive, as in the general loop below: PEOPLE'S ARMY is "people army".
      if (c == '\'' && !current.empty() && i + 1 < folded.size() && folded[i + 1] == 's' &&
          (i + 2 == folded.size() || !is_token_byte(folded[i + 2]))) {
        ++i;
      } else if ((c == '\'' || c == '`') && !current.empty() && i + 1 < folded.size() && is_token_byte(folded[i + 1])) {
        continue;  // an apostrophe inside a word, as in the general loop below
      }
      flush_ascii();
    }
    flush_ascii();
    folded.clear();  // nothing left for the general loop
  }
  auto flush = [&] {
    if (current.empty()) return;
    NormalizedToken token;
    token.script = detect_script(current);
    token.text = strips_marks(token.script) && !ascii ? strip_marks(current) : current;
    token.accented = std::move(current);
    current.clear();
    if (!token.text.empty()) result.tokens.push_back(std::move(token));
  };
  // Japanese writes no spaces, so a Latin word inside a Japanese name stands against its kana
  // or kanji (インテレクトLLC, PMCコンヴォイ, ISILシナイ州): the change of script ends a word.
  enum class Writing { kNeither, kJapanese, kLatin };
  auto writing_of = [](char32_t cp) {
    const Script s = script_of(cp);
    if (s == Script::kLatin) return Writing::kLatin;
    return s == Script::kHan || s == Script::kHiragana || s == Script::kKatakana ? Writing::kJapanese
                                                                                 : Writing::kNeither;
  };
  Writing last_writing = Writing::kNeither;
  size_t pos = 0;
  while (pos < folded.size()) {
    char32_t cp = next_code_point(folded, pos);
    if (cp != U'\uFFFD' && is_token_char(cp)) {
      const Writing w = writing_of(cp);
      if (w != Writing::kNeither) {
        if (current.empty()) last_writing = Writing::kNeither;
        if (last_writing != Writing::kNeither && w != last_writing) flush();
        last_writing = w;
      }
      append_utf8(current, cp);
    } else {
      // An English possessive is no word of the name: PEOPLE'S ARMY is "people army", as a
      // translation (人民軍) or another list (Peoples Army) writes it, not "people s army".
      const bool apostrophe = cp == U'\'' || cp == U'\u2019';
      bool possessive = false;
      if (apostrophe && !current.empty() && pos < folded.size() && folded[pos] == 's') {
        const size_t after = pos + 1;
        size_t peek = after;
        possessive = after == folded.size() || !is_token_char(next_code_point(folded, peek));
        if (possessive) pos = after;
      }
      if (!possessive && !current.empty() && pos < folded.size() && is_word_apostrophe(cp)) {
        // An apostrophe between two letters marks a letter of the word, not a break in it: an
        // ayn or hamza (Sa'id, Mus'ab), McCune-Reischauer's breve and aspiration (Ko'n-u,
        // Yo'ng-ch'o'l), a pinyin syllable break (Xi'an), the Ukrainian apostrophe (Мар'яна),
        // an elision (O'Brien). Read as a break it leaves one-letter words that pass for
        // initials ("HAN, Ko'n-u" as "han ko n u" met "Nakamura Hanako").
        size_t peek = pos;
        if (is_token_char(next_code_point(folded, peek))) continue;
      }
      flush();
    }
  }
  flush();

  for (const auto& t : result.tokens) {
    if (t.script == Script::kNone) continue;
    if (result.script == Script::kNone) {
      result.script = t.script;
    } else if (result.script != t.script) {
      result.script = Script::kMixed;
    }
  }
  return result;
}

std::string fold_to_ascii(std::string_view latin) {
  bool ascii = true;
  for (char c : latin) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  std::string out;
  if (ascii) {
    out.assign(latin);
  } else {
    icu::Transliterator* t = detail::thread_transliterator(
        "NFD; [:Nonspacing Mark:] Remove; [\\u02BB\\u02BC\\u02BE\\u02BF\\u2018\\u2019] Remove; "
        "Latin-ASCII; NFC");
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(latin.data(), static_cast<int32_t>(latin.size())));
    if (t != nullptr) t->transliterate(u);
    u.toUTF8String(out);
  }
  return detail::clean_ascii(out);
}

std::string consonant_skeleton(std::string_view ascii) {
  // Unvocalised Arabic/Hebrew romanise to consonants only (محمد → mhmd) and ʿ/ʾ vanish, so the
  // comparable form of any name is its consonants: vowels and the semivowels w/y (written as
  // و/ي for u/o/i) are dropped everywhere, q→k, doubled letters collapse (Mohammed = Muhamad).
  std::string out;
  char last = 0;
  for (char c : ascii) {
    char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      last = 0;
      continue;
    }
    if (lower == 'q') lower = 'k';
    if (lower == 'a' || lower == 'e' || lower == 'i' || lower == 'o' || lower == 'u' || lower == 'y' || lower == 'w') {
      continue;
    }
    if (lower != last) out += lower;
    last = lower;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace sekisho::text
