// `sekisho screen --format xlsx`: a workbook (libxlsxwriter) an officer opens
// in Excel: one row per hit (or per row without hits) with the score as a
// number and the explanation in its own column, and a sheet of the lists
// screened with their ages.
#include <xlsxwriter.h>

#include <memory>

#include "cli/list_age_report.hpp"
#include "cli/screen_output.hpp"

namespace sekisho::cli {

namespace {

// Excel's limit on the characters of one cell.
constexpr size_t kMaxCellBytes = 32000;

std::string clip_cell(const std::string& s) {
  if (s.size() <= kMaxCellBytes) return s;
  size_t cut = kMaxCellBytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

class Sheet {
 public:
  Sheet(lxw_worksheet* ws, lxw_format* header) : ws_(ws), header_(header) {}
  void header(const std::vector<std::pair<const char*, double>>& columns) {
    for (size_t c = 0; c < columns.size(); ++c) {
      worksheet_write_string(ws_, 0, static_cast<lxw_col_t>(c), columns[c].first, header_);
      worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), columns[c].second, nullptr);
    }
    width_ = columns.size();
    worksheet_freeze_panes(ws_, 1, 0);
  }
  void text(size_t col, const std::string& value, lxw_format* format = nullptr) {
    if (!value.empty())
      note(worksheet_write_string(ws_, row_, static_cast<lxw_col_t>(col), clip_cell(value).c_str(), format));
  }
  void number(size_t col, double value) {
    note(worksheet_write_number(ws_, row_, static_cast<lxw_col_t>(col), value, nullptr));
  }
  void next_row() { ++row_; }
  void finish() {
    if (row_ > 0) worksheet_autofilter(ws_, 0, 0, row_, static_cast<lxw_col_t>(width_ - 1));
  }
  lxw_error error() const { return error_; }

 private:
  void note(lxw_error e) {
    if (e != LXW_NO_ERROR && error_ == LXW_NO_ERROR) error_ = e;
  }
  lxw_worksheet* ws_;
  lxw_format* header_;
  lxw_row_t row_ = 1;
  size_t width_ = 0;
  lxw_error error_ = LXW_NO_ERROR;
};

void write_hits(Sheet& sheet, const std::vector<ScreenedRow>& rows, const std::vector<ListAge>& ages,
                lxw_format* wrap) {
  sheet.header({{"id", 12},
                {"name", 28},
                {"entity_id", 26},
                {"list", 20},
                {"list_version", 8},
                {"list_published", 12},
                {"list_state", 10},
                {"schema", 12},
                {"caption", 32},
                {"matched_name", 32},
                {"score", 8},
                {"explanation", 60},
                {"error", 40},
                {"incomplete_reason", 40}});
  for (const ScreenedRow& r : rows) {
    auto row_cells = [&] {
      sheet.text(0, r.row->id);
      sheet.text(1, r.row->query.name);
      sheet.text(12, r.row->error);
      sheet.text(13, r.screening.incomplete_reason);
    };
    if (r.screening.hits.empty()) {
      row_cells();
      sheet.next_row();
      continue;
    }
    for (const ScreenHit& h : r.screening.hits) {
      row_cells();
      const ListAge* age = find_age(ages, h.list_id);
      sheet.text(2, h.entity->id);
      sheet.text(3, h.list_id);
      sheet.number(4, h.list_version);
      if (age && age->version) sheet.text(5, age->version->publication_date);
      sheet.text(6, std::string(list_age_state_name(age ? age->state : ListAgeState::kUndated)));
      sheet.text(7, std::string(schema_name(h.entity->schema)));
      sheet.text(8, h.entity->caption);
      sheet.text(9, h.matched_name);
      sheet.number(10, h.score);
      sheet.text(11, h.explanation_text(), wrap);
      sheet.next_row();
    }
  }
  sheet.finish();
}

void write_lists(Sheet& sheet, const std::vector<ListAge>& ages) {
  sheet.header({{"list", 22},
                {"title", 40},
                {"version", 8},
                {"published", 12},
                {"published_from", 16},
                {"age_days", 9},
                {"max_age_days", 12},
                {"state", 10},
                {"entities", 10}});
  for (const ListAge& a : ages) {
    sheet.text(0, a.list_id);
    sheet.text(1, a.title);
    if (a.version) {
      sheet.number(2, a.version->version);
      sheet.text(3, a.version->publication_date);
      sheet.text(4, a.version->publication_date_source);
      sheet.number(8, a.version->entity_count);
    }
    if (a.age_seconds >= 0) sheet.number(5, static_cast<double>(a.age_seconds / 86400));
    if (a.max_age_days > 0) sheet.number(6, a.max_age_days);
    sheet.text(7, std::string(list_age_state_name(a.state)));
    sheet.next_row();
  }
  sheet.finish();
}

}  // namespace

Status write_xlsx(const std::vector<ScreenedRow>& rows, const std::vector<ListAge>& ages, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return io_error(path + ": cannot create workbook");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  Sheet hits(workbook_add_worksheet(wb, "screening"), bold);
  write_hits(hits, rows, ages, wrap);
  Sheet lists(workbook_add_worksheet(wb, "lists"), bold);
  write_lists(lists, ages);
  lxw_error first = hits.error() != LXW_NO_ERROR ? hits.error() : lists.error();
  lxw_error closed = workbook_close(wb);  // writes the file and frees the workbook
  if (first != LXW_NO_ERROR) return io_error(path + ": " + lxw_strerror(first));
  if (closed != LXW_NO_ERROR) return io_error(path + ": cannot write workbook: " + lxw_strerror(closed));
  return Status();
}

}  // namespace sekisho::cli
