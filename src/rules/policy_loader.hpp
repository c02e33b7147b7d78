// Internal steps of loading a policy bundle; see policy_load.cpp for the order.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "rules/policy_model.hpp"
#include "rules/yaml_fields.hpp"

namespace sekisho::rules {

struct PolicyFile {
  YamlFields fields;
  YAML::Node root;
};

// Tables that rules refer to (policy_load_tables.cpp).
Status load_vocabulary(const PolicyFile& f, Policy::Impl& p);
Status load_groups(const PolicyFile& f, Policy::Impl& p);
Status load_charts(const PolicyFile& f, Policy::Impl& p);
Status load_party_lists(const PolicyFile& f, Policy::Impl& p);
Status load_control_lists(const PolicyFile& f, Policy::Impl& p);
Status load_designations(const PolicyFile& f, Policy::Impl& p);

// Jurisdictions, claims and rules (policy_load_rules.cpp).
Status load_jurisdiction_ids(const PolicyFile& f, Policy::Impl& p);
Status load_jurisdiction_bodies(const PolicyFile& f, Policy::Impl& p);
Status load_rules(const PolicyFile& f, Policy::Impl& p);
Status resolve_authorizations(Policy::Impl& p);

// Shared by both: a country code or group id.
Result<CountryRef> resolve_country_ref(const PolicyFile& f, const Policy::Impl& p, const YAML::Node& at,
                                       const std::string& path, const std::string& token);
Result<std::vector<CountryRef>> country_refs(const PolicyFile& f, const Policy::Impl& p, const YAML::Node& map,
                                             std::string_view key, const std::string& path);
// Item tags named in a policy must be declared by some control-list entry.
Result<TagSet> tag_set(const PolicyFile& f, const Policy::Impl& p, const YAML::Node& map, std::string_view key,
                       const std::string& path);
Result<FlagSet> flag_set(const PolicyFile& f, const Policy::Impl& p, const YAML::Node& map, std::string_view key,
                         const std::string& path);

}  // namespace sekisho::rules
