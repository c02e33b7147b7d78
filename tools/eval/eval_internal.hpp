// Helpers the metric files share (not part of the eval interface).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "eval/eval.hpp"

namespace sekisho::eval {

// Entity ids by normalised name key (ASCII-folded, lower case, tokens sorted), over every name
// of every entity: how a labelled row's clean name finds the entity it was drawn from.
class NameKeyMap {
 public:
  explicit NameKeyMap(const std::vector<Entity>& entities);
  std::vector<std::string> find(std::string_view name) const;  // entity ids, primary-name matches first
  static std::string key(std::string_view name);

 private:
  std::unordered_map<std::string, std::vector<std::string>> ids_;
};

// A screener over copies of `entities` as one list.
std::shared_ptr<const Screener> single_list_screener(const std::string& list_id, std::vector<Entity> entities);

// "a", "b" → "\"a\", \"b\"".
std::string join_quoted(const std::vector<std::string>& items);

}  // namespace sekisho::eval
