// Shared setup for the server tests: a data directory with lists imported
// through ListStore::import_list, keys of each role, and a Server started
// in-process on 127.0.0.1 with a free port, driven with httplib::Client.
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "sekisho/keys.hpp"
#include "sekisho/server.hpp"
#include "sekisho/store.hpp"

namespace sekisho::testing {

namespace fs = std::filesystem;

// How long a test waits for a snapshot to be built. The wait ends as soon as it is there, so
// the bound costs a passing run nothing; it is wide because the same build takes tens of
// seconds under AddressSanitizer on two busy cores (docs/testing.md), against about a second
// in the release build.
inline constexpr std::chrono::seconds kSnapshotWait{120};

inline fs::path fresh_home(const std::string& tag) {
  static std::atomic<int> counter{0};
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path home = fs::temp_directory_path() / ("sekisho-server-" + tag + "-" + std::to_string(::getpid()) + "-" +
                                               (info ? info->name() : "x") + "-" + std::to_string(counter++));
  fs::remove_all(home);
  fs::create_directories(home);
  return home;
}

inline Entity test_person(const std::string& list_id, const std::string& source_id, const std::string& name) {
  Entity e;
  e.id = make_entity_id(list_id, source_id);
  e.source_id = source_id;
  e.schema = Schema::kPerson;
  e.caption = name;
  e.add_name({.full = name});
  e.raw = "<INDIVIDUAL><DATAID>" + source_id + "</DATAID><NAME>" + name + "</NAME></INDIVIDUAL>";
  return e;
}

// A list whose content hash differs with `file_hash`, as a real re-publication would.
inline ParsedList test_list(std::vector<Entity> entities, const std::string& file_hash) {
  ParsedList p;
  p.format = "un-xml";
  p.publication_date = "2025-04-19";
  p.files.push_back({"list.xml", "list.xml", file_hash, 100});
  p.entities = std::move(entities);
  return p;
}

inline ImportReport import_into(const fs::path& home, const std::string& list_id, const ParsedList& parsed) {
  auto store = ListStore::open(home);
  EXPECT_TRUE(store.ok()) << store.status().to_string();
  auto report = (*store)->import_list(list_id, parsed);
  EXPECT_TRUE(report.ok()) << report.status().to_string();
  return report.ok() ? *report : ImportReport{};
}

// The two lists most tests read: "test_un" (3 people) and "test_eu" (1 vessel).
inline void seed_lists(const fs::path& home) {
  Entity vessel;
  vessel.id = make_entity_id("test_eu", "V1");
  vessel.source_id = "V1";
  vessel.schema = Schema::kVessel;
  vessel.caption = "OCEAN STAR";
  vessel.add_name({.full = "OCEAN STAR"});
  vessel.add_name({.full = "SEA STAR", .kind = NameKind::kFormerName});
  vessel.identifiers.push_back({.type = "imo", .value = "9123456"});
  vessel.countries = {"KP"};
  vessel.raw = R"({"logicalId": "V1", "nameAlias": ["OCEAN STAR"]})";
  Entity ivan = test_person("test_un", "QDi.001", "Ivan Petrov");
  ivan.birth_dates.push_back(parse_date_loose("1960-05-17"));
  ivan.nationalities = {"RU"};
  ivan.add_name({.full = "Ivan P.", .kind = NameKind::kWeakAlias, .quality = "low"});
  ivan.identifiers.push_back({.type = "passport", .value = "P123456", .country = "RU"});
  ivan.programs = {"1267"};
  import_into(
      home, "test_un",
      test_list({ivan, test_person("test_un", "QDi.002", "Maria Lopez"), test_person("test_un", "QDi.003", "Chen Wei")},
                "un-v1"));
  import_into(home, "test_eu", test_list({vessel}, "eu-v1"));
}

struct KeySet {
  std::string admin, analyst, screener;
};

inline KeySet create_keys(const fs::path& home, double screener_rate = 0) {
  auto keys = KeyStore::open(home);
  EXPECT_TRUE(keys.ok()) << keys.status().to_string();
  KeySet out;
  out.admin = (*keys)->create(Role::kAdmin, "admin")->secret;
  out.analyst = (*keys)->create(Role::kAnalyst, "analyst")->secret;
  out.screener = (*keys)->create(Role::kScreener, "screener", screener_rate)->secret;
  return out;
}

// A loopback port free a moment ago (bound to port 0, read, closed), for a server started as a process.
inline int free_loopback_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// A TCP connection to the loopback port, for speaking raw bytes; -1 on failure.
inline int connect_loopback(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  timeval tv{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline httplib::Headers bearer(const std::string& key) { return {{"Authorization", "Bearer " + key}}; }

inline nlohmann::json json_of(const httplib::Result& r) {
  if (!r) return nullptr;
  return nlohmann::json::parse(r->body, nullptr, false);
}

// Asserts the error body shape every route shares, and returns the error code.
inline std::string error_code_of(const httplib::Result& r) {
  nlohmann::json j = json_of(r);
  EXPECT_TRUE(j.is_object()) << (r ? r->body : "no response");
  if (!j.is_object() || !j.contains("error")) return "";
  EXPECT_TRUE(j["error"]["message"].is_string());
  EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  return j["error"]["code"].get<std::string>();
}

class ServerTest : public ::testing::Test {
 protected:
  // Starts a server over `home_` with the given options (home, host and port filled in).
  void start(ServerOptions options = {}) {
    options.home = home_;
    options.host = "127.0.0.1";
    options.port = 0;
    options.poll_interval = std::chrono::milliseconds(100);
    auto server = Server::create(std::move(options));
    ASSERT_TRUE(server.ok()) << server.status().to_string();
    server_ = std::move(server).value();
    ASSERT_TRUE(server_->start().ok());
  }
  void start_ready(ServerOptions options = {}) {
    start(std::move(options));
    ASSERT_TRUE(server_->wait_for_generation(1, kSnapshotWait)) << "no snapshot";
  }
  // The usual setup: the two test lists, a key per role, a ready server.
  void seed_and_start(ServerOptions options = {}) {
    seed_lists(home_);
    keys_ = create_keys(home_);
    start_ready(std::move(options));
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(30, 0);
    c.set_connection_timeout(5, 0);
    return c;
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(home_);
  }

  fs::path home_ = fresh_home("t");
  std::unique_ptr<Server> server_;
  KeySet keys_;
};

}  // namespace sekisho::testing
