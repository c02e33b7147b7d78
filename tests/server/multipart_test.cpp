// The streaming multipart/form-data reader the list upload route uses.
#include "server/multipart.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace sekisho::server {
namespace {

struct Part {
  std::string name, filename, data;
};

// Feeds `body` in pieces of `step` bytes; the parts read, and whether the body was whole.
std::pair<std::vector<Part>, bool> parse(const std::string& boundary, const std::string& body, size_t step) {
  std::vector<Part> parts;
  MultipartParser parser(
      boundary,
      [&](const std::string& name, const std::string& filename) {
        parts.push_back({name, filename, ""});
        return true;
      },
      [&](const char* data, size_t n) {
        parts.back().data.append(data, n);
        return true;
      });
  bool ok = true;
  for (size_t i = 0; i < body.size() && ok; i += step)
    ok = parser.feed(body.data() + i, std::min(step, body.size() - i));
  return {parts, ok && parser.done()};
}

TEST(MultipartTest, ReadsPartsWhateverTheChunking) {
  std::string body =
      "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.xml\"\r\n"
      "Content-Type: application/xml\r\n\r\n<a>\r\n--Xy not yet</a>\r\n--XyZ\r\n"
      "content-disposition: form-data; name=mapping\r\n\r\nid,name\r\n--XyZ--\r\nepilogue";
  for (size_t step : {size_t{1}, size_t{3}, size_t{7}, body.size()}) {
    SCOPED_TRACE(step);
    auto [parts, whole] = parse("XyZ", body, step);
    EXPECT_TRUE(whole);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].name, "file");
    EXPECT_EQ(parts[0].filename, "list.xml");
    EXPECT_EQ(parts[0].data, "<a>\r\n--Xy not yet</a>");
    EXPECT_EQ(parts[1].name, "mapping");
    EXPECT_EQ(parts[1].filename, "");
    EXPECT_EQ(parts[1].data, "id,name");
  }
}

TEST(MultipartTest, TruncatedOrMalformedBodiesAreNotWhole) {
  EXPECT_FALSE(parse("b", "--b\r\n\r\nabc", 1).second) << "no closing boundary";
  EXPECT_FALSE(parse("b", "--b\r\n\r\nabc\r\n--bXX", 1).second) << "junk after a boundary";
  EXPECT_FALSE(parse("", "--\r\n\r\nabc\r\n----", 1).second) << "no boundary";
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"a b\""), "a b");
  EXPECT_EQ(multipart_boundary("multipart/form-data; charset=utf-8; BOUNDARY=xyz"), "xyz");
  EXPECT_EQ(multipart_boundary("multipart/form-data"), "");
}

}  // namespace
}  // namespace sekisho::server
