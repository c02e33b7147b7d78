// ENAMDICT (names) and EDICT (glosses): EUC-JP files read once, lazily, into immutable sorted
// tables shared by every thread. Lines: `KANJI [かな] /(s,p) Romaji/` and `WORD [かな] /(n) gloss/`.
#include <iconv.h>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>

#include "sekisho/text.hpp"
#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

namespace {

Result<std::string> read_euc_jp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return io_error("cannot open " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string raw = buffer.str();
  iconv_t cd = iconv_open("UTF-8", "EUC-JP");
  if (cd == reinterpret_cast<iconv_t>(-1)) return internal_error("iconv has no EUC-JP converter");
  std::string out(raw.size() * 2 + 16, '\0');
  char* src = raw.data();
  size_t src_left = raw.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  while (src_left > 0) {
    size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    if (r == static_cast<size_t>(-1)) {
      if (errno == E2BIG) break;  // cannot happen: UTF-8 needs at most 1.5x EUC-JP
      ++src;                      // an invalid byte: skip it, keep the rest of the line
      --src_left;
    }
  }
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return out;
}

uint8_t kinds_of(std::string_view tags) {
  uint8_t k = 0;
  size_t pos = 0;
  while (pos <= tags.size()) {
    size_t comma = tags.find(',', pos);
    std::string_view t = tags.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    if (t == "s")
      k |= static_cast<uint8_t>(ReadingKind::kSurname);
    else if (t == "g")
      k |= static_cast<uint8_t>(ReadingKind::kGiven);
    else if (t == "f")
      k |= static_cast<uint8_t>(ReadingKind::kFemale);
    else if (t == "m")
      k |= static_cast<uint8_t>(ReadingKind::kMale);
    else if (t == "p" || t == "st")
      k |= static_cast<uint8_t>(ReadingKind::kPlace);
    else if (t == "c")
      k |= static_cast<uint8_t>(ReadingKind::kCompany);
    else if (t == "o")
      k |= static_cast<uint8_t>(ReadingKind::kOrganization);
    else
      k |= static_cast<uint8_t>(ReadingKind::kOther);
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return k;
}

struct Entry {
  std::string_view key;
  std::string_view kana;
  std::string_view body;  // between the first and the last '/'
};

// Splits `KEY [KANA] /BODY/` (the reading is absent when the key is kana itself).
bool parse_line(std::string_view line, Entry& e) {
  size_t space = line.find(' ');
  if (space == std::string_view::npos || space == 0) return false;
  e.key = line.substr(0, space);
  size_t slash = line.find('/', space);
  if (slash == std::string_view::npos) return false;
  size_t open = line.find('[', space);
  if (open != std::string_view::npos && open < slash) {
    size_t close = line.find(']', open);
    if (close == std::string_view::npos || close > slash) return false;
    e.kana = line.substr(open + 1, close - open - 1);
  } else {
    e.kana = e.key;
  }
  size_t last = line.rfind('/');
  if (last <= slash) return false;
  e.body = line.substr(slash + 1, last - slash - 1);
  return true;
}

template <typename Fn>
void for_each_line(std::string_view text, Fn fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    fn(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
}

struct NameDict {
  std::string text;
  struct Row {
    std::string_view key;
    NameEntry entry;
  };
  std::vector<Row> rows;  // sorted by key, dictionary order kept within a key
  Status status;
};

struct GlossDict {
  std::string text;
  struct Row {
    std::string_view key;
    std::vector<std::string_view> glosses;
  };
  std::vector<Row> rows;  // sorted by key; first dictionary entry per key
  // Katakana keys folded by fold_katakana_spelling, each with its row: sorted by folded key.
  std::vector<std::pair<std::string, size_t>> folded;
  Status status;
};

bool all_katakana(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (!is_katakana(next_code_point(s, pos))) return false;
  }
  return !s.empty();
}

const NameDict& name_dict() {
  static NameDict dict;
  static std::once_flag once;
  std::call_once(once, [] {
    auto text = read_euc_jp(resource_paths().enamdict);
    if (!text.ok()) {
      dict.status = text.status();
      return;
    }
    dict.text = std::move(*text);
    for_each_line(dict.text, [](std::string_view line) {
      Entry e;
      if (line.empty() || line[0] == '#' || !parse_line(line, e)) return;
      // Body: "(s,p) Romaji" or "(s) Romaji/(g) Other"; the first group is what we need.
      std::string_view body = e.body.substr(0, e.body.find('/'));
      uint8_t kinds = 0;
      if (!body.empty() && body[0] == '(') {
        size_t close = body.find(')');
        if (close == std::string_view::npos) return;
        kinds = kinds_of(body.substr(1, close - 1));
        body = body.substr(close + 1);
        while (!body.empty() && body[0] == ' ') body.remove_prefix(1);
      }
      dict.rows.push_back({e.key, {e.kana, body, kinds}});
    });
    std::stable_sort(dict.rows.begin(), dict.rows.end(),
                     [](const NameDict::Row& a, const NameDict::Row& b) { return a.key < b.key; });
  });
  return dict;
}

// EDICT gloss fields carry part-of-speech and sense markers: "(n,adj-no) (1) peace
// preservation". Keeps the words, drops the markers, skips "(P)" and "EntL…" fields; an
// "(abbr)" marker stays in front (the gloss translates a clipped word: エアロ (abbr) aerobics).
std::string_view clean_gloss(std::string_view g) {
  std::string_view abbreviated;
  while (!g.empty() && (g[0] == '(' || g[0] == ' ' || g[0] == '{')) {
    char close = g[0] == '{' ? '}' : ')';
    if (g[0] == ' ') {
      g.remove_prefix(1);
      continue;
    }
    if (g.starts_with("(abbr)")) abbreviated = g;
    size_t end = g.find(close);
    if (end == std::string_view::npos) break;
    g.remove_prefix(end + 1);
  }
  if (g.substr(0, 4) == "EntL") return {};
  return abbreviated.empty() ? g : abbreviated;
}

const GlossDict& gloss_dict() {
  static GlossDict dict;
  static std::once_flag once;
  std::call_once(once, [] {
    auto text = read_euc_jp(resource_paths().edict);
    if (!text.ok()) {
      dict.status = text.status();
      return;
    }
    dict.text = std::move(*text);
    for_each_line(dict.text, [](std::string_view line) {
      Entry e;
      if (line.empty() || line[0] == '#' || !parse_line(line, e)) return;
      GlossDict::Row row{e.key, {}};
      size_t pos = 0;
      while (pos <= e.body.size()) {
        size_t slash = e.body.find('/', pos);
        std::string_view g =
            clean_gloss(e.body.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos));
        if (!g.empty()) row.glosses.push_back(g);
        if (slash == std::string_view::npos) break;
        pos = slash + 1;
      }
      if (!row.glosses.empty()) dict.rows.push_back(std::move(row));
    });
    std::stable_sort(dict.rows.begin(), dict.rows.end(),
                     [](const GlossDict::Row& a, const GlossDict::Row& b) { return a.key < b.key; });
    for (size_t i = 0; i < dict.rows.size(); ++i) {
      if (all_katakana(dict.rows[i].key)) dict.folded.emplace_back(fold_katakana_spelling(dict.rows[i].key), i);
    }
    // Stable: a folded key shared by several words keeps the first in EDICT's key order.
    std::stable_sort(dict.folded.begin(), dict.folded.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  });
  return dict;
}

template <typename Row>
std::pair<typename std::vector<Row>::const_iterator, typename std::vector<Row>::const_iterator> rows_for(
    const std::vector<Row>& rows, std::string_view key) {
  return std::equal_range(rows.begin(), rows.end(), Row{key, {}},
                          [](const Row& a, const Row& b) { return a.key < b.key; });
}

}  // namespace

std::vector<NameEntry> enamdict_lookup(std::string_view kanji) {
  std::vector<NameEntry> out;
  const NameDict& dict = name_dict();
  auto [first, last] = rows_for(dict.rows, kanji);
  for (auto it = first; it != last; ++it) out.push_back(it->entry);
  return out;
}

std::vector<std::string_view> edict_lookup(std::string_view word) {
  const GlossDict& dict = gloss_dict();
  auto [first, last] = rows_for(dict.rows, word);
  return first == last ? std::vector<std::string_view>{} : first->glosses;
}

std::vector<std::string_view> edict_lookup_any_spelling(std::string_view katakana) {
  if (std::vector<std::string_view> exact = edict_lookup(katakana); !exact.empty()) return exact;
  const GlossDict& dict = gloss_dict();
  const std::string key = fold_katakana_spelling(katakana);
  // A short word folded is too often another word (コン, コーン cone): only words of four kana
  // or more are looked up by their folded spelling.
  constexpr size_t kMinFoldedKana = 4;
  if (to_u32(key).size() < kMinFoldedKana) return {};
  auto it = std::lower_bound(dict.folded.begin(), dict.folded.end(), key,
                             [](const auto& entry, const std::string& k) { return entry.first < k; });
  if (it == dict.folded.end() || it->first != key) return {};
  return dict.rows[it->second].glosses;
}

bool edict_contains(std::string_view word) {
  const GlossDict& dict = gloss_dict();
  auto [first, last] = rows_for(dict.rows, word);
  return first != last;
}

Status japanese_dictionaries_status() {
  const NameDict& names = name_dict();
  if (!names.status.ok()) return names.status;
  if (names.rows.empty()) return parse_error(resource_paths().enamdict + ": no entries");
  const GlossDict& glosses = gloss_dict();
  if (!glosses.status.ok()) return glosses.status;
  if (glosses.rows.empty()) return parse_error(resource_paths().edict + ": no entries");
  return japanese_org_words_status();
}

}  // namespace sekisho::text::detail
