// The plain forms of a listed name: how publishers put several names in one field.
//
// Rules, in the order they apply to a piece of text (each applied again to what it yields):
//   1. ";" lists: each item a name ("Al-Qaida; The Base").
//   2. Markers that introduce another name: "a.k.a.", "also known as", "f.k.a.", "formerly",
//      "formerly known as", "previously", "née"; and "including", which names a part. The text
//      before the marker is the name, the text after it the other name.
//   3. Brackets ( ) [ ] （ ） and quotes « » “ ” „ “ " " 「 」: the name without the brackets
//      (quotes keep their words) is a form, and each bracket's or quote's content is an alternative.
//   4. "/" lists between names of three letters or more (not "M/V", "S/A"): each side a name.
// A person's bracketed single word respells the word before it ("Dmitry(Dmitriy) SEMYONOV"): it
// is no name alone, and the text step reads it as an alternative spelling in place.
#include "lists/listed_name_forms.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/strings.hpp"
#include "sekisho/text.hpp"
#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho {

std::string_view name_form_role_name(NameFormRole role) {
  switch (role) {
    case NameFormRole::kPrimary:
      return "primary";
    case NameFormRole::kAlias:
      return "alias";
    case NameFormRole::kWeakAlias:
      return "weak alias";
    case NameFormRole::kFormerName:
      return "former name";
    case NameFormRole::kPart:
      return "part";
  }
  return "alias";
}

namespace {

using text::detail::to_u32;
using text::detail::to_utf8;

struct Marker {
  std::u32string_view text;  // lower case; matched word-bounded, case-insensitively (ASCII)
  NameFormRole role;
};

// Longest first, so "formerly known as" wins over "formerly".
constexpr std::array<Marker, 13> kMarkers = {{
    {U"formerly known as", NameFormRole::kFormerName},
    {U"previously known as", NameFormRole::kFormerName},
    {U"also known as", NameFormRole::kAlias},
    {U"including", NameFormRole::kPart},
    {U"formerly", NameFormRole::kFormerName},
    {U"previously", NameFormRole::kFormerName},
    {U"a.k.a.", NameFormRole::kAlias},
    {U"f.k.a.", NameFormRole::kFormerName},
    {U"a.k.a", NameFormRole::kAlias},
    {U"f.k.a", NameFormRole::kFormerName},
    {U"incl.", NameFormRole::kPart},
    {U"née", NameFormRole::kFormerName},
    {U"nee", NameFormRole::kFormerName},
}};

struct BracketPair {
  char32_t open, close;
  bool quote;  // quotes hold words of the name itself: the plain form keeps them
};
constexpr std::array<BracketPair, 10> kBrackets = {{
    {U'(', U')', false},
    {U'[', U']', false},
    {U'（', U'）', false},
    {U'«', U'»', true},
    {U'“', U'”', true},
    {U'„', U'“', true},
    {U'"', U'"', true},
    {U'「', U'」', true},
    {U'『', U'』', true},
    {U'‹', U'›', true},
}};

const BracketPair* opening(char32_t c) {
  for (const BracketPair& b : kBrackets) {
    if (b.open == c) return &b;
  }
  return nullptr;
}

bool is_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c != 0xD7 && c != 0xF7 && c < 0x2000) ||
         (c >= 0x3040 && c < 0xA000) || (c >= 0xAC00 && c < 0xD7B0) || (c >= 0xFF66 && c < 0xFFA0);
}

char32_t lower(char32_t c) { return (c >= U'A' && c <= U'Z') ? c + 32 : c; }

// Where each character sits: depth 0 is outside every bracket. A bracket left open or closed
// without opening makes the whole text depth 0 (read as written: the publisher's typo).
std::vector<int> depths(std::u32string_view s) {
  std::vector<int> d(s.size(), 0);
  std::vector<const BracketPair*> open;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!open.empty() && s[i] == open.back()->close) {
      d[i] = static_cast<int>(open.size());
      open.pop_back();
      continue;
    }
    if (const BracketPair* b = opening(s[i])) {
      open.push_back(b);
      d[i] = static_cast<int>(open.size());
      continue;
    }
    d[i] = static_cast<int>(open.size());
  }
  if (!open.empty()) std::fill(d.begin(), d.end(), 0);
  return d;
}

