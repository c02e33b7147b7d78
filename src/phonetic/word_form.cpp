#include "phonetic/phonetic.hpp"

namespace sekisho::phonetic {

std::string_view english_stem(std::string_view word) {
  // Longest first, so that "-ions" is not read as "-s". Five letters at least
  // stay: "state" / "station" share only "stat", and are different words.
  // "-ion" rather than "-ation": association / associated share "associat".
  // "-ology", "-ologies" and "-ological" leave the root that "-ical" leaves: technology, technological and
  // technical are one word of a name (技術).
  static constexpr std::string_view kEndings[] = {
      "ological", "ologies", "ology", "ments", "ment", "ical", "ions", "ion", "ies", "ial", "ics", "ity",
      "ive",      "ing",     "ary",   "ory",   "ian",  "ed",   "es",   "ic",  "al",  "s",   "y",   "e"};
  constexpr size_t kLeastStem = 5;
  for (std::string_view ending : kEndings) {
    if (word.size() >= ending.size() + kLeastStem && word.ends_with(ending)) {
      return word.substr(0, word.size() - ending.size());
    }
  }
  return word;
}

namespace {
constexpr size_t kLeastWord = 5;
}  // namespace

uint64_t stem_hash(std::string_view word) {
  if (word.size() < kLeastWord) return 0;
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (const char c : english_stem(word)) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h | 1;
}

}  // namespace sekisho::phonetic
