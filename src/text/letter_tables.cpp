// Romanisation of scripts ICU 72 has no transform for (Sinhala, Khmer) and of Lao through Thai:
// letter tables written for sekisho from the scripts' standard letter values, read as names in
// Latin lists spell them (long vowels single, aspirates kept, no inherent vowel where a foreign
// name has none).
#include <string>

#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

namespace {

struct Letter {
  char32_t code_point;
  std::string_view latin;
};

std::string_view find_letter(const Letter* table, size_t size, char32_t cp) {
  for (size_t i = 0; i < size; ++i) {
    if (table[i].code_point == cp) return table[i].latin;
  }
  return {};
}

// Sinhala consonants carry an inherent "a", cancelled by al-lakuna (U+0DCA) or replaced by a
// vowel sign; ැ (æ) writes a foreign "a" (ව්ලැදිමීර් Vladimir).
constexpr Letter kSinhalaConsonants[] = {
    {U'ක', "k"},   {U'ඛ', "kh"}, {U'ග', "g"},  {U'ඝ', "gh"}, {U'ඞ', "ng"}, {U'ඟ', "ng"}, {U'ච', "ch"},
    {U'ඡ', "chh"}, {U'ජ', "j"},  {U'ඣ', "jh"}, {U'ඤ', "ny"}, {U'ඥ', "gn"}, {U'ඦ', "nj"}, {U'ට', "t"},
    {U'ඨ', "th"},  {U'ඩ', "d"},  {U'ඪ', "dh"}, {U'ණ', "n"},  {U'ඬ', "nd"}, {U'ත', "t"},  {U'ථ', "th"},
    {U'ද', "d"},   {U'ධ', "dh"}, {U'න', "n"},  {U'ඳ', "nd"}, {U'ප', "p"},  {U'ඵ', "ph"}, {U'බ', "b"},
    {U'භ', "bh"},  {U'ම', "m"},  {U'ඹ', "mb"}, {U'ය', "y"},  {U'ර', "r"},  {U'ල', "l"},  {U'ව', "v"},
    {U'ශ', "sh"},  {U'ෂ', "sh"}, {U'ස', "s"},  {U'හ', "h"},  {U'ළ', "l"},  {U'ෆ', "f"},
};
constexpr Letter kSinhalaVowels[] = {
    {U'අ', "a"},  {U'ආ', "a"},  {U'ඇ', "a"}, {U'ඈ', "a"},  {U'ඉ', "i"},  {U'ඊ', "i"}, {U'උ', "u"},  {U'ඌ', "u"},
    {U'ඍ', "ri"}, {U'එ', "e"},  {U'ඒ', "e"}, {U'ඓ', "ai"}, {U'ඔ', "o"},  {U'ඕ', "o"}, {U'ඖ', "au"}, {U'ා', "a"},
    {U'ැ', "a"},  {U'ෑ', "a"},  {U'ි', "i"},  {U'ී', "i"},   {U'ු', "u"},   {U'ූ', "u"},  {U'ෘ', "ru"}, {U'ෙ', "e"},
    {U'ේ', "e"},  {U'ෛ', "ai"}, {U'ො', "o"}, {U'ෝ', "o"},  {U'ෞ', "au"}, {U'ං', "m"}, {U'ඃ', "h"},
};
constexpr char32_t kSinhalaVirama = 0x0DCA;

// Khmer consonants (either register), vowel signs and independent vowels; the subscript mark
// coeng (U+17D2) joins two consonants without a vowel, so no inherent vowel is written at all.
constexpr Letter kKhmerLetters[] = {
    {U'ក', "k"},   {U'ខ', "kh"},  {U'គ', "k"},   {U'ឃ', "kh"},  {U'ង', "ng"}, {U'ច', "ch"}, {U'ឆ', "chh"}, {U'ជ', "ch"},
    {U'ឈ', "chh"}, {U'ញ', "nh"},  {U'ដ', "d"},   {U'ឋ', "th"},  {U'ឌ', "d"},  {U'ឍ', "th"}, {U'ណ', "n"},   {U'ត', "t"},
    {U'ថ', "th"},  {U'ទ', "t"},   {U'ធ', "th"},  {U'ន', "n"},   {U'ប', "b"},  {U'ផ', "ph"}, {U'ព', "p"},   {U'ភ', "ph"},
    {U'ម', "m"},   {U'យ', "y"},   {U'រ', "r"},   {U'ល', "l"},   {U'វ', "v"},  {U'ឝ', "sh"}, {U'ឞ', "s"},   {U'ស', "s"},
    {U'ហ', "h"},   {U'ឡ', "l"},   {U'អ', ""},    {U'ឥ', "i"},   {U'ឦ', "i"},  {U'ឧ', "u"},  {U'ឩ', "u"},   {U'ឪ', "ov"},
    {U'ឫ', "rue"}, {U'ឬ', "rue"}, {U'ឭ', "lue"}, {U'ឮ', "lue"}, {U'ឯ', "ae"}, {U'ឰ', "ai"}, {U'ឱ', "ao"},  {U'ឲ', "ao"},
    {U'ឳ', "au"},  {U'ា', "a"},   {U'ិ', "i"},    {U'ី', "i"},    {U'ឹ', "oe"},  {U'ឺ', "oe"},  {U'ុ', "u"},    {U'ូ', "u"},
    {U'ួ', "uo"},   {U'ើ', "ae"},  {U'ឿ', "oea"}, {U'ៀ', "ie"},  {U'េ', "e"},  {U'ែ', "ae"}, {U'ៃ', "ai"},  {U'ោ', "ao"},
    {U'ៅ', "au"},  {U'ំ', "m"},    {U'ះ', "h"},
};

// Each code point of `text` handed to `fn` with the output to append to.
template <typename Fn>
std::string each_code_point(std::string_view text, Fn fn) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) fn(next_code_point(text, pos), out);
  return out;
}

}  // namespace

