// Workbooks built to hurt the reader: invalid UTF-8 in a cell, and small files whose cells and
// repeat counts ask for gigabytes. Each is refused with the file, sheet and cell named, before
// the memory is taken; the CLI turns the refusal into exit 65, never an abort.
#include <gtest/gtest.h>

#include <string>

#include "io/spreadsheet.hpp"
#include "lists/zip_fixture.hpp"
#include "sekisho/store.hpp"
#include "support/subprocess.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

const std::string kWorkbook = R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <sheets><sheet name="List" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const std::string kRels = R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>)";

std::string worksheet(const std::string& rows) {
  return R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" + rows +
         "</sheetData></worksheet>";
}

std::string ods_content(const std::string& rows) {
  return R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
    <office:body><office:spreadsheet><table:table table:name="Summary">)" +
         rows + "</table:table></office:spreadsheet></office:body></office:document-content>";
}

std::filesystem::path xlsx(const std::filesystem::path& dir, const std::string& name, const std::string& shared,
                           const std::string& rows) {
  const auto path = dir / name;
  EXPECT_TRUE(testing::write_zip(path, {{"xl/workbook.xml", kWorkbook},
                                        {"xl/_rels/workbook.xml.rels", kRels},
                                        {"xl/sharedStrings.xml", shared},
                                        {"xl/worksheets/sheet1.xml", worksheet(rows)}}));
  return path;
}

