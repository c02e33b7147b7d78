// i. List self-consistency: every entity of every bundled list, screened by each of its names
//    as published and by each plain form derived from them (brackets and their alternatives,
//    "a.k.a." and ";" lists split, a repeated word met once: listed_name_forms; the legal form
//    left out), must come back at rank 1 of its own list, a tie at the top counting as rank 1
//    (two entries of one list may carry the same name). Name only, with the entry's schema, at
//    the threshold. One row per list: a name the list itself holds that does not find its
//    entry is a party no customer spelling it so would find either.
//    With --limit n, every k-th entity of a list (k = ceil(count / n)), so the sample spans it.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/strings.hpp"
#include "eval/eval.hpp"
#include "eval/eval_internal.hpp"
#include "lists/listed_name_forms.hpp"
#include "sekisho/lists.hpp"
#include "sekisho/text.hpp"

namespace sekisho::eval {

namespace {

struct BundledList {
  const char* list_id;
  const char* format;
  const char* path;  // under the shared data root
};

// Every list format sekisho reads that ../shared holds a complete (or the newest) copy of.
constexpr BundledList kBundledLists[] = {
    {"us_ofac_sdn", "ofac-csv", "ofac/sdn_csv_2021-07"},
    {"us_ofac_cons", "ofac-xml", "ofac/cons_xml_2025-03-28/consolidated.xml"},
    {"un_sc_sanctions", "un-xml", "un/consolidated_2026-02-27.xml"},
    {"gb_fcdo_sanctions", "uk-ods", "uk/fcdo_uk_sanctions_list_summary_2025-08-11.ods"},
    {"ca_dfatd_sema", "canada-xml", "canada/sema_consolidated_2025-05.xml"},
    {"us_bis_denied", "bis-dpl", "us_bis/dpl_2022-09.txt"},
    {"us_trade_csl", "us-csl", "us_csl/consolidated_sample_2025-06.csv"},
    {"jp_mof_sanctions", "mof-xlsx", "japan/mof_shisantouketsu_20260305.xlsx"},
    {"jp_meti_eul", "meti-eul-xlsx", "japan/meti_end_user_list_20250929.xlsx"},
    {"jp_meti_export_ban", "meti-tokutei", "export-control/jp_meti_250912_list_russia_tokutei.pdf.txt"},
};

// The queries one entity is screened by: each name's forms, and each form without its legal
// form ("PJSC Sberbank" → "sberbank"), as the text step reads it, for a Latin name that has one.
std::vector<std::string> queries_of(const Entity& e) {
  std::vector<std::string> out;
  auto add = [&](std::string q) {
    if (std::find(out.begin(), out.end(), q) == out.end()) out.push_back(std::move(q));
  };
  for (const Name& n : e.names) {
    for (const ListedNameForm& f : listed_name_forms(n, e.schema)) {
      add(f.text);
      text::NameForms nf = text::analyze_name(f.text);
      if (!nf.legal_form_classes.empty() && nf.script == text::Script::kLatin && !nf.variants.empty()) {
        add(nf.variants.front());
      }
    }
  }
  return out;
}

}  // namespace

Result<std::vector<Metric>> metric_self_consistency(const EvalOptions& options) {
  std::vector<Metric> out;
  size_t row = 0;
  for (const BundledList& list : kBundledLists) {
    ++row;
    ParseOptions po;
    po.list_id = list.list_id;
    SEKISHO_ASSIGN_OR_RETURN(ParsedList parsed, parse_list(list.format, {options.data_dir + "/" + list.path}, po));
    const size_t count = parsed.entities.size();
    const size_t step = options.limit == 0 || count <= options.limit
                            ? 1
                            : static_cast<size_t>(std::ceil(double(count) / double(options.limit)));
    const std::vector<Entity>& entities_in = parsed.entities;
    auto screener = single_list_screener(list.list_id, entities_in);
    ScreenOptions so;
    so.threshold = options.threshold;
    // Enough hits that a tie at the top is never cut by the limit: BIS lists one party once
    // per address (12 entries of "AL NASER AIRLINES"/"ALNASER AIRLINES" at 1.0), and a cut
    // among equal scores falls by entity id, which says nothing of the name.
    so.limit = 50;
    size_t total = 0, found = 0, entities = 0;
    std::vector<std::string> missed;
    for (size_t k = 0; k < count; k += step) {
      const Entity* e = &entities_in[k];
      ++entities;
      for (const std::string& name : queries_of(*e)) {
        ScreenQuery q;
        q.name = name;
        q.schema = e->schema;
        const std::vector<ScreenHit> hits = screener->screen(q, so);
        ++total;
        const bool top = std::any_of(hits.begin(), hits.end(), [&](const ScreenHit& h) {
          return h.entity->id == e->id && h.score >= hits.front().score;
        });
        if (top) {
          ++found;
          continue;
        }
        const std::string why = hits.empty() ? std::string("no hit")
                                             : fmt::format(
                                                   "{:.3f}, rank 1 {} {:.3f}",
                                                   [&] {
                                                     for (const ScreenHit& h : hits) {
                                                       if (h.entity->id == e->id) return h.score;
                                                     }
                                                     return 0.0;
                                                   }(),
                                                   hits.front().entity->caption, hits.front().score);
        missed.push_back(fmt::format("{} \"{}\" ({})", e->id, name, why));
        if (options.miss) options.miss("i", missed.back());
      }
    }
    Metric m;
    m.key = fmt::format("i{}", row);
    m.name = fmt::format("list self-consistency {} ({}): each name and plain form finds its entry at rank 1",
                         list.list_id, list.path);
    m.n = total;
    m.value = total ? double(found) / double(total) : 0;
    m.goal = "≥ 99.5%";
    m.goal_met = m.value >= 0.995;
    m.note = fmt::format("{} of {} entities{}", entities, count, step > 1 ? fmt::format(", every {}th", step) : "");
    if (!missed.empty()) {
      std::vector<std::string> first(missed.begin(), missed.begin() + std::min<std::ptrdiff_t>(3, missed.size()));
      m.note += "; missed e.g. " + join(first, "; ");
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace sekisho::eval
