// m. METI Russia export-ban list, Japanese → English: a test list holding only the English
//    names (primary and aliases) of the list's entities; each Japanese name (the entry's
//    Japanese name and its Japanese aliases, 別称) is queried and the same entity must be among
//    the top 5 hits at the threshold. The names are split by how they start once a legal form
//    that opens them is set aside: katakana-led names are transcriptions (ウリヤノフスク
//    Ulyanovsk, スホイ Sukhoi), kanji-led ones translations (国防省通信センター Communication
//    center of the Ministry of Defence), which the goal holds to different rates.
#include <fmt/format.h>

#include <array>

#include "eval/eval.hpp"
#include "eval/eval_internal.hpp"
#include "sekisho/text.hpp"
#include "text/normalize.hpp"

namespace sekisho::eval {

namespace {

// The legal forms the list's Japanese names open with (the Russian forms as MOFA translates
// them); what follows decides whether the name is katakana- or kanji-led.
constexpr std::array<std::string_view, 6> kOpeningForms = {"非公開株式会社", "公開株式会社", "公共株式会社",
                                                           "有限責任会社",   "株式会社",     "有限会社"};

enum class Lead { kKatakana, kKanji, kOther };

Lead lead_of(std::string_view name) {
  for (std::string_view form : kOpeningForms) {
    if (name.starts_with(form)) {
      name.remove_prefix(form.size());
      break;
    }
  }
  // The first word in a Japanese script decides; Latin words before it (an acronym) do not.
  for (const text::NormalizedToken& t : text::normalize(name).tokens) {
    if (t.script == text::Script::kKatakana || t.script == text::Script::kHiragana) return Lead::kKatakana;
    if (t.script == text::Script::kHan) return Lead::kKanji;
  }
  return Lead::kOther;
}

bool is_japanese_name(const Name& n) { return n.lang == "ja" || n.lang == "zh"; }

}  // namespace

Result<std::vector<Metric>> metric_meti_russia(const EvalOptions& options, const EvalLists& lists) {
  struct JaQuery {
    std::string entity_id;
    std::string name;
    std::string english;
    Lead lead;
    Schema schema;
  };
  std::vector<Entity> english;
  std::vector<JaQuery> queries;
  for (const Entity& e : lists.meti_russia) {
    Entity copy = e;
    copy.names.clear();
    for (const Name& n : e.names) {
      if (n.lang == "en") copy.names.push_back(n);
    }
    if (copy.names.empty()) continue;
    for (const Name& n : e.names) {
      if (!is_japanese_name(n)) continue;
      const Lead lead = lead_of(n.full);
      if (lead != Lead::kOther) queries.push_back({e.id, n.full, copy.names.front().full, lead, e.schema});
    }
    english.push_back(std::move(copy));
  }
  auto screener = single_list_screener("jp_meti_export_ban_en", std::move(english));
  ScreenOptions so;
  so.threshold = options.threshold;
  so.limit = 5;
  struct Tally {
    size_t found = 0, total = 0;
    std::vector<std::string> missed;
  };
  std::array<Tally, 2> tally;  // katakana-led, kanji-led
  for (const JaQuery& jq : queries) {
    Tally& t = tally[jq.lead == Lead::kKatakana ? 0 : 1];
    if (options.limit && t.total >= options.limit) continue;
    ScreenQuery q;
    q.name = jq.name;
    q.schema = jq.schema;
    ++t.total;
    bool hit = false;
    for (const ScreenHit& h : screener->screen(q, so)) hit = hit || h.entity->id == jq.entity_id;
    if (hit) {
      ++t.found;
      continue;
    }
    if (t.missed.size() < 4) t.missed.push_back(jq.name);
    if (options.miss) options.miss(jq.lead == Lead::kKatakana ? "m1" : "m2", jq.name + " → " + jq.english);
  }
  std::vector<Metric> out;
  for (size_t i = 0; i < tally.size(); ++i) {
    Metric m;
    m.key = i == 0 ? "m1" : "m2";
    m.name = i == 0 ? "METI Russia list, katakana-led Japanese names → English entries: recall@5"
                    : "METI Russia list, kanji-led Japanese names → English entries: recall@5";
    m.n = tally[i].total;
    m.value = m.n ? double(tally[i].found) / double(m.n) : 0;
    const double goal = i == 0 ? 0.9 : 0.6;
    m.goal = i == 0 ? "≥ 90%" : "≥ 60%";
    m.goal_met = m.value >= goal;
    if (!tally[i].missed.empty()) m.note = "missed e.g. " + join_quoted(tally[i].missed);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace sekisho::eval
