// What a screening row may say: every gender and party schema FollowTheMoney allows is a
// customer to screen, never a refused row (a refused row is a customer left unscreened).
#include <gtest/gtest.h>

#include "sekisho/screen.hpp"

namespace sekisho {
namespace {

TEST(Issue17QueryRows, GenderOtherIsScreenedWithoutAGenderToCompare) {
  auto q = make_query("Alex Morgan", "Person", "", "", "", "other");
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_EQ(q->gender, "");  // says nothing against a listed man or woman
  auto rows = read_query_rows("id,name,schema,gender\n1,Alex Morgan,Person,other\n2,Kim Lee,Person,female\n", "in.csv");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].error, "");
  EXPECT_EQ((*rows)[1].query.gender, "female");
}

TEST(Issue17QueryRows, AnUnknownGenderIsStillAnErrorNamingTheRow) {
  auto rows = read_query_rows("id,name,gender\n1,Alex Morgan,sometimes\n", "in.csv");
  ASSERT_TRUE(rows.ok());
  EXPECT_NE((*rows)[0].error.find("in.csv:2"), std::string::npos) << (*rows)[0].error;
}

TEST(Issue17QueryRows, FollowTheMoneyPartySchemasAreAccepted) {
  for (const char* schema : {"Person", "Organization", "Company", "LegalEntity", "PublicBody", "Vessel", "Airplane"}) {
    EXPECT_TRUE(make_query("Acme", schema, "", "", "", "").ok()) << schema;
  }
  EXPECT_EQ(make_query("Acme", "Airplane", "", "", "", "")->schema, Schema::kAircraft);
}

}  // namespace
}  // namespace sekisho
