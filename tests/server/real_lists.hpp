// Real list data for the screening route tests: the UN consolidated list of
// 2026-02-27 parsed once per test binary, and a person picked from it by what
// the tests need (a birth date and a nationality to qualify on).
#pragma once

#include <cctype>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "sekisho/lists.hpp"
#include "server_fixture.hpp"
#include "support/shared_data.hpp"

namespace sekisho::testing {

inline constexpr const char* kUnList = "un_sc_sanctions";

inline const ParsedList& un_list() {
  static const ParsedList list = [] {
    auto parsed = parse_list("un-xml", {fs::path(SEKISHO_SHARED_DATA) / "un" / "consolidated_2026-02-27.xml"});
    EXPECT_TRUE(parsed.ok()) << parsed.status().to_string();
    return parsed.ok() ? std::move(parsed).value() : ParsedList{};
  }();
  return list;
}

// The first listed person with a full birth date, a nationality and a
// primary name of three or more words: distinctive enough to be the top hit
// for its own name.
// `name` with its last letter changed: a query that finds the listed name but
// scores below 1, so that checks of what lifts or lowers a score can fail.
inline std::string with_typo(std::string name) {
  for (size_t i = name.size(); i-- > 0;) {
    if (std::isalpha(static_cast<unsigned char>(name[i]))) {
      name[i] = std::tolower(static_cast<unsigned char>(name[i])) == 'q' ? 'x' : 'q';
      break;
    }
  }
  return name;
}

inline const Entity& un_person() {
  static const Entity* person = [] {
    for (const Entity& e : un_list().entities) {
      const Name* n = e.primary_name();
      if (e.schema != Schema::kPerson || n == nullptr || e.nationalities.empty() || e.birth_dates.empty()) continue;
      if (e.birth_dates[0].date.day == 0 || std::count(n->full.begin(), n->full.end(), ' ') < 2) continue;
      return &e;
    }
    return static_cast<const Entity*>(nullptr);
  }();
  static const Entity kNone;
  EXPECT_NE(person, nullptr) << "no suitable person in the UN list";
  return person ? *person : kNone;
}

// A server over the UN list and the two small test lists, a key per role.
class RealListServerTest : public ServerTest {
 protected:
  void SetUp() override {
    ASSERT_FALSE(un_list().entities.empty());
    import_into(home_, kUnList, un_list());
    seed_lists(home_);
    keys_ = create_keys(home_);
    start_ready();
  }
};

}  // namespace sekisho::testing
