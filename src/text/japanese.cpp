// Japanese kanji: MeCab (ipadic) segments and reads; ENAMDICT adds every other reading of a
// name; EDICT glosses organisation words into English.
#include <mecab.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "core/strings.hpp"
#include "sekisho/text.hpp"
#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text {

namespace {

// ipadic feature CSV: POS,POS1,POS2,POS3,conj,conj-form,base,reading,pronunciation.
std::vector<std::string_view> split_csv(std::string_view s) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t comma = s.find(',', pos);
    out.push_back(s.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return out;
}

MeCab::Tagger* thread_tagger() {
  // MeCab's Tagger is not thread-safe; one per thread, created on first use.
  thread_local std::unique_ptr<MeCab::Tagger> tagger(MeCab::createTagger(""));
  return tagger.get();
}

bool has_han(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (detail::is_han(detail::next_code_point(s, pos))) return true;
  }
  return false;
}

bool all_kana(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = detail::next_code_point(s, pos);
    if (!detail::is_katakana(cp) && !detail::is_hiragana(cp)) return false;
  }
  return !s.empty();
}

// The organisation words whose English the lists use where EDICT's first gloss is another sense or
// missing (tables/japanese_org_words.tsv: word, gloss, optional alternative, "-" for no word).
struct GlossWord {
  std::string gloss;
  // The other translation English lists use as often (学術生産: scientific production or
  // research and production); empty when there is one.
  std::string alternative;
};

// Looked up by string_view without building a string (asked for every piece of every name).
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct OrgVocabulary {
  std::unordered_map<std::string, GlossWord, WordHash, std::equal_to<>> by_word;
  Status status = Status::ok_status();
};

OrgVocabulary load_org_vocabulary() {
  constexpr std::string_view kFile = "japanese_org_words.tsv";
  const std::string where = "src/text/tables/" + std::string(kFile);
  OrgVocabulary v;
  std::string_view text;
  for (const auto& [name, content] : detail::embedded_tables()) {
    if (name == kFile) text = content;
  }
  if (text.empty()) {
    v.status = not_found(where + ": not embedded in this build");
    return v;
  }
  auto english = [](std::string_view field) { return field == "-" ? std::string() : std::string(field); };
  size_t line_no = 0;
  for (const std::string& line : split_trimmed(text, "\n")) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> fields = split_trimmed(line, "\t");
    const bool lower_ascii =
        fields.size() >= 2 && std::all_of(fields.begin() + 1, fields.end(), [](const std::string& f) {
          return !f.empty() &&
                 std::all_of(f.begin(), f.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == ' ' || c == '-'; });
        });
    if (fields.size() < 2 || fields.size() > 3 || fields[0].empty() || !lower_ascii) {
      v.status = parse_error(where + ":" + std::to_string(line_no) +
                             ": expected word<TAB>gloss[<TAB>alternative] in lower-case English");
      return v;
    }
    GlossWord g{english(fields[1]), fields.size() == 3 ? english(fields[2]) : std::string()};
    if (!v.by_word.emplace(fields[0], std::move(g)).second) {
      v.status = parse_error(where + ":" + std::to_string(line_no) + ": '" + fields[0] + "' is listed twice");
      return v;
    }
  }
  return v;
}

const OrgVocabulary& org_vocabulary() {
  static const OrgVocabulary vocabulary = load_org_vocabulary();
  return vocabulary;
}

const GlossWord* curated_word(std::string_view word) {
  const auto& by_word = org_vocabulary().by_word;
  auto it = by_word.find(word);
  return it == by_word.end() ? nullptr : &it->second;
}

const char* org_gloss(std::string_view word) {
  const GlossWord* g = curated_word(word);
  return g != nullptr ? g->gloss.c_str() : nullptr;
}

const char* org_gloss_alternative(std::string_view word) {
  const GlossWord* g = curated_word(word);
  return g != nullptr && !g->alternative.empty() ? g->alternative.c_str() : nullptr;
}

