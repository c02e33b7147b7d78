#include <iostream>

#include "cli/cli.hpp"
#include "sekisho/lists.hpp"

namespace sekisho::cli {

void add_formats_command(CLI::App& app, GlobalOptions& global) {
  CLI::App* sub = app.add_subcommand("formats", "List the list formats sekisho can import");
  set_command_body(sub, [] {
    for (const FormatInfo& f : formats()) {
      std::cout << f.name << "\t" << (f.default_list_id.empty() ? "-" : f.default_list_id) << "\t" << f.description
                << "\n";
    }
    return Status();
  });
}

}  // namespace sekisho::cli
