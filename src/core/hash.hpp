// SHA-256 (libsodium) for source files, entity records and policy bundles.
#pragma once

#include <string>
#include <string_view>

namespace sekisho {

// Lower-case hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

// Incremental form for data read in pieces.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  std::string hex_digest();  // finishes; call once

 private:
  alignas(64) unsigned char state_[128];
};

}  // namespace sekisho
