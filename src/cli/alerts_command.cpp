// `sekisho alerts list|show|decide|confirm|settings`: reviewing alerts.
// The command line acts with the authority of whoever owns the data
// directory, so its user holds the role given by --role (admin by default);
// four-eyes still needs a second, different --reviewer to confirm.
#include <fmt/format.h>

#include <iostream>

#include "cases/case_json.hpp"
#include "cli/case_commands.hpp"
#include "cli/cli.hpp"
#include "sekisho/cases.hpp"

namespace sekisho::cli {

namespace {

struct AlertsArgs {
  int64_t id = 0;
  std::string state;
  std::string party;
  std::string entity;
  int64_t run = 0;
  std::string reviewer;
  std::string role = "admin";
  std::string reason;
  bool reject = false;
  std::string four_eyes;
  std::string confirm_role;
  bool as_json = false;
};

Result<Reviewer> reviewer_of(const AlertsArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(Role role, parse_role(args.role));
  return Reviewer{cli_user(args.reviewer), role};
}

void print_alert_line(const Alert& a) {
  std::string pending =
      a.pending_state ? fmt::format(" (waiting: {} by {})", alert_state_name(*a.pending_state), a.pending_by) : "";
  std::cout << fmt::format("{:>6}  {:<14}  {:.3f}  {:<16}  {:<28}  {}{}\n", a.id, alert_state_name(a.state), a.score,
                           a.party_id, a.entity_id, a.entity_caption, pending);
}

Status print_alert(CaseStore& cases, const Alert& a, bool as_json) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<AlertEvent> events, cases.alert_events(a.id));
  if (as_json) {
    std::cout << cases::alert_to_json(a, events).dump(2) << "\n";
    return Status();
  }
  std::cout << fmt::format("alert {}: {}\n", a.id, alert_state_name(a.state));
  if (a.pending_state) {
    std::cout << fmt::format("  waiting:  {} proposed by {} ({}): {}\n", alert_state_name(*a.pending_state),
                             a.pending_by, a.pending_at, a.pending_reason);
  }
  std::cout << fmt::format("  party:    {} version {} ('{}')\n", a.party_id, a.party_version, a.query_name);
  std::cout << fmt::format("  entity:   {} {} ({} version {})\n", a.entity_id, a.entity_caption, a.list_id,
                           a.list_version);
  std::cout << fmt::format("  matched:  '{}' score {:.3f} (run {})\n", a.matched_name, a.score, a.run_id);
  std::cout << a.explanation;
  if (!a.explanation.empty() && a.explanation.back() != '\n') std::cout << "\n";
  for (const AlertEvent& e : events) {
    std::cout << fmt::format("  {}  {:<10} {} -> {}  by {}: {}\n", e.at, e.kind,
                             e.from_state.empty() ? "-" : e.from_state, e.to_state, e.reviewer, e.reason);
  }
  return Status();
}

Status run_list(const GlobalOptions& global, const AlertsArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  AlertFilter filter;
  if (!args.state.empty()) {
    SEKISHO_ASSIGN_OR_RETURN(filter.state, parse_alert_state(args.state));
  }
  filter.party_id = args.party;
  filter.entity_id = args.entity;
  filter.run_id = args.run;
  SEKISHO_ASSIGN_OR_RETURN(std::vector<Alert> alerts, cases->alerts(filter));
  if (args.as_json) {
    nlohmann::json out = nlohmann::json::array();
    for (const Alert& a : alerts) out.push_back(cases::alert_to_json(a));
    std::cout << out.dump(2) << "\n";
    return Status();
  }
  std::cout << fmt::format("{:>6}  {:<14}  {:<5}  {:<16}  {:<28}  {}\n", "ID", "STATE", "SCORE", "PARTY", "ENTITY",
                           "LISTED NAME");
  for (const Alert& a : alerts) print_alert_line(a);
  return Status();
}

Status run_show(const GlobalOptions& global, const AlertsArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  SEKISHO_ASSIGN_OR_RETURN(Alert a, cases->alert(args.id));
  return print_alert(*cases, a, args.as_json);
}

Status run_decide(const GlobalOptions& global, const AlertsArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(AlertState to, parse_alert_state(args.state));
  SEKISHO_ASSIGN_OR_RETURN(Reviewer reviewer, reviewer_of(args));
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  SEKISHO_ASSIGN_OR_RETURN(Alert a, cases->decide(args.id, to, reviewer, args.reason));
  return print_alert(*cases, a, args.as_json);
}

