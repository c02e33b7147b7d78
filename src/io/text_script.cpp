#include "io/text_script.hpp"

#include "io/utf8.hpp"

namespace sekisho {

bool has_non_latin_letters(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = next_code_point(text, pos);
    if ((cp >= 0x370 && cp <= 0x1FFF) || (cp >= 0x3040 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF)) {
      return true;
    }
  }
  return false;
}

}  // namespace sekisho
