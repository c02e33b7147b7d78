// Shared by the two UK Sanctions List readers (uk_ods.cpp, uk_csv.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sekisho/entity.hpp"

namespace sekisho {

// "Individual" → Person, "Entity" → Organization, "Ship" → Vessel (case-insensitive).
std::optional<Schema> uk_schema(std::string_view type);

// "29-06-2012" or "29/06/2012" → "2012-06-29"; "" when malformed.
std::string uk_date(std::string_view ddmmyyyy);

}  // namespace sekisho
