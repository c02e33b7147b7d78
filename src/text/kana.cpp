// Kana → Latin with the spellings real lists mix: Hepburn without macrons (Yoko, Shinbashi),
// wāpuro (Youko), passport "oh" (Yohko), Kunrei-shiki (si/ti/tu/hu/zi), m before b/m/p
// (Shimbashi), ヴ as v or b, and for foreign names the epenthetic vowels removed (アルグト
// "aruguto" → "argut") with l for r, since Japanese writes both l and r as ラ行. A foreign
// name's order of variants: Hepburn, the Korean reading when a Korean surname leads (キム
// ジョンシク kim jong sik), the reduction, the Russian reading (シ/チ/ジ as si/ti/di, ハ行 as kh:
// ウラジーミル vladimir), their l twins, then the Japanese styles.
#include <algorithm>
#include <string>
#include <vector>

#include "sekisho/text.hpp"
#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text {

namespace {

struct KanaSyllable {
  std::string hepburn;
  std::string kunrei;
};

// Katakana U+30A1..U+30F6 in code point order; "" for small kana handled elsewhere.
// Pairs of Hepburn / Kunrei where they differ ("shi|si").
constexpr const char* kKatakana[] = {
    "a*",  "a",  "i*",     "i",     "u*",  "u",      "e*",    "e",  "o*", "o",         // ァアィイゥウェエォオ
    "ka",  "ga", "ki",     "gi",    "ku",  "gu",     "ke",    "ge", "ko", "go",        // カ..ゴ
    "sa",  "za", "shi|si", "ji|zi", "su",  "zu",     "se",    "ze", "so", "zo",        // サ..ゾ
    "ta",  "da", "chi|ti", "ji|zi", "Q",   "tsu|tu", "zu",    "te", "de", "to", "do",  // タ..ド (Q = ッ)
    "na",  "ni", "nu",     "ne",    "no",                                              // ナ..ノ
    "ha",  "ba", "pa",     "hi",    "bi",  "pi",     "fu|hu", "bu", "pu", "he", "be",
    "pe",  "ho", "bo",     "po",    "ma",  "mi",     "mu",    "me", "mo",  // マ..モ
    "ya*", "ya", "yu*",    "yu",    "yo*", "yo",                           // ャヤュユョヨ
    "ra",  "ri", "ru",     "re",    "ro",                                  // ラ..ロ
    "wa*", "wa", "i",      "e",     "o",   "N",      "vu",    "ka", "ke",  // ヮワヰヱヲンヴヵヶ
};

char32_t to_katakana(char32_t cp) {
  if (cp >= 0x3041 && cp <= 0x3096) return cp + 0x60;  // hiragana block mirrors katakana
  return cp;
}

bool is_vowel(char c) { return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o'; }

// One unit of the parsed string: a syllable, a chōon (ー), a sokuon (ッ) or other text.
struct Unit {
  enum Kind { kSyllable, kLong, kGeminate, kN, kOther } kind = kOther;
  KanaSyllable syl;
  std::string other;  // kOther: the text as is
  bool vu = false;    // contains ヴ (for the b variant)
};

KanaSyllable split_pair(std::string_view entry) {
  size_t bar = entry.find('|');
  if (bar == std::string_view::npos) return {std::string(entry), std::string(entry)};
  return {std::string(entry.substr(0, bar)), std::string(entry.substr(bar + 1))};
}

// The consonant part of a syllable that a small vowel kana modifies: フ+ァ → f, テ+ィ → t,
// シ+ェ → sh, ウ+ィ → w, イ+ェ → y.
std::string digraph_stem(const std::string& base) {
  if (base == "u") return "w";
  if (base == "i") return "y";
  // ク/グ keep their rounding: クァ kwa, グァ gwa, クォ kwo (Korean 광 グァン gwang, 권 クォン kwon).
  if (base == "ku" || base == "gu") return base.substr(0, 1) + "w";
  return base.size() < 2 ? base : base.substr(0, base.size() - 1);
}

// Merges a small kana into the syllable before it: youon (キャ kya, シャ sha/sya) or a
// foreign-sound digraph (ファ fa, ティ ti, ヴァ va, クヮ kwa).
void merge_small(KanaSyllable& prev, std::string_view small) {
  bool y_kind = small[0] == 'y';
  std::string vowel(1, small.back());
  if (y_kind && prev.hepburn.size() >= 2 && prev.hepburn.back() == 'i') {
    std::string stem = prev.hepburn.substr(0, prev.hepburn.size() - 1);
    bool palatal = stem == "sh" || stem == "ch" || stem == "j";
    prev.hepburn = stem + (palatal ? "" : "y") + vowel;
    prev.kunrei = prev.kunrei.substr(0, prev.kunrei.size() - 1) + "y" + vowel;
    return;
  }
  std::string stem = digraph_stem(prev.hepburn);
  prev.hepburn = stem + (small[0] == 'w' || y_kind ? std::string(small) : vowel);
  prev.kunrei = prev.hepburn;
}

std::vector<Unit> parse_kana(std::string_view text) {
  std::vector<Unit> units;
  units.reserve(text.size() / 3);  // a kana is three bytes of UTF-8; a Unit holds strings, costly to move
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = to_katakana(detail::next_code_point(text, pos));
    if (cp == 0x30FC) {
      units.push_back({Unit::kLong, {}, {}});
      continue;
    }
    if (cp < 0x30A1 || cp > 0x30F6) {
      Unit u;
      u.kind = Unit::kOther;
      detail::append_utf8(u.other, cp);
      units.push_back(std::move(u));
      continue;
    }
    std::string_view entry = kKatakana[cp - 0x30A1];
    if (entry == "Q") {
      units.push_back({Unit::kGeminate, {}, {}});
      continue;
    }
    if (entry == "N") {
      units.push_back({Unit::kN, {"n", "n"}, {}});
      continue;
    }
    bool small = entry.back() == '*';
    if (small) entry.remove_suffix(1);
    KanaSyllable syl = split_pair(entry);
    if (small && !units.empty() && units.back().kind == Unit::kSyllable) {
      merge_small(units.back().syl, entry);
      continue;
    }
    Unit u;
    u.kind = Unit::kSyllable;
    u.syl = std::move(syl);
    u.vu = cp == 0x30F4;
    units.push_back(std::move(u));
  }
  return units;
}

enum class LongVowels { kDrop, kWapuro, kOh };

struct Style {
  bool kunrei = false;
  LongVowels long_vowels = LongVowels::kDrop;
  bool m_before_labial = false;
  bool vu_as_b = false;
  // ッ before チ/ツ dropped: in foreign names ッチ/ッツ write a plain ch/ts (-vich, Milica).
  bool foreign_geminates = false;
  // A Korean name: ン closing a syllable is the ng Japanese cannot write apart from n (ジョン
  // jong), ル closing one is l (チョル chol), ファ/フィ are hwa/hwi (Korean has no f), and the
  // given name's syllables are written apart, as the lists do (KIM KYONG IL).
  bool korean = false;
  // Korean: a surname's チ read as the unvoiced ㅈ j (チャン Jang) rather than ㅊ ch (Chang).
  bool korean_surname_j = false;
};

bool ends_syllable(const std::vector<Unit>& units, size_t i) {
  return i + 1 >= units.size() || units[i + 1].kind != Unit::kSyllable || !is_vowel(units[i + 1].syl.hepburn[0]);
}

std::string render(const std::vector<Unit>& units, const Style& style) {
  std::string out;
  bool geminate = false;
  bool closed = false;  // Korean: the last syllable was closed by ン or a final consonant
  for (size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    switch (u.kind) {
      case Unit::kOther:
        out += u.other;
        geminate = false;
        break;
      case Unit::kGeminate:
        geminate = true;
        break;
      case Unit::kN: {
        char next = 0;
        if (i + 1 < units.size() && units[i + 1].kind == Unit::kSyllable) next = units[i + 1].syl.hepburn[0];
        const bool labial = next == 'b' || next == 'm' || next == 'p';
        if (style.korean) {
          // ン closes a Korean syllable: the lists write each syllable of a given name apart.
          out += !labial && ends_syllable(units, i) ? "ng" : "n";
          if (next != 0) out += ' ';
          closed = true;
          break;
        }
        out += (style.m_before_labial && labial) ? 'm' : 'n';
        break;
      }
      case Unit::kLong: {
        // ー lengthens the previous vowel.
        char last = out.empty() ? 0 : out.back();
        if (!is_vowel(last)) break;
        if (style.long_vowels == LongVowels::kWapuro) out += last;
        if (style.long_vowels == LongVowels::kOh && last == 'o') out += 'h';
        break;
      }
      case Unit::kSyllable: {
        std::string s = style.kunrei ? u.syl.kunrei : u.syl.hepburn;
        if (u.vu && style.vu_as_b) s[0] = 'b';
        if (style.korean) {
          // A syllable-initial ㄱ is k (ギョン kyong), 시 is si, and ファ/フィ are hwa/hwi.
          if ((out.empty() || out.back() == ' ') && s[0] == 'g') s[0] = 'k';
          // A surname's ㅈ opens the whole name unvoiced, so Japanese hears and writes it チ:
          // チャン 장 Jang, チョン 정 Jong, チュ 주 Ju. チェ stays 최 Choe, the ch surname Japanese
          // writes so. Inside the name ㅈ is voiced and written ジ, so a given name's チ is ㅊ ch.
          if (style.korean_surname_j && i == 0 && s.size() >= 3 && s.compare(0, 2, "ch") == 0 && s[2] != 'e') {
            s.replace(0, 2, "j");
          }
          // ク/グ before ワ keep their rounding, as before a small ァ: グワン 광 kwang.
          if (s[0] == 'w' && (out.ends_with("ku") || out.ends_with("gu"))) out.pop_back();
          if (s == "shi") s = "si";
          if (s.size() >= 2 && s[0] == 'f') s = s == "fu" ? "hu" : "hw" + s.substr(1);
          // ル, ク, ム, プ after an open syllable close it as l, k, m, p (チョル chol, シク sik,
          // ボムス bom su; ス is never a closer, and クムサン's ク opens kum).
          const bool after_open = i > 0 && units[i - 1].kind == Unit::kSyllable && !closed;
          const bool closer = s == "ru" || (after_open && (s == "ku" || s == "mu" || s == "pu"));
          if (closer && ends_syllable(units, i)) {
            const bool more = i + 1 < units.size() && units[i + 1].kind == Unit::kSyllable;
            s = std::string(1, s == "ru" ? 'l' : s[0]) + (more ? " " : "");
            out += s;
            closed = true;
            geminate = false;
            break;
          }
          closed = false;
        }
        const bool affricate = s.compare(0, 2, "ch") == 0 || s.compare(0, 2, "ts") == 0;
        if (geminate && !s.empty() && !is_vowel(s[0]) && !(style.foreign_geminates && affricate)) {
          // Hepburn doubles ch as tch (マッチ matchi); Kunrei just doubles.
          out += (s.compare(0, 2, "ch") == 0) ? 't' : s[0];
        }
        geminate = false;
        // ou / oo / uu written long: keep (wāpuro), drop (Hepburn without macrons) or "oh".
        char last = out.empty() ? 0 : out.back();
        bool long_o = (s == "u" || s == "o") && last == 'o';
        bool long_u = s == "u" && last == 'u';
        if ((long_o || long_u) && style.long_vowels != LongVowels::kWapuro) {
          if (long_o && style.long_vowels == LongVowels::kOh) out += 'h';
          break;
        }
        out += s;
        break;
      }
    }
  }
  return out;
}

bool is_consonant(char c) { return c >= 'a' && c <= 'z' && !is_vowel(c); }

bool is_cluster_onset(char c) { return c == 'b' || c == 'p' || c == 'f' || c == 'v' || c == 'k' || c == 'g'; }

// One word of a Hepburn rendering with the vowels Japanese inserts after a foreign consonant
// removed, so the word meets the Latin spelling it was transcribed from:
//  - "u" between a single consonant (itself after a vowel) and another consonant, or final after
//    a consonant: アルグト aruguto → argut, ウラジーミル urajimiru → urajimir;
//  - "o" after t/d before r or at the end: ペトロフ petorofu → petrof, アルグト → argut;
//    and after a t/d that follows a vowel, before any consonant;
//  - "i" after a final ch: ミロシェヴィッチ miroshevichi → miroshevich (-ић, -ич);
//  - the "u" of a word-initial consonant cluster: クリモフ kurimofu → krimof, ヴライコ
//    vuraiko → vraiko, and of ス before any consonant: ストイリコヴィッチ → stoiri…,
//    ヴォロノフスキー voronofusuki → voronofski;
//  - ン before b/m/p is m: ムハンマド muhanmado → muhammad;
//  - a word-initial ウ before ラ is the v/w no vowel may follow: ウラジーミル → vrajimir (not
//    before ラル or ラリ: ウラル is Ural).
// `closing_f_as_h` off keeps a syllable-closing フ as f, for the Russian reading to decide.
std::string reduce_foreign_word(std::string_view s, bool closing_f_as_h = true) {
  // アル and エル standing alone are the Arabic article (アル・カーイダ al-Qaida, アブド・エル・
  // カーデル Abd el-Kader), whose l Japanese writes as ル.
  if (s == "aru") return "al";
  if (s == "eru") return "el";
  // A final long ター/ダー writes the English -ter/-der Japanese hears without its r (ピーター
  // Peter, ハイダー Haider).
  if (s.size() >= 5 && (s.ends_with("taa") || s.ends_with("daa"))) {
    return reduce_foreign_word(std::string(s.substr(0, s.size() - 2)) + "eru", closing_f_as_h);
  }
  // A final ッラー is Arabic -llah, whose h Japanese hears as the long vowel (ハイルッラー
  // Khairullah, アブダッラー Abdallah).
  if (s.size() >= 6 && s.ends_with("rraa")) {
    return reduce_foreign_word(std::string(s.substr(0, s.size() - 4)) + "llah", closing_f_as_h);
  }
  std::string out;
  const size_t n = s.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = s[i];
    const bool last = i + 1 == n;
    const char next = last ? '\0' : s[i + 1];
    const bool after_consonant = !out.empty() && is_consonant(out.back()) && out.back() != 'y';
    // Only before ラ: Russian вл is followed by a (Владимир, Владивосток), where ウリ, ウル, ウロ
    // write ул-/ур- (ウリヤノフスク Ulyanovsk). Not before ラル or ラリ: Russian has no влар or
    // влал, and ウラル, ウラリ are the Урал, Ураль of Ural, Uralsk, Uralmash.
    const bool ural = i + 3 < n && s.compare(i, 4, "urar") == 0;
    if (i == 0 && c == 'u' && next == 'r' && i + 2 < n && s[i + 2] == 'a' && !ural) {
      out += 'v';
      continue;
    }
    if (c == 'u' && after_consonant) {
      // Only after a vowel + consonant: プーチン "puchin" keeps its u, アルグト drops one.
      // シュ/チュ/ツ count as one consonant: アシュラフ ashraf, and シュ opens a cluster at a
      // word's start too (シュメレフ Shmelev).
      const bool digraph =
          out.size() >= 2 && out[out.size() - 1] == 'h' && (out[out.size() - 2] == 's' || out[out.size() - 2] == 'c');
      const size_t consonant_length = digraph || (out.size() >= 2 && out.compare(out.size() - 2, 2, "ts") == 0) ? 2 : 1;
      const bool single =
          (out.size() > consonant_length && is_vowel(out[out.size() - 1 - consonant_length])) || (out == "sh");
      // Before a geminate (ッ) the vowel is a real short one: ハイルッラー khairullah.
      const bool before_consonant = !last && is_consonant(next) && next != 'y' && !(i + 2 < n && s[i + 2] == next);
      // ...but not when the ラ行 syllable's own u is epenthetic: ブルガーコフ is Bulgakov.
      const bool onset = out.size() == 1 && is_cluster_onset(out[0]) && next == 'r' && i + 2 < n &&
                         is_vowel(s[i + 2]) && s[i + 2] != 'u';
      // ス before a consonant is an s cluster anywhere: -ский スキー ski, Svetlana, Stoiljković;
      // so is ズ a z one, voiced before a voiced consonant (Сбербанк ズベルバンク zberbank, Звёздочка).
      // Not before ハ行: Japanese writes sh as シ, so the u of ス before ハ行 is a real vowel or
      // stands before the kh Russian hears there (スホイ Sukhoi), never the s of an sh.
      const bool s_cluster = (out.back() == 's' || out.back() == 'z') &&
                             (out.size() < 2 || out[out.size() - 2] != out.back()) && next != 'h';
      // A final u that would leave two letters is a real vowel: アブ abu (Abu Sayyaf), not "ab".
      if ((last && out.size() > 2) || (before_consonant && (single || onset || s_cluster))) continue;
    }
    // ト/ド before a ラ行 syllable with its own vowel: the tr/dr cluster (not "-toru": Viktor);
    // after a vowel, before any consonant (メドヴェージェフ medovejefu → medvejef, but
    // アントノフ antonofu keeps its o).
    const bool epenthetic_ru = i + 2 < n && s[i + 2] == 'u' && (i + 3 == n || is_consonant(s[i + 3]));
    const bool r_cluster = next == 'r' && i + 2 < n && is_vowel(s[i + 2]) && !epenthetic_ru;
    const bool t_or_d = after_consonant && (out.back() == 't' || out.back() == 'd');
    const bool single_t = t_or_d && out.size() >= 2 && is_vowel(out[out.size() - 2]);
    // ン after the vowel closes its syllable, so the vowel is real: デドン dedon (Daedong).
    const bool coda_n = next == 'n' && (i + 2 >= n || !is_vowel(s[i + 2]));
    const bool before_consonant = !last && is_consonant(next) && next != 'y' && !coda_n;
    // Not before a final フ: that o is the vowel of -ov (サラトフ Saratov). After ス before ヴ it is
    // the epenthetic vowel of -ство (ラヴェンストヴォ Ravenstvo).
    const bool ov_ending = i + 3 == n && next == 'f' && s[i + 2] == 'u';
    const bool stvo = t_or_d && out.size() >= 2 && out[out.size() - 2] == 's' && next == 'v';
    if (c == 'o' && t_or_d && (last || r_cluster || stvo || (single_t && before_consonant && !ov_ending))) continue;
    if (c == 'i' && last && out.size() >= 2 && out.compare(out.size() - 2, 2, "ch") == 0) continue;
    // A long vowel (written twice by the wāpuro rendering) is no epenthetic one: マンスール
    // mansuuru → mansur, where "mansuru" would lose its u.
    if (is_vowel(c) && !out.empty() && out.back() == c) continue;
    out += c;
  }
  // A doubled consonant left at the end comes from ッ before an epenthetic vowel (イスラミック
  // isuramikku, リミテッド rimiteddo): Latin spellings write it once (islamic, limited).
  if (out.size() >= 3 && is_consonant(out.back()) && out[out.size() - 2] == out.back()) out.pop_back();
  for (size_t i = 1; closing_f_as_h && i + 1 < out.size(); ++i) {
    // フ closing a syllable inside a word writes the h/kh Japanese lacks: アフマド afmad → ahmad,
    // マフムード, ファフリ (Fakhri); not before s (-フスキー is the v of -ovsky, below).
    const char next = out[i + 1];
    if (out[i] == 'f' && is_vowel(out[i - 1]) && is_consonant(next) && next != 's' && next != 'f' && next != 'y') {
      out[i] = 'h';
    }
  }
  // A final -オフ/-エフ and -フスキー are Russian -ov/-ev and -ovsky (ペトロフ Petrov,
  // メドヴェージェフ, ベレゾフスキー), where Japanese hears the devoiced v as f.
  if (out.size() >= 3 && out.back() == 'f' && (out[out.size() - 2] == 'o' || out[out.size() - 2] == 'e')) {
    out.back() = 'v';
  }
  if (size_t fsk = out.find("fsk"); fsk != std::string::npos && fsk > 0 && is_vowel(out[fsk - 1])) out[fsk] = 'v';
  return out;
}

