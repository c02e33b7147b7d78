// Helpers shared by the text tests.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "sekisho/text.hpp"
#include "text/normalize.hpp"

namespace sekisho::text::testing {

inline bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// The first gloss among a name's forms (an organisation's comes first, other names' last), or "".
inline std::string gloss_of(const NameForms& forms) {
  for (size_t i = 0; i < forms.variants.size(); ++i) {
    if (forms.sources[i] == VariantSource::kGloss) return forms.variants[i];
  }
  return "";
}

// Analysis options for a name of the given kind, the rest default.
inline AnalyzeOptions of_kind(PartyKind kind) {
  AnalyzeOptions options;
  options.kind = kind;
  return options;
}

// Folds an iuliia sample's expected text to what an ASCII scheme writes: drops the apostrophes
// and separators schemes use as letters (’ ” ʹ ʺ ' ·) and BGN's Cyrillic-looking ё.
inline std::string fold_sample(const std::string& s) {
  std::string t;
  for (size_t i = 0; i < s.size();) {
    bool skipped = false;
    for (const char* drop : {"’", "”", "ʹ", "ʺ", "·", "'", "`"}) {
      std::string d(drop);
      if (s.compare(i, d.size(), d) == 0) {
        i += d.size();
        skipped = true;
        break;
      }
    }
    if (skipped) continue;
    if (s.compare(i, 2, "ё") == 0) {
      t += 'e';
      i += 2;
      continue;
    }
    t += s[i++];
  }
  return fold_to_ascii(t);
}

}  // namespace sekisho::text::testing
