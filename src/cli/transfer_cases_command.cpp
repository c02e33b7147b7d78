// `sekisho transfer list|show`: the transfer decisions kept as cases by
// `transfer check --record` and POST /v1/transfers/check?record=true.
#include <fmt/format.h>

#include <iostream>

#include "cases/case_json.hpp"
#include "cli/case_commands.hpp"
#include "cli/cli.hpp"
#include "sekisho/cases.hpp"

namespace sekisho::cli {

namespace {

struct TransferCaseArgs {
  int64_t id = 0;
  size_t limit = 20;
  bool as_json = false;
};

Status run_list(const GlobalOptions& global, const TransferCaseArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  SEKISHO_ASSIGN_OR_RETURN(std::vector<TransferCase> transfers, cases->transfers(args.limit));
  if (args.as_json) {
    nlohmann::json out = nlohmann::json::array();
    for (const TransferCase& t : transfers) out.push_back(cases::transfer_to_json(t, false));
    std::cout << out.dump(2) << "\n";
    return Status();
  }
  for (const TransferCase& t : transfers) {
    std::string rules;
    for (const auto& r : t.rules) rules += (rules.empty() ? "" : ", ") + r.rule;
    std::cout << fmt::format("{}  {}  {}  {}  as of {}  by {}  rules: {}\n", t.id, t.recorded_at, t.decision,
                             t.request_id.empty() ? "-" : t.request_id, t.as_of, t.actor, rules.empty() ? "-" : rules);
  }
  return Status();
}

Status run_show(const GlobalOptions& global, const TransferCaseArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  SEKISHO_ASSIGN_OR_RETURN(TransferCase t, cases->transfer(args.id));
  std::cout << cases::transfer_to_json(t, true).dump(2) << "\n";
  return Status();
}

}  // namespace

void add_transfer_case_commands(CLI::App* transfer, GlobalOptions& global) {
  auto args = std::make_shared<TransferCaseArgs>();
  CLI::App* list = transfer->add_subcommand("list", "List recorded transfer decisions, newest first");
  list->add_option("--limit", args->limit, "At most this many (default 20; 0 = all)");
  list->add_flag("--json", args->as_json, "Machine-readable output");
  set_command_body(list, [&global, args] { return run_list(global, *args); });

  CLI::App* show =
      transfer->add_subcommand("show", "Show one recorded decision as JSON: request, answer, rules, lists");
  show->add_option("id", args->id, "Transfer case id")->required();
  set_command_body(show, [&global, args] { return run_show(global, *args); });
}

}  // namespace sekisho::cli
