#include "rules/yaml_fields.hpp"

#include <fmt/format.h>

#include "sekisho/rules.hpp"

namespace sekisho::rules {

std::string field_path(std::string_view parent, std::string_view key) {
  return parent.empty() ? std::string(key) : fmt::format("{}.{}", parent, key);
}

std::string index_path(std::string_view parent, size_t index) { return fmt::format("{}[{}]", parent, index); }

int YamlFields::line_of(const YAML::Node& node) {
  if (!node.IsDefined()) return 0;
  const YAML::Mark mark = node.Mark();
  return mark.line < 0 ? 0 : mark.line + 1;
}

Status YamlFields::error(const YAML::Node& at, std::string_view field, std::string_view message) const {
  return parse_error(fmt::format("{}:{}: {}: {}", file_, line_of(at), field, message));
}

Status YamlFields::check_map(const YAML::Node& node, std::string_view path,
                             std::initializer_list<std::string_view> allowed) const {
  if (!node.IsMap()) return error(node, path, "expected a mapping");
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    bool known = false;
    for (std::string_view a : allowed) known = known || a == key;
    if (!known) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      return error(kv.first, field_path(path, key), "unknown field (allowed: " + list + ")");
    }
  }
  return Status();
}

Result<std::string> YamlFields::required(const YAML::Node& map, std::string_view key, std::string_view path) const {
  const YAML::Node node = map[std::string(key)];
  if (!node.IsDefined() || node.IsNull()) return error(map, field_path(path, key), "required field is missing");
  if (!node.IsScalar()) return error(node, field_path(path, key), "expected a single value");
  if (node.Scalar().empty()) return error(node, field_path(path, key), "must not be empty");
  return node.Scalar();
}

Result<std::string> YamlFields::optional(const YAML::Node& map, std::string_view key, std::string_view path) const {
  const YAML::Node node = map[std::string(key)];
  if (!node.IsDefined() || node.IsNull()) return std::string();
  if (!node.IsScalar()) return error(node, field_path(path, key), "expected a single value");
  return node.Scalar();
}

Result<std::vector<std::string>> YamlFields::strings(const YAML::Node& map, std::string_view key,
                                                     std::string_view path) const {
  std::vector<std::string> out;
  const YAML::Node node = map[std::string(key)];
  if (!node.IsDefined() || node.IsNull()) return out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) return error(node, field_path(path, key), "expected a value or a list of values");
  for (size_t i = 0; i < node.size(); ++i) {
    if (!node[i].IsScalar()) return error(node[i], index_path(field_path(path, key), i), "expected a value");
    out.push_back(node[i].Scalar());
  }
  return out;
}

Result<std::optional<int32_t>> YamlFields::date(const YAML::Node& map, std::string_view key,
                                                std::string_view path) const {
  SEKISHO_ASSIGN_OR_RETURN(std::string text, optional(map, key, path));
  if (text.empty()) return std::optional<int32_t>();
  Result<int32_t> day = parse_iso_day(text);
  if (!day.ok()) return error(map[std::string(key)], field_path(path, key), day.status().message());
  return std::optional<int32_t>(*day);
}

Result<std::optional<double>> YamlFields::number(const YAML::Node& map, std::string_view key,
                                                 std::string_view path) const {
  SEKISHO_ASSIGN_OR_RETURN(std::string text, optional(map, key, path));
  if (text.empty()) return std::optional<double>();
  try {
    size_t used = 0;
    double v = std::stod(text, &used);
    if (used == text.size()) return std::optional<double>(v);
  } catch (const std::exception&) {
  }
  return error(map[std::string(key)], field_path(path, key), "'" + text + "' is not a number");
}

Result<std::optional<bool>> YamlFields::boolean(const YAML::Node& map, std::string_view key,
                                                std::string_view path) const {
  SEKISHO_ASSIGN_OR_RETURN(std::string text, optional(map, key, path));
  if (text.empty()) return std::optional<bool>();
  if (text == "true") return std::optional<bool>(true);
  if (text == "false") return std::optional<bool>(false);
  return error(map[std::string(key)], field_path(path, key), "'" + text + "' is not true or false");
}

Result<std::vector<YAML::Node>> YamlFields::sequence(const YAML::Node& map, std::string_view key,
                                                     std::string_view path) const {
  std::vector<YAML::Node> out;
  const YAML::Node node = map[std::string(key)];
  if (!node.IsDefined() || node.IsNull()) return out;
  if (!node.IsSequence()) return error(node, field_path(path, key), "expected a list");
  for (size_t i = 0; i < node.size(); ++i) out.push_back(node[i]);
  return out;
}

}  // namespace sekisho::rules
