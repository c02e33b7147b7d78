// x. Names across scripts and languages (tests/fixtures/eval/cross_script.tsv,
//    "query<TAB>schema<TAB>listed name" per line): OFAC's SDN list with each listed name added
//    as an entity of its own; the share of queries whose listed name is among the top 5 hits at
//    the threshold. The SDN names are the distractors an Arabic, Korean or Chinese reading has to
//    rank below its own name.
#include <fmt/format.h>

#include "core/strings.hpp"
#include "eval/eval.hpp"
#include "eval/eval_internal.hpp"
#include "io/source_file.hpp"

namespace sekisho::eval {

namespace {

struct CrossRow {
  std::string query;
  Schema schema = Schema::kLegalEntity;
  std::string listed;
};

Result<std::vector<CrossRow>> read_rows(const std::string& path) {
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  std::vector<CrossRow> out;
  size_t line_no = 0;
  for (const std::string& line : split_trimmed(text_body(file), "\n")) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> fields = split_trimmed(line, "\t");
    if (fields.size() != 3)
      return parse_error(path + ":" + std::to_string(line_no) + ": expected query<TAB>schema<TAB>listed name");
    auto schema = parse_schema(fields[1]);
    if (!schema.ok())
      return parse_error(path + ":" + std::to_string(line_no) + ": schema: " + schema.status().message());
    out.push_back({fields[0], *schema, fields[2]});
  }
  return out;
}

}  // namespace

Result<Metric> metric_cross_script(const EvalOptions& options, const EvalLists& lists) {
  const std::string path = options.fixtures_dir + "/eval/cross_script.tsv";
  SEKISHO_ASSIGN_OR_RETURN(std::vector<CrossRow> rows, read_rows(path));
  std::vector<Entity> entities = lists.ofac_sdn;
  std::vector<std::string> listed_ids;  // parallel to rows
  for (const CrossRow& row : rows) {
    std::string id;
    for (size_t i = 0; i < listed_ids.size() && id.empty(); ++i) {
      if (rows[i].listed == row.listed) id = listed_ids[i];
    }
    if (id.empty()) {
      Entity e;
      e.source_id = fmt::format("x-{}", listed_ids.size());
      e.id = "cross-" + e.source_id;
      e.schema = row.schema;
      e.caption = row.listed;
      e.names.push_back(Name{.full = row.listed, .kind = NameKind::kPrimary});
      id = e.id;
      entities.push_back(std::move(e));
    }
    listed_ids.push_back(id);
  }
  auto screener = single_list_screener("cross", std::move(entities));
  ScreenOptions so;
  so.threshold = options.threshold;
  so.limit = 5;
  const NameKeyMap listed_keys(lists.ofac_sdn);
  size_t found = 0;
  std::vector<std::string> missed;
  for (size_t i = 0; i < rows.size(); ++i) {
    ScreenQuery q;
    q.name = rows[i].query;
    q.schema = rows[i].schema;
    // The listed name's own entity, or an SDN entry of the same name (OFAC's KIM, Jong Un).
    std::vector<std::string> targets = listed_keys.find(rows[i].listed);
    targets.push_back(listed_ids[i]);
    bool hit = false;
    for (const ScreenHit& h : screener->screen(q, so)) {
      hit = hit || std::find(targets.begin(), targets.end(), h.entity->id) != targets.end();
    }
    if (hit) {
      ++found;
      continue;
    }
    missed.push_back(rows[i].query + " → " + rows[i].listed);
    if (options.miss) options.miss("x", missed.back());
  }
  Metric m;
  m.key = "x";
  m.name = "names across scripts and languages (Arabic, Korean, Chinese, Greek…) → listed name: recall@5";
  m.n = rows.size();
  m.value = rows.empty() ? 0 : double(found) / double(rows.size());
  m.goal = "100%";
  m.goal_met = found == rows.size();
  if (!missed.empty()) m.note = "missed: " + join_quoted(missed);
  return m;
}

}  // namespace sekisho::eval
