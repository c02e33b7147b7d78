// analyze_name: normalise, strip titles and legal forms, then romanise each run of tokens into
// ranked alternatives and combine them into at most max_variants whole-name variants.
#include <algorithm>
#include <functional>

#include <unicode/uchar.h>

#include "core/strings.hpp"
#include "sekisho/text.hpp"
#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text {

namespace detail {

std::string clean_ascii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += l;
    } else {
      space = true;
    }
  }
  return out;
}

}  // namespace detail

namespace {

struct Alternative {
  std::string text;  // clean ASCII, may hold several tokens
  VariantSource source;
  std::string scheme;
};

// One run of tokens romanised together; its alternatives are ranked best first.
struct Slot {
  std::vector<Alternative> alternatives;
};

constexpr size_t kMaxPerSlot = 8;

void add_alternative(Slot& slot, std::string text, VariantSource source, std::string_view scheme) {
  text = detail::clean_ascii(text);
  if (text.empty() || slot.alternatives.size() >= kMaxPerSlot) return;
  for (const auto& a : slot.alternatives) {
    if (a.text == text) return;
  }
  slot.alternatives.push_back({std::move(text), source, std::string(scheme)});
}

std::string join_tokens(const std::vector<NormalizedToken>& tokens, size_t begin, size_t end, bool accented) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) out += ' ';
    out += accented ? tokens[i].accented : tokens[i].text;
  }
  return out;
}

// "PUTIN, Vladimir Vladimirovich" → "Vladimir Vladimirovich PUTIN": lists invert a person's name
// around one comma so it sorts by surname; the inversion is a filing convention, not another
// order of the name. The part before the comma is one to three words, and the part after it is
// not a generational suffix ("LAVILLA, JR").
std::string natural_order_impl(std::string_view raw) {
  const size_t comma = raw.find(',');
  if (comma == std::string_view::npos || raw.find(',', comma + 1) != std::string_view::npos) return {};
  const std::string_view family = trim(raw.substr(0, comma));
  const std::string_view given = trim(raw.substr(comma + 1));
  if (family.empty() || given.empty()) return {};
  const std::vector<NormalizedToken> family_words = normalize(family).tokens;
  const std::vector<NormalizedToken> given_words = normalize(given).tokens;
  if (family_words.empty() || family_words.size() > 3 || given_words.empty()) return {};
  static constexpr std::string_view kSuffixes[] = {"jr", "sr", "junior", "senior", "ii", "iii", "iv"};
  const bool suffix_only = std::all_of(given_words.begin(), given_words.end(), [](const NormalizedToken& w) {
    return std::find(std::begin(kSuffixes), std::end(kSuffixes), w.text) != std::end(kSuffixes);
  });
  if (suffix_only) return {};
  return std::string(given) + " " + std::string(family);
}

// "PUTIN Vladimir Vladimirovich" → "Vladimir Vladimirovich PUTIN": lists that set the family name
// in capitals among given names in mixed case (the UK's, Canada's, Japan's MOF) mark it so
// wherever it stands; set first, it is again a filing order, not another order of the name.
// One to three words of two or more capital letters lead, and every word after has a small one.
std::string capitals_first_natural_order(std::string_view raw) {
  const std::vector<std::string> words = split_trimmed(raw, " ");
  const auto letters = [](const std::string& w, bool& any_lower) {
    size_t count = 0;
    any_lower = false;
    for (size_t pos = 0; pos < w.size();) {
      const char32_t cp = detail::next_code_point(w, pos);
      count += u_isalpha(static_cast<UChar32>(cp)) ? 1 : 0;
      any_lower = any_lower || u_islower(static_cast<UChar32>(cp));
    }
    return count;
  };
  size_t lead = 0;
  bool lower = false;
  while (lead < words.size() && letters(words[lead], lower) >= 2 && !lower) ++lead;
  if (lead == 0 || lead > 3 || lead == words.size()) return {};
  for (size_t i = lead; i < words.size(); ++i) {
    if (letters(words[i], lower) == 0 || !lower) return {};
  }
  std::string out;
  for (size_t i = lead; i < words.size(); ++i) out += words[i] + " ";
  for (size_t i = 0; i < lead; ++i) out += words[i] + (i + 1 < lead ? " " : "");
  return out;
}

// A person's name in natural order, from either filing order; "" when it is in neither.
std::string person_natural_order(std::string_view raw) {
  std::string natural = natural_order_impl(raw);
  return natural.empty() ? capitals_first_natural_order(raw) : natural;
}

std::string icu_or_empty(std::string_view text, std::string_view id) {
  auto r = icu_transform(text, id);
  return r.ok() ? *r : std::string();
}

bool has_ukrainian_letters(std::string_view s) {
  for (std::string_view l : {"і", "ї", "є", "ґ", "ў"}) {
    if (s.find(l) != std::string_view::npos) return true;
  }
  return false;
}

