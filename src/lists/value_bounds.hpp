// Bounds on the values a parsed list may hold, checked for every format once its parser is done
// (parse_list). A list is a file from outside: one field of megabytes must not reach the store,
// the index or every screening that loads them.
#pragma once

#include <cstddef>

#include "sekisho/lists.hpp"

namespace sekisho {

// A name longer than this is refused; a name within it but over the screening bounds (text.hpp
// kMaxNameBytes, kMaxNameWords) is stored whole and screened by its first words, with a warning.
inline constexpr size_t kMaxListedNameBytes = 64u << 10;
// Any other single value of an entity (an address, a remark, an identifier, …).
inline constexpr size_t kMaxListedValueBytes = 64u << 10;
// The source record kept verbatim (Entity::raw).
inline constexpr size_t kMaxRawRecordBytes = 1u << 20;
// Warnings listed one by one in a report; the rest are counted in one more line.
inline constexpr size_t kMaxListedWarnings = 20;

// A parse error naming the file, the entity and the field of the first value over its bound, else
// OK; appends to list.warnings a line for each name that screening will read only in part.
Status check_value_bounds(ParsedList& list);

}  // namespace sekisho
