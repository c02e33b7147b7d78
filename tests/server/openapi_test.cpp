// The OpenAPI document and the routes the server registers describe the same API.
#include <algorithm>
#include <set>

#include "server_fixture.hpp"

namespace sekisho::testing {
namespace {

nlohmann::json document() { return nlohmann::json::parse(Server::openapi_document(), nullptr, false); }

TEST(OpenApiTest, DocumentIsValidJsonWithTheRequiredKeys) {
  nlohmann::json doc = document();
  ASSERT_FALSE(doc.is_discarded()) << "openapi.json is not valid JSON";
  ASSERT_TRUE(doc.is_object());
  ASSERT_TRUE(doc["openapi"].is_string());
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  ASSERT_TRUE(doc["info"].is_object());
  EXPECT_TRUE(doc["info"]["title"].is_string());
  EXPECT_TRUE(doc["info"]["version"].is_string());
  ASSERT_TRUE(doc["paths"].is_object());
  EXPECT_TRUE(doc["components"]["securitySchemes"]["bearerAuth"].is_object());
  // Every operation documents its responses, and every $ref resolves.
  std::vector<std::string> refs;
  std::function<void(const nlohmann::json&)> collect = [&](const nlohmann::json& j) {
    if (j.is_object()) {
      for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key() == "$ref" && it->is_string()) refs.push_back(*it);
        collect(*it);
      }
    } else if (j.is_array()) {
      for (const auto& e : j) collect(e);
    }
  };
  collect(doc);
  ASSERT_FALSE(refs.empty());
  for (const std::string& ref : refs) {
    ASSERT_EQ(ref.rfind("#/", 0), 0u) << ref;
    EXPECT_NO_THROW({ (void)doc.at(nlohmann::json::json_pointer(ref.substr(1))); }) << "dangling " << ref;
  }
  for (auto& [path, item] : doc["paths"].items()) {
    for (auto& [method, op] : item.items()) {
      SCOPED_TRACE(method + " " + path);
      EXPECT_TRUE(op["responses"].is_object() && !op["responses"].empty());
      // Each {param} in the path is declared as a path parameter.
      for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{', open + 1)) {
        std::string name = path.substr(open + 1, path.find('}', open) - open - 1);
        bool declared = false;
        for (const auto& p : op.value("parameters", nlohmann::json::array())) {
          const nlohmann::json& param =
              p.contains("$ref") ? doc.at(nlohmann::json::json_pointer(p["$ref"].get<std::string>().substr(1))) : p;
          declared = declared || (param["in"] == "path" && param["name"] == name);
        }
        EXPECT_TRUE(declared) << "path parameter " << name << " not declared";
      }
    }
  }
}

class OpenApiRoutesTest : public ServerTest {
 protected:
  void SetUp() override { create_keys(home_); }
};

TEST_F(OpenApiRoutesTest, EveryRegisteredRouteIsDocumentedAndViceVersa) {
  start();
  std::set<std::string> registered;
  for (const std::string& r : server_->routes()) registered.insert(r);
  std::set<std::string> documented;
  nlohmann::json doc = document();
  for (auto& [path, item] : doc["paths"].items()) {
    for (auto& [method, op] : item.items()) {
      std::string upper = method;
      std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
      documented.insert(upper + " " + path);
    }
  }
  for (const std::string& r : registered) EXPECT_TRUE(documented.count(r)) << r << " is served but not documented";
  for (const std::string& d : documented) EXPECT_TRUE(registered.count(d)) << d << " is documented but not served";
  EXPECT_GE(registered.size(), 13u);
}

TEST_F(OpenApiRoutesTest, DocumentedRolesMatchWhatTheServerEnforces) {
  KeySet keys = create_keys(home_);
  start();
  nlohmann::json doc = document();
  auto c = client();
  for (auto& [path, item] : doc["paths"].items()) {
    for (auto& [method, op] : item.items()) {
      if (method != "get") continue;  // GET probes change nothing
      SCOPED_TRACE(path);
      std::string role = op["x-sekisho-role"];
      std::string concrete = path;
      if (size_t open = concrete.find('{'); open != std::string::npos)
        concrete.replace(open, concrete.find('}') - open + 1, "x");
      auto anonymous = c.Get(concrete.c_str());
      ASSERT_TRUE(anonymous);
      EXPECT_EQ(anonymous->status == 401, role != "none");
      EXPECT_EQ(op.contains("security") && op["security"].empty(), role == "none");
      if (role == "analyst" || role == "admin") {
        auto screener = c.Get(concrete.c_str(), bearer(keys.screener));
        ASSERT_TRUE(screener);
        EXPECT_EQ(screener->status, 403);
      }
      if (role == "admin") {
        auto analyst = c.Get(concrete.c_str(), bearer(keys.analyst));
        ASSERT_TRUE(analyst);
        EXPECT_EQ(analyst->status, 403);
      }
    }
  }
}

