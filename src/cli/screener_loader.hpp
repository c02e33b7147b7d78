// Loading the screening snapshot for a CLI command: the store's latest
// versions, checked against the --lists the user named, with the age of each
// list screened (and of each catalogue list the store lacks).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "sekisho/screen.hpp"
#include "sekisho/update.hpp"

namespace sekisho::cli {

struct LoadedScreener {
  std::shared_ptr<const Screener> screener;
  // The lists screened; without --lists also every catalogue list not stored (kMissing).
  std::vector<ListAge> ages;
};

Result<LoadedScreener> load_screener(const GlobalOptions& global, const std::vector<std::string>& lists);

}  // namespace sekisho::cli
