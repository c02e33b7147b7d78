// Japanese list text helpers; see jp_text.hpp.
#include "lists/jp_text.hpp"

#include <regex>

#include "core/strings.hpp"
#include "io/spreadsheet.hpp"
#include "io/utf8.hpp"

namespace sekisho {

namespace {

bool is_kana(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF66 && cp <= 0xFF9F);
}
bool is_cjk(char32_t cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF); }

bool has_letter(std::string_view s) {
  for (char c : s) {
    if (std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

bool is_unknown(std::string_view s) {
  s = trim(s);
  return s.empty() || s == "不明" || s == "なし" || s == "-" || s == "－" || s == "ー" || s == "―";
}

// Splits at enumeration markers "(a)", "(b)", … (single lower-case letter in
// parentheses). Text before the first marker is its own piece.
std::vector<std::string> split_enumeration(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] == '(' && s[i + 1] >= 'a' && s[i + 1] <= 'z' && s[i + 2] == ')') {
      out.emplace_back(s.substr(start, i - start));
      start = i + 3;
      i += 2;
    }
  }
  out.emplace_back(s.substr(start));
  return out;
}

bool enumerated(std::string_view s) { return s.find("(b)") != std::string_view::npos; }

int paren_balance(std::string_view s) {
  int b = 0;
  for (char c : s) b += (c == '(') - (c == ')');
  return b;
}

// Trims white space and list punctuation, and parentheses left unbalanced by a split.
std::string clean_piece(std::string_view s) {
  std::string out(trim(s));
  bool changed = true;
  while (changed && !out.empty()) {
    changed = false;
    for (std::string_view p : {"、", ",", ";", ":", "・"}) {
      if (out.size() >= p.size() && out.compare(out.size() - p.size(), p.size(), p) == 0) {
        out.erase(out.size() - p.size());
        changed = true;
      }
      if (out.size() >= p.size() && p != "・" && out.compare(0, p.size(), p) == 0) {
        out.erase(0, p.size());
        changed = true;
      }
    }
    if (out.empty()) break;  // a piece of punctuation alone: nothing left to look at the ends of
    int b = paren_balance(out);
    if (out.back() == '(') {  // the opening of a note split off after this name
      out.pop_back();
      changed = true;
    } else if (out.front() == ')') {
      out.erase(0, 1);
      changed = true;
    } else if (out.size() >= 3 && out[0] == '(' && out[1] >= 'a' && out[1] <= 'z' && out[2] == ')') {
      out.erase(0, 3);  // a lone enumeration mark "(a)"
      changed = true;
    } else if (b > 0 && out.front() == '(') {
      out.erase(0, 1);
      changed = true;
    } else if (b < 0 && !out.empty() && out.back() == ')') {
      out.pop_back();
      changed = true;
    } else if (out.size() >= 2 && out.front() == '(' && out.back() == ')' &&
               paren_balance(out.substr(1, out.size() - 2)) == 0 && out.find(')') == out.size() - 1) {
      out = out.substr(1, out.size() - 2);  // wholly wrapped: "(Gaffar Mohmed Elhassan)"
      changed = true;
    }
    std::string t(trim(out));
    if (t != out) {
      out = t;
      changed = true;
    }
  }
  return out;
}

struct KindLabel {
  std::string_view text;
  NameKind kind;
};
// Labels that introduce names of a kind, longest first within each family.
constexpr KindLabel kLabels[] = {
    {"a.k.a.:", NameKind::kAlias},      {"a.k.a.,", NameKind::kAlias},     {"a.k.a.", NameKind::kAlias},
    {"a.k.a:", NameKind::kAlias},       {"a.k.a ", NameKind::kAlias},      {"also known as", NameKind::kAlias},
    {"f.k.a.:", NameKind::kFormerName}, {"f.k.a.", NameKind::kFormerName}, {"formerly known as", NameKind::kFormerName},
    {"別称", NameKind::kAlias},         {"別名", NameKind::kAlias},        {"旧称", NameKind::kFormerName},
};

