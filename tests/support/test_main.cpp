// The test binaries' main: gtest's, plus two rules ctest alone cannot keep.
//
// 1. A skipped test is a failed test unless it is on the allow-list
//    (allowed_skips.hpp). gtest reports the tests of a suite whose
//    SetUpTestSuite failed as skipped, and ctest reads gtest's "[  SKIPPED ]"
//    as a skip whatever the exit code (gtest_discover_tests sets that pattern
//    and ctest adds to it rather than replacing it). So the printer here never
//    prints "[  SKIPPED ]" for a skip that is not allowed: it prints a failure
//    and the binary exits non-zero.
// 2. A missing shared data folder fails every binary at once, naming the path,
//    instead of letting each test fail on its own file.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sekisho/text.hpp"
#include "support/allowed_skips.hpp"
#include "support/shared_data.hpp"

namespace sekisho::testing {

#ifndef SEKISHO_SHARED_DATA_DEFAULT
#error "tests/CMakeLists.txt defines SEKISHO_SHARED_DATA_DEFAULT"
#endif

const std::string& shared_data_dir() {
  static const std::string dir = [] {
    const char* env = std::getenv("SEKISHO_SHARED_DATA");
    return std::string(env != nullptr && *env != '\0' ? env : SEKISHO_SHARED_DATA_DEFAULT);
  }();
  return dir;
}

namespace {

bool skip_allowed(const ::testing::TestInfo& info) {
  const std::string suite = info.test_suite_name();
  const std::string full = suite + "." + info.name();
  for (std::string_view allowed : kAllowedSkips) {
    if (allowed.empty()) continue;
    if (allowed == full) return true;
    if (allowed.size() > 2 && allowed.substr(allowed.size() - 2) == ".*" &&
        allowed.substr(0, allowed.size() - 2) == suite) {
      return true;
    }
  }
  return false;
}

// gtest's own printer, except for skips that are not allowed: those print as failures.
class SkipsAreFailuresPrinter : public ::testing::TestEventListener {
 public:
  explicit SkipsAreFailuresPrinter(::testing::TestEventListener* inner) : inner_(inner) {}

  void OnTestProgramStart(const ::testing::UnitTest& u) override { inner_->OnTestProgramStart(u); }
  void OnTestIterationStart(const ::testing::UnitTest& u, int i) override { inner_->OnTestIterationStart(u, i); }
  void OnEnvironmentsSetUpStart(const ::testing::UnitTest& u) override { inner_->OnEnvironmentsSetUpStart(u); }
  void OnEnvironmentsSetUpEnd(const ::testing::UnitTest& u) override { inner_->OnEnvironmentsSetUpEnd(u); }
  void OnTestSuiteStart(const ::testing::TestSuite& s) override { inner_->OnTestSuiteStart(s); }
  void OnTestStart(const ::testing::TestInfo& t) override { inner_->OnTestStart(t); }
  void OnTestPartResult(const ::testing::TestPartResult& r) override { inner_->OnTestPartResult(r); }
  void OnTestSuiteEnd(const ::testing::TestSuite& s) override { inner_->OnTestSuiteEnd(s); }
  void OnEnvironmentsTearDownStart(const ::testing::UnitTest& u) override { inner_->OnEnvironmentsTearDownStart(u); }
  void OnEnvironmentsTearDownEnd(const ::testing::UnitTest& u) override { inner_->OnEnvironmentsTearDownEnd(u); }
  void OnTestProgramEnd(const ::testing::UnitTest& u) override { inner_->OnTestProgramEnd(u); }

  void OnTestEnd(const ::testing::TestInfo& info) override {
    if (info.result()->Skipped() && !skip_allowed(info)) {
      refused_.push_back(std::string(info.test_suite_name()) + "." + info.name());
      std::printf("[  FAILED  ] %s was skipped: a skip is a failure unless tests/support/allowed_skips.hpp allows it\n",
                  refused_.back().c_str());
      std::fflush(stdout);
      return;
    }
    inner_->OnTestEnd(info);
  }

  void OnTestIterationEnd(const ::testing::UnitTest& u, int iteration) override {
    if (refused_.empty()) {
      inner_->OnTestIterationEnd(u, iteration);
      return;
    }
    // gtest's summary would list these under "[  SKIPPED ]"; list every failure instead.
    std::printf("[==========] %d tests from %d test suites ran.\n", u.test_to_run_count(), u.test_suite_to_run_count());
    for (int i = 0; i < u.total_test_suite_count(); ++i) {
      const ::testing::TestSuite* suite = u.GetTestSuite(i);
      for (int j = 0; j < suite->total_test_count(); ++j) {
        const ::testing::TestInfo* t = suite->GetTestInfo(j);
        if (t->should_run() && t->result()->Failed()) std::printf("[  FAILED  ] %s.%s\n", suite->name(), t->name());
      }
    }
    for (const std::string& name : refused_) std::printf("[  FAILED  ] %s (skipped)\n", name.c_str());
    std::fflush(stdout);
  }

  bool refused_any() const { return !refused_.empty(); }

 private:
  std::unique_ptr<::testing::TestEventListener> inner_;
  std::vector<std::string> refused_;
};

}  // namespace
}  // namespace sekisho::testing

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  const std::string& data = sekisho::testing::shared_data_dir();
  std::error_code ec;
  if (!std::filesystem::is_directory(data, ec)) {
    std::fprintf(stderr,
                 "sekisho tests: the shared data folder %s is missing; clone the repository beside ../shared "
                 "or set SEKISHO_SHARED_DATA\n",
                 data.c_str());
    return 1;
  }
  // The product library reads no environment: the tests hand it the same folder.
  (void)sekisho::text::set_text_resource_paths({.shared_data = data});
  ::testing::TestEventListeners& listeners = ::testing::UnitTest::GetInstance()->listeners();
  auto* printer = new sekisho::testing::SkipsAreFailuresPrinter(listeners.Release(listeners.default_result_printer()));
  listeners.Append(printer);  // gtest owns it from here
  int rc = RUN_ALL_TESTS();
  if (printer->refused_any() && rc == 0) rc = 1;
  return rc;
}
