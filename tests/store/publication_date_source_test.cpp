// Issue 20 §1: a version records where its publication date came from; stores
// written before that column existed open, keep their versions, and gain it.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "sekisho/store.hpp"

namespace sekisho {
namespace {

namespace fs = std::filesystem;

ParsedList dated_list(const std::string& date, const std::string& source) {
  ParsedList p;
  p.format = "csv";
  p.publication_date = date;
  p.publication_date_source = source;
  p.files.push_back({"list.csv", "list.csv", "hash-" + date, 10});
  Entity e;
  e.id = make_entity_id("test", "1");
  e.source_id = "1";
  e.schema = Schema::kPerson;
  e.caption = "Ivan Petrov";
  e.add_name({.full = "Ivan Petrov"});
  p.entities.push_back(e);
  return p;
}

fs::path fresh_dir(const std::string& tag) {
  fs::path dir = fs::temp_directory_path() / ("sekisho-pubdate-" + tag + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(PublicationDateSource, IsStoredWithTheVersion) {
  fs::path home = fresh_dir("stored");
  auto store = ListStore::open(home);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  ASSERT_TRUE((*store)->import_list("test", dated_list("2026-11-30", "file name")).ok());
  auto v = (*store)->version("test");
  ASSERT_TRUE(v.ok()) << v.status().to_string();
  EXPECT_EQ(v->publication_date, "2026-11-30");
  EXPECT_EQ(v->publication_date_source, "file name");
  fs::remove_all(home);
}

TEST(PublicationDateSource, AStoreOfTheFirstSchemaOpensAndGainsTheColumn) {
  fs::path home = fresh_dir("old");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((home / "sekisho.db").c_str(), &db), SQLITE_OK);
  const char* old_schema = R"sql(
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta VALUES ('schema_version', '1');
    CREATE TABLE versions (list_id TEXT NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL,
      publication_date TEXT NOT NULL, format TEXT NOT NULL, content_hash TEXT NOT NULL, entity_count INTEGER NOT NULL,
      counts_json TEXT NOT NULL, files_json TEXT NOT NULL, PRIMARY KEY (list_id, version));
    INSERT INTO versions VALUES ('old', 1, '2026-01-01T00:00:00Z', '2025-12-31', 'csv', 'h', 0, '{}', '[]');
  )sql";
  ASSERT_EQ(sqlite3_exec(db, old_schema, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);

  auto store = ListStore::open(home);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  auto old = (*store)->version("old");
  ASSERT_TRUE(old.ok()) << old.status().to_string();
  EXPECT_EQ(old->publication_date, "2025-12-31");
  EXPECT_EQ(old->publication_date_source, "");  // not recorded then
  ASSERT_TRUE((*store)->import_list("test", dated_list("2026-11-30", "file")).ok());
  EXPECT_EQ((*store)->version("test")->publication_date_source, "file");
  store->reset();
  // Opening again finds the column in place.
  ASSERT_TRUE(ListStore::open(home).ok());
  fs::remove_all(home);
}

}  // namespace
}  // namespace sekisho
