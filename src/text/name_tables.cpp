// The name tables of src/text/tables/ (compiled in by cmake/embed_tables.cmake), parsed once:
// spellings of Arabic name words and Korean surnames, and classes of one name across languages.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/strings.hpp"
#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

namespace {

std::string_view embedded_table(std::string_view file) {
  for (const auto& [name, text] : embedded_tables()) {
    if (name == file) return text;
  }
  return {};
}

// One "key<TAB>a,b,c" line of a table, with the key and each value normalised as names are.
struct TableLine {
  size_t line_no = 0;
  std::string key;
  std::vector<std::string> values;
};

Result<std::vector<TableLine>> read_table(std::string_view file,
                                          const std::function<std::string(std::string_view)>& fold_key) {
  const std::string where = "src/text/tables/" + std::string(file);
  const std::string_view text = embedded_table(file);
  if (text.empty()) return not_found(where + ": not embedded in this build");
  std::vector<TableLine> out;
  size_t line_no = 0;
  for (const std::string& raw : split_trimmed(text, "\n")) {
    ++line_no;
    if (raw.empty() || raw[0] == '#') continue;
    const size_t tab = raw.find('\t');
    if (tab == std::string::npos)
      return parse_error(where + ":" + std::to_string(line_no) + ": expected key<TAB>values");
    TableLine line;
    line.line_no = line_no;
    line.key = fold_key(raw.substr(0, tab));
    if (line.key.empty()) return parse_error(where + ":" + std::to_string(line_no) + ": empty key");
    for (const std::string& v : split_trimmed(raw.substr(tab + 1), ",")) {
      std::string folded = fold_key(v);
      if (folded.empty()) return parse_error(where + ":" + std::to_string(line_no) + ": empty value in '" + raw + "'");
      line.values.push_back(std::move(folded));
    }
    if (line.values.empty()) return parse_error(where + ":" + std::to_string(line_no) + ": no values");
    for (const TableLine& earlier : out) {
      if (earlier.key == line.key) {
        return parse_error(where + ":" + std::to_string(line_no) + ": key '" + line.key + "' repeats line " +
                           std::to_string(earlier.line_no));
      }
    }
    out.push_back(std::move(line));
  }
  return out;
}

std::string as_name(std::string_view s) { return normalize(s).text(); }

Result<SpellingTable> load_spelling_table(std::string_view file, bool arabic) {
  auto fold = [arabic](std::string_view s) { return arabic ? fold_arabic_letters(as_name(s)) : as_name(s); };
  SEKISHO_ASSIGN_OR_RETURN(std::vector<TableLine> lines, read_table(file, fold));
  SpellingTable table;
  for (TableLine& line : lines) {
    for (std::string& v : line.values) v = detail::clean_ascii(fold_to_ascii(v));
    const size_t words = split_name_parts(line.key).size();
    table.max_key_words = std::max(table.max_key_words, words);
    table.spellings.emplace(std::move(line.key), std::move(line.values));
  }
  return table;
}

Result<EquivalentNames> load_equivalents(std::string_view file) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<TableLine> lines, read_table(file, as_name));
  EquivalentNames table;
  const std::string where = "src/text/tables/" + std::string(file);
  for (const TableLine& line : lines) {
    const std::string list_form = detail::clean_ascii(fold_to_ascii(line.key));
    for (const std::string& form : line.values) {
      // One word each: the lookup is by word, and a phrase would never be met.
      if (form.find(' ') != std::string::npos) {
        return parse_error(where + ":" + std::to_string(line.line_no) + ": '" + form + "' is more than one word");
      }
      if (!table.list_form.emplace(form, list_form).second) {
        return parse_error(where + ":" + std::to_string(line.line_no) + ": '" + form + "' is in two classes");
      }
    }
  }
  return table;
}

// A table's lines as written: its key (before the tab) and its comma-separated values, with the
// line number for errors; comments and blank lines left out. Unlike read_table, nothing is
// folded and a line may have no values.
struct RawLine {
  size_t line_no = 0;
  std::string raw, key;
  std::vector<std::string> values;
};

Result<std::vector<RawLine>> raw_lines(std::string_view file) {
  const std::string_view text = embedded_table(file);
  if (text.empty()) return not_found("src/text/tables/" + std::string(file) + ": not embedded in this build");
  std::vector<RawLine> out;
  size_t line_no = 0;
  for (const std::string& raw : split_trimmed(text, "\n")) {
    ++line_no;
    if (raw.empty() || raw[0] == '#') continue;
    const size_t tab = raw.find('\t');
    RawLine line{line_no, raw, std::string(trim(raw.substr(0, tab))), {}};
    if (tab != std::string::npos) line.values = split_trimmed(raw.substr(tab + 1), ",");
    out.push_back(std::move(line));
  }
  return out;
}

Status table_error(std::string_view file, const RawLine& line, std::string_view what) {
  return parse_error("src/text/tables/" + std::string(file) + ":" + std::to_string(line.line_no) + ": " +
                     std::string(what));
}

