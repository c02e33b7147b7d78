#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sekisho/match.hpp"

namespace sekisho::match {
namespace {

NameMatch name_of(double score) {
  NameMatch m;
  m.score = score;
  return m;
}

TEST(CompareDatesTest, PrecisionRangesAndCirca) {
  EXPECT_EQ(compare_dates(parse_date_loose("1960-05-17"), parse_date_loose("17 May 1960")), QualifierOutcome::kMatch);
  EXPECT_EQ(compare_dates(parse_date_loose("1960"), parse_date_loose("1960-05-17")), QualifierOutcome::kCompatible);
  EXPECT_EQ(compare_dates(parse_date_loose("1960-05"), parse_date_loose("1960-05-17")), QualifierOutcome::kCompatible);
  EXPECT_EQ(compare_dates(parse_date_loose("1960-06"), parse_date_loose("1960-05-17")), QualifierOutcome::kConflict);
  EXPECT_EQ(compare_dates(parse_date_loose("1961"), parse_date_loose("1960-05-17")), QualifierOutcome::kConflict);
  EXPECT_EQ(compare_dates(parse_date_loose("Between 1958 and 1962"), parse_date_loose("1960-05-17")),
            QualifierOutcome::kCompatible);
  EXPECT_EQ(compare_dates(parse_date_loose("circa 1962"), parse_date_loose("1960-05-17")),
            QualifierOutcome::kCompatible);
  EXPECT_EQ(compare_dates(parse_date_loose("circa 1970"), parse_date_loose("1960-05-17")), QualifierOutcome::kConflict);
  EXPECT_EQ(compare_dates(parse_date_loose("1960-07-05"), parse_date_loose("1960-05-07")),
            QualifierOutcome::kCompatible);  // day and month swapped
  EXPECT_EQ(compare_dates(parse_date_loose(""), parse_date_loose("1960")), QualifierOutcome::kUnknown);
}

TEST(ScoreHitTest, DatesMoveTheScoreBothWays) {
  Facts q, l;
  q.schema = l.schema = Schema::kPerson;
  l.birth_dates.push_back(parse_date_loose("1952-10-07"));
  q.birth_dates.push_back(parse_date_loose("1952-10-07"));
  const HitScore same = score_hit(name_of(0.8), q, l);
  q.birth_dates = {parse_date_loose("1970")};
  const HitScore other = score_hit(name_of(0.8), q, l);
  EXPECT_GT(same.score, 0.8);
  EXPECT_LT(same.score, 1.0);  // evidence never makes an inexact name exact
  EXPECT_LT(other.score, 0.8);
  ASSERT_EQ(other.qualifiers.size(), 1u);
  EXPECT_EQ(other.qualifiers[0].qualifier, "birth_date");
  EXPECT_EQ(other.qualifiers[0].outcome, QualifierOutcome::kConflict);
  EXPECT_DOUBLE_EQ(other.qualifiers[0].score_before, 0.8);
  EXPECT_DOUBLE_EQ(other.qualifiers[0].score_after, other.score);
}

TEST(ScoreHitTest, IdentifiersAreStrongEvidence) {
  Facts q, l;
  q.schema = l.schema = Schema::kVessel;
  l.identifiers.push_back({.type = "imo", .value = "IMO 9187629"});
  q.identifiers.push_back({.type = "imo", .value = "imo9187629"});
  // A renamed vessel: the name barely matches, the IMO number does.
  EXPECT_GE(score_hit(name_of(0.2), q, l).score, kDefaultThreshold);
  q.identifiers = {{.type = "imo", .value = "9999999"}};
  const HitScore conflict = score_hit(name_of(0.9), q, l);
  EXPECT_LT(conflict.score, 0.5);  // a vessel has one IMO number
  Facts p, lp;
  p.schema = lp.schema = Schema::kPerson;
  lp.identifiers.push_back({.type = "passport", .value = "A1234567", .country = "ir"});
  p.identifiers.push_back({.type = "passport", .value = "B7654321", .country = "ir"});
  const HitScore passport = score_hit(name_of(0.9), p, lp);
  EXPECT_LT(passport.score, 0.9);
  EXPECT_GT(passport.score, 0.7);  // people hold several passports: milder
  p.identifiers = {{.type = "passport", .value = "B7654321", .country = "sy"}};
  EXPECT_DOUBLE_EQ(score_hit(name_of(0.9), p, lp).score, 0.9);  // other issuer: no evidence either way
}

TEST(ScoreHitTest, CountryGenderAndSchema) {
  Facts q, l;
  q.schema = Schema::kPerson;
  l.schema = Schema::kPerson;
  q.countries = {"RU"};
  l.countries = {"ru", "by"};
  EXPECT_GT(score_hit(name_of(0.8), q, l).score, 0.8);
  q.countries = {"ir"};
  EXPECT_LT(score_hit(name_of(0.8), q, l).score, 0.8);
  // Names and codes meet through ISO 3166 (text::country_code).
  q.countries = {"Russian Federation"};
  EXPECT_GT(score_hit(name_of(0.8), q, l).score, 0.8);
  q.countries = {"Iran (Islamic Republic of)"};
  EXPECT_LT(score_hit(name_of(0.8), q, l).score, 0.8);
  q.countries = {"Kurdistan"};  // no country code: unknown against codes, not a conflict
  EXPECT_DOUBLE_EQ(score_hit(name_of(0.8), q, l).score, 0.8);
  q.countries.clear();
  q.gender = "female";
  l.gender = "male";
  EXPECT_LT(score_hit(name_of(0.8), q, l).score, 0.8);
  l.schema = Schema::kVessel;
  const HitScore s = score_hit(name_of(1.0), q, l);
  EXPECT_EQ(s.score, 0.0);
  ASSERT_EQ(s.qualifiers.size(), 1u);
  EXPECT_EQ(s.qualifiers[0].qualifier, "schema");
  EXPECT_EQ(score_hit(name_of(0.8), Facts{.schema = Schema::kCompany}, Facts{.schema = Schema::kOrganization}).score,
            0.8);
}

TEST(ScoreHitTest, FactsFromEntityAndJson) {
  Entity e;
  e.schema = Schema::kPerson;
  e.birth_dates.push_back(parse_date_loose("1952"));
  e.nationalities = {"ru"};
  e.gender = "male";
  const Facts f = facts_from_entity(e);
  EXPECT_EQ(f.countries.size(), 1u);
  Facts q{.schema = Schema::kPerson};
  q.birth_dates.push_back(parse_date_loose("1952-10-07"));
  NameComparer comparer;
  const HitScore hit = score_hit(comparer.compare(tokens_from_text("vladimir putin"),
                                                  tokens_from_text("vladimir vladimirovich putin"), Schema::kPerson),
                                 q, f);
  const nlohmann::json j = nlohmann::json::parse(hit.to_json());
  EXPECT_DOUBLE_EQ(j["score"].get<double>(), hit.score);
  ASSERT_EQ(j["qualifiers"].size(), 1u);
  EXPECT_EQ(j["qualifiers"][0]["outcome"], "compatible");
  EXPECT_NE(hit.to_text().find("birth_date compatible"), std::string::npos);
}

}  // namespace
}  // namespace sekisho::match
