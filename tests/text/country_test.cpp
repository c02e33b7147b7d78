// Country names and codes to ISO 3166-1 alpha-2, as the qualifiers need them:
// list data writes "Russia", "Russian Federation", "Korea, North" or ロシア,
// clients send "RU" or "RUS".
#include <gtest/gtest.h>

#include "sekisho/text.hpp"

namespace sekisho::text {
namespace {

TEST(CountryCode, CodesInEveryCase) {
  EXPECT_EQ(country_code("RU"), "RU");
  EXPECT_EQ(country_code(" ru "), "RU");
  EXPECT_EQ(country_code("RUS"), "RU");
  EXPECT_EQ(country_code("prk"), "KP");
  EXPECT_EQ(country_code("UK"), "GB");  // not ISO, but what people write
  EXPECT_EQ(country_code("XX"), "");
  EXPECT_EQ(country_code("ZZZ"), "");
}

TEST(CountryCode, NamesAsListsWriteThem) {
  EXPECT_EQ(country_code("Russia"), "RU");
  EXPECT_EQ(country_code("Russian Federation"), "RU");
  EXPECT_EQ(country_code("Iran (Islamic Republic of)"), "IR");
  EXPECT_EQ(country_code("Korea, North"), "KP");
  EXPECT_EQ(country_code("Democratic People's Republic of Korea"), "KP");
  EXPECT_EQ(country_code("Syrian Arab Republic"), "SY");
  EXPECT_EQ(country_code("Burma"), "MM");
  EXPECT_EQ(country_code("Côte d’Ivoire"), "CI");
  EXPECT_EQ(country_code("UNITED STATES"), "US");
}

TEST(CountryCode, NamesInOtherLanguagesAndScripts) {
  EXPECT_EQ(country_code("Russie"), "RU");  // French (EU, UN)
  EXPECT_EQ(country_code("Россия"), "RU");  // Russian
  EXPECT_EQ(country_code("ロシア"), "RU");  // Japanese (MOF)
  EXPECT_EQ(country_code("イラン"), "IR");
  EXPECT_EQ(country_code("北朝鮮"), "KP");
}

TEST(CountryCode, NotACountry) {
  EXPECT_EQ(country_code(""), "");
  EXPECT_EQ(country_code("Kurdistan"), "");
  EXPECT_EQ(country_code("stateless"), "");
}

}  // namespace
}  // namespace sekisho::text
