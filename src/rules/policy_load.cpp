// Loads a policy bundle: reads the files, hashes them, and runs the load
// passes in dependency order (tables before what refers to them), so every
// reference is checked once and names the file and line it came from.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/hash.hpp"
#include "rules/policy_loader.hpp"

namespace sekisho::rules {

namespace fs = std::filesystem;

Policy::Policy(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Policy::~Policy() = default;
const PolicyInfo& Policy::info() const { return impl_->info; }

namespace {

constexpr std::string_view kSchema = "sekisho.policy/1";

Result<PolicyFile> parse_file(const std::string& name, const std::string& text) {
  PolicyFile f{YamlFields(name), YAML::Node()};
  try {
    f.root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return parse_error(fmt::format("{}:{}: YAML syntax: {}", name, e.mark.line + 1, e.msg));
  }
  if (!f.root.IsMap()) return f.fields.error(f.root, "(file)", "a policy file is a mapping of sections");
  SEKISHO_RETURN_IF_ERROR(
      f.fields.check_map(f.root, "",
                         {"schema", "description", "vocabulary", "jurisdictions", "country_groups", "country_charts",
                          "party_lists", "control_lists", "designations", "rules"}));
  SEKISHO_ASSIGN_OR_RETURN(std::string schema, f.fields.required(f.root, "schema", ""));
  if (schema != kSchema) {
    return f.fields.error(f.root["schema"], "schema",
                          "'" + schema + "' is not supported (expected " + std::string(kSchema) + ")");
  }
  return f;
}

}  // namespace

Result<std::unique_ptr<Policy>> load_policy_bundle(const std::map<std::string, std::string>& files,
                                                   const std::string& display_prefix) {
  auto impl = std::make_unique<Policy::Impl>();
  std::vector<PolicyFile> parsed;
  Sha256 bundle_hash;
  for (const auto& [name, text] : files) {  // std::map: path order, so the hash is stable
    bundle_hash.update(name);
    bundle_hash.update(std::string_view("\n", 1));
    bundle_hash.update(std::to_string(text.size()));
    bundle_hash.update(std::string_view("\n", 1));
    bundle_hash.update(text);
    SEKISHO_ASSIGN_OR_RETURN(PolicyFile f, parse_file(display_prefix + name, text));
    parsed.push_back(std::move(f));
    impl->info.files.push_back(name);
  }
  if (parsed.empty()) return invalid_argument("policy bundle has no .yaml files");
  impl->info.sha256 = bundle_hash.hex_digest();

  using Pass = Status (*)(const PolicyFile&, Policy::Impl&);
  // Order matters: each pass may refer only to what earlier passes defined.
  for (Pass pass : {&load_vocabulary, &load_groups, &load_charts, &load_party_lists, &load_jurisdiction_ids,
                    &load_control_lists, &load_designations, &load_jurisdiction_bodies, &load_rules}) {
    for (const PolicyFile& f : parsed) SEKISHO_RETURN_IF_ERROR(pass(f, *impl));
  }
  SEKISHO_RETURN_IF_ERROR(resolve_authorizations(*impl));

  impl->info.rule_count = impl->rules.size();
  impl->info.group_count = impl->groups.size();
  impl->info.designation_count = impl->designations.size();
  for (const ControlList& l : impl->control_lists) impl->info.list_entry_count += l.entries.size();
  return std::make_unique<Policy>(std::move(impl));
}

Result<std::unique_ptr<Policy>> load_policy_files(const std::map<std::string, std::string>& files) {
  return load_policy_bundle(files, "");
}

Result<std::unique_ptr<Policy>> load_policy_dir(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return not_found(dir.string() + ": policy directory not found");
  std::map<std::string, std::string> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".yaml") continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) return io_error(it->path().string() + ": cannot read");
    std::ostringstream text;
    text << in.rdbuf();
    // The hash covers relative names only, so it does not depend on where the bundle sits.
    files[fs::relative(it->path(), dir).generic_string()] = text.str();
  }
  if (ec) return io_error(dir.string() + ": " + ec.message());
  std::string prefix = dir.generic_string();
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  return load_policy_bundle(files, prefix);
}

}  // namespace sekisho::rules
