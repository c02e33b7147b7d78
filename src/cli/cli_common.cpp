#include <cstdlib>
#include <iostream>
#include <map>

#include "cli/cli.hpp"
#include "sekisho/cases.hpp"
#include "sekisho/text.hpp"

namespace sekisho::cli {

namespace fs = std::filesystem;

Result<fs::path> resolve_home(const GlobalOptions& global) {
  fs::path home;
  if (!global.home.empty()) {
    home = global.home;
  } else if (const char* env = std::getenv("SEKISHO_HOME"); env && *env) {
    home = env;
  } else if (const char* user_home = std::getenv("HOME"); user_home && *user_home) {
    home = fs::path(user_home) / ".local" / "share" / "sekisho";
  } else {
    return invalid_argument("no data directory: set --home or SEKISHO_HOME");
  }
  std::error_code ec;
  fs::create_directories(home, ec);
  if (ec) return io_error(home.string() + ": cannot create data directory: " + ec.message());
  return home;
}

CaseStoreLocation case_store_at(const fs::path& home) {
  const char* url = std::getenv("SEKISHO_CASE_STORE");
  return CaseStoreLocation(home, url ? url : "", "SEKISHO_CASE_STORE");
}

Result<fs::path> find_policy_dir(const std::string& flag) {
  if (!flag.empty()) return fs::path(flag);
  if (const char* env = std::getenv("SEKISHO_POLICIES"); env && *env) return fs::path(env);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // Build trees sit inside the repository.
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      if (fs::is_directory(dir / "policies", ec)) return dir / "policies";
    }
  }
#ifdef SEKISHO_SOURCE_DIR
  if (fs::is_directory(fs::path(SEKISHO_SOURCE_DIR) / "policies", ec)) return fs::path(SEKISHO_SOURCE_DIR) / "policies";
#endif
  return not_found("no policy directory: use --policies DIR or set SEKISHO_POLICIES");
}

namespace {

// Where the text part reads its tables (transliteration, legal forms, titles):
// $SEKISHO_SHARED_DATA, else the clone's ../shared/data when it is there, else
// none (the built-in tables).
std::string text_shared_data() {
  if (const char* env = std::getenv("SEKISHO_SHARED_DATA"); env && *env) return env;
  std::error_code ec;
  fs::path p = fs::path(SEKISHO_SOURCE_DIR) / ".." / "shared" / "data";
  if (fs::is_directory(p, ec)) return fs::weakly_canonical(p, ec).string();
  return "";
}

std::map<const CLI::App*, CommandBody>& bodies() {
  static std::map<const CLI::App*, CommandBody> kBodies;
  return kBodies;
}
}  // namespace

void set_command_body(CLI::App* sub, CommandBody body) { bodies()[sub] = std::move(body); }

int run_selected(CLI::App& app) {
  (void)text::set_text_resource_paths({.shared_data = text_shared_data()});
  for (CLI::App* sub : app.get_subcommands()) {
    // Nested subcommands (e.g. `keys create`) register on the innermost parsed app.
    CLI::App* chosen = sub;
    while (!chosen->get_subcommands().empty()) chosen = chosen->get_subcommands().front();
    auto it = bodies().find(chosen);
    if (it == bodies().end()) {
      std::cerr << "sekisho: " << chosen->get_name() << ": choose a subcommand (see --help)\n";
      return 64;
    }
    Status st = it->second();
    if (!st.ok() && st.code() != StatusCode::kAlreadyExists) {
      std::cerr << "sekisho: " << st.to_string() << "\n";
    }
    return st.exit_code();
  }
  return 64;
}

}  // namespace sekisho::cli
