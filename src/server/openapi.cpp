// The OpenAPI 3 description served at /openapi.json. Written by hand in
// openapi.json beside this file (compiled in by CMakeLists.txt), not generated
// from the route table, so that tests/server/openapi_test.cpp can hold the two
// against each other: every registered route must be there with its role
// (x-sekisho-role), and nothing else.
#include "sekisho/server.hpp"

namespace sekisho {

std::string_view Server::openapi_document() {
  static constexpr std::string_view kDocument =
#include "server/openapi.json.inc"
      ;
  return kDocument;
}

}  // namespace sekisho
