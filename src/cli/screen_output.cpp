#include "cli/screen_output.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/list_age_report.hpp"
#include "wire/hit_json.hpp"

namespace sekisho::cli {

namespace {

std::string csv_quote(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string published(const ListAge* age) { return age && age->version ? age->version->publication_date : ""; }
std::string state(const ListAge* age) {
  return age ? std::string(list_age_state_name(age->state)) : std::string(list_age_state_name(ListAgeState::kUndated));
}

}  // namespace

void write_jsonl(const std::vector<ScreenedRow>& rows, const std::vector<ListAge>& ages, std::ostream& os) {
  for (const ScreenedRow& r : rows) {
    nlohmann::ordered_json j;
    j["id"] = r.row->id;
    nlohmann::ordered_json matches = nlohmann::ordered_json::array();
    for (const ScreenHit& h : r.screening.hits) {
      nlohmann::ordered_json m = screen_hit_json(h);
      const ListAge* age = find_age(ages, h.list_id);
      m["list_version"] = h.list_version;
      m["list_published"] = published(age);
      m["list_state"] = state(age);
      matches.push_back(std::move(m));
    }
    j["matches"] = std::move(matches);
    if (!r.row->error.empty()) j["error"] = r.row->error;
    mark_incomplete(r.screening, j);
    os << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  }
}

void write_csv(const std::vector<ScreenedRow>& rows, const std::vector<ListAge>& ages, bool excel, std::ostream& os) {
  if (excel) os << "\xEF\xBB\xBF";
  // The list's version and age come after `error`: scripts reading the first eight columns keep working.
  // incomplete_reason last, for the same reason.
  os << "id,entity_id,list,schema,caption,matched_name,score,error,list_version,list_published,list_state,"
        "incomplete_reason\n";
  for (const ScreenedRow& r : rows) {
    const QueryRow& row = *r.row;
    const std::string incomplete = csv_quote(r.screening.incomplete_reason);
    if (r.screening.hits.empty()) {
      os << csv_quote(row.id) << ",,,,,,," << csv_quote(row.error) << ",,,," << incomplete << "\n";
      continue;
    }
    for (const ScreenHit& h : r.screening.hits) {
      const ListAge* age = find_age(ages, h.list_id);
      os << csv_quote(row.id) << "," << csv_quote(h.entity->id) << "," << csv_quote(h.list_id) << ","
         << schema_name(h.entity->schema) << "," << csv_quote(h.entity->caption) << "," << csv_quote(h.matched_name)
         << "," << fmt::format("{:.4f}", h.score) << "," << csv_quote(row.error) << "," << h.list_version << ","
         << published(age) << "," << state(age) << "," << incomplete << "\n";
    }
  }
}

}  // namespace sekisho::cli
