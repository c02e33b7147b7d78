// Japan MOF asset-freeze list (外為法に基づく資産凍結等の措置の対象者),
// shisantouketsuYYYYMMDD.xlsx: one sheet per regime.
//
// Layout: sheet 一覧 holds notes and the regime index. Each regime sheet
// "N.<regime>" has a title block (1–4 rows), then a header row, then one row
// per designation. Columns differ between sheets, so they are found by header
// text. Rows whose 告示日付 says 削除 (deleted) are kept by MOF with their
// number but without names; they are skipped. Rows with neither name but with
// text are continuation rows of the previous entry's notes (the Somalia sheet
// splits one long note over twelve rows) and join its remarks.
//
// Decisions:
// - Regimes marked 【解除】 (lifted: Liberia, Côte d'Ivoire, the old Iran
//   measures) list nobody today; their sheets hold only the title and the date
//   the notice was repealed. They are skipped, as listed-then-delisted parties
//   are not sanctioned.
// - Source id = "<regime number>-<notice number>" (告示番号, e.g. "29-1"). The
//   notice number is unique within a regime and never reused (deleted rows keep
//   theirs), so the id survives re-ordering; cross-reference marks such as
//   "12(#5)" or "*30" are kept in the remarks. A row without a number falls back
//   to "<regime>-r<row>".
// - 日本語表記 → NameKind::kOriginalScript, lang "ja"; 英語表記 → kPrimary,
//   lang "en" (its "(original script: …)" line → kOriginalScript, no lang).
#include <nlohmann/json.hpp>

#include <map>
#include <regex>

#include "core/strings.hpp"
#include "io/source_file.hpp"
#include "io/spreadsheet.hpp"
#include "lists/jp_text.hpp"
#include "lists/parsers.hpp"

