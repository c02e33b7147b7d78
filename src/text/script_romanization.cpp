// What ICU's romanisation of a script leaves for names to fix, one rule per script family:
// abjads write long vowels as the consonant letters و/ي (Hebrew ו/י), Indic abugidas print the
// inherent vowel Hindi does not pronounce at a word's end, Korean and Thai transcriptions of
// foreign names follow their own conventions, and a few letters ICU 72 does not know (Urdu ٹ,
// Malayalam chillus) are spelled out first.
#include <unicode/uscript.h>

#include <algorithm>
#include <functional>
#include <string>

#include "io/text_script.hpp"
#include "sekisho/text.hpp"
#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

namespace {

bool is_ascii_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool is_ascii_letter(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_consonant(char c) { return is_ascii_letter(c) && !is_ascii_vowel(c); }

std::string transform_or_empty(std::string_view text, std::string_view id) {
  auto r = icu_transform(text, id);
  return r.ok() ? *r : std::string();
}

// Replaces code points by strings; the rest pass through.
std::string replace_code_points(std::string_view text,
                                std::initializer_list<std::pair<char32_t, std::string_view>> map) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = next_code_point(text, pos);
    bool replaced = false;
    for (const auto& [from, to] : map) {
      if (cp == from) {
        out += to;
        replaced = true;
        break;
      }
    }
    if (!replaced) append_utf8(out, cp);
  }
  return out;
}

// Thai-Latin spaces every syllable (วลาดีมีร์ → "w la di mir"); a word is one token.
std::string thai_words(std::string_view text) {
  return map_words(text, [](std::string_view w) {
    std::string r = fold_to_ascii(transform_or_empty(w, "Thai-Latin"));
    r.erase(std::remove(r.begin(), r.end(), ' '), r.end());
    return r;
  });
}

// The two letters after position i (a space past the end) and whether i starts a word.
struct Around {
  char32_t next;
  char32_t after;
  bool word_start;
};
Around around(const std::u32string& s, size_t i) {
  return {i + 1 < s.size() ? s[i + 1] : U' ', i + 2 < s.size() ? s[i + 2] : U' ', i == 0 || s[i - 1] == U' '};
}

}  // namespace

