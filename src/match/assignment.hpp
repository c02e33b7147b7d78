// Maximum-weight one-to-one assignment for the small bipartite graphs of name
// tokens (a name rarely has more than 8 parts).
#pragma once

#include <cstddef>
#include <vector>

namespace sekisho::match::detail {

// gain[r * cols + c] > 0 where row r may pair with column c, else ≤ 0 (not allowed).
// Returns, per row, the paired column or -1. Exact (dynamic programming over
// subsets of the smaller side) up to kMaxExactSide; greedy by gain beyond.
std::vector<int> best_assignment(size_t rows, size_t cols, const std::vector<double>& gain);

inline constexpr size_t kMaxExactSide = 10;

}  // namespace sekisho::match::detail
