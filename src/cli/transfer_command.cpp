// `sekisho transfer check FILE.json`: decides a transfer chain against the
// policy bundle and prints the cited trace (or JSON with --json). Exit 0 when
// a decision was made, whatever it is; non-zero for invalid input.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/cli.hpp"
#include "sekisho/rules.hpp"

namespace sekisho::cli {

namespace fs = std::filesystem;

namespace {

struct TransferOptions {
  std::string file;
  std::string policies;
  bool json = false;
};

// --policies, else $SEKISHO_POLICIES, else policies/ beside or above the
// executable (build trees sit inside the repository), else the source tree.
Result<fs::path> resolve_policies(const std::string& flag) {
  if (!flag.empty()) return fs::path(flag);
  if (const char* env = std::getenv("SEKISHO_POLICIES"); env && *env) return fs::path(env);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      if (fs::is_directory(dir / "policies", ec)) return dir / "policies";
    }
  }
#ifdef SEKISHO_SOURCE_DIR
  if (fs::is_directory(fs::path(SEKISHO_SOURCE_DIR) / "policies", ec)) return fs::path(SEKISHO_SOURCE_DIR) / "policies";
#endif
  return not_found("no policy directory: use --policies DIR or set SEKISHO_POLICIES");
}

Status run_check(const TransferOptions& opt) {
  SEKISHO_ASSIGN_OR_RETURN(fs::path dir, resolve_policies(opt.policies));
  SEKISHO_ASSIGN_OR_RETURN(std::unique_ptr<rules::Policy> policy, rules::load_policy_dir(dir));
  SEKISHO_ASSIGN_OR_RETURN(rules::TransferRequest request, rules::parse_transfer_request_file(opt.file));
  SEKISHO_ASSIGN_OR_RETURN(rules::Decision decision, policy->decide(request));
  std::cout << (opt.json ? rules::decision_to_json(decision, request) + "\n"
                         : rules::format_decision_text(decision, request));
  return Status();
}

}  // namespace

void add_transfer_command(CLI::App& app, GlobalOptions& global) {
  CLI::App* transfer = app.add_subcommand("transfer", "Export-control transfer decisions");
  transfer->require_subcommand(1);
  auto opt = std::make_shared<TransferOptions>();
  CLI::App* check = transfer->add_subcommand("check", "Decide a transfer chain (docs/transfer-request.md)");
  check->add_option("FILE", opt->file, "Transfer request JSON (or a golden file with a \"request\" object)")->required();
  check->add_option("--policies", opt->policies, "Policy directory (default $SEKISHO_POLICIES or the repository's policies/)");
  check->add_flag("--json", opt->json, "Print the decision as JSON");
  set_command_body(check, [opt] { return run_check(*opt); });
  (void)global;
}

}  // namespace sekisho::cli
