// A list file cut at a line end parses cleanly in every line format; what gives it away is that
// the new version holds far fewer entities than the last one. The import, the update and the
// upload refuse such a version (and a version with no entity at all) unless told the publisher
// really removed them, and the stored versions stay as they were.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "sekisho/store.hpp"
#include "support/subprocess.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

namespace fs = std::filesystem;
using testing::run_process;
using testing::RunResult;
using testing::TempHome;

const std::string kDpl = std::string(SEKISHO_SHARED_DATA) + "/us_bis/dpl_2022-09.txt";

RunResult sekisho(const TempHome& home, std::vector<std::string> args) {
  args.insert(args.begin(), {SEKISHO_BINARY, "--home", home.str()});
  return run_process(args);
}

// The first `lines` lines of `from`, written to `to`: a download cut at a line end.
void write_head(const std::string& from, const fs::path& to, int lines) {
  std::ifstream in(from, std::ios::binary);
  std::ofstream out(to, std::ios::binary);
  std::string line;
  for (int i = 0; i < lines && std::getline(in, line); ++i) out << line << '\n';
}

std::vector<int> entity_counts(const TempHome& home, const std::string& list_id) {
  auto store = ListStore::open(home.path());
  EXPECT_TRUE(store.ok()) << store.status().to_string();
  std::vector<int> counts;
  if (!store.ok()) return counts;
  auto versions = (*store)->versions(list_id);
  if (versions.ok()) {
    for (const ListVersion& v : *versions) counts.push_back(v.entity_count);
  }
  return counts;
}

TEST(ShrinkGuard, ATruncatedImportIsRefusedAndTheLastVersionKept) {
  TempHome home("shrink-import");
  RunResult first = sekisho(home, {"import", "bis-dpl", kDpl});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::vector<int> before = entity_counts(home, "us_bis_denied");
  ASSERT_EQ(before.size(), 1u);
  ASSERT_GT(before[0], 500);

  const fs::path cut = home.path() / "dpl_cut.txt";
  write_head(kDpl, cut, 117);  // the header and the first 116 records: a fifth of the list
  RunResult refused = sekisho(home, {"import", "bis-dpl", cut.string()});
  EXPECT_EQ(refused.exit_code, 65) << refused.err;
  EXPECT_NE(refused.err.find("the new version would hold 116 entities"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--allow-shrink"), std::string::npos) << refused.err;
  EXPECT_EQ(entity_counts(home, "us_bis_denied"), before);

  // A loss within the allowed share lands.
  const fs::path most = home.path() / "dpl_most.txt";
  write_head(kDpl, most, before[0] * 9 / 10);
  RunResult kept = sekisho(home, {"import", "bis-dpl", most.string()});
  EXPECT_EQ(kept.exit_code, 0) << kept.err;
  ASSERT_EQ(entity_counts(home, "us_bis_denied").size(), 2u);

  // Told that the publisher removed them, the import stores the small version.
  RunResult allowed = sekisho(home, {"import", "bis-dpl", cut.string(), "--allow-shrink"});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  const std::vector<int> after = entity_counts(home, "us_bis_denied");
  ASSERT_EQ(after.size(), 3u);
  EXPECT_EQ(after.back(), 116);
}

TEST(ShrinkGuard, AWellFormedFileWithNoEntityGivesNoEmptyVersion) {
  // UN XML with both sections present and empty: valid to the parser, and never a real list.
  TempHome home("shrink-empty");
  const fs::path empty = home.path() / "consolidated.xml";
  std::ofstream(empty) << "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-01-01T00:00:00Z\">\n"
                          "<INDIVIDUALS/>\n<ENTITIES/>\n</CONSOLIDATED_LIST>\n";
  RunResult refused = sekisho(home, {"import", "un-xml", empty.string()});
  EXPECT_EQ(refused.exit_code, 65) << refused.err;
  EXPECT_NE(refused.err.find("un_sc_sanctions: the new version would hold no entity"), std::string::npos)
      << refused.err;
  EXPECT_TRUE(entity_counts(home, "un_sc_sanctions").empty());
  RunResult allowed = sekisho(home, {"import", "un-xml", empty.string(), "--allow-shrink"});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_EQ(entity_counts(home, "un_sc_sanctions"), std::vector<int>{0});
}

TEST(ShrinkGuard, UpdateFromATruncatedMirrorFailsThatListAndKeepsIt) {
  TempHome home("shrink-update");
  ASSERT_EQ(sekisho(home, {"import", "bis-dpl", kDpl}).exit_code, 0);
  const std::vector<int> before = entity_counts(home, "us_bis_denied");
  const fs::path mirror = home.path() / "mirror";
  fs::create_directories(mirror / "us_bis");
  write_head(kDpl, mirror / "us_bis" / "dpl_2022-09.txt", 60);
  RunResult update = sekisho(home, {"update", "--from", mirror.string(), "--lists", "us_bis_denied"});
  EXPECT_NE(update.exit_code, 0) << update.out;
  EXPECT_NE((update.out + update.err).find("--allow-shrink"), std::string::npos) << update.out << update.err;
  EXPECT_EQ(entity_counts(home, "us_bis_denied"), before);

  RunResult allowed =
      sekisho(home, {"update", "--from", mirror.string(), "--lists", "us_bis_denied", "--allow-shrink"});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.out << allowed.err;
  EXPECT_EQ(entity_counts(home, "us_bis_denied").size(), 2u);
}

}  // namespace
}  // namespace sekisho
