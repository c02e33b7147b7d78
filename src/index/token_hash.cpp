#include "index/token_hash.hpp"

#include <algorithm>

namespace sekisho::index {

uint64_t token_hash(std::string_view s) {
  uint64_t h = 0;
  for (unsigned char c : s) h = h * kHashBase + (c + 1);
  return h ^ (static_cast<uint64_t>(s.size()) * 0x9e3779b97f4a7c15ULL);
}

TokenHasher::TokenHasher(std::string_view s) : n_(std::min(s.size(), kMaxHashedToken)) {
  prefix_[0] = 0;
  pow_[0] = 1;
  for (size_t i = 0; i < n_; ++i) {
    prefix_[i + 1] = prefix_[i] * kHashBase + (static_cast<unsigned char>(s[i]) + 1);
    pow_[i + 1] = pow_[i] * kHashBase;
  }
}

uint64_t TokenHasher::without(size_t i) const {
  uint64_t h = prefix_[i] * pow_[n_ - i - 1] + range(i + 1, n_);
  return finish(h, n_ - 1);
}

uint64_t TokenHasher::without(size_t i, size_t j) const {
  // prefix [0,i) + middle (i,j) + suffix (j,n)
  uint64_t h = prefix_[i];
  h = h * pow_[j - i - 1] + range(i + 1, j);
  h = h * pow_[n_ - j - 1] + range(j + 1, n_);
  return finish(h, n_ - 2);
}

}  // namespace sekisho::index
