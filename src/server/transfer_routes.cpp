// POST /v1/transfers/check: decides a transfer chain (the JSON request format
// of docs/transfer-request.md) against the policy bundle loaded at start, as
// `sekisho transfer check --json` does, and answers the cited decision. Each
// party is screened with the request's pinned snapshot (the same lists and
// index /v1/screen uses), or with the store's versions in force on the
// request's date when the snapshot serves later ones, unless `?screen=false`; `?threshold=` overrides the
// matcher's default. `?record=true` also keeps the decision as a transfer
// case in the case store, audited, and answers its id under "record".
#include "cases/case_json.hpp"
#include "server/case_routes.hpp"
#include "server/state.hpp"

namespace sekisho::server {

namespace {

// The policy engine's party screener for a decision dated `as_of`: the snapshot the request
// pinned when each of its versions was already in force on that date (the usual case: a
// decision about today, and no store access on the request path), else a screener built from
// the store at the versions in force then, as `sekisho transfer check` does; a back-dated
// decision costs a build, never a wrong list.
Result<std::unique_ptr<rules::ListScreener>> screener_in_force(const RequestContext& ctx, const std::string& as_of) {
  SEKISHO_ASSIGN_OR_RETURN(double threshold,
                           parse_query_score(ctx.query("threshold"), "threshold", kDefaultScreenThreshold));
  rules::ListScreenerOptions options{.threshold = threshold, .as_of = as_of};
  std::vector<rules::ScreenedList> lists;
  std::vector<std::string> ids;
  bool snapshot_in_force = true;
  for (const ListVersion& served : ctx.snapshot->lists) {
    // The served version is the latest the snapshot holds: in force unless it counts from a
    // date after the decision's.
    rules::ScreenedList in_force = rules::version_in_force({served}, as_of);
    snapshot_in_force = snapshot_in_force && !in_force.later_than_decision;
    ids.push_back(served.list_id);
    lists.push_back(std::move(in_force));
  }
  if (snapshot_in_force)
    return std::make_unique<rules::ListScreener>(ctx.snapshot->screener, std::move(lists), options);
  SEKISHO_ASSIGN_OR_RETURN(std::unique_ptr<ListStore> store, ctx.state.open_store());
  return rules::ListScreener::from_store(*store, ids, options);
}

ApiResponse check(RequestContext& ctx) {
  std::shared_ptr<const rules::Policy> policy = ctx.state.policy;
  if (policy == nullptr) {
    return error_response(
        unavailable("no policy bundle is loaded: start the server with --policies DIR "
                    "(or SEKISHO_POLICIES)"));
  }
  const std::string record = ctx.query("record");
  if (record != "" && record != "true" && record != "false") {
    return error_response(invalid_argument("record must be true or false"));
  }
  Result<rules::TransferRequest> request = rules::parse_transfer_request_json(ctx.body, "request body");
  if (!request.ok()) return error_response(request.status());
  std::unique_ptr<rules::ListScreener> screener;
  if (ctx.query("screen") != "false") {
    Result<std::unique_ptr<rules::ListScreener>> built = screener_in_force(ctx, request->as_of);
    if (!built.ok()) return error_response(built.status());
    screener = std::move(*built);
  }
  // Stated list_hits in the request count as evidence either way, as in the CLI.
  Result<rules::Decision> decision = policy->decide(*request, screener.get());
  if (!decision.ok()) return error_response(decision.status());
  // Rendered at once: a Decision views into the policy and the request.
  std::string answer = rules::decision_to_json(*decision, *request, false);
  nlohmann::json body = nlohmann::json::parse(answer, nullptr, false);
  if (body.is_discarded()) return error_response(internal_error("the decision did not serialise"));
  if (record == "true") {
    const std::string actor = reviewer_of(ctx).name;
    auto cases = CaseStore::open(case_store_at(ctx.state.options));
    if (!cases.ok()) return error_response(cases.status().with_context("the decision was NOT recorded"));
    // Another process may have recorded another bundle since this server
    // started: the chain then names this one again before its decision.
    auto bundle = (*cases)->record_policy_bundle(ctx.state.policy_files, actor);
    if (!bundle.ok()) return error_response(bundle.status().with_context("the decision was NOT recorded"));
    auto recorded = (*cases)->record_transfer(transfer_case_of(*decision, *request, ctx.body, answer), actor);
    if (!recorded.ok()) return error_response(recorded.status().with_context("the decision was NOT recorded"));
    body["record"] = {{"id", recorded->id}, {"recorded_at", recorded->recorded_at}};
  }
  return json_response(body);
}

}  // namespace

void add_transfer_routes(RouteTable& routes) {
  routes.push_back({.method = "POST",
                    .path = "/v1/transfers/check",
                    .role = Role::kAnalyst,
                    .body = BodyMode::kBuffered,
                    .handler = check});
}

}  // namespace sekisho::server
