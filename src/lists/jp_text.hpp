// Text helpers for the Japanese list formats (MOF asset-freeze XLSX, METI End
// User List, METI export-ban lists): script detection, punctuation folding,
// Japanese date spellings and the free-text name lists of 別名/別称/旧称 cells.
//
//   for (const ListedName& n : split_name_list("(a)アブ・アリ(b)アリ⏎(a.k.a.: (a)Abu Ali (b)Ali)", NameKind::kAlias))
//     entity.add_name({.full = n.text, .kind = n.kind, .lang = n.japanese ? "ja" : "en"});
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sekisho/entity.hpp"

namespace sekisho {

// True when `s` holds kana or CJK ideographs.
bool has_japanese(std::string_view s);
// True when `s` holds katakana or hiragana.
bool has_kana(std::string_view s);

// Folds the full-width forms that carry structure (digits, ASCII letters,
// parentheses, semicolon, colon, comma, ideographic space) to ASCII. NFKC would
// do the same to these characters; katakana and kanji are left alone.
std::string fold_fullwidth(std::string_view s);

// Splits a multi-valued cell: lines, ';', and enumerations "(a)… (b)…".
// Trims, drops empties and "不明" (unknown).
std::vector<std::string> split_values(std::string_view cell);

// Dates in the spellings of the Japanese lists: Excel serials ("19274"),
// 1952年10月7日, 1960年頃 (circa), 1955年-1958年 / 1968年から1973年の間 (ranges),
// and, for lines without a Japanese date, English spellings (parse_date_loose).
std::vector<DateSpec> parse_jp_dates(std::string_view cell);
// The first "2013.2.27" style date of a 告示日付 cell as ISO ("2013-02-27"), else "".
std::string first_dotted_date(std::string_view cell);

// Removes an "(original script: …)" note (UN style; also "(…:original script)")
// from `text` and returns the name it gives ("" when none or 不明).
std::string take_original_script(std::string& text);

// "2026-03-05" from a file name holding YYYYMMDD (shisantouketsu20260305.xlsx), else "".
// The Japanese ministries date their files by name rather than inside them.
std::string date_in_file_name(std::string_view name);

struct ListedName {
  std::string text;
  NameKind kind = NameKind::kAlias;
  bool japanese = false;         // written in Japanese script (kana/kanji)
  bool original_script = false;  // from an "(original script: …)" note: Arabic, Cyrillic…
};

// Splits a free-text alias cell into names. Understands enumerations
// ((a)…(b)…), "a.k.a."/"f.k.a." and 別称、/旧称、 labels (which switch the kind
// between kAlias and kFormerName), ';' and '、' lists, a Latin spelling in
// parentheses after a katakana one, and "不明". `kind` is the column's kind.
std::vector<ListedName> split_name_list(std::string_view cell, NameKind kind);

}  // namespace sekisho
