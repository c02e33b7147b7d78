// `sekisho update` against a real HTTP publisher on loopback serving the
// files of ../shared/data, and against publishers that cannot be reached.
#include <gtest/gtest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <signal.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "sekisho/store.hpp"
#include "sekisho/update.hpp"
#include "support/loopback_port.hpp"
#include "support/shared_data.hpp"
#include "support/subprocess.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

using testing::free_loopback_port;
using testing::run_process;
using testing::TempHome;

class LoopbackPublisher {
 public:
  LoopbackPublisher() {
    server_.set_mount_point("/", SEKISHO_SHARED_DATA);
    server_.set_keep_alive_max_count(1);  // one request per connection: no idle keep-alive wait at stop()
    // A file whose name and content state no date, dated only by its Last-Modified header.
    server_.Get("/undated/dpl.txt", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(slurp(std::string(SEKISHO_SHARED_DATA) + "/us_bis/dpl_2022-09.txt"), "text/plain");
      res.set_header("Last-Modified", "Tue, 04 Oct 2022 09:15:00 GMT");
    });
    // A dated file (the UN list states its generation date) with a header that disagrees.
    server_.Get("/dated/consolidated.xml", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(slurp(std::string(SEKISHO_SHARED_DATA) + "/un/consolidated_2025-04-19.xml"), "application/xml");
      res.set_header("Last-Modified", "Tue, 04 Oct 2022 09:15:00 GMT");
    });
    // Down for its first request, then serving the UN list: a publisher that recovers.
    server_.Get("/flaky/consolidated.xml", [this](const httplib::Request&, httplib::Response& res) {
      if (flaky_requests_++ == 0) {
        res.status = 503;
        return;
      }
      res.set_content(slurp(std::string(SEKISHO_SHARED_DATA) + "/un/consolidated_2025-04-19.xml"), "application/xml");
    });
    server_.Get("/un/index.html", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "<html><a href=\"consolidated_2025-04-19.xml\">old</a> <a href='/un/consolidated_2026-02-27.xml'>new</a>"
          "<a href=\"notes.pdf\">notes</a></html>",
          "text/html");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~LoopbackPublisher() {
    server_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int flaky_requests() const { return flaky_requests_; }

 private:
  static std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::atomic<int> flaky_requests_{0};
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

SourceSpec un_source(const std::string& url) {
  return {.list_id = "un", .title = "UN", .format = "un-xml", .urls = {url}};
}

TEST(Update, DownloadsFromPublisherAndImports) {
  LoopbackPublisher publisher;
  TempHome home("update-ok");
  auto store = ListStore::open(home.path());
  ASSERT_TRUE(store.ok());
  auto outcomes = run_update(**store, {un_source(publisher.url("/un/consolidated_2026-02-27.xml"))}, {});
  ASSERT_EQ(outcomes.size(), 1u);
  ASSERT_TRUE(outcomes[0].status.ok()) << outcomes[0].status.to_string();
  EXPECT_TRUE(outcomes[0].report->created);
  EXPECT_EQ(outcomes[0].report->version.entity_count, 1003);
  ASSERT_EQ(outcomes[0].report->version.files.size(), 1u);
  EXPECT_EQ(outcomes[0].report->version.files[0].name, "consolidated_2026-02-27.xml");
  // Nothing is left in the scratch directory.
  EXPECT_TRUE(std::filesystem::is_empty(home.path() / "downloads"));
  // A second run finds the same bytes and creates no version.
  auto again = run_update(**store, {un_source(publisher.url("/un/consolidated_2026-02-27.xml"))}, {});
  ASSERT_TRUE(again[0].status.ok());
  EXPECT_FALSE(again[0].report->created);
}

TEST(Update, DiscoversTheNewestDatedFileOnThePublishersPage) {
  LoopbackPublisher publisher;
  TempHome home("update-discover");
  auto store = ListStore::open(home.path());
  SourceSpec s{.list_id = "un",
               .format = "un-xml",
               .discover_page = publisher.url("/un/index.html"),
               .discover_pattern = R"(consolidated_\d{4}-\d{2}-\d{2}\.xml$)"};
  auto outcomes = run_update(**store, {s}, {});
  ASSERT_TRUE(outcomes[0].status.ok()) << outcomes[0].status.to_string();
  EXPECT_EQ(outcomes[0].report->version.files[0].name, "consolidated_2026-02-27.xml");
}

TEST(Update, UnreachablePublisherChangesNothing) {
  LoopbackPublisher publisher;
  TempHome home("update-down");
  auto store = ListStore::open(home.path());
  ASSERT_TRUE(run_update(**store, {un_source(publisher.url("/un/consolidated_2025-04-19.xml"))}, {})[0].status.ok());

  std::string dead = "http://127.0.0.1:" + std::to_string(free_loopback_port()) + "/consolidated.xml";
  auto outcomes = run_update(**store, {un_source(dead)}, {.timeout_seconds = 10});
  EXPECT_EQ(outcomes[0].status.code(), StatusCode::kUnavailable);
  EXPECT_NE(outcomes[0].status.message().find(dead), std::string::npos) << outcomes[0].status.message();

  auto missing = run_update(**store, {un_source(publisher.url("/un/no-such-file.xml"))}, {});
  EXPECT_EQ(missing[0].status.code(), StatusCode::kUnavailable);
  EXPECT_NE(missing[0].status.message().find("HTTP 404"), std::string::npos) << missing[0].status.message();

  auto latest = (*store)->version("un");
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(latest->version, 1);
  EXPECT_EQ(latest->entity_count, 877);
}

TEST(Update, CliReportsUnreachablePublisherWithNonZeroExit) {
  TempHome home("update-cli");
  std::string dead = "http://127.0.0.1:" + std::to_string(free_loopback_port()) + "/consolidated.xml";
  std::string catalogue = (home.path() / "sources.json").string();
  std::ofstream(catalogue) << R"([{"list_id": "un", "format": "un-xml", "urls": [")" << dead << R"("]}])";
  auto r = run_process({SEKISHO_BINARY, "--home", home.str(), "update", "--sources", catalogue, "--timeout", "10"});
  EXPECT_EQ(r.exit_code, 69);  // EX_UNAVAILABLE
  EXPECT_NE(r.err.find("un: FAILED"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(dead), std::string::npos) << r.err;
  auto lists = run_process({SEKISHO_BINARY, "--home", home.str(), "lists"});
  EXPECT_NE(lists.out.find("No lists"), std::string::npos) << lists.out;
}

TEST(Update, MirrorModeReadsLocalFilesAndSkipsWhatIsAbsent) {
  TempHome home("update-mirror");
  auto store = ListStore::open(home.path());
  SourceSpec present{.list_id = "un", .format = "un-xml", .mirror_paths = {"un/consolidated_2026-02-27.xml"}};
  SourceSpec absent{.list_id = "eu", .format = "eu-fsf-xml", .mirror_paths = {"eu/fsf/none.xml"}};
  auto outcomes = run_update(**store, {present, absent}, {.from_dir = SEKISHO_SHARED_DATA});
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_TRUE(outcomes[0].status.ok()) << outcomes[0].status.to_string();
  EXPECT_TRUE(outcomes[1].skipped);
  EXPECT_EQ((*store)->version("un")->entity_count, 1003);
}

// Issue 20: the list version's publisher date comes from the download's
// Last-Modified header when neither the file nor its name is dated.
TEST(Update, LastModifiedDatesAListWhoseFileAndNameGiveNoDate) {
  LoopbackPublisher publisher;
  TempHome home("update-lastmod");
  auto store = ListStore::open(home.path());
  ASSERT_TRUE(store.ok());
  SourceSpec dpl{.list_id = "dpl", .format = "bis-dpl", .urls = {publisher.url("/undated/dpl.txt")}};
  auto outcomes = run_update(**store, {dpl}, {});
  ASSERT_TRUE(outcomes[0].status.ok()) << outcomes[0].status.to_string();
  auto v = (*store)->version("dpl");
  ASSERT_TRUE(v.ok()) << v.status().to_string();
  EXPECT_EQ(v->publication_date, "2022-10-04");
  EXPECT_EQ(v->publication_date_source, "download header");

  // The header is the last resort: a file that states its own date keeps it.
  auto un = run_update(**store, {un_source(publisher.url("/dated/consolidated.xml"))}, {});
  ASSERT_TRUE(un[0].status.ok()) << un[0].status.to_string();
  auto uv = (*store)->version("un");
  ASSERT_TRUE(uv.ok());
  EXPECT_EQ(uv->publication_date, "2025-04-19");
  EXPECT_EQ(uv->publication_date_source, "file");
}

// Issue 20: `sekisho update --every` repeats; a failed run is logged and
// retried at the next one; SIGTERM ends the loop between runs.
TEST(Update, EveryRetriesAFailedRunAndStopsOnSigterm) {
  LoopbackPublisher publisher;
  TempHome home("update-every");
  std::string catalogue = (home.path() / "sources.json").string();
  std::ofstream(catalogue) << R"([{"list_id": "un", "format": "un-xml", "urls": [")"
                           << publisher.url("/flaky/consolidated.xml") << R"("]}])";
  testing::ChildProcess loop({SEKISHO_BINARY, "--home", home.str(), "update", "--sources", catalogue, "--every", "1s",
                              "--no-monitor", "--timeout", "20"},
                             {});
  ASSERT_TRUE(loop.wait_for_stderr("update run 1 FAILED", 30000));
  ASSERT_TRUE(loop.wait_for_stderr("HTTP 503", 1000));
  ASSERT_TRUE(loop.wait_for_stderr("update run 2 ok", 30000));
  auto store = ListStore::open(home.path());
  ASSERT_TRUE(store.ok());
  auto v = (*store)->version("un");
  ASSERT_TRUE(v.ok()) << v.status().to_string();
  EXPECT_EQ(v->entity_count, 877);
  ::kill(loop.pid(), SIGTERM);
  EXPECT_TRUE(loop.wait_for_stderr("update stopped by SIGTERM", 30000));
  EXPECT_EQ(loop.wait(), 0);  // the last run succeeded
  EXPECT_GE(publisher.flaky_requests(), 2);
}

TEST(Update, EveryRefusesAnIntervalWithoutUnit) {
  TempHome home("update-every-bad");
  auto r = run_process({SEKISHO_BINARY, "--home", home.str(), "update", "--every", "6"});
  EXPECT_EQ(r.exit_code, 64) << r.err;
  EXPECT_NE(r.err.find("--every"), std::string::npos) << r.err;
}

TEST(Update, UnknownListIsReported) {
  TempHome home("update-unknown");
  auto store = ListStore::open(home.path());
  auto outcomes = run_update(**store, default_sources(), {.lists = {"no_such_list"}, .from_dir = SEKISHO_SHARED_DATA});
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status.code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace sekisho