bool is_vowel_letter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The first consonant of a word (y, w, h are glides here); an English r before a consonant is
// skipped when `non_rhotic`, as Japanese hears it (army アーミー).
char first_consonant(std::string_view w, bool non_rhotic) {
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (is_vowel_letter(c) || c == 'y' || c == 'w' || c == 'h' || c == ' ') continue;
    const bool before_consonant = i + 1 == w.size() || !is_vowel_letter(w[i + 1]);
    if (non_rhotic && c == 'r' && before_consonant) continue;
    return c;
  }
  return 0;
}

// Whether an English word can begin with the sound a romanised katakana word begins with. A
// loanword's gloss is the word it was borrowed from (トレーディング tor… trading, センター
// senta center); a gloss that begins otherwise translates a native word written in katakana
// (アル "be", the Arabic article al in a name).
bool same_first_sound(std::string_view romaji, std::string_view english) {
  if (romaji.empty() || english.empty()) return false;
  static constexpr std::pair<char, std::string_view> kCompatible[] = {
      {'a', "aeiouyhw"}, {'i', "aeiouyhw"}, {'u', "aeiouyhw"}, {'e', "aeiouyhw"}, {'o', "aeiouyhw"}, {'k', "ckqx"},
      {'g', "gj"},       {'s', "sctpxz"},   {'z', "zsxt"},     {'j', "jgdz"},     {'t', "t"},        {'c', "ctk"},
      {'d', "dt"},       {'n', "nkg"},      {'h', "hw"},       {'f', "fph"},      {'b', "bvf"},      {'p', "p"},
      {'m', "m"},        {'y', "yuiej"},    {'r', "rlw"},      {'w', "wouh"},     {'v', "vb"}};
  bool compatible = false;
  for (const auto& [first, allowed] : kCompatible) {
    if (romaji[0] == first) compatible = allowed.find(english[0]) != std::string_view::npos;
  }
  if (!compatible || !is_vowel_letter(romaji[0])) return compatible;
  // Both begin with a vowel: their first consonants must agree too (アル aru is not "is";
  // アーミー aamii is "army", whose r before a consonant Japanese does not write).
  const char kana_consonant = first_consonant(romaji, false);
  const char english_consonant = first_consonant(english, true);
  if (kana_consonant == 0 || english_consonant == 0) return true;
  for (const auto& [first, allowed] : kCompatible) {
    if (kana_consonant == first) return allowed.find(english_consonant) != std::string_view::npos;
  }
  return false;
}

// The first of `glosses` good for a name: at most three words without parentheses; for a
// katakana word (romanised `romaji`), one that begins with the word's sound; with
// `whole_words_only`, none that EDICT marks (abbr).
std::string name_gloss(const std::vector<std::string_view>& glosses, bool katakana, std::string_view romaji,
                       bool whole_words_only = false) {
  for (std::string_view g : glosses) {
    if (whole_words_only && g.find("(abbr)") != std::string_view::npos) continue;
    std::string cleaned;
    int depth = 0;
    for (char c : g) {
      if (c == '(')
        ++depth;
      else if (c == ')')
        depth = std::max(0, depth - 1);
      else if (depth == 0)
        cleaned += c;
    }
    cleaned = detail::clean_ascii(cleaned);
    size_t words = cleaned.empty() ? 0 : 1 + static_cast<size_t>(std::count(cleaned.begin(), cleaned.end(), ' '));
    if (words >= 1 && words <= 3 && (!katakana || same_first_sound(romaji, cleaned))) return cleaned;
  }
  return "";
}