Slot latin_slot(const std::vector<NormalizedToken>& tokens, size_t begin, size_t end) {
  Slot slot;
  std::string accented = join_tokens(tokens, begin, end, true);
  add_alternative(slot, fold_to_ascii(join_tokens(tokens, begin, end, false)), VariantSource::kLatin, "latin");
  // Another language's form of a listed name (Poetin, Putinas) read as the lists' form.
  std::vector<std::string> words;
  for (size_t i = begin; i < end; ++i) words.push_back(detail::clean_ascii(fold_to_ascii(tokens[i].text)));
  add_alternative(slot, detail::equivalent_name_reading(words, true), VariantSource::kScheme, "name_equivalents");
  // Plain ASCII has no umlauts and no Łacinka letters to read.
  if (std::all_of(accented.begin(), accented.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return slot;
  }
  // German lists write ü/ö/ä as ue/oe/ae (Müller = Mueller).
  std::string umlauts;
  for (size_t pos = 0; pos < accented.size();) {
    char32_t cp = detail::next_code_point(accented, pos);
    switch (cp) {
      case U'ü':
        umlauts += "ue";
        break;
      case U'ö':
        umlauts += "oe";
        break;
      case U'ä':
        umlauts += "ae";
        break;
      default:
        detail::append_utf8(umlauts, cp);
    }
  }
  if (umlauts != accented) add_alternative(slot, fold_to_ascii(umlauts), VariantSource::kLatin, "latin_umlaut");
  if (detail::looks_lacinka(accented)) {
    add_alternative(slot, detail::lacinka_as_russian(accented), VariantSource::kLatin, "lacinka_as_russian");
  }
  return slot;
}

// Whether Cyrillic text could be a Japanese name in Polivanov spelling: only the letters that
// system uses, and every consonant but н/й followed by a vowel, by itself (gemination) or дз.
bool looks_like_polivanov(std::string_view text) {
  const std::u32string s = detail::to_u32(text);
  const std::u32string vowels = U"аеёиоуэюяь";
  const std::u32string allowed = U"абвгдеёзийкмнопрстуфхцэюяьъ";
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c == U' ') continue;
    if (allowed.find(c) == std::u32string::npos) return false;
    if (vowels.find(c) != std::u32string::npos || c == U'н' || c == U'й' || c == U'ъ') continue;
    char32_t next = i + 1 < s.size() ? s[i + 1] : U' ';
    bool ok = vowels.find(next) != std::u32string::npos || next == c || (c == U'д' && next == U'з');
    if (!ok) return false;
  }
  return true;
}

Slot cyrillic_slot(const std::string& text, const AnalyzeOptions& options) {
  Slot slot;
  if (has_ukrainian_letters(text)) {
    add_alternative(slot, transliterate_cyrillic(text, CyrillicScheme::kUkrainian), VariantSource::kScheme,
                    cyrillic_scheme_name(CyrillicScheme::kUkrainian));
  }
  if (detail::looks_belarusian(text)) {
    add_alternative(slot, transliterate_cyrillic(detail::belarusian_as_russian(text), CyrillicScheme::kBgnPcgn),
                    VariantSource::kScheme, "belarusian_as_russian");
  }
  for (CyrillicScheme s : kAllCyrillicSchemes) {
    if (s == CyrillicScheme::kPolivanov && !looks_like_polivanov(text)) continue;
    add_alternative(slot, transliterate_cyrillic(text, s), VariantSource::kScheme, cyrillic_scheme_name(s));
  }
  if (options.extra_iuliia_schemes) {
    for (const auto& t : iuliia_tables()) {
      if (slot.alternatives.size() >= kMaxPerSlot) break;
      add_alternative(slot, fold_to_ascii(t.apply(text)), VariantSource::kScheme, t.name());
    }
  }
  return slot;
}

Slot icu_slot(const std::string& text, std::initializer_list<std::string_view> ids) {
  Slot slot;
  for (std::string_view id : ids) {
    add_alternative(slot, fold_to_ascii(icu_or_empty(text, id)), VariantSource::kScheme, "icu:" + std::string(id));
  }
  return slot;
}

// Greek. ICU's Greek-Latin keeps two letters apart with an apostrophe where they would read
// back as another Greek letter (νκ → n'k, not γκ): the mark belongs to the scheme, not the name,
// and would split the word. Greek spells the u sound ου and writes foreign names by their sound
// (Λουκασένκο is Lukashenko, Αλέξανδρος Alexander), so the lists' Latin form of such a name has u
// where the Greek reading has ou, and the word may be the Greek form of a name the lists write
// otherwise (tables/name_equivalents.tsv).
Slot greek_slot(const std::string& text) {
  Slot slot;
  std::string latin = icu_or_empty(text, "Greek-Latin/UNGEGN");
  std::erase(latin, '\'');
  latin = fold_to_ascii(latin);
  add_alternative(slot, latin, VariantSource::kScheme, "icu:Greek-Latin/UNGEGN");
  std::string u_for_ou;
  for (size_t i = 0; i < latin.size(); ++i) {
    const bool ou =
        (latin[i] == 'o' || latin[i] == 'O') && i + 1 < latin.size() && (latin[i + 1] == 'u' || latin[i + 1] == 'U');
    if (!ou) u_for_ou += latin[i];
  }
  add_alternative(slot, u_for_ou, VariantSource::kScheme, "greek_u_for_ou");
  std::vector<std::string> words = split_trimmed(detail::clean_ascii(u_for_ou), " ");
  add_alternative(slot, detail::equivalent_name_reading(words, true), VariantSource::kScheme, "name_equivalents");
  return slot;
}

// Abjads: the romanisation with its vowel letters read as vowels first, then as ICU gives it.
// ICU writes the Arabic ta marbuta ة as ẗ, which folds to t. Names say it a (القاعدة al-Qaida,
// فاطمة Fatima, الجماعة al-Jamaa); the t is said only before a word that follows in the
// construct state, which the plain ICU reading keeps.
std::string ta_marbuta_as_a(std::string romanized) {
  static constexpr std::string_view kTaMarbuta = "\u1E97";  // ẗ
  for (size_t at = romanized.find(kTaMarbuta); at != std::string::npos; at = romanized.find(kTaMarbuta, at + 1)) {
    romanized.replace(at, kTaMarbuta.size(), "a");
  }
  return romanized;
}

