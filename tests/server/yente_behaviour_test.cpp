// Issue 20 §5: yente's behaviour, not only its field names — driven by Python
// `requests` (tests/server/yente_behaviour.py) against a real `sekisho serve`
// on loopback, with the request shapes of yente's documentation. The lists
// hold one party on four lists (the Kalashnikov Concern), an OpenSanctions
// entity with its FollowTheMoney id, and people who share a name but are not
// the same person. The test fails, never skips, when Python, `requests` or the
// server cannot run.
#include <signal.h>

#include <algorithm>
#include <thread>

#include "server_fixture.hpp"
#include "support/subprocess.hpp"

namespace sekisho::testing {
namespace {

Entity company(const std::string& list, const std::string& source_id, const std::string& name,
               const std::string& country) {
  Entity e = test_person(list, source_id, name);  // the fixture's party, made a company
  e.schema = Schema::kCompany;
  if (!country.empty()) e.countries = {country};
  e.raw = R"({"name": ")" + name + R"(", "country": ")" + country + R"("})";
  return e;
}

Entity person(const std::string& list, const std::string& source_id, const std::string& name,
              const std::string& birth_date, const std::string& nationality) {
  Entity e = test_person(list, source_id, name);
  e.birth_dates.push_back(parse_date_loose(birth_date));
  e.nationalities = {nationality};
  return e;
}

ParsedList list_of(const std::string& format, std::vector<Entity> entities, const std::string& file_hash) {
  ParsedList p = test_list(std::move(entities), file_hash);
  p.format = format;
  return p;
}

// The Kalashnikov Concern as OFAC lists it: country in words, a registration
// number, a website (from OFAC's remarks) and a version-dependent remark.
Entity ofac_kalashnikov(const std::string& remark) {
  Entity e = company("us_ofac_sdn", "20295", "KALASHNIKOV CONCERN JSC", "Russia");
  e.identifiers.push_back({.type = "registration", .value = "1111832000198", .country = "Russia"});
  e.identifiers.push_back({.type = "website", .value = "kalashnikovgroup.ru", .note = "Website"});
  e.programs = {"UKRAINE-EO13662", "RUSSIA-EO14024"};
  e.remarks = {remark};
  return e;
}

void seed_yente_lists(const fs::path& home) {
  Entity ivan = person("us_ofac_sdn", "9001", "PETROV, Ivan", "1960", "Russia");
  import_into(home, "us_ofac_sdn", list_of("ofac-csv", {ofac_kalashnikov("Listed 2014."), ivan}, "ofac-v1"));
  // A second version a second later changes the Kalashnikov record only: its
  // last_change moves on, Ivan Petrov's stays at the first version.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  import_into(home, "us_ofac_sdn",
              list_of("ofac-csv", {ofac_kalashnikov("Listed 2014; Secondary sanctions risk."), ivan}, "ofac-v2"));

