// f. MOF katakana → English: a test list holding only the English names of
//    the MOF entities; each katakana name (日本語表記) is queried and the same
//    entity must be among the top 5 hits at the threshold.
#include <fmt/format.h>

#include "eval/eval.hpp"
#include "eval/eval_internal.hpp"

namespace sekisho::eval {

namespace {

bool is_english(const Name& n) { return n.kind != NameKind::kOriginalScript && (n.lang.empty() || n.lang == "en"); }

bool is_katakana_name(const Name& n) { return n.kind == NameKind::kOriginalScript && n.lang == "ja"; }

// For the miss report: the expected entity's score and rank when the threshold
// is dropped (with the forms that decided it) or, when the index never offered
// it, what a scan of every entity gives it and what the index offered first.
std::string why_missed(const Screener& screener, const ScreenQuery& q, const std::string& entity_id) {
  ScreenOptions wide;
  wide.threshold = 0.01;
  wide.limit = 50;
  const std::vector<ScreenHit> hits = screener.screen(q, wide);
  for (size_t i = 0; i < hits.size(); ++i) {
    if (hits[i].entity->id != entity_id) continue;
    return fmt::format("  [scored {:.3f}, rank {}{}: {} / {}]", hits[i].score, i + 1,
                       i ? fmt::format(", first {:.3f}", hits[0].score) : "", hits[i].query_form, hits[i].listed_form);
  }
  const std::string offered = hits.empty() ? "nothing" : hits[0].query_form + " / " + hits[0].listed_form;
  wide.exhaustive = true;
  for (const ScreenHit& h : screener.screen(q, wide)) {
    if (h.entity->id != entity_id) continue;
    return fmt::format("  [not a candidate; a scan scores {:.3f}: {} / {}; first offered {}]", h.score, h.query_form,
                       h.listed_form, offered);
  }
  return "  [not found even by a scan]";
}

}  // namespace

Result<Metric> metric_mof_katakana(const EvalOptions& options, const EvalLists& lists) {
  std::vector<Entity> english;
  struct KanaQuery {
    std::string entity_id;
    std::string name;
    std::string english;  // the entity's first English name, for the miss report
    Schema schema;
  };
  std::vector<KanaQuery> queries;
  for (const Entity& e : lists.mof) {
    Entity copy = e;
    copy.names.clear();
    for (const Name& n : e.names) {
      if (is_english(n)) copy.names.push_back(n);
    }
    if (copy.names.empty()) continue;
    for (const Name& n : e.names) {
      if (is_katakana_name(n)) queries.push_back({e.id, n.full, copy.names.front().full, e.schema});
    }
    english.push_back(std::move(copy));
  }
  auto screener = single_list_screener("jp_mof_en", std::move(english));
  ScreenOptions so;
  so.threshold = options.threshold;
  so.limit = 5;
  size_t found = 0, total = 0;
  std::vector<std::string> missed;
  for (const KanaQuery& kq : queries) {
    if (options.limit && total >= options.limit) break;
    ScreenQuery q;
    q.name = kq.name;
    q.schema = kq.schema;
    ++total;
    bool hit = false;
    for (const ScreenHit& h : screener->screen(q, so)) hit = hit || h.entity->id == kq.entity_id;
    if (hit) {
      ++found;
      continue;
    }
    if (missed.size() < 4) missed.push_back(kq.name);
    if (options.miss) options.miss("f", kq.name + " → " + kq.english + why_missed(*screener, q, kq.entity_id));
  }
  Metric m;
  m.key = "f";
  m.name = "MOF katakana names → English entries: recall@5";
  m.n = total;
  m.value = total ? double(found) / double(total) : 0;
  m.goal = "≥ 90%";
  m.goal_met = m.value >= 0.9;
  m.peer = "pg_trgm < 1%";
  if (!missed.empty()) m.note = "missed e.g. " + join_quoted(missed);
  return m;
}

}  // namespace sekisho::eval
