// UK FCDO sanctions list summary (uk-ods) on the 2025-08-11 export.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "lists/zip_fixture.hpp"
#include "sekisho/lists.hpp"
#include "support/shared_data.hpp"

namespace sekisho {
namespace {

const std::string kOds = std::string(SEKISHO_SHARED_DATA) + "/uk/fcdo_uk_sanctions_list_summary_2025-08-11.ods";

// Independent count: the Unique IDs (three capitals and four digits, e.g.
// AFG0001) found by a regular expression in content.xml, which the test reads
// with libzip itself rather than through the spreadsheet reader.
std::set<std::string> unique_ids_in_content() {
  int err = 0;
  zip_t* z = zip_open(kOds.c_str(), ZIP_RDONLY, &err);
  if (!z) return {};
  zip_stat_t st;
  zip_stat(z, "content.xml", 0, &st);
  std::string xml(st.size, '\0');
  zip_file_t* f = zip_fopen(z, "content.xml", 0);
  zip_fread(f, xml.data(), xml.size());
  zip_fclose(f);
  zip_close(z);
  std::set<std::string> ids;
  static const std::regex kId("<text:p>([A-Z]{3}[0-9]{4})</text:p>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), kId); it != std::sregex_iterator(); ++it) {
    ids.insert((*it)[1]);
  }
  return ids;
}

TEST(UkOds, OneEntityPerDesignationRow) {
  auto r = parse_list("uk-ods", {kOds});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  std::set<std::string> ids = unique_ids_in_content();
  // The file has 5,304 <table:table-row> elements: the header, 5,302 designations
  // and one element repeating an empty row 1,043,268 times.
  EXPECT_EQ(ids.size(), 5302u);
  ASSERT_EQ(r->entities.size(), ids.size());
  for (const Entity& e : r->entities) EXPECT_TRUE(ids.count(e.source_id)) << e.source_id;
  auto counts = count_by_schema(r->entities);
  EXPECT_EQ(counts["Person"] + counts["Organization"] + counts["Vessel"], static_cast<int>(ids.size()));
  EXPECT_GT(counts["Vessel"], 400);
  size_t unnamed = 0;
  for (const Entity& e : r->entities) unnamed += e.names.empty();
  EXPECT_LT(unnamed, 20u);  // a few rows have an empty Name cell; they are kept, captioned by id
}

TEST(UkOds, FieldsOfOneRow) {
  auto r = parse_list("uk-ods", {kOds});
  ASSERT_TRUE(r.ok());
  const Entity& e = r->entities.front();
  EXPECT_EQ(e.id, "gb_fcdo_sanctions-AFG0001");
  EXPECT_EQ(e.caption, "HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE");
  EXPECT_EQ(e.schema, Schema::kOrganization);
  EXPECT_EQ(e.programs, (std::vector<std::string>{"Afghanistan"}));
  EXPECT_EQ(e.listed_on, "2012-06-29");
  ASSERT_EQ(e.identifiers.size(), 1u);
  EXPECT_EQ(e.identifiers[0].value, "12703");
  EXPECT_NE(std::find(e.remarks.begin(), e.remarks.end(), "Designation source: UN"), e.remarks.end());
  EXPECT_NE(e.raw.find("\"Sanctions Imposed\":\"Asset freeze\""), std::string::npos) << e.raw;
}

TEST(UkOdsErrors, UnknownTypeNamesTheCell) {
  const std::string content =
      R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
    <office:body><office:spreadsheet><table:table table:name="UK_Sanction_List">
    <table:table-row><table:table-cell><text:p>Unique ID</text:p></table:table-cell><table:table-cell><text:p>OFSI Group ID</text:p></table:table-cell>
    <table:table-cell><text:p>Name</text:p></table:table-cell><table:table-cell><text:p>Regime Name</text:p></table:table-cell>
    <table:table-cell><text:p>Type</text:p></table:table-cell><table:table-cell><text:p>Designation source</text:p></table:table-cell>
    <table:table-cell><text:p>Date Designated</text:p></table:table-cell><table:table-cell><text:p>Sanctions Imposed</text:p></table:table-cell></table:table-row>
    <table:table-row><table:table-cell><text:p>RUS0001</text:p></table:table-cell><table:table-cell><text:p>1</text:p></table:table-cell>
    <table:table-cell><text:p>X</text:p></table:table-cell><table:table-cell><text:p>Russia</text:p></table:table-cell>
    <table:table-cell><text:p>Aircraft</text:p></table:table-cell></table:table-row>
    </table:table></office:spreadsheet></office:body></office:document-content>)";
  auto dir = testing::temp_dir("ukods");
  ASSERT_TRUE(testing::write_zip(dir / "uk.ods", {{"content.xml", content}}));
  auto r = parse_list("uk-ods", {dir / "uk.ods"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("uk.ods: UK_Sanction_List!E2: unknown Type 'Aircraft'"), std::string::npos)
      << r.status().message();
  testing::write_file(dir / "csv.ods", "Unique ID,Name\n");
  auto r2 = parse_list("uk-ods", {dir / "csv.ods"});
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("csv.ods: not a zip archive"), std::string::npos) << r2.status().message();
}

}  // namespace
}  // namespace sekisho
