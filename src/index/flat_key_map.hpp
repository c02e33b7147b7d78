// An immutable open-addressing map from 64-bit keys to ranges of uint32
// values, built once from (key, value) pairs. Lookups touch one cache line in
// the common case and never allocate: the index's hot path is a few hundred
// of these per query.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace sekisho::index {

// madvise(MADV_HUGEPAGE) on the 2 MiB-aligned part of [data, data + bytes):
// for large, randomly probed arrays, before they are first written.
void advise_huge_pages(const void* data, size_t bytes);

class FlatKeyMap {
 public:
  FlatKeyMap() = default;
  // Takes (key, value) pairs in any order; equal keys gather their values.
  explicit FlatKeyMap(std::vector<std::pair<uint64_t, uint32_t>> pairs);

  // The values stored under `key`, empty when none.
  std::span<const uint32_t> find(uint64_t key) const {
    if (slots_.empty()) return {};
    key = fix_key(key);
    size_t mask = slots_.size() - 1;
    for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.key == key) return {values_.data() + s.offset, s.count};
      if (s.key == 0) return {};
    }
  }

  // Starts loading the slot of `key` into the cache. A query probes a token's
  // whole deletion neighbourhood (up to ~100 keys) in a table far larger than
  // the cache: prefetching them all first overlaps the misses.
  void prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[mix(fix_key(key)) & (slots_.size() - 1)]);
  }

  size_t key_count() const { return key_count_; }
  size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot) + values_.capacity() * sizeof(uint32_t); }

 private:
  struct Slot {
    uint64_t key = 0;  // 0 = empty
    uint32_t offset = 0;
    uint32_t count = 0;
  };
  static uint64_t fix_key(uint64_t key) { return key == 0 ? 1 : key; }
  // Keys are already hashes, but polynomial hashes keep structure in their low bits: remix.
  static uint64_t mix(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
  }

  std::vector<Slot> slots_;
  std::vector<uint32_t> values_;
  size_t key_count_ = 0;
};

}  // namespace sekisho::index