bool ends_with(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The singular a katakana plural was written from, or "" when the word does not end like one.
// Japanese writes the English plural's sound: -s after a voiced sound as ズ (インダストリーズ
// industries, エンジニアーズ engineers), after k/p as ス (ワークス works), -ts as ツ (プロジェクツ
// projects), and -ces as シーズ (サービシーズ services, サイエンシーズ sciences).
std::string katakana_singular(std::string_view word) {
  constexpr size_t kMinStem = 3;
  std::u32string s = detail::to_u32(word);
  if (ends_with(s, U"シーズ")) {
    s.replace(s.size() - 3, 3, U"ス");
  } else if (ends_with(s, U"ツ")) {
    s.back() = U'ト';
  } else if (ends_with(s, U"ズ") || ends_with(s, U"クス") || ends_with(s, U"プス")) {
    s.pop_back();
  } else {
    return "";
  }
  return s.size() >= kMinStem ? detail::to_utf8(s) : "";
}

// The English plural of a gloss's last word: industry → industries, service → services; a word
// already ending in s (headquarters) stays.
std::string english_plural(std::string g) {
  if (g.empty() || g.back() == 's') return g;
  const char before = g.size() >= 2 ? g[g.size() - 2] : 'a';
  if (g.back() == 'y' && !is_vowel_letter(before)) return g.substr(0, g.size() - 1) + "ies";
  if (g.back() == 'x' || g.ends_with("ch") || g.ends_with("sh")) return g + "es";
  return g + "s";
}

// A gloss good for a name: a curated word's, else EDICT's (see name_gloss). A katakana word
// is also looked up in its other loanword spellings and, when it is a plural, by its singular.
// With `in_compound`, a gloss EDICT marks (abbr) is passed over: a clipped loanword inside a
// compound is the clipped English itself (エアロ in エアロスペース is aero-, not EDICT's "aerobics").
std::string look_up_gloss(std::string_view word, bool in_compound) {
  if (const char* g = org_gloss(word)) return g;
  const bool katakana = all_kana(word) && detect_script(word) == Script::kKatakana;
  if (!katakana) return name_gloss(detail::edict_lookup(word), false, {});
  const std::string romaji = detail::kana_to_hepburn(word);
  std::string gloss = name_gloss(detail::edict_lookup_any_spelling(word), true, romaji, in_compound);
  if (!gloss.empty()) return gloss;
  // A country EDICT does not list (シリア, チュニジア): its English name from ICU's region names.
  if (std::string country = detail::country_english_name(country_code(word)); !country.empty()) return country;
  const std::string singular = katakana_singular(word);
  if (singular.empty()) return "";
  gloss = name_gloss(detail::edict_lookup_any_spelling(singular), true, romaji, in_compound);
  return gloss.empty() ? "" : english_plural(std::move(gloss));
}

// look_up_gloss depends on the word alone. One name asks about the same word several times
// (the Korean test, the ・ test, the gloss itself, and all of it again for the alternative
// gloss), and about every piece of an unglossed katakana word twice: the answers are kept for
// the name being glossed, and dropped for the next (japanese_gloss), so that a batch costs
// what its names cost whatever order they come in.
std::unordered_map<std::string, std::string>& gloss_memo(bool in_compound) {
  thread_local std::unordered_map<std::string, std::string> memo[2];
  return memo[in_compound];
}

std::string pick_gloss(std::string_view word, bool in_compound = false) {
  std::unordered_map<std::string, std::string>& memo = gloss_memo(in_compound);
  std::string key(word);
  if (auto it = memo.find(key); it != memo.end()) return it->second;
  if (memo.size() >= 4096) memo.clear();  // bounded for a caller that never starts a name
  std::string gloss = look_up_gloss(word, in_compound);
  memo.emplace(std::move(key), gloss);
  return gloss;
}

}  // namespace

