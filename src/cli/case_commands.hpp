// The case store's commands (parties, alerts, monitor, audit, recorded transfers) and what the
// list-import commands share with them.
#pragma once

#include <string>

#include "cli/cli.hpp"
#include "sekisho/cases.hpp"

namespace sekisho::cli {

// Who acts on the case store from the command line: `flag`, else
// $SEKISHO_USER, else "cli:<login name>".
std::string cli_user(const std::string& flag);

// One line about a monitoring run, for the commands that start one.
void print_run(const RunRecord& run);

void add_parties_command(CLI::App& app, GlobalOptions& global);
void add_alerts_command(CLI::App& app, GlobalOptions& global);
void add_monitor_command(CLI::App& app, GlobalOptions& global);
void add_audit_command(CLI::App& app, GlobalOptions& global);
// `transfer list|show`: the transfer decisions kept with `transfer check --record`.
void add_transfer_case_commands(CLI::App* transfer, GlobalOptions& global);

}  // namespace sekisho::cli
