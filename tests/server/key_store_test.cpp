// KeyStore: keys are shown once, stored only hashed, verified and revoked.
#include <fstream>
#include <sstream>

#include <sodium.h>
#include <sqlite3.h>

#include "keys/hash_compare.hpp"
#include "server_fixture.hpp"

namespace sekisho::testing {
namespace {

TEST(KeyStoreTest, CreatedKeyVerifiesWithItsRoleAndOthersDoNot) {
  fs::path home = fresh_home("keys");
  auto keys = KeyStore::open(home);
  ASSERT_TRUE(keys.ok()) << keys.status().to_string();
  auto admin = (*keys)->create(Role::kAdmin, "ops");
  auto screener = (*keys)->create(Role::kScreener, "", 12.5);
  ASSERT_TRUE(admin.ok() && screener.ok());
  EXPECT_EQ(admin->secret.rfind("sk_" + admin->record.id + "_", 0), 0u);
  EXPECT_NE(admin->secret, screener->secret);
  auto verifier = (*keys)->load_verifier();
  ASSERT_TRUE(verifier.ok());
  auto who = (*verifier)->verify(admin->secret);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->role, Role::kAdmin);
  EXPECT_EQ(who->name, "ops");
  auto s = (*verifier)->verify(screener->secret);
  ASSERT_TRUE(s.ok());
  EXPECT_DOUBLE_EQ(s->rate_limit, 12.5);
  // Another key's id with this key's secret, a truncated key, junk: all refused.
  std::string swapped = "sk_" + screener->record.id + admin->secret.substr(3 + 16);
  for (const std::string& bad : {swapped, admin->secret.substr(0, admin->secret.size() - 1), std::string("sk_"),
                                 std::string(""), std::string("Bearer x")}) {
    auto r = (*verifier)->verify(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kUnauthenticated);
  }
  fs::remove_all(home);
}

TEST(KeyStoreTest, SecretIsNotStoredAndFileIsPrivate) {
  fs::path home = fresh_home("keys");
  std::string secret;
  {
    auto keys = KeyStore::open(home);
    ASSERT_TRUE(keys.ok());
    secret = (*keys)->create(Role::kAdmin, "x")->secret;
  }
  std::string bytes;
  for (const auto& entry : fs::directory_iterator(home)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    bytes += ss.str();
  }
  // sk_<16 hex id>_<secret>: the secret is base64url and may itself hold '_', so it starts
  // after the first '_' past the prefix (the hex id has none), not after the last one (which
  // left a letter or two, found in any file by chance: a flaky failure).
  ASSERT_EQ(secret.rfind("sk_", 0), 0u) << secret;
  const size_t id_end = secret.find('_', 3);
  ASSERT_EQ(id_end, 3u + 16u) << secret;
  std::string secret_part = secret.substr(id_end + 1);
  ASSERT_GE(secret_part.size(), 16u) << secret;
  EXPECT_EQ(bytes.find(secret_part), std::string::npos) << "the secret is readable in the key store";
  auto perms = fs::status(home / "keys.db").permissions();
  EXPECT_EQ(perms & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
  fs::remove_all(home);
}

TEST(KeyStoreTest, RevokeAndListAndReopen) {
  fs::path home = fresh_home("keys");
  std::string secret, id;
  {
    auto keys = KeyStore::open(home);
    ASSERT_TRUE(keys.ok());
    auto k = (*keys)->create(Role::kAnalyst, "a");
    secret = k->secret;
    id = k->record.id;
    (void)(*keys)->create(Role::kScreener, "b");
    EXPECT_EQ(*(*keys)->active_count(), 2);
  }
  auto keys = KeyStore::open(home);  // same salt after reopening: old keys still verify
  ASSERT_TRUE(keys.ok());
  ASSERT_TRUE((*(*keys)->load_verifier())->verify(secret).ok());
  ASSERT_TRUE((*keys)->revoke(id).ok());
  EXPECT_EQ((*keys)->revoke(id).code(), StatusCode::kAlreadyExists);
  EXPECT_EQ((*keys)->revoke("ffffffffffffffff").code(), StatusCode::kNotFound);
  EXPECT_FALSE((*(*keys)->load_verifier())->verify(secret).ok());
  auto listed = (*keys)->list();
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, id);
  EXPECT_FALSE((*listed)[0].revoked_at.empty());
  EXPECT_TRUE((*listed)[1].revoked_at.empty());
  EXPECT_EQ(*(*keys)->active_count(), 1);
  EXPECT_FALSE((*keys)->create(Role::kNone, "").ok());
  EXPECT_FALSE(parse_role("root").ok());
  fs::remove_all(home);
}

// The per-store salt is used: a key's stored row copied into another store does not
// verify there. An unsalted hash, or a salt that is read but ignored, would pass the
// copied row (same secret, same stored hash) and fail this test.
TEST(KeyStoreTest, AKeysRowCopiedToAnotherStoreDoesNotVerifyThere) {
  fs::path a = fresh_home("keys-a"), b = fresh_home("keys-b");
  auto ka = KeyStore::open(a);
  auto kb = KeyStore::open(b);
  ASSERT_TRUE(ka.ok() && kb.ok());
  std::string secret = (*ka)->create(Role::kAdmin, "")->secret;
  ASSERT_TRUE((*(*ka)->load_verifier())->verify(secret).ok());

  auto read_column = [](const fs::path& db_path, const char* sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK);
    std::string value;
    if (sqlite3_step(st) == SQLITE_ROW) value = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return value;
  };
  EXPECT_NE(read_column(a / "keys.db", "SELECT value FROM meta WHERE key = 'salt'"),
            read_column(b / "keys.db", "SELECT value FROM meta WHERE key = 'salt'"));

