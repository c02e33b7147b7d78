// Issue 19: several `sekisho serve` processes behind a load balancer share one
// case store in PostgreSQL. Two servers, each with a data directory (lists and
// keys) of its own, point at one throwaway PostgreSQL server: what one records
// the other shows, a four-eyes decision proposed through one is confirmed
// through the other, and writes that race through both keep ids unique and
// the audit chain unforked. A PostgreSQL that cannot start fails the test.
#include <signal.h>

#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "server_fixture.hpp"
#include "support/loopback_port.hpp"
#include "support/postgres_server.hpp"
#include "support/subprocess.hpp"

namespace sekisho::testing {
namespace {

using nlohmann::json;

// One `sekisho serve` over its own data directory and the shared case store.
struct Server {
  fs::path home;
  KeySet keys;
  int port = 0;
  std::unique_ptr<ChildProcess> process;

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(120, 0);  // a write may queue behind the other server's for a while
    return c;
  }
  json get(const std::string& path, const std::string& key) const { return json_of(client().Get(path, bearer(key))); }
  httplib::Result post(const std::string& path, const json& body, const std::string& key) const {
    return client().Post(path, bearer(key), body.dump(), "application/json");
  }
};

// Seeds `home` with the test lists and keys and starts a server on it over `case_store`.
void start_server(Server& s, const std::string& tag, const std::string& case_store) {
  s.home = fresh_home(tag);
  seed_lists(s.home);
  s.keys = create_keys(s.home);
  for (int attempt = 0; attempt < 3; ++attempt) {
    s.port = free_loopback_port();
    std::string listen = "127.0.0.1:" + std::to_string(s.port);
    s.process = std::make_unique<ChildProcess>(
        std::vector<std::string>{SEKISHO_BINARY, "--home=" + s.home.string(), "serve", "--listen", listen},
        std::vector<std::string>{"SEKISHO_CASE_STORE=" + case_store});
    if (s.process->wait_for_stderr("listening on http://" + listen, 30000)) return;
  }
  FAIL() << "sekisho serve over " << s.home << " did not start";
}

int64_t id_of(const json& j) { return j["id"].get<int64_t>(); }

class SharedCaseStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(pg_.start()) << pg_.error();
    ASSERT_NO_FATAL_FAILURE(start_server(a_, "shared-a", pg_.url()));
    ASSERT_NO_FATAL_FAILURE(start_server(b_, "shared-b", pg_.url()));
  }
  void TearDown() override {
    for (Server* s : {&a_, &b_}) {
      if (s->process) {
        ::kill(s->process->pid(), SIGTERM);
        EXPECT_EQ(s->process->wait(), 0) << "server on port " << s->port << " did not stop cleanly";
      }
      std::error_code ec;
      fs::remove_all(s->home, ec);
    }
  }

  PostgresServer pg_;  // declared first: stopped last, after both servers
  Server a_, b_;
};

TEST_F(SharedCaseStoreTest, WhatOneServerRecordsTheOtherShows) {
  // Parties imported through A raise an alert that B lists, under the same id.
  json body = {{"parties",
                {{{"id", "C1"}, {"name", "Ivan Petrov"}, {"schema", "Person"}, {"birth_date", "1960-05-17"}},
                 {{"id", "C2"}, {"name", "Greta Lindqvist"}, {"schema", "Person"}}}}};
  auto imported = a_.post("/v1/parties", body, a_.keys.admin);
  ASSERT_TRUE(imported && imported->status == 201) << (imported ? imported->body : "no response");
  json from_a = a_.get("/v1/alerts?party=C1", a_.keys.analyst)["alerts"];
  json from_b = b_.get("/v1/alerts?party=C1", b_.keys.analyst)["alerts"];
  ASSERT_EQ(from_a.size(), 1u) << from_a.dump();
  ASSERT_EQ(from_b.size(), 1u) << from_b.dump();
  EXPECT_EQ(id_of(from_b[0]), id_of(from_a[0]));
  EXPECT_EQ(from_b[0]["entity_id"], "test_un-QDi.001");
  EXPECT_EQ(b_.get("/v1/parties/C2", b_.keys.analyst)["screened"], true);

  // Four-eyes switched on through B holds on A.
  ASSERT_EQ(b_.post("/v1/review-settings", {{"four_eyes", true}, {"confirm_role", "admin"}}, b_.keys.admin)->status,
            200);
  EXPECT_EQ(a_.get("/v1/review-settings", a_.keys.admin)["four_eyes"], true);

  // Proposed through A, seen waiting through B, confirmed through B, seen decided through A.
  std::string path = "/v1/alerts/" + std::to_string(id_of(from_a[0]));
  auto proposed =
      a_.post(path + "/decision", {{"state", "false_positive"}, {"reason", "other birth date"}}, a_.keys.analyst);
  ASSERT_TRUE(proposed && proposed->status == 200) << (proposed ? proposed->body : "no response");
  json waiting = b_.get(path, b_.keys.analyst);
  EXPECT_EQ(waiting["state"], "open");
  EXPECT_EQ(waiting["pending"]["state"], "false_positive");
  std::string a_analyst_id = a_.keys.analyst.substr(3, 16);
  EXPECT_NE(waiting["pending"]["by"].get<std::string>().find(a_analyst_id), std::string::npos) << waiting.dump();
  auto confirmed = b_.post(path + "/confirmation", {{"reason", "agreed"}}, b_.keys.admin);
  ASSERT_TRUE(confirmed && confirmed->status == 200) << (confirmed ? confirmed->body : "no response");
  json decided = a_.get(path, a_.keys.analyst);
  EXPECT_EQ(decided["state"], "false_positive");
  EXPECT_EQ(decided["events"].back()["kind"], "confirmed");
  EXPECT_TRUE(decided["pending"].is_null());

  // The good-guy entry B's confirmation made keeps A's full run quiet.
  auto full = a_.post("/v1/runs", {{"full", true}}, a_.keys.screener);
  ASSERT_TRUE(full && full->status == 201) << (full ? full->body : "no response");
  EXPECT_EQ(json_of(full)["alerts_raised"], 0);
  EXPECT_EQ(json_of(full)["alerts_suppressed"], 1);

  // One log, in order, through either server.
  json entries = a_.get("/v1/audit", a_.keys.admin)["entries"];
  std::vector<std::string> actions;
  for (const json& e : entries) actions.push_back(e["action"]);
  // The policy bundle both servers load is recorded once: B found A's record of it.
  EXPECT_EQ(actions, (std::vector<std::string>{"policy.bundle", "parties.import", "run", "settings.review",
                                               "alert.propose", "alert.confirm", "run"}));
  EXPECT_EQ(b_.get("/v1/audit", b_.keys.admin)["entries"], entries);
  EXPECT_EQ(b_.get("/v1/audit/verify", b_.keys.admin)["ok"], true);
}

