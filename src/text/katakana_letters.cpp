// Acronyms written in katakana: Japanese spells a Latin abbreviation by the names of its letters
// (エーディーエフ ADF, ディー・シー・ビー DCB, アール・ケー RK). Read as syllables, エーディーエフ is
// "edief", which no list writes; read as letters it is the abbreviation the lists keep.
#include <string>
#include <vector>

#include "text/kana_cover.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

namespace {

struct LetterName {
  std::u32string_view kana;
  char letter;
};

// The usual katakana names of the Latin letters, with the spellings the lists mix (エー / エイ,
// ジェー / ジェイ, ダブリュー / ダブリュ).
constexpr LetterName kLetterNames[] = {
    {U"エー", 'a'},     {U"エイ", 'a'},     {U"ビー", 'b'}, {U"シー", 'c'},   {U"ディー", 'd'}, {U"デー", 'd'},
    {U"イー", 'e'},     {U"エフ", 'f'},     {U"ジー", 'g'}, {U"エイチ", 'h'}, {U"エッチ", 'h'}, {U"アイ", 'i'},
    {U"ジェー", 'j'},   {U"ジェイ", 'j'},   {U"ケー", 'k'}, {U"ケイ", 'k'},   {U"エル", 'l'},   {U"エム", 'm'},
    {U"エヌ", 'n'},     {U"オー", 'o'},     {U"ピー", 'p'}, {U"キュー", 'q'}, {U"アール", 'r'}, {U"エス", 's'},
    {U"ティー", 't'},   {U"テー", 't'},     {U"ユー", 'u'}, {U"ブイ", 'v'},   {U"ヴィー", 'v'}, {U"ダブリュー", 'w'},
    {U"ダブリュ", 'w'}, {U"エックス", 'x'}, {U"ワイ", 'y'}, {U"ゼット", 'z'}, {U"ゼッド", 'z'}, {U"ズィー", 'z'},
};

// The letters a katakana word spells as a sequence of letter names, or "" when it is no such
// sequence.
std::string letters_of(std::u32string_view word) {
  std::string letters;
  for (const LetterName* name : cover_with<LetterName>(word, kLetterNames)) letters += name->letter;
  return letters;
}

}  // namespace

std::string spell_katakana_letters(std::string_view run) {
  // Words are separated by spaces (the ・ of the name, normalised).
  const std::vector<std::u32string> words = u32_words(run);
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
