// A test binary whose one test skips itself. Run by ctest as
// TestRunner.ASkipThatIsNotAllowedFailsTheBinary with WILL_FAIL: it passes only
// when tests/support/test_main.cpp turns the skip into a failed binary.
#include <gtest/gtest.h>

TEST(SkipProbe, SkipsWithoutBeingAllowed) { GTEST_SKIP() << "a skip nobody allowed"; }
