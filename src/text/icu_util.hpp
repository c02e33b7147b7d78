// ICU plumbing shared by the text part: UTF-8 <-> code points and a per-thread pool of
// transliterators (ICU transliterators are not thread-safe and cost ~26 ms to create).
#pragma once

#include <string>
#include <string_view>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "io/utf8.hpp"

namespace sekisho::text::detail {

// The library's one UTF-8 decoder (io/utf8.hpp), under the names the text part calls it by.
using sekisho::append_utf8;
using sekisho::next_code_point;
using sekisho::to_u32;
using sekisho::to_utf8;

// The calling thread's transliterator for `id` (compound ids allowed), or nullptr for an
// unknown id. Owned by the thread; valid until the thread ends.
icu::Transliterator* thread_transliterator(std::string_view id);

// Code point classes used by the tokenizer and the kana/kanji code.
bool is_katakana(char32_t cp);  // incl. ー and ヽヾ
bool is_hiragana(char32_t cp);
bool is_han(char32_t cp);  // CJK unified ideographs (+ext A), 々 and 〆
bool is_cjk(char32_t cp);  // any of the three above

}  // namespace sekisho::text::detail
