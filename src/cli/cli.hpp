// The sekisho command line: one executable, one subcommand per job.
// Each command lives in its own file and registers itself through an
// add_*_command function called from main.cpp. Commands are thin: parse
// flags, call the core, print, and turn a Status into an exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <string>

#include "sekisho/status.hpp"

namespace sekisho {
struct CaseStoreLocation;
}

namespace sekisho::cli {

struct GlobalOptions {
  std::string home;  // --home; empty = $SEKISHO_HOME or ~/.local/share/sekisho
  bool quiet = false;
};

// The data directory for this run (created when missing).
Result<std::filesystem::path> resolve_home(const GlobalOptions& global);

// The case store of data directory `home`: the database $SEKISHO_CASE_STORE names (a
// postgresql:// URL, for a store a team shares) when it is set, else cases.db in `home`.
CaseStoreLocation case_store_at(const std::filesystem::path& home);

// The policy bundle directory: `flag`, else $SEKISHO_POLICIES, else policies/
// beside or above the executable, else the source tree's; kNotFound if none.
Result<std::filesystem::path> find_policy_dir(const std::string& flag);

// A command's body runs after parsing; its Status becomes the exit code.
// Commands record their body here, main() runs the one that was chosen.
using CommandBody = std::function<Status()>;
void set_command_body(CLI::App* sub, CommandBody body);
// Runs the body registered for the parsed subcommand; prints its error to stderr.
int run_selected(CLI::App& app);

void add_formats_command(CLI::App& app, GlobalOptions& global);
void add_import_command(CLI::App& app, GlobalOptions& global);
void add_lists_command(CLI::App& app, GlobalOptions& global);
void add_diff_command(CLI::App& app, GlobalOptions& global);
void add_update_command(CLI::App& app, GlobalOptions& global);
void add_screen_command(CLI::App& app, GlobalOptions& global);
void add_compare_command(CLI::App& app, GlobalOptions& global);
void add_search_command(CLI::App& app, GlobalOptions& global);
void add_show_command(CLI::App& app, GlobalOptions& global);
void add_transfer_command(CLI::App& app, GlobalOptions& global);
void add_serve_command(CLI::App& app, GlobalOptions& global);
void add_keys_command(CLI::App& app, GlobalOptions& global);
void add_eval_command(CLI::App& app, GlobalOptions& global);

}  // namespace sekisho::cli