// A foreign name's reduction read as Russian: Japanese writes си, ти, ди as シ, チ, ジ (the
// palatalised consonants it hears) and де as ジェ: ヴァシリエフ vashiliev → vasiliev,
// チモシノフ chimoshinov → timosinov, ウラジーミル vrajimir → vradimir, メドヴェージェフ → medvedev.
std::string russian_reading(std::string s) {
  auto replace_all = [&s](std::string_view from, std::string_view to) {
    for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
      s.replace(pos, from.size(), to);
    }
  };
  replace_all("shi", "si");
  replace_all("chi", "ti");
  replace_all("ji", "di");
  replace_all("je", "de");
  // And as the US/UK lists' BGN spelling writes Russian: х (ハ行 after Japanese) is kh, a
  // word-initial е is ye, the -slav ending is -av: ミハイロフ Mikhaylov, エヴゲーニー Yevgeniy,
  // ヴャチェスラフ Vyacheslav.
  return detail::map_words(s, [](std::string_view w) {
    std::string out;
    for (size_t i = 0; i < w.size(); ++i) {
      const char next = i + 1 < w.size() ? w[i + 1] : '\0';
      const char after_next = i + 2 < w.size() ? w[i + 2] : '\0';
      const bool digraph = i > 0 && (w[i - 1] == 's' || w[i - 1] == 'c' || w[i - 1] == 'k');
      // Japanese has no tya, tyu, tyo: тя, тю, тё are written チャ, チュ, チョ (デグチャリョフ
      // Degtyarev, アンチュフェエフ Antyufeyev, アルチョム Artyom). The reduction keeps the ch
      // of ча (ビチャエフ Bichaev).
      if (w[i] == 'c' && next == 'h' && (after_next == 'a' || after_next == 'u' || after_next == 'o')) {
        out += "ty";
        ++i;
        continue;
      }
      // A soft л before a consonant is written リ (イリダル Ildar, モスカリコヴァ Moskalkova),
      // a hard one ル: "ri" after a vowel and before a consonant other than r, l, y is l, but
      // not in the last syllable, where the i is a real vowel.
      const bool after_vowel = !out.empty() && is_vowel(out.back());
      const bool in_last_syllable = i + 3 >= w.size();  // ボリス Boris, ベールィフ Belykh
      if (w[i] == 'r' && next == 'i' && after_vowel && !in_last_syllable && is_consonant(after_next) &&
          after_next != 'r' && after_next != 'l' && after_next != 'y') {
        out += 'l';
        ++i;
        continue;
      }
      // A フ closing a syllable is the devoiced в Russian has before a voiceless consonant
      // (アフトマティカ Avtomatika), ф before r or l (サフロノフ Safronov, エフレモフ Yefremov), and
      // х before any other consonant, which в would have made voiced (バフムト Bakhmut).
      const bool closing =
          i > 0 && is_vowel(w[i - 1]) && is_consonant(next) && next != 'y' && next != 's' && next != 'f';
      if (w[i] == 'f' && closing) {
        const bool voiceless = next == 't' || next == 'k' || next == 'p' || next == 'c';
        out += voiceless ? "v" : (next == 'r' || next == 'l') ? "f" : "kh";
        continue;
      }
      // х before u or a consonant is written フ, as ф is (フロモフ Khromov, フベゾフ Khubezov); so
      // is the -ых/-их of a surname (ベールィフ Belykh, -スキフ -skikh).
      if (w[i] == 'f' &&
          ((i == 0 && (next == 'r' || next == 'l' || next == 'u')) || (i > 0 && next == '\0' && w[i - 1] == 'i'))) {
        out += "kh";
        continue;
      }
      // Russian has no w: ワ writes ва, and クワ/グワ the кв/гв whose u Japanese inserts (モスクワ
      // Moskva).
      if (w[i] == 'w') {
        if (out.size() >= 2 && out.back() == 'u' && is_consonant(out[out.size() - 2])) out.pop_back();
        out += 'v';
        continue;
      }
      if (w[i] == 'h' && !digraph) out += 'k';
      if (i == 0 && w[i] == 'e') out += 'y';
      out += w[i];
    }
    if (out.size() >= 4 && out.ends_with("af")) out.back() = 'v';
    // A final ль after в or м is written リ (ヤロスラヴリ Yaroslavl, クレムリ Kreml); after other
    // consonants a final リ is as often a real ri (キプリ).
    if (out.size() >= 4 && (out.ends_with("vri") || out.ends_with("mri"))) {
      out.resize(out.size() - 2);
      out += 'l';
    }
    return out;
  });
}

