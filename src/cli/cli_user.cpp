#include <unistd.h>

#include <cstdlib>

#include "cli/case_commands.hpp"
#include "cli/cli.hpp"

namespace sekisho::cli {

std::string cli_user(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("SEKISHO_USER"); env && *env) return env;
  // The audit log must name someone: the login name says who ran the command.
  if (const char* login = getlogin(); login && *login) return std::string("cli:") + login;
  if (const char* user = std::getenv("USER"); user && *user) return std::string("cli:") + user;
  return "cli:uid" + std::to_string(getuid());
}

}  // namespace sekisho::cli
