// Polynomial hashes of tokens and of tokens with one or two letters deleted,
// computed in O(1) each from prefix hashes, so a query token's whole deletion
// neighbourhood (SymSpell; Garbe 2012) is hashed without building a string.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace sekisho::index {

inline constexpr uint64_t kHashBase = 0x100000001b3ULL;  // odd; arithmetic is mod 2^64
inline constexpr size_t kMaxHashedToken = 64;            // longer tokens are hashed whole only

// Hash of s[0, n) with its length mixed in (so "ab" and "\0ab" differ).
uint64_t token_hash(std::string_view s);

// Prefix hashes of one token: hash of any substring and of the token with
// positions deleted, all consistent with token_hash.
class TokenHasher {
 public:
  explicit TokenHasher(std::string_view s);
  uint64_t whole() const { return finish(prefix_[n_], n_); }
  // The token without position i.
  uint64_t without(size_t i) const;
  // The token without positions i < j.
  uint64_t without(size_t i, size_t j) const;
  size_t size() const { return n_; }

 private:
  uint64_t range(size_t a, size_t b) const { return prefix_[b] - prefix_[a] * pow_[b - a]; }
  static uint64_t finish(uint64_t h, size_t len) { return h ^ (static_cast<uint64_t>(len) * 0x9e3779b97f4a7c15ULL); }

  size_t n_;
  std::array<uint64_t, kMaxHashedToken + 1> prefix_;
  std::array<uint64_t, kMaxHashedToken + 1> pow_;
};

}  // namespace sekisho::index
