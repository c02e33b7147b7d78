// Japan METI/MOFA export-ban lists (輸出等に係る禁止措置の対象となる…団体),
// as text extracted from the published PDFs: a title paragraph (○ …告示第…号),
// 指定日/最終更新日 lines, then numbered blocks:
//
//   ２ 株式会社インテグラル（別称、OAOインテグラル、…）     Japanese name (+ 別称 aliases), may wrap
//   JSC Integral, a.k.a., the following two aliases:          English name
//   - OAO Integral; and                                       English aliases, one per dash
//   - Joint-Stock Company Integral-Holding Managing Company
//   所在地：121A, Kazintsa I.P. Str., Minsk, …; and 12 …      addresses, ';'-separated
//
// Later blocks of the third-country list use another layout: Japanese name,
// English name, "別称：" Japanese aliases, Latin aliases separated by ';'.
// The PDF text glues some block numbers to the previous address
// ("…, Belarus７ 株式会社…", "…Emirates.4 サクセス…"), so a block starts where
// the next expected number is followed by Japanese text on the same line.
//
// Every block is an Organization (both lists name only bodies). Source id =
// "<list code>-<block number>" (BY-7, TC-12), program from the file name:
// …belarus… → JP-METI-EXPORT-BAN-BELARUS, …daisangoku… (third countries) →
// JP-METI-EXPORT-BAN-THIRD-COUNTRY, …russia… → JP-METI-EXPORT-BAN-RUSSIA.
// listed_on = the notice's 指定日, publication_date = the latest 最終更新日.
#include <nlohmann/json.hpp>

#include <regex>

#include "core/strings.hpp"
#include "io/source_file.hpp"
#include "lists/jp_text.hpp"
#include "lists/parsers.hpp"