Slot abjad_slot(const std::string& text, std::string_view icu_id) {
  Slot slot;
  // Arabic name words the table knows, with their vowels (محمد → muhammad, mohamed).
  if (icu_id == "Arabic-Latin") {
    for (std::string& r : detail::arabic_table_readings(text)) {
      add_alternative(slot, std::move(r), VariantSource::kScheme, "arabic_names");
    }
  }
  const std::string romanized = icu_or_empty(text, icu_id);
  const std::string latin = fold_to_ascii(romanized);
  const std::string said = fold_to_ascii(ta_marbuta_as_a(romanized));
  add_alternative(slot, detail::vocalise_abjad(detail::clean_ascii(said)), VariantSource::kScheme, "abjad_vowels");
  add_alternative(slot, latin, VariantSource::kScheme, "icu:" + std::string(icu_id));
  return slot;
}

// Chinese: pinyin per syllable ("xi jin ping"), then the usual list form with the given name's
// syllables joined ("xi jinping"), then all joined.
Slot chinese_slot(const std::string& text) {
  Slot slot;
  std::string pinyin = fold_to_ascii(icu_or_empty(text, "Han-Latin/Names"));
  std::vector<std::string> syllables = split_name_parts(pinyin);
  if (syllables.size() >= 3) {
    std::string given;
    for (size_t i = 1; i < syllables.size(); ++i) given += syllables[i];
    add_alternative(slot, syllables[0] + " " + given, VariantSource::kReading, "pinyin");
  }
  add_alternative(slot, pinyin, VariantSource::kReading, "pinyin");
  std::string joined;
  for (const auto& s : syllables) joined += s;
  add_alternative(slot, joined, VariantSource::kReading, "pinyin");
  return slot;
}

bool is_japanese_script(Script s) { return s == Script::kHan || s == Script::kHiragana || s == Script::kKatakana; }

bool is_all_kana(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = detail::next_code_point(s, pos);
    if (!detail::is_katakana(cp) && !detail::is_hiragana(cp)) return false;
  }
  return !s.empty();
}

bool has_han(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (detail::is_han(detail::next_code_point(s, pos))) return true;
  }
  return false;
}

// Japanese: one slot per MeCab segment. A kanji segment's alternatives are MeCab's reading in
// its three long-vowel styles, then every ENAMDICT reading, preferring surnames for the first
// name segment and given names after it.
void japanese_slots(const std::string& token, std::vector<Slot>& slots, bool& person_name) {
  auto segments = segment_japanese(token);
  if (!segments.ok()) return;
  size_t name_index = 0;
  person_name = !segments->empty();
  for (const auto& seg : *segments) {
    Slot slot;
    if (has_han(seg.surface)) {
      uint8_t preferred = name_index == 0 ? static_cast<uint8_t>(ReadingKind::kSurname)
                                          : static_cast<uint8_t>(static_cast<uint8_t>(ReadingKind::kGiven) |
                                                                 static_cast<uint8_t>(ReadingKind::kFemale) |
                                                                 static_cast<uint8_t>(ReadingKind::kMale));
      std::vector<KanjiReading> readings = detail::kanji_readings_preferring(seg.surface, preferred, seg.reading_kana);
      if (!readings.empty() && readings.front().kinds == 0) {
        std::vector<std::string> styles = kana_to_hepburn_variants(readings.front().kana, {false});
        for (size_t i = 0; i < styles.size() && i < 3; ++i) {
          add_alternative(slot, styles[i], VariantSource::kReading, "hepburn");
        }
      }
      for (const auto& r : readings) add_alternative(slot, r.romaji, VariantSource::kReading, "enamdict");
    } else {
      bool katakana = detect_script(seg.surface) == Script::kKatakana;
      for (auto& v : kana_to_hepburn_variants(seg.surface, {katakana})) {
        add_alternative(slot, v, VariantSource::kReading, "hepburn");
      }
    }
    person_name = person_name && seg.person_name;
    ++name_index;
    if (!slot.alternatives.empty()) slots.push_back(std::move(slot));
  }
}

// Whether pure-Han text reads as Japanese: MeCab reads every kanji segment and ENAMDICT or
// EDICT knows it. Simplified Chinese characters (习, 东) are unknown to both.
bool reads_as_japanese(const std::string& token) {
  auto segments = segment_japanese(token);
  if (!segments.ok() || segments->empty()) return false;
  for (const auto& seg : *segments) {
    if (!has_han(seg.surface)) continue;
    if (seg.reading_kana.empty()) return false;
    if (detail::enamdict_lookup(seg.surface).empty() && !detail::edict_contains(seg.surface)) return false;
  }
  return true;
}

