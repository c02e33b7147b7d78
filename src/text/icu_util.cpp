#include "text/icu_util.hpp"

#include <memory>
#include <unordered_map>

namespace sekisho::text::detail {

icu::Transliterator* thread_transliterator(std::string_view id) {
  // One pool per thread: a transliterator keeps per-call state and must not be shared.
  struct Pool {
    std::unordered_map<std::string, std::unique_ptr<icu::Transliterator>> by_id;
  };
  thread_local Pool pool;
  auto it = pool.by_id.find(std::string(id));
  if (it != pool.by_id.end()) return it->second.get();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8(icu::StringPiece(id.data(), static_cast<int32_t>(id.size()))), UTRANS_FORWARD,
      status));
  if (U_FAILURE(status)) t.reset();  // remembered as nullptr: an unknown id stays unknown
  auto* raw = t.get();
  pool.by_id.emplace(std::string(id), std::move(t));
  return raw;
}

bool is_katakana(char32_t cp) {
  return (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC || cp == 0x30FD || cp == 0x30FE ||
         (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF66 && cp <= 0xFF9F);
}
bool is_hiragana(char32_t cp) { return cp >= 0x3041 && cp <= 0x309F; }
bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F) || cp == 0x3005 || cp == 0x3006;
}
bool is_cjk(char32_t cp) { return is_han(cp) || is_katakana(cp) || is_hiragana(cp); }

}  // namespace sekisho::text::detail