namespace sekisho::parsers {

namespace {

namespace fs = std::filesystem;

struct ListKind {
  std::string code;     // "BY"
  std::string program;  // "JP-METI-EXPORT-BAN-BELARUS"
};

std::optional<ListKind> list_kind(const std::string& file_name) {
  std::string n = to_lower_ascii(file_name);
  if (n.find("belarus") != std::string::npos) return ListKind{"BY", "JP-METI-EXPORT-BAN-BELARUS"};
  if (n.find("daisangoku") != std::string::npos || n.find("third") != std::string::npos) {
    return ListKind{"TC", "JP-METI-EXPORT-BAN-THIRD-COUNTRY"};
  }
  if (n.find("russia") != std::string::npos || n.find("roshia") != std::string::npos) {
    return ListKind{"RU", "JP-METI-EXPORT-BAN-RUSSIA"};
  }
  return std::nullopt;
}

bool rest_of_line_has_japanese(std::string_view text, size_t from) {
  size_t eol = text.find('\n', from);
  return has_japanese(text.substr(from, eol == std::string_view::npos ? std::string_view::npos : eol - from));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Offset of the number `n` that opens block n, searching from `from`; npos when absent.
size_t find_block_start(std::string_view text, size_t from, int n) {
  std::string num = std::to_string(n);
  for (size_t p = text.find(num, from); p != std::string_view::npos; p = text.find(num, p + 1)) {
    size_t end = p + num.size();
    if (p > 0 && is_digit(text[p - 1])) continue;
    if (end >= text.size() || is_digit(text[end])) continue;
    bool line_start = p == 0 || text[p - 1] == '\n';
    if (n == 1 && !line_start) continue;
    char next = text[end];
    if (next != ' ' && static_cast<unsigned char>(next) < 0x80) continue;
    if (rest_of_line_has_japanese(text, end)) return p;
  }
  return std::string_view::npos;
}

// Joins wrapped lines: Japanese without a separator, Latin with a space, and
// nothing after a hyphen that ends a line ("High-\ntech", "21-\n27 Wing Kut").
std::string join_wrapped(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) {
    if (out.empty()) {
      out = l;
      continue;
    }
    bool glue = out.back() == '-' ||
                (static_cast<unsigned char>(out.back()) >= 0x80 && static_cast<unsigned char>(l.front()) >= 0x80);
    out += glue ? l : " " + l;
  }
  return out;
}

// The parenthesised groups of `s` at depth 0, as (begin, end) offsets including the brackets.
std::vector<std::pair<size_t, size_t>> paren_groups(std::string_view s) {
  std::vector<std::pair<size_t, size_t>> out;
  int depth = 0;
  size_t open = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(' && depth++ == 0) open = i;
    if (s[i] == ')' && depth > 0 && --depth == 0) out.emplace_back(open, i + 1);
  }
  return out;
}

std::vector<std::string> split_japanese_list(std::string_view s) {
  std::vector<std::string> out;
  for (std::string& a : split_any(s, {"、", "及び", ";"})) {
    std::string t(trim(a));
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

void add_alias(Entity& e, const std::string& text, std::string_view lang_if_latin = "en") {
  std::string t = collapse_spaces(text);
  if (t.empty()) return;
  std::string lang = has_kana(t) ? "ja" : has_japanese(t) ? "zh" : std::string(lang_if_latin);
  e.add_name({.full = t, .kind = NameKind::kAlias, .lang = lang});
}

// Japanese name: "株式会社…（別称、A、B及びC）（中文名）" → primary, aliases, Chinese name.
void parse_japanese_name(Entity& e, std::string ja) {
  // Explanations follow the name as sentences ("国防省（…含む。）。これには、…"): keep the first.
  int depth = 0;
  for (size_t i = 0; i < ja.size(); ++i) {
    if (ja[i] == '(') ++depth;
    if (ja[i] == ')') --depth;
    if (depth == 0 && ja.compare(i, 3, "。") == 0) {
      e.remarks.push_back(std::string(trim(ja.substr(i + 3))));
      ja.erase(i);
      break;
    }
  }
  std::string primary;
  size_t last = 0;
  for (auto [b, end] : paren_groups(ja)) {
    std::string inner(trim(std::string_view(ja).substr(b + 1, end - b - 2)));
    bool alias_group = inner.rfind("別称", 0) == 0;
    bool chinese = !alias_group && has_japanese(inner) && !has_kana(inner);
    bool note = inner.find("。") != std::string::npos;
    if (!alias_group && !chinese && !note) continue;  // part of the name: "クバンテク(HK)有限会社"
    primary += ja.substr(last, b - last);
    last = end;
    if (alias_group) {
      for (const std::string& a :
           split_japanese_list(std::string_view(inner).substr(std::string_view("別称").size()))) {
        add_alias(e, a);
      }
    } else if (chinese) {
      add_alias(e, inner);
    }
  }
  primary += ja.substr(last);
  e.add_name({.full = collapse_spaces(primary), .kind = NameKind::kOriginalScript, .lang = "ja"});
}

// Trailing punctuation of a dash-list item: "; and", ";", ",", and the full stop ending the list.
std::string clean_alias(std::string s, bool last) {
  s = std::string(trim(s));
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view tail : {" and", ";", "；", ","}) {
      if (s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0) {
        s = std::string(trim(s.substr(0, s.size() - tail.size())));
        changed = true;
      }
    }
  }
  // The last item ends the sentence; an abbreviation ("Ltd.", "Co.") keeps its dot.
  if (last && !s.empty() && s.back() == '.') {
    size_t space = s.find_last_of(' ');
    std::string word = to_lower_ascii(s.substr(space == std::string::npos ? 0 : space + 1));
    bool abbreviation = false;
    for (std::string_view a : {"ltd.", "co.", "inc.", "corp.", "pvt.", "bhd.", "st.", "plc.", "jsc."})
      abbreviation |= word == a;
    if (!abbreviation) s.pop_back();
  }
  return s;
}

bool is_dash_start(std::string_view s, size_t& skip) {
  for (std::string_view d : {"-", "—", "–", "―"}) {
    if (s.substr(0, d.size()) == d) {
      skip = d.size();
      return true;
    }
  }
  return false;
}

// English name and its dash-list of aliases.
void parse_english(Entity& e, const std::vector<std::string>& lines) {
  if (lines.empty()) return;
  std::string joined;
  for (const std::string& l : lines) joined += (joined.empty() ? "" : "\n") + l;
  std::string flat = joined;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  static const std::regex kMarker(",?\\s*(?:a\\.k\\.a\\.?,?\\s*)?the\\s*follow(?:ing)?\\s*[a-z]*\\s*alias(?:es)?\\s*:",
                                  std::regex::icase);
  std::smatch m;
  std::string primary_text = joined, alias_text;
  if (std::regex_search(flat, m, kMarker)) {
    primary_text = joined.substr(0, static_cast<size_t>(m.position(0)));
    alias_text = joined.substr(static_cast<size_t>(m.position(0) + m.length(0)));
  }
  std::string primary = join_wrapped(split_trimmed(primary_text, "\n"));
  // Chinese name in brackets after the English one: "Ele Technology Co LTD（深圳市易络电子有限公司）".
  auto groups = paren_groups(primary);
  if (!groups.empty() && groups.back().second == primary.size()) {
    auto [b, end] = groups.back();
    std::string inner = primary.substr(b + 1, end - b - 2);
    if (has_japanese(inner)) {
      for (const std::string& zh : split_japanese_list(inner)) add_alias(e, zh);
      primary = std::string(trim(primary.substr(0, b)));
    }
  }
  // Belarus no. 1 continues with explanations: "…, including …. This includes …".
  size_t note = primary.find(", including ");
  if (note != std::string::npos) {
    e.remarks.push_back(primary.substr(note + 2));
    primary.erase(note);
  }
  e.add_name({.full = collapse_spaces(primary), .kind = NameKind::kPrimary, .lang = "en"});

  std::vector<std::string> items;
  for (const std::string& line : split_trimmed(alias_text, "\n")) {
    size_t skip = 0;
    if (is_dash_start(line, skip) || items.empty()) {
      items.push_back(std::string(trim(std::string_view(line).substr(skip))));
    } else {
      items.back() = join_wrapped({items.back(), line});
    }
  }
  for (size_t i = 0; i < items.size(); ++i) {
    // "aliases:—Win Key; and" puts a dash after the colon on one line with the next item.
    std::string item = clean_alias(items[i], i + 1 == items.size());
    if (!item.empty()) e.add_name({.full = item, .kind = NameKind::kAlias, .lang = "en"});
  }
}

void parse_addresses(Entity& e, const std::string& text) {
  for (std::string part : split_trimmed(text, ";")) {
    if (part.rfind("and ", 0) == 0) part = std::string(trim(part.substr(4)));
    while (!part.empty() && part.back() == '.') part.pop_back();
    if (part.empty()) continue;
    size_t comma = part.rfind(',');
    std::string country(trim(comma == std::string::npos ? part : part.substr(comma + 1)));
    e.addresses.push_back({.full = part, .country = split_trimmed(country, " ").size() <= 3 ? country : ""});
    if (!e.addresses.back().country.empty() &&
        std::find(e.countries.begin(), e.countries.end(), country) == e.countries.end()) {
      e.countries.push_back(country);
    }
  }
}

bool has_ascii_letters(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// Where an English name glued to the Japanese one starts on the same line
// ("…公司)Yilufa Electronics Ltd, a.k.a., …", "…リミテッドHong Kong Qisu …"), else npos.
// It must follow a Japanese character or bracket directly, outside brackets,
// and hold no Japanese before its own brackets: "有限会社GFKロジスティック" and
// "レーザーチップス FZCO" are Japanese names.
size_t english_tail(const std::string& line, const std::string& before) {
  int depth =
      static_cast<int>(std::count(before.begin(), before.end(), '(') - std::count(before.begin(), before.end(), ')'));
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '(') ++depth;
    if (line[i] == ')') --depth;
    if (i == 0 || depth != 0 || !std::isalpha(static_cast<unsigned char>(line[i]))) continue;
    // The character before must close the Japanese name: a Japanese character, a bracket or 」.
    // A Latin word after typographic quotes is inside the English name (JSC “Astrakhan
    // Shipyard”, on its own line).
    size_t prev = i - 1;
    while (prev > 0 && (static_cast<unsigned char>(line[prev]) & 0xC0) == 0x80) --prev;
    const std::string_view before_char = std::string_view(line).substr(prev, i - prev);
    if (before_char != ")" && before_char != "」" && before_char != "』" && !has_japanese(before_char)) continue;
    std::string_view rest = std::string_view(line).substr(i);
    std::string_view head = rest.substr(0, rest.find('('));
    size_t letters =
        std::count_if(head.begin(), head.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    if (letters >= 3 && !has_japanese(head) && head.find(' ') != std::string_view::npos) return i;
  }
  return std::string::npos;
}

// Whether `line` wraps a bracket the Japanese name left open ("…及び公共株式会" then "社ASZ）"):
// it opens with a Japanese character, and Latin letters in it do not make it the English name.
bool continues_alias_group(const std::string& line, const std::vector<std::string>& ja) {
  const std::string joined = join_wrapped(ja);
  const auto open = std::count(joined.begin(), joined.end(), '(') - std::count(joined.begin(), joined.end(), ')');
  size_t first = 0;
  while (first < line.size() && (static_cast<unsigned char>(line[first]) & 0xC0) == 0x80) ++first;
  size_t end = first + 1;
  while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
  if (open <= 0) return false;
  if (has_japanese(std::string_view(line).substr(0, end))) return true;
  // A Latin alias wraps too ("（別称、Kazanski Vertoletny Zavod Remservis 及び KVZ" then
  // "Remservis）"): the line closes the open bracket before opening one, and nothing Latin
  // follows the close (the English name starts on a line of its own).
  const size_t close = line.find(')');
  if (close == std::string::npos || line.find('(') < close) return false;
  return !has_ascii_letters(std::string_view(line).substr(close + 1));
}

Entity parse_block(const ListKind& kind, int number, const std::string& body, const ParseOptions& options) {
  Entity e;
  e.schema = Schema::kOrganization;
  e.source_id = kind.code + "-" + std::to_string(number);
  e.id = make_entity_id(options.list_id, e.source_id);
  e.programs.push_back(kind.program);
  nlohmann::ordered_json raw;
  raw["no"] = number;
  raw["text"] = body;
  e.raw = raw.dump();

  // Labels glued to the previous text start their own line.
  std::string text = body;
  for (std::string_view label : {"所在地:", "別称:"}) {
    for (size_t p = text.find(label, 1); p != std::string::npos; p = text.find(label, p + label.size() + 1)) {
      if (text[p - 1] != '\n') text.insert(p, "\n");
    }
  }
  enum class Part { kJapanese, kEnglish, kJapaneseAliases, kLatinAliases, kAddress } part = Part::kJapanese;
  std::vector<std::string> ja, en, ja_aliases, latin_aliases, address;
  for (std::string line : split_trimmed(text, "\n")) {
    if (line.rfind("所在地:", 0) == 0) {
      part = Part::kAddress;
      line = line.substr(std::string_view("所在地:").size());
    } else if (line.rfind("別称:", 0) == 0) {
      part = Part::kJapaneseAliases;
      line = line.substr(std::string_view("別称:").size());
    } else if (part == Part::kJapanese && !ja.empty() && !has_kana(line) &&
               (!has_japanese(line) || has_ascii_letters(line)) && !continues_alias_group(line, ja) &&
               english_tail(line, join_wrapped(ja)) == std::string::npos) {
      part = Part::kEnglish;  // Latin, possibly with a Chinese name in brackets; "司)" alone still wraps the Japanese
    } else if (part == Part::kJapaneseAliases && !has_japanese(line)) {
      part = Part::kLatinAliases;
    }
    if (part == Part::kJapanese) {
      size_t cut = english_tail(line, join_wrapped(ja));
      if (cut != std::string::npos) {
        ja.push_back(line.substr(0, cut));
        en.push_back(line.substr(cut));
        part = Part::kEnglish;
        continue;
      }
      ja.push_back(line);
    } else if (part == Part::kEnglish) {
      en.push_back(line);
    } else if (part == Part::kJapaneseAliases) {
      ja_aliases.push_back(line);
    } else if (part == Part::kLatinAliases) {
      latin_aliases.push_back(line);
    } else {
      address.push_back(line);
    }
  }
  parse_english(e, en);
  parse_japanese_name(e, join_wrapped(ja));
  for (const std::string& a : split_japanese_list(join_wrapped(ja_aliases))) add_alias(e, a);
  for (const std::string& a : split_trimmed(join_wrapped(latin_aliases), ";")) add_alias(e, clean_alias(a, true));
  parse_addresses(e, join_wrapped(address));
  e.caption = e.primary_name() ? e.primary_name()->full : e.source_id;
  return e;
}

std::string jp_date(std::string_view line) {
  static const std::regex kDate("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
  std::string s(line);
  std::smatch m;
  if (!std::regex_search(s, m, kDate)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s-%02d-%02d", m.str(1).c_str(), std::stoi(m.str(2)), std::stoi(m.str(3)));
  return buf;
}

Status parse_file(const fs::path& path, const ParseOptions& options, ParsedList& out) {
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  const std::string& name = file.meta.name;
  auto kind = list_kind(name);
  if (!kind) {
    return invalid_argument(name + ": cannot tell which list this is from the file name (expected 'belarus', " +
                            "'daisangoku' or 'russia' in it)");
  }
  std::string text = fold_fullwidth(text_body(file));
  // The PDF text sometimes spaces a label out ("所 在 地 ：" in the Russia
  // list of 2025-09-12, block 97): one spelling for the label.
  text = std::regex_replace(text, std::regex("所[ \t]*在[ \t]*地[ \t]*:"), "所在地:");
  out.files.push_back(file.meta);
  size_t first = find_block_start(text, 0, 1);
  if (first == std::string::npos) return parse_error(name + ": no numbered block '1 <name>' found");
  std::string header = text.substr(0, first);
  std::string designated, updated;
  for (const std::string& line : split_trimmed(header, "\n")) {
    if (line.find("指定日") != std::string::npos && line.find("最終") == std::string::npos) designated = jp_date(line);
    if (line.find("最終更新日") != std::string::npos) updated = jp_date(line);
  }
  if (updated > out.publication_date) out.publication_date = updated;
  std::string title = join_wrapped(split_trimmed(header.substr(0, header.find("指定日")), "\n"));
  size_t start = first;
  for (int n = 1; start != std::string::npos; ++n) {
    size_t body_begin = start + std::to_string(n).size();
    size_t next = find_block_start(text, body_begin, n + 1);
    std::string body(trim(
        std::string_view(text).substr(body_begin, next == std::string::npos ? std::string::npos : next - body_begin)));
    if (body.find("所在地:") == std::string::npos) {
      LineCol lc = line_col_at(text, start);
      return parse_error(name + ":" + std::to_string(lc.line) + ": block " + std::to_string(n) +
                         " has no 所在地 (address) line");
    }
    Entity e = parse_block(*kind, n, body, options);
    if (!e.primary_name()) {
      LineCol lc = line_col_at(text, start);
      return parse_error(name + ":" + std::to_string(lc.line) + ": block " + std::to_string(n) + " has no name");
    }
    e.listed_on = designated;
    if (!title.empty()) e.remarks.push_back(title);
    out.entities.push_back(std::move(e));
    start = next;
  }
  return Status::ok_status();
}

}  // namespace

Result<ParsedList> parse_meti_tokutei(const Paths& paths, const ParseOptions& options) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (paths.size() == 1 && fs::is_directory(paths[0], ec)) {
    for (const auto& entry : fs::directory_iterator(paths[0], ec)) {
      std::string n = entry.path().filename().string();
      if (entry.is_regular_file() && n.find("tokutei") != std::string::npos && n.ends_with(".txt"))
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) return invalid_argument(paths[0].string() + ": no *tokutei*.txt files for format meti-tokutei");
  } else {
    files = paths;
  }
  ParsedList out;
  for (const fs::path& f : files) SEKISHO_RETURN_IF_ERROR(parse_file(f, options, out));
  return out;
}

}  // namespace sekisho::parsers