// Enumerates rank vectors by increasing rank sum (ties in lexicographic order), so the first
// variants use every slot's best alternative and each later one departs from it as little as
// possible. Stops at `cap` distinct variants. Iterative, and with a budget of rank vectors
// tried: alternatives that spell the same whole name must not make it walk every combination.
void combine(const std::vector<Slot>& slots, size_t cap, NameForms& forms) {
  if (slots.empty() || cap == 0) return;
  const size_t n = slots.size();
  size_t max_sum = 0;
  for (const auto& s : slots) max_sum += s.alternatives.size() - 1;
  size_t budget = 4096;
  auto emit = [&](const std::vector<size_t>& ranks) {
    std::string text;
    VariantSource source = VariantSource::kLatin;
    std::string scheme;
    for (size_t i = 0; i < n; ++i) {
      const Alternative& a = slots[i].alternatives[ranks[i]];
      if (!text.empty()) text += ' ';
      text += a.text;
      if (a.source != VariantSource::kLatin) {
        source = a.source;
        if (scheme.empty()) scheme = a.scheme;
      }
    }
    if (scheme.empty()) scheme = "latin";
    if (std::find(forms.variants.begin(), forms.variants.end(), text) == forms.variants.end()) {
      forms.variants.push_back(std::move(text));
      forms.sources.push_back(source);
      forms.schemes.push_back(std::move(scheme));
    }
  };
  std::vector<size_t> ranks(n, 0);
  for (size_t sum = 0; sum <= max_sum && forms.variants.size() < cap && budget > 0; ++sum) {
    // The first n-1 ranks run as an odometer, the first slot most significant; the last slot
    // takes what remains of `sum`. A digit that would push the prefix over `sum` carries.
    std::fill(ranks.begin(), ranks.end(), 0);
    while (budget > 0 && forms.variants.size() < cap) {
      --budget;
      size_t prefix = 0;
      for (size_t i = 0; i + 1 < n; ++i) prefix += ranks[i];
      const size_t last = sum - prefix;
      if (last < slots[n - 1].alternatives.size()) {
        ranks[n - 1] = last;
        emit(ranks);
      }
      bool advanced = false;   // the odometer moves: the rightmost digit that can grow grows
      size_t before = prefix;  // walking left, the ranks before digit d
      for (size_t d = n - 1; d-- > 0;) {
        before -= ranks[d];
        if (ranks[d] + 1 < slots[d].alternatives.size() && before + ranks[d] + 1 <= sum) {
          ++ranks[d];
          std::fill(ranks.begin() + static_cast<std::ptrdiff_t>(d) + 1, ranks.end(), 0);
          advanced = true;
          break;
        }
      }
      if (!advanced) break;
    }
  }
}

}  // namespace

namespace detail {
std::string natural_order(std::string_view raw) { return natural_order_impl(raw); }
}  // namespace detail