Result<std::vector<JapaneseSegment>> segment_japanese(std::string_view text) {
  MeCab::Tagger* tagger = thread_tagger();
  if (tagger == nullptr) {
    return unavailable(std::string("MeCab tagger could not be created: ") + MeCab::getTaggerError());
  }
  std::vector<JapaneseSegment> out;
  // MeCab's dictionary lookup reads its input up to a NUL whatever length it is given (a
  // fuzzer's heap over-read in Tokenizer::lookup): it gets a terminated copy, which the nodes'
  // surfaces point into while they are read.
  const std::string terminated(text);
  for (const MeCab::Node* node = tagger->parseToNode(terminated.c_str(), terminated.size()); node != nullptr;
       node = node->next) {
    if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE || node->length == 0) continue;
    JapaneseSegment seg;
    seg.surface.assign(node->surface, node->length);
    std::vector<std::string_view> f = split_csv(node->feature);
    if (f.size() > 7 && f[7] != "*") seg.reading_kana = std::string(f[7]);
    seg.proper_noun = f.size() > 1 && f[1] == "固有名詞";
    seg.person_name = seg.proper_noun && f.size() > 2 && f[2] == "人名";
    out.push_back(std::move(seg));
  }
  return out;
}

namespace detail {

std::vector<KanjiReading> kanji_readings_preferring(std::string_view word, uint8_t preferred,
                                                    std::string_view context_reading) {
  std::vector<KanjiReading> out;
  auto add = [&](std::string kana, uint8_t kinds) {
    std::string romaji = kana_to_hepburn(kana);
    if (romaji.empty() || has_han(romaji)) return;
    for (const auto& r : out) {
      if (r.romaji == romaji) return;
    }
    out.push_back({std::move(kana), std::move(romaji), kinds});
  };
  auto segments = context_reading.empty() ? segment_japanese(word)
                                          : Result<std::vector<JapaneseSegment>>(std::vector<JapaneseSegment>{});
  if (!context_reading.empty()) add(std::string(context_reading), 0);
  if (context_reading.empty() && segments.ok()) {
    std::string reading;
    bool complete = true;
    for (const auto& s : *segments) {
      if (s.reading_kana.empty()) complete = complete && all_kana(s.surface);
      reading += s.reading_kana.empty() ? s.surface : s.reading_kana;
    }
    if (complete) add(reading, 0);
  }
  std::vector<NameEntry> entries = enamdict_lookup(word);
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& e : entries) {
      bool wanted = preferred == 0 || (e.kinds & preferred) != 0;
      if ((pass == 0) == wanted) add(std::string(e.kana), e.kinds);
    }
  }
  return out;
}

}  // namespace detail

std::vector<KanjiReading> kanji_readings(std::string_view word) { return detail::kanji_readings_preferring(word, 0); }

