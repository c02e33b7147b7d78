// A test double of the screener: exact screening on normalised names (ASCII
// folding only, rules::normalize_party_name). Real, in that it matches the
// listed names and nothing else, and small enough for tests to reason about
// every hit; the product screens with rules::ListScreener.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "sekisho/rules.hpp"

namespace sekisho {
class ListStore;
}

namespace sekisho::rules {

// Screens a party by its normalised name against every name of the entities
// given. Score 1.0. Safe for concurrent screen() calls once filled.
class ExactNameScreener final : public PartyScreener {
 public:
  ExactNameScreener() = default;
  // Adds the entities of one list; hits report `list_id`.
  void add_list(const std::string& list_id, const std::vector<Entity>& entities);
  // Loads the latest version of each list id from the store.
  static Result<std::unique_ptr<ExactNameScreener>> from_store(ListStore& store,
                                                               const std::vector<std::string>& list_ids);
  std::vector<ListHit> screen(const Party& party) const override;
  std::vector<ScreenedList> screened_lists() const override { return lists_; }
  double threshold() const override { return 1.0; }
  size_t name_count() const { return by_name_.size(); }

 private:
  struct Listed {
    std::string list_id, entity_id, name;
  };
  std::unordered_multimap<std::string, Listed> by_name_;
  std::vector<ScreenedList> lists_;
};

}  // namespace sekisho::rules
