// POST /v1/lists/{id}/import with a real published list file.
//
// Needs the UN XML parser (src/lists/un_xml.cpp): until it is merged the
// upload answers with the parser stub's error and this test fails.
#include <thread>

#include "lists/zip_fixture.hpp"
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
  const std::string emptied =
      "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-01-01T00:00:00Z\">"
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

TEST_F(ImportRouteTest, Issue21_ABadCellIs422NamingFileAndCellAndALongNameIsAWarning) {
  ServerOptions options;
  options.rate_per_second = 0;
  start(options);
  auto c = client();

  // Invalid UTF-8 in a shared string: once an abort of the whole server, then a 500.
  const fs::path xlsx = home_ / "mof.xlsx";
  ASSERT_TRUE(write_zip(
      xlsx,
      {{"xl/workbook.xml", R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
                           R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
                           R"(<sheets><sheet name="List" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
       {"xl/_rels/workbook.xml.rels",
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>)"},
       {"xl/sharedStrings.xml",
        R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Name</t></si><si><t>Iva)"
        "\xff"
        "nov</t></si></sst>"},
       {"xl/worksheets/sheet1.xml",
        R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>)"
        R"(<row r="2"><c r="B2" t="s"><v>1</v></c></row></sheetData></worksheet>)"}}));
  auto bad = c.Post("/v1/lists/jp_mof_sanctions/import?format=mof-xlsx&filename=mof.xlsx", bearer(keys_.admin),
                    read_file(xlsx), "application/octet-stream");
  ASSERT_TRUE(bad) << "no answer: the server died";
  EXPECT_EQ(bad->status, 422) << bad->body;
  EXPECT_NE(bad->body.find("mof.xlsx: List!B2: invalid UTF-8"), std::string::npos) << bad->body;

  // A denied person whose name is over the screening bounds: stored, and the answer says so.
  std::string dpl = read_file(fs::path(SEKISHO_SHARED_DATA) / "us_bis" / "dpl_2022-09.txt");
  std::string name;
  for (int i = 0; i < 80; ++i) name += (i ? " " : "") + std::string("WORD") + std::to_string(i);
  dpl += "\"" + name +
         "\"\t\"1 MAIN ST\"\t\"TOWN\"\t\"\"\t\"US\"\t\"\"\t\"01/01/2020\"\t\"\"\t\"Y\"\t\"\"\t\"\"\t"
         "\"85 F.R. 1\"\n";
  auto r =
      c.Post("/v1/lists/us_bis_denied/import?format=bis-dpl&filename=dpl.txt", bearer(keys_.admin), dpl, "text/plain");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body.substr(0, 400);
  nlohmann::json j = json_of(r);
  ASSERT_EQ(j["warnings"].size(), 1u) << j.dump().substr(0, 400);
  EXPECT_NE(j["warnings"][0].get<std::string>().find("name 'WORD0 WORD1"), std::string::npos) << j["warnings"][0];
}

}  // namespace
}  // namespace sekisho::testing
