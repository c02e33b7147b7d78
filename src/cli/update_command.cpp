#include <pthread.h>
#include <signal.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <ctime>
#include <iostream>

#include "cli/case_commands.hpp"
#include "cli/cli.hpp"
#include "cli/report.hpp"
#include "core/utc_time.hpp"
#include "sekisho/cases.hpp"
#include "sekisho/update.hpp"

namespace sekisho::cli {

namespace {

struct UpdateArgs {
  std::vector<std::string> lists;
  std::string from;
  std::string sources;
  long timeout = 120;
  std::string user;
  bool no_monitor = false;
  bool allow_shrink = false;
  std::string every;  // "6h": repeat at this interval until SIGINT/SIGTERM; "" = once
};

// "90s", "30m", "6h", "1d" → seconds. A unit is required: a bare "6" could mean hours or seconds.
Result<long> parse_interval(const std::string& text) {
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  std::string unit = text.substr(digits);
  long per_unit = unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : unit == "d" ? 86400 : 0;
  if (digits == 0 || digits > 6 || per_unit == 0) {
    return invalid_argument("--every: expected a whole number and a unit s, m, h or d (\"6h\"), got '" + text + "'");
  }
  long n = std::stol(text.substr(0, digits));
  if (n == 0) return invalid_argument("--every: the interval must be longer than 0");
  return n * per_unit;
}

Status update_once(const GlobalOptions& global, const UpdateArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  std::vector<SourceSpec> sources = default_sources();
  if (!args.sources.empty()) {
    SEKISHO_ASSIGN_OR_RETURN(sources, load_sources(args.sources));
  }
  if (!args.from.empty() && !std::filesystem::is_directory(args.from)) {
    return not_found(args.from + ": mirror directory does not exist");
  }
  SEKISHO_ASSIGN_OR_RETURN(auto store, ListStore::open(home));
  UpdateOptions options;
  options.lists = args.lists;
  options.from_dir = args.from;
  options.timeout_seconds = args.timeout;
  options.allow_shrink = args.allow_shrink;
  auto outcomes = run_update(*store, sources, options);
  Status first_failure;
  int failed = 0;
  for (const UpdateOutcome& o : outcomes) {
    if (o.status.ok()) {
      std::cout << describe_import(*o.report) << "\n";
      print_import_warnings(*o.report);
      auto run = after_list_import(case_store_at(home), *store, *o.report, cli_user(args.user), !args.no_monitor);
      if (!run.ok()) {
        ++failed;
        std::cerr << o.list_id << ": imported, but monitoring the parties FAILED: " << run.status().to_string() << "\n";
        if (first_failure.ok()) first_failure = run.status();
      } else if (*run) {
        print_run(**run);
      }
    } else if (o.skipped) {
      std::cout << o.list_id << ": skipped: " << o.status.message() << "\n";
    } else {
      ++failed;
      std::cerr << o.list_id << ": FAILED: " << o.status.to_string() << "\n";
      if (first_failure.ok()) first_failure = o.status;
    }
  }
  if (failed == 0) return Status();
  return Status(first_failure.code(),
                std::to_string(failed) + " of " + std::to_string(outcomes.size()) +
                    " lists not updated; the others were; stored versions of failed lists are unchanged");
}

// `--every`: one update per interval until SIGINT or SIGTERM. The stop signals
// are blocked and taken only by sigtimedwait between runs, so a run in
// progress always finishes (no half-written download, no interrupted import)
// and a signal sent during it ends the loop as soon as it is done. A failed
// run is logged with its cause and the next attempt time; the loop goes on,
// and its exit status is that of the last run.
Status update_every(const GlobalOptions& global, const UpdateArgs& args, long interval_seconds) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  Status last;
  for (long run = 1;; ++run) {
    std::cerr << utc_now_iso() << " update run " << run << " started\n";
    last = update_once(global, args);
    auto next = std::chrono::system_clock::now() + std::chrono::seconds(interval_seconds);
    std::time_t next_t = std::chrono::system_clock::to_time_t(next);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&next_t));
    if (last.ok()) {
      std::cerr << utc_now_iso() << " update run " << run << " ok; next run at " << when << "\n";
    } else {
      std::cerr << utc_now_iso() << " update run " << run << " FAILED: " << last.to_string() << "; retrying at " << when
                << "\n";
    }
    for (;;) {
      auto left = next - std::chrono::system_clock::now();
      if (left <= std::chrono::system_clock::duration::zero()) break;
      auto secs = std::chrono::duration_cast<std::chrono::seconds>(left);
      timespec wait{static_cast<time_t>(secs.count()),
                    static_cast<long>(std::chrono::duration_cast<std::chrono::nanoseconds>(left - secs).count())};
      int sig = sigtimedwait(&stop_signals, nullptr, &wait);
      if (sig == SIGINT || sig == SIGTERM) {
        std::cerr << utc_now_iso() << " update stopped by " << (sig == SIGINT ? "SIGINT" : "SIGTERM") << " after "
                  << run << (run == 1 ? " run" : " runs") << "\n";
        return last;
      }
      if (sig < 0 && errno != EINTR && errno != EAGAIN) return io_error("--every: waiting for the next run failed");
    }
  }
}

Status run_update_command(const GlobalOptions& global, const UpdateArgs& args) {
  if (args.every.empty()) return update_once(global, args);
  SEKISHO_ASSIGN_OR_RETURN(long interval, parse_interval(args.every));
  return update_every(global, args, interval);
}

}  // namespace

void add_update_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<UpdateArgs>();
  CLI::App* sub = app.add_subcommand("update", "Fetch the current official lists and import new versions");
  sub->add_option("--lists", args->lists, "Only these list ids (comma-separated)")->delimiter(',');
  sub->add_option("--from", args->from, "Read from this local mirror directory instead of the publishers");
  sub->add_option("--sources", args->sources, "Source catalogue JSON replacing the built-in one");
  sub->add_option("--timeout", args->timeout, "Seconds allowed per download");
  sub->add_option("--user", args->user, "Who updates, for the audit log (default $SEKISHO_USER, else the login name)");
  sub->add_flag("--no-monitor", args->no_monitor, "Do not re-screen the party registry against new versions");
  sub->add_flag("--allow-shrink", args->allow_shrink,
                "Store new versions even when one holds no entity or over 20% fewer than the last one");
  sub->add_option("--every", args->every,
                  "Repeat the update at this interval (90s, 30m, 6h, 1d) until SIGINT or SIGTERM; a failed run is "
                  "logged and retried at the next one");
  set_command_body(sub, [&global, args] { return run_update_command(global, *args); });
}

}  // namespace sekisho::cli
