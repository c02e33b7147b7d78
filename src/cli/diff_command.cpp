#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "core/strings.hpp"
#include "sekisho/store.hpp"
#include "wire/list_json.hpp"

namespace sekisho::cli {

namespace {

struct DiffArgs {
  std::string list_id;
  int from = 0;
  int to = 0;
  bool as_json = false;
  int limit = 50;
};

void print_section(const char* title, char mark, const std::vector<EntityChange>& changes, int limit) {
  std::cout << fmt::format("{} ({}):\n", title, changes.size());
  int shown = 0;
  for (const EntityChange& c : changes) {
    if (limit >= 0 && shown++ >= limit) {
      std::cout << fmt::format("  … {} more (use --limit -1 to show all)\n", changes.size() - limit);
      break;
    }
    std::cout << fmt::format("  {} {:<28} {:<12} {}", mark, c.entity_id, c.schema, c.caption);
    if (!c.fields.empty()) std::cout << "  [" << join(c.fields, ", ") << "]";
    std::cout << "\n";
  }
}

Status run_diff(const GlobalOptions& global, const DiffArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto store, ListStore::open(home));
  SEKISHO_ASSIGN_OR_RETURN(ListDiff d, store->diff(args.list_id, args.from, args.to));
  if (args.as_json) {
    nlohmann::json out = wire::list_diff_json(d);
    std::cout << out.dump(2) << "\n";
    return Status();
  }
  std::cout << fmt::format("{}: version {} → {}: {} added, {} removed, {} changed\n", d.list_id, d.from, d.to,
                           d.added.size(), d.removed.size(), d.changed.size());
  print_section("Added", '+', d.added, args.limit);
  print_section("Removed", '-', d.removed, args.limit);
  print_section("Changed", '~', d.changed, args.limit);
  return Status();
}

}  // namespace

void add_diff_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* sub = app.add_subcommand("diff", "Entities added, removed and changed between two versions of a list");
  sub->add_option("list", args->list_id, "List id")->required();
  sub->add_option("from", args->from, "Older version (default: the one before `to`)");
  sub->add_option("to", args->to, "Newer version (default: the latest)");
  sub->add_option("--limit", args->limit, "Entries shown per section (-1 for all)");
  sub->add_flag("--json", args->as_json, "Machine-readable output");
  set_command_body(sub, [&global, args] { return run_diff(global, *args); });
}

}  // namespace sekisho::cli
