// PENDING: import / lists / diff / update commands.
#include "cli/cli.hpp"
namespace sekisho::cli {
void add_import_command(CLI::App&, GlobalOptions&) {}
void add_lists_command(CLI::App&, GlobalOptions&) {}
void add_diff_command(CLI::App&, GlobalOptions&) {}
void add_update_command(CLI::App&, GlobalOptions&) {}
}  // namespace sekisho::cli
