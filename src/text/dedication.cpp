// A body named after a person: Russian institutions carry a dedication (имени, "named after")
// that lists give or leave out at will. The Japanese lists write the person first
// (P.D.グルシン名称機械製造設計局ファケル), the English ones after the body ("Machine-Building
// Engineering Office Fakel Named After Akademika P.D. Grushina"), and many names of the same
// body have none ("Boreskov Institute of Catalysis", "Fakel"). The body alone is the part both
// sides share.
#include <array>
#include <string>

#include "core/strings.hpp"
#include "sekisho/text.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

namespace {

// The name without what may stand between a dedication and the body at either end: spaces,
// separators, quotes, a comma (whole UTF-8 characters).
std::string_view trim_edges(std::string_view s) {
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    for (std::string_view e : {" ", ",", ";", "・", "\u3000", "「", "」", "『", "』", "“", "”", "\"", "'"}) {
      if (s.starts_with(e)) {
        s.remove_prefix(e.size());
        changed = true;
      }
      if (s.ends_with(e)) {
        s.remove_suffix(e.size());
        changed = true;
      }
    }
  }
  return s;
}

// Some word of the body says which body it is: a word of three letters or more that is no
// legal form and no organisation word ("Design Bureau" alone names none).
bool names_a_body(std::string_view body) {
  const NormalizedName n = normalize(body);
  std::vector<bool> legal(n.tokens.size(), false);
  for (const LegalFormHit& h : find_legal_forms(n)) {
    for (size_t k = h.first_token; k < h.first_token + h.token_count && k < legal.size(); ++k) legal[k] = true;
  }
  for (size_t k = 0; k < n.tokens.size(); ++k) {
    const NormalizedToken& t = n.tokens[k];
    if (legal[k]) continue;
    // A word of Japanese script is a whole run of words: one of two characters may name the body.
    const bool japanese = t.script == Script::kHan || t.script == Script::kKatakana || t.script == Script::kHiragana;
    if (japanese ? t.text.size() >= 6 : (t.text.size() >= 3 && organization_word_class(t.text) == nullptr)) return true;
  }
  return false;
}

}  // namespace

std::string without_dedication(std::string_view raw) {
  const std::string_view name = trim_edges(raw);
  // Japanese: the person, 名称, the body.
  if (const size_t at = name.find("名称"); at != std::string_view::npos && at > 0) {
    const std::string_view body = trim_edges(name.substr(at + std::string_view("名称").size()));
    if (body.size() >= 6 && names_a_body(body)) return std::string(body);
    return {};
  }
  // Latin and Cyrillic: the body, the marker, the person.
  const std::string lower = to_lower_ascii(std::string(name));
  static constexpr std::array<std::string_view, 8> kMarkers = {" named after ",    " n.a. ",    " imeni ", " im. ",
                                                               " in the name of ", " by name ", " имени ", " ИМЕНИ "};
  for (std::string_view m : kMarkers) {
    const size_t at = lower.find(m);
    if (at == std::string::npos || at == 0) continue;
    const std::string_view body = trim_edges(name.substr(0, at));
    if (names_a_body(body)) return std::string(body);
    return {};
  }
  return {};
}

}  // namespace sekisho::text::detail
