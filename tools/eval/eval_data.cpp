// The data every metric shares: the real lists, the yente person rows, and
// the index-vs-exhaustive agreement check.
#include <algorithm>

#include "core/strings.hpp"
#include "eval/eval.hpp"
#include "eval/eval_internal.hpp"
#include "io/csv_reader.hpp"
#include "io/source_file.hpp"
#include "sekisho/lists.hpp"
#include "sekisho/text.hpp"
#include "text/normalize.hpp"

namespace sekisho::eval {

namespace {

Result<std::vector<Entity>> parse(const std::string& format, const std::string& path, const std::string& list_id) {
  ParseOptions options;
  options.list_id = list_id;
  SEKISHO_ASSIGN_OR_RETURN(ParsedList parsed, parse_list(format, {path}, options));
  return std::move(parsed.entities);
}

bool wants(const std::vector<std::string>& need, std::string_view what) {
  return std::find(need.begin(), need.end(), what) != need.end();
}

}  // namespace

std::string NameKeyMap::key(std::string_view name) {
  std::string folded = text::fold_to_ascii(text::normalize(name).text());
  std::vector<std::string> tokens;
  std::string cur;
  for (char c : folded) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || static_cast<unsigned char>(l) >= 0x80) {
      cur += l;
    } else if (!cur.empty()) {
      tokens.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) tokens.push_back(std::move(cur));
  std::sort(tokens.begin(), tokens.end());
  return join(tokens, " ");
}

NameKeyMap::NameKeyMap(const std::vector<Entity>& entities) {
  for (bool primary_pass : {true, false}) {
    for (const Entity& e : entities) {
      for (const Name& n : e.names) {
        if ((n.kind == NameKind::kPrimary) != primary_pass) continue;
        std::vector<std::string>& ids = ids_[key(n.full)];
        if (std::find(ids.begin(), ids.end(), e.id) == ids.end()) ids.push_back(e.id);
      }
    }
  }
}

std::vector<std::string> NameKeyMap::find(std::string_view name) const {
  auto it = ids_.find(key(name));
  return it == ids_.end() ? std::vector<std::string>{} : it->second;
}

std::shared_ptr<const Screener> single_list_screener(const std::string& list_id, std::vector<Entity> entities) {
  std::vector<Screener::ListInput> inputs;
  inputs.push_back({list_id, 1, std::move(entities)});
  return Screener::build(std::move(inputs));
}

std::string join_quoted(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "\"" : ", \"") + s + "\"";
  return out;
}

Result<EvalLists> load_lists(const std::string& data_dir, const std::vector<std::string>& need) {
  EvalLists lists;
  if (wants(need, "ofac")) {
    SEKISHO_ASSIGN_OR_RETURN(lists.ofac_sdn, parse("ofac-csv", data_dir + "/ofac/sdn_csv_2021-07", "us_ofac_sdn"));
  }
  if (wants(need, "un")) {
    SEKISHO_ASSIGN_OR_RETURN(lists.un,
                             parse("un-xml", data_dir + "/un/consolidated_2025-04-19.xml", "un_sc_sanctions"));
    SEKISHO_ASSIGN_OR_RETURN(lists.un_latest,
                             parse("un-xml", data_dir + "/un/consolidated_2026-02-27.xml", "un_sc_sanctions"));
  }
  if (wants(need, "mof")) {
    SEKISHO_ASSIGN_OR_RETURN(
        lists.mof, parse("mof-xlsx", data_dir + "/japan/mof_shisantouketsu_20260305.xlsx", "jp_mof_sanctions"));
  }
  if (wants(need, "congress")) {
    SEKISHO_ASSIGN_OR_RETURN(
        lists.congress, parse("senzing", data_dir + "/opensanctions/senzing/us_congress_senzing.json", "us_congress"));
  }
  if (wants(need, "meti")) {
    SEKISHO_ASSIGN_OR_RETURN(
        lists.meti_russia,
        parse("meti-tokutei", data_dir + "/export-control/jp_meti_250912_list_russia_tokutei.pdf.txt",
              "jp_meti_export_ban"));
  }
  return lists;
}

Result<std::vector<PersonRow>> read_person_rows(const std::string& path, size_t limit) {
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  SEKISHO_ASSIGN_OR_RETURN(std::vector<CsvRecord> records, read_csv(text_body(file), path));
  if (records.empty()) return parse_error(path + ": empty, expected a header full_name,…");
  const std::vector<std::string>& header = records[0].fields;
  auto col = [&](std::string_view name) -> int {
    for (size_t i = 0; i < header.size(); ++i) {
      if (trim(header[i]) == name) return static_cast<int>(i);
    }
    return -1;
  };
  const int name = col("full_name"), dob = col("date_of_birth"), nat = col("nationality"), gender = col("gender");
  if (name < 0) return parse_error(path + ":1: header has no 'full_name' column");
  auto cell = [](const CsvRecord& r, int c) -> std::string {
    return c >= 0 && static_cast<size_t>(c) < r.fields.size() ? std::string(trim(r.fields[c])) : std::string();
  };
  std::vector<PersonRow> rows;
  for (size_t i = 1; i < records.size() && (limit == 0 || rows.size() < limit); ++i) {
    rows.push_back(PersonRow{records[i].line, cell(records[i], name), cell(records[i], dob), cell(records[i], nat),
                             cell(records[i], gender)});
  }
  return rows;
}

ScreenQuery person_query(const PersonRow& row, bool with_qualifiers) {
  ScreenQuery q;
  q.name = row.full_name;
  q.schema = Schema::kPerson;
  if (!with_qualifiers) return q;
  DateSpec d = parse_date_loose(row.birth_date);
  if (!d.empty()) q.birth_dates.push_back(std::move(d));
  if (!row.nationality.empty()) q.countries.push_back(row.nationality);
  std::string g = to_lower_ascii(row.gender);
  if (g == "male" || g == "female") q.gender = g;
  return q;
}

void add_agreement(const Screener& screener, const ScreenQuery& query, double threshold, Agreement& agreement,
                   std::string_view target) {
  if (!agreement.wanted) return;
  ScreenOptions indexed;
  indexed.threshold = threshold;
  indexed.limit = 10;
  ScreenOptions exhaustive = indexed;
  exhaustive.exhaustive = true;
  std::vector<ScreenHit> a = screener.screen(query, indexed);
  std::vector<ScreenHit> b = screener.screen(query, exhaustive);
  bool same = a.size() == b.size();
  for (size_t i = 0; same && i < a.size(); ++i) {
    same = a[i].entity == b[i].entity && std::abs(a[i].score - b[i].score) < 1e-9;
  }
  ++agreement.total;
  if (same) {
    ++agreement.same;
  } else if (agreement.differing.size() < 5) {
    agreement.differing.push_back(query.name);
  }
  auto has_target = [&](const std::vector<ScreenHit>& hits) {
    return std::any_of(hits.begin(), hits.end(), [&](const ScreenHit& h) { return h.entity->id == target; });
  };
  if (target.empty() || !has_target(b)) return;
  ++agreement.labelled_by_scan;
  if (has_target(a)) {
    ++agreement.labelled_by_index_too;
  } else if (agreement.labelled_lost.size() < 5) {
    agreement.labelled_lost.push_back(query.name);
  }
}

}  // namespace sekisho::eval
