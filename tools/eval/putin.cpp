// g. One person's name in some 80 scripts and spellings
//    (tests/fixtures/eval/putin_80.txt, "language<TAB>name" per line) against
//    a one-entity list holding the OFAC-style entry; the share found at the threshold.
#include <fmt/format.h>

#include "core/strings.hpp"
#include "eval/eval.hpp"
#include "eval/eval_internal.hpp"
#include "io/source_file.hpp"

namespace sekisho::eval {

namespace {

Result<std::vector<std::pair<std::string, std::string>>> read_spellings(const std::string& path) {
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  std::vector<std::pair<std::string, std::string>> out;
  size_t line_no = 0;
  for (const std::string& line : split_trimmed(text_body(file), "\n")) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos)
      return parse_error(path + ":" + std::to_string(line_no) + ": expected language<TAB>name");
    out.emplace_back(std::string(trim(line.substr(0, tab))), std::string(trim(line.substr(tab + 1))));
  }
  return out;
}

}  // namespace

Result<Metric> metric_putin(const EvalOptions& options) {
  const std::string path = options.fixtures_dir + "/eval/putin_80.txt";
  SEKISHO_ASSIGN_OR_RETURN(auto spellings, read_spellings(path));
  Entity target;
  target.id = "test-putin";
  target.source_id = "putin";
  target.schema = Schema::kPerson;
  target.caption = "PUTIN, Vladimir Vladimirovich";
  target.names.push_back(Name{.full = "PUTIN, Vladimir Vladimirovich",
                              .kind = NameKind::kPrimary,
                              .first = "Vladimir",
                              .last = "PUTIN",
                              .patronymic = "Vladimirovich"});
  target.birth_dates.push_back(parse_date_loose("1952-10-07"));
  target.nationalities.push_back("Russia");
  auto screener = single_list_screener("test", {target});
  ScreenOptions so;
  so.threshold = options.threshold;
  size_t found = 0;
  std::vector<std::string> missed;
  for (const auto& [lang, name] : spellings) {
    ScreenQuery q;
    q.name = name;
    q.schema = Schema::kPerson;
    if (!screener->screen(q, so).empty()) {
      ++found;
    } else {
      missed.push_back(fmt::format("{} ({})", name, lang));
      if (options.miss) options.miss("g", missed.back());
    }
  }
  Metric m;
  m.key = "g";
  m.name = "one person in ~80 scripts and spellings: share found";
  m.n = spellings.size();
  m.value = spellings.empty() ? 0 : double(found) / double(spellings.size());
  m.goal = "≥ 95%";
  m.goal_met = m.value >= 0.95;
  m.peer = "pg_trgm 30%";
  if (!missed.empty()) m.note = "missed: " + join_quoted(missed);
  return m;
}

}  // namespace sekisho::eval
