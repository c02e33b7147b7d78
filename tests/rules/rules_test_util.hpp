// Shared helpers of the rules tests: the shipped policy bundle and golden files.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "sekisho/rules.hpp"
#include "support/exact_name_screener.hpp"

namespace sekisho::rules::testing {

inline std::filesystem::path source_dir() { return SEKISHO_SOURCE_DIR; }
inline std::filesystem::path policies_dir() { return source_dir() / "policies"; }
inline std::filesystem::path golden_dir() { return source_dir() / "tests" / "rules" / "golden"; }
inline std::filesystem::path fixtures_dir() { return source_dir() / "tests" / "rules" / "fixtures"; }

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The shipped bundle as relative name → text, to load with extra files.
inline std::map<std::string, std::string> shipped_policy_files() {
  std::map<std::string, std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(policies_dir())) {
    if (e.is_regular_file() && e.path().extension() == ".yaml") {
      files[std::filesystem::relative(e.path(), policies_dir()).generic_string()] = read_text(e.path());
    }
  }
  return files;
}

inline const Policy& shipped_policy() {
  static std::unique_ptr<Policy> policy = [] {
    auto loaded = load_policy_dir(policies_dir());
    EXPECT_TRUE(loaded.ok()) << loaded.status().to_string();
    return loaded.ok() ? std::move(*loaded) : nullptr;
  }();
  return *policy;
}

}  // namespace sekisho::rules::testing
