#include "index/flat_key_map.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>

#include <sys/mman.h>

namespace sekisho::index {

void advise_huge_pages(const void* data, size_t bytes) {
  // Lookups land on random slots of tables of tens of megabytes: with 4 KiB
  // pages nearly each one also misses the TLB. Asked before the first touch,
  // so the pages are faulted in huge where the kernel allows (THP "madvise").
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

FlatKeyMap::FlatKeyMap(std::vector<std::pair<uint64_t, uint32_t>> pairs) {
  for (auto& p : pairs) p.first = fix_key(p.first);
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  size_t keys = 0;
  for (size_t i = 0; i < pairs.size(); ++i) keys += (i == 0 || pairs[i].first != pairs[i - 1].first);
  key_count_ = keys;
  // Load factor ≤ 0.5 keeps probe sequences short.
  const size_t slot_count = std::bit_ceil(std::max<size_t>(16, keys * 2));
  slots_.reserve(slot_count);
  advise_huge_pages(slots_.data(), slot_count * sizeof(Slot));
  slots_.assign(slot_count, Slot{});
  values_.reserve(pairs.size());
  advise_huge_pages(values_.data(), pairs.size() * sizeof(uint32_t));
  size_t mask = slots_.size() - 1;
  size_t i = 0;
  while (i < pairs.size()) {
    uint64_t key = pairs[i].first;
    uint32_t offset = static_cast<uint32_t>(values_.size());
    while (i < pairs.size() && pairs[i].first == key) values_.push_back(pairs[i++].second);
    size_t s = mix(key) & mask;
    while (slots_[s].key != 0) s = (s + 1) & mask;
    slots_[s] = Slot{key, offset, static_cast<uint32_t>(values_.size() - offset)};
  }
}

}  // namespace sekisho::index
