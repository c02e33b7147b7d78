// Human-readable lines shared by import and update.
#pragma once

#include <string>

#include "sekisho/store.hpp"

namespace sekisho::cli {

// "us_ofac_sdn: version 2 created, 8976 entities (Person 4000, …); +12 -3 ~40 against version 1"
std::string describe_import(const ImportReport& report);
// "Person 4000, Organization 3000"
std::string describe_counts(const std::map<std::string, int>& counts);
// Each of report.warnings on stderr as "warning: …".
void print_import_warnings(const ImportReport& report);

}  // namespace sekisho::cli