std::string map_words(std::string_view s, const std::function<std::string(std::string_view)>& fn) {
  std::string out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t space = s.find(' ', start);
    if (space == std::string_view::npos) space = s.size();
    if (!out.empty()) out += ' ';
    out += fn(s.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

std::string urdu_letters_as_arabic(std::string_view text) {
  // ٹ ڈ ڑ (retroflex t d r), ں (nasal n), ے (final y), ھ ہ (h), ۃ (tā' marbūṭa).
  return replace_code_points(
      text, {{U'ٹ', "ت"}, {U'ڈ', "د"}, {U'ڑ', "ر"}, {U'ں', "ن"}, {U'ے', "ي"}, {U'ھ', "ه"}, {U'ہ', "ه"}, {U'ۃ', "ة"}});
}

std::string vocalise_abjad(std::string_view ascii) {
  // A w or y after a consonant, before a consonant or at the word's end, is a vowel letter
  // (matres lectionis: بوتين bwtyn = Butin, פוטין pwtyn = Putin); Yiddish וו is v.
  return map_words(ascii, [](std::string_view w) {
    std::string out;
    size_t i = 0;
    if (w.starts_with("ww")) {
      out += 'v';
      i = 2;
    }
    bool after_vowel_letter = false;  // the previous letter was a w/y read as a vowel (پیوٹن pywtn)
    for (; i < w.size(); ++i) {
      char c = w[i];
      const bool after_consonant = !out.empty() && (after_vowel_letter || is_ascii_consonant(out.back()));
      const bool before_consonant_or_end = i + 1 == w.size() || is_ascii_consonant(w[i + 1]);
      after_vowel_letter = (c == 'w' || c == 'y') && after_consonant && before_consonant_or_end;
      if (after_vowel_letter) c = c == 'w' ? 'u' : 'i';
      out += c;
    }
    return out;
  });
}

std::string drop_inherent_final_vowel(std::string_view romanized) {
  // ICU writes the inherent vowel as a plain "a" and a written long one as "ā": व्लादिमीर →
  // vlādimīra, spoken (and written in Latin) Vladimir. Runs before folding to ASCII.
  return map_words(romanized, [](std::string_view w) {
    if (w.size() >= 3 && w.back() == 'a' && is_ascii_consonant(w[w.size() - 2]))
      return std::string(w.substr(0, w.size() - 1));
    return std::string(w);
  });
}

std::string hangul_loanword_reading(std::string_view ascii) {
  // Korean spells a foreign consonant cluster with the filler vowel ㅡ (eu) and a foreign l
  // between vowels as ㄹㄹ (ll), a single ㄹ being r: 블라디미르 beulladimileu → bladimir.
  return map_words(ascii, [](std::string_view w) {
    std::string out;
    for (size_t i = 0; i < w.size(); ++i) {
      const bool eu = w.compare(i, 2, "eu") == 0;  // ㅡ
      const bool after_consonant = !out.empty() && is_ascii_consonant(out.back());
      if (eu && after_consonant && (i + 2 == w.size() || is_ascii_consonant(w[i + 2]))) {
        ++i;
        continue;
      }
      if (w[i] == 'l') {
        const bool doubled = i + 1 < w.size() && w[i + 1] == 'l';
        const bool before_vowel = i + 1 < w.size() && is_ascii_vowel(w[i + 1]);
        out += doubled || !before_vowel ? 'l' : 'r';  // a final ㄹ is l (호텔 hotel)
        if (doubled) ++i;
        continue;
      }
      out += w[i];
    }
    return out;
  });
}

bool looks_belarusian(std::string_view cyrillic) {
  // Belarusian writes і and never и; Ukrainian has both, and ї є ґ of its own.
  const std::u32string s = to_u32(cyrillic);
  const bool has_i = s.find_first_of(U"іІўЎ") != std::u32string::npos;
  return has_i && s.find_first_of(U"иИїЇєЄґҐ") == std::u32string::npos;
}

std::string belarusian_as_russian(std::string_view cyrillic) {
  // The regular correspondences of a Belarusian name with its Russian form: дз and ц where
  // Russian has a soft д and т (дзеканне, цеканне: Уладзімір Пуцін = Владимир Путин), у/ў
  // before a consonant where Russian has в, і for и.
  const std::u32string s = to_u32(cyrillic);
  const std::u32string soft = U"іеёюяьІЕЁЮЯ";
  const std::u32string vowels = U"аеёіоуыэюяАЕЁІОУЫЭЮЯ";
  std::u32string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    const auto [next, after, word_start] = around(s, i);
    if ((c == U'д' || c == U'Д') && next == U'з' && soft.find(after) != std::u32string::npos) {
      out += c;
      ++i;
      continue;
    }
    if ((c == U'ц' || c == U'Ц') && soft.find(next) != std::u32string::npos) {
      out += c == U'ц' ? U'т' : U'Т';
      continue;
    }
    const bool u_like = c == U'у' || c == U'У' || c == U'ў' || c == U'Ў';
    if (u_like && (word_start || vowels.find(s[i - 1]) != std::u32string::npos) && next != U' ' &&
        vowels.find(next) == std::u32string::npos) {
      out += (c == U'У' || c == U'Ў') ? U'В' : U'в';
      continue;
    }
    if (c == U'і' || c == U'І') {
      out += c == U'і' ? U'и' : U'И';
      continue;
    }
    out += c;
  }
  return to_utf8(out);
}

bool looks_lacinka(std::string_view latin) {
  const std::u32string s = to_u32(latin);
  const bool marker = s.find_first_of(U"łŭ") != std::u32string::npos;
  const bool polish = s.find_first_of(U"ąęóśźżń") != std::u32string::npos;
  const bool soft = latin.find("dzi") != std::string_view::npos || latin.find("ci") != std::string_view::npos ||
                    s.find(U'ŭ') != std::u32string::npos;
  return marker && soft && !polish;
}

std::string lacinka_as_russian(std::string_view latin) {
  // The Cyrillic rules of belarusian_as_russian() in Łacinka letters: dz and c before i/e/ia/iu
  // are a soft d and t, u/ŭ before a consonant at a word's start or after a vowel is v, ł is l.
  const std::u32string s = to_u32(latin);
  const std::u32string vowels = U"aeiouy";
  auto is_vowel = [&](char32_t c) { return vowels.find(c) != std::u32string::npos; };
  std::u32string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    const auto [next, after, word_start] = around(s, i);
    if (c == U'd' && next == U'z' && (after == U'i' || after == U'e')) {
      out += U'd';
      ++i;
      continue;
    }
    if (c == U'c' && (next == U'i' || next == U'e')) {
      out += U't';
      continue;
    }
    if ((c == U'u' || c == U'ŭ') && (word_start || is_vowel(s[i - 1])) && next != U' ' && !is_vowel(next)) {
      out += U'v';
      continue;
    }
    out += c == U'ł' ? U'l' : c;
  }
  return fold_to_ascii(to_utf8(out));
}

