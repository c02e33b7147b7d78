// API keys: creation, listing, revocation and the in-memory verifier.
//
// Why a keyed BLAKE2b hash rather than crypto_pwhash (Argon2): password
// hashing is slow on purpose because passwords are guessable. A sekisho key
// carries 256 random bits, so brute force is hopeless whatever the hash, and
// the server verifies a key on every request (thousands per second), where
// Argon2's ~100 ms would be the whole latency budget many times over. The
// per-store random salt is the BLAKE2b key, so a stolen keys.db alone does
// not even allow testing candidate keys offline against another store.
// Each key starts with a public id ("sk_<id>_<secret>") so verification is
// one map lookup plus one constant-time comparison.
#include <sodium.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "core/utc_time.hpp"
#include "keys/hash_compare.hpp"
#include "sekisho/keys.hpp"
#include "sqlite/sqlite_util.hpp"

namespace sekisho {

namespace keys_detail {
HashCompare hash_compare = sodium_memcmp;
}  // namespace keys_detail

namespace fs = std::filesystem;

namespace {

constexpr const char* kSchemaSql = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_keys (
  id         TEXT PRIMARY KEY,
  role       TEXT NOT NULL,
  name       TEXT NOT NULL,
  hash       TEXT NOT NULL,
  rate_milli INTEGER NOT NULL DEFAULT 0,  -- thousandths of a request per second; 0 = server default
  created_at TEXT NOT NULL,
  revoked_at TEXT NOT NULL DEFAULT ''
);
)sql";

constexpr size_t kIdBytes = 8;                           // 16 hex characters, shown in `keys list`
constexpr size_t kSecretBytes = 32;                      // 256 bits
constexpr size_t kHashBytes = crypto_generichash_BYTES;  // 32
constexpr std::string_view kKeyPrefix = "sk_";

bool sodium_ready() {
  static const int kInit = sodium_init();
  return kInit >= 0;
}

std::string random_bytes(size_t n) {
  std::string out(n, '\0');
  randombytes_buf(out.data(), n);
  return out;
}

std::string hex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  out.pop_back();
  return out;
}

std::string unhex(std::string_view text) {
  std::string out(text.size() / 2, '\0');
  size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr, &len,
                     nullptr) != 0) {
    return {};
  }
  out.resize(len);
  return out;
}

std::string base64url(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string keyed_hash(std::string_view salt, std::string_view secret) {
  std::string out(kHashBytes, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                     reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                     reinterpret_cast<const unsigned char*>(salt.data()), salt.size());
  return out;
}

KeyRecord record_from_row(const Statement& st) {
  KeyRecord r;
  r.id = std::string(st.column_text(0));
  Result<Role> role = parse_role(st.column_text(1));
  r.role = role.ok() ? *role : Role::kNone;  // an unknown role grants nothing
  r.name = std::string(st.column_text(2));
  r.rate_limit = static_cast<double>(st.column_int(4)) / 1000.0;
  r.created_at = std::string(st.column_text(5));
  r.revoked_at = std::string(st.column_text(6));
  return r;
}

constexpr const char* kSelectKeys =
    "SELECT id, role, name, hash, rate_milli, created_at, revoked_at FROM api_keys "
    "ORDER BY rowid";  // creation order

}  // namespace

std::string_view role_name(Role role) {
  switch (role) {
    case Role::kNone:
      return "none";
    case Role::kScreener:
      return "screener";
    case Role::kAnalyst:
      return "analyst";
    case Role::kAdmin:
      return "admin";
  }
  return "none";
}

Result<Role> parse_role(std::string_view name) {
  if (name == "screener") return Role::kScreener;
  if (name == "analyst") return Role::kAnalyst;
  if (name == "admin") return Role::kAdmin;
  return invalid_argument("unknown role '" + std::string(name) + "' (expected screener, analyst or admin)");
}

Result<KeyRecord> KeyVerifier::verify(std::string_view token) const {
  // sk_<16 hex id>_<secret>
  if (token.substr(0, kKeyPrefix.size()) != kKeyPrefix || token.size() < kKeyPrefix.size() + kIdBytes * 2 + 2 ||
      token[kKeyPrefix.size() + kIdBytes * 2] != '_') {
    return Status(StatusCode::kUnauthenticated, "malformed API key");
  }
  std::string id(token.substr(kKeyPrefix.size(), kIdBytes * 2));
  auto it = keys_.find(id);
  if (it == keys_.end()) return Status(StatusCode::kUnauthenticated, "unknown or revoked API key");
  std::string presented = keyed_hash(salt_, token);
  if (presented.size() != it->second.hash.size() ||
      keys_detail::hash_compare(presented.data(), it->second.hash.data(), presented.size()) != 0) {
    return Status(StatusCode::kUnauthenticated, "unknown or revoked API key");
  }
  return it->second.record;
}

