// Shared parts of the spreadsheet readers: grids, A1 references, Excel serial
// dates, and the in-memory zip archive.
#include "io/spreadsheet.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/strings.hpp"
#include "io/source_file.hpp"
#include "io/spreadsheet_zip.hpp"
#include "io/utf8.hpp"

namespace sekisho {

namespace {

// Days since 1970-01-01 → civil date (Howard Hinnant, "chrono-Compatible
// Low-Level Date Algorithms", civil_from_days).
void civil_from_days(int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yy + (m <= 2 ? 1 : 0));
}

std::string iso_date(int y, unsigned m, unsigned d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

bool needs_quotes(std::string_view sheet) {
  for (char c : sheet) {
    unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '_' || c == '.' || u >= 0x80)) return true;
  }
  return false;
}

}  // namespace

const Cell& Sheet::cell(size_t row, size_t col) const {
  static const Cell kEmpty;
  if (row >= rows.size() || col >= rows[row].size()) return kEmpty;
  return rows[row][col];
}

std::string Sheet::ref(size_t row, size_t col) const { return a1_ref(name, row, col); }

const Sheet* Workbook::find_sheet(std::string_view name) const {
  for (const Sheet& s : sheets) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string a1_ref(size_t row, size_t col) {
  std::string letters;
  size_t n = col + 1;
  while (n > 0) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return letters + std::to_string(row + 1);
}

std::string a1_ref(std::string_view sheet, size_t row, size_t col) {
  std::string out;
  if (needs_quotes(sheet)) {
    out += '\'';
    for (char c : sheet) out += (c == '\'') ? std::string("''") : std::string(1, c);
    out += '\'';
  } else {
    out += sheet;
  }
  return out + "!" + a1_ref(row, col);
}

std::optional<std::pair<size_t, size_t>> parse_a1(std::string_view ref) {
  size_t i = 0, col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    col = col * 26 + static_cast<size_t>(ref[i] - 'A' + 1);
    if (col > 16384) return std::nullopt;
    ++i;
  }
  if (i == 0 || i == ref.size()) return std::nullopt;
  size_t row = 0;
  auto [p, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (ec != std::errc() || p != ref.data() + ref.size() || row == 0 || row > 1048576) return std::nullopt;
  return std::make_pair(row - 1, col - 1);
}

std::optional<std::string> excel_serial_to_iso(std::string_view serial) {
  double v = 0;
  auto [p, ec] = std::from_chars(serial.data(), serial.data() + serial.size(), v);
  if (ec != std::errc() || p != serial.data() + serial.size()) return std::nullopt;
  if (!(v >= 1.0) || v >= 2958466.0) return std::nullopt;
  int64_t days = static_cast<int64_t>(std::floor(v));
  // Lotus 1-2-3 counted 1900 as a leap year and Excel kept it for compatibility.
  if (days == 60) return std::string("1900-02-29");
  // Serial 1 = 1900-01-01; after the phantom leap day the epoch is 1899-12-30.
  constexpr int64_t kDays1899_12_31 = -25568;  // days from 1970-01-01
  int64_t since_epoch = kDays1899_12_31 + days - (days > 60 ? 1 : 0);
  int y;
  unsigned m, d;
  civil_from_days(since_epoch, y, m, d);
  return iso_date(y, m, d);
}

Result<WorkbookFile> load_workbook_file(const std::vector<std::filesystem::path>& paths, std::string_view ext,
                                        std::string_view format) {
  SEKISHO_ASSIGN_OR_RETURN(std::filesystem::path path, resolve_single(paths, ext, format));
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path, {.require_utf8 = false}));
  WorkbookFile out;
  out.meta = file.meta;
  if (iequals_ascii(ext, ".ods")) {
    SEKISHO_ASSIGN_OR_RETURN(out.workbook, read_ods(file.bytes, file.meta.name));
  } else {
    SEKISHO_ASSIGN_OR_RETURN(out.workbook, read_xlsx(file.bytes, file.meta.name));
  }
  return out;
}