// Strips leading labels from `s`, updating `kind`.
std::string strip_labels(std::string s, NameKind& kind, NameKind weak_floor) {
  bool changed = true;
  while (changed) {
    changed = false;
    s = clean_piece(s);
    for (const KindLabel& l : kLabels) {
      if (starts_with_ascii_ci(s, l.text)) {
        // A weak-alias column stays weak: its label says alias, its header says "not sufficient".
        kind = weak_floor == NameKind::kWeakAlias ? NameKind::kWeakAlias : l.kind;
        s.erase(0, l.text.size());
        changed = true;
        break;
      }
    }
  }
  return s;
}

// "フランク・カコレレ(FRANK KAKORERE)" → Japanese part and trailing Latin part.
std::pair<std::string, std::string> split_trailing_latin(const std::string& s) {
  if (s.empty() || s.back() != ')') return {s, ""};
  int depth = 0;
  for (size_t i = s.size(); i-- > 0;) {
    if (s[i] == ')') ++depth;
    if (s[i] == '(' && --depth == 0) {
      std::string inner = s.substr(i + 1, s.size() - i - 2);
      std::string head(trim(std::string_view(s).substr(0, i)));
      if (!head.empty() && has_japanese(head) && !has_japanese(inner) && inner.size() >= 4) return {head, inner};
      return {s, ""};
    }
  }
  return {s, ""};
}

// Company-form words that a comma separates from the name they belong to
// ("AL-BASHAER TRADING COMPANY, LTD").
bool is_suffix_word(std::string_view w) {
  std::string l = to_lower_ascii(trim(w));
  while (!l.empty() && l.back() == '.') l.pop_back();
  for (std::string_view s :
       {"ltd", "limited", "llc",  "inc", "co",  "corp", "jsc",  "ojsc", "cjsc",  "pjsc",    "plc",
        "sa",  "s.a",     "gmbh", "ag",  "fze", "fzc",  "fzco", "dmcc", "l.l.c", "co. ltd", "co., ltd"}) {
    if (l == s) return true;
  }
  return false;
}

std::vector<std::string> split_commas_merging_suffixes(std::string_view s) {
  std::vector<std::string> out;
  for (std::string& piece : split_trimmed(s, ",")) {
    if (!out.empty() && is_suffix_word(piece)) {
      out.back() += ", " + piece;
    } else {
      out.push_back(std::move(piece));
    }
  }
  return out;
}

// Puts a ';' before every a.k.a./f.k.a. label that is not at the start, so
// "X, a.k.a. Y, f.k.a. Z" and "アフガン…ビューロー (a.k.a. Y)" split into names.
std::string break_at_labels(std::string s) {
  std::string lower = to_lower_ascii(s);
  std::string out;
  size_t last = 0;
  for (size_t i = 1; i < lower.size(); ++i) {
    bool label = false;
    for (std::string_view l : {"a.k.a", "f.k.a", "also known as", "formerly known as"}) {
      if (lower.compare(i, l.size(), l) == 0) label = true;
    }
    if (!label) continue;
    out += s.substr(last, i - last);
    out += ';';
    last = i;
    i += 4;
  }
  out += s.substr(last);
  return out;
}

// Drops heading labels such as "(別名1)" / "(別名2)" (Iraq sheet).
std::string drop_numbered_labels(std::string s) {
  static const std::regex kNumbered("\\((別名|別称)\\d+\\)");
  return std::regex_replace(s, kNumbered, "");
}

}  // namespace

