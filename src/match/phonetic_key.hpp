// phonetic_key into a caller's buffer: the comparer keys merged tokens on
// every comparison and must not allocate there once its scratch has grown.
#pragma once

#include <string>
#include <string_view>

namespace sekisho::match::detail {

// Writes phonetic_key(token) into `key` (cleared first).
void phonetic_key_into(std::string_view token, std::string& key);

}  // namespace sekisho::match::detail
