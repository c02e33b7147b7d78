// Where the tests find the real public data (../shared/data beside the clone).
//
// The folder is fixed at configure time and may be moved at run time with the
// environment variable SEKISHO_SHARED_DATA, the same variable the product reads
// its tables from. That lets CI run the suite against a copy with a folder
// hidden and require failures (tests/runner/hidden_data_must_fail.sh).
#pragma once

#include <string>

namespace sekisho::testing {

// The shared data folder: $SEKISHO_SHARED_DATA when set, else the configured default.
const std::string& shared_data_dir();

}  // namespace sekisho::testing
