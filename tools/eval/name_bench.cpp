// a. nomenklatura name_bench: labelled name pairs through compare_names (the
//    whole text pipeline); precision, recall and F1 at the threshold.
#include <fmt/format.h>

#include "core/strings.hpp"
#include "eval/eval.hpp"
#include "eval/eval_internal.hpp"
#include "io/csv_reader.hpp"
#include "io/source_file.hpp"

namespace sekisho::eval {

Result<Metric> metric_name_bench(const EvalOptions& options) {
  const std::string path = options.data_dir + "/nomenklatura_name_bench/cases.csv";
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  SEKISHO_ASSIGN_OR_RETURN(std::vector<CsvRecord> records, read_csv(text_body(file), path));
  if (records.empty()) return parse_error(path + ": empty");
  const std::vector<std::string>& header = records[0].fields;
  auto col = [&](std::string_view name) -> Result<size_t> {
    for (size_t i = 0; i < header.size(); ++i) {
      if (trim(header[i]) == name) return i;
    }
    return parse_error(path + ":1: header has no '" + std::string(name) + "' column");
  };
  SEKISHO_ASSIGN_OR_RETURN(size_t c_schema, col("schema"));
  SEKISHO_ASSIGN_OR_RETURN(size_t c_a, col("name1"));
  SEKISHO_ASSIGN_OR_RETURN(size_t c_b, col("name2"));
  SEKISHO_ASSIGN_OR_RETURN(size_t c_label, col("is_match"));
  match::NameComparer comparer;
  size_t tp = 0, fp = 0, fn = 0, n = 0;
  std::vector<std::string> wrong;
  for (size_t r = 1; r < records.size(); ++r) {
    if (options.limit && n >= options.limit) break;
    const std::vector<std::string>& f = records[r].fields;
    if (f.size() < header.size()) {
      return parse_error(path + ":" + std::to_string(records[r].line) + ": row has fewer fields than the header");
    }
    auto schema = parse_schema(trim(f[c_schema]));
    match::NameComparison c =
        match::compare_names(f[c_a], f[c_b], schema.ok() ? *schema : Schema::kLegalEntity, comparer);
    const bool label = trim(f[c_label]) == "true";
    const bool hit = c.score >= options.threshold;
    ++n;
    if (hit && label) ++tp;
    if (hit && !label) ++fp;
    if (!hit && label) ++fn;
    if (hit != label && wrong.size() < 4) wrong.push_back(fmt::format("{} / {} {:.2f}", f[c_a], f[c_b], c.score));
    if (hit != label && options.miss) {
      options.miss("a", fmt::format("{} / {} {:.3f} ({})", f[c_a], f[c_b], c.score, label ? "missed" : "false hit"));
    }
  }
  Metric m;
  m.key = "a";
  m.name = "nomenklatura name_bench: F1";
  m.percent = false;
  m.n = n;
  const double precision = tp + fp ? double(tp) / double(tp + fp) : 0;
  const double recall = tp + fn ? double(tp) / double(tp + fn) : 0;
  m.value = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
  m.goal = "≥ 0.92";
  m.goal_met = m.value >= 0.92;
  m.peer = "0.79 (best open peer)";
  m.note = fmt::format("precision {:.3f}, recall {:.3f}", precision, recall);
  if (!wrong.empty()) m.note += "; wrong e.g. " + join_quoted(wrong);
  return m;
}

}  // namespace sekisho::eval
