// sekisho/script.hpp — the writing systems names are published in, as the library tells them
// apart: by ICU's Unicode script property, one detector for every part (src/io/text_script.hpp).
//
//   sekisho::script_name(sekisho::Script::kCyrillic) == "cyrillic"
#pragma once

#include <cstdint>
#include <string_view>

namespace sekisho {

enum class Script : uint8_t {
  kNone,  // no letters (digits only, empty)
  kLatin,
  kCyrillic,
  kGreek,
  kArabic,
  kHebrew,
  kArmenian,
  kGeorgian,
  kHan,
  kHiragana,
  kKatakana,
  kHangul,
  kOther,
  kMixed,  // only for a whole name whose tokens have different scripts
};

// "latin", "cyrillic", …, "other", "mixed".
std::string_view script_name(Script script);

}  // namespace sekisho
