#include "core/hash.hpp"

#include <sodium.h>

#include <cstdlib>

namespace sekisho {

namespace {

void ensure_sodium() {
  // sodium_init is idempotent and thread-safe; -1 means no entropy source,
  // which hashing does not need, so only a hard failure would matter.
  static const int kInit = sodium_init();
  (void)kInit;
}

std::string to_hex(const unsigned char* digest, size_t n) {
  static const char kHex[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (size_t i = 0; i < n; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 15];
  }
  return out;
}

}  // namespace

static_assert(sizeof(crypto_hash_sha256_state) <= 128, "Sha256 state buffer too small");

std::string sha256_hex(std::string_view data) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return to_hex(digest, sizeof digest);
}

Sha256::Sha256() {
  ensure_sodium();
  crypto_hash_sha256_init(reinterpret_cast<crypto_hash_sha256_state*>(state_));
}

void Sha256::update(std::string_view data) {
  crypto_hash_sha256_update(reinterpret_cast<crypto_hash_sha256_state*>(state_),
                            reinterpret_cast<const unsigned char*>(data.data()), data.size());
}

std::string Sha256::hex_digest() {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(reinterpret_cast<crypto_hash_sha256_state*>(state_), digest);
  return to_hex(digest, sizeof digest);
}

}  // namespace sekisho
