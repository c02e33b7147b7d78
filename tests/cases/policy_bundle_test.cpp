// A policy bundle that differs from the last one recorded is an audit entry
// naming its hash and the files added, changed and removed; the same bundle
// again is not.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>

#include "sekisho/cases.hpp"
#include "sekisho/rules.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::TempHome;

std::vector<AuditEntry> bundle_entries(CaseStore& cases) {
  std::vector<AuditEntry> out;
  auto all = cases.audit_entries();
  EXPECT_TRUE(all.ok()) << all.status().to_string();
  if (!all.ok()) return out;
  for (const AuditEntry& e : *all) {
    if (e.action == "policy.bundle") out.push_back(e);
  }
  return out;
}

// The repository's bundle, copied so a test may edit it.
fs::path copy_policies(const TempHome& home) {
  fs::path dir = home.path() / "policies";
  fs::copy(fs::path(SEKISHO_SOURCE_DIR) / "policies", dir, fs::copy_options::recursive);
  return dir;
}

std::string first_yaml(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().extension() == ".yaml") names.push_back(fs::relative(e.path(), dir).generic_string());
  }
  std::sort(names.begin(), names.end());
  return names.empty() ? "" : names.front();
}

TEST(PolicyBundleAudit, EditedFileIsNamedAndTheSameBundleIsQuiet) {
  TempHome home("policy-bundle-real");
  fs::path dir = copy_policies(home);
  auto policy = rules::load_policy_dir(dir);
  ASSERT_TRUE(policy.ok()) << policy.status().to_string();
  auto files = read_policy_bundle_files(dir, (*policy)->info());
  ASSERT_TRUE(files.ok()) << files.status().to_string();
  EXPECT_EQ(files->files.size(), (*policy)->info().files.size());

  auto cases = CaseStore::open(home.path());
  ASSERT_TRUE(cases.ok());
  ASSERT_TRUE(*(*cases)->record_policy_bundle(*files, "tester"));
  std::vector<AuditEntry> entries = bundle_entries(**cases);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].subject, (*policy)->info().sha256);
  json first = json::parse(entries[0].detail);
  EXPECT_EQ(first["added"].size(), files->files.size());  // the first bundle recorded: every file is new
  EXPECT_EQ(first["previous_sha256"], "");

  // Loaded again unchanged: nothing to record.
  EXPECT_FALSE(*(*cases)->record_policy_bundle(*files, "tester"));
  EXPECT_EQ(bundle_entries(**cases).size(), 1u);

  // One file edited (a comment only: the rules are the same, the bytes are not).
  std::string edited = first_yaml(dir);
  ASSERT_FALSE(edited.empty());
  std::ofstream(dir / edited, std::ios::app) << "\n# reviewed 2026-12-07\n";
  auto reloaded = rules::load_policy_dir(dir);
  ASSERT_TRUE(reloaded.ok()) << reloaded.status().to_string();
  ASSERT_NE((*reloaded)->info().sha256, (*policy)->info().sha256);
  // The files as read now no longer hash to the bundle loaded before the edit.
  EXPECT_FALSE(read_policy_bundle_files(dir, (*policy)->info()).ok());
  auto files2 = read_policy_bundle_files(dir, (*reloaded)->info());
  ASSERT_TRUE(files2.ok()) << files2.status().to_string();
  ASSERT_TRUE(*(*cases)->record_policy_bundle(*files2, "tester"));
  entries = bundle_entries(**cases);
  ASSERT_EQ(entries.size(), 2u);
  json second = json::parse(entries[1].detail);
  EXPECT_EQ(second["sha256"], (*reloaded)->info().sha256);
  EXPECT_EQ(second["previous_sha256"], (*policy)->info().sha256);
  EXPECT_EQ(second["changed"], json::array({edited}));
  EXPECT_TRUE(second["added"].empty());
  EXPECT_TRUE(second["removed"].empty());
  EXPECT_TRUE((*cases)->verify_audit()->ok);
}

TEST(PolicyBundleAudit, AddedAndRemovedFilesAreNamed) {
  TempHome home("policy-bundle-diff");
  auto cases = CaseStore::open(home.path());
  ASSERT_TRUE(cases.ok());
  PolicyBundleFiles before{"bundle-a", {{"common/vocabulary.yaml", "h1"}, {"jp/fefta.yaml", "h2"}}};
  PolicyBundleFiles after{"bundle-b",
                          {{"common/vocabulary.yaml", "h1"}, {"jp/fefta.yaml", "h2x"}, {"us/ear.yaml", "h3"}}};
  PolicyBundleFiles smaller{"bundle-c", {{"us/ear.yaml", "h3"}}};
  ASSERT_TRUE(*(*cases)->record_policy_bundle(before, "alice"));
  ASSERT_TRUE(*(*cases)->record_policy_bundle(after, "bob"));
  ASSERT_TRUE(*(*cases)->record_policy_bundle(smaller, "carol"));
  // Back to an earlier bundle is a change too: the one in use is what counts.
  ASSERT_TRUE(*(*cases)->record_policy_bundle(after, "dave"));
  std::vector<AuditEntry> entries = bundle_entries(**cases);
  ASSERT_EQ(entries.size(), 4u);
  json b = json::parse(entries[1].detail);
  EXPECT_EQ(entries[1].actor, "bob");
  EXPECT_EQ(b["added"], json::array({"us/ear.yaml"}));
  EXPECT_EQ(b["changed"], json::array({"jp/fefta.yaml"}));
  EXPECT_TRUE(b["removed"].empty());
  json c = json::parse(entries[2].detail);
  EXPECT_EQ(c["removed"], json::array({"common/vocabulary.yaml", "jp/fefta.yaml"}));
  EXPECT_TRUE(c["added"].empty());
  json d = json::parse(entries[3].detail);
  EXPECT_EQ(d["added"], json::array({"common/vocabulary.yaml", "jp/fefta.yaml"}));
  EXPECT_EQ(d["previous_sha256"], "bundle-c");
}

}  // namespace
}  // namespace sekisho