std::filesystem::path ods(const std::filesystem::path& dir, const std::string& name, const std::string& rows) {
  const auto path = dir / name;
  EXPECT_TRUE(testing::write_zip(
      path, {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", ods_content(rows)}}));
  return path;
}

const std::string kSharedWithBadByte =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Name</t></si><si><t>Iva)"
    "\xff"
    R"(nov</t></si></sst>)";

TEST(HostileWorkbook, InvalidUtf8InAnXlsxCellNamesFileSheetAndCell) {
  auto dir = testing::temp_dir("hostile_xlsx_utf8");
  auto path = xlsx(dir, "bad.xlsx", kSharedWithBadByte,
                   R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="B2" t="s"><v>1</v></c></row>)");
  auto wb = read_xlsx(path);
  ASSERT_FALSE(wb.ok());
  EXPECT_EQ(wb.status().code(), StatusCode::kParseError);
  EXPECT_NE(wb.status().message().find("bad.xlsx: List!B2: invalid UTF-8 at byte 4"), std::string::npos)
      << wb.status().message();
}

TEST(HostileWorkbook, InvalidUtf8InAnOdsCellNamesFileTableAndCell) {
  auto dir = testing::temp_dir("hostile_ods_utf8");
  auto path =
      ods(dir, "bad.ods",
          "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>ok</text:p></table:table-cell>"
          "<table:table-cell office:value-type=\"string\"><text:p>B\xc3(</text:p></table:table-cell>"
          "</table:table-row>");
  auto wb = read_ods(path);
  ASSERT_FALSE(wb.ok());
  EXPECT_NE(wb.status().message().find("bad.ods: Summary!B1: invalid UTF-8 at byte 2"), std::string::npos)
      << wb.status().message();
}

TEST(HostileWorkbook, OdsRepeatCountsThatMultiplyToHundredsOfMillionsOfCellsAreRefused) {
  // Under 1 KB: ten thousand rows of ten thousand cells with content, each repeat allowed alone.
  auto dir = testing::temp_dir("hostile_ods_bomb");
  auto path =
      ods(dir, "bomb.ods",
          "<table:table-row table:number-rows-repeated=\"10000\"><table:table-cell office:value-type=\"string\" "
          "table:number-columns-repeated=\"10000\"><text:p>x</text:p></table:table-cell></table:table-row>");
  auto wb = read_ods(path);
  ASSERT_FALSE(wb.ok());
  EXPECT_NE(wb.status().message().find("bomb.ods: Summary!"), std::string::npos) << wb.status().message();
  EXPECT_NE(wb.status().message().find("more than 4000000 cells"), std::string::npos) << wb.status().message();
}

TEST(HostileWorkbook, XlsxCellsAtTheLastColumnOfEveryRowAreRefused) {
  // One cell at column XFD per row pads every row to 16,384 cells.
  std::string rows;
  for (int r = 1; r <= 400; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"XFD" + std::to_string(r) + "\" t=\"s\"><v>0</v></c></row>";
  }
  auto dir = testing::temp_dir("hostile_xlsx_wide");
  auto path =
      xlsx(dir, "wide.xlsx",
           R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t></si></sst>)", rows);
  auto wb = read_xlsx(path);
  ASSERT_FALSE(wb.ok());
  // 244 rows fit in the budget (244 × 16,384 ≤ 4,000,000); the 245th is refused.
  EXPECT_NE(wb.status().message().find("wide.xlsx: List!XFD245: the workbook would hold more than 4000000 cells"),
            std::string::npos)
      << wb.status().message();
}

TEST(HostileWorkbook, XlsxSharedStringCopiedIntoManyCellsIsRefusedByItsTextSize) {
  // One shared string of 1 MB, referred to by 300 cells: 300 MB of text from a small file.
  const std::string big(1 << 20, 'a');
  std::string rows;
  for (int r = 1; r <= 300; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c t=\"s\"><v>0</v></c></row>";
  auto dir = testing::temp_dir("hostile_xlsx_text");
  auto path = xlsx(
      dir, "copies.xlsx",
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>)" + big + "</t></si></sst>",
      rows);
  auto wb = read_xlsx(path);
  ASSERT_FALSE(wb.ok());
  EXPECT_NE(wb.status().message().find("copies.xlsx: List!A257:"), std::string::npos) << wb.status().message();
}

TEST(HostileWorkbook, AnXlsxPartOfMillionsOfTinyElementsIsRefusedBeforeItIsParsed) {
  // Issue 21: a small XLSX whose sheet is millions of empty cells reached gigabytes while its XML
  // was being parsed, before any cell was counted. Its tags are counted first now.
  std::string rows = "<row r=\"1\">";
  for (int i = 0; i < 4'500'000; ++i) rows += "<c/>";
  rows += "</row>";
  auto dir = testing::temp_dir("hostile_xlsx_tags");
  auto path =
      xlsx(dir, "tags.xlsx",
           R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t></si></sst>)", rows);
  ASSERT_LT(std::filesystem::file_size(path), 200'000u) << "the point is a small file";
  auto wb = read_xlsx(path);
  ASSERT_FALSE(wb.ok());
  EXPECT_NE(wb.status().message().find("tags.xlsx: xl/worksheets/sheet1.xml: 4500"), std::string::npos)
      << wb.status().message();
  EXPECT_NE(wb.status().message().find("refused before reading it"), std::string::npos) << wb.status().message();
}

TEST(HostileWorkbook, AnOdsPartOverSixtyFourMegabytesIsRefusedBeforeItIsInflated) {
  auto dir = testing::temp_dir("hostile_ods_big");
  const auto path = dir / "big.ods";
  const std::string padding((64u << 20) + 1, ' ');
  ASSERT_TRUE(testing::write_zip(path, {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                        {"content.xml", ods_content("") + padding}}));
  auto wb = read_ods(path);
  ASSERT_FALSE(wb.ok());
  EXPECT_NE(wb.status().message().find("big.ods: content.xml: entry of"), std::string::npos) << wb.status().message();
  EXPECT_NE(wb.status().message().find("too large"), std::string::npos) << wb.status().message();
}

TEST(HostileWorkbook, TheCliRefusesABadCellWithExit65AndKeepsTheStore) {
  testing::TempHome home("hostile-cli");
  auto path = xlsx(home.path(), "mof.xlsx", kSharedWithBadByte,
                   R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="B2" t="s"><v>1</v></c></row>)");
  auto r = testing::run_process({SEKISHO_BINARY, "--home", home.str(), "import", "mof-xlsx", path.string()});
  EXPECT_EQ(r.exit_code, 65) << r.err;
  EXPECT_NE(r.err.find("mof.xlsx: List!B2: invalid UTF-8"), std::string::npos) << r.err;
  auto store = ListStore::open(home.path());
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  auto versions = (*store)->versions("jp_mof_sanctions");
  EXPECT_TRUE(!versions.ok() || versions->empty()) << "a refused import left a version";
}

}  // namespace
}  // namespace sekisho