Result<std::string> icu_transform(std::string_view text, std::string_view icu_id) {
  icu::Transliterator* t = detail::thread_transliterator(icu_id);
  if (t == nullptr) return invalid_argument("unknown ICU transform id: " + std::string(icu_id));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

namespace {

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// The token ranges [first, last) of the parts of `raw` set off by commas (",", "、", "､", "，") or
// quotes (a subsidiary's name in quotes after its parent's: United Shipbuilding Corporation JSC
// “Astrakhan Shipyard”, 統一造船会社「アストラハン造船所」), as normalize() splits `raw` into
// `token_count` tokens; one part when there is none or the parts do not add up.
std::vector<std::pair<size_t, size_t>> comma_parts(std::string_view raw, size_t token_count) {
  static constexpr std::string_view kCommas[] = {",", "、", "､", "，", "\"", "“",  "”",
                                                 "„", "«",  "»", "「", "」", "『", "』"};
  // Most names have no separator: they are not normalised a second time, part by part.
  if (std::none_of(std::begin(kCommas), std::end(kCommas),
                   [raw](std::string_view c) { return raw.find(c) != std::string_view::npos; })) {
    return {{0, token_count}};
  }
  std::vector<std::pair<size_t, size_t>> parts;
  size_t first = 0, from = 0;
  while (from <= raw.size()) {
    size_t at = std::string_view::npos, width = 0;
    for (std::string_view c : kCommas) {
      const size_t p = raw.find(c, from);
      if (p < at) at = p, width = c.size();
    }
    const size_t n =
        normalize(raw.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from)).tokens.size();
    if (n > 0) parts.emplace_back(first, first + n);
    first += n;
    if (at == std::string_view::npos) break;
    from = at + width;
  }
  if (first != token_count || parts.size() < 2) return {{0, token_count}};
  return parts;
}

// Legal forms at the name's start or end, at the start of each later part, and abbreviated at
// the end of an earlier one: a subsidiary named after its parent opens its own part with its
// form ("Tactical Missile Corporation, AO TMKB Soyuz", 戦術ミサイル兵器コーポレーション、株式会社
// アヴァンガルド), and a parent's abbreviated form (JSC, OAO) is never a word of its name, where
// a spelled-out one closing the parent's part ("Tactical Missile Corporation,") may be. Inside
// a part a form is a word of the name.
std::vector<LegalFormHit> legal_forms_by_part(const NormalizedName& name,
                                              const std::vector<std::pair<size_t, size_t>>& parts) {
  std::vector<LegalFormHit> hits = find_legal_forms(name);
  const auto taken = [&hits](size_t first, size_t count) {
    return std::any_of(hits.begin(), hits.end(), [&](const LegalFormHit& h) {
      return first < h.first_token + h.token_count && h.first_token < first + count;
    });
  };
  const auto abbreviation = [](const NormalizedToken& t) {
    return t.text.size() <= 5 && std::all_of(t.text.begin(), t.text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  for (size_t k = 0; k < parts.size(); ++k) {
    const auto [first, last] = parts[k];
    if (k + 1 < parts.size()) {  // an abbreviated form closing the part
      NormalizedName part;
      part.tokens.assign(name.tokens.begin() + static_cast<std::ptrdiff_t>(first),
                         name.tokens.begin() + static_cast<std::ptrdiff_t>(last));
      for (LegalFormHit h : find_legal_forms(part)) {
        if (h.first_token + h.token_count != part.tokens.size() || h.token_count != 1 ||
            !abbreviation(part.tokens[h.first_token]) || taken(first + h.first_token, 1)) {
          continue;
        }
        h.first_token += first;
        hits.push_back(std::move(h));
      }
    }
    if (k == 0) continue;
    // A form opening the part, searched with the parts after it: a part may be its form alone
    // (", PJSC “MBDB ISKRA”").
    NormalizedName rest;
    rest.tokens.assign(name.tokens.begin() + static_cast<std::ptrdiff_t>(first), name.tokens.end());
    for (LegalFormHit h : find_legal_forms(rest)) {
      if (h.first_token != 0 || h.token_count > last - first || taken(first, h.token_count)) continue;
      h.first_token = first;
      hits.push_back(std::move(h));
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const LegalFormHit& x, const LegalFormHit& y) { return x.first_token < y.first_token; });
  return hits;
}

// Removes the tokens of `hits` (find_legal_forms on `tokens`) and adds their classes to `classes`.
void strip_legal_form_hits(std::vector<NormalizedToken>& tokens, const std::vector<LegalFormHit>& hits,
                           std::vector<std::string>& classes) {
  for (auto it = hits.rbegin(); it != hits.rend(); ++it) {
    classes.push_back(it->form_class);
    tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(it->first_token),
                 tokens.begin() + static_cast<std::ptrdiff_t>(it->first_token + it->token_count));
  }
}

// The gloss without its English legal forms, whose classes join `classes`: 貿易会社 glosses as
// "trading company", and "company" is a legal form in the English name it should meet.
std::string gloss_without_legal_forms(const std::string& gloss, std::vector<std::string>& classes) {
  NormalizedName name = normalize(gloss);
  std::vector<LegalFormHit> hits = find_legal_forms(name);
  // MOFA's translations keep a Russian body's form where the Russian name has it, inside the
  // name (全ロシア科学研究所株式会社エタロン, "All-Russian Scientific Research Institute JSC
  // Etalon"): a form of two words or more inside a gloss is one too. A single word there
  // ("company") may be a word of the name, and a state body's form (federal state enterprise)
  // opens its name in every language, so only the company forms count there.
  auto company_form = [](const std::string& cls) {
    return cls == "JSC" || cls == "PJSC" || cls == "OJSC" || cls == "CJSC" || cls == "LLC" || cls == "LTD";
  };
  auto taken = [&hits](size_t first, size_t count) {
    return std::any_of(hits.begin(), hits.end(), [&](const LegalFormHit& h) {
      return first < h.first_token + h.token_count && h.first_token < first + count;
    });
  };
  for (size_t k = 1; k + 1 < name.tokens.size(); ++k) {
    if (taken(k, 1)) continue;
    NormalizedName rest;
    rest.tokens.assign(name.tokens.begin() + static_cast<std::ptrdiff_t>(k), name.tokens.end());
    for (LegalFormHit h : find_legal_forms(rest)) {
      if (h.first_token != 0 || h.token_count < 2 || k + h.token_count >= name.tokens.size() ||
          !company_form(h.form_class) || taken(k, h.token_count)) {
        continue;
      }
      h.first_token = k;
      k += h.token_count - 1;
      hits.push_back(std::move(h));
      break;
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const LegalFormHit& x, const LegalFormHit& y) { return x.first_token < y.first_token; });
  size_t in_forms = 0;
  for (const LegalFormHit& h : hits) in_forms += h.token_count;
  if (hits.empty() || in_forms >= name.tokens.size()) return gloss;
  strip_legal_form_hits(name.tokens, hits, classes);
  return name.text();
}

NameForms analyze_whole(std::string_view raw, const AnalyzeOptions& options) {
  NameForms forms;
  const std::string expanded = detail::expand_bank_legal_forms(raw);
  NormalizedName name = normalize(expanded);
  std::vector<std::pair<size_t, size_t>> parts = comma_parts(expanded, name.tokens.size());
  forms.normalized = name.text();
  forms.script = name.script;
  std::vector<NormalizedToken>& tokens = name.tokens;

  if (options.strip_titles && options.kind != PartyKind::kOrganization) {
    size_t n = detail::leading_title_tokens(tokens);
    if (n > 0 && n < tokens.size()) {
      for (size_t i = 0; i < n; ++i) forms.titles.push_back(tokens[i].text);
      tokens.erase(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(n));
      for (auto& [first, last] : parts) first = first > n ? first - n : 0, last = last > n ? last - n : 0;
    }
    for (NormalizedToken& t : tokens) {
      if (t.script == Script::kLatin) continue;  // the suffixes are Japanese and Korean words
      if (detail::strip_title_suffix(t.text)) t.accented = t.text;
    }
  }
  if (options.strip_legal_forms && options.kind != PartyKind::kPerson) {
    const std::vector<LegalFormHit> hits = legal_forms_by_part(name, parts);
    // The parts lose the tokens stripped from them.
    for (auto& [first, last] : parts) {
      size_t before_first = 0, inside = 0;
      for (const LegalFormHit& h : hits) {
        if (h.first_token < first)
          before_first += h.token_count;
        else if (h.first_token < last)
          inside += h.token_count;
      }
      first -= before_first;
      last -= before_first + inside;
    }
    strip_legal_form_hits(tokens, hits, forms.legal_form_classes);
    // As in a Latin name, a form stands at the start of the name or of a comma-set part, or at
    // the name's end: elsewhere it is a word of the name.
    const auto part_start = [&parts](size_t i) {
      return std::any_of(parts.begin(), parts.end(), [i](const auto& p) { return i == p.first; });
    };
    for (size_t i = 0; i < tokens.size(); ++i) {
      NormalizedToken& t = tokens[i];
      std::string cls;
      if (!is_japanese_script(t.script)) continue;
      while (detail::strip_cjk_legal_form(t.text, cls, part_start(i), i + 1 == tokens.size())) {
        forms.legal_form_classes.push_back(cls);
        t.accented = t.text;
        t.script = detect_script(t.text);
      }
    }
    sort_unique(forms.legal_form_classes);
  }

  std::vector<Slot> slots;
  // Only a name with Japanese words has a Japanese text to gloss.
  const bool has_japanese =
      std::any_of(tokens.begin(), tokens.end(), [](const NormalizedToken& t) { return is_japanese_script(t.script); });
  bool japanese = false;
  bool all_person_segments = true;
  std::string japanese_text;
  std::string pinyin;               // a whole-name extra for kanji names read as Japanese
  std::vector<std::string> korean;  // whole-name extras: a hanja name read in Korean
  for (size_t i = 0; i < tokens.size();) {
    Script s = tokens[i].script;
    size_t end = i + 1;
    // Runs of tokens in one alphabetic script are romanised together so that a scheme is applied
    // to the whole run (no "Zakharova Mariia" mixing BGN with ICAO).
    // So are runs of kana words (ウラジーミル・プーチン): a foreign name's words then share one
    // style, instead of the variant budget going on mixtures of styles.
    const bool kana_run = s != Script::kHan && is_japanese_script(s) && is_all_kana(tokens[i].text);
    if (!is_japanese_script(s)) {
      while (end < tokens.size() && tokens[end].script == s) ++end;
    } else if (kana_run) {
      while (end < tokens.size() && tokens[end].script == s && is_all_kana(tokens[end].text)) ++end;
    }
    std::string run = join_tokens(tokens, i, end, false);
    // An acronym spelled by letter names (エーディーエフ) is read as its letters.
    if (kana_run && s == Script::kKatakana) run = detail::spell_katakana_letters(run);
    switch (s) {
      case Script::kLatin:
      case Script::kNone:
        slots.push_back(latin_slot(tokens, i, end));
        // Latin words (an acronym, a code) keep their place in a Japanese name's gloss:
        // グローバル・リリーフ・ファウンデーション(GRF) → global relief foundation grf.
        if (has_japanese) japanese_text += " " + detail::clean_ascii(fold_to_ascii(run)) + " ";
        break;
      case Script::kCyrillic:
        slots.push_back(cyrillic_slot(run, options));
        break;
      case Script::kGreek:
        slots.push_back(greek_slot(run));
        break;
      case Script::kArabic:
        slots.push_back(abjad_slot(detail::urdu_letters_as_arabic(run), "Arabic-Latin"));
        break;
      case Script::kHebrew:
        slots.push_back(abjad_slot(run, "Hebrew-Latin"));
        break;
      case Script::kArmenian:
        slots.push_back(icu_slot(run, {"Armenian-Latin"}));
        break;
      case Script::kGeorgian:
        slots.push_back(icu_slot(run, {"Georgian-Latin"}));
        break;
      case Script::kHangul: {
        // A Korean person's name as the lists spell it (김정은 → kim jong un), then ICU's
        // Revised-like reading and the loanword reading of a foreign name (블라디미르 푸틴).
        Slot slot;
        for (std::string& r : detail::korean_name_readings(run)) {
          add_alternative(slot, std::move(r), VariantSource::kScheme, "korean_name");
        }
        const std::string icu = fold_to_ascii(icu_or_empty(run, "Hangul-Latin"));
        add_alternative(slot, icu, VariantSource::kScheme, "icu:Hangul-Latin");
        if (!icu.empty()) {
          add_alternative(slot, detail::hangul_loanword_reading(detail::clean_ascii(icu)), VariantSource::kScheme,
                          "hangul_loanword");
        }
        slots.push_back(std::move(slot));
        break;
      }
      case Script::kHan:
      case Script::kHiragana:
      case Script::kKatakana: {
        // A foreign name in the characters Chinese transcribes it with (普京, 奥巴马) is read
        // as the lists write the name, before any Chinese or Japanese reading of the characters.
        if (s == Script::kHan) {
          const std::string known = detail::equivalent_name_reading({tokens[i].text}, false);
          if (!known.empty()) {
            Slot slot;
            add_alternative(slot, known, VariantSource::kReading, "name_equivalents");
            for (const Alternative& a : chinese_slot(run).alternatives) {
              add_alternative(slot, a.text, a.source, a.scheme);
            }
            slots.push_back(std::move(slot));
            break;
          }
          // A Korean name in hanja (金正恩): its Korean reading as a whole-name extra.
          if (tokens.size() == 1) {
            const std::string hangul = detail::hanja_as_hangul(tokens[i].text);
            if (!hangul.empty()) korean = detail::korean_name_readings(hangul);
            if (korean.size() > 2) korean.resize(2);
          }
        }
        bool kana_present = s != Script::kHan;
        bool as_japanese = options.han_reading == HanReading::kJapanese ||
                           (options.han_reading == HanReading::kAuto && (kana_present || reads_as_japanese(run)));
        if (kana_run) {
          Slot slot;
          for (auto& v : kana_to_hepburn_variants(run, {s == Script::kKatakana})) {
            add_alternative(slot, v, VariantSource::kReading, "hepburn");
          }
          slots.push_back(std::move(slot));
          all_person_segments = false;
          // Katakana words of an organisation are mostly loanwords (トレーディング・
          // コーポレーション): the gloss gives their English.
          japanese = true;
          japanese_text += run + " ";
        } else if (as_japanese) {
          bool person = false;
          japanese_slots(run, slots, person);
          // Pure kanji may still be a Chinese name (王毅): keep its pinyin as a last variant.
          if (!kana_present && options.han_reading == HanReading::kAuto && tokens.size() == 1) {
            Slot chinese = chinese_slot(run);
            if (!chinese.alternatives.empty()) pinyin = chinese.alternatives.front().text;
          }
          all_person_segments = all_person_segments && person;
          japanese = true;
          // The separator after it stays a word boundary for the gloss: in 設計技術センター・
          // エレクトロニカ, センター and エレクトロニカ are two words, not one unknown compound.
          japanese_text += run + " ";
        } else {
          slots.push_back(chinese_slot(run));
        }
        break;
      }
      default: {
        Slot slot;
        for (std::string& v : detail::romanize_other_script(run)) {
          add_alternative(slot, std::move(v), VariantSource::kScheme, "icu:Any-Latin");
        }
        slots.push_back(std::move(slot));
        break;
      }
    }
    if (!slots.empty() && slots.back().alternatives.empty()) slots.pop_back();
    i = end;
  }

  // One character alone is no organisation word: in "强 朱" (Zhu Qiang, written
  // with a space) 朱 is a surname, not "red".
  const size_t japanese_chars =
      static_cast<size_t>(std::count_if(japanese_text.begin(), japanese_text.end(), [](char c) {
        return c != ' ' && (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }));
  bool want_gloss = options.japanese_gloss && japanese && japanese_chars > 1 && options.kind != PartyKind::kPerson &&
                    (!all_person_segments || !forms.legal_form_classes.empty());
  // The gloss's alternatives take at most a quarter of the variants (four of a query's 16).
  std::vector<std::string> glosses =
      want_gloss ? detail::japanese_glosses(japanese_text, options.max_variants / 4) : std::vector<std::string>{};
  if (options.strip_legal_forms && !glosses.empty()) {
    for (std::string& g : glosses) g = gloss_without_legal_forms(g, forms.legal_form_classes);
    sort_unique(forms.legal_form_classes);
  }
  size_t cap = options.max_variants;
  cap -= std::min(cap, glosses.size());
  if (!pinyin.empty() && cap > 0) --cap;
  cap -= std::min(cap, korean.size());
  combine(slots, cap, forms);
  // Whole-name extras after the combined readings, each once.
  auto append_extra = [&forms](const std::string& text, VariantSource source, std::string_view scheme) {
    if (text.empty() || std::find(forms.variants.begin(), forms.variants.end(), text) != forms.variants.end()) return;
    forms.variants.push_back(text);
    forms.sources.push_back(source);
    forms.schemes.emplace_back(scheme);
  };
  append_extra(pinyin, VariantSource::kReading, "pinyin");
  for (const std::string& k : korean) append_extra(k, VariantSource::kReading, "korean_name");
  const size_t before_gloss = forms.variants.size();
  for (const std::string& g : glosses) {
    if (forms.variants.size() < options.max_variants) append_extra(g, VariantSource::kGloss, "edict_gloss");
  }
  // The kanji words of a body's name are translated into the lists' English, never transcribed:
  // for a body (by its schema or its legal form) with kanji the gloss is the likelier form and
  // comes first, so that it is the form a candidate reached by both a reading and the gloss is
  // scored with (連邦国家単一企業学術生産企業ガンマ, whose reading "renpo kokka tanitsu kigyo…"
  // shares only ガンマ with the English name). Katakana transcribe, and their readings stay first
  // (アルアクタル・トラスト・インターナショナル, Al-Akhtar Trust International).
  const bool organization = options.kind == PartyKind::kOrganization || !forms.legal_form_classes.empty();
  const bool kanji =
      std::any_of(tokens.begin(), tokens.end(), [](const NormalizedToken& t) { return has_han(t.text); });
  if (organization && kanji && forms.variants.size() > before_gloss) {
    const auto first = static_cast<std::ptrdiff_t>(before_gloss);
    std::rotate(forms.variants.begin(), forms.variants.begin() + first, forms.variants.end());
    std::rotate(forms.sources.begin(), forms.sources.begin() + first, forms.sources.end());
    std::rotate(forms.schemes.begin(), forms.schemes.begin() + first, forms.schemes.end());
  }
  if (!forms.variants.empty()) forms.skeleton = consonant_skeleton(forms.variants.front());
  return forms;
}

}  // namespace

bool r_may_be_l(std::string_view scheme) {
  // A gloss form keeps the readings of the words EDICT does not know (ベネヴォランス → benevorans).
  return scheme == "hepburn" || scheme == "enamdict" || scheme == "edict_gloss" || scheme == "icu:Hangul-Latin" ||
         scheme == "hangul_loanword" || scheme == "korean_name";
}

std::string_view bounded_name(std::string_view raw) {
  if (raw.size() > kMaxNameBytes) {
    size_t cut = kMaxNameBytes;
    while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0) == 0x80) --cut;  // a character's first byte
    raw = raw.substr(0, cut);
  }
  size_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    const bool space = raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r';
    if (!space && !in_word && ++words > kMaxNameWords) return raw.substr(0, i);
    in_word = !space;
  }
  return raw;
}

