#include "sekisho/store.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

namespace sekisho {
namespace {

namespace fs = std::filesystem;

class ListStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    home_ = fs::temp_directory_path() / ("sekisho-store-test-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(home_);
    auto s = ListStore::open(home_);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    store_ = std::move(s).value();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(home_);
  }

  static Entity person(const std::string& id, const std::string& name) {
    Entity e;
    e.id = make_entity_id("test", id);
    e.source_id = id;
    e.schema = Schema::kPerson;
    e.caption = name;
    e.add_name({.full = name});
    return e;
  }

  static ParsedList list(std::vector<Entity> entities, const std::string& file_hash) {
    ParsedList p;
    p.format = "csv";
    p.files.push_back({"x.csv", "x.csv", file_hash, 10});
    p.entities = std::move(entities);
    return p;
  }

  fs::path home_;
  std::unique_ptr<ListStore> store_;
};

TEST_F(ListStoreTest, FirstImportCreatesVersionOneWithCounts) {
  Entity org = person("2", "ACME");
  org.schema = Schema::kCompany;
  auto r = store_->import_list("test", list({person("1", "Ivan Petrov"), org}, "h1"));
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_TRUE(r->created);
  EXPECT_EQ(r->version.version, 1);
  EXPECT_EQ(r->version.entity_count, 2);
  EXPECT_EQ(r->version.counts_by_schema.at("Person"), 1);
  EXPECT_EQ(r->version.counts_by_schema.at("Company"), 1);
  auto entities = store_->load_entities("test");
  ASSERT_TRUE(entities.ok());
  ASSERT_EQ(entities->size(), 2u);
  EXPECT_EQ((*entities)[0].caption, "Ivan Petrov");
}

TEST_F(ListStoreTest, IdenticalFilesCreateNoNewVersion) {
  ASSERT_TRUE(store_->import_list("test", list({person("1", "A")}, "h1")).ok());
  auto again = store_->import_list("test", list({person("1", "A")}, "h1"));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->version.version, 1);
  EXPECT_EQ(store_->versions("test")->size(), 1u);
}

TEST_F(ListStoreTest, DiffReportsAddedRemovedAndChangedFields) {
  ASSERT_TRUE(store_->import_list("test", list({person("1", "A"), person("2", "B"), person("3", "C")}, "h1")).ok());
  Entity b2 = person("2", "B");
  b2.programs = {"SDGT"};
  auto r = store_->import_list("test", list({person("1", "A"), b2, person("4", "D")}, "h2"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->version.version, 2);
  EXPECT_EQ(r->added, 1);
  EXPECT_EQ(r->removed, 1);
  EXPECT_EQ(r->changed, 1);
  auto d = store_->diff("test", 1, 2);
  ASSERT_TRUE(d.ok()) << d.status().to_string();
  ASSERT_EQ(d->added.size(), 1u);
  EXPECT_EQ(d->added[0].entity_id, "test-4");
  ASSERT_EQ(d->removed.size(), 1u);
  EXPECT_EQ(d->removed[0].entity_id, "test-3");
  ASSERT_EQ(d->changed.size(), 1u);
  EXPECT_EQ(d->changed[0].fields, std::vector<std::string>{"programs"});
  // Old versions stay readable.
  EXPECT_EQ(store_->load_entities("test", 1)->size(), 3u);
  // Defaults: the latest against the one before.
  EXPECT_EQ(store_->diff("test")->to, 2);
}

TEST_F(ListStoreTest, DeltaAppliesOnLatestVersion) {
  ASSERT_TRUE(store_->import_list("test", list({person("1", "A"), person("2", "B")}, "h1")).ok());
  ParsedList delta = list({person("3", "C"), person("1", "A renamed")}, "d1");
  delta.is_delta = true;
  delta.deleted_ids = {"test-2"};
  auto r = store_->import_list("test", delta);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->added, 1);
  EXPECT_EQ(r->removed, 1);
  EXPECT_EQ(r->changed, 1);
  auto entities = store_->load_entities("test");
  ASSERT_EQ(entities->size(), 2u);
  EXPECT_EQ((*entities)[0].caption, "A renamed");
  EXPECT_EQ((*entities)[1].id, "test-3");
}

