// Screener: the index path (candidates, then scoring) against the scan of
// every name it is measured by (ScreenOptions::exhaustive).
#include "sekisho/screen.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "sekisho/lists.hpp"

namespace sekisho {
namespace {

Entity organisation(std::string id, std::vector<std::string> names) {
  Entity e;
  e.id = std::move(id);
  e.schema = Schema::kOrganization;
  for (std::string& n : names) e.names.push_back({.full = std::move(n), .kind = NameKind::kAlias});
  return e;
}

const ScreenHit* hit_for(const std::vector<ScreenHit>& hits, std::string_view entity_id) {
  for (const ScreenHit& h : hits) {
    if (h.entity->id == entity_id) return &h;
  }
  return nullptr;
}

// "Al Rosa" gives "Ak Al Rosa" its two words and their join "alrosa": three
// votes, against the one of the listed "Alrosa", which falls under the vote
// floor. The entity is reached through "Ak Al Rosa", a near miss (an extra
// word), and its other names that the index reached are scored too.
TEST(Screener, ANearMissHasTheOtherNamesOfItsEntityScored) {
  // "al" and "rosa" are in more names than "alrosa": its list is walked first and reaches "Alrosa".
  std::vector<Entity> entities = {organisation("alrosa", {"Ak Al Rosa", "Al Rosa Gurup", "Alrosa"}),
                                  organisation("rosa", {"Rosa Shipping Lines"}),
                                  organisation("banco", {"Banco Rosa Verde"}),
                                  organisation("noor", {"Al Noor Trading"}),
                                  organisation("amin", {"Al Amin Exchange"}),
                                  organisation("other", {"Northern Timber Holdings"})};
  auto screener = Screener::build({{"test", 1, std::move(entities)}});
  std::vector<CandidateTrace> trace;
  ScreenOptions options;
  options.trace = &trace;
  const std::vector<ScreenHit> hits = screener->screen({.name = "Al Rosa"}, options);
  // The premise: the index hands over the longer names, not "Alrosa".
  ASSERT_FALSE(trace.empty());
  for (const CandidateTrace& t : trace) EXPECT_NE(t.listed_form, "alrosa");
  const ScreenHit* h = hit_for(hits, "alrosa");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->matched_name, "Alrosa");
  EXPECT_GE(h->score, 0.95);
  // The scan of every name agrees.
  options.exhaustive = true;
  options.trace = nullptr;
  const std::vector<ScreenHit> scanned = screener->screen({.name = "Al Rosa"}, options);
  const ScreenHit* s = hit_for(scanned, "alrosa");
  ASSERT_NE(s, nullptr);
  EXPECT_DOUBLE_EQ(s->score, h->score);
}

// Real lists: a typo reaches HARKAT-UL-JIHAD-AL ISLAMI's entry in the MOF list
// through its English name (0.64: "sl" contradicts "ul"); the entry's katakana
// name, read "halkatl jihad al islami", matches the query's "harkat sl" merged,
// as the scan finds.
TEST(Screener, FindsWhatTheScanFindsThroughAnotherNameOfANearMiss) {
  const std::filesystem::path data = SEKISHO_SHARED_DATA;
  auto mof = parse_list("mof-xlsx", {data / "japan/mof_shisantouketsu_20260305.xlsx"}, {.list_id = "jp_mof_sanctions"});
  ASSERT_TRUE(mof.ok()) << mof.status().to_string();
  auto screener = Screener::build({{"jp_mof_sanctions", 1, std::move(mof->entities)}});
  ScreenOptions options;
  const std::vector<ScreenHit> by_index = screener->screen({.name = "Harkat-sl-Jihad-al Islami"}, options);
  options.exhaustive = true;
  const std::vector<ScreenHit> by_scan = screener->screen({.name = "Harkat-sl-Jihad-al Islami"}, options);
  const ScreenHit* s = hit_for(by_scan, "jp_mof_sanctions-2-575");
  ASSERT_NE(s, nullptr);
  const ScreenHit* h = hit_for(by_index, "jp_mof_sanctions-2-575");
  ASSERT_NE(h, nullptr);
  EXPECT_DOUBLE_EQ(h->score, s->score);
  EXPECT_GE(h->score, 0.9);
}

}  // namespace
}  // namespace sekisho
