// sekisho/keys.hpp — API keys for the HTTP server: roles, creation, revocation, verification.
//
// A key is shown once, when created, and stored only as a keyed hash in
// keys.db beside the list store (file mode 0600). Each key has a role; the
// roles are ordered, each one allowed everything the one below it is:
//   screener  screening, search, entities, catalog
//   analyst   + lists and diffs
//   admin     + list imports and key management
//
//   auto keys = sekisho::KeyStore::open(home);
//   auto created = (*keys)->create(Role::kAdmin, "ops laptop");
//   std::cout << created->secret;                // "sk_3f9c…_…", never shown again
//   auto verifier = (*keys)->load_verifier();    // immutable, for request threads
//   auto who = verifier->verify(bearer_token);   // kUnauthenticated when unknown or revoked
//
// Thread safety: a KeyStore is one SQLite connection (one thread at a time);
// a KeyVerifier is immutable and safe to share between threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sekisho/status.hpp"

struct sqlite3;

namespace sekisho {

enum class Role : uint8_t {
  kNone = 0,  // open routes (health, metrics, OpenAPI): no key needed
  kScreener,
  kAnalyst,
  kAdmin,
};

std::string_view role_name(Role role);  // "screener", "analyst", "admin", "none"
Result<Role> parse_role(std::string_view name);

struct KeyRecord {
  std::string id;  // public part of the key: "3f9c0a1b2c3d4e5f"
  Role role = Role::kScreener;
  std::string name;        // free label given at creation
  double rate_limit = 0;   // requests per second for this key; 0 = the server's default
  std::string created_at;  // UTC ISO 8601
  std::string revoked_at;  // empty while the key is active
};

struct CreatedKey {
  KeyRecord record;
  std::string secret;  // the whole key to send as "Authorization: Bearer <secret>"
};

// An immutable copy of the active keys' hashes, for verifying on request threads
// without touching SQLite.
class KeyVerifier {
 public:
  // The active key a presented token belongs to; kUnauthenticated otherwise.
  Result<KeyRecord> verify(std::string_view token) const;
  size_t active_count() const { return keys_.size(); }
  // Changes whenever a key is created or revoked (the reloader compares it).
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  friend class KeyStore;
  struct Entry {
    KeyRecord record;
    std::string hash;  // raw bytes of the keyed BLAKE2b hash
  };
  std::string salt_;  // raw bytes, the store's hashing key
  std::unordered_map<std::string, Entry> keys_;
  std::string fingerprint_;
};

class KeyStore {
 public:
  // Opens (creating if needed) keys.db in directory `home`.
  static Result<std::unique_ptr<KeyStore>> open(const std::filesystem::path& home);
  ~KeyStore();
  KeyStore(const KeyStore&) = delete;
  KeyStore& operator=(const KeyStore&) = delete;

  // Creates a key; the secret in the result is not stored anywhere.
  Result<CreatedKey> create(Role role, std::string name, double rate_limit = 0);
  // Every key, active and revoked, oldest first.
  Result<std::vector<KeyRecord>> list();
  // Revokes key `id`; kNotFound when there is no such key, kAlreadyExists when already revoked.
  Status revoke(const std::string& id);
  // Number of keys not revoked.
  Result<int> active_count();
  // A snapshot of the active keys for verification.
  Result<std::shared_ptr<const KeyVerifier>> load_verifier();

  const std::filesystem::path& path() const { return path_; }

 private:
  KeyStore(sqlite3* db, std::filesystem::path path, std::string salt)
      : db_(db), path_(std::move(path)), salt_(std::move(salt)) {}
  sqlite3* db_;
  std::filesystem::path path_;
  std::string salt_;
};

}  // namespace sekisho