// Resolves a local "$ref" (one level; the document's refs never chain further).
const nlohmann::json& resolved(const nlohmann::json& doc, const nlohmann::json& j) {
  if (j.is_object() && j.contains("$ref"))
    return doc.at(nlohmann::json::json_pointer(j["$ref"].get<std::string>().substr(1)));
  return j;
}

// The property names a schema documents, through allOf.
std::set<std::string> documented_keys(const nlohmann::json& doc, const nlohmann::json& schema_ref) {
  const nlohmann::json& schema = resolved(doc, schema_ref);
  std::set<std::string> keys;
  if (schema.contains("properties")) {
    for (auto& [k, v] : schema["properties"].items()) keys.insert(k);
  }
  for (const auto& part : schema.value("allOf", nlohmann::json::array())) {
    for (const std::string& k : documented_keys(doc, part)) keys.insert(k);
  }
  return keys;
}

TEST(OpenApiTest, EveryResponseDocumentsTheRequestIdHeader) {
  nlohmann::json doc = document();
  for (auto& [path, item] : doc["paths"].items()) {
    for (auto& [method, op] : item.items()) {
      for (auto& [code, response] : op["responses"].items()) {
        const nlohmann::json& r = resolved(doc, response);
        ASSERT_TRUE(r.contains("headers") && r["headers"].contains("X-Request-Id"))
            << method << " " << path << " " << code << " does not document X-Request-Id";
        EXPECT_TRUE(resolved(doc, r["headers"]["X-Request-Id"]).contains("schema"));
      }
    }
  }
}

// Each GET route without path parameters, called by an admin over the two test
// lists: the answer carries X-Request-Id, and every top-level key of its JSON
// (such as /v1/lists' and /catalog's `missing`) is in the documented schema.
TEST_F(OpenApiRoutesTest, AnswersCarryTheDocumentedKeysAndRequestId) {
  seed_lists(home_);
  KeySet keys = create_keys(home_);
  start_ready();
  nlohmann::json doc = document();
  auto c = client();
  int checked = 0;
  for (auto& [path, item] : doc["paths"].items()) {
    if (!item.contains("get") || path.find('{') != std::string::npos) continue;
    SCOPED_TRACE(path);
    auto r = c.Get(path.c_str(), bearer(keys.admin));
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->get_header_value("X-Request-Id").empty());
    if (r->status != 200) continue;
    nlohmann::json body = nlohmann::json::parse(r->body, nullptr, false);
    const nlohmann::json& ok = resolved(doc, item["get"]["responses"]["200"]);
    if (!body.is_object() || !ok.contains("content") || !ok["content"].contains("application/json")) continue;
    std::set<std::string> keys_documented = documented_keys(doc, ok["content"]["application/json"]["schema"]);
    if (keys_documented.empty()) continue;  // a free-form object
    for (auto& [key, value] : body.items()) EXPECT_TRUE(keys_documented.count(key)) << key << " is not documented";
    ++checked;
  }
  EXPECT_GE(checked, 3);  // /v1/lists, /catalog, /v1/keys at least
  auto lists = c.Get("/v1/lists", bearer(keys.admin));
  ASSERT_TRUE(lists);
  EXPECT_TRUE(json_of(lists).contains("missing"));
  auto catalog = c.Get("/catalog", bearer(keys.admin));
  ASSERT_TRUE(catalog);
  EXPECT_TRUE(json_of(catalog).contains("missing"));
}

TEST_F(OpenApiRoutesTest, ServedDocumentIsTheSame) {
  start();
  auto r = client().Get("/openapi.json");
  ASSERT_TRUE(r);
  EXPECT_EQ(nlohmann::json::parse(r->body), document());
}

}  // namespace
}  // namespace sekisho::testing
