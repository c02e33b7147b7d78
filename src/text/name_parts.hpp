// Legal forms, titles and the word order of name parts (internal to the text part and the
// parts above it).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sekisho/text.hpp"
#include "text/normalize.hpp"

namespace sekisho::text {

struct LegalFormHit {
  size_t first_token = 0;  // token range [first_token, first_token + token_count)
  size_t token_count = 0;
  std::string form_class;  // "LLC", "JSC", "LTD", "CORP", "GMBH" ... (rigour's generic when known)
};
// Legal forms found in normalised tokens (any script; CJK forms also as a prefix/suffix of a
// token, e.g. "株式会社トヨタ"). Longest match wins; hits do not overlap.
std::vector<LegalFormHit> find_legal_forms(const NormalizedName& name);

// True when the (normalised) token is a person title/honorific: mr, dr, sheikh, haji, general...
bool is_person_title(std::string_view normalized_token);

// Word order helpers for person names (tokens are space-separated).
std::vector<std::string> split_name_parts(std::string_view variant);
std::string swap_first_last(std::string_view variant);  // "kamikawa yoko" → "yoko kamikawa"

}  // namespace sekisho::text
