#include "match/word_form.hpp"

namespace sekisho::match::detail {

std::string_view english_stem(std::string_view word) {
  // Longest first, so that "-ions" is not read as "-s". Five letters at least
  // stay: "state" / "station" share only "stat", and are different words.
  // "-ion" rather than "-ation": association / associated share "associat".
  static constexpr std::string_view kEndings[] = {"ments", "ment", "ical", "ions", "ion", "ies", "ial", "ics",
                                                  "ity",   "ive",  "ing",  "ary",  "ory", "ian", "ed",  "es",
                                                  "ic",    "al",   "s",    "y",    "e"};
  constexpr size_t kLeastStem = 5;
  for (std::string_view ending : kEndings) {
    if (word.size() >= ending.size() + kLeastStem && word.ends_with(ending)) {
      return word.substr(0, word.size() - ending.size());
    }
  }
  return word;
}

bool same_word_form(std::string_view a, std::string_view b) {
  constexpr size_t kLeastWord = 5;
  if (a == b || a.size() < kLeastWord || b.size() < kLeastWord) return false;
  return english_stem(a) == english_stem(b);
}

}  // namespace sekisho::match::detail
