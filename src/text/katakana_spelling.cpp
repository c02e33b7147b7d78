// One loanword, several katakana spellings: the Cabinet's 1991 notice on writing loanwords
// (外来語の表記) allows ヴァ or バ for v, a final long vowel written or not (コンピューター,
// コンピュータ), and a long e or o written with ー or with a vowel kana (セーフティー,
// セイフティー). EDICT lists one spelling; a name may use another (アヴィエーション for
// EDICT's アビエーション). Folding both to one key lets the gloss find the word.
#include <string>

#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

namespace {

// The バ-row kana for the vowel a small kana after ヴ carries (ヴァ → バ, ヴォ → ボ).
char32_t b_row_for_small_vowel(char32_t small) {
  switch (small) {
    case U'ァ':
      return U'バ';
    case U'ィ':
      return U'ビ';
    case U'ゥ':
      return U'ブ';
    case U'ェ':
      return U'ベ';
    case U'ォ':
      return U'ボ';
    default:
      return 0;
  }
}

// Whether a katakana ends in the vowel e (エ段) or o (オ段), for the long vowels written エイ / オウ.
bool ends_in_e(char32_t k) {
  static constexpr std::u32string_view kERow = U"エケゲセゼテデネヘベペメレェ";
  return kERow.find(k) != std::u32string_view::npos;
}
bool ends_in_o(char32_t k) {
  static constexpr std::u32string_view kORow = U"オコゴソゾトドノホボポモヨロョォ";
  return kORow.find(k) != std::u32string_view::npos;
}

}  // namespace

std::string fold_katakana_spelling(std::string_view katakana) {
  const std::u32string s = to_u32(katakana);
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (c == U'ー') continue;
    if (c == U'ヴ') {
      const char32_t b = i + 1 < s.size() ? b_row_for_small_vowel(s[i + 1]) : 0;
      out += b != 0 ? b : U'ブ';
      if (b != 0) ++i;
      continue;
    }
    // A vowel kana that only lengthens the one before it: セイフティー = セーフティー.
    if (!out.empty() && ((c == U'イ' && ends_in_e(out.back())) || (c == U'ウ' && ends_in_o(out.back())))) continue;
    out += c;
  }
  return to_utf8(out);
}

}  // namespace sekisho::text::detail
