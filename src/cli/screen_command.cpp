// `sekisho screen`: batch screening of a CSV of parties, JSON lines or CSV out,
// one output record per input row in input order. The output shape is a
// contract relied on by scripts (docs/cli.md): change it only additively.
//
// A batch cannot fail silently: stderr ends with a summary (rows, screened,
// refused, hits), a refused row makes the run exit 65 unless --allow-refused, a row
// not screened in full (its work budget spent) makes it exit 65 always,
// and the lists' ages head the run with one warning for stale or missing lists.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/cli.hpp"
#include "cli/input_encoding.hpp"
#include "cli/list_age_report.hpp"
#include "cli/progress.hpp"
#include "cli/screen_output.hpp"
#include "cli/screener_loader.hpp"
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
  bool allow_refused = false;
  std::string date_order;  // empty: ambiguous dates are refused
  std::string encoding = "auto";
  bool excel = false;  // CSV with a UTF-8 byte-order mark
  unsigned threads = 0;
  size_t max_pairs = kDefaultMaxPairs;
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

// Screens every usable row on `threads` workers; rows keep their input order.
std::vector<ScreenedRow> screen_rows(const Screener& screener, const std::vector<QueryRow>& rows,
                                     const ScreenOptions& options, unsigned threads, bool show_progress) {
  std::vector<ScreenedRow> out(rows.size());
  std::atomic<size_t> next{0}, done{0};
  Progress progress(rows.size(), show_progress);
  auto work = [&] {
    for (;;) {
      // Small chunks keep the threads busy to the end without contention on every row.
      size_t begin = next.fetch_add(64);
      if (begin >= rows.size()) return;
      size_t end = std::min(rows.size(), begin + 64);
      for (size_t i = begin; i < end; ++i) {
        out[i].row = &rows[i];
        if (rows[i].error.empty()) out[i].screening = screener.screen_result(rows[i].query, options);
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
  return out;
}

// The summary a nightly job's log keeps: a refused row is a customer left unscreened, and a
// row screened short of its work budget is one left partly unscreened; both fail the run.
Status summarize(const std::vector<ScreenedRow>& screened, size_t refused, bool allow_refused) {
  size_t with_hits = 0, hits = 0, incomplete = 0;
  for (const ScreenedRow& r : screened) {
    with_hits += r.screening.hits.empty() ? 0 : 1;
    hits += r.screening.hits.size();
    incomplete += r.screening.complete ? 0 : 1;
  }
  std::cerr << "sekisho: " << screened.size() << " rows: " << screened.size() - refused << " screened, " << refused
            << " refused, " << with_hits << " with hits (" << hits << " hits)";
  if (incomplete) std::cerr << ", " << incomplete << " not screened in full";
  std::cerr << "\n";
  if (incomplete) {
    return parse_error(std::to_string(incomplete) + " of " + std::to_string(screened.size()) +
                       " rows not screened in full (their work budget ran out; see \"incomplete_reason\" in the "
                       "output): treat them as unscreened");
  }
  if (refused && !allow_refused) {
    return parse_error(std::to_string(refused) + " of " + std::to_string(screened.size()) +
                       " rows refused and not screened (see \"error\" in the output); --allow-refused accepts that");
  }
  return Status();
}

Status run_screen(const GlobalOptions& global, const ScreenArgs& args) {
  if (args.format != "jsonl" && args.format != "csv" && args.format != "xlsx") {
    return invalid_argument("--format must be jsonl, csv or xlsx, not '" + args.format + "'");
  }
  if (args.format == "xlsx" && args.output == "-") {
    return invalid_argument("--format xlsx writes a workbook file: give --output FILE.xlsx");
  }
  if (args.excel && args.format != "csv") return invalid_argument("--excel applies to --format csv only");
  if (args.threshold < 0 || args.threshold > 1) return invalid_argument("--threshold must be within [0, 1]");
  QueryRowOptions row_options;
  if (!args.date_order.empty()) {
    SEKISHO_ASSIGN_OR_RETURN(row_options.date_order, parse_date_order(args.date_order));
  }
  SEKISHO_ASSIGN_OR_RETURN(std::string bytes, read_all(args.input));
  std::string input_name = args.input == "-" ? "<stdin>" : args.input;
  SEKISHO_ASSIGN_OR_RETURN(DecodedInput text, decode_input(bytes, args.encoding, input_name));
  if (text.encoding != "utf-8" && !global.quiet) {
    std::cerr << "sekisho: " << input_name << " read as " << text.encoding << (text.detected ? " (detected)" : "")
              << "\n";
  }
  SEKISHO_ASSIGN_OR_RETURN(std::vector<QueryRow> rows, read_query_rows(text.utf8, input_name, row_options));
  size_t refused = 0;
  for (const QueryRow& r : rows) {
    if (r.error.empty()) continue;
    ++refused;
    if (args.strict) return invalid_argument(r.error + " (--strict stops at the first bad row)");
    std::cerr << "sekisho: skipping row: " << r.error << "\n";
  }
  SEKISHO_ASSIGN_OR_RETURN(LoadedScreener loaded, load_screener(global, args.lists));
  if (!global.quiet) print_lists_header(loaded.ages, std::cerr);
  warn_flagged_lists(loaded.ages, std::cerr);

  ScreenOptions options;
  options.threshold = args.threshold;
  options.limit = args.limit;
  options.lists = args.lists;
  options.max_pairs = args.max_pairs;
  unsigned threads = args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<ScreenedRow> screened =
      screen_rows(*loaded.screener, rows, options, threads, global.quiet ? false : isatty(STDERR_FILENO));

  if (args.format == "xlsx") {
    SEKISHO_RETURN_IF_ERROR(write_xlsx(screened, loaded.ages, args.output));
    return summarize(screened, refused, args.allow_refused);
  }
  std::ofstream file;
  std::ostream* os = &std::cout;
  if (args.output != "-") {
    file.open(args.output, std::ios::binary | std::ios::trunc);
    if (!file) return io_error(args.output + ": cannot open for writing");
    os = &file;
  }
  if (args.format == "csv") {
    write_csv(screened, loaded.ages, args.excel, *os);
  } else {
    write_jsonl(screened, loaded.ages, *os);
  }
  os->flush();
  if (!*os) return io_error(args.output + ": write failed");
  return summarize(screened, refused, args.allow_refused);
}

}  // namespace

void add_screen_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ScreenArgs>();
  CLI::App* sub =
      app.add_subcommand("screen", "Screen a CSV of parties (id,name[,schema,birth_date,country,id_number,gender])");
  sub->add_option("--input", args->input, "Input CSV file, or - for standard input")->capture_default_str();
  sub->add_option("--output", args->output, "Output file, or - for standard output")->capture_default_str();
  sub->add_option("--threshold", args->threshold, "Report hits scoring at least this")->capture_default_str();
  sub->add_option("--limit", args->limit, "Hits per row at most")->capture_default_str();
  sub->add_option("--lists", args->lists, "Only these list ids (comma-separated)")->delimiter(',');
  sub->add_option("--format", args->format, "jsonl, csv or xlsx (a workbook; needs --output FILE)")
      ->capture_default_str();
  sub->add_flag("--excel", args->excel,
                "CSV for Excel: UTF-8 with a byte-order mark, so Japanese Excel reads it right");
  sub->add_option("--encoding", args->encoding,
                  "Input encoding: auto (detect), utf-8, shift_jis, cp932, euc-jp, utf-16")
      ->capture_default_str();
  sub->add_flag("--strict", args->strict, "Stop at the first bad row instead of skipping it");
  sub->add_option("--threads", args->threads, "Worker threads (default: all cores)");
  sub->add_option("--max-pairs", args->max_pairs,
                  "Work budget per row: name comparisons at most (0: none); a row that spends it is marked "
                  "incomplete and fails the run")
      ->capture_default_str();
  sub->add_flag("--allow-refused", args->allow_refused, "Exit 0 even when rows were refused (default: exit 65)");
  sub->add_option("--date-order", args->date_order,
                  "dmy, mdy or ymd: how to read dates like 07/10/1952 (default: refuse them as ambiguous)");
  set_command_body(sub, [&global, args] { return run_screen(global, *args); });
}

}  // namespace sekisho::cli