Status run_confirm(const GlobalOptions& global, const AlertsArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(Reviewer reviewer, reviewer_of(args));
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  SEKISHO_ASSIGN_OR_RETURN(Alert a, cases->confirm(args.id, reviewer, args.reason, !args.reject));
  return print_alert(*cases, a, args.as_json);
}

Status run_settings(const GlobalOptions& global, const AlertsArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  SEKISHO_ASSIGN_OR_RETURN(ReviewSettings settings, cases->review_settings());
  if (!args.four_eyes.empty() || !args.confirm_role.empty()) {
    if (!args.four_eyes.empty()) {
      if (args.four_eyes != "on" && args.four_eyes != "off") return invalid_argument("--four-eyes takes on or off");
      settings.four_eyes = args.four_eyes == "on";
    }
    if (!args.confirm_role.empty()) {
      SEKISHO_ASSIGN_OR_RETURN(settings.confirm_role, parse_role(args.confirm_role));
    }
    SEKISHO_RETURN_IF_ERROR(cases->set_review_settings(settings, cli_user(args.reviewer)));
  }
  std::cout << fmt::format("four-eyes: {}, confirming role: {}\n", settings.four_eyes ? "on" : "off",
                           role_name(settings.confirm_role));
  return Status();
}

}  // namespace

void add_alerts_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<AlertsArgs>();
  CLI::App* alerts = app.add_subcommand("alerts", "Alerts raised by screening runs, and their decisions");
  alerts->require_subcommand(1);
  auto who = [&args](CLI::App* sub) {
    sub->add_option("--reviewer", args->reviewer, "Who decides (default $SEKISHO_USER, else the login name)");
    sub->add_option("--role", args->role, "The reviewer's role: analyst or admin (default admin)");
  };

  CLI::App* list = alerts->add_subcommand("list", "List alerts");
  list->add_option("--state", args->state, "open, escalated, true_match, false_positive or closed");
  list->add_option("--party", args->party, "Only this party's alerts");
  list->add_option("--entity", args->entity, "Only alerts on this listed entity");
  list->add_option("--run", args->run, "Only alerts raised by this run");
  list->add_flag("--json", args->as_json, "Machine-readable output");
  set_command_body(list, [&global, args] { return run_list(global, *args); });

  CLI::App* show = alerts->add_subcommand("show", "Show an alert, its explanation and its history");
  show->add_option("id", args->id, "Alert id")->required();
  show->add_flag("--json", args->as_json, "Machine-readable output");
  set_command_body(show, [&global, args] { return run_show(global, *args); });

  CLI::App* decide = alerts->add_subcommand("decide", "Escalate or decide an alert");
  decide->add_option("id", args->id, "Alert id")->required();
  decide->add_option("state", args->state, "escalated, true_match, false_positive or closed")->required();
  decide->add_option("--reason", args->reason, "Why (required; kept in the audit log)")->required();
  who(decide);
  decide->add_flag("--json", args->as_json, "Machine-readable output");
  set_command_body(decide, [&global, args] { return run_decide(global, *args); });

  CLI::App* confirm = alerts->add_subcommand("confirm", "Confirm (or --reject) another reviewer's decision");
  confirm->add_option("id", args->id, "Alert id")->required();
  confirm->add_option("--reason", args->reason, "A remark kept with the confirmation");
  confirm->add_flag("--reject", args->reject, "Reject the waiting decision; the alert stays as it was");
  who(confirm);
  confirm->add_flag("--json", args->as_json, "Machine-readable output");
  set_command_body(confirm, [&global, args] { return run_confirm(global, *args); });

  CLI::App* settings = alerts->add_subcommand("settings", "Show or change the review settings (four-eyes)");
  settings->add_option("--four-eyes", args->four_eyes, "on: a decision waits for a second reviewer");
  settings->add_option("--confirm-role", args->confirm_role, "The least role that may confirm (analyst, admin)");
  settings->add_option("--reviewer", args->reviewer, "Who changes the settings");
  set_command_body(settings, [&global, args] { return run_settings(global, *args); });
}

}  // namespace sekisho::cli
