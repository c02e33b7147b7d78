// Inline alternatives in parentheses, as the Japanese lists write them in one name cell:
// "Dmitry(Dmitriy/Dmytro) SEMYONOV", "Aleksei (Alexey) Tkachev (Tkachov)",
// "アレクセイ(オレクシー)・カリャキン", "Oljga (Olga) Zanko (nee, Amelchenkova)". Read as one
// name they add words no other spelling has; read as two they are the name and its alternative.
#include <string>

#include "core/strings.hpp"
#include "distance/distance.hpp"
#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

namespace {

bool is_open(char32_t cp) { return cp == U'(' || cp == U'（'; }
bool is_close(char32_t cp) { return cp == U')' || cp == U'）'; }
bool is_word_break(char32_t cp) { return cp == U' ' || cp == U'・' || cp == U'\u3000' || cp == U'-'; }

std::u32string_view trimmed(std::u32string_view s) {
  while (!s.empty() && s.front() == U' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == U' ') s.remove_suffix(1);
  return s;
}

// Words that introduce another name rather than being one: "(nee, Amelchenkova)"; the Japanese
// lists write 旧姓 (maiden name), 旧称 (former name), 別名 (alias) and 通称 (known as).
bool is_marker(std::u32string_view word) {
  for (std::u32string_view m :
       {U"nee", U"née", U"NEE", U"Nee", U"born", U"formerly", U"aka", U"旧姓", U"旧称", U"別名", U"通称"}) {
    if (word == m) return true;
  }
  return false;
}

// The first alternative of a group's text: "Dmitriy/Dmytro" → "Dmitriy", "Vitalij, Vitaliy" →
// "Vitalij"; after a marker the name it introduces: "nee, Amelchenkova" → "Amelchenkova".
std::u32string first_alternative(std::u32string_view group, bool& marked) {
  size_t end = group.find_first_of(U"/,;、:：");
  std::u32string_view first = trimmed(group.substr(0, end));
  marked = is_marker(first);
  if (marked && end != std::u32string_view::npos) first = trimmed(group.substr(end + 1));
  return std::u32string(first);
}

bool has_break(std::u32string_view s) {
  for (char32_t c : s) {
    if (is_word_break(c) || c == U':' || c == U'：') return true;
  }
  return false;
}

// The text with runs of spaces made one and trimmed.
std::string tidy(const std::u32string& text) {
  std::u32string single;
  for (char32_t c : text) {
    if (c != U' ' || (!single.empty() && single.back() != U' ')) single += c;
  }
  return std::string(trim(to_utf8(single)));
}

}  // namespace

ParenthesizedName split_parenthesized(std::string_view raw) {
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
    bool marked = false;
    const std::u32string alt = first_alternative(std::u32string_view(s).substr(i + 1, close - i - 1), marked);
    any = true;
    i = close;
    // One word in parentheses right after a word replaces that word; anything else (an acronym
    // after several words, "(nee, …)", "(original script: …)") is an alternative on its own.
    size_t word_end = alternative.size();
    while (word_end > 0 && alternative[word_end - 1] == U' ') --word_end;
    size_t word_start = word_end;
    while (word_start > 0 && !is_word_break(alternative[word_start - 1])) --word_start;
    if (!alt.empty() && !marked && !has_break(alt) && word_start < word_end) {
      alternative.replace(word_start, word_end - word_start, alt);
      replaced_word = true;
    } else if (standalone.empty()) {
      standalone = alt;
    }
  }
  if (!any) return {};
  return {tidy(main), tidy(replaced_word ? alternative : standalone)};
}

ParenthesizedName split_respellings(std::string_view raw) {
  // Most names have no parentheses: they are told apart without decoding.
  if (raw.find('(') == std::string_view::npos && raw.find("（") == std::string_view::npos) return {};
  const std::u32string s = to_u32(raw);
  std::u32string main, alternative;
  bool any = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (is_close(s[i])) return {};
    if (!is_open(s[i])) {
      main += s[i];
      alternative += s[i];
      continue;
    }
    size_t close = i + 1;
    while (close < s.size() && !is_close(s[close]) && !is_open(s[close])) ++close;
    if (close == s.size() || is_open(s[close])) return {};
    const std::u32string_view group = trimmed(std::u32string_view(s).substr(i + 1, close - i - 1));
    // The word right before the group, with no space between or one.
    size_t word_end = alternative.size();
    if (word_end > 0 && alternative[word_end - 1] == U' ') --word_end;
    size_t word_start = word_end;
    while (word_start > 0 && !is_word_break(alternative[word_start - 1]) && alternative[word_start - 1] != U'“' &&
           alternative[word_start - 1] != U'"') {
      --word_start;
    }
    if (group.empty() || has_break(group) || group.find_first_of(U"/,;、") != std::u32string_view::npos ||
        word_start == word_end) {
      return {};
    }
    // A respelling keeps the word's first letter and differs in at most two letters; the
    // kernels compare bytes, so both are lower-cased ASCII-or-UTF-8 alike.
    const std::string before = to_lower_ascii(to_utf8(alternative.substr(word_start, word_end - word_start)));
    const std::string inside = to_lower_ascii(to_utf8(std::u32string(group)));
    constexpr size_t kMostEdits = 2;
    if (before.size() < 4 || before[0] != inside[0] ||
        distance::osa_bounded(before, inside, kMostEdits + 1) > kMostEdits) {
      return {};
    }
    alternative.replace(word_start, word_end - word_start, group);
    any = true;
    i = close;
  }
  if (!any) return {};
  return {tidy(main), tidy(alternative)};
}

std::string without_trailing_abbreviation(std::string_view raw) {
  const std::string_view name = trim(raw);
  if (name.empty() || name.back() != ')') return {};
  const size_t open = name.rfind('(');
  if (open == std::string_view::npos) return {};
  const std::string_view inside = name.substr(open + 1, name.size() - open - 2);
  size_t letters = 0;
  for (char c : inside) {
    const bool upper = c >= 'A' && c <= 'Z';
    if (!upper && !(c >= '0' && c <= '9') && c != '-' && c != '/') return {};
    letters += upper ? 1 : 0;
  }
  constexpr size_t kMinLetters = 2, kMaxLength = 8;
  if (letters < kMinLetters || inside.size() > kMaxLength) return {};
  const std::string_view before = trim(name.substr(0, open));
  // A name of one word with its abbreviation ("Hamas (HAMAS)") is left as written.
  if (before.find(' ') == std::string_view::npos) return {};
  return std::string(before);
}

}  // namespace sekisho::text::detail
