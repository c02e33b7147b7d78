// Japan METI End User List (meti-eul-xlsx) on the official 2025-09-29 revision,
// cross-checked against an independent normalised copy of the same revision
// (export-control/jp_meti_end_user_list.json, from another repository).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/strings.hpp"
#include "lists/jp_text.hpp"
#include "lists/zip_fixture.hpp"
#include "sekisho/lists.hpp"
#include "support/shared_data.hpp"

namespace sekisho {
namespace {

const std::string kData = SEKISHO_SHARED_DATA;
const std::string kEul = kData + "/japan/meti_end_user_list_20250929.xlsx";

// Comparison key: the other copy appends a Japanese rendering to some English
// names ("4.27 Co. Pyongyang Branch (4.27貿易会社平壌支社)") which the parser keeps
// as a separate name, and it spaces hyphens and brackets differently.
std::string key(const std::string& raw) {
  std::string s = fold_fullwidth(raw);
  size_t open = s.rfind('(');
  if (open != std::string::npos && s.back() == ')' && has_japanese(s.substr(open))) s.erase(open);
  std::string out;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

class MetiEul : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = parse_list("meti-eul-xlsx", {kEul});
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    parsed_ = new ParsedList(std::move(*r));
  }
  static const Entity* find(const std::string& source_id) {
    for (const Entity& e : parsed_->entities) {
      if (e.source_id == source_id) return &e;
    }
    return nullptr;
  }
  static inline ParsedList* parsed_ = nullptr;
};

TEST_F(MetiEul, CountAndNamesMatchTheIndependentCopy) {
  std::ifstream in(kData + "/export-control/jp_meti_end_user_list.json");
  nlohmann::json other = nlohmann::json::parse(in);
  ASSERT_TRUE(other.is_array());
  EXPECT_EQ(parsed_->entities.size(), other.size());
  EXPECT_EQ(parsed_->publication_date, "2025-09-29");
  std::string misses;
  size_t compared = 0, same_name = 0, their_aliases = 0, found_aliases = 0, unnamed = 0;
  for (const auto& o : other) {
    std::string id = o.at("id").get<std::string>();  // "jp-eul-<No.>"
    const Entity* e = find(id.substr(id.rfind('-') + 1));
    ASSERT_NE(e, nullptr) << id;
    ++compared;
    std::string name = o.at("entity_name").get<std::string>();
    if (name.empty()) {
      ++unnamed;  // that copy lost the name of some rows; their No. still matches ours
    } else if (key(e->caption) == key(name)) {
      ++same_name;
    } else {
      misses += "name differs: " + id + ": " + e->caption + " | " + name + "\n";
    }
    for (const auto& alias : o.at("aliases")) {
      ++their_aliases;
      bool found = false;
      for (const Name& n : e->names)
        found |= n.kind == NameKind::kAlias && key(n.full) == key(alias.get<std::string>());
      found_aliases += found;
      if (!found) misses += "alias not found: " + id + ": " + alias.get<std::string>() + "\n";
    }
  }
  EXPECT_LT(unnamed, 60u);
  // A few of its names run into the Japanese or the aliases (PDF-like extraction): nearly all must agree.
  EXPECT_GE(same_name * 100, (compared - unnamed) * 99) << same_name << " of " << compared - unnamed << "\n" << misses;
  // That copy also merges or drops a few aliases; nearly all of its aliases must be ours.
  EXPECT_GT(their_aliases, 1000u);
  EXPECT_GE(found_aliases * 100, their_aliases * 99) << found_aliases << " of " << their_aliases << "\n" << misses;
  EXPECT_EQ(compared, 835u);
}

TEST_F(MetiEul, ProgramsCountryAndRawCells) {
  const Entity* alq = find("1");
  ASSERT_NE(alq, nullptr);
  EXPECT_EQ(alq->caption, "Al Qa'ida/Islamic Army");
  EXPECT_EQ(alq->schema, Schema::kOrganization);
  EXPECT_EQ(alq->programs, (std::vector<std::string>{"EUL-WMD-B", "EUL-WMD-C", "EUL-WMD-M", "EUL-WMD-N", "EUL-CW"}));
  ASSERT_EQ(alq->countries.size(), 1u);
  EXPECT_EQ(alq->countries[0], "Islamic Republic of Afghanistan");
  EXPECT_NE(std::find(alq->remarks.begin(), alq->remarks.end(), "国名・地域名: アフガニスタン"), alq->remarks.end());
  bool alias = false;
  for (const Name& n : alq->names) alias |= n.full == "Usama Bin Laden Network" && n.kind == NameKind::kAlias;
  EXPECT_TRUE(alias);
  EXPECT_NE(alq->raw.find("B,C,M,N"), std::string::npos);
  // CW only, no WMD type.
  const Entity* cw = find("56");
  ASSERT_NE(cw, nullptr);
  EXPECT_EQ(cw->programs, (std::vector<std::string>{"EUL-CW"}));
  // "ミサイルM" without a newline still yields the code.
  size_t missile = 0;
  for (const Entity& e : parsed_->entities) {
    missile += std::find(e.programs.begin(), e.programs.end(), "EUL-WMD-M") != e.programs.end();
    EXPECT_FALSE(e.programs.empty()) << e.id;
  }
  EXPECT_GT(missile, 600u);
}

TEST(MetiEulErrors, BadCodeAndMissingHeaderNameTheCell) {
  auto dir = testing::temp_dir("eul");
  const std::vector<std::string> header = {"No.",
                                           "国名、地域名\nCountry or Region",
                                           "企業名､組織名\nCompany or Organization",
                                           "別名\nAlso Known As",
                                           "懸念区分\nType of WMD",
                                           "通常兵器\nConventional Weapons"};
  ASSERT_TRUE(testing::write_xlsx(dir / "eul.xlsx",
                                  {{"ユーザーリスト", {header, {"1", "イラン\nIran", "X Co", "", "核\nN,Q", ""}}}}));
  auto r = parse_list("meti-eul-xlsx", {dir / "eul.xlsx"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("eul.xlsx: ユーザーリスト!E2: unknown WMD concern code 'Q'"), std::string::npos)
      << r.status().message();

  ASSERT_TRUE(testing::write_xlsx(dir / "nohead.xlsx", {{"ユーザーリスト", {{"No.", "Name"}, {"1", "X Co"}}}}));
  auto r2 = parse_list("meti-eul-xlsx", {dir / "nohead.xlsx"});
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("nohead.xlsx: sheet 'ユーザーリスト': no header row"), std::string::npos)
      << r2.status().message();

  ASSERT_TRUE(testing::write_zip(dir / "parts.xlsx", {{"word/document.xml", "<w/>"}}));
  auto r3 = parse_list("meti-eul-xlsx", {dir / "parts.xlsx"});
  ASSERT_FALSE(r3.ok());
  EXPECT_NE(r3.status().message().find("parts.xlsx: not an XLSX workbook"), std::string::npos) << r3.status().message();
}

}  // namespace
}  // namespace sekisho
