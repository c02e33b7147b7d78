// Acronyms written in katakana: Japanese spells a Latin abbreviation by the names of its letters
// (エーディーエフ ADF, ディー・シー・ビー DCB, アール・ケー RK). Read as syllables, エーディーエフ is
// "edief", which no list writes; read as letters it is the abbreviation the lists keep.
#include <array>
#include <string>
#include <vector>

#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

namespace {

struct LetterName {
  std::u32string_view kana;
  char letter;
};

// The usual katakana names of the Latin letters, with the spellings the lists mix (エー / エイ,
// ジェー / ジェイ, ダブリュー / ダブリュ).
constexpr std::array<LetterName, 36> kLetterNames = {{
    {U"エー", 'a'},     {U"エイ", 'a'},       {U"ビー", 'b'},   {U"シー", 'c'},     {U"ディー", 'd'},
    {U"デー", 'd'},     {U"イー", 'e'},       {U"エフ", 'f'},   {U"ジー", 'g'},     {U"エイチ", 'h'},
    {U"エッチ", 'h'},   {U"アイ", 'i'},       {U"ジェー", 'j'}, {U"ジェイ", 'j'},   {U"ケー", 'k'},
    {U"ケイ", 'k'},     {U"エル", 'l'},       {U"エム", 'm'},   {U"エヌ", 'n'},     {U"オー", 'o'},
    {U"ピー", 'p'},     {U"キュー", 'q'},     {U"アール", 'r'}, {U"エス", 's'},     {U"ティー", 't'},
    {U"テー", 't'},     {U"ユー", 'u'},       {U"ブイ", 'v'},   {U"ヴィー", 'v'},   {U"ダブリュー", 'w'},
    {U"ダブリュ", 'w'}, {U"エックス", 'x'},   {U"ワイ", 'y'},   {U"ゼット", 'z'},   {U"ゼッド", 'z'},
    {U"ズィー", 'z'},
}};

// The letters a katakana word spells as a sequence of letter names, or "" when it is no such
// sequence. Every split is tried (エイチ is h, not エイ a + チ), shortest names last.
std::string letters_of(std::u32string_view word) {
  if (word.empty()) return "";
  // from[i]: the letters word[i..] spells, when reachable[i].
  const size_t n = word.size();
  std::vector<std::string> from(n + 1);
  std::vector<char> reachable(n + 1, 0);
  reachable[n] = 1;
  for (size_t i = n; i-- > 0;) {
    for (const LetterName& name : kLetterNames) {
      if (word.substr(i).starts_with(name.kana) && reachable[i + name.kana.size()]) {
        from[i] = std::string(1, name.letter) + from[i + name.kana.size()];
        reachable[i] = 1;
        break;
      }
    }
  }
  return reachable[0] ? from[0] : "";
}

}  // namespace

std::string spell_katakana_letters(std::string_view run) {
  // Words are separated by spaces (the ・ of the name, normalised).
  std::vector<std::u32string> words;
  const std::u32string text = to_u32(run);
  for (size_t i = 0; i <= text.size();) {
    size_t end = text.find(U' ', i);
    if (end == std::u32string::npos) end = text.size();
    words.push_back(text.substr(i, end - i));
    i = end + 1;
  }
  std::vector<std::string> letters(words.size());
  for (size_t i = 0; i < words.size(); ++i) letters[i] = letters_of(words[i]);
  // A word of two letter names or more is an acronym (エムアールビー MRB). One letter name alone
  // is as likely a word (エル is the Arabic article el, アイ a given name): it counts only
  // beside another letter word (ディー・シー・ビー, シー・シー).
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const bool neighbour = (i > 0 && !letters[i - 1].empty()) || (i + 1 < words.size() && !letters[i + 1].empty());
    const bool spelled = letters[i].size() >= 2 || (letters[i].size() == 1 && neighbour);
    if (i > 0) out += ' ';
    if (spelled) {
      out += letters[i];
      changed = true;
    } else {
      out += to_utf8(words[i]);
    }
  }
  return changed ? out : std::string(run);
}

}  // namespace sekisho::text::detail
