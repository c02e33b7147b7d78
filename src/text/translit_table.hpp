// The rules behind a TranslitTable, and the builder that the built-in Cyrillic schemes and
// the iuliia loader share, so that both run on the same engine.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sekisho/text.hpp"

namespace sekisho::text {

struct TranslitTable::Impl {
  struct Rule {
    std::string_view key;    // one or two Cyrillic letters (lower case)
    std::string_view value;  // romanisation
  };
  struct Rules {
    std::string_view name;
    std::vector<Rule> mapping;  // key: a letter
    std::vector<Rule> prev;     // key: previous letter + letter, or a letter alone = word start
    std::vector<Rule> next;     // key: letter + next letter, or a letter alone = word end
    std::vector<Rule> ending;   // key: the last two letters of a word longer than two letters
  };
  static TranslitTable build(const Rules& rules);

  // Keys are one or two code points packed as (first << 32 | second); 0 stands for "no letter".
  std::string name;
  std::unordered_map<uint64_t, std::string> mapping;  // letter
  std::unordered_map<uint64_t, std::string> prev;     // previous letter (or 0), letter
  std::unordered_map<uint64_t, std::string> next;     // letter, next letter (or 0)
  std::unordered_map<uint64_t, std::string> ending;   // last two letters of a word (len > 2)
  std::vector<Sample> samples;
};

}  // namespace sekisho::text
