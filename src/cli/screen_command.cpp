// `sekisho screen`: batch screening of a CSV of parties, JSON lines or CSV out,
// one output record per input row in input order. The output shape is a
// contract relied on by scripts (docs/cli.md): change it only additively.
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli/cli.hpp"
#include "cli/progress.hpp"
#include "cli/screener_loader.hpp"
#include "screen/hit_json.hpp"
#include "sekisho/screen.hpp"

namespace sekisho::cli {

namespace {

struct ScreenArgs {
  std::string input = "-";
  std::string output = "-";
  double threshold = kDefaultScreenThreshold;
  size_t limit = 10;
  std::vector<std::string> lists;
  std::string format = "jsonl";
  bool strict = false;
  unsigned threads = 0;
};

Result<std::string> read_all(const std::string& path) {
  std::stringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return not_found(path + ": cannot open input");
    ss << in.rdbuf();
  }
  return ss.str();
}

std::string csv_quote(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string jsonl_record(const QueryRow& row, const std::vector<ScreenHit>& hits) {
  nlohmann::ordered_json j;
  j["id"] = row.id;
  nlohmann::ordered_json matches = nlohmann::ordered_json::array();
  for (const ScreenHit& h : hits) matches.push_back(screen_hit_json(h));
  j["matches"] = std::move(matches);
  if (!row.error.empty()) j["error"] = row.error;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string csv_records(const QueryRow& row, const std::vector<ScreenHit>& hits) {
  std::string out;
  if (hits.empty()) {
    return csv_quote(row.id) + ",,,,,,," + csv_quote(row.error) + "\n";
  }
  for (const ScreenHit& h : hits) {
    char score[16];
    std::snprintf(score, sizeof score, "%.4f", h.score);
    out += csv_quote(row.id) + "," + csv_quote(h.entity->id) + "," + csv_quote(h.list_id) + "," +
           std::string(schema_name(h.entity->schema)) + "," + csv_quote(h.entity->caption) + "," +
           csv_quote(h.matched_name) + "," + score + "," + csv_quote(row.error) + "\n";
  }
  return out;
}

Status run_screen(const GlobalOptions& global, const ScreenArgs& args) {
  if (args.format != "jsonl" && args.format != "csv") {
    return invalid_argument("--format must be jsonl or csv, not '" + args.format + "'");
  }
  if (args.threshold < 0 || args.threshold > 1) return invalid_argument("--threshold must be within [0, 1]");
  SEKISHO_ASSIGN_OR_RETURN(std::string text, read_all(args.input));
  std::string input_name = args.input == "-" ? "<stdin>" : args.input;
  SEKISHO_ASSIGN_OR_RETURN(std::vector<QueryRow> rows, read_query_rows(text, input_name));
  size_t bad = 0;
  for (const QueryRow& r : rows) {
    if (r.error.empty()) continue;
    ++bad;
    if (args.strict) return invalid_argument(r.error + " (--strict stops at the first bad row)");
    std::cerr << "sekisho: skipping row: " << r.error << "\n";
  }
  SEKISHO_ASSIGN_OR_RETURN(auto screener, load_screener(global, args.lists));

  ScreenOptions options;
  options.threshold = args.threshold;
  options.limit = args.limit;
  options.lists = args.lists;

  std::vector<std::string> out(rows.size());
  std::atomic<size_t> next{0}, done{0};
  unsigned threads = args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  Progress progress(rows.size(), global.quiet ? false : isatty(STDERR_FILENO));
  auto work = [&] {
    for (;;) {
      // Small chunks keep the threads busy to the end without contention on every row.
      size_t begin = next.fetch_add(64);
      if (begin >= rows.size()) return;
      size_t end = std::min(rows.size(), begin + 64);
      for (size_t i = begin; i < end; ++i) {
        std::vector<ScreenHit> hits;
        if (rows[i].error.empty()) hits = screener->screen(rows[i].query, options);
        out[i] = args.format == "jsonl" ? jsonl_record(rows[i], hits) + "\n" : csv_records(rows[i], hits);
      }
      done.fetch_add(end - begin);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
  while (done.load() < rows.size()) {
    progress.update(done.load());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (std::thread& t : pool) t.join();
  progress.finish(rows.size());

  std::ofstream file;
  std::ostream* os = &std::cout;
  if (args.output != "-") {
    file.open(args.output, std::ios::binary | std::ios::trunc);
    if (!file) return io_error(args.output + ": cannot open for writing");
    os = &file;
  }
  if (args.format == "csv") *os << "id,entity_id,list,schema,caption,matched_name,score,error\n";
  for (const std::string& s : out) *os << s;
  os->flush();
  if (!*os) return io_error(args.output + ": write failed");
  if (bad) std::cerr << "sekisho: " << bad << " of " << rows.size() << " rows had errors (see \"error\" in the output)\n";
  return Status();
}

}  // namespace

void add_screen_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ScreenArgs>();
  CLI::App* sub = app.add_subcommand("screen", "Screen a CSV of parties (id,name[,schema,birth_date,country,id_number,gender])");
  sub->add_option("--input", args->input, "Input CSV file, or - for standard input")->capture_default_str();
  sub->add_option("--output", args->output, "Output file, or - for standard output")->capture_default_str();
  sub->add_option("--threshold", args->threshold, "Report hits scoring at least this")->capture_default_str();
  sub->add_option("--limit", args->limit, "Hits per row at most")->capture_default_str();
  sub->add_option("--lists", args->lists, "Only these list ids (comma-separated)")->delimiter(',');
  sub->add_option("--format", args->format, "jsonl or csv")->capture_default_str();
  sub->add_flag("--strict", args->strict, "Stop at the first bad row instead of skipping it");
  sub->add_option("--threads", args->threads, "Worker threads (default: all cores)");
  set_command_body(sub, [&global, args] { return run_screen(global, *args); });
}

}  // namespace sekisho::cli
