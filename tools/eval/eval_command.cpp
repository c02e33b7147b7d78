// `sekisho eval`: the quality evaluation on the real labelled sets (see
// tools/eval/eval.hpp and docs/matching.md); one table, markdown or JSON.
#include <cstdlib>
#include <iostream>

#include "cli/cli.hpp"
#include "eval/eval.hpp"

namespace sekisho::cli {

namespace {

struct EvalArgs {
  std::string data;
  std::string fixtures;
  std::string only;
  size_t limit = 0;
  double threshold = kDefaultScreenThreshold;
  bool json = false;
  bool misses = false;
};

Status run_eval_command(const GlobalOptions& global, const EvalArgs& args) {
  eval::EvalOptions options;
  options.data_dir = args.data;
  if (options.data_dir.empty()) {
    const char* env = std::getenv("SEKISHO_SHARED_DATA");
    options.data_dir = env && *env ? env : std::string(SEKISHO_SOURCE_DIR) + "/../shared/data";
  }
  // The tool measures the clone it was built from: its fixtures by default.
  options.fixtures_dir = args.fixtures.empty() ? std::string(SEKISHO_SOURCE_DIR) + "/tests/fixtures" : args.fixtures;
  options.only = args.only;
  options.limit = args.limit;
  options.threshold = args.threshold;
  if (!global.quiet) options.progress = [](std::string_view s) { std::cerr << "eval: " << s << "\n"; };
  if (args.misses) {
    options.miss = [](std::string_view key, std::string_view what) { std::cerr << key << " missed: " << what << "\n"; };
  }
  SEKISHO_ASSIGN_OR_RETURN(std::vector<eval::Metric> metrics, eval::run_eval(options));
  std::cout << (args.json ? eval::metrics_json(metrics, args.threshold) + "\n"
                          : eval::metrics_markdown(metrics, args.threshold));
  return Status();
}

}  // namespace

void add_eval_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* sub = app.add_subcommand("eval", "Measure matching quality on the labelled sets in the shared data");
  sub->add_option("--data", args->data, "Shared data directory (default $SEKISHO_SHARED_DATA or ../shared/data)");
  sub->add_option("--fixtures", args->fixtures, "Test fixtures directory holding eval/putin_80.txt");
  sub->add_option("--only", args->only, "Comma-separated metric letters a-i, m, x (default: all)");
  sub->add_option("--limit", args->limit, "At most N labelled rows per metric (0 = all)");
  sub->add_option("--threshold", args->threshold, "Decision threshold")->capture_default_str();
  sub->add_flag("--json", args->json, "JSON instead of a markdown table");
  sub->add_flag("--misses", args->misses, "Print every missed row (and every wrong name_bench pair) to stderr");
  set_command_body(sub, [&global, args] { return run_eval_command(global, *args); });
}

}  // namespace sekisho::cli
