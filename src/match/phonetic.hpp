// The phonetic key (sekisho::match::phonetic_key) written into a caller's
// buffer: the comparer needs keys of tokens it makes up per pair (merged
// units, l read as r), thousands per query, and must not allocate for them.
#pragma once

#include <string>
#include <string_view>

namespace sekisho::match::detail {

// Sets `key` to phonetic_key(token), reusing its storage.
void phonetic_key_into(std::string_view token, std::string& key);

// phonetic_key(joined) of a run of tokens joined: a query's runs meet every candidate and a
// candidate's every query form, so the thread keeps the last keys made (a small table by the
// text's hash). The reference stays valid until the next call on the thread.
const std::string& joined_phonetic_key(std::string_view joined);

// The class of the token's first sound, as the phonetic key writes it ('k' for c, g, k, q; 'x'
// for sh, ch; …): two spellings of one first consonant share it.
char first_sound_class(std::string_view token);

// Whether a token writes th or dh, which kana writes as s or z (see heard_in_kana).
bool has_dental_h(std::string_view s);

// Sets `out` to heard_in_kana(token), reusing its storage; without `dentals`, only l is read as r.
void heard_in_kana_into(std::string_view token, bool dentals, std::string& out);

}  // namespace sekisho::match::detail
