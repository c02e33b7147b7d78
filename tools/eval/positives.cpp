// b. yente candidate-generation UN positives: the perturbed name (with its
//    birth date and nationality) must find the UN entity whose name equals the
//    row-aligned clean name, within the top 5 hits at the threshold.
// c. US Congress positives against the Senzing export, the same way.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "eval/eval.hpp"
#include "eval/eval_internal.hpp"

namespace sekisho::eval {

namespace {

struct Recall {
  size_t found = 0;
  size_t total = 0;
  std::vector<std::string> missed;
};

void check(const Screener& screener, const ScreenQuery& query, const std::string& target, double threshold,
           Recall& recall) {
  ScreenOptions options;
  options.threshold = threshold;
  options.limit = 5;
  std::vector<ScreenHit> hits = screener.screen(query, options);
  ++recall.total;
  for (const ScreenHit& h : hits) {
    if (h.entity->id == target) {
      ++recall.found;
      return;
    }
  }
  if (recall.missed.size() < 6) recall.missed.push_back(query.name);
}

Metric recall_metric(std::string key, std::string name, const Recall& r, std::string goal, double goal_value,
                     std::string peer, std::string note) {
  Metric m;
  m.key = std::move(key);
  m.name = std::move(name);
  m.n = r.total;
  m.value = r.total ? double(r.found) / double(r.total) : 0;
  m.goal = std::move(goal);
  m.goal_met = goal_value <= 0 || m.value >= goal_value;
  m.peer = std::move(peer);
  m.note = std::move(note);
  if (!r.missed.empty()) m.note += (m.note.empty() ? "" : "; ") + std::string("missed e.g. ") + join_quoted(r.missed);
  return m;
}

}  // namespace

Result<std::vector<Metric>> metric_un_positives(const EvalOptions& options, const EvalLists& lists,
                                                Agreement& agreement) {
  const std::string dir = options.data_dir + "/yente_candidate_generation/";
  SEKISHO_ASSIGN_OR_RETURN(std::vector<PersonRow> treated,
                           read_person_rows(dir + "positives_un_treated.csv", options.limit));
  SEKISHO_ASSIGN_OR_RETURN(std::vector<PersonRow> clean,
                           read_person_rows(dir + "positives_un_untreated.csv", options.limit));
  if (treated.size() != clean.size()) {
    return parse_error(dir + ": positives_un_treated.csv and positives_un_untreated.csv differ in length");
  }
  NameKeyMap keys(lists.un);
  auto screener = single_list_screener("un_sc_sanctions", lists.un);
  Recall perturbed, untreated;
  size_t mapped = 0, ambiguous = 0;
  for (size_t i = 0; i < treated.size(); ++i) {
    std::vector<std::string> targets = keys.find(clean[i].full_name);
    if (targets.empty()) continue;
    ++mapped;
    if (targets.size() > 1) ++ambiguous;
    ScreenQuery q = person_query(treated[i], true);
    check(*screener, q, targets.front(), options.threshold, perturbed);
    check(*screener, person_query(clean[i], true), targets.front(), options.threshold, untreated);
    add_agreement(*screener, q, options.threshold, agreement, targets.front());
  }
  std::string note =
      fmt::format("UN 2025-04-19; {} of {} rows mapped to an entity by normalised name", mapped, treated.size());
  if (ambiguous) note += fmt::format(" ({} names shared by two entities: first kept)", ambiguous);
  std::vector<Metric> out;
  out.push_back(recall_metric("b", "UN positives, perturbed names: recall@5", perturbed, "≥ 99.7%", 0.997,
                              "pg_trgm 0.5: 99.4%", note));
  out.push_back(recall_metric("b2", "UN positives, clean names: recall@5", untreated, "", 0, "", ""));
  return out;
}

Result<Metric> metric_congress(const EvalOptions& options, const EvalLists& lists, Agreement& agreement) {
  const std::string path = options.data_dir + "/yente_candidate_generation/positives_us_congress_untreated.csv";
  SEKISHO_ASSIGN_OR_RETURN(std::vector<PersonRow> rows, read_person_rows(path, options.limit));
  NameKeyMap keys(lists.congress);
  auto screener = single_list_screener("us_congress", lists.congress);
  Recall recall;
  size_t mapped = 0;
  for (const PersonRow& row : rows) {
    std::vector<std::string> targets = keys.find(row.full_name);
    if (targets.empty()) continue;
    ++mapped;
    ScreenQuery q = person_query(row, true);
    check(*screener, q, targets.front(), options.threshold, recall);
    add_agreement(*screener, q, options.threshold, agreement, targets.front());
  }
  return recall_metric(
      "c", "US Congress positives vs Senzing export: recall@5", recall, "", 0, "",
      fmt::format("{} of {} rows mapped ({} records in the export)", mapped, rows.size(), lists.congress.size()));
}

}  // namespace sekisho::eval
