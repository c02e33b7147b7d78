// Arabic-script names read with the spellings of their words (tables/arabic_names.tsv).
//
// Arabic writes a name's consonants and long vowels only: محمد is m-h-m-d, which the lists spell
// Muhammad, Mohamed or Mohammed, and no letter-by-letter reading gives any of them. A name is
// mostly made of a few hundred given names, the compounds of عبد ("servant of") with the names
// of God (عبد الله Abdullah, عبد الرحمن Abdul Rahman), the nasab words بن / ابن / بنت (bin, ibn,
// bint) and the kunya ابو (Abu): those are read from the table, and the rest letter by letter.
#include "core/strings.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

namespace {

constexpr std::string_view kArticle = "ال";
constexpr std::string_view kAbd = "عبد";

// The abjad reading of one word the table does not know, as analyze_name's first one.
std::string letter_reading(std::string_view word) {
  auto r = icu_transform(word, "Arabic-Latin");
  if (!r.ok()) return {};
  std::string latin = *r;
  // ICU writes ta marbuta ة as ẗ; a name says it a (فاطمة Fatima).
  static constexpr std::string_view kTaMarbuta = "\u1E97";
  for (size_t at = latin.find(kTaMarbuta); at != std::string::npos; at = latin.find(kTaMarbuta, at + 1)) {
    latin.replace(at, kTaMarbuta.size(), "a");
  }
  return vocalise_abjad(clean_ascii(fold_to_ascii(latin)));
}

// The spellings of one word or a word with the article written on it (الظواهري), best first;
// empty when the table knows neither.
std::vector<std::string> word_spellings(const SpellingTable& table, const std::string& folded) {
  if (auto it = table.spellings.find(folded); it != table.spellings.end()) return it->second;
  if (folded.starts_with(kArticle) && folded.size() > kArticle.size() + 2) {
    auto it = table.spellings.find(folded.substr(kArticle.size()));
    if (it != table.spellings.end()) {
      std::vector<std::string> out;
      for (const std::string& s : it->second) out.push_back("al " + s);
      return out;
    }
  }
  return {};
}

}  // namespace

std::vector<std::string> arabic_table_readings(std::string_view run) {
  const SpellingTable& table = arabic_name_spellings();
  const std::vector<std::string> words = split_name_parts(run);
  std::vector<std::string> folded;
  for (const std::string& w : words) folded.push_back(fold_arabic_letters(w));
  // Each piece of the name: the spellings of one or more words, or one letter reading.
  std::vector<std::vector<std::string>> pieces;
  bool known = false;
  for (size_t i = 0; i < words.size();) {
    bool matched = false;
    for (size_t n = std::min(table.max_key_words, words.size() - i); n >= 2 && !matched; --n) {
      std::string key = folded[i];
      for (size_t k = 1; k < n; ++k) key += " " + folded[i + k];
      if (auto it = table.spellings.find(key); it != table.spellings.end()) {
        pieces.push_back(it->second);
        i += n;
        matched = true;
      }
    }
    if (matched) {
      known = true;
      continue;
    }
    // عبد before an article and a name the table lacks: the lists write the compound abdul X,
    // abdel X or abd al X.
    if (folded[i] == kAbd && i + 1 < words.size() && folded[i + 1].starts_with(kArticle) &&
        folded[i + 1].size() > kArticle.size() + 2) {
      const std::string bare = folded[i + 1].substr(kArticle.size());
      std::vector<std::string> rest = word_spellings(table, bare);
      if (rest.empty()) rest.push_back(letter_reading(words[i + 1].substr(kArticle.size())));
      pieces.push_back({"abdul " + rest.front(), "abdel " + rest.front(), "abd al " + rest.front()});
      known = true;
      i += 2;
      continue;
    }
    std::vector<std::string> spellings = word_spellings(table, folded[i]);
    if (spellings.empty()) {
      pieces.push_back({letter_reading(words[i])});
    } else {
      pieces.push_back(std::move(spellings));
      known = true;
    }
    ++i;
  }
  if (!known) return {};
  // The k-th reading takes each piece's k-th spelling (or its last): the usual spellings
  // together first, then the other conventions (Egyptian Mohamed, Abdel...).
  std::vector<std::string> out;
  constexpr size_t kReadings = 3;
  for (size_t k = 0; k < kReadings; ++k) {
    std::string reading;
    for (const auto& piece : pieces) {
      const std::string& s = piece[std::min(k, piece.size() - 1)];
      if (s.empty()) continue;
      if (!reading.empty()) reading += ' ';
      reading += s;
    }
    if (!reading.empty() && std::find(out.begin(), out.end(), reading) == out.end()) out.push_back(std::move(reading));
  }
  return out;
}

}  // namespace sekisho::text::detail
