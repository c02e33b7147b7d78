#include "wire/hit_json.hpp"

#include <cmath>

#include "wire/explanation_json.hpp"

namespace sekisho {

nlohmann::ordered_json screen_hit_explanation(const ScreenHit& hit) {
  nlohmann::ordered_json j;
  j["query_form"] = hit.query_form;
  j["listed_form"] = hit.listed_form;
  j["name_kind"] = std::string(name_kind_name(hit.matched_kind));
  j["score"] = match::hit_score_json(hit.detail);
  return j;
}

nlohmann::ordered_json screen_hit_json(const ScreenHit& hit) {
  nlohmann::ordered_json m;
  m["entity_id"] = hit.entity->id;
  m["list"] = hit.list_id;
  m["schema"] = std::string(schema_name(hit.entity->schema));
  m["caption"] = hit.entity->caption;
  m["matched_name"] = hit.matched_name;
  // Four decimals: enough to rank and threshold, stable across platforms' last-bit differences.
  m["score"] = std::round(hit.score * 10000) / 10000;
  m["explanation"] = screen_hit_explanation(hit);
  return m;
}

namespace {
template <typename Json>
void mark(const ScreenResult& result, Json& out) {
  if (result.complete) return;
  out["complete"] = false;
  out["incomplete_reason"] = result.incomplete_reason;
}
}  // namespace

void mark_incomplete(const ScreenResult& result, nlohmann::ordered_json& out) { mark(result, out); }
void mark_incomplete(const ScreenResult& result, nlohmann::json& out) { mark(result, out); }

std::string ScreenHit::explanation_json() const { return screen_hit_explanation(*this).dump(); }

}  // namespace sekisho
