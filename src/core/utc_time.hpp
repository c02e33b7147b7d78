// The current time as the store and the server write it.
#pragma once

#include <string>

namespace sekisho {

// UTC now, ISO 8601 to the second: "2025-04-19T08:30:00Z".
std::string utc_now_iso();

}  // namespace sekisho
