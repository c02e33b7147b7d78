// Japan METI End User List (外国ユーザーリスト), XLSX: one sheet, a header row
// (No., 国名・地域名/Country or Region, 企業名・組織名/Company or Organization,
// 別名/Also Known As, 懸念区分/Type of WMD, 通常兵器/Conventional Weapons) and
// one row per listed end user.
//
// - Cells put Japanese and English on separate lines ("アフガニスタン\nIslamic
//   Republic of Afghanistan"); company names are mostly English only. Lines in
//   Japanese script become lang "ja" names (kOriginalScript for the company),
//   Latin lines lang "en" (the first is the kPrimary name).
// - Aliases are a newline list with "・" bullets.
// - WMD concern codes B (biological), C (chemical), M (missile), N (nuclear)
//   become programs "EUL-WMD-B" …, a CW mark "EUL-CW"; the raw cells stay in
//   the remarks.
// - The workbook states no revision date: publication_date comes from the date
//   in the file name (METI's 20250929_….xlsx, our meti_end_user_list_20250929.xlsx).
// - Source id = the No. column.
#include <nlohmann/json.hpp>

#include <regex>

#include "core/strings.hpp"
#include "io/source_file.hpp"
#include "io/spreadsheet.hpp"
#include "lists/jp_text.hpp"
#include "lists/parsers.hpp"