namespace {

// The readings' variants alternating, best first, each once, at most max_variants; the
// rest of the first reading's analysis (script, titles, legal forms) stands for all.
NameForms interleave(const std::vector<NameForms>& all, size_t max_variants) {
  NameForms merged = all.front();
  merged.variants.clear();
  merged.sources.clear();
  merged.schemes.clear();
  size_t longest = 0;
  for (const NameForms& f : all) longest = std::max(longest, f.variants.size());
  for (size_t i = 0; i < longest; ++i) {
    for (const NameForms& f : all) {
      if (i >= f.variants.size() || merged.variants.size() >= max_variants) continue;
      if (std::find(merged.variants.begin(), merged.variants.end(), f.variants[i]) != merged.variants.end()) continue;
      merged.variants.push_back(f.variants[i]);
      merged.sources.push_back(f.sources[i]);
      merged.schemes.push_back(f.schemes[i]);
    }
  }
  return merged;
}

NameForms analyze_not_person(std::string_view raw, const AnalyzeOptions& options);

}  // namespace

NameForms analyze_name(std::string_view raw, const AnalyzeOptions& options) {
  raw = bounded_name(raw);
  // A query of unknown kind inverted around one comma ("CHERIZIER, Jimmy") states its order
  // as a listed "LAST, First" does: read in natural order first, then as written. A name with
  // a legal form is an organisation's, whose comma sets off the form or a second name
  // ("Haineng Machinery, Limited", "TMKB Soyuz, Tactical Missiles Corporation JSC").
  if (options.kind == PartyKind::kUnknown) {
    const std::string natural = detail::natural_order(raw);
    const size_t comma = raw.find(',');
    const bool legal_form = !natural.empty() && (!find_legal_forms(normalize(raw.substr(0, comma))).empty() ||
                                                 !find_legal_forms(normalize(raw.substr(comma + 1))).empty());
    if (!natural.empty() && !legal_form) {
      return interleave({analyze_not_person(natural, options), analyze_not_person(raw, options)}, options.max_variants);
    }
  }
  if (options.kind != PartyKind::kPerson) return analyze_not_person(raw, options);
  // In natural order when inverted around a comma, with its parenthesised alternatives, and as
  // written; the readings' best variants alternate.
  const detail::ParenthesizedName split = detail::split_parenthesized(raw);
  const std::string main = split.main.empty() ? std::string(raw) : split.main;
  const std::string natural = person_natural_order(main);
  std::vector<std::string> readings{natural.empty() ? main : natural};
  if (!split.alternative.empty()) {
    const std::string alt_natural = person_natural_order(split.alternative);
    readings.push_back(alt_natural.empty() ? split.alternative : alt_natural);
  }
  if (!natural.empty()) readings.push_back(main);
  if (!split.main.empty()) readings.emplace_back(raw);
  if (readings.size() == 1) return analyze_whole(raw, options);
  std::vector<NameForms> all;
  for (const std::string& r : readings) all.push_back(analyze_whole(r, options));
  return interleave(all, options.max_variants);
}

