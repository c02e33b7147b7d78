// GET /v1/entities/{id}: one entity as stored, with its source record and list version.
#include "server/state.hpp"

namespace sekisho::server {

namespace {

ApiResponse entity(RequestContext& ctx) {
  std::string id = ctx.param(0);
  Snapshot::Located found = ctx.snapshot->find(id);
  if (found.entity == nullptr) return error_response(not_found("no entity '" + id + "' in the lists being served"));
  nlohmann::json body = nlohmann::json::parse(entity_to_json(*found.entity), nullptr, false);
  if (body.is_discarded()) return error_response(internal_error("entity " + id + " did not serialise"));
  // `raw` (the publisher's own record) is part of the entity JSON; make sure it is present even when empty.
  if (!body.contains("raw")) body["raw"] = found.entity->raw;
  body["list"] = {{"id", found.list->list_id},
                  {"version", found.list->version},
                  {"imported_at", found.list->created_at},
                  {"publication_date", found.list->publication_date},
                  {"content_hash", found.list->content_hash}};
  return json_response(body);
}

}  // namespace

void add_entity_routes(RouteTable& routes) {
  routes.push_back({.method = "GET",
                    .path = "/v1/entities/{id}",
                    .role = Role::kScreener,
                    .needs_snapshot = true,
                    .handler = entity});
}

}  // namespace sekisho::server
