#include <iostream>

#include "cli/case_commands.hpp"
#include "cli/cli.hpp"
#include "cli/report.hpp"
#include "sekisho/cases.hpp"
#include "sekisho/update.hpp"

namespace sekisho::cli {

namespace {

struct UpdateArgs {
  std::vector<std::string> lists;
  std::string from;
  std::string sources;
  long timeout = 120;
  std::string user;
  bool no_monitor = false;
  bool allow_shrink = false;
};

Status run_update_command(const GlobalOptions& global, const UpdateArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  std::vector<SourceSpec> sources = default_sources();
  if (!args.sources.empty()) {
    SEKISHO_ASSIGN_OR_RETURN(sources, load_sources(args.sources));
  }
  if (!args.from.empty() && !std::filesystem::is_directory(args.from)) {
    return not_found(args.from + ": mirror directory does not exist");
  }
  SEKISHO_ASSIGN_OR_RETURN(auto store, ListStore::open(home));
  UpdateOptions options;
  options.lists = args.lists;
  options.from_dir = args.from;
  options.timeout_seconds = args.timeout;
  options.allow_shrink = args.allow_shrink;
  auto outcomes = run_update(*store, sources, options);
  Status first_failure;
  int failed = 0;
  for (const UpdateOutcome& o : outcomes) {
    if (o.status.ok()) {
      std::cout << describe_import(*o.report) << "\n";
      auto run = after_list_import(home, *store, *o.report, cli_user(args.user), !args.no_monitor);
      if (!run.ok()) {
        ++failed;
        std::cerr << o.list_id << ": imported, but monitoring the parties FAILED: " << run.status().to_string() << "\n";
        if (first_failure.ok()) first_failure = run.status();
      } else if (*run) {
        print_run(**run);
      }
    } else if (o.skipped) {
      std::cout << o.list_id << ": skipped: " << o.status.message() << "\n";
    } else {
      ++failed;
      std::cerr << o.list_id << ": FAILED: " << o.status.to_string() << "\n";
      if (first_failure.ok()) first_failure = o.status;
    }
  }
  if (failed == 0) return Status();
  return Status(first_failure.code(), std::to_string(failed) + " of " + std::to_string(outcomes.size()) +
                                          " lists not updated; the others were; stored versions of failed lists are unchanged");
}

}  // namespace

void add_update_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<UpdateArgs>();
  CLI::App* sub = app.add_subcommand("update", "Fetch the current official lists and import new versions");
  sub->add_option("--lists", args->lists, "Only these list ids (comma-separated)")->delimiter(',');
  sub->add_option("--from", args->from, "Read from this local mirror directory instead of the publishers");
  sub->add_option("--sources", args->sources, "Source catalogue JSON replacing the built-in one");
  sub->add_option("--timeout", args->timeout, "Seconds allowed per download");
  sub->add_option("--user", args->user, "Who updates, for the audit log (default $SEKISHO_USER, else the login name)");
  sub->add_flag("--no-monitor", args->no_monitor, "Do not re-screen the party registry against new versions");
  sub->add_flag("--allow-shrink", args->allow_shrink,
                "Store new versions even when one holds no entity or over 20% fewer than the last one");
  set_command_body(sub, [&global, args] { return run_update_command(global, *args); });
}

}  // namespace sekisho::cli