namespace {

// Fewest-segments cover of a kanji/hiragana run by dictionary words (DP over code points).
std::vector<std::string> cover_by_words(const std::u32string& s) {
  constexpr size_t kMaxWord = 8;
  const size_t n = s.size();
  std::vector<double> cost(n + 1, 1e9);
  std::vector<size_t> from(n + 1, 0);
  cost[0] = 0;
  for (size_t i = 0; i < n; ++i) {
    if (cost[i] >= 1e9) continue;
    for (size_t len = 1; len <= kMaxWord && i + len <= n; ++len) {
      std::string word = detail::to_utf8(s.substr(i, len));
      double c;
      // The curated words are preferred, even two of them over one EDICT compound: 修理工場 is
      // 修理 repair + 工場 plant as names translate it, not EDICT's "repair shop".
      if (org_gloss(word) != nullptr)
        c = 0.45;
      else if (detail::edict_contains(word))
        c = 1.0;
      else if (len == 1)
        c = 3.0;  // unknown character: its own segment, expensively
      else
        continue;
      if (cost[i] + c < cost[i + len]) {
        cost[i + len] = cost[i] + c;
        from[i + len] = i;
      }
    }
  }
  std::vector<std::string> words;
  for (size_t end = n; end > 0; end = from[end]) words.push_back(detail::to_utf8(s.substr(from[end], end - from[end])));
  std::reverse(words.begin(), words.end());
  return words;
}

// A katakana compound EDICT lacks as a whole, as the fewest loanwords it does gloss, each of
// three kana or more (ロシアヘリコプター → russia helicopter); "" when there is no such cover.
// Foreign names rarely split into loanwords of that length that all begin with their sound.
std::string gloss_katakana_compound(std::string_view word) {
  constexpr size_t kMinPiece = 3;
  const std::u32string s = detail::to_u32(word);
  const size_t n = s.size();
  std::vector<size_t> pieces(n + 1, SIZE_MAX), from(n + 1, 0);
  std::vector<std::string> gloss_at(n + 1);
  pieces[0] = 0;
  for (size_t i = 0; i < n; ++i) {
    if (pieces[i] == SIZE_MAX) continue;
    for (size_t end = i + kMinPiece; end <= n; ++end) {
      if (i == 0 && end == n) continue;  // the whole word has no gloss already
      std::string g = pick_gloss(detail::to_utf8(s.substr(i, end - i)), /*in_compound=*/true);
      if (g.empty() || pieces[i] + 1 >= pieces[end]) continue;
      pieces[end] = pieces[i] + 1;
      from[end] = i;
      gloss_at[end] = std::move(g);
    }
  }
  if (pieces[n] == SIZE_MAX) return "";
  std::vector<std::string> parts;
  for (size_t end = n; end > 0; end = from[end]) parts.push_back(gloss_at[end]);
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += (out.empty() ? "" : " ") + *it;
  return out;
}

// A katakana word EDICT lacks, in an organisation's name of loanwords, is as likely an English
// word as a name: the endings Japanese writes one way for English take their English spelling
// (-ic ック: イスラミック islamic; -tion ション: ミュニションズ munitions; -tian シャン: エジプシャン
// egyptian). `reduced` is the word's foreign reduction.
std::string with_english_ending(std::string_view kana, std::string reduced) {
  struct Ending {
    std::string_view kana, reduced, english;
  };
  static constexpr Ending kEndings[] = {
      {"ック", "k", "c"},         {"ション", "shon", "tion"},     {"ションズ", "shonz", "tions"},
      {"シャン", "shan", "tian"}, {"シャンズ", "shanz", "tians"},
  };
  for (const Ending& e : kEndings) {
    if (kana.ends_with(e.kana) && reduced.ends_with(e.reduced) && reduced.size() > e.reduced.size()) {
      return reduced.substr(0, reduced.size() - e.reduced.size()) + std::string(e.english);
    }
  }
  return reduced;
}

// A name and loanwords written as one katakana word (フォルステクノロジー Forss Technology,
// セルニアエンジニアリング Serniya Engineering): up to two loanwords of four kana or more that
// EDICT glosses, taken off its end longest first, and the rest, two kana at least, read as a
// name; "" when no loanword ends it. Only the word's ends are tried, a few lookups a word.
std::string gloss_name_and_loanwords(std::string_view word) {
  constexpr size_t kMinLoanword = 4, kMinHead = 2, kMaxLoanwords = 2;
  const std::u32string s = detail::to_u32(word);
  size_t end = s.size();
  std::vector<std::string> loanwords;
  while (loanwords.size() < kMaxLoanwords) {
    bool found = false;
    for (size_t begin = kMinHead; begin + kMinLoanword <= end && !found; ++begin) {
      std::string g = pick_gloss(detail::to_utf8(s.substr(begin, end - begin)), /*in_compound=*/true);
      if (g.empty()) continue;
      loanwords.push_back(std::move(g));
      end = begin;
      found = true;
    }
    if (!found) break;
  }
  if (loanwords.empty()) return "";
  const std::string head = detail::to_utf8(s.substr(0, end));
  std::string out = with_english_ending(head, detail::kana_foreign_reduction(head));
  for (auto it = loanwords.rbegin(); it != loanwords.rend(); ++it) out += " " + *it;
  return out;
}

bool is_ascii_word(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c > 0 && c < 0x7f; });
}