namespace sekisho::parsers {

namespace {

enum class Column {
  kDate,            // 告示日付
  kNumber,          // 告示番号
  kJapanese,        // 日本語表記
  kEnglish,         // 英語表記
  kAlias,           // 別名, 別称, 別名・別称, 確定可能な別名
  kWeakAlias,       // 確定に十分でない別名
  kFormer,          // 旧称, 以前の別名, 過去の別名
  kAliasOrFormer,   // 別称・旧称 (labels inside the cell decide)
  kBirthDate,       // 生年月日
  kBirthDatePlace,  // 生年月日・出生地
  kBirthPlace,      // 出生地, 出生地・出身地
  kNationality,     // 国籍
  kPassport,        // 旅券番号
  kNationalId,      // ID番号, 身分登録番号, 身分証番号
  kAddress,         // 住所, 所在地, 住所・所在地, 活動地域・住所, …
  kUnReference,     // 国連参照番号
  kRemark,          // everything else: 役職, 肩書, 称号, その他の情報, 指定日, 電話…
};

Column classify(std::string_view header) {
  auto has = [&](std::string_view s) { return header.find(s) != std::string_view::npos; };
  if (has("告示日付")) return Column::kDate;
  if (has("告示番号")) return Column::kNumber;
  if (has("日本語表記")) return Column::kJapanese;
  if (has("英語表記")) return Column::kEnglish;
  if (has("確定に十分でない")) return Column::kWeakAlias;
  if (has("別称・旧称")) return Column::kAliasOrFormer;
  if (has("旧称") || has("以前の別名") || has("過去の別名")) return Column::kFormer;
  if (has("別名") || has("別称")) return Column::kAlias;
  if (has("生年月日") && has("出生地")) return Column::kBirthDatePlace;
  if (has("生年月日")) return Column::kBirthDate;
  if (has("出生地")) return Column::kBirthPlace;
  if (has("国籍")) return Column::kNationality;
  if (has("旅券番号")) return Column::kPassport;
  if (has("ID番号") || has("身分登録番号") || has("身分証")) return Column::kNationalId;
  if (has("国連参照番号")) return Column::kUnReference;
  if (has("住所") || has("所在地")) return Column::kAddress;
  return Column::kRemark;
}

// Columns only a natural person has: their presence tells people from bodies
// on sheets that mix both (タリバーン関係者等, テロリスト等, ソマリア…).
bool is_person_column(Column c, std::string_view header) {
  if (c == Column::kBirthDate || c == Column::kBirthDatePlace || c == Column::kBirthPlace ||
      c == Column::kNationality || c == Column::kPassport || c == Column::kNationalId) {
    return true;
  }
  return c == Column::kRemark &&
         (header.find("称号") != std::string_view::npos || header.find("役職") != std::string_view::npos ||
          header.find("肩書") != std::string_view::npos);
}

struct HeaderColumn {
  size_t index;
  std::string header;  // one line, as written
  Column kind;
};

struct RegimeSheet {
  const Sheet* sheet = nullptr;
  std::string number;                    // "29"
  std::string program;                   // the regime title (first line of the title block)
  Schema schema = Schema::kLegalEntity;  // kLegalEntity: decide per row
  size_t header_row = 0;
  std::vector<HeaderColumn> columns;
  std::optional<size_t> japanese, english, notice_number;
};

std::string one_line(std::string_view s) { return collapse_spaces(fold_fullwidth(s)); }

// Finds the header row (the first of the top rows naming both 日本語表記 and 英語表記).
Result<RegimeSheet> locate(const Sheet& sheet, std::string_view file_name) {
  RegimeSheet r;
  r.sheet = &sheet;
  size_t dot = sheet.name.find('.');
  r.number = sheet.name.substr(0, dot);
  if (dot == std::string::npos || r.number.empty() || r.number.find_first_not_of("0123456789") != std::string::npos) {
    return parse_error(std::string(file_name) + ": sheet '" + sheet.name +
                       "': expected a regime sheet named '<number>.<regime>'");
  }
  constexpr size_t kMaxTitleRows = 10;
  bool found = false;
  for (size_t row = 0; row < std::min(kMaxTitleRows, sheet.row_count()) && !found; ++row) {
    bool ja = false, en = false;
    for (size_t c = 0; c < sheet.column_count(row); ++c) {
      std::string h = one_line(sheet.text(row, c));
      ja |= h == "日本語表記";
      en |= h == "英語表記";
    }
    if (ja && en) {
      r.header_row = row;
      found = true;
    }
  }
  if (!found) {
    return parse_error(std::string(file_name) + ": sheet '" + sheet.name + "': no header row with 日本語表記 and " +
                       "英語表記 in rows 1-" + std::to_string(kMaxTitleRows));
  }
  for (size_t c = 0; c < sheet.column_count(r.header_row); ++c) {
    std::string h = one_line(sheet.text(r.header_row, c));
    if (h.empty()) continue;
    Column kind = classify(h);
    if (kind == Column::kJapanese) r.japanese = c;
    if (kind == Column::kEnglish) r.english = c;
    if (kind == Column::kNumber) r.notice_number = c;
    r.columns.push_back({c, h, kind});
  }
  if (!r.notice_number) {
    return parse_error(std::string(file_name) + ": " + sheet.ref(r.header_row, 0) +
                       ": header row has no 告示番号 column");
  }
  for (size_t row = 0; row < r.header_row && r.program.empty(); ++row) {
    std::string first = sheet.text(row, 0);
    r.program = std::string(trim(first.substr(0, first.find('\n'))));
  }
  if (r.program.empty()) r.program = sheet.name.substr(dot + 1);
  // The sheet name says 個人 (individuals) or 団体/銀行 (bodies); mixed sheets say neither.
  bool person = sheet.name.find("個人") != std::string::npos;
  bool body = sheet.name.find("団体") != std::string::npos || sheet.name.find("銀行") != std::string::npos;
  if (person != body) r.schema = person ? Schema::kPerson : Schema::kOrganization;
  return r;
}

// UN reference numbers say it outright: QDi.… is an individual, QDe.… an entity.
std::optional<Schema> schema_from_un_reference(std::string_view ref) {
  static const std::regex kUnRef("[A-Z]{2}([ie])\\.\\s*\\d");
  std::string s(ref);
  std::smatch m;
  if (!std::regex_search(s, m, kUnRef)) return std::nullopt;
  return m.str(1) == "i" ? Schema::kPerson : Schema::kOrganization;
}

void add_names_from_primary(Entity& e, std::string_view cell, NameKind kind, std::string_view lang) {
  // Wrapped lines of one name join with a space; "(original script: …)" notes
  // and wholly parenthesised lines are further names.
  std::string joined;
  std::vector<Name> extra;
  for (std::string line : split_trimmed(fold_fullwidth(cell), "\n")) {
    std::string original = take_original_script(line);
    if (!original.empty()) extra.push_back(Name{.full = original, .kind = NameKind::kOriginalScript});
    if (line.empty() || line == "不明") continue;
    if (!joined.empty() && line.front() == '(' && line.back() == ')') {
      extra.push_back(Name{.full = std::string(trim(line.substr(1, line.size() - 2))),
                           .kind = NameKind::kAlias,
                           .lang = std::string(lang)});
    } else {
      joined += (joined.empty() ? "" : " ") + line;
    }
  }
  e.add_name(Name{.full = collapse_spaces(joined), .kind = kind, .lang = std::string(lang)});
  for (Name& n : extra) e.add_name(std::move(n));
}

void add_listed_names(Entity& e, std::string_view cell, NameKind kind) {
  for (ListedName& n : split_name_list(cell, kind)) {
    Name name{.full = std::move(n.text), .kind = n.kind, .lang = n.original_script ? "" : n.japanese ? "ja" : "en"};
    if (n.kind == NameKind::kWeakAlias) name.quality = "weak";
    e.add_name(std::move(name));
  }
}

// "Born at Pozarevac, Republic of Serbia, on 20 August 1941" → "Pozarevac, Republic of Serbia".
std::string english_birth_place(std::string_view cell) {
  static const std::regex kBornAt("Born at (.+?),? (?:on|in) ");
  std::string s(cell);
  std::smatch m;
  if (std::regex_search(s, m, kBornAt)) return m.str(1);
  return "";
}

// One row (16.北朝鮮(協調；団体) no. 12) has its English name in the alias
// column and none under 英語表記: the first Latin alias then serves as the
// English name, so that every entry has both spellings.
void promote_latin_alias(Entity& e) {
  for (const Name& n : e.names) {
    if (n.kind == NameKind::kPrimary) return;
  }
  for (Name& n : e.names) {
    if (n.kind == NameKind::kAlias && n.lang == "en") {
      n.kind = NameKind::kPrimary;
      e.remarks.push_back("英語表記 empty: English name taken from the alias column");
      return;
    }
  }
}

std::string leading_number(std::string_view s) {
  std::string t = fold_fullwidth(s);
  size_t b = t.find_first_of("0123456789");
  if (b == std::string::npos) return "";
  size_t e = t.find_first_not_of("0123456789", b);
  return t.substr(b, e == std::string::npos ? std::string::npos : e - b);
}

Entity make_entity(const RegimeSheet& r, size_t row, const ParseOptions& options) {
  const Sheet& s = *r.sheet;
  Entity e;
  std::string number_cell(trim(s.text(row, *r.notice_number)));
  std::string number = leading_number(number_cell);
  e.source_id = r.number + "-" + (number.empty() ? "r" + std::to_string(row + 1) : number);
  e.id = make_entity_id(options.list_id, e.source_id);
  e.programs.push_back(r.program);
  if (number_cell != number && !number_cell.empty()) e.remarks.push_back("告示番号: " + number_cell);

  nlohmann::ordered_json raw;
  raw["sheet"] = s.name;
  raw["row"] = row + 1;
  Schema schema = r.schema;
  bool person_columns = false;
  if (r.english) add_names_from_primary(e, s.text(row, *r.english), NameKind::kPrimary, "en");
  if (r.japanese) add_names_from_primary(e, s.text(row, *r.japanese), NameKind::kOriginalScript, "ja");
  for (const HeaderColumn& col : r.columns) {
    const std::string& text = s.text(row, col.index);
    if (trim(text).empty()) continue;
    raw[col.header] = text;
    if (is_person_column(col.kind, col.header)) person_columns = true;
    switch (col.kind) {
      case Column::kDate:
        e.listed_on = first_dotted_date(text);
        if (text.find('\n') != std::string::npos)
          e.remarks.push_back("告示日付: " + join(split_trimmed(text, "\n"), "; "));
        break;
      case Column::kNumber:
      case Column::kJapanese:
      case Column::kEnglish:
        break;
      case Column::kAlias:
      case Column::kAliasOrFormer:
        add_listed_names(e, text, NameKind::kAlias);
        break;
      case Column::kWeakAlias:
        add_listed_names(e, text, NameKind::kWeakAlias);
        break;
      case Column::kFormer:
        add_listed_names(e, text, NameKind::kFormerName);
        break;
      case Column::kBirthDatePlace: {
        for (DateSpec& d : parse_jp_dates(text)) e.birth_dates.push_back(std::move(d));
        std::string place = english_birth_place(text);
        if (!place.empty()) e.birth_places.push_back(place);
        break;
      }
      case Column::kBirthDate:
        for (DateSpec& d : parse_jp_dates(text)) e.birth_dates.push_back(std::move(d));
        break;
      case Column::kBirthPlace:
        for (std::string& v : split_values(text)) e.birth_places.push_back(std::move(v));
        break;
      case Column::kNationality:
        for (std::string& v : split_values(text)) e.nationalities.push_back(std::move(v));
        break;
      case Column::kPassport:
        for (std::string& v : split_values(text)) e.identifiers.push_back({.type = "passport", .value = std::move(v)});
        break;
      case Column::kNationalId:
        for (std::string& v : split_values(text))
          e.identifiers.push_back({.type = "national_id", .value = std::move(v)});
        break;
      case Column::kAddress:
        for (std::string& v : split_values(text)) e.addresses.push_back({.full = std::move(v)});
        break;
      case Column::kUnReference:
        for (std::string& v : split_values(text)) {
          if (auto sc = schema_from_un_reference(v); sc && schema == Schema::kLegalEntity) schema = *sc;
          e.identifiers.push_back({.type = "other", .value = std::move(v), .note = "UN reference number"});
        }
        break;
      case Column::kRemark:
        e.remarks.push_back(col.header + ": " + std::string(trim(text)));
        break;
    }
  }
  promote_latin_alias(e);
  if (schema == Schema::kLegalEntity) schema = person_columns ? Schema::kPerson : Schema::kOrganization;
  e.schema = schema;
  if (const Name* n = e.primary_name()) e.caption = n->full;
  e.raw = raw.dump();
  return e;
}

}  // namespace

Result<ParsedList> parse_mof_xlsx(const Paths& paths, const ParseOptions& options) {
  SEKISHO_ASSIGN_OR_RETURN(WorkbookFile file, load_workbook_file(paths, ".xlsx", "mof-xlsx"));
  const Workbook& wb = file.workbook;
  ParsedList out;
  out.files.push_back(file.meta);
  // The publication date is in the file name MOF gives it (shisantouketsu20260305.xlsx).
  out.publication_date = date_in_file_name(file.meta.name);
  out.publication_date_source = "file name";
  size_t regimes = 0;
  for (const Sheet& sheet : wb.sheets) {
    if (sheet.name == "一覧" || sheet.name.find("【解除】") != std::string::npos) continue;
    SEKISHO_ASSIGN_OR_RETURN(RegimeSheet r, locate(sheet, file.meta.name));
    ++regimes;
    std::optional<size_t> previous;  // index of the last entity of this sheet
    for (size_t row = r.header_row + 1; row < sheet.row_count(); ++row) {
      bool named = (r.japanese && !trim(sheet.text(row, *r.japanese)).empty()) ||
                   (r.english && !trim(sheet.text(row, *r.english)).empty());
      if (!named) {
        bool numbered = !trim(sheet.text(row, *r.notice_number)).empty();
        if (!numbered && previous) {
          for (size_t c = 0; c < sheet.column_count(row); ++c) {
            std::string t(trim(sheet.text(row, c)));
            if (!t.empty()) out.entities[*previous].remarks.push_back(t);
          }
        }
        continue;
      }
      std::string date_cell;
      for (const HeaderColumn& col : r.columns) {
        if (col.kind == Column::kDate) date_cell = sheet.text(row, col.index);
      }
      if (date_cell.find("削除") != std::string::npos) {
        previous.reset();
        continue;
      }
      out.entities.push_back(make_entity(r, row, options));
      previous = out.entities.size() - 1;
    }
  }
  if (regimes == 0) return parse_error(file.meta.name + ": no regime sheets (expected sheets named '<n>.<regime>')");
  return out;
}

}  // namespace sekisho::parsers