TEST_F(ListStoreTest, DeltaWithoutBaseIsRefused) {
  ParsedList delta = list({person("3", "C")}, "d1");
  delta.is_delta = true;
  auto r = store_->import_list("fresh", delta);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->versions("fresh").status().code(), StatusCode::kNotFound);
}

TEST_F(ListStoreTest, UnknownListsAndVersionsAreNotFound) {
  EXPECT_EQ(store_->versions("nope").status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(store_->import_list("test", list({person("1", "A")}, "h1")).ok());
  EXPECT_EQ(store_->diff("test", 1, 7).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->get_entity("test-99").status().code(), StatusCode::kNotFound);
  auto e = store_->get_entity("test-1");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->caption, "A");
}

TEST_F(ListStoreTest, SharedRecordsAreStoredOnce) {
  std::vector<Entity> many;
  for (int i = 0; i < 50; ++i) many.push_back(person(std::to_string(i), "N" + std::to_string(i)));
  ASSERT_TRUE(store_->import_list("test", list(many, "h1")).ok());
  many[0].caption = "changed";
  ASSERT_TRUE(store_->import_list("test", list(many, "h2")).ok());
  // Both versions are complete…
  EXPECT_EQ(store_->load_entities("test", 1)->size(), 50u);
  EXPECT_EQ(store_->load_entities("test", 2)->size(), 50u);
  // …and reopening finds everything intact.
  store_.reset();
  auto reopened = ListStore::open(home_);
  ASSERT_TRUE(reopened.ok());
  EXPECT_TRUE((*reopened)->check_integrity().ok());
  EXPECT_EQ((*reopened)->version("test")->version, 2);
}

// Issue 20 §5: first_seen and last_change come from the stored versions of a
// list: the first version holding an id, and the version that last added it or
// changed its record (a removal and a return count as a change).
TEST_F(ListStoreTest, EntityHistoryFollowsTheVersions) {
  auto with_remark = [](Entity e, const std::string& remark) {
    e.remarks.push_back(remark);
    return e;
  };
  Entity stays = person("1", "Anna Stays");
  Entity changes = person("2", "Boris Changes");
  Entity returns = person("3", "Clara Returns");
  std::vector<std::string> at;  // created_at of versions 1..4, a second apart so they differ
  auto import = [&](std::vector<Entity> entities, const std::string& tag) {
    if (!at.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    auto r = store_->import_list("test", list(std::move(entities), tag), {.allow_shrink = true});
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    at.push_back(r->version.created_at);
  };
  import({stays, with_remark(changes, "v1"), returns}, "h1");
  import({stays, with_remark(changes, "v2"), returns}, "h2");
  import({stays, with_remark(changes, "v2")}, "h3");
  import({stays, with_remark(changes, "v2"), returns}, "h4");
  ASSERT_EQ(at.size(), 4u);

  auto history = store_->entity_history("test");
  ASSERT_TRUE(history.ok()) << history.status().to_string();
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].entity_id, "test-1");
  EXPECT_EQ((*history)[0].first_seen, at[0]);
  EXPECT_EQ((*history)[0].last_change, at[0]);
  EXPECT_EQ((*history)[1].first_seen, at[0]);
  EXPECT_EQ((*history)[1].last_change, at[1]);
  EXPECT_EQ((*history)[2].first_seen, at[0]);
  EXPECT_EQ((*history)[2].last_change, at[3]);  // back after a version without it

  // At version 3 the returning entity is not listed at all.
  auto at_v3 = store_->entity_history("test", 3);
  ASSERT_TRUE(at_v3.ok());
  ASSERT_EQ(at_v3->size(), 2u);
  EXPECT_EQ((*at_v3)[1].last_change, at[1]);
  EXPECT_EQ(store_->entity_history("no_such_list").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace sekisho