// One word of a name to gloss: its English, and the other rendering lists use as often (the
// curated word's alternative; a foreign name's Russian reading; in a Korean name, the foreign
// reduction of a loanword EDICT lacks), empty when there is none.
struct GlossedWord {
  std::string english;
  std::string alternative;
  bool glossed = false;  // a translation, not a reading
  // A foreign name in katakana whose Russian reading is its alternative: read only when the name
  // has a gloss at all.
  std::string katakana_name;
};

std::vector<GlossedWord> gloss_words(std::string_view text) {
  // Katakana runs are loanwords or foreign names: glossed whole (センター → center) or
  // romanised whole (トヨタ → toyota), never cut into dictionary pieces.
  std::u32string s = detail::to_u32(text);
  std::vector<std::string> words;
  auto kind = [](char32_t c) { return detail::is_katakana(c) ? 1 : c < 0x80 ? 2 : 0; };
  for (size_t i = 0; i < s.size();) {
    const int k = kind(s[i]);
    size_t end = i + 1;
    while (end < s.size() && kind(s[end]) == k) ++end;
    if (k != 0) {
      words.push_back(detail::to_utf8(s.substr(i, end - i)));
    } else {
      for (auto& w : cover_by_words(s.substr(i, end - i))) words.push_back(std::move(w));
    }
    i = end;
  }
  // A loanword EDICT writes as one word may come split by ・ (アル・カーイダ al-Qaeda, ホン・コン
  // Hong Kong): two katakana words, one of them without a gloss, are read as one when that
  // one word has a gloss.
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    const bool split =
        all_kana(words[i]) && all_kana(words[i + 2]) && words[i + 1].find_first_not_of(' ') == std::string::npos;
    if (!split || (!pick_gloss(words[i]).empty() && !pick_gloss(words[i + 2]).empty())) continue;
    std::string joined = words[i] + words[i + 2];
    if (pick_gloss(joined).empty()) continue;
    words[i] = std::move(joined);
    words.erase(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.begin() + static_cast<std::ptrdiff_t>(i) + 3);
  }
  // A name that says Korea (コリア, 朝鮮) names its other words in Korean: their Korean reading
  // (テソン → tesong, Taesong) instead of the foreign reduction.
  const bool korean = std::any_of(words.begin(), words.end(), [](const std::string& w) {
    const std::string g = pick_gloss(w);
    return g == "korea" || g == "korean" || g == "north korea" || g == "pyongyang";
  });
  std::vector<GlossedWord> out;
  for (const auto& w : words) {
    GlossedWord gw;
    // Digits and Latin letters stand as they are (第150航空機修理工場 → 150 aircraft repair
    // plant); a curated word glossed "" (the ordinal 第) is dropped.
    if (is_ascii_word(w)) {
      gw.english = detail::clean_ascii(w);
      if (!gw.english.empty()) out.push_back(std::move(gw));
      continue;
    }
    if (const char* other = org_gloss_alternative(w)) gw.alternative = other;
    if (const char* curated = org_gloss(w); curated != nullptr && *curated == '\0') {
      if (!gw.alternative.empty()) out.push_back(std::move(gw));
      continue;
    }
    // A place or person whose name other languages adapted (モスクワ Moscow, サンクトペテルブルク
    // St Petersburg) reads as the lists write it (tables/name_equivalents.tsv).
    if (all_kana(w)) {
      std::string known = detail::equivalent_name_reading({w}, false);
      if (!known.empty()) {
        gw.english = std::move(known);
        gw.glossed = true;
        out.push_back(std::move(gw));
        continue;
      }
    }
    std::string g = pick_gloss(w);
    if (g.empty() && all_kana(w)) {
      g = gloss_katakana_compound(w);
      if (g.empty() && detect_script(w) == Script::kKatakana) g = gloss_name_and_loanwords(w);
      // A word EDICT knows only in pieces may as well be a foreign name whose sounds happen to
      // spell loanwords (イルティシュ Irtysh is no "iru tissue", エレクトロチャーガ Elektrotyaga no
      // "chaga mushroom"): its Russian reading is the alternative.
      if (!g.empty() && !korean && detect_script(w) == Script::kKatakana) gw.katakana_name = w;
    }
    if (g.empty()) {
      if (all_kana(w)) {
        // A katakana word without a gloss is a foreign name (ナムガン): its foreign reduction,
        // or the Russian reading of it (モスクワ Moskva). In a Korean name it is read as Korean,
        // and the alternative is the reduction: a loanword EDICT lacks is no Korean word
        // (コリア・フォーリン・テクニカル, Korea Foreign Technical).
        if (detect_script(w) != Script::kKatakana) {
          g = detail::kana_to_hepburn(w);
        } else {
          const std::string reduced = with_english_ending(w, detail::kana_foreign_reduction(w));
          g = korean ? detail::kana_korean_reading(w) : reduced;
          if (korean)
            gw.alternative = reduced;
          else
            gw.katakana_name = w;
        }
      } else if (std::vector<KanjiReading> r = kanji_readings(w); !r.empty()) {
        g = r.front().romaji;
      }
    } else {
      gw.glossed = true;
    }
    gw.english = detail::clean_ascii(g);
    gw.alternative = detail::clean_ascii(gw.alternative);
    if (gw.alternative == gw.english) gw.alternative.clear();
    if (!gw.english.empty() || !gw.alternative.empty()) out.push_back(std::move(gw));
  }
  return out;
}

