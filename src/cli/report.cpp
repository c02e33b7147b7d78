#include "cli/report.hpp"

#include <fmt/format.h>

#include <iostream>

namespace sekisho::cli {

std::string describe_counts(const std::map<std::string, int>& counts) {
  std::string out;
  for (const auto& [schema, n] : counts) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {}", schema, n);
  }
  return out;
}

std::string describe_import(const ImportReport& r) {
  const ListVersion& v = r.version;
  if (!r.created) {
    return fmt::format("{}: unchanged, files identical to version {} ({} entities)", v.list_id, v.version,
                       v.entity_count);
  }
  std::string line = fmt::format("{}: version {} created, {} entities ({})", v.list_id, v.version, v.entity_count,
                                 describe_counts(v.counts_by_schema));
  if (!v.publication_date.empty()) line += fmt::format(", published {}", v.publication_date);
  if (v.version > 1) {
    line += fmt::format("; +{} -{} ~{} against version {}", r.added, r.removed, r.changed, v.version - 1);
  }
  return line;
}

void print_import_warnings(const ImportReport& report) {
  for (const std::string& w : report.warnings) std::cerr << "warning: " << w << "\n";
}

}  // namespace sekisho::cli
