// /v1/keys: API key management for admins (the CLI's `sekisho keys` over HTTP).
#include "server/case_routes.hpp"

namespace sekisho::server {

namespace {

nlohmann::json key_json(const KeyRecord& k) {
  return {{"id", k.id},
          {"role", role_name(k.role)},
          {"name", k.name},
          {"rate_limit", k.rate_limit},
          {"created_at", k.created_at},
          {"revoked_at", k.revoked_at.empty() ? nlohmann::json(nullptr) : nlohmann::json(k.revoked_at)}};
}

// Key creation and revocation go into the case store's audit log.
Status audit_key_change(const RequestContext& ctx, const char* action, const KeyRecord& key) {
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(case_store_at(ctx.state.options)));
  nlohmann::json detail = {{"id", key.id}, {"name", key.name}};
  if (action == std::string_view("key.create")) detail["role"] = role_name(key.role);
  return cases->audit(reviewer_of(ctx).name, action, key.id, detail.dump());
}

ApiResponse list_keys(RequestContext& ctx) {
  std::lock_guard<std::mutex> lock(ctx.state.key_store_mutex);
  Result<std::vector<KeyRecord>> keys = ctx.state.key_store->list();
  if (!keys.ok()) return error_response(keys.status());
  nlohmann::json out = nlohmann::json::array();
  for (const KeyRecord& k : *keys) out.push_back(key_json(k));
  return json_response({{"keys", out}});
}

ApiResponse create_key(RequestContext& ctx) {
  nlohmann::json body = nlohmann::json::parse(ctx.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return error_response(invalid_argument("expected a JSON object: {\"role\": \"screener\", \"name\": \"…\"}"));
  }
  auto role_it = body.find("role");
  if (role_it == body.end() || !role_it->is_string()) return error_response(invalid_argument("\"role\" is required"));
  Result<Role> role = parse_role(role_it->get<std::string>());
  if (!role.ok()) return error_response(role.status());
  std::string name;
  if (auto it = body.find("name"); it != body.end()) {
    if (!it->is_string()) return error_response(invalid_argument("\"name\" must be a string"));
    name = it->get<std::string>();
  }
  double rate = 0;
  if (auto it = body.find("rate_limit"); it != body.end()) {
    if (!it->is_number()) return error_response(invalid_argument("\"rate_limit\" must be a number"));
    rate = it->get<double>();
  }
  std::lock_guard<std::mutex> lock(ctx.state.key_store_mutex);
  Result<CreatedKey> created = ctx.state.key_store->create(*role, name, rate);
  if (!created.ok()) return error_response(created.status());
  if (Status st = ctx.state.refresh_keys(); !st.ok()) return error_response(st);
  if (Status st = audit_key_change(ctx, "key.create", created->record); !st.ok()) return error_response(st);
  return json_response({{"key", key_json(created->record)}, {"secret", created->secret}}, 201);
}

ApiResponse revoke_key(RequestContext& ctx) {
  std::lock_guard<std::mutex> lock(ctx.state.key_store_mutex);
  Status st = ctx.state.key_store->revoke(ctx.param(0));
  if (!st.ok()) return error_response(st);
  if (Status refreshed = ctx.state.refresh_keys(); !refreshed.ok()) return error_response(refreshed);
  KeyRecord revoked;
  revoked.id = ctx.param(0);
  if (Status st = audit_key_change(ctx, "key.revoke", revoked); !st.ok()) return error_response(st);
  return json_response({{"revoked", ctx.param(0)}});
}

}  // namespace

void add_key_routes(RouteTable& routes) {
  routes.push_back({.method = "GET", .path = "/v1/keys", .role = Role::kAdmin, .handler = list_keys});
  routes.push_back(
      {.method = "POST", .path = "/v1/keys", .role = Role::kAdmin, .body = BodyMode::kBuffered, .handler = create_key});
  routes.push_back({.method = "DELETE", .path = "/v1/keys/{id}", .role = Role::kAdmin, .handler = revoke_key});
}

}  // namespace sekisho::server