// The words' English joined, each word that has an alternative taking it when `use` says so.
template <typename Use>
std::string compose_gloss(const std::vector<GlossedWord>& words, Use use) {
  std::string out;
  size_t with_alternative = 0;
  for (const GlossedWord& w : words) {
    const bool other = !w.alternative.empty() && use(with_alternative++);
    const std::string& g = other ? w.alternative : w.english;
    if (g.empty()) continue;
    if (!out.empty()) out += ' ';
    out += g;
  }
  return out;
}

}  // namespace

std::string japanese_gloss(std::string_view text) {
  std::vector<std::string> all = detail::japanese_glosses(text, 0);
  return all.empty() ? "" : all.front();
}

namespace detail {

std::vector<std::string> japanese_glosses(std::string_view text, size_t max_alternatives) {
  gloss_memo(false).clear();
  gloss_memo(true).clear();
  std::vector<GlossedWord> words = gloss_words(text);
  const bool any_gloss = std::any_of(words.begin(), words.end(), [](const GlossedWord& w) { return w.glossed; });
  if (!any_gloss) return {};
  if (max_alternatives > 0) {
    for (GlossedWord& w : words) {
      if (w.katakana_name.empty()) continue;
      w.alternative = detail::clean_ascii(detail::kana_russian_reading(w.katakana_name));
      if (w.alternative == w.english) w.alternative.clear();
    }
  }
  std::vector<std::string> out{compose_gloss(words, [](size_t) { return false; })};
  auto add = [&out](std::string g) {
    if (!g.empty() && std::find(out.begin(), out.end(), g) == out.end()) out.push_back(std::move(g));
  };
  const size_t with_alternative = static_cast<size_t>(
      std::count_if(words.begin(), words.end(), [](const GlossedWord& w) { return !w.alternative.empty(); }));
  // Every word's other rendering at once, then each word's alone: lists mix them (工場 is
  // "plant" and 会社 "corporation" in one name), and a name with one such word needs only one.
  if (max_alternatives > 0 && with_alternative > 0) add(compose_gloss(words, [](size_t) { return true; }));
  for (size_t k = 0; k < with_alternative && out.size() <= max_alternatives && with_alternative > 1; ++k) {
    add(compose_gloss(words, [k](size_t i) { return i == k; }));
  }
  return out;
}

Status japanese_org_words_status() { return org_vocabulary().status; }

}  // namespace detail

}  // namespace sekisho::text
