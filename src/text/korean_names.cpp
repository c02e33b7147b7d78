// Korean names in Hangul and in hanja, read the ways the lists spell them.
//
// ICU's Hangul-Latin is close to the Revised Romanization (김정은 gimjeong-eun), which few
// Korean names are written in: a surname has spellings of its own (Kim, Park, Lee; the table
// tables/korean_surnames.tsv), North Korean names follow McCune–Reischauer without its breves
// (Kim Jong Un, ŏ and ŭ as o and u), and South Koreans write ㅓ as u in a given name (Park Ji
// Sung, Kim Dae Jung). Syllables are read from their jamo (Unicode's composition of
// U+AC00 + (initial × 21 + medial) × 28 + final); the given name's syllables stay separate words,
// as the lists write them.
#include <fstream>
#include <mutex>
#include <unordered_map>

#include "core/strings.hpp"
#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

namespace {

// Debian's libhangul-data (scripts/setup installs it). Without it hanja names get no Korean
// reading; their Chinese and Japanese readings stay.
constexpr std::string_view kHanjaTable = "/usr/share/libhangul/hanja/hanja.txt";

constexpr char32_t kFirstSyllable = 0xAC00, kLastSyllable = 0xD7A3;

// One romanisation convention's jamo spellings.
struct Convention {
  const char* initial[19];
  const char* medial[21];
};

// Finals are the same in the three conventions once breves and apostrophes are gone.
constexpr const char* kFinal[28] = {"",  "k", "k", "k", "n", "n", "n", "t",  "l", "k", "m", "l", "l", "l",
                                    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};

// McCune–Reischauer without breves or aspiration marks, ㅈ as j the way North Korean names
// write it (Jong, not Chong).
constexpr Convention kMcCune = {
    {"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"},
    {"a",  "ae", "ya", "yae", "o",  "e",  "yo", "ye", "o",  "wa", "wae",
     "oe", "yo", "u",  "wo",  "we", "wi", "yu", "u",  "ui", "i"}};
// The spelling South Koreans give their names: Revised consonants but k for ㄱ, ㅓ as u.
constexpr Convention kPopular = {
    {"k", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"},
    {"a",  "ae", "ya", "yae", "u",  "e",  "yu", "ye", "o",  "wa", "wae",
     "oe", "yo", "u",  "wo",  "we", "wi", "yu", "eu", "ui", "i"}};
// Revised Romanization of Korean (2000).
constexpr Convention kRevised = {
    {"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"},
    {"a",  "ae", "ya", "yae", "eo", "e",  "yeo", "ye", "o",  "wa", "wae",
     "oe", "yo", "u",  "wo",  "we", "wi", "yu",  "eu", "ui", "i"}};

std::string syllable(char32_t cp, const Convention& c) {
  const uint32_t s = cp - kFirstSyllable;
  return std::string(c.initial[s / 588]) + c.medial[(s % 588) / 28] + kFinal[s % 28];
}

bool is_syllable(char32_t cp) { return cp >= kFirstSyllable && cp <= kLastSyllable; }

// libhangul's hanja table: each single hanja with its readings, and the reading its gloss calls
// a surname's.
struct HanjaTable {
  std::unordered_map<char32_t, std::vector<std::u32string>> readings;
  std::unordered_map<char32_t, std::u32string> surname;
  std::unordered_map<char32_t, int> surname_rank;  // how surely the gloss says so, 0 = not at all
};

const HanjaTable& hanja_table() {
  static const HanjaTable table = [] {
    HanjaTable t;
    std::ifstream in{std::string(kHanjaTable)};
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      // hangul:hanja:gloss
      const size_t a = line.find(':');
      const size_t b = a == std::string::npos ? a : line.find(':', a + 1);
      if (b == std::string::npos) continue;
      const std::u32string hanja = to_u32(std::string_view(line).substr(a + 1, b - a - 1));
      const std::u32string hangul = to_u32(std::string_view(line).substr(0, a));
      if (hanja.size() != 1 || hangul.size() != 1 || !is_syllable(hangul[0])) continue;
      auto& list = t.readings[hanja[0]];
      if (std::find(list.begin(), list.end(), hangul) == list.end()) list.push_back(hangul);
      // "사람의 성" (a person's surname) outranks a bare "성" (金: 금 "성 금", 김 "사람의 성 김").
      const std::string_view gloss = std::string_view(line).substr(b + 1);
      const int rank = gloss.find("사람의 성") != std::string_view::npos                             ? 2
                       : (gloss.starts_with("성 ") || gloss.find(", 성 ") != std::string_view::npos) ? 1
                                                                                                     : 0;
      if (rank > t.surname_rank[hanja[0]]) {
        t.surname[hanja[0]] = hangul;
        t.surname_rank[hanja[0]] = rank;
      }
    }
    return t;
  }();
  return table;
}

// A surname's reading in the South's spelling: an initial ㄹ is dropped or read ㄴ before
// i/y (리 → 이, 류 → 유) and read ㄴ otherwise (로 → 노) — the initial sound rule (두음법칙).
// The surname table spells both (이 lee, 리 ri), so the North's reading is not lost.
char32_t south_initial(char32_t cp) {
  const uint32_t s = cp - kFirstSyllable;
  const uint32_t initial = s / 588, medial = (s % 588) / 28, rest = s % 28;
  if (initial != 5) return cp;  // ㄹ
  const bool before_i_or_y =
      medial == 20 || medial == 2 || medial == 3 || medial == 6 || medial == 7 || medial == 12 || medial == 17;
  return kFirstSyllable + ((before_i_or_y ? 11 : 2) * 21 + medial) * 28 + rest;
}

}  // namespace