std::vector<std::string> romanize_other_script(std::string_view text) {
  std::vector<std::string> out;
  switch (first_icu_script(text)) {
    case USCRIPT_THAI:
      out.push_back(thai_words(text));
      break;
    case USCRIPT_LAO:
      // ICU 72 has no Lao-Latin; Lao letters are read as the Thai letters they mirror.
      out.push_back(thai_words(lao_as_thai(text)));
      return out;
    case USCRIPT_SINHALA:
      out.push_back(map_words(text, romanize_sinhala));
      return out;
    case USCRIPT_KHMER:
      out.push_back(map_words(text, romanize_khmer));
      return out;
    case USCRIPT_ETHIOPIC:
      // SERA writes the sixth-order (often silent) vowel as nothing: ቭላዲሚር → vladimir.
      out.push_back(fold_to_ascii(transform_or_empty(text, "Ethiopic-Latin/SERA")));
      break;
    case USCRIPT_DEVANAGARI:
    case USCRIPT_BENGALI:
    case USCRIPT_GURMUKHI:
    case USCRIPT_GUJARATI:
    case USCRIPT_ORIYA: {
      std::string latin = transform_or_empty(text, "Any-Latin");
      std::string spoken = fold_to_ascii(drop_inherent_final_vowel(latin));
      out.push_back(spoken);
      out.push_back(fold_to_ascii(latin));
      // Bengali has no v and writes a foreign one with ভ (bh): ভ্লাদিমির bhladimir = Vladimir.
      if (first_icu_script(text) == USCRIPT_BENGALI) {
        out.push_back(map_words(spoken, [](std::string_view w) {
          return w.starts_with("bh") ? "v" + std::string(w.substr(2)) : std::string(w);
        }));
      }
      return out;
    }
    case USCRIPT_MALAYALAM: {
      // Chillu letters (ർ ൻ ൽ ൾ ൺ ൿ) are a consonant with virama written as one letter.
      std::string spelled = replace_code_points(
          text,
          {{U'\u0D7A', "ണ്"}, {U'\u0D7B', "ന്"}, {U'\u0D7C', "ര്"}, {U'\u0D7D', "ല്"}, {U'\u0D7E', "ള്"}, {U'\u0D7F', "ക്"}});
      out.push_back(fold_to_ascii(transform_or_empty(spelled, "Any-Latin")));
      break;
    }
    default:
      break;
  }
  out.push_back(fold_to_ascii(transform_or_empty(text, "Any-Latin")));
  return out;
}

}  // namespace sekisho::text::detail