std::u32string tidy(std::u32string_view s) {
  std::u32string out;
  for (char32_t c : s) {
    if (c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u00A0' || c == U'\u3000') c = U' ';
    if (c == U' ' && (out.empty() || out.back() == U' ')) continue;
    out += c;
  }
  // Separators and list punctuation left at an edge once a part is cut out.
  auto edge = [](char32_t c) {
    return c == U' ' || c == U',' || c == U';' || c == U':' || c == U'-' || c == U'–' || c == U'—' || c == U'/' ||
           c == U'、' || c == U'・' || c == U'；' || c == U'／';
  };
  while (!out.empty() && edge(out.back())) out.pop_back();
  size_t start = 0;
  while (start < out.size() && edge(out[start])) ++start;
  return out.substr(start);
}

// Words as the name's script separates them: Japanese writes no spaces, and marks the word
// breaks of a foreign name with a middle dot or a double hyphen (アレクサンドル・コフマン is
// two words, a full name, not a one-word alias).
size_t word_count(std::u32string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char32_t c : s) {
    const bool w = c != U' ' && c != U'・' && c != U'･' && c != U'＝' && c != U'゠';
    if (w && !in_word) ++words;
    in_word = w;
  }
  return words;
}

// The words of a person's name once titles and honorifics are set aside, as screening sets them
// aside: "Sheikh Hassan" and "Haji Aminullah" are one-word aliases.
size_t name_word_count(std::u32string_view s) {
  const size_t words = word_count(s);
  size_t titles = 0;
  for (const text::NormalizedToken& t : text::normalize(to_utf8(s)).tokens)
    titles += text::is_person_title(t.text) ? 1 : 0;
  return words > titles ? words - titles : 0;
}

size_t letter_count(std::u32string_view s) { return static_cast<size_t>(std::count_if(s.begin(), s.end(), is_letter)); }

class Deriver {
 public:
  Deriver(Schema schema, std::vector<ListedNameForm>& out) : person_(schema == Schema::kPerson), out_(out) {}

  void derive(std::u32string_view text, NameFormRole role, int depth_left = 4) {
    const std::u32string s = tidy(text);
    if (s.empty() || depth_left == 0) return;
    const std::vector<int> d = depths(s);
    if (split_list(s, d, {U';', U'；'}, role, depth_left, 0)) return;
    if (split_marker(s, d, role, depth_left)) return;
    if (split_brackets(s, d, role, depth_left)) return;
    if (split_list(s, d, {U'/', U'／'}, role, depth_left, 3)) return;
    emit(s, role);
  }

