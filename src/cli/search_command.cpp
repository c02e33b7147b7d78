// `sekisho search NAME`: for a person at a terminal, a readable table of hits.
#include <fmt/format.h>

#include <iostream>

#include "cli/cli.hpp"
#include "cli/screener_loader.hpp"
#include "sekisho/screen.hpp"

namespace sekisho::cli {

namespace {

struct SearchArgs {
  std::string name;
  size_t limit = 10;
  double threshold = 0.5;
  std::string schema;
  std::vector<std::string> lists;
  bool explain = false;
};

std::string clip(const std::string& s, size_t width) {
  // Cut on a UTF-8 boundary so the table never shows half a character.
  if (s.size() <= width) return s;
  size_t cut = width - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

Status run_search(const GlobalOptions& global, const SearchArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(ScreenQuery q, make_query(args.name, args.schema, "", "", "", ""));
  SEKISHO_ASSIGN_OR_RETURN(auto screener, load_screener(global, args.lists));
  ScreenOptions options;
  options.limit = args.limit;
  options.threshold = args.threshold;
  options.lists = args.lists;
  std::vector<ScreenHit> hits = screener->screen(q, options);
  if (hits.empty()) {
    std::cout << fmt::format("No hits for \"{}\" at or above {:.2f} in {} entities.\n", args.name, args.threshold,
                             screener->entity_count());
    return Status();
  }
  std::cout << fmt::format("{:>6}  {:<22} {:<13} {:<40} {}\n", "SCORE", "LIST", "SCHEMA", "CAPTION", "MATCHED NAME");
  for (const ScreenHit& h : hits) {
    std::cout << fmt::format("{:>6.3f}  {:<22} {:<13} {:<40} {}\n", h.score, clip(h.list_id, 22),
                             schema_name(h.entity->schema), clip(h.entity->caption, 40), h.matched_name);
    if (args.explain) std::cout << "        " << h.entity->id << "\n" << h.explanation_text() << "\n";
  }
  return Status();
}

}  // namespace

void add_search_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* sub = app.add_subcommand("search", "Search the lists for one name (a readable table)");
  sub->add_option("name", args->name, "The name to look for, in any script")->required();
  sub->add_option("--limit", args->limit, "Hits shown at most")->capture_default_str();
  sub->add_option("--threshold", args->threshold, "Lowest score shown")->capture_default_str();
  sub->add_option("--schema", args->schema, "Person, Organization, Company, Vessel, …");
  sub->add_option("--lists", args->lists, "Only these list ids (comma-separated)")->delimiter(',');
  sub->add_flag("--explain", args->explain, "Show why each hit scored as it did");
  set_command_body(sub, [&global, args] { return run_search(global, *args); });
}

}  // namespace sekisho::cli
