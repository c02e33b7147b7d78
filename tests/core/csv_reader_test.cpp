#include "io/csv_reader.hpp"

#include <gtest/gtest.h>

#include "core/strings.hpp"
#include "io/utf8.hpp"

namespace sekisho {
namespace {

TEST(CsvReader, QuotedFieldsSpanLinesAndKeepLineNumbers) {
  auto r = read_csv("a,b\r\n\"x\ny\",\"he said \"\"hi\"\"\"\r\nlast,1\r\n", "t.csv");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[1].fields[0], "x\ny");
  EXPECT_EQ((*r)[1].fields[1], "he said \"hi\"");
  EXPECT_EQ((*r)[1].line, 2u);
  EXPECT_EQ((*r)[2].line, 4u);
}

TEST(CsvReader, UnclosedQuoteNamesFileAndLine) {
  auto r = read_csv("a,b\n1,\"open\n2,3\n", "bad.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.csv:2"), std::string::npos) << r.status().message();
}

TEST(CsvReader, TabSeparated) {
  auto r = read_csv("\"Name\"\t\"City\"\n\"ACME\"\t\"Paris\"\n", "t.txt", {.delimiter = '\t'});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[1].fields, (std::vector<std::string>{"ACME", "Paris"}));
}

TEST(Utf8, FindsFirstInvalidByte) {
  EXPECT_EQ(find_invalid_utf8("Путин プーチン"), std::string_view::npos);
  std::string bad = "ok\nab\xC3(";
  size_t pos = find_invalid_utf8(bad);
  EXPECT_EQ(pos, 5u);
  EXPECT_EQ(line_col_at(bad, pos).line, 2u);
  EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0u);  // a surrogate
}

TEST(Strings, TrimAndSplit) {
  EXPECT_EQ(trim("\xE3\x80\x80 x \xC2\xA0"), "x");
  EXPECT_EQ(split_any("a；b\nc", {"；", "\n"}), (std::vector<std::string>{"a", "b", "c"}));
}

}  // namespace
}  // namespace sekisho
