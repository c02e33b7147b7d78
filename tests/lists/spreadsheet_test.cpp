#include "io/spreadsheet.hpp"

#include <gtest/gtest.h>

#include "lists/zip_fixture.hpp"
#include "support/shared_data.hpp"

namespace sekisho {
namespace {

const std::string kData = SEKISHO_SHARED_DATA;
const std::string kMof = kData + "/japan/mof_shisantouketsu_20260305.xlsx";
const std::string kEul = kData + "/japan/meti_end_user_list_20250929.xlsx";
const std::string kUkOds = kData + "/uk/fcdo_uk_sanctions_list_summary_2025-08-11.ods";

TEST(A1Ref, ColumnsAndSheetNames) {
  EXPECT_EQ(a1_ref(0, 0), "A1");
  EXPECT_EQ(a1_ref(16, 2), "C17");
  EXPECT_EQ(a1_ref(0, 25), "Z1");
  EXPECT_EQ(a1_ref(0, 26), "AA1");
  EXPECT_EQ(a1_ref(0, 16383), "XFD1");
  EXPECT_EQ(a1_ref("Sheet3", 16, 2), "Sheet3!C17");
  EXPECT_EQ(a1_ref("My Sheet", 0, 0), "'My Sheet'!A1");
  auto p = parse_a1("XFD1048576");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->first, 1048575u);
  EXPECT_EQ(p->second, 16383u);
  EXPECT_FALSE(parse_a1("17C").has_value());
  EXPECT_FALSE(parse_a1("C0").has_value());
}

TEST(ExcelSerial, KeepsThe1900LeapYearBug) {
  EXPECT_EQ(excel_serial_to_iso("1"), "1900-01-01");
  EXPECT_EQ(excel_serial_to_iso("59"), "1900-02-28");
  EXPECT_EQ(excel_serial_to_iso("60"), "1900-02-29");  // the day that never was
  EXPECT_EQ(excel_serial_to_iso("61"), "1900-03-01");
  EXPECT_EQ(excel_serial_to_iso("19169"), "1952-06-24");
  EXPECT_EQ(excel_serial_to_iso("45658.75"), "2025-01-01");
  EXPECT_FALSE(excel_serial_to_iso("0").has_value());
  EXPECT_FALSE(excel_serial_to_iso("1952.6.24").has_value());
  EXPECT_FALSE(excel_serial_to_iso("").has_value());
}

TEST(ReadXlsx, MofWorkbookSheetsInOrderWithoutFurigana) {
  auto wb = read_xlsx(std::filesystem::path(kMof));
  ASSERT_TRUE(wb.ok()) << wb.status().to_string();
  ASSERT_EQ(wb->sheets.size(), 45u);
  EXPECT_EQ(wb->sheets[0].name, "一覧");
  EXPECT_EQ(wb->sheets[29].name, "29.ロシア連邦(個人)");
  const Sheet& ru = wb->sheets[29];
  // Header cells carry <rPh> runs in sharedStrings.xml; the reading must not leak in.
  EXPECT_EQ(ru.text(1, 0), "告示日付");
  EXPECT_EQ(ru.text(1, 2), "日本語表記");
  EXPECT_EQ(ru.text(2, 2), "ウラジーミル・プーチン");
  EXPECT_EQ(ru.text(2, 3), "Vladimir Putin");
  // A date of birth stored as a number keeps its stored text.
  EXPECT_EQ(ru.cell(2, 6).type, CellType::kNumber);
  EXPECT_EQ(ru.text(2, 6), "19274");
  EXPECT_EQ(excel_serial_to_iso(ru.text(2, 6)), "1952-10-07");
  EXPECT_EQ(ru.ref(2, 6), "'29.ロシア連邦(個人)'!G3");
  EXPECT_TRUE(ru.text(100000, 3).empty());
}

TEST(ReadXlsx, EulMultiLineCells) {
  auto wb = read_xlsx(std::filesystem::path(kEul));
  ASSERT_TRUE(wb.ok()) << wb.status().to_string();
  ASSERT_EQ(wb->sheets.size(), 1u);
  const Sheet& s = wb->sheets[0];
  EXPECT_EQ(s.row_count(), 836u);
  EXPECT_EQ(s.text(0, 0), "No.");
  EXPECT_EQ(s.text(1, 1), "アフガニスタン\nIslamic Republic of Afghanistan");
}

TEST(ReadOds, UkSummaryRowsAndRepeats) {
  auto wb = read_ods(std::filesystem::path(kUkOds));
  ASSERT_TRUE(wb.ok()) << wb.status().to_string();
  ASSERT_EQ(wb->sheets.size(), 1u);
  const Sheet& s = wb->sheets[0];
  EXPECT_EQ(s.name, "UK_Sanction_List");
  // 5,304 <table:table-row> elements: 1 header, 5,302 designations and one
  // element repeating an empty row 1,043,268 times, which is not stored.
  EXPECT_EQ(s.row_count(), 5303u);
  EXPECT_EQ(s.text(0, 0), "Unique ID");
  EXPECT_EQ(s.text(0, 7), "Sanctions Imposed");
  EXPECT_EQ(s.text(1, 0), "AFG0001");
  EXPECT_EQ(s.column_count(1), 8u);  // the 16,376 repeated empty cells are not stored either
}

TEST(ReadOds, ParagraphsSpacesDatesAndRepeatedCells) {
  const std::string content = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
 <office:body><office:spreadsheet>
  <table:table table:name="T1">
   <table:table-header-rows><table:table-row>
     <table:table-cell office:value-type="string"><text:p>A<text:s text:c="3"/>B</text:p><text:p>second</text:p></table:table-cell>
     <table:table-cell table:number-columns-repeated="2"/>
     <table:table-cell office:value-type="date" office:date-value="2012-06-29"><text:p>29-06-2012</text:p></table:table-cell>
   </table:table-row></table:table-header-rows>
   <table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
   <table:table-row>
     <table:table-cell office:value-type="float" office:value="42" table:number-columns-repeated="2"><text:p>42</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p><text:span>x</text:span>y</text:p></table:table-cell>
   </table:table-row>
  </table:table>
 </office:spreadsheet></office:body></office:document-content>)";
  auto dir = testing::temp_dir("ods");
  auto path = dir / "t.ods";
  ASSERT_TRUE(testing::write_zip(
      path, {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", content}}));
  auto wb = read_ods(path);
  ASSERT_TRUE(wb.ok()) << wb.status().to_string();
  const Sheet& s = wb->sheets.at(0);
  EXPECT_EQ(s.name, "T1");
  EXPECT_EQ(s.text(0, 0), "A   B\nsecond");
  EXPECT_EQ(s.cell(0, 3).type, CellType::kDate);
  EXPECT_EQ(s.cell(0, 3).value, "2012-06-29");
  EXPECT_EQ(s.text(0, 3), "29-06-2012");
  ASSERT_EQ(s.row_count(), 1000002u);
  EXPECT_EQ(s.text(1000001, 0), "42");
  EXPECT_EQ(s.text(1000001, 1), "42");
  EXPECT_EQ(s.cell(1000001, 1).value, "42");
  EXPECT_EQ(s.text(1000001, 2), "xy");
}

TEST(ReadXlsx, InlineStringsAndBadSharedIndexNamesCell) {
  const std::string workbook = R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
    <sheets><sheet name="Sheet3" sheetId="1" r:id="rId1"/></sheets></workbook>)";
  const std::string rels = R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
    <Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>)";
  const std::string shared = R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
    <si><r><t>告示</t></r><r><t>日付</t></r><rPh sb="0" eb="2"><t>コクジ</t></rPh></si></sst>)";
  auto sheet = [](const std::string& c17) {
    return R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>inline</t></is></c></row>
      <row r="17">)" +
           c17 + "</row></sheetData></worksheet>";
  };
  auto dir = testing::temp_dir("xlsx");
  auto good = dir / "good.xlsx";
  ASSERT_TRUE(testing::write_zip(good, {{"xl/workbook.xml", workbook},
                                        {"xl/_rels/workbook.xml.rels", rels},
                                        {"xl/sharedStrings.xml", shared},
                                        {"xl/worksheets/sheet1.xml", sheet(R"(<c r="C17"><v>19169</v></c>)")}}));
  auto wb = read_xlsx(good);
  ASSERT_TRUE(wb.ok()) << wb.status().to_string();
  EXPECT_EQ(wb->sheets[0].text(0, 0), "告示日付");
  EXPECT_EQ(wb->sheets[0].text(0, 1), "inline");
  EXPECT_EQ(wb->sheets[0].text(16, 2), "19169");

  auto bad = dir / "bad.xlsx";
  ASSERT_TRUE(testing::write_zip(bad, {{"xl/workbook.xml", workbook},
                                       {"xl/_rels/workbook.xml.rels", rels},
                                       {"xl/sharedStrings.xml", shared},
                                       {"xl/worksheets/sheet1.xml", sheet(R"(<c r="C17" t="s"><v>7</v></c>)")}}));
  auto r = read_xlsx(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.xlsx: Sheet3!C17"), std::string::npos) << r.status().message();
}

