// ICU plumbing shared by the text part: UTF-8 <-> code points and a per-thread pool of
// transliterators (ICU transliterators are not thread-safe and cost ~26 ms to create).
#pragma once

#include <string>
#include <string_view>

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace sekisho::text::detail {

// Decodes one code point at `pos` and advances it; invalid bytes give U+FFFD.
char32_t next_code_point(std::string_view s, size_t& pos);
void append_utf8(std::string& out, char32_t cp);
std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);

// The calling thread's transliterator for `id` (compound ids allowed), or nullptr for an
// unknown id. Owned by the thread; valid until the thread ends.
icu::Transliterator* thread_transliterator(std::string_view id);

// Code point classes used by the tokenizer and the kana/kanji code.
bool is_katakana(char32_t cp);  // incl. ー and ヽヾ
bool is_hiragana(char32_t cp);
bool is_han(char32_t cp);       // CJK unified ideographs (+ext A), 々 and 〆
bool is_cjk(char32_t cp);       // any of the three above

}  // namespace sekisho::text::detail
