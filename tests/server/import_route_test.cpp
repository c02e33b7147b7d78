// POST /v1/lists/{id}/import with a real published list file.
//
// Needs the UN XML parser (src/lists/un_xml.cpp): until it is merged the
// upload answers with the parser stub's error and this test fails.
#include <thread>

#include "server_fixture.hpp"
#include "support/shared_data.hpp"

namespace sekisho::testing {
namespace {

class ImportRouteTest : public ServerTest {
 protected:
  void SetUp() override { keys_ = create_keys(home_); }
};

TEST_F(ImportRouteTest, ImportRoute_RealUnFile) {
  ServerOptions options;
  options.rate_per_second = 0;
  start(options);
  fs::path file = fs::path(SEKISHO_SHARED_DATA) / "un" / "consolidated_2025-04-19.xml";
  std::string xml = read_file(file);
  ASSERT_GT(xml.size(), 1000000u) << file;
  auto c = client();

  // A damaged file: 422 with the parser's message naming the uploaded file, nothing stored.
  httplib::MultipartFormDataItems broken = {
      {"file", xml.substr(0, xml.size() / 2), "consolidated_2025-04-19.xml", "application/xml"}};
  auto bad = c.Post("/v1/lists/un_sc_sanctions/import?format=un-xml", bearer(keys_.admin), broken);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 422) << bad->body;
  EXPECT_EQ(error_code_of(bad), "parse_error");
  EXPECT_NE(bad->body.find("consolidated_2025-04-19.xml"), std::string::npos) << bad->body;
  EXPECT_EQ(bad->body.find("uploads/"), std::string::npos) << "the scratch path leaked: " << bad->body;

  // While the real file is imported, readers never see a failure.
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::thread reader([&] {
    httplib::Client rc("127.0.0.1", server_->port());
    while (!stop) {
      auto r = rc.Get("/healthz");
      if (!r || r->status != 200) ++failures;
    }
  });
  httplib::MultipartFormDataItems upload = {{"file", xml, "consolidated_2025-04-19.xml", "application/xml"}};
  auto r = c.Post("/v1/lists/un_sc_sanctions/import?format=un-xml", bearer(keys_.admin), upload);
  stop = true;
  reader.join();
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  nlohmann::json j = json_of(r);
  EXPECT_EQ(j["version"], 1);
  EXPECT_TRUE(j["created"].get<bool>());
  EXPECT_EQ(j["entities"], 877);
  EXPECT_TRUE(j["live"].get<bool>()) << "the response waits until the new version is served";
  EXPECT_EQ(failures.load(), 0);

  auto lists = json_of(c.Get("/v1/lists", bearer(keys_.admin)));
  ASSERT_EQ(lists["lists"].size(), 1u);
  EXPECT_EQ(lists["lists"][0]["entities"], 877);
  EXPECT_EQ(lists["lists"][0]["files"][0]["name"], "consolidated_2025-04-19.xml");

  // The same bytes again, as a raw body: no new version.
  auto again = c.Post("/v1/lists/un_sc_sanctions/import?format=un-xml&filename=consolidated_2025-04-19.xml",
                      bearer(keys_.admin), xml, "application/xml");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200) << again->body;
  EXPECT_FALSE(json_of(again)["created"].get<bool>());
  EXPECT_TRUE(fs::is_empty(home_ / "uploads"));

  // A well-formed list with its sections emptied would delist all 877: 422 unless the client
  // says the publisher really removed them.
  const std::string emptied = "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-01-01T00:00:00Z\">"
                              "<INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>\n";
  auto shrunk = c.Post("/v1/lists/un_sc_sanctions/import?format=un-xml&filename=emptied.xml", bearer(keys_.admin),
                       emptied, "application/xml");
  ASSERT_TRUE(shrunk);
  EXPECT_EQ(shrunk->status, 422) << shrunk->body;
  EXPECT_NE(shrunk->body.find("allow-shrink"), std::string::npos) << shrunk->body;
  EXPECT_EQ(json_of(c.Get("/v1/lists", bearer(keys_.admin)))["lists"][0]["entities"], 877);
  auto allowed = c.Post("/v1/lists/un_sc_sanctions/import?format=un-xml&filename=emptied.xml&allow_shrink=true",
                        bearer(keys_.admin), emptied, "application/xml");
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->status, 201) << allowed->body;
  EXPECT_EQ(json_of(allowed)["entities"], 0);
}

}  // namespace
}  // namespace sekisho::testing