TEST(ReadXlsx, ErrorsNameTheFile) {
  auto dir = testing::temp_dir("xlsx_errors");
  // Not a zip at all.
  testing::write_file(dir / "text.xlsx", "Unique ID,Name\n1,x\n");
  auto r1 = read_xlsx(dir / "text.xlsx");
  ASSERT_FALSE(r1.ok());
  EXPECT_NE(r1.status().message().find("text.xlsx: not a zip archive"), std::string::npos) << r1.status().message();
  // A zip without the workbook parts.
  ASSERT_TRUE(testing::write_zip(dir / "parts.xlsx", {{"hello.txt", "hi"}}));
  auto r2 = read_xlsx(dir / "parts.xlsx");
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("parts.xlsx: not an XLSX workbook (zip has no xl/workbook.xml)"),
            std::string::npos)
      << r2.status().message();
  auto r3 = read_ods(dir / "parts.xlsx");
  ASSERT_FALSE(r3.ok());
  EXPECT_NE(r3.status().message().find("no content.xml"), std::string::npos) << r3.status().message();
  // Empty file and empty bytes.
  testing::write_file(dir / "empty.xlsx", "");
  auto r4 = read_xlsx(dir / "empty.xlsx");
  ASSERT_FALSE(r4.ok());
  EXPECT_NE(r4.status().message().find("empty"), std::string::npos) << r4.status().message();
  auto r5 = read_xlsx(std::string_view(), "mem.xlsx");
  ASSERT_FALSE(r5.ok());
  EXPECT_NE(r5.status().message().find("mem.xlsx"), std::string::npos);
  // Malformed XML inside an otherwise valid archive names the part.
  ASSERT_TRUE(testing::write_zip(dir / "xml.ods", {{"content.xml", "<office:document-content><oops"}}));
  auto r6 = read_ods(dir / "xml.ods");
  ASSERT_FALSE(r6.ok());
  EXPECT_NE(r6.status().message().find("xml.ods: content.xml: XML error"), std::string::npos) << r6.status().message();
}

}  // namespace
}  // namespace sekisho
