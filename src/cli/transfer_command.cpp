// `sekisho transfer check FILE.json`: decides a transfer chain against the
// policy bundle and prints the cited trace (or JSON with --json). Exit 0 when
// a decision was made, whatever it is; non-zero for invalid input.
// Every party is screened against the lists of the store (--home /
// $SEKISHO_HOME) unless --no-screen; an empty store screens nothing, and the
// rules that needed a list then report a DATA_GAP rather than a clear result.
// With --record the decision is also kept as a transfer case in the case
// store and audited (`transfer list|show`: transfer_cases_command.cpp).
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/case_commands.hpp"
#include "cli/cli.hpp"
#include "sekisho/cases.hpp"
#include "sekisho/rules.hpp"
#include "sekisho/store.hpp"

namespace sekisho::cli {

namespace fs = std::filesystem;

namespace {

struct TransferOptions {
  std::string file;
  std::string policies;
  bool json = false;
  bool no_screen = false;
  bool record = false;
  std::string user;
  double threshold = -1;  // < 0: the matcher's default
  std::vector<std::string> lists;
};

Status run_check(const GlobalOptions& global, const TransferOptions& opt) {
  SEKISHO_ASSIGN_OR_RETURN(fs::path dir, find_policy_dir(opt.policies));
  SEKISHO_ASSIGN_OR_RETURN(std::unique_ptr<rules::Policy> policy, rules::load_policy_dir(dir));
  // Read here rather than by parse_transfer_request_file: a recorded case keeps the bytes decided.
  std::ifstream in(opt.file, std::ios::binary);
  if (!in) return not_found(opt.file + ": cannot open transfer request");
  std::ostringstream request_text;
  request_text << in.rdbuf();
  SEKISHO_ASSIGN_OR_RETURN(rules::TransferRequest request,
                           rules::parse_transfer_request_json(request_text.str(), opt.file));
  std::unique_ptr<rules::ListScreener> screener;
  fs::path home;
  if (!opt.no_screen || opt.record) {
    SEKISHO_ASSIGN_OR_RETURN(home, resolve_home(global));
  }
  if (!opt.no_screen) {
    SEKISHO_ASSIGN_OR_RETURN(auto store, ListStore::open(home));
    SEKISHO_ASSIGN_OR_RETURN(screener,
                             rules::ListScreener::from_store(
                                 *store, opt.lists,
                                 {.threshold = opt.threshold >= 0 ? std::optional<double>(opt.threshold) : std::nullopt,
                                  .as_of = request.as_of}));
  }
  SEKISHO_ASSIGN_OR_RETURN(rules::Decision decision, policy->decide(request, screener.get()));
  std::optional<TransferCase> recorded;
  if (opt.record) {
    // Recorded before anything is printed: a decision that could not be kept
    // fails the command instead of looking recorded.
    const std::string user = cli_user(opt.user);
    SEKISHO_RETURN_IF_ERROR(audit_policy_bundle(case_store_at(home), dir, policy->info(), user));
    SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
    SEKISHO_ASSIGN_OR_RETURN(recorded,
                             cases->record_transfer(transfer_case_of(decision, request, request_text.str(),
                                                                     rules::decision_to_json(decision, request, false)),
                                                    user));
  }
  if (opt.json) {
    if (recorded) {
      nlohmann::ordered_json out = nlohmann::ordered_json::parse(rules::decision_to_json(decision, request, false));
      out["record"] = {{"id", recorded->id}, {"recorded_at", recorded->recorded_at}};
      std::cout << out.dump(2) << "\n";
    } else {
      std::cout << rules::decision_to_json(decision, request) + "\n";
    }
  } else {
    if (screener) std::cout << fmt::format("List store: {}\n", home.string());
    std::cout << rules::format_decision_text(decision, request);
    if (recorded) {
      std::cout << fmt::format("Recorded as transfer case {} by {} (sekisho transfer show {})\n", recorded->id,
                               recorded->actor, recorded->id);
    }
  }
  return Status();
}

}  // namespace

void add_transfer_command(CLI::App& app, GlobalOptions& global) {
  CLI::App* transfer = app.add_subcommand("transfer", "Export-control transfer decisions");
  transfer->require_subcommand(1);
  auto opt = std::make_shared<TransferOptions>();
  CLI::App* check = transfer->add_subcommand("check", "Decide a transfer chain (docs/transfer-request.md)");
  check->add_option("FILE", opt->file, "Transfer request JSON (or a golden file with a \"request\" object)")
      ->required();
  check->add_option("--policies", opt->policies,
                    "Policy directory (default $SEKISHO_POLICIES or the repository's policies/)");
  check->add_flag("--json", opt->json, "Print the decision as JSON");
  check->add_flag("--no-screen", opt->no_screen, "Do not screen parties; list hits only as stated in the request");
  check->add_option("--threshold", opt->threshold, "Screening score threshold (default: the matcher's default)")
      ->check(CLI::Range(0.0, 1.0));
  check->add_option("--lists", opt->lists, "Screen only these store lists (comma-separated; default all)")
      ->delimiter(',');
  check->add_flag("--record", opt->record,
                  "Keep the decision as a transfer case in the case store ($SEKISHO_HOME), with an audit entry");
  check->add_option("--user", opt->user, "Who records it (default $SEKISHO_USER, else cli:<login>)");
  set_command_body(check, [&global, opt] { return run_check(global, *opt); });
  add_transfer_case_commands(transfer, global);
}

}  // namespace sekisho::cli
