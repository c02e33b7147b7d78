// Company names as Japanese bank accounts write them (全銀 transfer data): half-width katakana,
// and the legal form cut to its first kana in brackets — ｶ)ﾛｿﾎﾞﾛﾝ for 株式会社ロソボロン,
// ﾛｿﾎﾞﾛﾝ(ｶ for ロソボロン株式会社, (ﾕ) for 有限会社, (ﾄﾞ) for 合同会社. The abbreviation is rewritten
// as the full legal form, which the legal-form table knows; the brackets alone say it is one
// (a lone カ or ユ is also a name's word: ユ・チン is Yu Jin).
#include <unicode/normalizer2.h>

#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

namespace {

struct BankForm {
  std::u32string_view kana;  // after NFKC: full-width
  std::u32string_view form;
};
constexpr BankForm kBankForms[] = {
    {U"カ", U"株式会社"},
    {U"ユ", U"有限会社"},
    {U"ド", U"合同会社"},
};

bool is_open(char32_t c) { return c == U'(' || c == U'（'; }
bool is_close(char32_t c) { return c == U')' || c == U'）'; }

bool needs_nfkc(std::u32string_view s) {
  return std::any_of(s.begin(), s.end(), [](char32_t c) { return c >= 0xFF61 && c <= 0xFF9F; });
}

}  // namespace

std::string expand_bank_legal_forms(std::string_view raw) {
  // Cheap exit for the usual name: no bracket, no abbreviation.
  if (raw.find_first_of("()") == std::string_view::npos && raw.find("（") == std::string_view::npos &&
      raw.find("）") == std::string_view::npos) {
    return std::string(raw);
  }
  std::u32string s = to_u32(raw);
  if (needs_nfkc(s)) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) return std::string(raw);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
    std::string out;
    nfkc->normalize(u, status).toUTF8String(out);
    if (U_FAILURE(status)) return std::string(raw);
    s = to_u32(out);
  }
  std::u32string out;
  bool changed = false;
  for (size_t i = 0; i < s.size();) {
    bool replaced = false;
    for (const BankForm& f : kBankForms) {
      const size_t n = f.kana.size();
      if (s.compare(i, n, f.kana) != 0 && !(is_open(s[i]) && s.compare(i + 1, n, f.kana) == 0)) continue;
      const bool opened = is_open(s[i]);
      const size_t after = i + (opened ? 1 : 0) + n;
      const bool closed = after < s.size() && is_close(s[after]);
      // カ) at the start, (カ) anywhere, (カ at the end.
      const bool at_start = !opened && i == 0 && closed;
      const bool enclosed = opened && closed;
      const bool at_end = opened && after == s.size();
      if (!at_start && !enclosed && !at_end) continue;
      out += U' ';
      out += f.form;
      out += U' ';
      i = after + (closed ? 1 : 0);
      replaced = changed = true;
      break;
    }
    if (!replaced) out += s[i++];
  }
  return changed ? to_utf8(out) : std::string(raw);
}

}  // namespace sekisho::text::detail
