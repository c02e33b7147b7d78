#include "sekisho/status.hpp"

#include <gtest/gtest.h>

namespace sekisho {
namespace {

TEST(Status, OkMapsToZeroAnd200) {
  Status ok;
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(ok.exit_code(), 0);
  EXPECT_EQ(ok.http_status(), 200);
}

TEST(Status, ParseErrorNamesItsKindAndKeepsContext) {
  Status st = parse_error("sdn.csv:12: bad field").with_context("importing us_ofac_sdn");
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kParseError);
  EXPECT_EQ(st.to_string(), "parse error: importing us_ofac_sdn: sdn.csv:12: bad field");
  EXPECT_EQ(st.exit_code(), 65);
  EXPECT_EQ(st.http_status(), 422);
}

TEST(Status, CodesMapToDistinctHttpStatuses) {
  EXPECT_EQ(not_found("x").http_status(), 404);
  EXPECT_EQ(invalid_argument("x").http_status(), 400);
  EXPECT_EQ(Status(StatusCode::kUnauthenticated, "x").http_status(), 401);
  EXPECT_EQ(Status(StatusCode::kPermissionDenied, "x").http_status(), 403);
  EXPECT_EQ(Status(StatusCode::kResourceExhausted, "x").http_status(), 429);
  EXPECT_EQ(unavailable("x").http_status(), 503);
}

Result<int> half(int x) {
  if (x % 2) return invalid_argument("odd");
  return x / 2;
}

Status use_half(int x, int* out) {
  SEKISHO_ASSIGN_OR_RETURN(int h, half(x));
  *out = h;
  return Status();
}

TEST(Result, CarriesValueOrStatus) {
  int out = 0;
  EXPECT_TRUE(use_half(8, &out).ok());
  EXPECT_EQ(out, 4);
  Status st = use_half(7, &out);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(out, 4);
}

}  // namespace
}  // namespace sekisho