std::string reduce_foreign(std::string_view s, bool closing_f_as_h = true) {
  return detail::map_words(s, [closing_f_as_h](std::string_view w) { return reduce_foreign_word(w, closing_f_as_h); });
}

// A foreign reduction with the Arabic article written apart where Japanese writes it
// assimilated to a sun letter, as Arabic says it: アッサイード "assaid" is al-Sayyid, エッサイード
// el-Sayed, アンヌール an-Nur. "" when no word opens so.
std::string arabic_articles_apart(std::string_view reduced) {
  bool changed = false;
  std::string out = detail::map_words(reduced, [&changed](std::string_view w) {
    // A doubled sun letter after the article's vowel (ッ before サ行, タ行, ダ行, ザ行, ラ行, and
    // ン before ナ行); not l, whose アッラー is Allah's own double l.
    static constexpr std::string_view kSunLetters = "dnrstz";
    const bool article = w.size() >= 5 && (w[0] == 'a' || w[0] == 'e') && w[1] == w[2] &&
                         kSunLetters.find(w[1]) != std::string_view::npos;
    if (!article) return std::string(w);
    changed = true;
    return std::string(w[0] == 'a' ? "al " : "el ") + std::string(w.substr(2));
  });
  return changed ? out : std::string();
}

std::string r_as_l(std::string s) {
  for (char& c : s) c = c == 'r' ? 'l' : c;
  return s;
}

