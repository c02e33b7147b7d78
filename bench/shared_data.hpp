// The benchmarks' text tables come from the shared data, as the CLI's do: the
// product library reads no environment, so each driver hands it the folder
// ($SEKISHO_SHARED_DATA, else the clone's ../shared/data fixed at configure time).
#pragma once

#include <cstdlib>

#include "sekisho/text.hpp"

namespace sekisho::bench {

inline void use_shared_data() {
  const char* env = std::getenv("SEKISHO_SHARED_DATA");
  (void)text::set_text_resource_paths({.shared_data = env != nullptr && *env != '\0' ? env : SEKISHO_SHARED_DATA});
}

}  // namespace sekisho::bench
