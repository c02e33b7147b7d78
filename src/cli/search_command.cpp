// `sekisho search NAME`: for a person at a terminal, a readable table of hits.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "cli/list_age_report.hpp"
#include "cli/screener_loader.hpp"
#include "sekisho/screen.hpp"
#include "wire/hit_json.hpp"
#include "wire/list_json.hpp"

namespace sekisho::cli {

namespace {

struct SearchArgs {
  std::string name;
  size_t limit = 10;
  double threshold = 0.5;
  std::string schema;
  std::vector<std::string> lists;
  bool explain = false;
  bool as_json = false;
  size_t max_pairs = kDefaultMaxPairs;
};

std::string clip(const std::string& s, size_t width) {
  // Cut on a UTF-8 boundary so the table never shows half a character.
  if (s.size() <= width) return s;
  size_t cut = width - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

// {"query", "threshold", "hits": [hit with its list version and age], "lists": [the lists searched, with ages]}.
nlohmann::ordered_json search_json(const SearchArgs& args, const ScreenResult& screened,
                                   const std::vector<ListAge>& ages) {
  nlohmann::ordered_json out;
  out["query"] = args.name;
  out["threshold"] = args.threshold;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const ScreenHit& h : screened.hits) {
    nlohmann::ordered_json m = screen_hit_json(h);
    m["list_version"] = h.list_version;
    const ListAge* age = find_age(ages, h.list_id);
    m["list_published"] = age && age->version ? age->version->publication_date : "";
    m["list_state"] = std::string(list_age_state_name(age ? age->state : ListAgeState::kUndated));
    list.push_back(std::move(m));
  }
  out["hits"] = std::move(list);
  nlohmann::ordered_json lists = nlohmann::ordered_json::array();
  for (const ListAge& a : ages) lists.push_back(nlohmann::ordered_json(wire::list_age_json(a)));
  out["lists"] = std::move(lists);
  mark_incomplete(screened, out);
  return out;
}

Status run_search(const GlobalOptions& global, const SearchArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(ScreenQuery q, make_query(args.name, args.schema, "", "", "", ""));
  SEKISHO_ASSIGN_OR_RETURN(LoadedScreener loaded, load_screener(global, args.lists));
  ScreenOptions options;
  options.limit = args.limit;
  options.threshold = args.threshold;
  options.lists = args.lists;
  options.max_pairs = args.max_pairs;
  const ScreenResult screened = loaded.screener->screen_result(q, options);
  const std::vector<ScreenHit>& hits = screened.hits;
  // Cut short, the search is no clean answer however few hits it shows: it says so and fails.
  const Status incomplete =
      screened.complete
          ? Status()
          : parse_error("\"" + args.name + "\" was not screened in full (" + screened.incomplete_reason + ")");
  if (args.as_json) {
    std::cout << search_json(args, screened, loaded.ages)
                     .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
              << "\n";
    warn_flagged_lists(loaded.ages, std::cerr);
    return incomplete;
  }
  if (hits.empty()) {
    std::cout << fmt::format("No hits for \"{}\" at or above {:.2f} in {} entities.\n", args.name, args.threshold,
                             loaded.screener->entity_count());
  } else {
    std::cout << fmt::format("{:>6}  {:<22} {:>3}  {:<26}  {:<13} {:<40} {}\n", "SCORE", "LIST", "VER",
                             "PUBLISHED, AGE", "SCHEMA", "CAPTION", "MATCHED NAME");
  }
  for (const ScreenHit& h : hits) {
    const ListAge* age = find_age(loaded.ages, h.list_id);
    std::cout << fmt::format("{:>6.3f}  {:<22} {:>3}  {:<26}  {:<13} {:<40} {}\n", h.score, clip(h.list_id, 22),
                             h.list_version, age ? age_cell(*age) : "", schema_name(h.entity->schema),
                             clip(h.entity->caption, 40), h.matched_name);
    if (args.explain) std::cout << "        " << h.entity->id << "\n" << h.explanation_text() << "\n";
  }
  // An empty answer from a stale or missing list is no answer: say so every time.
  warn_flagged_lists(loaded.ages, std::cerr);
  return incomplete;
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
  sub->add_option("--max-pairs", args->max_pairs,
                  "Work budget: name comparisons at most (0: none); a search that spends it says so and exits 65")
      ->capture_default_str();
  sub->add_flag("--json", args->as_json, "Machine-readable output: hits with explanations, and the lists' ages");
  set_command_body(sub, [&global, args] { return run_search(global, *args); });
}

}  // namespace sekisho::cli