std::vector<std::string> korean_name_readings(std::string_view hangul_run) {
  const std::vector<std::string> words = split_name_parts(hangul_run);
  if (words.empty()) return {};
  const SpellingTable& surnames = korean_surname_spellings();
  // The surname: the first word's first syllable or two (남궁, 선우), when the table has it.
  const std::u32string first = to_u32(words.front());
  if (first.empty() || !std::all_of(first.begin(), first.end(), is_syllable)) return {};
  const std::vector<std::string>* spellings = nullptr;
  size_t surname_length = 0;
  for (size_t n : {size_t{2}, size_t{1}}) {
    // A name is a surname and at least one syllable more, in one word or two.
    if (first.size() < n || (first.size() == n && words.size() == 1)) continue;
    auto it = surnames.spellings.find(to_utf8(first.substr(0, n)));
    if (it != surnames.spellings.end()) {
      spellings = &it->second;
      surname_length = n;
      break;
    }
  }
  if (spellings == nullptr) return {};
  std::vector<std::u32string> given_words;
  if (first.size() > surname_length) given_words.push_back(first.substr(surname_length));
  for (size_t i = 1; i < words.size(); ++i) given_words.push_back(to_u32(words[i]));
  // Given names longer than three syllables are not Korean names but words.
  size_t given_syllables = 0;
  for (const auto& w : given_words) {
    if (!std::all_of(w.begin(), w.end(), is_syllable)) return {};
    given_syllables += w.size();
  }
  if (given_syllables == 0 || given_syllables > 3) return {};
  auto given = [&](const Convention& c, bool joined) {
    std::string out;
    for (const auto& w : given_words) {
      for (char32_t cp : w) {
        if (!out.empty() && !joined) out += ' ';
        out += syllable(cp, c);
      }
    }
    return out;
  };
  const std::string& usual = spellings->front();
  std::vector<std::string> out;
  auto add = [&out](std::string s) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  };
  add(usual + " " + given(kMcCune, false));
  add(usual + " " + given(kPopular, false));
  add(usual + " " + given(kRevised, false));
  add(usual + " " + given(kRevised, true));
  if (spellings->size() > 1) add((*spellings)[1] + " " + given(kMcCune, false));
  return out;
}

std::string hanja_as_hangul(std::string_view han) {
  const std::u32string chars = to_u32(han);
  if (chars.size() < 2 || chars.size() > 4) return {};
  const HanjaTable& table = hanja_table();
  // The first character's reading that is a surname: the one its gloss calls one, else the
  // first the surname table knows (朴 is glossed "bark", 李 "plum").
  char32_t surname = 0;
  if (auto it = table.surname.find(chars[0]); it != table.surname.end()) surname = south_initial(it->second[0]);
  if (auto it = table.readings.find(chars[0]); surname == 0 && it != table.readings.end()) {
    for (const std::u32string& r : it->second) {
      const char32_t south = south_initial(r[0]);
      if (korean_surname_spellings().spellings.contains(to_utf8(std::u32string{south}))) {
        surname = south;
        break;
      }
    }
  }
  if (surname == 0) return {};
  std::u32string hangul{surname};
  for (size_t i = 1; i < chars.size(); ++i) {
    auto it = table.readings.find(chars[i]);
    if (it == table.readings.end()) return {};
    hangul += it->second.front();
  }
  return to_utf8(hangul);
}

}  // namespace sekisho::text::detail
