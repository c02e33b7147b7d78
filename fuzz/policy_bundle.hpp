// The repository's policy bundle (policies/) and golden transfer requests
// (tests/rules/golden/), read once: the fixed half of the policy and request targets.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "sekisho/rules.hpp"

namespace sekisho::fuzz {

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// policies/**/*.yaml by name relative to policies/, as load_policy_files takes them.
inline const std::map<std::string, std::string>& policy_files() {
  static const std::map<std::string, std::string> files = [] {
    std::map<std::string, std::string> out;
    const std::filesystem::path root = SEKISHO_SOURCE_DIR "/policies";
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
        out[std::filesystem::relative(entry.path(), root).string()] = read_text(entry.path());
      }
    }
    return out;
  }();
  return files;
}

// The bundle as shipped; a fuzz binary without it would test nothing, so it stops.
inline const rules::Policy& shipped_policy() {
  static const std::unique_ptr<rules::Policy> policy = [] {
    auto loaded = rules::load_policy_files(policy_files());
    if (!loaded.ok()) {
      fprintf(stderr, "policies/ does not load: %s\n", loaded.status().to_string().c_str());
      abort();
    }
    return std::move(loaded).value();
  }();
  return *policy;
}

// The "request" of the first `count` golden files (in name order).
inline const std::vector<rules::TransferRequest>& golden_requests(size_t count) {
  static const std::vector<rules::TransferRequest> requests = [count] {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(SEKISHO_SOURCE_DIR "/tests/rules/golden")) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<rules::TransferRequest> out;
    for (const auto& f : files) {
      if (out.size() == count) break;
      auto golden = nlohmann::json::parse(read_text(f), nullptr, false);
      if (golden.is_discarded() || !golden.contains("request")) continue;
      auto request = rules::parse_transfer_request_json(golden["request"].dump(), f.string());
      if (request.ok()) out.push_back(std::move(request).value());
    }
    return out;
  }();
  return requests;
}

}  // namespace sekisho::fuzz