  Entity mof = company("jp_mof_sanctions", "RU-123", "Kalashnikov Concern JSC", "ロシア");
  mof.identifiers.push_back({.type = "registration", .value = "1111832000198"});
  // The same name as OFAC's Ivan Petrov, born eleven years later: another man.
  import_into(home, "jp_mof_sanctions",
              list_of("mof-xlsx", {mof, person("jp_mof_sanctions", "RU-124", "Ivan PETROV", "1971-03-02", "Russia")},
                      "mof-v1"));
  // The UN's Ivan Petrov: the same name, a birth date OFAC's agrees with.
  import_into(home, "un_sc_sanctions",
              list_of("un-xml", {person("un_sc_sanctions", "QDi.900", "Ivan Petrov", "1960-05-17", "RU")}, "un-v1"));
  // METI's End User List: an export-control list, no identifier; same name and country.
  import_into(home, "jp_meti_eul",
              list_of("meti-eul-xlsx", {company("jp_meti_eul", "512", "JSC Kalashnikov Concern", "Russian Federation")},
                      "eul-v1"));
  // OpenSanctions: FollowTheMoney ids and topics of its own.
  Entity os = company("opensanctions", "NK-kalashnikov00000000001", "Kalashnikov Concern", "ru");
  os.identifiers.push_back({.type = "registration", .value = "1111832000198"});
  os.raw =
      R"({"id": "NK-kalashnikov00000000001", "schema": "Company", "properties": {"name": ["Kalashnikov Concern"], "topics": ["sanction", "export.control"]}})";
  Entity smuggler = person("opensanctions", "NK-smuggler000000000000001", "Viktor Lotsmanov", "1967-01-13", "Russia");
  smuggler.raw =
      R"({"id": "NK-smuggler000000000000001", "schema": "Person", "properties": {"name": ["Viktor Lotsmanov"], "topics": ["sanction", "crime.traffick"]}})";
  import_into(home, "opensanctions", list_of("ftm", {os, smuggler}, "os-v1"));
}

TEST(YenteBehaviour, PythonRequestsAgainstSekishoServe) {
  fs::path home = fresh_home("yente");
  seed_yente_lists(home);
  KeySet keys = create_keys(home);
  int port = free_loopback_port();
  ChildProcess serve(
      {SEKISHO_BINARY, "--home", home.string(), "serve", "--listen", "127.0.0.1:" + std::to_string(port)}, {});
  ASSERT_TRUE(serve.wait_for_stderr("listening on http://127.0.0.1:" + std::to_string(port), 30000))
      << "sekisho serve did not start";
  // Debian's interpreter is the one scripts/setup gives python3-requests.
  std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  std::string script = std::string(SEKISHO_SOURCE_DIR) + "/tests/server/yente_behaviour.py";
  RunResult r = run_process({python, script, "http://127.0.0.1:" + std::to_string(port), keys.screener, keys.analyst});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  // The script prints one line per behaviour it checked; all of them must be there.
  for (const char* done : {"ready", "collections ok", "ids ok", "countries ok", "topics ok", "filters ok", "history ok",
                           "grouping ok", "websites ok", "v1 ungrouped ok", "v1 grouped ok", "all ok"}) {
    EXPECT_NE(r.out.find(done), std::string::npos) << "missing '" << done << "'\n" << r.out << r.err;
  }
  ::kill(serve.pid(), SIGTERM);
  EXPECT_EQ(serve.wait(), 0);
  fs::remove_all(home);
}

// The grouping rules on their own: a shared strong identifier, or the same
// name with agreeing and no disagreeing birth date or country; never the name alone.
TEST(YenteBehaviour, GroupsOnlyByIdentifierOrNameWithAgreeingFacts) {
  fs::path home = fresh_home("yente-groups");
  seed_yente_lists(home);
  auto store = ListStore::open(home);
  ASSERT_TRUE(store.ok());
  auto snap = build_snapshot(**store, {}, 1);
  ASSERT_TRUE(snap.ok()) << snap.status().to_string();
  std::vector<std::vector<std::string>> groups;
  for (const auto& g : (*snap)->groups) {
    std::vector<std::string> ids;
    for (const auto& m : g) ids.push_back(m.entity->id);
    std::sort(ids.begin(), ids.end());
    groups.push_back(ids);
  }
  std::sort(groups.begin(), groups.end());
  EXPECT_EQ(groups,
            (std::vector<std::vector<std::string>>{{"jp_meti_eul-512", "jp_mof_sanctions-RU-123",
                                                    "opensanctions-NK-kalashnikov00000000001", "us_ofac_sdn-20295"},
                                                   {"un_sc_sanctions-QDi.900", "us_ofac_sdn-9001"}}));
  // The OpenSanctions member leads: its FollowTheMoney id names the group.
  for (const auto& g : (*snap)->groups) {
    if (g.size() == 4) {
      EXPECT_EQ(g.front().facts->yente_id, "NK-kalashnikov00000000001");
    }
  }
  // Both ids find the OpenSanctions entity.
  EXPECT_EQ((*snap)->find("NK-smuggler000000000000001").entity,
            (*snap)->find("opensanctions-NK-smuggler000000000000001").entity);
  EXPECT_NE((*snap)->find("NK-smuggler000000000000001").entity, nullptr);
  fs::remove_all(home);
}

}  // namespace
}  // namespace sekisho::testing
