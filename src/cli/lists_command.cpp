#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "cli/report.hpp"
#include "server/list_json.hpp"
#include "sekisho/store.hpp"

namespace sekisho::cli {

namespace {

struct ListsArgs {
  bool all_versions = false;
  bool as_json = false;
  std::string list_id;
};

Status run_lists(const GlobalOptions& global, const ListsArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto store, ListStore::open(home));
  std::vector<ListVersion> rows;
  if (!args.list_id.empty()) {
    SEKISHO_ASSIGN_OR_RETURN(rows, store->versions(args.list_id));
  } else if (args.all_versions) {
    SEKISHO_ASSIGN_OR_RETURN(auto latest, store->lists());
    for (const ListVersion& l : latest) {
      SEKISHO_ASSIGN_OR_RETURN(auto vs, store->versions(l.list_id));
      rows.insert(rows.end(), vs.begin(), vs.end());
    }
  } else {
    SEKISHO_ASSIGN_OR_RETURN(rows, store->lists());
  }
  if (args.as_json) {
    nlohmann::json out = nlohmann::json::array();
    for (const ListVersion& v : rows) out.push_back(server::list_version_json(v));
    std::cout << out.dump(2) << "\n";
    return Status();
  }
  if (rows.empty()) {
    std::cout << "No lists in " << store->path().string() << ". Import one with `sekisho import` or `sekisho update`.\n";
    return Status();
  }
  std::cout << fmt::format("{:<22} {:>3}  {:<10}  {:<20}  {:<13} {:>8}  {}\n", "LIST", "VER", "PUBLISHED", "IMPORTED",
                           "FORMAT", "ENTITIES", "BY SCHEMA");
  int total = 0;
  for (const ListVersion& v : rows) {
    std::cout << fmt::format("{:<22} {:>3}  {:<10}  {:<20}  {:<13} {:>8}  {}\n", v.list_id, v.version,
                             v.publication_date.empty() ? "-" : v.publication_date, v.created_at, v.format,
                             v.entity_count, describe_counts(v.counts_by_schema));
    total += v.entity_count;
  }
  if (args.list_id.empty() && !args.all_versions) {
    std::cout << fmt::format("{} lists, {} entities\n", rows.size(), total);
  }
  return Status();
}

}  // namespace

void add_lists_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ListsArgs>();
  CLI::App* sub = app.add_subcommand("lists", "Show stored lists (latest versions) or one list's versions");
  sub->add_option("list", args->list_id, "Show every version of this list");
  sub->add_flag("--all-versions", args->all_versions, "Show every version of every list");
  sub->add_flag("--json", args->as_json, "Machine-readable output");
  set_command_body(sub, [&global, args] { return run_lists(global, *args); });
}

}  // namespace sekisho::cli
