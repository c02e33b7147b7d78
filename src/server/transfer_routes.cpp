// POST /v1/transfers/check: decides a transfer chain (the JSON request format
// of docs/transfer-request.md) against the policy bundle loaded at start, as
// `sekisho transfer check --json` does, and answers the cited decision.
#include "server/state.hpp"

namespace sekisho::server {

namespace {

ApiResponse check(RequestContext& ctx) {
  std::shared_ptr<const rules::Policy> policy = ctx.state.policy;
  if (policy == nullptr) {
    return error_response(unavailable("no policy bundle is loaded: start the server with --policies DIR "
                                      "(or SEKISHO_POLICIES)"));
  }
  Result<rules::TransferRequest> request = rules::parse_transfer_request_json(ctx.body, "request body");
  if (!request.ok()) return error_response(request.status());
  // The request's own list_hits are the screening evidence, as in the CLI.
  Result<rules::Decision> decision = policy->decide(*request);
  if (!decision.ok()) return error_response(decision.status());
  // Rendered at once: a Decision views into the policy and the request.
  nlohmann::json body = nlohmann::json::parse(rules::decision_to_json(*decision, *request, false), nullptr, false);
  if (body.is_discarded()) return error_response(internal_error("the decision did not serialise"));
  return json_response(body);
}

}  // namespace

void add_transfer_routes(RouteTable& routes) {
  routes.push_back({.method = "POST", .path = "/v1/transfers/check", .role = Role::kAnalyst,
                    .body = BodyMode::kBuffered, .handler = check});
}

}  // namespace sekisho::server