namespace spreadsheet_detail {

namespace {
// A workbook part larger than this is refused: the largest part of a real list is under 8 MB
// (the UK ODS's content.xml, MOF's shared strings), and a zip bomb must not exhaust memory.
constexpr zip_uint64_t kMaxEntryBytes = 64ull << 20;
// The XML tree costs tens of bytes a node over the text, so a part made of tiny elements ("<c/>"
// millions of times) asks for gigabytes while it is parsed, before any cell budget is asked:
// tags are counted first. Real parts hold at most about half a million.
constexpr size_t kMaxXmlTags = 4'000'000;
}  // namespace

Result<std::unique_ptr<ZipArchive>> ZipArchive::open(std::string_view bytes, std::string_view file_name) {
  if (bytes.empty()) return parse_error(std::string(file_name) + ": file is empty, expected a zip archive");
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) {
    std::string msg = zip_error_strerror(&err);
    zip_error_fini(&err);
    return io_error(std::string(file_name) + ": cannot read as zip: " + msg);
  }
  zip_t* zip = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!zip) {
    std::string msg = zip_error_strerror(&err);
    zip_source_free(src);
    zip_error_fini(&err);
    return parse_error(std::string(file_name) + ": not a zip archive (" + msg + ")");
  }
  zip_error_fini(&err);
  return std::unique_ptr<ZipArchive>(new ZipArchive(zip, std::string(file_name)));
}

ZipArchive::~ZipArchive() { zip_discard(zip_); }

bool ZipArchive::has(std::string_view entry) const { return zip_name_locate(zip_, std::string(entry).c_str(), 0) >= 0; }

Result<std::string> ZipArchive::read(std::string_view entry) const {
  std::string name(entry);
  zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
  if (index < 0) return parse_error(file_name_ + ": missing part " + name);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
    return parse_error(file_name_ + ": " + name + ": cannot stat zip entry");
  }
  if (st.size > kMaxEntryBytes) {
    return parse_error(file_name_ + ": " + name + ": entry of " + std::to_string(st.size) + " bytes is too large");
  }
  zip_file_t* f = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
  if (!f) return parse_error(file_name_ + ": " + name + ": cannot open zip entry: " + zip_strerror(zip_));
  std::string out(static_cast<size_t>(st.size), '\0');
  zip_int64_t got = out.empty() ? 0 : zip_fread(f, out.data(), out.size());
  std::string ferr = got < 0 ? zip_error_strerror(zip_file_get_error(f)) : "";
  zip_fclose(f);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
    return parse_error(file_name_ + ": " + name + ": corrupt zip entry" + (ferr.empty() ? "" : " (" + ferr + ")"));
  }
  return out;
}

Status parse_xml(pugi::xml_document& doc, const std::string& xml, std::string_view file_name, std::string_view entry) {
  if (const size_t tags = static_cast<size_t>(std::count(xml.begin(), xml.end(), '<')); tags > kMaxXmlTags) {
    return parse_error(std::string(file_name) + ": " + std::string(entry) + ": " + std::to_string(tags) +
                       " XML tags, more than the " + std::to_string(kMaxXmlTags) +
                       " a list's workbook part may hold; refused before reading it");
  }
  // Indentation between elements is not text, but an element whose only content
  // is white space is: METI's shared strings hold runs like <t xml:space="preserve">\n</t>.
  pugi::xml_parse_result r =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_utf8);
  if (!r) {
    return parse_error(std::string(file_name) + ": " + std::string(entry) + ": XML error at byte " +
                       std::to_string(r.offset) + ": " + r.description());
  }
  return Status::ok_status();
}

Status CellBudget::exceeded(std::string_view file_name, std::string_view sheet, size_t row, size_t col) {
  return parse_error(std::string(file_name) + ": " + a1_ref(sheet, row, col) + ": the workbook would hold more than " +
                     std::to_string(kMaxCellSlots) + " cells; refused as implausible for a list");
}

Status check_cell_utf8(std::string_view text, std::string_view file_name, std::string_view sheet, size_t row,
                       size_t col) {
  const size_t bad = find_invalid_utf8(text);
  if (bad == std::string_view::npos) return Status::ok_status();
  return parse_error(std::string(file_name) + ": " + a1_ref(sheet, row, col) + ": invalid UTF-8 at byte " +
                     std::to_string(bad + 1) + " of the cell's text");
}

Status check_sheet_name_utf8(std::string_view name, std::string_view file_name, std::string_view part) {
  const size_t bad = find_invalid_utf8(name);
  if (bad == std::string_view::npos) return Status::ok_status();
  return parse_error(std::string(file_name) + ": " + std::string(part) + ": a sheet name is not valid UTF-8 (byte " +
                     std::to_string(bad + 1) + ")");
}

pugi::xml_attribute attr_local(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view n = a.name();
    size_t colon = n.find(':');
    if ((colon == std::string_view::npos ? n : n.substr(colon + 1)) == name) return a;
  }
  return {};
}

}  // namespace spreadsheet_detail

}  // namespace sekisho