 private:
  // Items of a list at depth 0, each with at least `least_letters` letters (else no split).
  bool split_list(const std::u32string& s, const std::vector<int>& d, std::initializer_list<char32_t> seps,
                  NameFormRole role, int depth_left, size_t least_letters) {
    std::vector<std::u32string> items;
    size_t from = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
      const bool sep = i < s.size() && d[i] == 0 && std::find(seps.begin(), seps.end(), s[i]) != seps.end();
      if (i < s.size() && !sep) continue;
      items.push_back(tidy(std::u32string_view(s).substr(from, i - from)));
      from = i + 1;
    }
    if (items.size() < 2) return false;
    for (const std::u32string& item : items) {
      if (letter_count(item) < std::max<size_t>(least_letters, 1)) return false;
      // A person's "/" separates spellings of one word ("Ahmed/Ahmad ALI"), not whole names.
      if (least_letters > 0 && person_ && word_count(item) < 2) return false;
    }
    for (const std::u32string& item : items) derive(item, role, depth_left - 1);
    return true;
  }

  bool split_marker(const std::u32string& s, const std::vector<int>& d, NameFormRole role, int depth_left) {
    for (size_t i = 0; i < s.size(); ++i) {
      if (d[i] != 0 || (i > 0 && is_letter(s[i - 1]))) continue;
      for (const Marker& m : kMarkers) {
        if (i + m.text.size() > s.size()) continue;
        bool same = true;
        for (size_t k = 0; k < m.text.size() && same; ++k) same = lower(s[i + k]) == m.text[k];
        if (!same) continue;
        const size_t end = i + m.text.size();
        if (end < s.size() && is_letter(s[end])) continue;
        derive(std::u32string_view(s).substr(0, i), role, depth_left - 1);
        derive(std::u32string_view(s).substr(end), marked_role(m.role, role), depth_left - 1);
        return true;
      }
    }
    return false;
  }

  bool split_brackets(const std::u32string& s, const std::vector<int>& d, NameFormRole role, int depth_left) {
    std::u32string plain;
    std::vector<std::u32string> groups;
    bool any = false;
    for (size_t i = 0; i < s.size(); ++i) {
      const BracketPair* b = d[i] == 1 ? opening(s[i]) : nullptr;
      if (d[i] == 0) {
        plain += s[i];
        continue;
      }
      if (b == nullptr) continue;  // inside a group read below
      size_t close = i + 1;
      while (close < s.size() && !(d[close] == 1 && s[close] == b->close)) ++close;
      const std::u32string inner = s.substr(i + 1, close - i - 1);
      any = true;
      if (b->quote) {
        plain += U' ';
        plain += inner;
        plain += U' ';
      } else {
        plain += U' ';
      }
      groups.push_back(inner);
      i = close;
    }
    if (!any) return false;
    derive(plain, role, depth_left - 1);
    const NameFormRole alternative = role == NameFormRole::kPrimary ? NameFormRole::kAlias : role;
    for (const std::u32string& g : groups) {
      if (person_ && word_count(tidy(g)) < 2 && !starts_with_marker(g)) continue;
      derive(g, alternative, depth_left - 1);
    }
    return true;
  }

  static bool starts_with_marker(std::u32string_view g) {
    const std::u32string t = tidy(g);
    for (const Marker& m : kMarkers) {
      if (t.size() < m.text.size()) continue;
      bool same = true;
      for (size_t k = 0; k < m.text.size() && same; ++k) same = lower(t[k]) == m.text[k];
      if (same) return true;
    }
    return false;
  }

  static NameFormRole marked_role(NameFormRole marker, NameFormRole base) {
    // An alternative of a weak alias is no stronger than it.
    if (base == NameFormRole::kWeakAlias) return base;
    return marker;
  }

  void emit(const std::u32string& s, NameFormRole role) {
    if (letter_count(s) == 0) return;
    std::string text = to_utf8(s);
    // A bracket that only names a country ("Bank Rossiya (Russia)") says where, not who.
    if (letter_count(s) > 3 && !text::country_code(text).empty()) return;
    if (person_ && role != NameFormRole::kPrimary && name_word_count(s) < 2) role = NameFormRole::kWeakAlias;
    if (!person_) {
      // A body named after a person: the body without the dedication, as other names of it
      // write it (text::detail::without_dedication).
      std::string body = text::detail::without_dedication(text);
      add(std::move(text), role, true);
      if (!body.empty()) add(std::move(body), role == NameFormRole::kWeakAlias ? role : NameFormRole::kPart, true);
      add_body_after_parent(s, role);
      return;
    }
    add(std::move(text), role, true);
  }

  // "Parent, Body": lists name a subsidiary or institute after the body it belongs to ("Tactical
  // Missile Corporation, Joint Stock Company Elektrotyaga", "戦術ミサイル兵器コーポレーション、株式会社
  // エレクトロチャーガ"), and a query names the body alone. The text after the last comma is a part
  // of the name when both sides are names of two words or more and it is more than a legal form
  // ("X Holdings, S.A. de C.V." names no other body). A person's comma only orders the name.
  void add_body_after_parent(const std::u32string& s, NameFormRole role) {
    size_t comma = std::u32string::npos;
    for (size_t i = 0; i + 1 < s.size(); ++i) {
      if ((s[i] == U',' && s[i + 1] == U' ') || s[i] == U'、' || s[i] == U'､') comma = i;
    }
    if (comma == std::u32string::npos) return;
    const std::u32string head = tidy(std::u32string_view(s).substr(0, comma));
    const std::u32string body = tidy(std::u32string_view(s).substr(comma + 1));
    // Japanese writes no spaces between words: four letters stand for two words.
    const auto name_like = [](const std::u32string& t) {
      return word_count(t) >= 2 || (t.find(U' ') == std::u32string::npos && letter_count(t) >= 4 && t[0] >= 0x3000);
    };
    if (!name_like(head) || !name_like(body) || !is_letter(body[0]) || (body[0] >= U'a' && body[0] <= U'z')) return;
    const std::string text = to_utf8(body);
    // Some word of three letters or more outside its legal forms ("S.A. de C.V." has none).
    const text::NormalizedName n = text::normalize(text);
    std::vector<bool> legal(n.tokens.size(), false);
    for (const text::LegalFormHit& h : text::find_legal_forms(n)) {
      for (size_t k = h.first_token; k < h.first_token + h.token_count && k < legal.size(); ++k) legal[k] = true;
    }
    bool named = false;
    for (size_t k = 0; k < n.tokens.size(); ++k) named = named || (!legal[k] && n.tokens[k].text.size() >= 3);
    if (!named || !text::country_code(text).empty()) return;
    add(text, role == NameFormRole::kWeakAlias ? role : NameFormRole::kPart, true);
  }

 public:
  void add(std::string text, NameFormRole role, bool derived) {
    const std::string key = to_lower_ascii(collapse_spaces(text));
    for (const ListedNameForm& f : out_) {
      if (to_lower_ascii(collapse_spaces(f.text)) == key) return;
    }
    out_.push_back({std::move(text), role, derived});
  }

 private:
  bool person_;
  std::vector<ListedNameForm>& out_;
};

