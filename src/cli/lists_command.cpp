#include <fmt/format.h>

#include <cctype>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "cli/report.hpp"
#include "sekisho/store.hpp"
#include "sekisho/update.hpp"
#include "wire/list_json.hpp"

namespace sekisho::cli {

namespace {

struct ListsArgs {
  bool all_versions = false;
  bool as_json = false;
  std::string list_id;
};

// The age of each row: the latest versions with every catalogue list the store
// lacks (never silently absent), or the versions asked for, each aged alone.
std::vector<ListAge> aged_rows(const std::vector<ListVersion>& rows, bool with_missing) {
  if (with_missing) return list_ages(rows, default_sources());
  std::vector<ListAge> out;
  for (const ListVersion& v : rows) {
    for (ListAge& a : list_ages({v}, default_sources())) {
      if (a.list_id == v.list_id) out.push_back(std::move(a));
    }
  }
  return out;
}

Status run_lists(const GlobalOptions& global, const ListsArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto store, ListStore::open(home));
  std::vector<ListVersion> rows;
  bool latest_only = args.list_id.empty() && !args.all_versions;
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
  std::vector<ListAge> ages = aged_rows(rows, latest_only);
  if (args.as_json) {
    nlohmann::json out = nlohmann::json::array();
    for (const ListAge& a : ages) out.push_back(wire::list_age_json(a));
    std::cout << out.dump(2) << "\n";
    return Status();
  }
  if (rows.empty()) {
    std::cout << "No lists in " << store->path().string()
              << ". Import one with `sekisho import` or `sekisho update`.\n";
  }
  std::cout << fmt::format("{:<22} {:>3}  {:<10}  {:>5}  {:<8}  {:<20}  {:<13} {:>8}  {}\n", "LIST", "VER", "PUBLISHED",
                           "AGE", "STATUS", "IMPORTED", "FORMAT", "ENTITIES", "BY SCHEMA");
  int total = 0;
  for (const ListAge& a : ages) {
    if (!a.version) {
      std::cout << fmt::format("{:<22} {:>3}  {:<10}  {:>5}  {:<8}  {}\n", a.list_id, "-", "-", "-", "MISSING",
                               "in the catalogue, not in the store: `sekisho update --lists " + a.list_id + "`");
      continue;
    }
    const ListVersion& v = *a.version;
    std::string age = a.age_seconds < 0 ? "-" : fmt::format("{}d", a.age_seconds / 86400);
    std::string status = a.state == ListAgeState::kFresh ? "ok" : std::string(list_age_state_name(a.state));
    for (char& c : status) c = a.state == ListAgeState::kFresh ? c : static_cast<char>(std::toupper(c));
    std::cout << fmt::format("{:<22} {:>3}  {:<10}  {:>5}  {:<8}  {:<20}  {:<13} {:>8}  {}\n", v.list_id, v.version,
                             v.publication_date.empty() ? "-" : v.publication_date, age, status, v.created_at, v.format,
                             v.entity_count, describe_counts(v.counts_by_schema));
    total += v.entity_count;
  }
  if (latest_only) {
    size_t flagged = 0, missing = 0;
    for (const ListAge& a : ages) {
      flagged += a.flagged() && a.version ? 1 : 0;
      missing += a.version ? 0 : 1;
    }
    std::cout << fmt::format(
        "{} lists, {} entities; {} stale or undated, {} missing (AGE: days since the publisher's date)\n", rows.size(),
        total, flagged, missing);
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