std::string take_original_script(std::string& text) {
  std::string lower = to_lower_ascii(text);
  size_t at = lower.find("original sc");
  if (at == std::string::npos) return "";
  size_t open = text.rfind('(', at);
  size_t close = text.find(')', at);
  if (open == std::string::npos) open = at;
  if (close == std::string::npos) close = text.size() - 1;
  std::string inner = text.substr(open + 1, close - open - 1);
  text = std::string(trim(text.substr(0, open))) + (close + 1 < text.size() ? " " + text.substr(close + 1) : "");
  text = std::string(trim(text));
  // "original script: X" or "X:original script"; drop the label and the colon.
  std::string li = to_lower_ascii(inner);
  size_t label = li.find("original sc");
  size_t label_end = li.find_first_of(":", label);
  std::string name;
  if (label_end != std::string::npos && label_end > label) {
    name = inner.substr(label_end + 1);
  } else {
    name = inner.substr(0, label);
    size_t colon = name.rfind(':');
    if (colon != std::string::npos) name = name.substr(0, colon);
  }
  // Bidi embedding marks (U+202A–U+202E) are layout, not part of the name.
  for (std::string_view mark : {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e"}) {
    for (size_t p; (p = name.find(mark)) != std::string::npos;) name.erase(p, mark.size());
  }
  std::string out(trim(fold_fullwidth(name)));
  while (!out.empty() && (out.front() == ':' || out.front() == ' ')) out.erase(0, 1);
  return is_unknown(out) ? "" : out;
}

bool has_japanese(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    if (is_kana(cp) || is_cjk(cp)) return true;
  }
  return false;
}

bool has_kana(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (is_kana(next_code_point(s, i))) return true;
  }
  return false;
}

std::string fold_fullwidth(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      char32_t a = cp - 0xFF01 + 0x21;
      // Only structure: digits, letters, brackets and separators. Keep e.g. "＝" and "＊" as published.
      if (std::isalnum(static_cast<int>(a)) || a == '(' || a == ')' || a == ';' || a == ':' || a == ',' || a == '.') {
        out += static_cast<char>(a);
        continue;
      }
    } else if (cp == 0x3000) {
      out += ' ';
      continue;
    } else if (cp == 0x00A0) {
      out += ' ';
      continue;
    }
    append_utf8(out, cp);
  }
  return out;
}

std::vector<std::string> split_values(std::string_view cell) {
  std::string s = fold_fullwidth(cell);
  std::vector<std::string> out;
  bool enumer = enumerated(s);
  for (const std::string& line : split_trimmed(s, "\n")) {
    std::vector<std::string> pieces = enumer ? split_enumeration(line) : std::vector<std::string>{line};
    for (const std::string& p : pieces) {
      for (std::string& v : split_trimmed(p, ";")) {
        std::string c = clean_piece(v);
        if (!is_unknown(c)) out.push_back(std::move(c));
      }
    }
  }
  return out;
}

std::vector<DateSpec> parse_jp_dates(std::string_view cell) {
  std::vector<DateSpec> out;
  std::string s = fold_fullwidth(cell);
  auto add = [&](DateSpec d) {
    if (d.empty()) return;
    for (const DateSpec& o : out) {
      if (o.date == d.date && o.until == d.until) return;
    }
    out.push_back(std::move(d));
  };
  std::string t(trim(s));
  if (!t.empty() && t.find_first_not_of("0123456789.") == std::string::npos) {
    if (auto iso = excel_serial_to_iso(t)) {
      DateSpec d = parse_date_loose(*iso);
      d.raw = t;
      add(d);
      return out;
    }
  }
  // One Japanese date, optionally a range to a second, optionally "circa".
  static const std::regex kJpDate(
      "(およそ|おおよそ|約)?\\s*(\\d{4})\\s*年\\s*(?:(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*日)?)?\\s*(頃)?"
      "(?:\\s*(?:-|～|〜|から|－|–)\\s*(\\d{4})\\s*年\\s*(?:(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*日)?)?\\s*(頃)?)?");
  for (const std::string& line : split_trimmed(s, "\n")) {
    bool found = false;
    for (auto it = std::sregex_iterator(line.begin(), line.end(), kJpDate); it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      DateSpec d;
      d.raw = m.str(0);
      d.date.year = static_cast<int16_t>(std::stoi(m.str(2)));
      if (m[3].matched) d.date.month = static_cast<int8_t>(std::stoi(m.str(3)));
      if (m[4].matched) d.date.day = static_cast<int8_t>(std::stoi(m.str(4)));
      if (m[6].matched) {
        d.until.year = static_cast<int16_t>(std::stoi(m.str(6)));
        if (m[7].matched) d.until.month = static_cast<int8_t>(std::stoi(m.str(7)));
        if (m[8].matched) d.until.day = static_cast<int8_t>(std::stoi(m.str(8)));
      }
      d.circa = m[1].matched || m[5].matched || m[9].matched;
      if (d.date.month > 12 || d.date.day > 31 || d.until.month > 12 || d.until.day > 31) continue;
      found = true;
      add(std::move(d));
    }
    if (!found && !has_japanese(line)) {
      for (const std::string& piece : split_values(line)) add(parse_date_loose(piece));
    }
  }
  return out;
}

