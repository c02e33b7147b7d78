#include "cli/case_commands.hpp"
#include "cli/cli.hpp"

int main(int argc, char** argv) {
  using namespace sekisho::cli;
  CLI::App app{"sekisho — sanctions screening and transfer decisions"};
  app.set_version_flag("--version", std::string("sekisho ") + SEKISHO_VERSION);
  app.require_subcommand(1);
  GlobalOptions global;
  app.add_option("--home", global.home, "Data directory (default $SEKISHO_HOME or ~/.local/share/sekisho)");
  app.add_flag("-q,--quiet", global.quiet, "Print only results and errors");
  // `sekisho serve --home DIR` as well as `sekisho --home DIR serve`: an
  // option a subcommand does not know is tried on the top level.
  app.fallthrough();

  add_formats_command(app, global);
  add_import_command(app, global);
  add_lists_command(app, global);
  add_diff_command(app, global);
  add_update_command(app, global);
  add_screen_command(app, global);
  add_compare_command(app, global);
  add_search_command(app, global);
  add_show_command(app, global);
  add_transfer_command(app, global);
  add_serve_command(app, global);
  add_keys_command(app, global);
  add_eval_command(app, global);
  add_parties_command(app, global);
  add_alerts_command(app, global);
  add_monitor_command(app, global);
  add_audit_command(app, global);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    // CLI11 exits 0 for --help/--version and 106+ for usage errors; usage errors map to EX_USAGE.
    return rc == 0 ? 0 : 64;
  }
  return run_selected(app);
}
