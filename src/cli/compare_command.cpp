// `sekisho compare`: two names, or a CSV of pairs, scored with the same text
// pipeline and name comparer that screening uses.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.hpp"
#include "core/strings.hpp"
#include "io/csv_reader.hpp"
#include "sekisho/screen.hpp"

namespace sekisho::cli {

namespace {

struct CompareArgs {
  std::string schema = "LegalEntity";
  std::vector<std::string> names;
  std::string input;
  std::string output = "-";
  double threshold = kDefaultScreenThreshold;
  bool as_json = false;
};

Status compare_pair(const CompareArgs& args) {
  if (args.names.size() != 2) return invalid_argument("compare takes two names, or --input pairs.csv");
  SEKISHO_ASSIGN_OR_RETURN(Schema schema, parse_schema(args.schema));
  match::NameComparer comparer;
  match::NameComparison c = match::compare_names(args.names[0], args.names[1], schema, comparer);
  if (args.as_json) {
    std::cout << fmt::format(R"({{"score":{:.4f},"match":{},"form_a":"{}","form_b":"{}","explanation":{}}})", c.score,
                             c.score >= args.threshold ? "true" : "false", c.form_a, c.form_b, c.detail.to_json())
              << "\n";
    return Status();
  }
  std::cout << fmt::format("score {:.4f}  {}\n", c.score, c.score >= args.threshold ? "MATCH" : "no match");
  std::cout << fmt::format("compared \"{}\" with \"{}\"\n", c.form_a, c.form_b);
  std::cout << c.detail.to_text();
  return Status();
}

Status compare_file(const CompareArgs& args) {
  std::ifstream in(args.input, std::ios::binary);
  if (!in) return not_found(args.input + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  SEKISHO_ASSIGN_OR_RETURN(auto records, read_csv(text, args.input));
  if (records.empty()) return parse_error(args.input + ": empty, expected header id,schema,name_a,name_b");
  std::vector<int> col(4, -1);
  const char* wanted[] = {"id", "schema", "name_a", "name_b"};
  for (size_t i = 0; i < records[0].fields.size(); ++i) {
    for (int k = 0; k < 4; ++k) {
      if (to_lower_ascii(trim(records[0].fields[i])) == wanted[k]) col[k] = static_cast<int>(i);
    }
  }
  for (int k : {0, 2, 3}) {
    if (col[k] < 0) return parse_error(args.input + ":1: header has no '" + wanted[k] + "' column");
  }
  std::ofstream file;
  std::ostream* os = &std::cout;
  if (args.output != "-") {
    file.open(args.output, std::ios::trunc);
    if (!file) return io_error(args.output + ": cannot open for writing");
    os = &file;
  }
  match::NameComparer comparer;
  *os << "id,score,match\n";
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& f = records[r].fields;
    // Both branches views: `cond ? f[i] : ""` would be a std::string temporary, and the view would dangle.
    auto get = [&](int k) -> std::string_view {
      return col[k] >= 0 && size_t(col[k]) < f.size() ? std::string_view(f[col[k]]) : std::string_view();
    };
    Schema schema = Schema::kLegalEntity;
    if (!trim(get(1)).empty()) {
      auto s = parse_schema(trim(get(1)));
      if (!s.ok()) return parse_error(args.input + ":" + std::to_string(records[r].line) + ": " + s.status().message());
      schema = *s;
    }
    match::NameComparison c = match::compare_names(get(2), get(3), schema, comparer);
    *os << fmt::format("{},{:.4f},{}\n", get(0), c.score, c.score >= args.threshold ? "true" : "false");
  }
  return Status();
}

}  // namespace

void add_compare_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<CompareArgs>();
  CLI::App* sub = app.add_subcommand("compare", "Score two names, or a CSV of pairs (id,schema,name_a,name_b)");
  sub->add_option("names", args->names, "NAME_A NAME_B");
  sub->add_option("--schema", args->schema, "Person, Organization, Company, LegalEntity, Vessel or Aircraft");
  sub->add_option("--input", args->input, "CSV of pairs: id,schema,name_a,name_b");
  sub->add_option("--output", args->output, "Where --input results go (id,score,match); - for standard output");
  sub->add_option("--threshold", args->threshold, "Score at which a pair counts as a match")->capture_default_str();
  sub->add_flag("--json", args->as_json, "Machine-readable output for a single pair");
  set_command_body(sub, [args] { return args->input.empty() ? compare_pair(*args) : compare_file(*args); });
}

}  // namespace sekisho::cli
