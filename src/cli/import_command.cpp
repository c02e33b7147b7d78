#include <iostream>

#include "cli/case_commands.hpp"
#include "cli/cli.hpp"
#include "cli/report.hpp"
#include "sekisho/cases.hpp"
#include "sekisho/lists.hpp"
#include "sekisho/store.hpp"

namespace sekisho::cli {

namespace {

struct ImportArgs {
  std::string format;
  std::vector<std::string> paths;
  std::string list_id;
  std::string mapping;
  std::string user;
  bool no_monitor = false;
  bool allow_shrink = false;
};

Status run_import(const GlobalOptions& global, const ImportArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  ImportRequest request;
  request.format = args.format;
  request.files.assign(args.paths.begin(), args.paths.end());
  request.list_id = args.list_id;
  request.mapping_path = args.mapping;
  request.allow_shrink = args.allow_shrink;
  std::unique_ptr<ListStore> store;
  // The store opens only once the files parsed: a bad file never touches it.
  SEKISHO_ASSIGN_OR_RETURN(ImportReport report, import_files(open_store_in(home, store), request));
  std::cout << describe_import(report) << "\n";
  print_import_warnings(report);
  // The list is stored whatever follows; a failed run is reported, never hidden.
  auto run = after_list_import(case_store_at(home), *store, report, cli_user(args.user), !args.no_monitor);
  if (!run.ok()) return run.status().with_context("list imported, but monitoring the parties failed");
  if (*run) print_run(**run);
  return Status();
}

}  // namespace

void add_import_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* sub = app.add_subcommand("import", "Import list files as a new version of a list");
  sub->add_option("format", args->format, "Format name (see `sekisho formats`)")->required();
  sub->add_option("paths", args->paths, "Files, or one directory holding them")->required();
  sub->add_option("--list", args->list_id, "List id (default: the format's own)");
  sub->add_option("--mapping", args->mapping, "Mapping file for the generic csv format");
  sub->add_option("--user", args->user, "Who imports, for the audit log (default $SEKISHO_USER, else the login name)");
  sub->add_flag("--no-monitor", args->no_monitor, "Do not re-screen the party registry against the new version");
  sub->add_flag("--allow-shrink", args->allow_shrink,
                "Store the new version even when it holds no entity or over 20% fewer than the last one");
  set_command_body(sub, [&global, args] { return run_import(global, *args); });
}

}  // namespace sekisho::cli