NameFormRole role_of(NameKind kind) {
  switch (kind) {
    case NameKind::kPrimary:
      return NameFormRole::kPrimary;
    case NameKind::kWeakAlias:
      return NameFormRole::kWeakAlias;
    case NameKind::kFormerName:
      return NameFormRole::kFormerName;
    case NameKind::kAlias:
    case NameKind::kOriginalScript:
      return NameFormRole::kAlias;
  }
  return NameFormRole::kAlias;
}

// The words of a form split on spaces, compared lower-cased: a word of two letters or more
// written twice ("QUREN SALIH QUREN AL QADHAFI") gives the name with either writing left out,
// as a query writes it once.
void add_repeated_word_forms(Deriver& deriver, const ListedNameForm& form) {
  const std::vector<std::string> words = split_trimmed(form.text, " ");
  for (size_t i = 0; i < words.size(); ++i) {
    if (letter_count(to_u32(words[i])) < 2) continue;
    for (size_t j = i + 1; j < words.size(); ++j) {
      if (to_lower_ascii(words[i]) != to_lower_ascii(words[j])) continue;
      for (size_t drop : {i, j}) {
        std::vector<std::string> kept;
        for (size_t k = 0; k < words.size(); ++k) {
          if (k != drop) kept.push_back(words[k]);
        }
        deriver.add(join(kept, " "), form.role, true);
      }
    }
  }
}

// A word of a form as written, without the punctuation around it: "“Region”" → "Region".
std::string_view bare_word(std::string_view w) {
  const auto punct = [](char c) { return c != 0 && std::strchr("\"'()[],.;:", c) != nullptr; };
  while (!w.empty() && punct(w.front())) w.remove_prefix(1);
  while (!w.empty() && punct(w.back())) w.remove_suffix(1);
  return w;
}

// Russian bodies' kinds written as an acronym or in words (text/tables/russian_acronyms.tsv):
// an organisation's form with one also stands with the other, "NPP Start" as "scientific
// production enterprise Start" and "48th Central Scientific Research Institute" as "48th TsNII",
// as other lists and the Japanese name it. Only where a word of the name is left beside it.
void add_acronym_forms(Deriver& deriver, const ListedNameForm& form) {
  const auto& entries = text::detail::russian_acronyms().entries;
  std::vector<std::string> words = split_trimmed(form.text, " ");
  if (words.size() < 2) return;
  // The acronym spelt out.
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = bare_word(words[i]);
    for (const auto& e : entries) {
      if (w != e.acronym) continue;
      std::vector<std::string> out = words;
      out[i] = e.wordings.front();
      deriver.add(join(out, " "), form.role, true);
      break;
    }
  }
  // The words written as the acronym: compared lower-case, a hyphen as a space.
  std::string flat = to_lower_ascii(form.text);
  std::replace(flat.begin(), flat.end(), '-', ' ');
  const std::string padded = " " + collapse_spaces(flat) + " ";
  for (const auto& e : entries) {
    for (const std::string& wording : e.wordings) {
      const size_t at = padded.find(" " + wording + " ");
      if (at == std::string::npos) continue;
      const std::string rest = padded.substr(0, at) + " " + e.acronym + " " + padded.substr(at + wording.size() + 2);
      if (split_trimmed(rest, " ").size() < 2) continue;
      deriver.add(collapse_spaces(std::string(trim(rest))), form.role, true);
      break;
    }
  }
}

}  // namespace

std::vector<ListedNameForm> listed_name_forms(const Name& name, Schema schema) {
  std::vector<ListedNameForm> out;
  const std::string published(trim(name.full));
  if (published.empty()) return out;
  NameFormRole role = role_of(name.kind);
  const std::u32string u = to_u32(published);
  if (schema == Schema::kPerson && role != NameFormRole::kPrimary && name_word_count(tidy(u)) < 2) {
    role = NameFormRole::kWeakAlias;
  }
  Deriver deriver(schema, out);
  deriver.add(published, role, false);
  deriver.derive(u, role);
  const size_t derived_end = out.size();
  for (size_t i = 0; i < derived_end; ++i) {
    const ListedNameForm form = out[i];
    add_repeated_word_forms(deriver, form);
    if (schema != Schema::kPerson) add_acronym_forms(deriver, form);
  }
  return out;
}

}  // namespace sekisho
