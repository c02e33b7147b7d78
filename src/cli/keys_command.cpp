// `sekisho keys create|list|revoke`: API keys for `sekisho serve`.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/case_commands.hpp"
#include "cli/cli.hpp"
#include "sekisho/cases.hpp"
#include "sekisho/keys.hpp"

namespace sekisho::cli {

namespace {

struct KeysArgs {
  std::string role;
  std::string name;
  double rate_limit = 0;
  std::string id;
  bool as_json = false;
};

// Key creation and revocation go into the case store's audit log.
Status audit_key_change(const std::filesystem::path& home, const char* action, const KeyRecord& key,
                        const std::string& actor) {
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  nlohmann::json detail = {{"id", key.id}, {"role", role_name(key.role)}, {"name", key.name}};
  return cases->audit(actor, action, key.id, detail.dump());
}

Status run_create(const GlobalOptions& global, const KeysArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(Role role, parse_role(args.role));
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto keys, KeyStore::open(home));
  SEKISHO_ASSIGN_OR_RETURN(CreatedKey created, keys->create(role, args.name, args.rate_limit));
  SEKISHO_RETURN_IF_ERROR(audit_key_change(home, "key.create", created.record, cli_user("")));
  // The secret alone on stdout, so scripts can capture it; the rest to stderr.
  std::cout << created.secret << "\n";
  if (!global.quiet) {
    std::cerr << fmt::format("Created {} key {}{}. It is shown only this once: store it now.\n", role_name(role),
                             created.record.id, args.name.empty() ? "" : " (" + args.name + ")");
  }
  return Status();
}

Status run_list(const GlobalOptions& global, const KeysArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto keys, KeyStore::open(home));
  SEKISHO_ASSIGN_OR_RETURN(std::vector<KeyRecord> rows, keys->list());
  if (args.as_json) {
    nlohmann::json out = nlohmann::json::array();
    for (const KeyRecord& k : rows) {
      out.push_back({{"id", k.id},
                     {"role", role_name(k.role)},
                     {"name", k.name},
                     {"rate_limit", k.rate_limit},
                     {"created_at", k.created_at},
                     {"revoked_at", k.revoked_at}});
    }
    std::cout << out.dump(2) << "\n";
    return Status();
  }
  if (rows.empty()) {
    std::cout << "No API keys. Create one with `sekisho keys create --role admin`.\n";
    return Status();
  }
  std::cout << fmt::format("{:<16}  {:<8}  {:<20}  {:<20}  {:>6}  {}\n", "ID", "ROLE", "CREATED", "REVOKED", "RATE",
                           "NAME");
  for (const KeyRecord& k : rows) {
    std::cout << fmt::format("{:<16}  {:<8}  {:<20}  {:<20}  {:>6}  {}\n", k.id, role_name(k.role), k.created_at,
                             k.revoked_at.empty() ? "-" : k.revoked_at,
                             k.rate_limit > 0 ? fmt::format("{:g}", k.rate_limit) : "-", k.name);
  }
  return Status();
}

Status run_revoke(const GlobalOptions& global, const KeysArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto keys, KeyStore::open(home));
  SEKISHO_RETURN_IF_ERROR(keys->revoke(args.id));
  SEKISHO_ASSIGN_OR_RETURN(std::vector<KeyRecord> all, keys->list());
  for (const KeyRecord& k : all) {
    if (k.id == args.id) SEKISHO_RETURN_IF_ERROR(audit_key_change(home, "key.revoke", k, cli_user("")));
  }
  if (!global.quiet) std::cout << "Revoked key " << args.id << " (a running server notices within seconds).\n";
  return Status();
}

}  // namespace

void add_keys_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<KeysArgs>();
  CLI::App* keys = app.add_subcommand("keys", "API keys for `sekisho serve`");
  keys->require_subcommand(1);

  CLI::App* create = keys->add_subcommand("create", "Create a key and print it (only this once)");
  create->add_option("--role", args->role, "screener, analyst or admin")->required();
  create->add_option("--name", args->name, "A label to recognise the key by");
  create->add_option("--rate-limit", args->rate_limit, "Requests per second for this key (default: the server's)");
  set_command_body(create, [&global, args] { return run_create(global, *args); });

  CLI::App* list = keys->add_subcommand("list", "Show keys (never their secrets)");
  list->add_flag("--json", args->as_json, "Machine-readable output");
  set_command_body(list, [&global, args] { return run_list(global, *args); });

  CLI::App* revoke = keys->add_subcommand("revoke", "Revoke a key by its id");
  revoke->add_option("id", args->id, "Key id (see `sekisho keys list`)")->required();
  set_command_body(revoke, [&global, args] { return run_revoke(global, *args); });
}

}  // namespace sekisho::cli
