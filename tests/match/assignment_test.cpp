// best_assignment: the maximum-weight one-to-one pairing, checked against
// brute force on small random gain matrices, among them many where each row
// has its own best column (the shortcut) and many where rows compete.
#include <gtest/gtest.h>

#include <functional>
#include <random>

#include "match/assignment.hpp"

namespace sekisho::match::detail {
namespace {

double total(size_t cols, const std::vector<double>& gain, const std::vector<int>& row_to) {
  double sum = 0;
  std::vector<char> used(cols, 0);
  for (size_t r = 0; r < row_to.size(); ++r) {
    if (row_to[r] < 0) continue;
    const size_t c = static_cast<size_t>(row_to[r]);
    EXPECT_FALSE(used[c]) << "column " << c << " paired twice";
    EXPECT_GT(gain[r * cols + c], 0.0) << "a pair without gain";
    used[c] = 1;
    sum += gain[r * cols + c];
  }
  return sum;
}

// The best sum over every pairing (each row: a free column or none).
double brute_force(size_t rows, size_t cols, const std::vector<double>& gain) {
  std::vector<char> used(cols, 0);
  std::function<double(size_t)> best = [&](size_t r) -> double {
    if (r == rows) return 0.0;
    double b = best(r + 1);  // row r unpaired
    for (size_t c = 0; c < cols; ++c) {
      if (used[c] || gain[r * cols + c] <= 0) continue;
      used[c] = 1;
      b = std::max(b, gain[r * cols + c] + best(r + 1));
      used[c] = 0;
    }
    return b;
  };
  return best(0);
}

TEST(BestAssignment, ReachesTheBestSumOnRandomMatrices) {
  std::mt19937 rng(7);
  size_t shortcut_shaped = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const size_t rows = 1 + rng() % 6, cols = 1 + rng() % 6;
    std::vector<double> gain(rows * cols, 0.0);
    const bool diagonal = trial % 2 == 0;  // a good match: each row strongest on its own column
    for (size_t r = 0; r < rows; ++r) {
      for (size_t c = 0; c < cols; ++c) {
        if (rng() % 3 == 0) continue;  // no pair
        gain[r * cols + c] = (diagonal && r == c ? 2.0 : 0.0) + (rng() % 1000) / 1000.0;
      }
    }
    if (trial % 7 == 0 && rows > 1 && cols > 1) gain[0] = gain[cols] = 1.5;  // two rows tied on one column
    std::vector<int> row_to;
    best_assignment(rows, cols, gain, row_to);
    ASSERT_EQ(row_to.size(), rows);
    EXPECT_NEAR(total(cols, gain, row_to), brute_force(rows, cols, gain), 1e-9) << "trial " << trial;
    shortcut_shaped += diagonal;
  }
  EXPECT_GT(shortcut_shaped, 1000u);
}

}  // namespace
}  // namespace sekisho::match::detail
