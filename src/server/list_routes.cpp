// /v1/lists and /v1/lists/{id}/diff: what is loaded and what changed.
#include "server/state.hpp"
#include "wire/list_json.hpp"

namespace sekisho::server {

namespace {

// Each served list with its age; catalogue lists the store lacks under "missing",
// so a list that is not loaded is never silently absent.
ApiResponse lists(RequestContext& ctx) {
  nlohmann::json out = nlohmann::json::array();
  nlohmann::json missing = nlohmann::json::array();
  for (const ListAge& age : list_ages(ctx.snapshot->lists, default_sources())) {
    (age.version ? out : missing).push_back(wire::list_age_json(age));
  }
  return json_response({{"lists", out},
                        {"missing", missing},
                        {"snapshot",
                         {{"generation", ctx.snapshot->generation},
                          {"loaded_at", ctx.snapshot->loaded_at},
                          {"entities", ctx.snapshot->entity_count},
                          // null, or the failure of the last build, after which this snapshot kept serving
                          {"last_build_failure", ctx.state.build_status.last_failure_json()}}}});
}

ApiResponse diff(RequestContext& ctx) {
  Result<int> from = parse_query_int(ctx.query("from"), "from", 0);
  if (!from.ok()) return error_response(from.status());
  Result<int> to = parse_query_int(ctx.query("to"), "to", 0);
  if (!to.ok()) return error_response(to.status());
  auto store = ctx.state.open_store();
  if (!store.ok()) return error_response(store.status());
  Result<ListDiff> d = (*store)->diff(ctx.param(0), *from, *to);
  if (!d.ok()) return error_response(d.status());
  return json_response(wire::list_diff_json(*d));
}

}  // namespace

ApiResponse import_list_upload(RequestContext& ctx);  // import_route.cpp

void add_list_routes(RouteTable& routes) {
  routes.push_back(
      {.method = "GET", .path = "/v1/lists", .role = Role::kAnalyst, .needs_snapshot = true, .handler = lists});
  routes.push_back({.method = "GET", .path = "/v1/lists/{id}/diff", .role = Role::kAnalyst, .handler = diff});
  routes.push_back({.method = "POST",
                    .path = "/v1/lists/{id}/import",
                    .role = Role::kAdmin,
                    .body = BodyMode::kStream,
                    .handler = import_list_upload});
}

}  // namespace sekisho::server
