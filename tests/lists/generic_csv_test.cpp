// The generic `csv` format with its YAML mapping, on tests/fixtures/csv/.
#include <gtest/gtest.h>

#include "lists/list_test_util.hpp"
#include "sekisho/lists.hpp"

namespace sekisho {
namespace {

using namespace sekisho::testing;

const std::filesystem::path kCsv = fixture("csv/inhouse.csv");
const std::filesystem::path kMapping = fixture("csv/inhouse.mapping.yaml");

Result<ParsedList> parse(const std::filesystem::path& csv, const std::filesystem::path& mapping) {
  return parse_list("csv", {csv}, ParseOptions{.list_id = "acme_inhouse", .mapping_path = mapping.string()});
}

ParsedList parse_ok() {
  auto r = parse(kCsv, kMapping);
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? std::move(r).value() : ParsedList{};
}

TEST(GenericCsv, MappedColumnsFillTheEntity) {
  ParsedList list = parse_ok();
  ASSERT_EQ(list.entities.size(), 5u);
  const Entity& taro = list.entities[0];
  EXPECT_EQ(taro.id, "acme_inhouse-IH-0001");
  EXPECT_EQ(taro.caption, "Taro EXAMPLE");
  EXPECT_EQ(taro.schema, Schema::kPerson);
  EXPECT_TRUE(has_name(taro, "山田 太郎", NameKind::kAlias));
  EXPECT_TRUE(has_name(taro, "Tarou Example", NameKind::kAlias));
  ASSERT_EQ(taro.birth_dates.size(), 1u);
  EXPECT_EQ(taro.birth_dates[0].date.iso(), "1960-05-17");  // 17.05.1960, day first
  EXPECT_TRUE(has_identifier(taro, "passport", "TZ1234567"));
  ASSERT_EQ(taro.addresses.size(), 1u);
  EXPECT_EQ(taro.addresses[0].full, "1-2-3 Marunouchi, Tokyo");
  EXPECT_EQ(taro.programs, std::vector<std::string>{"Internal fraud case"});
  EXPECT_EQ(taro.listed_on, "2024-04-01");
  EXPECT_EQ(taro.remarks, std::vector<std::string>{"Former distributor; contract terminated"});
  EXPECT_NE(taro.raw.find("\"ref\":\"IH-0001\""), std::string::npos) << taro.raw;
}

TEST(GenericCsv, MultiValuesSchemaCodesAndDefault) {
  ParsedList list = parse_ok();
  const Entity& company = list.entities[1];
  EXPECT_EQ(company.schema, Schema::kCompany);
  EXPECT_EQ(company.countries, (std::vector<std::string>{"JP", "SG"}));
  EXPECT_EQ(company.addresses[0].full, "10 Anson Road, #20-01, Singapore");
  EXPECT_EQ(list.entities[3].schema, Schema::kVessel);
  EXPECT_TRUE(has_identifier(list.entities[3], "imo", "9999999"));
  EXPECT_EQ(list.entities[4].schema, Schema::kLegalEntity);  // empty kind → schema.default
}

TEST(GenericCsv, MissingMappingIsAnError) {
  auto r = parse_list("csv", {kCsv}, ParseOptions{.list_id = "x"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("mapping file is required"), std::string::npos) << r.status().message();
  auto r2 = parse(kCsv, fixture("csv/no_such.mapping.yaml"));
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.status().code(), StatusCode::kNotFound);
}

TEST(GenericCsv, MappingNamesAColumnAbsentFromTheHeader) {
  TempDir tmp;
  std::string yaml = read_file(kMapping);
  yaml.replace(yaml.find("program: reason"), 15, "program: regime");
  auto r = parse(kCsv, tmp.write("m.yaml", yaml));
  ASSERT_FALSE(r.ok());
  const std::string& msg = r.status().message();
  EXPECT_NE(msg.find("m.yaml: key program names column 'regime', which is not in the header of"), std::string::npos)
      << msg;
  EXPECT_NE(msg.find("inhouse.csv"), std::string::npos) << msg;
}

TEST(GenericCsv, BadMappingsNameTheProblem) {
  TempDir tmp;
  auto r = parse(kCsv, tmp.write("typo.yaml", "id: ref\nname: name\nadress: address\n"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("typo.yaml: unknown key 'adress'"), std::string::npos) << r.status().message();
  auto r2 = parse(kCsv, tmp.write("syntax.yaml", "id: ref\nname: [name\n"));
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("syntax.yaml:"), std::string::npos) << r2.status().message();
  EXPECT_NE(r2.status().message().find("YAML error"), std::string::npos) << r2.status().message();
  auto r3 = parse(kCsv, tmp.write("noid.yaml", "name: name\n"));
  ASSERT_FALSE(r3.ok());
  EXPECT_NE(r3.status().message().find("key id is required"), std::string::npos) << r3.status().message();
}

TEST(GenericCsv, RowErrorsNameFileAndLine) {
  TempDir tmp;
  std::string csv = read_file(kCsv);
  // Line 4 loses its last two fields.
  size_t line4 = 0;
  for (int i = 0; i < 3; ++i) line4 = csv.find('\n', line4) + 1;
  size_t end4 = csv.find('\n', line4);
  std::string shortened = csv.substr(0, end4);
  shortened = shortened.substr(0, shortened.rfind(',', shortened.rfind(',') - 1)) + csv.substr(end4);
  auto r = parse(tmp.write("short.csv", shortened), kMapping);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("short.csv:4: expected 13 fields"), std::string::npos) << r.status().message();

  std::string no_id = csv;
  no_id.replace(no_id.find("IH-0003"), 7, "");
  auto r2 = parse(tmp.write("noid.csv", no_id), kMapping);
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("noid.csv:4: field ref (id) is empty"), std::string::npos)
      << r2.status().message();

  std::string dup = csv;
  dup.replace(dup.find("IH-0004"), 7, "IH-0002");
  auto r3 = parse(tmp.write("dup.csv", dup), kMapping);
  ASSERT_FALSE(r3.ok());
  EXPECT_NE(r3.status().message().find("dup.csv:5: id 'IH-0002' repeats the id of line 3"), std::string::npos)
      << r3.status().message();
}

TEST(GenericCsv, InvalidUtf8AndEmptyFile) {
  TempDir tmp;
  std::string csv = read_file(kCsv);
  csv.replace(csv.find("山田"), 3, "\x8E\xB3\x93");  // a Shift_JIS-looking byte run
  auto r = parse(tmp.write("sjis.csv", csv), kMapping);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("sjis.csv:2:"), std::string::npos) << r.status().message();
  auto r2 = parse(tmp.write("empty.csv", ""), kMapping);
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("empty.csv: file is empty"), std::string::npos) << r2.status().message();
}

}  // namespace
}  // namespace sekisho