// organization_words.tsv: "word" or "word<TAB>other, words" per line; every word one token.
Result<OrganizationWords> load_organization_words() {
  constexpr std::string_view kFile = "organization_words.tsv";
  SEKISHO_ASSIGN_OR_RETURN(std::vector<RawLine> lines, raw_lines(kFile));
  OrganizationWords table;
  const auto fold = [](std::string_view w) { return detail::clean_ascii(fold_to_ascii(as_name(w))); };
  for (const RawLine& line : lines) {
    const std::string head = fold(line.key);
    std::vector<std::string> words{head};
    for (const std::string& v : line.values) words.push_back(fold(v));
    for (const std::string& w : words) {
      if (w.empty() || w.find(' ') != std::string::npos) {
        return table_error(kFile, line, "expected single words, got '" + line.raw + "'");
      }
      if (!table.class_word.emplace(w, head).second)
        return table_error(kFile, line, "'" + w + "' is on an earlier line too");
    }
  }
  return table;
}

// russian_acronyms.tsv: "Acronym<TAB>wording, wording" per line; the acronym keeps its case.
Result<RussianAcronyms> load_russian_acronyms() {
  constexpr std::string_view kFile = "russian_acronyms.tsv";
  SEKISHO_ASSIGN_OR_RETURN(std::vector<RawLine> lines, raw_lines(kFile));
  RussianAcronyms table;
  for (const RawLine& line : lines) {
    RussianAcronyms::Entry e{line.key, {}};
    for (const std::string& v : line.values) e.wordings.push_back(to_lower_ascii(v));
    const bool letters = !e.acronym.empty() && std::all_of(e.acronym.begin(), e.acronym.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    });
    if (!letters || e.wordings.empty()) {
      return table_error(kFile, line, "expected Acronym<TAB>wording[, wording…], got '" + line.raw + "'");
    }
    table.entries.push_back(std::move(e));
  }
  return table;
}

// The tables are compiled in: one that is missing or does not parse is a broken build, never a
// state to screen in. An empty table would let every name it covers go unread (a renamed table
// once left the organisation words out of a build, and Japanese names lost their English words
// without a word said), so the process stops, naming the table, instead of screening on. Each
// accessor below keeps its table in a function-local static: parsed once, on first use, by one
// thread while the others wait.
template <typename T>
T loaded_or_refused(Result<T> loaded) {
  if (!loaded.ok()) refuse_without_table(loaded.status());
  return std::move(*loaded);
}

Result<SpellingTable> load_arabic() { return load_spelling_table("arabic_names.tsv", true); }
Result<SpellingTable> load_korean() { return load_spelling_table("korean_surnames.tsv", false); }
Result<EquivalentNames> load_equivalent_names() { return load_equivalents("name_equivalents.tsv"); }

}  // namespace

std::string fold_arabic_letters(std::string_view arabic) {
  // Lists and keyboards write the hamza seats, ta marbuta and alif maqsura either way (أحمد /
  // احمد, أسامة / اسامه, مصطفى / مصطفي), and vowel marks only sometimes.
  std::string out;
  out.reserve(arabic.size());
  for (size_t pos = 0; pos < arabic.size();) {
    const char32_t cp = next_code_point(arabic, pos);
    if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640) continue;  // harakat, tatweel
    switch (cp) {
      case U'أ':
      case U'إ':
      case U'آ':
      case U'ٱ':
        append_utf8(out, U'ا');
        break;
      case U'ة':
        append_utf8(out, U'ه');
        break;
      case U'ى':
        append_utf8(out, U'ي');
        break;
      default:
        append_utf8(out, cp);
    }
  }
  return out;
}

const SpellingTable& arabic_name_spellings() {
  static const SpellingTable table = loaded_or_refused(load_arabic());
  return table;
}
const SpellingTable& korean_surname_spellings() {
  static const SpellingTable table = loaded_or_refused(load_korean());
  return table;
}
const EquivalentNames& equivalent_names() {
  static const EquivalentNames table = loaded_or_refused(load_equivalent_names());
  return table;
}

const OrganizationWords& organization_words() {
  static const OrganizationWords table = loaded_or_refused(load_organization_words());
  return table;
}

const RussianAcronyms& russian_acronyms() {
  static const RussianAcronyms table = loaded_or_refused(load_russian_acronyms());
  return table;
}

const std::string* organization_word_class(std::string_view token) {
  const auto& words = organization_words().class_word;
  const auto it = words.find(std::string(token));
  return it == words.end() ? nullptr : &it->second;
}

void refuse_without_table(const Status& why) {
  std::fprintf(stderr, "sekisho: a built-in name table is broken, so names cannot be read as listed: %s\n",
               why.message().c_str());
  std::abort();
}

Status name_tables_status() {
  // Parsed afresh, so a broken table is reported here rather than stopping the process.
  for (const Status& s : {load_arabic().status(), load_korean().status(), load_equivalent_names().status(),
                          load_organization_words().status(), load_russian_acronyms().status()}) {
    if (!s.ok()) return s;
  }
  return Status::ok_status();
}

}  // namespace sekisho::text::detail