void push_unique(std::vector<std::string>& list, std::string v) {
  if (v.empty()) return;
  for (const auto& x : list) {
    if (x == v) return;
  }
  list.push_back(std::move(v));
}

// Whether a run of katakana words is a Korean name: two or more words, the first a common
// Korean surname (キム Kim, パク Park, チェ Choe...; 이/리 and the one-syllable ones
// Chinese shares are left out).
bool looks_korean_name(std::string_view kana) {
  static constexpr std::string_view kSurnames[] = {
      "キム", "パク", "チェ", "チョ", "チョン", "チャン", "カン",   "ユン",   "ハン", "シン", "クォン", "ファン",
      "ソン", "ホン", "ムン", "ペク", "ヒョン", "ヤン",   "リョム", "ピョン", "シム", "キル", "ナム",   "ミン",
      "ペ",   "ノ",   "ソ",   "オ",   "ユ",     "コ",     "チュ",   "ラ",     "リ",   "イ",   "ジョン", "ジャン"};
  const size_t space = kana.find(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view first = kana.substr(0, space);
  return std::find(std::begin(kSurnames), std::end(kSurnames), first) != std::end(kSurnames);
}

std::string foreign_reduction(const std::vector<Unit>& units, bool closing_f_as_h = true) {
  return reduce_foreign(
      render(units, {.long_vowels = LongVowels::kWapuro, .m_before_labial = true, .foreign_geminates = true}),
      closing_f_as_h);
}

}  // namespace

