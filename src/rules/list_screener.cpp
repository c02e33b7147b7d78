// ListScreener: the policy engine's PartyScreener on top of the matching
// engine. A party of a transfer chain is a screening query like any other;
// what the engine needs back is the list, the entity, the listed name, the
// score and why (short form), so that the trace can show the evidence.
#include <algorithm>

#include "sekisho/rules.hpp"
#include "sekisho/screen.hpp"
#include "sekisho/store.hpp"

namespace sekisho::rules {

namespace {

// Request `kind` → the schema the matcher compares against. Governments and
// international organisations are listed as organisations; unknown stays
// LegalEntity (any party).
Schema schema_of_kind(std::string_view kind) {
  if (kind == "individual") return Schema::kPerson;
  if (kind == "company") return Schema::kCompany;
  if (kind == "government" || kind == "international_organisation") return Schema::kOrganization;
  return Schema::kLegalEntity;
}

// One line: the two forms that met and the listed name they stand for, then
// the name score. The full explanation stays available from `sekisho screen`.
std::string short_explanation(const ScreenHit& hit) {
  std::string text = hit.explanation_text();
  const size_t eol = text.find('\n');
  std::string out = text.substr(0, eol);
  if (hit.detail.name.score != hit.score) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "; name %.3f", hit.detail.name.score);
    out += buf;
  }
  return out;
}

}  // namespace

ScreenedList version_in_force(const std::vector<ListVersion>& versions, std::string_view as_of) {
  // A version counts from its publication date when the source states one:
  // a list published on the 1st and imported on the 9th was the law from
  // the 1st. Without one, the import day is all the store knows.
  auto effective = [](const ListVersion& v) {
    return v.publication_date.empty() ? v.created_at.substr(0, 10) : v.publication_date.substr(0, 10);
  };
  const ListVersion* chosen = nullptr;
  const ListVersion* earliest_later = nullptr;
  for (const ListVersion& v : versions) {
    const std::string from = effective(v);
    if (from <= as_of) {
      if (!chosen || effective(*chosen) <= from) chosen = &v;
    } else if (!earliest_later || from < effective(*earliest_later)) {
      earliest_later = &v;
    }
  }
  const bool later = chosen == nullptr;
  const ListVersion& v = later ? *earliest_later : *chosen;
  return {v.list_id, v.version, static_cast<size_t>(v.entity_count), effective(v), later};
}

ListScreener::ListScreener(std::shared_ptr<const Screener> screener, std::vector<ScreenedList> lists,
                           ListScreenerOptions options)
    : screener_(std::move(screener)),
      lists_(std::move(lists)),
      threshold_(options.threshold.value_or(kDefaultScreenThreshold)),
      limit_(options.limit) {}

Result<std::unique_ptr<ListScreener>> ListScreener::from_store(ListStore& store,
                                                               const std::vector<std::string>& list_ids,
                                                               ListScreenerOptions options) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<ListVersion> stored, store.lists());
  std::vector<ScreenedList> lists;
  for (const ListVersion& v : stored) {
    if (!list_ids.empty() && std::find(list_ids.begin(), list_ids.end(), v.list_id) == list_ids.end()) continue;
    if (options.as_of.empty()) {
      lists.push_back(version_in_force({v}, "9999-12-31"));
    } else {
      SEKISHO_ASSIGN_OR_RETURN(std::vector<ListVersion> all, store.versions(v.list_id));
      lists.push_back(version_in_force(all, options.as_of));
    }
  }
  for (const std::string& id : list_ids) {
    bool found = std::any_of(lists.begin(), lists.end(), [&](const ScreenedList& l) { return l.list_id == id; });
    if (!found) return not_found("unknown list '" + id + "' in " + store.path().string() + " (see `sekisho lists`)");
  }
  std::vector<std::string> ids;
  for (const ScreenedList& l : lists) ids.push_back(l.list_id);
  // An empty id list would mean "every list" to Screener::from_store; with none stored, build over nothing.
  std::shared_ptr<const Screener> screener;
  if (ids.empty()) {
    screener = Screener::build({});
  } else if (options.as_of.empty()) {
    SEKISHO_ASSIGN_OR_RETURN(screener, Screener::from_store(store, ids));
  } else {
    std::vector<Screener::ListInput> inputs;
    for (const ScreenedList& l : lists) {
      SEKISHO_ASSIGN_OR_RETURN(std::vector<Entity> entities, store.load_entities(l.list_id, l.version));
      inputs.push_back({l.list_id, l.version, std::move(entities)});
    }
    screener = Screener::build(std::move(inputs));
  }
  return std::make_unique<ListScreener>(std::move(screener), std::move(lists), options);
}

std::vector<ListHit> ListScreener::screen(const Party& party) const {
  std::vector<ListHit> out;
  if (party.name.empty() || lists_.empty()) return out;
  ScreenQuery query;
  query.name = party.name;
  query.schema = schema_of_kind(party.kind);
  if (!party.country.empty()) query.countries.push_back(party.country);
  ScreenOptions options;
  options.threshold = threshold_;
  options.limit = limit_;
  for (const ScreenHit& hit : screener_->screen(query, options)) {
    if (hit.score < threshold_) continue;  // the contract, whatever the engine's options do
    out.push_back({hit.list_id, hit.entity ? hit.entity->id : std::string(), hit.matched_name, hit.score,
                   hit.list_version, short_explanation(hit),
                   hit.entity ? hit.entity->programs : std::vector<std::string>()});
  }
  return out;
}

}  // namespace sekisho::rules
