// Inline alternatives in parentheses, as the Japanese lists write them in one name cell:
// "Dmitry(Dmitriy/Dmytro) SEMYONOV", "Aleksei (Alexey) Tkachev (Tkachov)",
// "アレクセイ(オレクシー)・カリャキン", "HAQQANI NETWORK (HQN)". Read as one name they add
// words no other spelling has; read as two they are the name and its alternative.
#include <string>

#include "core/strings.hpp"
#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

namespace {

bool is_open(char32_t cp) { return cp == U'(' || cp == U'（'; }
bool is_close(char32_t cp) { return cp == U')' || cp == U'）'; }
bool is_word_break(char32_t cp) { return cp == U' ' || cp == U'・' || cp == U'\u3000' || cp == U'-'; }

// The first alternative of a group's text: "Dmitriy/Dmytro" → "Dmitriy", "Vitalij, Vitaliy" → "Vitalij".
std::u32string first_alternative(std::u32string_view group) {
  size_t end = group.find_first_of(U"/,;、");
  std::u32string_view first = group.substr(0, end);
  while (!first.empty() && first.front() == U' ') first.remove_prefix(1);
  while (!first.empty() && first.back() == U' ') first.remove_suffix(1);
  return std::u32string(first);
}

bool has_break(std::u32string_view s) {
  for (char32_t c : s) {
    if (is_word_break(c) || c == U':' || c == U'：') return true;
  }
  return false;
}

}  // namespace

ParenthesisedName split_parenthesised(std::string_view raw) {
  const std::u32string s = to_u32(raw);
  std::u32string main, alternative, standalone;
  bool any = false, replaced_word = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (!is_open(c)) {
      main += c;
      alternative += c;
      continue;
    }
    size_t close = i + 1;
    while (close < s.size() && !is_close(s[close])) ++close;
    if (close == s.size()) return {};  // unbalanced: leave the name alone
    const std::u32string alt = first_alternative(std::u32string_view(s).substr(i + 1, close - i - 1));
    any = true;
    i = close;
    // One word in parentheses right after a word replaces that word; anything else (an acronym
    // after several words, "(nee, …)", "(original script: …)") is an alternative on its own.
    size_t word_end = alternative.size();
    while (word_end > 0 && alternative[word_end - 1] == U' ') --word_end;
    size_t word_start = word_end;
    while (word_start > 0 && !is_word_break(alternative[word_start - 1])) --word_start;
    if (!alt.empty() && !has_break(alt) && word_start < word_end) {
      alternative.replace(word_start, word_end - word_start, alt);
      replaced_word = true;
    } else if (standalone.empty()) {
      standalone = alt;
    }
  }
  if (!any) return {};
  ParenthesisedName out;
  out.main = std::string(trim(to_utf8(main)));
  out.alternative = std::string(trim(to_utf8(replaced_word ? alternative : standalone)));
  return out;
}

}  // namespace sekisho::text::detail
