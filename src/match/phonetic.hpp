// The phonetic key (sekisho::match::phonetic_key) written into a caller's
// buffer: the comparer needs keys of tokens it makes up per pair (merged
// units, l read as r), thousands per query, and must not allocate for them.
#pragma once

#include <string>
#include <string_view>

namespace sekisho::match::detail {

// Sets `key` to phonetic_key(token), reusing its storage.
void phonetic_key_into(std::string_view token, std::string& key);

}  // namespace sekisho::match::detail
