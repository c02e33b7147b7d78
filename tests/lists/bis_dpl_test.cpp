// bis-dpl on two real versions of the BIS Denied Persons List.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "lists/list_test_util.hpp"
#include "sekisho/lists.hpp"

namespace sekisho {
namespace {

using namespace sekisho::testing;

const std::filesystem::path kDpl2022 = shared_data("us_bis/dpl_2022-09.txt");
const std::filesystem::path kDpl2019 = shared_data("us_bis/dpl_2019-07.txt");

ParsedList parse_ok(const std::filesystem::path& p) {
  auto r = parse_list("bis-dpl", {p});
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? std::move(r).value() : ParsedList{};
}

TEST(BisDpl, EveryRowIsAnEntity) {
  EXPECT_EQ(parse_ok(kDpl2022).entities.size(), 581u);
  EXPECT_EQ(parse_ok(kDpl2019).entities.size(), 546u);
}

TEST(BisDpl, RowFieldsLandInTheEntity) {
  ParsedList list = parse_ok(kDpl2022);
  const Entity* e = find_by_caption(list.entities, "AARON ABRAHAM VILLA");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->addresses.size(), 1u);
  EXPECT_EQ(e->addresses[0].street, "3415 RIVERA AVENUE");
  EXPECT_EQ(e->addresses[0].city, "EL PASO");
  EXPECT_EQ(e->addresses[0].region, "TX");
  EXPECT_EQ(e->addresses[0].postal_code, "79905");
  EXPECT_EQ(e->listed_on, "2022-08-24");  // 08/24/2022, month first
  EXPECT_TRUE(contains(e->remarks, "FR citation: 87 F.R. 52741 8/29/2022"));
  EXPECT_TRUE(contains(e->remarks, "expires: 2026-01-14"));
  EXPECT_NE(e->raw.find("\"City\":\"EL PASO\""), std::string::npos) << e->raw;
}

TEST(BisDpl, AliasesInsideTheNameAreSplitOut) {
  ParsedList list = parse_ok(kDpl2022);
  const Entity* s7 = find_by_caption(list.entities, "SIBERIAN AIRLINES");
  ASSERT_NE(s7, nullptr);
  EXPECT_TRUE(has_name(*s7, "S7 AIRLINES", NameKind::kAlias));
  EXPECT_EQ(s7->schema, Schema::kCompany);
  const Entity* pearl = find_by_caption(list.entities, "PEARL LI");
  ASSERT_NE(pearl, nullptr);
  EXPECT_TRUE(has_name(*pearl, "NEI-CHIEN CHU", NameKind::kAlias));
}

TEST(BisDpl, SchemaOnlyWhereTheDataSaysSo) {
  ParsedList list = parse_ok(kDpl2022);
  const Entity* inmate = find_by_caption(list.entities, "ABDIEL PADRON MADRID");  // "INMATE NUMBER: …"
  ASSERT_NE(inmate, nullptr);
  EXPECT_EQ(inmate->schema, Schema::kPerson);
  const Entity* villa = find_by_caption(list.entities, "AARON ABRAHAM VILLA");
  ASSERT_NE(villa, nullptr);
  EXPECT_EQ(villa->schema, Schema::kLegalEntity);
  auto counts = count_by_schema(list.entities);
  EXPECT_GT(counts["Company"], 50);
  EXPECT_GT(counts["Person"], 100);
}

TEST(BisDpl, IdsAreStableAcrossVersions) {
  ParsedList old_list = parse_ok(kDpl2019), new_list = parse_ok(kDpl2022);
  std::set<std::string> old_ids, old_names;
  for (const Entity& e : old_list.entities) {
    old_ids.insert(e.id);
    old_names.insert(e.caption);
  }
  int shared = 0, kept = 0;
  for (const Entity& e : new_list.entities) {
    if (!old_names.count(e.caption)) continue;
    ++shared;
    kept += old_ids.count(e.id) ? 1 : 0;
  }
  ASSERT_GT(shared, 300);
  EXPECT_GT(kept * 100 / shared, 95) << kept << " of " << shared;
  // Renewed orders change dates and citations but keep the id.
  const Entity* ash_old = find_by_caption(old_list.entities, "I. ASH");
  const Entity* ash_new = find_by_caption(new_list.entities, "I. ASH");
  ASSERT_TRUE(ash_old && ash_new);
  EXPECT_EQ(ash_old->id, ash_new->id);
}

TEST(BisDpl, VerbatimDuplicateRowsGetDistinctIds) {
  ParsedList list = parse_ok(kDpl2022);
  std::vector<std::string> ids;
  for (const Entity& e : list.entities) {
    if (e.caption == "DAQING ZHOU" && e.raw.find("CHERRY GARDEN") != std::string::npos) ids.push_back(e.id);
  }
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[1], ids[0] + "-2");
}

TEST(BisDpl, MissingColumnIsNamed) {
  TempDir tmp;
  std::string bytes = read_file(kDpl2022);
  size_t pos = bytes.find("\"FR_Citation\"");
  bytes.replace(pos, 13, "\"Citation\"");
  auto path = tmp.write("dpl.txt", bytes);
  auto r = parse_list("bis-dpl", {path});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("dpl.txt:1: missing column 'FR_Citation'"), std::string::npos)
      << r.status().message();
}

TEST(BisDpl, TruncatedFileNamesTheLine) {
  TempDir tmp;
  std::string bytes = read_file(kDpl2022);
  // Cut inside line 4, after its third field: the row is short.
  size_t line4 = 0;
  for (int i = 0; i < 3; ++i) line4 = bytes.find('\n', line4) + 1;
  size_t cut = line4;
  for (int i = 0; i < 3; ++i) cut = bytes.find('\t', cut) + 1;
  auto path = tmp.write("dpl.txt", bytes.substr(0, cut - 1));
  auto r = parse_list("bis-dpl", {path});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("dpl.txt:4: expected 12 fields"), std::string::npos) << r.status().message();
}

TEST(BisDpl, InvalidUtf8AndEmptyFile) {
  TempDir tmp;
  std::string bytes = read_file(kDpl2022);
  size_t line3 = bytes.find('\n', bytes.find('\n') + 1) + 1;
  bytes.insert(line3 + 2, "\xFF");
  auto r = parse_list("bis-dpl", {tmp.write("dpl.txt", bytes)});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("dpl.txt:3:3: invalid UTF-8"), std::string::npos) << r.status().message();
  auto r2 = parse_list("bis-dpl", {tmp.write("empty.txt", "\n")});
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("empty.txt: file is empty"), std::string::npos) << r2.status().message();
}

}  // namespace
}  // namespace sekisho