Result<std::unique_ptr<KeyStore>> KeyStore::open(const fs::path& home) {
  if (!sodium_ready()) return internal_error("libsodium could not be initialised");
  const fs::path path = home / "keys.db";
  std::error_code ec;
  const bool existed = fs::exists(path, ec);
  SEKISHO_ASSIGN_OR_RETURN(sqlite3 * db, open_wal_database(home, "keys.db", "key store", 10000));
  // Key hashes are secrets of a kind: only the owner may read the file.
  if (!existed) ::chmod(path.c_str(), 0600);
  auto close_with = [db](Status st) {
    sqlite3_close(db);
    return st;
  };
  if (Status st = sqlite_exec(db, kSchemaSql); !st.ok()) return close_with(st.with_context(path.string()));
  std::string salt;
  {
    // INSERT OR IGNORE then SELECT: two processes creating the store agree on one salt.
    Statement put(db, "INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?1)");
    if (!put.status().ok()) return close_with(put.status());
    put.bind(1, hex(random_bytes(crypto_generichash_KEYBYTES)));
    put.step();
    if (!put.status().ok()) return close_with(put.status());
    Statement get(db, "SELECT value FROM meta WHERE key = 'salt'");
    if (!get.step()) return close_with(internal_error(path.string() + ": key store has no salt"));
    salt = unhex(get.column_text(0));
  }
  if (salt.size() != crypto_generichash_KEYBYTES) return close_with(internal_error(path.string() + ": bad salt"));
  return std::unique_ptr<KeyStore>(new KeyStore(db, path, std::move(salt)));
}

KeyStore::~KeyStore() { sqlite3_close(db_); }

Result<CreatedKey> KeyStore::create(Role role, std::string name, double rate_limit) {
  if (role == Role::kNone) return invalid_argument("a key needs a role: screener, analyst or admin");
  if (rate_limit < 0) return invalid_argument("rate limit must be 0 (server default) or positive");
  CreatedKey out;
  out.record.id = hex(random_bytes(kIdBytes));
  out.record.role = role;
  out.record.name = std::move(name);
  out.record.rate_limit = rate_limit;
  out.record.created_at = utc_now_iso();
  out.secret = std::string(kKeyPrefix) + out.record.id + "_" + base64url(random_bytes(kSecretBytes));
  Statement st(db_,
               "INSERT INTO api_keys (id, role, name, hash, rate_milli, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, out.record.id)
      .bind(2, role_name(role))
      .bind(3, out.record.name)
      .bind(4, hex(keyed_hash(salt_, out.secret)));
  st.bind(5, static_cast<int64_t>(rate_limit * 1000)).bind(6, out.record.created_at);
  st.step();
  SEKISHO_RETURN_IF_ERROR(st.status().with_context(path_.string()));
  return out;
}

Result<std::vector<KeyRecord>> KeyStore::list() {
  Statement st(db_, kSelectKeys);
  SEKISHO_RETURN_IF_ERROR(st.status());
  std::vector<KeyRecord> out;
  while (st.step()) {
    KeyRecord r = record_from_row(st);
    out.push_back(std::move(r));
  }
  SEKISHO_RETURN_IF_ERROR(st.status().with_context(path_.string()));
  return out;
}

Status KeyStore::revoke(const std::string& id) {
  Statement find(db_, "SELECT revoked_at FROM api_keys WHERE id = ?1");
  SEKISHO_RETURN_IF_ERROR(find.status());
  find.bind(1, id);
  if (!find.step()) {
    SEKISHO_RETURN_IF_ERROR(find.status());
    return not_found("no API key with id '" + id + "' (see `sekisho keys list`)");
  }
  if (!find.column_text(0).empty()) return already_exists("key " + id + " was already revoked");
  Statement st(db_, "UPDATE api_keys SET revoked_at = ?1 WHERE id = ?2");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, utc_now_iso()).bind(2, id);
  st.step();
  return st.status().with_context(path_.string());
}

Result<int> KeyStore::active_count() {
  Statement st(db_, "SELECT COUNT(*) FROM api_keys WHERE revoked_at = ''");
  SEKISHO_RETURN_IF_ERROR(st.status());
  if (!st.step()) return st.status().ok() ? internal_error("COUNT returned no row") : st.status();
  return static_cast<int>(st.column_int(0));
}

Result<std::shared_ptr<const KeyVerifier>> KeyStore::load_verifier() {
  Statement st(db_, kSelectKeys);
  SEKISHO_RETURN_IF_ERROR(st.status());
  auto verifier = std::make_shared<KeyVerifier>();
  verifier->salt_ = salt_;
  while (st.step()) {
    KeyRecord r = record_from_row(st);
    verifier->fingerprint_ += r.id + ":" + r.revoked_at + ";";
    if (!r.revoked_at.empty() || r.role == Role::kNone) continue;
    std::string hash = unhex(st.column_text(3));
    std::string id = r.id;
    verifier->keys_.emplace(std::move(id), KeyVerifier::Entry{std::move(r), std::move(hash)});
  }
  SEKISHO_RETURN_IF_ERROR(st.status().with_context(path_.string()));
  return std::shared_ptr<const KeyVerifier>(std::move(verifier));
}

}  // namespace sekisho
