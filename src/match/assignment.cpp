#include "match/assignment.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace sekisho::match::detail {
namespace {

std::vector<int> greedy(size_t rows, size_t cols, const std::vector<double>& gain) {
  std::vector<size_t> order(rows * cols);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return gain[a] > gain[b]; });
  std::vector<int> row_to(rows, -1);
  std::vector<char> col_used(cols, 0);
  for (size_t k : order) {
    if (gain[k] <= 0) break;
    const size_t r = k / cols, c = k % cols;
    if (row_to[r] >= 0 || col_used[c]) continue;
    row_to[r] = static_cast<int>(c);
    col_used[c] = 1;
  }
  return row_to;
}

// Rows are processed one by one; dp[mask] is the best gain with the columns in
// `mask` taken. choice[r][mask] records the column row r took (or -1).
std::vector<int> exact(size_t rows, size_t cols, const std::vector<double>& gain) {
  const size_t states = size_t{1} << cols;
  std::vector<double> dp(states, -1.0), next(states);
  std::vector<int8_t> choice(rows * states, -1);
  dp[0] = 0.0;
  for (size_t r = 0; r < rows; ++r) {
    next = dp;  // row r unpaired
    int8_t* ch = &choice[r * states];
    for (size_t mask = 0; mask < states; ++mask) {
      if (dp[mask] < 0) continue;
      for (size_t c = 0; c < cols; ++c) {
        const double g = gain[r * cols + c];
        if (g <= 0 || (mask >> c & 1)) continue;
        const size_t to = mask | (size_t{1} << c);
        if (dp[mask] + g > next[to]) {
          next[to] = dp[mask] + g;
          ch[to] = static_cast<int8_t>(c);
        }
      }
    }
    dp.swap(next);
  }
  size_t best = static_cast<size_t>(std::max_element(dp.begin(), dp.end()) - dp.begin());
  std::vector<int> row_to(rows, -1);
  for (size_t r = rows; r-- > 0;) {
    const int8_t c = choice[r * states + best];
    // A recorded choice is only valid if row r really took c on the best path:
    // -1 means the state was carried over from the previous row unchanged.
    if (c >= 0) {
      row_to[r] = c;
      best &= ~(size_t{1} << c);
    }
  }
  return row_to;
}

}  // namespace

std::vector<int> best_assignment(size_t rows, size_t cols, const std::vector<double>& gain) {
  if (rows == 0 || cols == 0) return std::vector<int>(rows, -1);
  if (std::min(rows, cols) > kMaxExactSide) return greedy(rows, cols, gain);
  if (cols <= rows) return exact(rows, cols, gain);
  // Transpose so the subset dimension is the smaller side.
  std::vector<double> t(rows * cols);
  for (size_t r = 0; r < rows; ++r)
    for (size_t c = 0; c < cols; ++c) t[c * rows + r] = gain[r * cols + c];
  const std::vector<int> col_to = exact(cols, rows, t);
  std::vector<int> row_to(rows, -1);
  for (size_t c = 0; c < cols; ++c)
    if (col_to[c] >= 0) row_to[static_cast<size_t>(col_to[c])] = static_cast<int>(c);
  return row_to;
}

}  // namespace sekisho::match::detail
