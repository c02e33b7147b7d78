// Issue 20 §5: first_seen and last_change come from the stored versions of a
// list: the first version holding an id, and the version that last added it or
// changed its record (a removal and a return count as a change).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "sekisho/store.hpp"

namespace sekisho {
namespace {

namespace fs = std::filesystem;

Entity person(const std::string& source_id, const std::string& name, const std::string& remark) {
  Entity e;
  e.id = make_entity_id("hist", source_id);
  e.source_id = source_id;
  e.schema = Schema::kPerson;
  e.caption = name;
  e.add_name({.full = name});
  if (!remark.empty()) e.remarks.push_back(remark);
  return e;
}

ParsedList version_of(std::vector<Entity> entities, const std::string& tag) {
  ParsedList p;
  p.format = "csv";
  p.files.push_back({"list.csv", "list.csv", "hash-" + tag, 10});
  p.entities = std::move(entities);
  return p;
}

TEST(EntityHistory, FirstSeenAndLastChangeFollowTheVersions) {
  fs::path home = fs::temp_directory_path() / ("sekisho-history-" + std::to_string(::getpid()));
  fs::remove_all(home);
  auto store = ListStore::open(home);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  std::vector<std::string> at;  // created_at of versions 1..4, a second apart so they differ
  auto import = [&](std::vector<Entity> entities, const std::string& tag) {
    if (!at.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    auto r = (*store)->import_list("hist", version_of(std::move(entities), tag), {.allow_shrink = true});
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    at.push_back(r->version.created_at);
  };
  Entity stays = person("1", "Anna Stays", "");
  import({person("1", "Anna Stays", ""), person("2", "Boris Changes", "v1"), person("3", "Clara Returns", "")}, "v1");
  import({stays, person("2", "Boris Changes", "v2"), person("3", "Clara Returns", "")}, "v2");
  import({stays, person("2", "Boris Changes", "v2")}, "v3");
  import({stays, person("2", "Boris Changes", "v2"), person("3", "Clara Returns", "")}, "v4");
  ASSERT_EQ(at.size(), 4u);

  auto history = (*store)->entity_history("hist");
  ASSERT_TRUE(history.ok()) << history.status().to_string();
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].entity_id, "hist-1");
  EXPECT_EQ((*history)[0].first_seen, at[0]);
  EXPECT_EQ((*history)[0].last_change, at[0]);
  EXPECT_EQ((*history)[1].first_seen, at[0]);
  EXPECT_EQ((*history)[1].last_change, at[1]);
  EXPECT_EQ((*history)[2].first_seen, at[0]);
  EXPECT_EQ((*history)[2].last_change, at[3]);  // back after a version without it

  // At version 3 the returning entity is not listed at all.
  auto at_v3 = (*store)->entity_history("hist", 3);
  ASSERT_TRUE(at_v3.ok());
  ASSERT_EQ(at_v3->size(), 2u);
  EXPECT_EQ((*at_v3)[1].last_change, at[1]);
  EXPECT_EQ((*store)->entity_history("no_such_list").status().code(), StatusCode::kNotFound);
  store->reset();
  fs::remove_all(home);
}

}  // namespace
}  // namespace sekisho