  // Copy the key's row, hash included, into store b.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((b / "keys.db").c_str(), &db), SQLITE_OK);
  std::string attach = "ATTACH DATABASE '" + (a / "keys.db").string() + "' AS a";
  ASSERT_EQ(sqlite3_exec(db, attach.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO main.api_keys SELECT * FROM a.api_keys", nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  auto copied = (*kb)->list();
  ASSERT_TRUE(copied.ok());
  ASSERT_EQ(copied->size(), 1u) << "the row was not copied";

  auto r = (*(*kb)->load_verifier())->verify(secret);
  ASSERT_FALSE(r.ok()) << "store b accepted a hash made with store a's salt";
  EXPECT_EQ(r.status().code(), StatusCode::kUnauthenticated);
  fs::remove_all(a);
  fs::remove_all(b);
}

// Every verification of a known key id compares the whole hash through the
// constant-time comparison, right secret or wrong.
int g_compares = 0;
size_t g_compared_bytes = 0;
int counting_compare(const void* x, const void* y, size_t size) {
  ++g_compares;
  g_compared_bytes = size;
  return sodium_memcmp(x, y, size);
}

TEST(KeyStoreTest, VerificationComparesWholeHashesInConstantTime) {
  fs::path home = fresh_home("keys-ct");
  auto keys = KeyStore::open(home);
  ASSERT_TRUE(keys.ok());
  auto created = (*keys)->create(Role::kScreener, "");
  ASSERT_TRUE(created.ok());
  auto verifier = (*keys)->load_verifier();
  ASSERT_TRUE(verifier.ok());
  // The comparison the product installs is libsodium's constant-time one, not a memcmp that
  // returns at the first differing byte.
  const auto original = keys_detail::hash_compare;
  EXPECT_EQ(original, &sodium_memcmp);
  keys_detail::hash_compare = counting_compare;
  g_compares = 0;
  EXPECT_TRUE((*verifier)->verify(created->secret).ok());
  std::string wrong = created->secret;
  wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE((*verifier)->verify(wrong).ok());
  keys_detail::hash_compare = original;
  EXPECT_EQ(g_compares, 2);
  EXPECT_EQ(g_compared_bytes, 32u);
  fs::remove_all(home);
}

}  // namespace
}  // namespace sekisho::testing
