// The policy bundle in the audit log: every decision names its bundle by
// hash, and this entry lets an auditor go from a hash to what changed in the
// bundle's files, and when, without keeping the files themselves.
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cases/cases_internal.hpp"
#include "core/hash.hpp"
#include "sekisho/rules.hpp"

namespace sekisho {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMetaKey = "policy_bundle";

nlohmann::json bundle_to_json(const PolicyBundleFiles& bundle) {
  return {{"sha256", bundle.sha256}, {"files", bundle.files}};
}

Result<PolicyBundleFiles> bundle_from_json(const std::string& text) {
  PolicyBundleFiles bundle;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j["sha256"].is_string() || !j["files"].is_object()) {
    return invalid_argument("case_meta policy_bundle: not a recorded bundle (sha256, files)");
  }
  bundle.sha256 = j["sha256"].get<std::string>();
  for (const auto& [name, hash] : j["files"].items()) {
    if (!hash.is_string()) return invalid_argument("case_meta policy_bundle: files." + name + " is not a hash");
    bundle.files[name] = hash.get<std::string>();
  }
  return bundle;
}

}  // namespace

Result<PolicyBundleFiles> read_policy_bundle_files(const fs::path& dir, const rules::PolicyInfo& loaded) {
  // The files the loader took, by the names it reports: a file added to the
  // directory since is not part of the bundle in use.
  std::map<std::string, std::string> texts;
  for (const std::string& name : loaded.files) {
    std::ifstream in(dir / name, std::ios::binary);
    if (!in) return io_error((dir / name).string() + ": cannot read");
    std::ostringstream text;
    text << in.rdbuf();
    texts[name] = text.str();
  }
  // The bundle hash as the policy loader defines it (rules::PolicyInfo::sha256:
  // each file's relative name, size and bytes, in path order). Recomputed so a
  // file edited between the load and this read is caught, not recorded as
  // the bundle that decided.
  PolicyBundleFiles bundle;
  Sha256 whole;
  for (const auto& [name, text] : texts) {
    whole.update(name);
    whole.update("\n");
    whole.update(std::to_string(text.size()));
    whole.update("\n");
    whole.update(text);
    bundle.files[name] = sha256_hex(text);
  }
  bundle.sha256 = whole.hex_digest();
  if (bundle.sha256 != loaded.sha256) {
    return unavailable(dir.string() + ": the policy files changed after the bundle was loaded (loaded " +
                       loaded.sha256 + ", now " + bundle.sha256 + "); load it again");
  }
  return bundle;
}

Result<bool> CaseStore::record_policy_bundle(const PolicyBundleFiles& bundle, const std::string& actor) {
  SqlTransaction tx(db_);
  SEKISHO_RETURN_IF_ERROR(tx.begin());
  SEKISHO_ASSIGN_OR_RETURN(std::string stored, cases::get_meta(db_, kMetaKey));
  PolicyBundleFiles previous;
  if (!stored.empty()) {
    SEKISHO_ASSIGN_OR_RETURN(previous, bundle_from_json(stored));
    if (previous.sha256 == bundle.sha256 && previous.files == bundle.files) return false;
  }
  nlohmann::json added = nlohmann::json::array(), changed = nlohmann::json::array(), removed = nlohmann::json::array();
  for (const auto& [name, hash] : bundle.files) {
    auto before = previous.files.find(name);
    if (before == previous.files.end())
      added.push_back(name);
    else if (before->second != hash)
      changed.push_back(name);
  }
  for (const auto& [name, hash] : previous.files) {
    if (!bundle.files.contains(name)) removed.push_back(name);
  }
  nlohmann::json detail = {{"sha256", bundle.sha256},      {"previous_sha256", previous.sha256},
                           {"files", bundle.files.size()}, {"added", added},
                           {"changed", changed},           {"removed", removed}};
  SEKISHO_RETURN_IF_ERROR(cases::append_audit(db_, actor, "policy.bundle", bundle.sha256, detail.dump()));
  SEKISHO_RETURN_IF_ERROR(cases::put_meta(db_, kMetaKey, bundle_to_json(bundle).dump()));
  SEKISHO_RETURN_IF_ERROR(tx.commit());
  return true;
}

Status audit_policy_bundle(const CaseStoreLocation& cases_at, const fs::path& dir, const rules::PolicyInfo& loaded,
                           const std::string& actor) {
  SEKISHO_ASSIGN_OR_RETURN(PolicyBundleFiles bundle, read_policy_bundle_files(dir, loaded));
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(cases_at));
  return cases->record_policy_bundle(bundle, actor).status();
}

}  // namespace sekisho
