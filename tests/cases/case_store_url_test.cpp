// $SEKISHO_CASE_STORE: a store that cannot be reached or a URL that is not
// understood stops the command with an error naming the variable, never
// falls back to the SQLite file, and never repeats a password.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/subprocess.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

using testing::run_process;
using testing::RunResult;
using testing::TempHome;

RunResult alerts_list(const TempHome& home, const std::string& url) {
  return run_process({SEKISHO_BINARY, "--home", home.str(), "alerts", "list"}, {"SEKISHO_CASE_STORE=" + url});
}

TEST(CaseStoreUrl, AnUnreachableServerIsUnavailableAndItsPasswordIsNotShown) {
  TempHome home("case-store-url");
  // Port 1 on loopback: nothing listens, the connection is refused at once.
  RunResult in_user = alerts_list(home, "postgresql://clerk:s3cret-pw@127.0.0.1:1/cases");
  EXPECT_EQ(in_user.exit_code, 69) << in_user.err;  // EX_UNAVAILABLE
  EXPECT_NE(in_user.err.find("SEKISHO_CASE_STORE: postgresql://clerk:***@127.0.0.1:1/cases"), std::string::npos)
      << in_user.err;
  EXPECT_EQ(in_user.err.find("s3cret-pw"), std::string::npos) << in_user.err;

  RunResult in_query = alerts_list(home, "postgres://clerk@127.0.0.1:1/cases?password=s3cret-pw&connect_timeout=5");
  EXPECT_EQ(in_query.exit_code, 69) << in_query.err;
  EXPECT_NE(in_query.err.find("?password=***&connect_timeout=5"), std::string::npos) << in_query.err;
  EXPECT_EQ(in_query.err.find("s3cret-pw"), std::string::npos) << in_query.err;

  EXPECT_FALSE(std::filesystem::exists(home.path() / "cases.db")) << "fell back to the SQLite file";
}

TEST(CaseStoreUrl, AnUnknownSchemeIsRefused) {
  TempHome home("case-store-url-scheme");
  RunResult r = alerts_list(home, "mysql://clerk:s3cret-pw@db/cases");
  EXPECT_EQ(r.exit_code, 64) << r.err;
  EXPECT_NE(r.err.find("SEKISHO_CASE_STORE"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("expected postgresql://"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("s3cret-pw"), std::string::npos) << r.err;
  // The audit commands ask whether there is a store first: refused there too, not "no case store".
  RunResult verify = run_process({SEKISHO_BINARY, "--home", home.str(), "audit", "verify"},
                                 {"SEKISHO_CASE_STORE=mysql://clerk@db/cases"});
  EXPECT_EQ(verify.exit_code, 64) << verify.err;
  EXPECT_NE(verify.err.find("SEKISHO_CASE_STORE"), std::string::npos) << verify.err;
  EXPECT_FALSE(std::filesystem::exists(home.path() / "cases.db")) << "fell back to the SQLite file";
}

}  // namespace
}  // namespace sekisho
