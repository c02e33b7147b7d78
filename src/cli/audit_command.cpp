// `sekisho audit verify|export`: the hash-chained audit log of the case store.
#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "cases/case_json.hpp"
#include "cli/case_commands.hpp"
#include "cli/cli.hpp"
#include "sekisho/cases.hpp"

namespace sekisho::cli {

namespace {

struct AuditArgs {
  std::string from, to;
  std::string output;
  bool as_json = false;
};

Status run_verify(const GlobalOptions& global, const AuditArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  if (!CaseStore::exists(case_store_at(home)))
    return not_found(home.string() + ": no case store, so no audit log to verify");
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  SEKISHO_ASSIGN_OR_RETURN(AuditCheck check, cases->verify_audit());
  if (args.as_json) std::cout << cases::audit_check_to_json(check).dump(2) << "\n";
  if (!check.ok) {
    // A broken chain is bad data in the store: exit as a data error, naming the entry.
    return parse_error(cases->path().string() + ": audit log broken at entry " + std::to_string(check.first_bad_seq) +
                       ": " + check.problem);
  }
  if (!args.as_json) std::cout << fmt::format("audit log intact: {} entries, chain verified\n", check.entries);
  return Status();
}

Status run_export(const GlobalOptions& global, const AuditArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  if (!CaseStore::exists(case_store_at(home)))
    return not_found(home.string() + ": no case store, so no audit log to export");
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(home)));
  SEKISHO_ASSIGN_OR_RETURN(std::vector<AuditEntry> entries, cases->audit_entries(args.from, args.to));
  std::string text;
  for (const AuditEntry& e : entries) text += cases::audit_entry_to_json(e).dump() + "\n";
  if (args.output.empty()) {
    std::cout << text;
    return Status();
  }
  // Write beside, then rename: the export lands whole or not at all.
  std::string tmp = args.output + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) return io_error(tmp + ": cannot write");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, args.output, ec);
  if (ec) return io_error(args.output + ": cannot write: " + ec.message());
  if (!global.quiet) std::cerr << fmt::format("{} entries written to {}\n", entries.size(), args.output);
  return Status();
}

}  // namespace

void add_audit_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<AuditArgs>();
  CLI::App* audit = app.add_subcommand("audit", "The tamper-evident audit log of the case store");
  audit->require_subcommand(1);

  CLI::App* verify = audit->add_subcommand("verify", "Check the hash chain; name the first bad entry");
  verify->add_flag("--json", args->as_json, "Machine-readable output");
  set_command_body(verify, [&global, args] { return run_verify(global, *args); });

  CLI::App* exp = audit->add_subcommand("export", "Write entries as JSON lines");
  exp->add_option("--from", args->from, "First time (UTC ISO 8601 or a prefix: 2026-03-01)");
  exp->add_option("--to", args->to, "Last time, inclusive at its precision (2026-03-31 takes the whole day)");
  exp->add_option("-o,--output", args->output, "File to write (default stdout)");
  set_command_body(exp, [&global, args] { return run_export(global, *args); });
}

}  // namespace sekisho::cli
