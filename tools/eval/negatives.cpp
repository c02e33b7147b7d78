// d. Synthetic negatives (people on no list) screened with their birth date,
//    nationality and gender against OFAC SDN + UN + MOF: the share of rows
//    that raise any hit at the threshold. Every such hit is a false alarm.
#include <fmt/format.h>

#include "eval/eval.hpp"
#include "eval/eval_internal.hpp"

namespace sekisho::eval {

namespace {

// Rows per set also checked against the exhaustive scan (which costs ~100× a query).
constexpr size_t kAgreementRows = 300;

}  // namespace

Result<std::vector<Metric>> metric_negatives(const EvalOptions& options, const EvalLists& lists, Agreement& agreement) {
  std::vector<Screener::ListInput> inputs;
  inputs.push_back({"us_ofac_sdn", 1, lists.ofac_sdn});
  inputs.push_back({"un_sc_sanctions", 1, lists.un_latest});
  inputs.push_back({"jp_mof_sanctions", 1, lists.mof});
  auto screener = Screener::build(std::move(inputs));
  struct Set {
    const char* key;
    const char* file;
    const char* label;
  };
  const Set sets[] = {
      {"d1", "/yente_candidate_generation/negatives_global.csv", "global"},
      {"d2", "/yente_candidate_generation/negatives_us.csv", "US"},
      {"d3", "/yente_validation_report/negatives_global.csv", "validation global"},
      {"d4", "/yente_validation_report/negatives_us.csv", "validation US"},
  };
  std::vector<Metric> out;
  size_t all_flagged = 0, all_total = 0;
  for (const Set& set : sets) {
    SEKISHO_ASSIGN_OR_RETURN(std::vector<PersonRow> rows, read_person_rows(options.data_dir + set.file, options.limit));
    size_t flagged = 0;
    std::vector<std::string> examples;
    ScreenOptions so;
    so.threshold = options.threshold;
    so.limit = 1;
    for (size_t i = 0; i < rows.size(); ++i) {
      ScreenQuery q = person_query(rows[i], true);
      std::vector<ScreenHit> hits = screener->screen(q, so);
      if (!hits.empty()) {
        ++flagged;
        if (examples.size() < 4) {
          examples.push_back(fmt::format("{} ~ {} {:.2f}", rows[i].full_name, hits[0].matched_name, hits[0].score));
        }
      }
      if (i < kAgreementRows) add_agreement(*screener, q, options.threshold, agreement);
    }
    Metric m;
    m.key = set.key;
    m.name = fmt::format("negatives flagged ({}) vs OFAC+UN+MOF", set.label);
    m.n = rows.size();
    m.value = rows.empty() ? 0 : double(flagged) / double(rows.size());
    m.goal = "≤ 0.5%";
    m.goal_met = m.value <= 0.005;
    m.peer = "yente default 10%; pg_trgm 0.5: 0.9%";
    if (!examples.empty()) m.note = "e.g. " + join_quoted(examples);
    out.push_back(std::move(m));
    all_flagged += flagged;
    all_total += rows.size();
  }
  Metric total;
  total.key = "d";
  total.name = "negatives flagged (all sets) vs OFAC+UN+MOF";
  total.n = all_total;
  total.value = all_total ? double(all_flagged) / double(all_total) : 0;
  total.goal = "≤ 0.5%";
  total.goal_met = total.value <= 0.005;
  total.peer = "yente default 10%; pg_trgm 0.5: 0.9%";
  total.note = fmt::format("{} screener entities", screener->entity_count());
  out.insert(out.begin(), std::move(total));
  return out;
}

}  // namespace sekisho::eval
