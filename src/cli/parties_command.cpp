// `sekisho parties import|list|show`: the customer's party registry.
#include <fmt/format.h>

#include <iostream>

#include "cases/case_json.hpp"
#include "cli/case_commands.hpp"
#include "cli/cli.hpp"
#include "sekisho/cases.hpp"

namespace sekisho::cli {

namespace {

struct PartiesArgs {
  std::string path;
  bool partial = false;
  bool no_screen = false;
  std::string user;
  std::string id;
  bool all = false;
  bool as_json = false;
};

Status run_import(const GlobalOptions& global, const PartiesArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  // Read the whole file first: a bad row never reaches the registry.
  SEKISHO_ASSIGN_OR_RETURN(std::vector<Party> parties, read_party_file(args.path));
  const std::string user = cli_user(args.user);
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  PartyImportOptions options;
  options.replace_all = !args.partial;
  SEKISHO_ASSIGN_OR_RETURN(PartyImportReport report, cases->import_parties(parties, options, user));
  std::cout << fmt::format("{} parties: {} added, {} changed, {} unchanged, {} removed ({} alerts closed)\n",
                           parties.size(), report.added, report.changed, report.unchanged, report.removed,
                           report.alerts_closed);
  if (args.no_screen) {
    if (!global.quiet) std::cerr << "Not screened (--no-screen): run `sekisho monitor run`.\n";
    return Status();
  }
  SEKISHO_ASSIGN_OR_RETURN(auto lists, ListStore::open(home));
  auto run = cases->monitor(*lists, {}, user);
  if (!run.ok()) return run.status().with_context("parties imported but NOT screened");
  print_run(*run);
  return Status();
}

Status run_list(const GlobalOptions& global, const PartiesArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  SEKISHO_ASSIGN_OR_RETURN(std::vector<StoredParty> parties, cases->parties(args.all));
  if (args.as_json) {
    nlohmann::json out = nlohmann::json::array();
    for (const StoredParty& p : parties) out.push_back(cases::party_to_json(p));
    std::cout << out.dump(2) << "\n";
    return Status();
  }
  std::cout << fmt::format("{:<20}  {:>3}  {:<12}  {:<10}  {:>6}  {}\n", "ID", "VER", "SCHEMA", "SCREENED", "ALERTS",
                           "NAME");
  for (const StoredParty& p : parties) {
    // Unscreened stays visible: a party not yet screened is never shown as clean.
    std::string status = !p.removed_at.empty() ? "removed" : p.screened ? "yes" : "NOT YET";
    std::cout << fmt::format("{:<20}  {:>3}  {:<12}  {:<10}  {:>6}  {}\n", p.party.id, p.version, p.party.schema,
                             status, p.active_alerts, p.party.names.front());
  }
  return Status();
}

Status run_show(const GlobalOptions& global, const PartiesArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  SEKISHO_ASSIGN_OR_RETURN(StoredParty party, cases->party(args.id));
  AlertFilter filter;
  filter.party_id = args.id;
  SEKISHO_ASSIGN_OR_RETURN(std::vector<Alert> alerts, cases->alerts(filter));
  nlohmann::json out = cases::party_to_json(party);
  out["alerts"] = nlohmann::json::array();
  for (const Alert& a : alerts) out["alerts"].push_back(cases::alert_to_json(a));
  if (args.as_json) {
    std::cout << out.dump(2) << "\n";
    return Status();
  }
  const Party& p = party.party;
  std::cout << fmt::format("{} ({}), version {}{}\n", p.id, p.schema, party.version,
                           party.removed_at.empty() ? "" : ", removed " + party.removed_at);
  for (const std::string& n : p.names) std::cout << "  name:        " << n << "\n";
  if (!p.birth_date.empty()) std::cout << "  birth date:  " << p.birth_date << "\n";
  for (const std::string& c : p.countries) std::cout << "  country:     " << c << "\n";
  for (const std::string& i : p.identifiers) std::cout << "  identifier:  " << i << "\n";
  for (const std::string& t : p.tags) std::cout << "  tag:         " << t << "\n";
  std::cout << "  screened:    " << (party.screened ? "yes" : "NOT YET") << "\n";
  for (const Alert& a : alerts) {
    std::cout << fmt::format("  alert {:>5}  {:<14}  {:.3f}  {}  {}\n", a.id, alert_state_name(a.state), a.score,
                             a.entity_id, a.entity_caption);
  }
  return Status();
}

}  // namespace

void add_parties_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<PartiesArgs>();
  CLI::App* parties = app.add_subcommand("parties", "The registry of your own parties (customers, counterparties)");
  parties->require_subcommand(1);

  CLI::App* import = parties->add_subcommand("import", "Import parties from .csv or .jsonl and screen what changed");
  import->add_option("path", args->path, "Party file (.csv, .jsonl)")->required();
  import->add_flag("--partial", args->partial, "Add and update only; keep parties missing from the file");
  import->add_flag("--no-screen", args->no_screen, "Do not run monitoring after the import");
  import->add_option("--user", args->user, "Who imports (default $SEKISHO_USER, else the login name)");
  set_command_body(import, [&global, args] { return run_import(global, *args); });

  CLI::App* list = parties->add_subcommand("list", "Show the registry");
  list->add_flag("--all", args->all, "Include removed parties");
  list->add_flag("--json", args->as_json, "Machine-readable output");
  set_command_body(list, [&global, args] { return run_list(global, *args); });

  CLI::App* show = parties->add_subcommand("show", "Show one party and its alerts");
  show->add_option("id", args->id, "Party id")->required();
  show->add_flag("--json", args->as_json, "Machine-readable output");
  set_command_body(show, [&global, args] { return run_show(global, *args); });
}

}  // namespace sekisho::cli
