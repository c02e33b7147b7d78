#include "support/build_paths.hpp"

#if !defined(SEKISHO_SOURCE_DIR_VALUE) || !defined(SEKISHO_TEST_FIXTURES_VALUE) || !defined(SEKISHO_BINARY_VALUE)
#error "tests/CMakeLists.txt defines the build paths for this file"
#endif

namespace sekisho::testing {

const std::string& source_dir() {
  static const std::string dir = SEKISHO_SOURCE_DIR_VALUE;
  return dir;
}

const std::string& fixtures_dir() {
  static const std::string dir = SEKISHO_TEST_FIXTURES_VALUE;
  return dir;
}

const std::string& sekisho_binary() {
  static const std::string path = SEKISHO_BINARY_VALUE;
  return path;
}

}  // namespace sekisho::testing
