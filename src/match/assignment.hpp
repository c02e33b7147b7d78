// Maximum-weight one-to-one assignment for the small bipartite graphs of name
// tokens (a name rarely has more than 8 parts).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace sekisho::match::detail {

// gain[r * cols + c] > 0 where row r may pair with column c, else ≤ 0 (not allowed).
// Fills `row_to` with, per row, the paired column or -1. Exact (dynamic
// programming over subsets of the smaller side) up to kMaxExactSide; greedy by
// gain beyond. Allocation-free once the calling thread's scratch has grown:
// it runs once per name pair scored.
void best_assignment(size_t rows, size_t cols, std::span<const double> gain, std::vector<int>& row_to);

inline constexpr size_t kMaxExactSide = 10;

}  // namespace sekisho::match::detail
