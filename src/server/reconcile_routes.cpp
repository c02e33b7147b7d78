// OpenRefine's Reconciliation Service API (W3C Entity Reconciliation CG,
// specification 0.2) at /reconcile/{dataset}: GET without queries answers the
// service manifest; GET or POST with `queries` (form-encoded, as OpenRefine
// sends it, or a JSON body) answers {"q0": {"result": [candidates]}}.
//
// Scores are sekisho's on a 0–100 scale; `match` is true at or above the
// screening threshold (0.75), which is what OpenRefine auto-matches on.
// Candidates down to 0.5 are listed for a person to choose from.
#include <cmath>

#include "core/strings.hpp"
#include "server/ftm_query.hpp"
#include "server/screening.hpp"
#include "server/state.hpp"
#include "wire/hit_json.hpp"

namespace sekisho::server {

namespace {

constexpr int kDefaultLimit = 5;
constexpr int kMaxLimit = 100;
constexpr double kCandidateThreshold = 0.5;
constexpr const char* kDefaultTypes[] = {"Person", "Organization", "Company", "LegalEntity", "Vessel"};

std::string base_url(const RequestContext& ctx) {
  std::string host = ctx.http.header("Host");
  if (host.empty()) host = ctx.state.options.host + ":" + std::to_string(ctx.http.local_port);
  return (ctx.state.options.tls_cert.empty() ? "http://" : "https://") + host;
}

ApiResponse manifest(RequestContext& ctx, const std::string& dataset) {
  nlohmann::json types = nlohmann::json::array();
  for (const char* t : kDefaultTypes) types.push_back({{"id", t}, {"name", t}});
  std::string base = base_url(ctx);
  return json_response({{"versions", {"0.2"}},
                        {"name", "sekisho sanctions screening (" + dataset + ")"},
                        {"identifierSpace", base + "/entities/"},
                        {"schemaSpace", "https://followthemoney.tech/explorer/schemata/"},
                        {"documentation", base + "/openapi.json"},
                        {"defaultTypes", std::move(types)},
                        {"view", {{"url", base + "/entities/{{id}}"}}},
                        {"batchSize", 50}});
}

// A reconciliation query ({"query", "type", "limit", "properties": [{"pid", "v"}]})
// as the FtM example /match reads.
Result<nlohmann::json> example_of(const nlohmann::json& q) {
  if (!q.is_object()) return invalid_argument("expected an object {\"query\", \"type\", \"limit\", \"properties\"}");
  std::string schema = "LegalEntity";
  if (auto type = q.find("type"); type != q.end() && !type->is_null()) {
    // OpenRefine sends one type; a list takes its first, as yente does.
    const nlohmann::json& t = type->is_array() && !type->empty() ? type->front() : *type;
    if (t.is_object() && t.contains("id") && t["id"].is_string()) {
      schema = t["id"].get<std::string>();
    } else if (t.is_string()) {
      schema = t.get<std::string>();
    } else if (!type->is_array()) {
      return invalid_argument("type: expected a type id such as \"Person\"");
    }
  }
  nlohmann::json props = nlohmann::json::object();
  if (auto query = q.find("query"); query != q.end()) {
    if (!query->is_string()) return invalid_argument("query: expected a string");
    props["name"] = nlohmann::json::array({*query});
  }
  if (auto list = q.find("properties"); list != q.end()) {
    if (!list->is_array()) return invalid_argument("properties: expected [{\"pid\", \"v\"}, ...]");
    for (const nlohmann::json& p : *list) {
      if (!p.is_object() || !p.contains("pid") || !p["pid"].is_string() || !p.contains("v")) {
        return invalid_argument("properties: each item needs \"pid\" and \"v\"");
      }
      std::string pid = p["pid"].get<std::string>();
      if (size_t colon = pid.find(':'); colon != std::string::npos) pid = pid.substr(colon + 1);  // "Person:birthDate"
      std::vector<nlohmann::json> values =
          p["v"].is_array() ? p["v"].get<std::vector<nlohmann::json>>() : std::vector<nlohmann::json>{p["v"]};
      nlohmann::json& into = props[pid];
      if (!into.is_array()) into = nlohmann::json::array();
      for (const nlohmann::json& v : values) into.push_back(v.is_object() && v.contains("id") ? v["id"] : v);
    }
  }
  return nlohmann::json{{"schema", schema}, {"properties", std::move(props)}};
}

Result<nlohmann::json> reconcile_one(const Snapshot& snapshot, const ListSelection& lists, const nlohmann::json& q,
                                     const ServerOptions& server) {
  SEKISHO_ASSIGN_OR_RETURN(nlohmann::json example, example_of(q));
  SEKISHO_ASSIGN_OR_RETURN(FtmQuery query, parse_ftm_example(example));
  int limit = kDefaultLimit;
  if (auto l = q.find("limit"); l != q.end() && !l->is_null()) {
    if (!l->is_number_integer() || l->get<int64_t>() < 1 || l->get<int64_t>() > kMaxLimit) {
      return invalid_argument("limit: expected 1 to " + std::to_string(kMaxLimit));
    }
    limit = static_cast<int>(l->get<int64_t>());
  }
  ScreenOptions options = budgeted_options(server);
  options.threshold = kCandidateThreshold;
  options.limit = static_cast<size_t>(limit);
  nlohmann::json result = nlohmann::json::array();
  const ScreenResult screened = screen_names(*snapshot.screener, query.query, query.names, lists, options);
  for (const ScreenHit& h : screened.hits) {
    std::string schema(schema_name(h.entity->schema));
    result.push_back({{"id", h.entity->id},
                      {"name", h.entity->caption},
                      {"type", {{{"id", schema}, {"name", schema}}}},
                      {"score", std::round(h.score * 10000) / 100},
                      {"match", h.score >= kDefaultScreenThreshold},
                      {"description", h.list_id + ": matched \"" + h.matched_name + "\""}});
  }
  nlohmann::json answer{{"result", std::move(result)}};
  mark_incomplete(screened, answer);
  return answer;
}

// The `queries` batch from the query string, a form-encoded body or a JSON body.
Result<std::string> queries_text(const RequestContext& ctx) {
  if (ctx.has_query("queries")) return ctx.query("queries");
  if (ctx.body.empty()) return std::string();
  std::string type = to_lower_ascii(ctx.http.header("Content-Type"));
  if (type.find("application/json") != std::string::npos) return ctx.body;
  HttpRequest form;
  parse_form(ctx.body, form.params);
  if (form.has_param("queries")) return form.param("queries");
  if (form.has_param("extend")) return invalid_argument("data extension (extend) is not offered by this service");
  return invalid_argument("request body: expected a form field 'queries' (JSON), as OpenRefine sends it");
}

ApiResponse reconcile(RequestContext& ctx) {
  std::string dataset = ctx.param(0);
  Result<ListSelection> lists = dataset_selection(*ctx.snapshot, dataset);
  if (!lists.ok()) return error_response(lists.status());
  Result<std::string> text = queries_text(ctx);
  if (!text.ok()) return error_response(text.status());
  if (text->empty()) return manifest(ctx, dataset);

  nlohmann::json batch = nlohmann::json::parse(*text, nullptr, false);
  if (batch.is_discarded()) return error_response(invalid_argument("queries: not valid JSON"));
  // A JSON body may wrap the batch as {"queries": {...}}.
  if (batch.is_object() && batch.size() == 1 && batch.contains("queries") && batch["queries"].is_object()) {
    batch = batch["queries"];
  }
  if (!batch.is_object()) return error_response(invalid_argument("queries: expected {\"q0\": {\"query\": ...}, ...}"));
  if (batch.size() > ctx.state.options.max_batch) {
    return error_response(
        invalid_argument("Too many queries in one batch (limit: " + std::to_string(ctx.state.options.max_batch) + ")"));
  }
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, q] : batch.items()) {
    Result<nlohmann::json> r = reconcile_one(*ctx.snapshot, *lists, q, ctx.state.options);
    if (!r.ok()) return error_response(invalid_argument("query '" + key + "': " + r.status().message()));
    out[key] = std::move(r).value();
  }
  return json_response(out);
}

}  // namespace

void add_reconcile_routes(RouteTable& routes) {
  // OpenRefine cannot send an Authorization header: these routes also take ?api_key=.
  routes.push_back({.method = "GET",
                    .path = "/reconcile/{dataset}",
                    .role = Role::kScreener,
                    .needs_snapshot = true,
                    .key_in_query = true,
                    .handler = reconcile});
  routes.push_back({.method = "POST",
                    .path = "/reconcile/{dataset}",
                    .role = Role::kScreener,
                    .body = BodyMode::kBuffered,
                    .needs_snapshot = true,
                    .key_in_query = true,
                    .handler = reconcile});
}

}  // namespace sekisho::server
