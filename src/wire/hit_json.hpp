// One screening hit as the JSON object the `sekisho screen` contract and the
// HTTP API share: {"entity_id", "list", "schema", "caption", "matched_name",
// "score", "explanation"}. One builder, so the two cannot drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include "sekisho/screen.hpp"

namespace sekisho {

nlohmann::ordered_json screen_hit_json(const ScreenHit& hit);

// Marks `out` (one party's answer) when its screening was cut short: "complete": false and
// "incomplete_reason". A complete screening adds nothing, so answers keep their shape.
void mark_incomplete(const ScreenResult& result, nlohmann::ordered_json& out);
void mark_incomplete(const ScreenResult& result, nlohmann::json& out);

// The "explanation" member alone: which forms met, the name alignment and each qualifier's effect.
nlohmann::ordered_json screen_hit_explanation(const ScreenHit& hit);

}  // namespace sekisho