namespace sekisho::parsers {

namespace {

struct EulColumns {
  size_t header_row = 0;
  size_t number = 0, country = 0, company = 0, alias = 0, wmd = 0, cw = 0;
};

Result<EulColumns> locate(const Sheet& sheet, std::string_view file_name) {
  constexpr size_t kMaxTitleRows = 10;
  for (size_t row = 0; row < std::min(kMaxTitleRows, sheet.row_count()); ++row) {
    EulColumns c;
    c.header_row = row;
    int found = 0;
    for (size_t col = 0; col < sheet.column_count(row); ++col) {
      std::string h = fold_fullwidth(sheet.text(row, col));
      auto take = [&](size_t& slot, std::string_view key) {
        if (h.find(key) != std::string::npos) {
          slot = col;
          ++found;
        }
      };
      take(c.number, "No");
      take(c.country, "国名");
      take(c.company, "企業名");
      take(c.alias, "別名");
      take(c.wmd, "懸念区分");
      take(c.cw, "通常兵器");
    }
    if (found == 6) return c;
  }
  return parse_error(std::string(file_name) + ": sheet '" + sheet.name +
                     "': no header row with No., 国名, 企業名, 別名, 懸念区分 and 通常兵器 in rows 1-" +
                     std::to_string(kMaxTitleRows));
}

// Lines of a bilingual cell, split by script.
struct Bilingual {
  std::vector<std::string> ja, en;
};
// "(4.27貿易会社平壌支社)" → "4.27貿易会社平壌支社": a Japanese rendering under an English name.
std::string unwrap_parens(std::string s) {
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') return std::string(trim(s.substr(1, s.size() - 2)));
  return s;
}

Bilingual by_script(std::string_view cell) {
  Bilingual b;
  for (std::string& line : split_trimmed(fold_fullwidth(cell), "\n")) {
    if (has_japanese(line)) {
      b.ja.push_back(unwrap_parens(collapse_spaces(line)));
    } else {
      b.en.push_back(collapse_spaces(line));
    }
  }
  return b;
}

std::string strip_bullet(std::string_view s) {
  s = trim(s);
  for (std::string_view bullet : {"・", "･", "•", "-"}) {
    if (s.substr(0, bullet.size()) == bullet) s.remove_prefix(bullet.size());
  }
  return collapse_spaces(s);
}

Result<Entity> make_entity(const Sheet& s, const EulColumns& c, size_t row, const ParseOptions& options,
                           std::string_view file_name) {
  Entity e;
  e.schema = Schema::kOrganization;
  e.source_id = std::string(trim(fold_fullwidth(s.text(row, c.number))));
  if (e.source_id.empty() || e.source_id.find_first_not_of("0123456789") != std::string::npos) {
    return parse_error(std::string(file_name) + ": " + s.ref(row, c.number) + ": No. '" + e.source_id +
                       "' is not a number");
  }
  e.id = make_entity_id(options.list_id, e.source_id);

  Bilingual company = by_script(s.text(row, c.company));
  if (company.ja.empty() && company.en.empty()) {
    return parse_error(std::string(file_name) + ": " + s.ref(row, c.company) + ": empty company or organization name");
  }
  // A wrapped English name continues on the next line: join the Latin lines into one name.
  if (!company.en.empty()) e.add_name({.full = join(company.en, " "), .kind = NameKind::kPrimary, .lang = "en"});
  for (const std::string& ja : company.ja) {
    e.add_name({.full = ja, .kind = company.en.empty() ? NameKind::kPrimary : NameKind::kOriginalScript, .lang = "ja"});
  }
  for (const std::string& line : split_trimmed(s.text(row, c.alias), "\n")) {
    std::string a = unwrap_parens(strip_bullet(fold_fullwidth(line)));
    e.add_name({.full = a, .kind = NameKind::kAlias, .lang = has_japanese(a) ? "ja" : "en"});
  }

  Bilingual country = by_script(s.text(row, c.country));
  for (const std::string& en : country.en) {
    e.countries.push_back(en);
    e.addresses.push_back({.full = en, .country = en});
  }
  if (!country.ja.empty()) e.remarks.push_back("国名・地域名: " + join(country.ja, " "));

  // Codes are the ASCII capitals of the cell ("生物、化学、ミサイル、核\nB,C,M,N", "ミサイルM", "核\nＮ").
  std::string wmd = fold_fullwidth(s.text(row, c.wmd));
  std::string codes;
  for (char ch : wmd) {
    if (ch == 'B' || ch == 'C' || ch == 'M' || ch == 'N') {
      if (codes.find(ch) == std::string::npos) codes += ch;
    } else if (std::isupper(static_cast<unsigned char>(ch))) {
      return parse_error(std::string(file_name) + ": " + s.ref(row, c.wmd) + ": unknown WMD concern code '" +
                         std::string(1, ch) + "' (expected B, C, M, N)");
    }
  }
  for (char ch : codes) e.programs.push_back(std::string("EUL-WMD-") + ch);
  if (!trim(wmd).empty()) e.remarks.push_back("懸念区分/Type of WMD: " + collapse_spaces(wmd));
  std::string cw = fold_fullwidth(s.text(row, c.cw));
  if (cw.find("CW") != std::string::npos) {
    e.programs.push_back("EUL-CW");
    e.remarks.push_back("通常兵器/Conventional Weapons: CW");
  } else if (!trim(cw).empty()) {
    return parse_error(std::string(file_name) + ": " + s.ref(row, c.cw) + ": expected CW or nothing, found '" +
                       collapse_spaces(cw) + "'");
  }
  if (e.programs.empty()) {
    return parse_error(std::string(file_name) + ": " + s.ref(row, c.wmd) + ": entry lists neither a WMD type nor CW");
  }
  e.caption = e.primary_name()->full;

  nlohmann::ordered_json raw;
  raw["row"] = row + 1;
  for (size_t col = 0; col < s.column_count(c.header_row); ++col) {
    std::string header = collapse_spaces(s.text(c.header_row, col));
    if (!header.empty() && !s.text(row, col).empty()) raw[header] = s.text(row, col);
  }
  e.raw = raw.dump();
  return e;
}

}  // namespace

Result<ParsedList> parse_meti_eul_xlsx(const Paths& paths, const ParseOptions& options) {
  SEKISHO_ASSIGN_OR_RETURN(WorkbookFile file, load_workbook_file(paths, ".xlsx", "meti-eul-xlsx"));
  const Workbook& wb = file.workbook;
  if (wb.sheets.empty()) return parse_error(file.meta.name + ": workbook has no sheets");
  const Sheet& sheet = wb.sheets.front();
  SEKISHO_ASSIGN_OR_RETURN(EulColumns cols, locate(sheet, file.meta.name));
  ParsedList out;
  out.files.push_back(file.meta);
  out.publication_date = date_in_file_name(file.meta.name);
  out.publication_date_source = "file name";
  for (size_t row = cols.header_row + 1; row < sheet.row_count(); ++row) {
    bool empty = true;
    for (size_t col = 0; col < sheet.column_count(row); ++col) empty &= trim(sheet.text(row, col)).empty();
    if (empty) continue;
    SEKISHO_ASSIGN_OR_RETURN(Entity e, make_entity(sheet, cols, row, options, file.meta.name));
    out.entities.push_back(std::move(e));
  }
  return out;
}

}  // namespace sekisho::parsers
