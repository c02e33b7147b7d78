// Where the tests find the source tree, their fixtures and the sekisho binary.
//
// The paths are fixed at configure time in one support file (build_paths.cpp) rather than
// passed to every test as macros holding strings: a test object then does not depend on where
// the clone sits, so two clones share compiler-cache entries. tests/CMakeLists.txt includes
// this header in every test file and spells the old macro names as calls to these functions.
#pragma once

#include <string>

#include "support/shared_data.hpp"

namespace sekisho::testing {

// The root of the source tree (the folder with CMakeLists.txt, policies/ and tests/).
const std::string& source_dir();
// tests/fixtures.
const std::string& fixtures_dir();
// The sekisho executable under test.
const std::string& sekisho_binary();

}  // namespace sekisho::testing
