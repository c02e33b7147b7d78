// How a presented key's hash is compared with the stored one: in constant time
// (sodium_memcmp), so that response times do not tell an attacker how many
// leading bytes of a guess were right. A seam, so that a test can assert that
// every verification goes through it.
#pragma once

#include <cstddef>

namespace sekisho::keys_detail {

// 0 when the `size` bytes at `a` and `b` are equal; must not return early.
using HashCompare = int (*)(const void* a, const void* b, size_t size);

// The comparison KeyVerifier::verify uses; sodium_memcmp unless a test swapped it.
extern HashCompare hash_compare;

}  // namespace sekisho::keys_detail
