#include "match/assignment.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace sekisho::match::detail {
namespace {

struct Scratch {
  std::vector<double> dp, next, transposed;
  std::vector<int8_t> choice;
  std::vector<int> col_to;
  std::vector<size_t> order;
  std::vector<char> col_used;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

void greedy(size_t rows, size_t cols, std::span<const double> gain, std::vector<int>& row_to) {
  Scratch& s = scratch();
  s.order.resize(rows * cols);
  std::iota(s.order.begin(), s.order.end(), size_t{0});
  std::stable_sort(s.order.begin(), s.order.end(), [&](size_t a, size_t b) { return gain[a] > gain[b]; });
  row_to.assign(rows, -1);
  s.col_used.assign(cols, 0);
  for (size_t k : s.order) {
    if (gain[k] <= 0) break;
    const size_t r = k / cols, c = k % cols;
    if (row_to[r] >= 0 || s.col_used[c]) continue;
    row_to[r] = static_cast<int>(c);
    s.col_used[c] = 1;
  }
}

// Rows are processed one by one; dp[mask] is the best gain with the columns in
// `mask` taken. choice[r][mask] records the column row r took (or -1).
void exact(size_t rows, size_t cols, std::span<const double> gain, std::vector<int>& row_to) {
  Scratch& s = scratch();
  const size_t states = size_t{1} << cols;
  s.dp.assign(states, -1.0);
  s.next.resize(states);
  s.choice.assign(rows * states, -1);
  s.dp[0] = 0.0;
  for (size_t r = 0; r < rows; ++r) {
    std::copy(s.dp.begin(), s.dp.end(), s.next.begin());  // row r unpaired
    int8_t* ch = &s.choice[r * states];
    for (size_t mask = 0; mask < states; ++mask) {
      if (s.dp[mask] < 0) continue;
      for (size_t c = 0; c < cols; ++c) {
        const double g = gain[r * cols + c];
        if (g <= 0 || (mask >> c & 1)) continue;
        const size_t to = mask | (size_t{1} << c);
        if (s.dp[mask] + g > s.next[to]) {
          s.next[to] = s.dp[mask] + g;
          ch[to] = static_cast<int8_t>(c);
        }
      }
    }
    s.dp.swap(s.next);
  }
  size_t best = static_cast<size_t>(std::max_element(s.dp.begin(), s.dp.end()) - s.dp.begin());
  row_to.assign(rows, -1);
  for (size_t r = rows; r-- > 0;) {
    const int8_t c = s.choice[r * states + best];
    // A recorded choice is only valid if row r really took c on the best path:
    // -1 means the state was carried over from the previous row unchanged.
    if (c >= 0) {
      row_to[r] = c;
      best &= ~(size_t{1} << c);
    }
  }
}

// When each row's best column is strictly better than its others and no two
// rows share one, giving every row its best is the one optimum: no other
// assignment reaches the sum of the row maxima. A name that matches pairs
// most tokens this way; the search over subsets is left for the rest.
bool distinct_row_bests(size_t rows, size_t cols, std::span<const double> gain, std::vector<int>& row_to) {
  Scratch& s = scratch();
  s.col_used.assign(cols, 0);
  row_to.assign(rows, -1);
  for (size_t r = 0; r < rows; ++r) {
    const double* g = gain.data() + r * cols;
    size_t best = 0;
    for (size_t c = 1; c < cols; ++c) {
      if (g[c] > g[best]) best = c;
    }
    if (g[best] <= 0) continue;  // pairs with nothing, in every assignment
    for (size_t c = 0; c < cols; ++c) {
      if (c != best && g[c] == g[best]) return false;  // a tie: more than one optimum may exist
    }
    if (s.col_used[best]) return false;
    s.col_used[best] = 1;
    row_to[r] = static_cast<int>(best);
  }
  return true;
}

}  // namespace

void best_assignment(size_t rows, size_t cols, std::span<const double> gain, std::vector<int>& row_to) {
  if (rows == 0 || cols == 0) {
    row_to.assign(rows, -1);
    return;
  }
  if (distinct_row_bests(rows, cols, gain, row_to)) return;
  if (std::min(rows, cols) > kMaxExactSide) return greedy(rows, cols, gain, row_to);
  if (cols <= rows) return exact(rows, cols, gain, row_to);
  // Transpose so the subset dimension is the smaller side.
  Scratch& s = scratch();
  s.transposed.resize(rows * cols);
  for (size_t r = 0; r < rows; ++r)
    for (size_t c = 0; c < cols; ++c) s.transposed[c * rows + r] = gain[r * cols + c];
  exact(cols, rows, s.transposed, s.col_to);
  row_to.assign(rows, -1);
  for (size_t c = 0; c < cols; ++c)
    if (s.col_to[c] >= 0) row_to[static_cast<size_t>(s.col_to[c])] = static_cast<int>(c);
}

}  // namespace sekisho::match::detail
