// Open routes: liveness, readiness, metrics and the API description.
#include "server/state.hpp"

namespace sekisho::server {

namespace {

ApiResponse healthz(RequestContext&) { return json_response({{"status", "ok"}}); }

// Ready means: a snapshot is loaded, its screening index built (they are
// published together), and it holds at least one list. A server
// with no lists would answer every screening with "no match", which in
// compliance is worse than answering nothing, so it stays out of rotation.
ApiResponse readyz(RequestContext& ctx) {
  if (ctx.snapshot == nullptr || ctx.snapshot->screener == nullptr) {
    return error_response(unavailable("the lists are still loading and the screening index building"));
  }
  if (ctx.snapshot->lists.empty()) {
    return error_response(
        unavailable("no lists in the store: import one (sekisho import, sekisho update, "
                    "or POST /v1/lists/{id}/import)"));
  }
  return json_response({{"status", "ok"},
                        {"generation", ctx.snapshot->generation},
                        {"loaded_at", ctx.snapshot->loaded_at},
                        {"lists", ctx.snapshot->lists.size()},
                        {"entities", ctx.snapshot->entity_count},
                        {"names", ctx.snapshot->screener->name_count()}});
}

ApiResponse metrics(RequestContext& ctx) {
  std::shared_ptr<const KeyVerifier> keys = ctx.state.keys.load();
  ApiResponse r;
  r.body = ctx.state.metrics->render(ctx.snapshot.get(), keys ? keys->active_count() : 0);
  r.body += ctx.state.build_status.metrics_text();
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  return r;
}

ApiResponse openapi(RequestContext&) {
  ApiResponse r;
  r.body = std::string(Server::openapi_document());
  return r;
}

}  // namespace

void add_system_routes(RouteTable& routes) {
  routes.push_back({.method = "GET", .path = "/healthz", .on_io_thread = true, .handler = healthz});
  routes.push_back({.method = "GET", .path = "/readyz", .on_io_thread = true, .handler = readyz});
  routes.push_back({.method = "GET", .path = "/metrics", .handler = metrics});
  routes.push_back({.method = "GET", .path = "/openapi.json", .handler = openapi});
}

}  // namespace sekisho::server
