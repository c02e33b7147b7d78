// Evaluation of the matching engine on the real labelled sets in shared data
// (`sekisho eval`, tests/eval/). Each metric is computed from its labelled
// set at one threshold by a small function in its own file; run_eval() runs
// the selected ones and returns one table.
//
//   eval::EvalOptions opt{.data_dir = "/work/shared/data", .only = "a,b"};
//   auto metrics = eval::run_eval(opt);
//   std::cout << eval::metrics_markdown(*metrics);
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sekisho/entity.hpp"
#include "sekisho/screen.hpp"
#include "sekisho/status.hpp"

namespace sekisho::eval {

struct EvalOptions {
  std::string data_dir;      // shared data root (holds un/, ofac/, yente_candidate_generation/…)
  std::string fixtures_dir;  // holds eval/putin_80.txt, eval/cross_script.tsv (tests/fixtures)
  std::string only;          // comma-separated metric letters ("a,b"); "" = all
  size_t limit = 0;          // at most this many labelled rows (i: entities per list) per metric; 0 = all
  double threshold = kDefaultScreenThreshold;
  std::function<void(std::string_view)> progress;  // called with a short note as each metric starts
  // Called with (metric key, description) for every labelled row a metric misses, so the misses
  // can be read in full (the table's note shows only the first few). Metrics f, g, m and x report.
  std::function<void(std::string_view, std::string_view)> miss;
};

struct Metric {
  std::string key;   // "a".."i", "m", "x", with a suffix for sub-rows ("d1")
  std::string name;  // what was measured
  double value = 0;  // a share in [0, 1] (shown as %) or a plain score (F1)
  bool percent = true;
  size_t n = 0;      // labelled rows behind the value
  std::string goal;  // "≥ 0.92", "≤ 0.5%", "" when none
  bool goal_met = true;
  std::string peer;  // the best open peer's figure, when published
  std::string note;  // mapping counts, misses, timing
};

// The real lists the evaluation screens against, parsed once.
struct EvalLists {
  std::vector<Entity> ofac_sdn;     // ofac/sdn_csv_2021-07
  std::vector<Entity> un;           // un/consolidated_2025-04-19.xml (the UN positives' source)
  std::vector<Entity> un_latest;    // un/consolidated_2026-02-27.xml
  std::vector<Entity> mof;          // japan/mof_shisantouketsu_20260305.xlsx
  std::vector<Entity> congress;     // opensanctions/senzing/us_congress_senzing.json
  std::vector<Entity> meti_russia;  // export-control/jp_meti_250912_list_russia_tokutei.pdf.txt
};

// Parses the lists named in `need` ("ofac", "un", "mof", "congress", "meti").
Result<EvalLists> load_lists(const std::string& data_dir, const std::vector<std::string>& need);

// One labelled row of the yente sets (full_name … nationality).
struct PersonRow {
  size_t line = 0;
  std::string full_name;
  std::string birth_date;
  std::string nationality;
  std::string gender;
};
Result<std::vector<PersonRow>> read_person_rows(const std::string& path, size_t limit);
ScreenQuery person_query(const PersonRow& row, bool with_qualifiers);

// Share of query sets whose top-10 (entity ids and scores) from the index equal the exhaustive scan's;
// and, of the queries with a labelled entity the scan returns, those the index returns too.
struct Agreement {
  // The exhaustive scan costs about a hundred queries: gathered only when row h is asked for.
  bool wanted = true;
  size_t same = 0;
  size_t total = 0;
  std::vector<std::string> differing;  // first few differing queries
  size_t labelled_by_scan = 0, labelled_by_index_too = 0;
  std::vector<std::string> labelled_lost;  // first few queries whose labelled entity only the scan returns
};
// `target`: the query's labelled entity id, when it has one.
void add_agreement(const Screener& screener, const ScreenQuery& query, double threshold, Agreement& agreement,
                   std::string_view target = {});

// The metrics, one file each.
Result<Metric> metric_name_bench(const EvalOptions& options);  // name_bench.cpp
Result<std::vector<Metric>> metric_un_positives(const EvalOptions& options, const EvalLists& lists,
                                                Agreement& agreement);  // positives.cpp
Result<Metric> metric_congress(const EvalOptions& options, const EvalLists& lists,
                               Agreement& agreement);  // positives.cpp
Result<std::vector<Metric>> metric_negatives(const EvalOptions& options, const EvalLists& lists,
                                             Agreement& agreement);  // negatives.cpp
Result<std::vector<Metric>> metric_ofac_aliases(const EvalOptions& options,
                                                const EvalLists& lists);                 // ofac_aliases.cpp
Result<Metric> metric_mof_katakana(const EvalOptions& options, const EvalLists& lists);  // mof_katakana.cpp
Result<Metric> metric_putin(const EvalOptions& options);                                 // putin.cpp
Result<std::vector<Metric>> metric_self_consistency(const EvalOptions& options);         // self_consistency.cpp
Result<std::vector<Metric>> metric_meti_russia(const EvalOptions& options, const EvalLists& lists);  // meti_russia.cpp
Result<Metric> metric_cross_script(const EvalOptions& options, const EvalLists& lists);              // cross_script.cpp

Result<std::vector<Metric>> run_eval(const EvalOptions& options);

std::string metrics_markdown(const std::vector<Metric>& metrics, double threshold);
std::string metrics_json(const std::vector<Metric>& metrics, double threshold);

}  // namespace sekisho::eval