std::string first_dotted_date(std::string_view cell) {
  static const std::regex kDotted("(\\d{4})\\.(\\d{1,2})\\.(\\d{1,2})");
  std::string s = fold_fullwidth(cell);
  std::smatch m;
  if (!std::regex_search(s, m, kDotted)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", std::stoi(m.str(1)), std::stoi(m.str(2)), std::stoi(m.str(3)));
  return buf;
}

std::string date_in_file_name(std::string_view name) {
  static const std::regex kDate("(20\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])");
  std::string s(name);
  std::smatch m;
  if (!std::regex_search(s, m, kDate)) return "";
  return m.str(1) + "-" + m.str(2) + "-" + m.str(3);
}

std::vector<ListedName> split_name_list(std::string_view cell, NameKind kind) {
  std::string s = drop_numbered_labels(fold_fullwidth(cell));
  // Labels written as headings: "(別称)コリア…" / "(旧称)リョンガクサン…".
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"(別称)", "別称、"}, {"(旧称)", "旧称、"}}) {
    for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, from.size(), to);
  }
  const NameKind column_kind = kind;
  const bool enumer = enumerated(s);
  std::vector<ListedName> out;
  std::vector<size_t> comma_candidates;  // Latin items that may be comma lists
  auto emit = [&](std::string text, NameKind k) {
    std::string original = take_original_script(text);
    if (!original.empty()) out.push_back({original, NameKind::kOriginalScript, false, true});
    text = clean_piece(text);
    if (is_unknown(text) || !has_letter(text)) return;
    auto [head, latin] = split_trailing_latin(text);
    if (!latin.empty()) {
      out.push_back({clean_piece(head), k, true});
      out.push_back({clean_piece(latin), k, false});
      return;
    }
    bool ja = has_japanese(text);
    if (!ja && !enumer && text.find(", ") != std::string::npos) comma_candidates.push_back(out.size());
    out.push_back({std::move(text), k, ja});
  };
  for (const std::string& line : split_trimmed(s, "\n")) {
    std::vector<std::string> segments = enumer ? split_enumeration(line) : std::vector<std::string>{line};
    for (const std::string& segment : segments) {
      std::string seg = strip_labels(segment, kind, column_kind);
      // ';' lists may hold "surname、given name" (テロリスト等): split on '、' only without ';'.
      bool semicolons = seg.find(';') != std::string::npos;
      std::vector<std::string> pieces;
      for (std::string& part : split_trimmed(break_at_labels(seg), ";")) {
        if (!semicolons && !enumer && has_japanese(part)) {
          for (std::string& p : split_trimmed(part, "、")) pieces.push_back(std::move(p));
        } else {
          pieces.push_back(std::move(part));
        }
      }
      for (const std::string& piece : pieces) {
        // "a.k.a. X" inside a ';' list, "別称" alone between '、' (a kind switch).
        std::string p = strip_labels(piece, kind, column_kind);
        emit(p, kind);
      }
    }
  }
  // A Latin line "A, B, C" beside three Japanese names is a list, not one name with commas.
  size_t ja_count = 0, latin_count = 0;
  for (const ListedName& n : out) (n.japanese ? ja_count : latin_count)++;
  if (comma_candidates.size() == 1 && latin_count == 1 && ja_count > 1) {
    size_t at = comma_candidates.front();
    std::vector<std::string> parts = split_commas_merging_suffixes(out[at].text);
    if (parts.size() == ja_count) {
      NameKind k = out[at].kind;
      out.erase(out.begin() + static_cast<long>(at));
      for (std::string& p : parts) out.push_back({std::move(p), k, false});
    }
  }
  return out;
}

}  // namespace sekisho
