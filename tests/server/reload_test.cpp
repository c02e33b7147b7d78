// Hot reload: new list versions are swapped in while clients keep asking,
// with no failed request, and requests in flight keep the snapshot they pinned.
#include <thread>

#include "server_fixture.hpp"

namespace sekisho::testing {
namespace {

class ReloadTest : public ServerTest {
 protected:
  void SetUp() override {
    seed_lists(home_);
    keys_ = create_keys(home_);
  }
  // Version `v` of test_un: Ivan's caption names the version; v adds entity QDi.1v.
  static ParsedList version(int v) {
    std::vector<Entity> entities = {test_person("test_un", "QDi.001", "Ivan Petrov v" + std::to_string(v)),
                                    test_person("test_un", "QDi.002", "Maria Lopez")};
    for (int i = 2; i <= v; ++i)
      entities.push_back(test_person("test_un", "QDi.1" + std::to_string(i), "Added " + std::to_string(i)));
    return test_list(std::move(entities), "un-v" + std::to_string(v));
  }
};

TEST_F(ReloadTest, ZeroFailedRequestsWhileVersionsSwapUnderLoad) {
  ServerOptions options;
  options.rate_per_second = 0;  // the load generator is one key
  start_ready(options);

  std::atomic<bool> stop{false};
  std::atomic<int> failures{0}, requests{0};
  std::mutex seen_mutex;
  std::vector<std::string> failure_notes;
  auto note_failure = [&](const std::string& what) {
    ++failures;
    std::lock_guard<std::mutex> lock(seen_mutex);
    if (failure_notes.size() < 5) failure_notes.push_back(what);
  };
  // Each thread checks that the versions it sees never go backwards.
  auto hammer_entities = [&] {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_keep_alive(true);
    int last = 0;
    while (!stop) {
      auto r = c.Get("/v1/entities/test_un-QDi.001", bearer(keys_.screener));
      ++requests;
      if (!r || r->status != 200) {
        note_failure(r ? std::to_string(r->status) + " " + r->body : httplib::to_string(r.error()));
        continue;
      }
      nlohmann::json j = json_of(r);
      int v = j["list"]["version"];
      // The caption and the version come from one snapshot, never a mix.
      if (j["caption"] != (v == 1 ? std::string("Ivan Petrov") : "Ivan Petrov v" + std::to_string(v)) || v < last) {
        note_failure("inconsistent: " + r->body.substr(0, 200));
      }
      last = v;
    }
  };
  auto hammer_lists = [&] {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_keep_alive(true);
    while (!stop) {
      auto r = c.Get("/v1/lists", bearer(keys_.analyst));
      ++requests;
      if (!r || r->status != 200) note_failure(r ? std::to_string(r->status) : httplib::to_string(r.error()));
    }
  };
  // Screening reads the index: each answer's hit and list version come from
  // one snapshot, and versions never go backwards.
  std::atomic<int> last_screened{0};
  auto hammer_screen = [&] {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_keep_alive(true);
    const std::string body = R"({"name": "Ivan Petrov", "threshold": 0.3, "lists": ["test_un"]})";
    int last = 0;
    while (!stop) {
      auto r = c.Post("/v1/screen", bearer(keys_.screener), body, "application/json");
      ++requests;
      if (!r || r->status != 200) {
        note_failure(r ? std::to_string(r->status) + " " + r->body : httplib::to_string(r.error()));
        continue;
      }
      nlohmann::json j = json_of(r);
      int v = j["lists"][0]["version"];
      const nlohmann::json& matches = j["results"][0]["matches"];
      std::string expected = v == 1 ? std::string("Ivan Petrov") : "Ivan Petrov v" + std::to_string(v);
      if (matches.empty() || matches[0]["caption"] != expected || v < last) {
        note_failure("screen inconsistent: " + r->body.substr(0, 300));
      }
      last = v;
      last_screened = v;
    }
  };
  std::vector<std::thread> threads;
  threads.emplace_back(hammer_entities);
  threads.emplace_back(hammer_entities);
  threads.emplace_back(hammer_lists);
  threads.emplace_back(hammer_screen);
  threads.emplace_back(hammer_screen);

  auto c = client();
  for (int v = 2; v <= 5; ++v) {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    ImportReport report = import_into(home_, "test_un", version(v));  // as `sekisho import` in another process
    ASSERT_EQ(report.version.version, v);
    if (v % 2 == 0) server_->request_reload();  // half the swaps via the API's trigger, half via polling
    bool switched = false;
    for (int i = 0; i < 200 && !switched; ++i) {
      auto r = c.Get("/v1/entities/test_un-QDi.001", bearer(keys_.screener));
      switched = r && r->status == 200 && json_of(r)["list"]["version"] == v;
      if (!switched) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    ASSERT_TRUE(switched) << "version " << v << " never became visible";
    auto added = c.Get(("/v1/entities/test_un-QDi.1" + std::to_string(v)).c_str(), bearer(keys_.screener));
    ASSERT_TRUE(added);
    EXPECT_EQ(added->status, 200);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  stop = true;
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0) << (failure_notes.empty() ? "" : failure_notes.front());
  EXPECT_GT(requests.load(), 100);
  EXPECT_EQ(last_screened.load(), 5);  // screening switched to the last version
  nlohmann::json screened = json_of(
      c.Post("/v1/screen", bearer(keys_.screener), R"({"name": "Added 5", "lists": ["test_un"]})", "application/json"));
  EXPECT_EQ(screened["results"][0]["matches"][0]["entity_id"], "test_un-QDi.15");
  auto lists = json_of(c.Get("/v1/lists", bearer(keys_.analyst)));
  EXPECT_EQ(lists["lists"][1]["version"], 5);
  EXPECT_EQ(lists["lists"][1]["entities"], 6);
}

TEST_F(ReloadTest, PinnedSnapshotOutlivesTheSwap) {
  start_ready();
  std::shared_ptr<const Snapshot> pinned = server_->snapshot();
  ASSERT_EQ(pinned->generation, 1u);
  import_into(home_, "test_un", version(2));
  server_->request_reload();
  ASSERT_TRUE(server_->wait_for_generation(2, kSnapshotWait));
  EXPECT_EQ(server_->snapshot()->find("test_un-QDi.001").entity->caption, "Ivan Petrov v2");
  // The old snapshot is untouched for whoever still holds it.
  Snapshot::Located old = pinned->find("test_un-QDi.001");
  ASSERT_NE(old.entity, nullptr);
  EXPECT_EQ(old.entity->caption, "Ivan Petrov");
  EXPECT_EQ(old.list->version, 1);
  EXPECT_EQ(pinned->find("test_un-QDi.12").entity, nullptr);
}

TEST_F(ReloadTest, FailingSnapshotHookKeepsThePreviousSnapshotServing) {
  ServerOptions options;
  std::atomic<int> calls{0};
  // Stands in for the screening index builder: refuses lists over 4 entities.
  options.snapshot_hooks.push_back([&calls](Snapshot& next) -> Status {
    ++calls;
    if (next.entity_count > 4) return internal_error("index build failed");
    return Status();
  });
  start_ready(options);
  EXPECT_EQ(calls.load(), 1);
  import_into(home_, "test_un", version(3));  // 4 entities in test_un + 1 vessel = 5
  server_->request_reload();
  for (int i = 0; i < 100 && calls.load() < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_GE(calls.load(), 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // several polls: no retry of the same data
  EXPECT_EQ(calls.load(), 2);
  EXPECT_EQ(server_->snapshot()->generation, 1u);
  auto r = client().Get("/v1/entities/test_un-QDi.001", bearer(keys_.screener));
  ASSERT_TRUE(r);
  EXPECT_EQ(json_of(r)["caption"], "Ivan Petrov");
}

// docs/server.md: "If a build fails, the previous snapshot keeps serving and the error is
// logged". A build that throws (here a hook, as an index build running out of memory would)
// neither ends the reloader nor the process: every route answers from the previous generation,
// /readyz stays ready, the failure and its reason show in the log, GET /v1/lists and /metrics,
// and the next good build swaps in and clears it.
TEST_F(ReloadTest, AThrowingSnapshotBuildKeepsServingSaysWhyAndTheNextGoodBuildSwapsIn) {
  ServerOptions options;
  auto fail = std::make_shared<std::atomic<bool>>(false);
  options.snapshot_hooks.push_back([fail](Snapshot&) -> Status {
    if (*fail) throw std::runtime_error("index build ran out of memory");
    return Status();
  });
  start_ready(options);
  auto c = client();
  auto metric = [&c](const std::string& name) {
    auto r = c.Get("/metrics");
    if (!r || r->status != 200) return std::string("no /metrics");
    const size_t at = r->body.find("\n" + name + " ");
    return at == std::string::npos
               ? std::string("absent")
               : r->body.substr(at + name.size() + 2, r->body.find('\n', at + 1) - at - name.size() - 2);
  };
  EXPECT_EQ(metric("sekisho_snapshot_build_failures_total"), "0");
  EXPECT_EQ(metric("sekisho_snapshot_last_build_failed"), "0");

  ::testing::internal::CaptureStderr();
  *fail = true;
  import_into(home_, "test_un", version(2));
  server_->request_reload();
  bool failed = false;
  for (auto waited = std::chrono::milliseconds(0); !failed && waited < kSnapshotWait;
       waited += std::chrono::milliseconds(50)) {
    failed = metric("sekisho_snapshot_build_failures_total") == "1";
    if (!failed) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const std::string log = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(failed) << "the failing build was never counted";
  EXPECT_NE(log.find("still serving the previous one"), std::string::npos) << log;
  EXPECT_NE(log.find("index build ran out of memory"), std::string::npos) << log;

  // The previous generation answers every route.
  EXPECT_EQ(server_->snapshot()->generation, 1u);
  auto entity = c.Get("/v1/entities/test_un-QDi.001", bearer(keys_.screener));
  ASSERT_TRUE(entity);
  EXPECT_EQ(entity->status, 200);
  EXPECT_EQ(json_of(entity)["caption"], "Ivan Petrov");
  auto screened = c.Post("/v1/screen", bearer(keys_.screener), R"({"name": "Ivan Petrov", "lists": ["test_un"]})",
                         "application/json");
  ASSERT_TRUE(screened);
  ASSERT_EQ(screened->status, 200) << screened->body;
  EXPECT_EQ(json_of(screened)["results"][0]["matches"][0]["entity_id"], "test_un-QDi.001");
  EXPECT_EQ(json_of(screened)["lists"][0]["version"], 1);
  auto ready = c.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  EXPECT_EQ(json_of(ready)["generation"], 1);
  // Why, where an operator looks.
  nlohmann::json lists = json_of(c.Get("/v1/lists", bearer(keys_.analyst)));
  const nlohmann::json& failure = lists["snapshot"]["last_build_failure"];
  ASSERT_TRUE(failure.is_object()) << lists.dump();
  EXPECT_NE(failure["error"].get<std::string>().find("index build ran out of memory"), std::string::npos);
  EXPECT_EQ(failure["generation"], 2);
  EXPECT_FALSE(failure["failed_at"].get<std::string>().empty());
  EXPECT_EQ(lists["snapshot"]["generation"], 1);
  EXPECT_EQ(metric("sekisho_snapshot_last_build_failed"), "1");

  // The next good build swaps in and clears the failure; the count stays.
  *fail = false;
  import_into(home_, "test_un", version(3));
  server_->request_reload();
  ASSERT_TRUE(server_->wait_for_generation(2, kSnapshotWait));
  auto swapped = c.Get("/v1/entities/test_un-QDi.001", bearer(keys_.screener));
  ASSERT_TRUE(swapped);
  EXPECT_EQ(json_of(swapped)["caption"], "Ivan Petrov v3");
  EXPECT_TRUE(json_of(c.Get("/v1/lists", bearer(keys_.analyst)))["snapshot"]["last_build_failure"].is_null());
  EXPECT_EQ(metric("sekisho_snapshot_last_build_failed"), "0");
  EXPECT_EQ(metric("sekisho_snapshot_build_failures_total"), "1");
}

}  // namespace
}  // namespace sekisho::testing
