// The normal form of party names compared for equality (a policy's named end
// users). Normalisation is ASCII-only on purpose; Unicode folding and
// transliteration belong to src/text/.
#include <cctype>

#include "core/strings.hpp"
#include "sekisho/rules.hpp"

namespace sekisho::rules {

PartyScreener::~PartyScreener() = default;

std::string normalize_party_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80)
      out += c;  // keep non-ASCII bytes (Japanese, Cyrillic) as they are
    else if (std::isalnum(u))
      out += static_cast<char>(std::tolower(u));
    else
      out += ' ';  // punctuation separates words: "Co.,Ltd" == "Co Ltd"
  }
  return collapse_spaces(out);
}

}  // namespace sekisho::rules
