// Typed access to the fields of a policy YAML file, with errors that name
// the file, the line (yaml-cpp Mark, 1-based here) and the field path:
//   "policies/jp/fefta.yaml:42: rules[3].then: 'DENNY' is not an outcome …"
// yaml-cpp throws; these helpers catch at this boundary and return Status.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sekisho/status.hpp"

namespace sekisho::rules {

class YamlFields {
 public:
  explicit YamlFields(std::string file) : file_(std::move(file)) {}
  const std::string& file() const { return file_; }

  // 1-based line of `node` (0 when yaml-cpp has no mark).
  static int line_of(const YAML::Node& node);
  Status error(const YAML::Node& at, std::string_view field, std::string_view message) const;

  // Errors unless `node` is a map whose keys are all in `allowed`.
  Status check_map(const YAML::Node& node, std::string_view path,
                   std::initializer_list<std::string_view> allowed) const;
  // A required scalar string.
  Result<std::string> required(const YAML::Node& map, std::string_view key, std::string_view path) const;
  // An optional scalar string ("" when absent).
  Result<std::string> optional(const YAML::Node& map, std::string_view key, std::string_view path) const;
  // A scalar or a sequence of scalars (empty when absent).
  Result<std::vector<std::string>> strings(const YAML::Node& map, std::string_view key, std::string_view path) const;
  // An optional ISO date as a day number.
  Result<std::optional<int32_t>> date(const YAML::Node& map, std::string_view key, std::string_view path) const;
  Result<std::optional<double>> number(const YAML::Node& map, std::string_view key, std::string_view path) const;
  Result<std::optional<bool>> boolean(const YAML::Node& map, std::string_view key, std::string_view path) const;
  // A sequence (empty when absent); errors when present but not a sequence.
  Result<std::vector<YAML::Node>> sequence(const YAML::Node& map, std::string_view key, std::string_view path) const;

 private:
  std::string file_;
};

std::string field_path(std::string_view parent, std::string_view key);
std::string index_path(std::string_view parent, size_t index);

}  // namespace sekisho::rules
