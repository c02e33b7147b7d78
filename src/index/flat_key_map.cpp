#include "index/flat_key_map.hpp"

#include <algorithm>
#include <bit>

namespace sekisho::index {

FlatKeyMap::FlatKeyMap(std::vector<std::pair<uint64_t, uint32_t>> pairs) {
  for (auto& p : pairs) p.first = fix_key(p.first);
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  size_t keys = 0;
  for (size_t i = 0; i < pairs.size(); ++i) keys += (i == 0 || pairs[i].first != pairs[i - 1].first);
  key_count_ = keys;
  // Load factor ≤ 0.5 keeps probe sequences short.
  slots_.assign(std::bit_ceil(std::max<size_t>(16, keys * 2)), Slot{});
  values_.reserve(pairs.size());
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