std::vector<std::string> kana_to_hepburn_variants(std::string_view kana, const KanaOptions& options) {
  std::vector<Unit> units = parse_kana(kana);
  std::vector<std::string> out;
  bool has_vu = false;
  for (const auto& u : units) has_vu = has_vu || u.vu;
  std::string hepburn = render(units, {});
  push_unique(out, hepburn);
  if (options.foreign_reductions && looks_korean_name(kana)) {
    push_unique(out, render(units, {.korean = true, .korean_surname_j = true}));
    push_unique(out, render(units, {.korean = true}));
  }
  // A Chinese name read as the pinyin its kana stand for (マ・シャオホン ma xiaohong).
  if (options.foreign_reductions) push_unique(out, detail::katakana_chinese_reading(kana));
  // A foreign name's reductions come straight after plain Hepburn: a name of several words
  // keeps only the first few whole-name variants, and for katakana these are the likelier ones.
  auto add_foreign = [&] {
    std::string reduced = foreign_reduction(units);
    push_unique(out, reduced);
    push_unique(out, arabic_articles_apart(reduced));
    const std::string russian = russian_reading(foreign_reduction(units, false));
    push_unique(out, russian);
    push_unique(out, r_as_l(reduced));
    push_unique(out, r_as_l(russian));
  };
  if (options.foreign_reductions) add_foreign();
  push_unique(out, render(units, {.long_vowels = LongVowels::kWapuro}));
  push_unique(out, render(units, {.long_vowels = LongVowels::kOh}));
  push_unique(out, render(units, {.m_before_labial = true}));
  push_unique(out, render(units, {.kunrei = true}));
  if (has_vu) push_unique(out, render(units, {.vu_as_b = true}));
  // Hiragana is rarely a foreign name's spelling, but it happens (うらじーみる): last.
  if (!options.foreign_reductions) add_foreign();
  return out;
}

namespace detail {
std::string kana_to_hepburn(std::string_view kana) { return render(parse_kana(kana), {}); }
std::string kana_foreign_reduction(std::string_view kana) { return foreign_reduction(parse_kana(kana)); }
std::string kana_korean_reading(std::string_view kana) { return render(parse_kana(kana), {.korean = true}); }
std::string kana_russian_reading(std::string_view kana) {
  return russian_reading(foreign_reduction(parse_kana(kana), false));
}
}  // namespace detail

}  // namespace sekisho::text