TEST_F(SharedCaseStoreTest, ConcurrentWritesThroughBothServersKeepOneChain) {
  // Writers on both servers at once: each imports parties of its own (new
  // party rows, a monitoring run with the next run id, two audit entries)
  // and rewrites the review settings (one audit entry). Without one write
  // lock across the servers two of them would take the same next id or audit
  // sequence number: a failed request, or a forked chain.
  constexpr int kWritersPerServer = 2;
  constexpr int kRounds = 8;
  std::mutex mu;
  std::vector<std::string> failures;
  std::vector<std::thread> writers;
  for (const Server* s : {&a_, &b_}) {
    for (int w = 0; w < kWritersPerServer; ++w) {
      writers.emplace_back([s, w, &mu, &failures, tag = std::string(s == &a_ ? "A" : "B")] {
        for (int round = 0; round < kRounds; ++round) {
          std::string id = tag + std::to_string(w) + "-" + std::to_string(round);
          json party = {{"parties", {{{"id", id}, {"name", "Greta Lindqvist " + id}, {"schema", "Person"}}}}};
          auto imported = s->post("/v1/parties", party, s->keys.admin);
          auto settings = s->post("/v1/review-settings", {{"four_eyes", round % 2 == 0}}, s->keys.admin);
          std::lock_guard lock(mu);
          if (!imported || imported->status != 201) {
            failures.push_back(id + " import: " + (imported ? imported->body : "no response"));
          }
          if (!settings || settings->status != 200) {
            failures.push_back(id + " settings: " + (settings ? settings->body : "no response"));
          }
        }
      });
    }
  }
  for (std::thread& t : writers) t.join();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failed, first: " << failures.front();

  constexpr int kWrites = 2 * kWritersPerServer * kRounds;
  EXPECT_EQ(a_.get("/v1/parties", a_.keys.analyst)["parties"].size(), static_cast<size_t>(kWrites));
  json runs = b_.get("/v1/runs?limit=1000", b_.keys.analyst)["runs"];
  std::set<int64_t> run_ids;
  for (const json& r : runs) run_ids.insert(id_of(r));
  EXPECT_EQ(run_ids.size(), static_cast<size_t>(kWrites)) << "one run per import, each with an id of its own";

  json entries = a_.get("/v1/audit", a_.keys.admin)["entries"];
  std::map<std::string, int> per_action;
  std::string prev_hash;
  int64_t seq = 0;
  for (const json& e : entries) {
    ++per_action[e["action"]];
    EXPECT_EQ(e["seq"], ++seq);
    EXPECT_EQ(e["prev_hash"], prev_hash) << "the chain forks at entry " << seq;
    prev_hash = e["hash"];
  }
  EXPECT_EQ(per_action["parties.import"], kWrites);
  EXPECT_EQ(per_action["run"], kWrites);
  EXPECT_EQ(per_action["settings.review"], kWrites);
  EXPECT_EQ(per_action["policy.bundle"], 1);  // recorded by the first server to start
  EXPECT_EQ(per_action.size(), 4u) << entries.dump(1);
  for (const Server* s : {&a_, &b_}) {
    json verify = s->get("/v1/audit/verify", s->keys.admin);
    EXPECT_EQ(verify["ok"], true) << verify.dump();
    EXPECT_EQ(verify["entries"], 3 * kWrites + 1);
  }
}

}  // namespace
}  // namespace sekisho::testing