std::string romanize_sinhala(std::string_view text) {
  const std::u32string s = to_u32(text);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t cp = s[i];
    if (std::string_view c = find_letter(kSinhalaConsonants, std::size(kSinhalaConsonants), cp); !c.empty()) {
      out += c;
      // The inherent vowel unless a vowel sign or al-lakuna follows.
      const char32_t next = i + 1 < s.size() ? s[i + 1] : 0;
      const bool sign = next == kSinhalaVirama || (next >= 0x0DCF && next <= 0x0DDF);
      if (!sign) out += 'a';
      continue;
    }
    if (cp == kSinhalaVirama) continue;
    if (std::string_view v = find_letter(kSinhalaVowels, std::size(kSinhalaVowels), cp); !v.empty()) {
      out += v;
      continue;
    }
    if (cp < 0x0D80 || cp > 0x0DFF) append_utf8(out, cp);
  }
  return fold_to_ascii(out);
}

std::string romanize_khmer(std::string_view text) {
  return fold_to_ascii(each_code_point(text, [](char32_t cp, std::string& out) {
    if (std::string_view l = find_letter(kKhmerLetters, std::size(kKhmerLetters), cp); l.data() != nullptr) {
      out += l;
    } else if (cp < 0x1780 || cp > 0x17FF) {
      append_utf8(out, cp);  // coeng and other marks write no sound
    }
  }));
}

std::string lao_as_thai(std::string_view text) {
  // Unicode laid the Lao block out on the Thai one: a Lao letter sits 0x80 above the Thai letter
  // of the same sound (ວ U+0EA7 = ว U+0E27 w, ປ U+0E9B = ป U+0E1B p), vowel signs and tone marks
  // too. Lao's own letters are spelled out: ໜ ໝ are ຫ+ນ, ຫ+ມ; ຼ is a subscript l; ຽ a y.
  return each_code_point(text, [](char32_t cp, std::string& out) {
    switch (cp) {
      case 0x0EDC:
        out += "หน";
        return;
      case 0x0EDD:
        out += "หม";
        return;
      case 0x0EBC:
        out += "ล";
        return;
      case 0x0EBD:
        out += "ย";
        return;
      default:
        break;
    }
    append_utf8(out, cp >= 0x0E81 && cp <= 0x0ED9 && cp != 0x0EBB ? cp - 0x80 : cp);
  });
}

}  // namespace sekisho::text::detail
