// `sekisho monitor run|runs|show`: screening what changed since the last run.
#include <fmt/format.h>

#include <iostream>

#include "cases/case_json.hpp"
#include "cli/case_commands.hpp"
#include "cli/cli.hpp"
#include "sekisho/cases.hpp"

namespace sekisho::cli {

namespace {

struct MonitorArgs {
  double threshold = 0;
  std::string user;
  int64_t id = 0;
  size_t limit = 20;
  bool full = false;
  bool as_json = false;
};

Status run_monitor(const GlobalOptions& global, const MonitorArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  SEKISHO_ASSIGN_OR_RETURN(auto lists, ListStore::open(home));
  MonitorOptions options;
  options.threshold = args.threshold;
  options.full = args.full;
  SEKISHO_ASSIGN_OR_RETURN(RunRecord run, cases->monitor(*lists, options, cli_user(args.user)));
  if (args.as_json) {
    std::cout << cases::run_to_json(run).dump(2) << "\n";
  } else {
    print_run(run);
  }
  return Status();
}

Status run_runs(const GlobalOptions& global, const MonitorArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  SEKISHO_ASSIGN_OR_RETURN(std::vector<RunRecord> runs, cases->runs(args.limit));
  if (args.as_json) {
    nlohmann::json out = nlohmann::json::array();
    for (const RunRecord& r : runs) out.push_back(cases::run_to_json(r));
    std::cout << out.dump(2) << "\n";
    return Status();
  }
  for (const RunRecord& r : runs) {
    std::cout << fmt::format("{}  by {}  ", r.finished_at, r.actor);
    print_run(r);
  }
  return Status();
}

Status run_show(const GlobalOptions& global, const MonitorArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  SEKISHO_ASSIGN_OR_RETURN(RunRecord run, cases->run(args.id));
  std::cout << cases::run_to_json(run).dump(2) << "\n";
  return Status();
}

}  // namespace

void print_run(const RunRecord& run) {
  std::cout << fmt::format(
      "run {}: {} parties screened against every list, {} against {} changed entities; "
      "{} alerts raised, {} suppressed (good-guy list), {} already known, {} closed\n",
      run.id, run.parties_screened_full, run.parties_screened_delta, run.entities_screened_delta, run.alerts_raised,
      run.alerts_suppressed, run.alerts_known, run.alerts_closed);
}

void add_monitor_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<MonitorArgs>();
  CLI::App* monitor = app.add_subcommand("monitor", "Re-screen the party registry against what changed");
  monitor->require_subcommand(1);

  CLI::App* run = monitor->add_subcommand("run", "Screen new and changed parties and list changes now");
  run->add_option("--threshold", args->threshold,
                  "Score at or above which a hit is an alert (default: the screener's)");
  run->add_flag("--full", args->full, "Screen every party against every list, not only what changed");
  run->add_option("--user", args->user, "Who runs it (default $SEKISHO_USER, else the login name)");
  run->add_flag("--json", args->as_json, "Machine-readable output");
  set_command_body(run, [&global, args] { return run_monitor(global, *args); });

  CLI::App* runs = monitor->add_subcommand("runs", "List past runs, newest first");
  runs->add_option("--limit", args->limit, "At most this many (default 20; 0 = all)");
  runs->add_flag("--json", args->as_json, "Machine-readable output");
  set_command_body(runs, [&global, args] { return run_runs(global, *args); });

  CLI::App* show = monitor->add_subcommand("show", "Show one run as JSON");
  show->add_option("id", args->id, "Run id")->required();
  set_command_body(show, [&global, args] { return run_show(global, *args); });
}

}  // namespace sekisho::cli
