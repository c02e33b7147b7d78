// Loading the screening snapshot for a CLI command: the store's latest
// versions, checked against the --lists the user named.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "sekisho/screen.hpp"

namespace sekisho::cli {

Result<std::shared_ptr<const Screener>> load_screener(const GlobalOptions& global, const std::vector<std::string>& lists);

}  // namespace sekisho::cli