namespace {

NameForms analyze_not_person(std::string_view raw, const AnalyzeOptions& options) {
  // Only a person's name is read more than one way: an organisation's parentheses mostly tell
  // it from its siblings (Bank of China (Hong Kong) Limited vs (Singapore) Limited).
  NameForms forms = analyze_whole(raw, options);
  // Appends variant `i` of another reading of the name, when it is new.
  auto append_variant = [&forms](const NameForms& other, size_t i) {
    if (i >= other.variants.size() ||
        std::find(forms.variants.begin(), forms.variants.end(), other.variants[i]) != forms.variants.end()) {
      return;
    }
    forms.variants.push_back(other.variants[i]);
    forms.sources.push_back(other.sources[i]);
    forms.schemes.push_back(other.schemes[i]);
  };
  auto append_best = [&append_variant](const NameForms& other) { append_variant(other, 0); };
  // A name of unknown kind that starts with a title may be an organisation's, whose words
  // keep it ("Haji Basir Hawala", a money exchange): its as-written reading comes after.
  if (options.kind == PartyKind::kUnknown && !forms.titles.empty() && forms.variants.size() < options.max_variants) {
    AnalyzeOptions keep_titles = options;
    keep_titles.strip_titles = false;
    append_best(analyze_whole(raw, keep_titles));
  }
  // A word spelled two ways in one cell ("Luhansk(Lugansk) Guard") is two names of one
  // organisation, neither of which has both words.
  const detail::ParenthesizedName respelled = detail::split_respellings(raw);
  if (!respelled.main.empty() && forms.variants.size() + 2 <= options.max_variants) {
    append_best(analyze_whole(respelled.main, options));
    append_best(analyze_whole(respelled.alternative, options));
  }
  // A body named after a person is as often named without the dedication (Boreskov Institute of
  // Catalysis, 名称 left out): the body alone, its two best readings, which are likelier than the
  // whole name's last variants and take their place when the variants are full.
  if (const std::string body = detail::without_dedication(raw); !body.empty()) {
    constexpr size_t kBodyVariants = 2;
    NameForms alone = analyze_whole(body, options);
    alone.variants.resize(std::min(alone.variants.size(), kBodyVariants));
    const size_t keep = options.max_variants > alone.variants.size() ? options.max_variants - alone.variants.size() : 0;
    if (forms.variants.size() > keep) {
      forms.variants.resize(keep);
      forms.sources.resize(keep);
      forms.schemes.resize(keep);
    }
    for (size_t i = 0; i < alone.variants.size(); ++i) append_variant(alone, i);
  }
  // ...but an abbreviation closing the name is no part of it: a translation or another list
  // writes "Palestine Liberation Front(PLF)" without it. Its best variant comes last.
  const std::string bare = detail::without_trailing_abbreviation(raw);
  if (bare.empty() || forms.variants.size() >= options.max_variants) return forms;
  append_best(analyze_whole(bare, options));
  return forms;
}

}  // namespace

}  // namespace sekisho::text
