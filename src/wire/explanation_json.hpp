// The explanation of a hit score as a JSON value, for callers inside sekisho
// that embed it in a larger document (screen output, HTTP responses) without
// a dump-and-parse round trip. HitScore::to_json() is its text.
// (The JSON form lives in wire/ so that match/ needs no JSON library.)
#pragma once

#include <nlohmann/json.hpp>

#include "sekisho/match.hpp"

namespace sekisho::match {

nlohmann::ordered_json hit_score_json(const HitScore& hit);

}  // namespace sekisho::match
