// The age of the lists, as the CLI commands show it: a short cell for tables,
// a header line for batch runs, and the one warning a run gives for lists that
// are stale, undated or missing.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "sekisho/update.hpp"

namespace sekisho::cli {

// "2021-07, 1985 days, STALE" / "2026-02-27, 3 days" / "date unknown, UNDATED" / "MISSING".
std::string age_cell(const ListAge& age);

// The ListAge of `list_id` among `ages`, or nullptr.
const ListAge* find_age(const std::vector<ListAge>& ages, std::string_view list_id);

// "sekisho: lists: un_sc_sanctions v1 (2026-02-27, 283 days, STALE); …" (one line).
void print_lists_header(const std::vector<ListAge>& ages, std::ostream& os);

// One line naming every flagged list and why, when any is; nothing otherwise.
void warn_flagged_lists(const std::vector<ListAge>& ages, std::ostream& os);

}  // namespace sekisho::cli
