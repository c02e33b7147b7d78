// Exact screening on normalised names: the honest baseline until the fuzzy
// matcher (src/match/) lands. Normalisation is ASCII-only on purpose; Unicode
// folding and transliteration belong to src/text/.
#include <cctype>

#include "core/strings.hpp"
#include "sekisho/rules.hpp"

namespace sekisho::rules {

PartyScreener::~PartyScreener() = default;

std::string normalise_party_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) out += c;  // keep non-ASCII bytes (Japanese, Cyrillic) as they are
    else if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
    else out += ' ';          // punctuation separates words: "Co.,Ltd" == "Co Ltd"
  }
  return collapse_spaces(out);
}

void ExactNameScreener::add_list(const std::string& list_id, const std::vector<Entity>& entities) {
  lists_.push_back({list_id, 0, entities.size()});
  for (const Entity& e : entities) {
    for (const Name& n : e.names) {
      std::string key = normalise_party_name(n.full);
      if (key.empty()) continue;
      by_name_.emplace(std::move(key), Listed{list_id, e.id, n.full});
    }
  }
}

std::vector<ListHit> ExactNameScreener::screen(const Party& party) const {
  std::vector<ListHit> hits;
  auto [begin, end] = by_name_.equal_range(normalise_party_name(party.name));
  for (auto it = begin; it != end; ++it) {
    bool seen = false;
    for (const ListHit& h : hits) seen = seen || (h.list_id == it->second.list_id && h.entity_id == it->second.entity_id);
    if (!seen) hits.push_back({it->second.list_id, it->second.entity_id, it->second.name, 1.0, 0, "exact match of normalised names"});
  }
  return hits;
}

}  // namespace sekisho::rules
