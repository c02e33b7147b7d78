// /v1/parties, /v1/alerts, /v1/runs, /v1/transfers, /v1/review-settings,
// /v1/audit: the case store over HTTP.
// Roles: a screener raises runs, an analyst reads and decides, an admin
// imports parties, confirms four-eyes decisions, sets the review settings and
// reads the audit log. The
// reviewer is the calling key ("key:<id> (<name>)") with the key's role.
#include "server/case_routes.hpp"
#include "cases/case_json.hpp"
#include "sekisho/cases.hpp"

namespace sekisho::server {

namespace {

using nlohmann::json;

}  // namespace

Reviewer reviewer_of(const RequestContext& ctx) {
  // Without authentication (--no-auth, a development mode) the server trusts every caller as admin.
  if (!ctx.principal) return {"no-auth", Role::kAdmin};
  const KeyRecord& k = *ctx.principal;
  return {"key:" + k.id + (k.name.empty() ? "" : " (" + k.name + ")"), k.role};
}

namespace {

Result<std::unique_ptr<CaseStore>> open_cases(const RequestContext& ctx) {
  return CaseStore::open(case_store_at(ctx.state.options));
}

Result<json> json_body(const RequestContext& ctx) {
  if (ctx.body.empty()) return json::object();
  json body = json::parse(ctx.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return invalid_argument("the body must be a JSON object");
  return body;
}

// A boolean field of `body`, `fallback` when absent; json::value would throw on another type.
Result<bool> bool_field(const json& body, const char* key, bool fallback) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_boolean()) return invalid_argument(std::string("\"") + key + "\" must be true or false");
  return it->get<bool>();
}

Result<int64_t> id_param(const RequestContext& ctx, const char* what) {
  Result<int> id = parse_query_int(ctx.param(0), what, 0);
  if (!id.ok()) return id.status();
  if (*id <= 0) return invalid_argument(std::string(what) + " must be a positive number");
  return static_cast<int64_t>(*id);
}

Result<RunRecord> start_run(RequestContext& ctx, CaseStore& cases, const MonitorOptions& options) {
  auto lists = ctx.state.open_store();
  if (!lists.ok()) return lists.status();
  return cases.monitor(**lists, options, reviewer_of(ctx).name);
}

ApiResponse list_parties(RequestContext& ctx) {
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto parties = (*cases)->parties(ctx.query("include_removed") == "true");
  if (!parties.ok()) return error_response(parties.status());
  json out = json::array();
  for (const StoredParty& p : *parties) out.push_back(cases::party_to_json(p));
  return json_response({{"parties", out}});
}

ApiResponse import_parties(RequestContext& ctx) {
  auto body = json_body(ctx);
  if (!body.ok()) return error_response(body.status());
  auto items = body->find("parties");
  if (items == body->end() || !items->is_array()) {
    return error_response(invalid_argument("\"parties\" must be an array of party objects"));
  }
  auto replace_all = bool_field(*body, "replace_all", false);
  if (!replace_all.ok()) return error_response(replace_all.status());
  auto screen = bool_field(*body, "screen", true);
  if (!screen.ok()) return error_response(screen.status());
  std::vector<Party> parties;
  for (size_t i = 0; i < items->size(); ++i) {
    auto party = cases::party_from_request((*items)[i], "parties[" + std::to_string(i) + "]");
    if (!party.ok()) return error_response(party.status());
    parties.push_back(std::move(*party));
  }
  PartyImportOptions options;
  // Over the API an import adds and updates unless the caller says it is the whole registry.
  options.replace_all = *replace_all;
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto report = (*cases)->import_parties(parties, options, reviewer_of(ctx).name);
  if (!report.ok()) return error_response(report.status());
  json out = {{"added", report->added},
              {"changed", report->changed},
              {"unchanged", report->unchanged},
              {"removed", report->removed},
              {"alerts_closed", report->alerts_closed},
              {"run", nullptr}};
  if (*screen) {
    auto run = start_run(ctx, **cases, {});
    // The parties are stored either way; an unscreened registry is reported, never hidden.
    if (!run.ok()) return error_response(run.status().with_context("parties imported but NOT screened"));
    out["run"] = cases::run_to_json(*run);
  }
  return json_response(out, 201);
}

ApiResponse get_party(RequestContext& ctx) {
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto party = (*cases)->party(ctx.param(0));
  if (!party.ok()) return error_response(party.status());
  AlertFilter filter;
  filter.party_id = ctx.param(0);
  auto alerts = (*cases)->alerts(filter);
  if (!alerts.ok()) return error_response(alerts.status());
  json out = cases::party_to_json(*party);
  out["alerts"] = json::array();
  for (const Alert& a : *alerts) out["alerts"].push_back(cases::alert_to_json(a));
  return json_response(out);
}

ApiResponse list_alerts(RequestContext& ctx) {
  AlertFilter filter;
  if (!ctx.query("state").empty()) {
    auto state = parse_alert_state(ctx.query("state"));
    if (!state.ok()) return error_response(state.status());
    filter.state = *state;
  }
  filter.party_id = ctx.query("party");
  filter.entity_id = ctx.query("entity");
  auto run = parse_query_int(ctx.query("run"), "run", 0);
  if (!run.ok()) return error_response(run.status());
  filter.run_id = *run;
  auto limit = parse_query_int(ctx.query("limit"), "limit", 0);
  if (!limit.ok()) return error_response(limit.status());
  filter.limit = static_cast<size_t>(*limit);
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto alerts = (*cases)->alerts(filter);
  if (!alerts.ok()) return error_response(alerts.status());
  json out = json::array();
  for (const Alert& a : *alerts) out.push_back(cases::alert_to_json(a));
  return json_response({{"alerts", out}});
}

ApiResponse alert_response(CaseStore& cases, const Alert& alert, int status = 200) {
  auto events = cases.alert_events(alert.id);
  if (!events.ok()) return error_response(events.status());
  return json_response(cases::alert_to_json(alert, *events), status);
}

ApiResponse get_alert(RequestContext& ctx) {
  auto id = id_param(ctx, "alert id");
  if (!id.ok()) return error_response(id.status());
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto alert = (*cases)->alert(*id);
  if (!alert.ok()) return error_response(alert.status());
  return alert_response(**cases, *alert);
}

ApiResponse decide_alert(RequestContext& ctx) {
  auto id = id_param(ctx, "alert id");
  if (!id.ok()) return error_response(id.status());
  auto body = json_body(ctx);
  if (!body.ok()) return error_response(body.status());
  if (!body->contains("state") || !(*body)["state"].is_string()) {
    return error_response(invalid_argument("\"state\" is required: escalated, true_match, false_positive or closed"));
  }
  auto state = parse_alert_state((*body)["state"].get<std::string>());
  if (!state.ok()) return error_response(state.status());
  std::string reason =
      body->contains("reason") && (*body)["reason"].is_string() ? (*body)["reason"].get<std::string>() : "";
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto alert = (*cases)->decide(*id, *state, reviewer_of(ctx), reason);
  if (!alert.ok()) return error_response(alert.status());
  return alert_response(**cases, *alert);
}

ApiResponse confirm_alert(RequestContext& ctx) {
  auto id = id_param(ctx, "alert id");
  if (!id.ok()) return error_response(id.status());
  auto body = json_body(ctx);
  if (!body.ok()) return error_response(body.status());
  std::string reason =
      body->contains("reason") && (*body)["reason"].is_string() ? (*body)["reason"].get<std::string>() : "";
  auto approve = bool_field(*body, "approve", true);
  if (!approve.ok()) return error_response(approve.status());
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto alert = (*cases)->confirm(*id, reviewer_of(ctx), reason, *approve);
  if (!alert.ok()) return error_response(alert.status());
  return alert_response(**cases, *alert);
}

ApiResponse list_runs(RequestContext& ctx) {
  auto limit = parse_query_int(ctx.query("limit"), "limit", 20);
  if (!limit.ok()) return error_response(limit.status());
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto runs = (*cases)->runs(static_cast<size_t>(*limit));
  if (!runs.ok()) return error_response(runs.status());
  json out = json::array();
  for (const RunRecord& r : *runs) out.push_back(cases::run_to_json(r));
  return json_response({{"runs", out}});
}

ApiResponse create_run(RequestContext& ctx) {
  auto body = json_body(ctx);
  if (!body.ok()) return error_response(body.status());
  MonitorOptions options;
  auto full = bool_field(*body, "full", false);
  if (!full.ok()) return error_response(full.status());
  options.full = *full;
  if (body->contains("threshold")) {
    const json& t = (*body)["threshold"];
    if (!t.is_number() || t.get<double>() <= 0 || t.get<double>() > 1) {
      return error_response(invalid_argument("\"threshold\" must be a number in (0, 1]"));
    }
    options.threshold = t.get<double>();
  }
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto run = start_run(ctx, **cases, options);
  if (!run.ok()) return error_response(run.status());
  return json_response(cases::run_to_json(*run), 201);
}

ApiResponse get_run(RequestContext& ctx) {
  auto id = id_param(ctx, "run id");
  if (!id.ok()) return error_response(id.status());
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto run = (*cases)->run(*id);
  if (!run.ok()) return error_response(run.status());
  return json_response(cases::run_to_json(*run));
}

json review_settings_json(const ReviewSettings& settings) {
  return {{"four_eyes", settings.four_eyes}, {"confirm_role", role_name(settings.confirm_role)}};
}

ApiResponse get_review_settings(RequestContext& ctx) {
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto settings = (*cases)->review_settings();
  if (!settings.ok()) return error_response(settings.status());
  return json_response(review_settings_json(*settings));
}

// A field left out keeps its value, so a caller may switch four-eyes without
// knowing the confirming role (and the reverse).
ApiResponse change_review_settings(RequestContext& ctx) {
  auto body = json_body(ctx);
  if (!body.ok()) return error_response(body.status());
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto settings = (*cases)->review_settings();
  if (!settings.ok()) return error_response(settings.status());
  for (const auto& [field, value] : body->items()) {
    if (field == "four_eyes") {
      if (!value.is_boolean()) return error_response(invalid_argument("\"four_eyes\" must be true or false"));
      settings->four_eyes = value.get<bool>();
    } else if (field == "confirm_role") {
      if (!value.is_string())
        return error_response(invalid_argument("\"confirm_role\" must be \"analyst\" or \"admin\""));
      auto role = parse_role(value.get<std::string>());
      if (!role.ok()) return error_response(role.status().with_context("confirm_role"));
      settings->confirm_role = *role;
    } else {
      return error_response(invalid_argument("unknown field \"" + field + "\": expected four_eyes, confirm_role"));
    }
  }
  Status set = (*cases)->set_review_settings(*settings, reviewer_of(ctx).name);
  if (!set.ok()) return error_response(set);
  return json_response(review_settings_json(*settings));
}

ApiResponse list_transfers(RequestContext& ctx) {
  auto limit = parse_query_int(ctx.query("limit"), "limit", 20);
  if (!limit.ok()) return error_response(limit.status());
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto transfers = (*cases)->transfers(static_cast<size_t>(*limit));
  if (!transfers.ok()) return error_response(transfers.status());
  json out = json::array();
  for (const TransferCase& t : *transfers) out.push_back(cases::transfer_to_json(t, false));
  return json_response({{"transfers", out}});
}

ApiResponse get_transfer(RequestContext& ctx) {
  auto id = id_param(ctx, "transfer case id");
  if (!id.ok()) return error_response(id.status());
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto transfer = (*cases)->transfer(*id);
  if (!transfer.ok()) return error_response(transfer.status());
  return json_response(cases::transfer_to_json(*transfer, true));
}

ApiResponse list_audit(RequestContext& ctx) {
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto entries = (*cases)->audit_entries(ctx.query("from"), ctx.query("to"));
  if (!entries.ok()) return error_response(entries.status());
  json out = json::array();
  for (const AuditEntry& e : *entries) out.push_back(cases::audit_entry_to_json(e));
  return json_response({{"entries", out}});
}

ApiResponse verify_audit(RequestContext& ctx) {
  auto cases = open_cases(ctx);
  if (!cases.ok()) return error_response(cases.status());
  auto check = (*cases)->verify_audit();
  if (!check.ok()) return error_response(check.status());
  return json_response(cases::audit_check_to_json(*check));
}

}  // namespace

void add_case_routes(RouteTable& routes) {
  routes.push_back({.method = "GET", .path = "/v1/parties", .role = Role::kAnalyst, .handler = list_parties});
  routes.push_back({.method = "POST",
                    .path = "/v1/parties",
                    .role = Role::kAdmin,
                    .body = BodyMode::kBuffered,
                    .handler = import_parties});
  routes.push_back({.method = "GET", .path = "/v1/parties/{id}", .role = Role::kAnalyst, .handler = get_party});
  routes.push_back({.method = "GET", .path = "/v1/alerts", .role = Role::kAnalyst, .handler = list_alerts});
  routes.push_back({.method = "GET", .path = "/v1/alerts/{id}", .role = Role::kAnalyst, .handler = get_alert});
  routes.push_back({.method = "POST",
                    .path = "/v1/alerts/{id}/decision",
                    .role = Role::kAnalyst,
                    .body = BodyMode::kBuffered,
                    .handler = decide_alert});
  routes.push_back({.method = "POST",
                    .path = "/v1/alerts/{id}/confirmation",
                    .role = Role::kAnalyst,
                    .body = BodyMode::kBuffered,
                    .handler = confirm_alert});
  routes.push_back({.method = "GET", .path = "/v1/runs", .role = Role::kAnalyst, .handler = list_runs});
  routes.push_back({.method = "POST",
                    .path = "/v1/runs",
                    .role = Role::kScreener,
                    .body = BodyMode::kBuffered,
                    .handler = create_run});
  routes.push_back({.method = "GET", .path = "/v1/runs/{id}", .role = Role::kAnalyst, .handler = get_run});
  routes.push_back({.method = "GET", .path = "/v1/transfers", .role = Role::kAnalyst, .handler = list_transfers});
  routes.push_back({.method = "GET", .path = "/v1/transfers/{id}", .role = Role::kAnalyst, .handler = get_transfer});
  routes.push_back(
      {.method = "GET", .path = "/v1/review-settings", .role = Role::kAdmin, .handler = get_review_settings});
  routes.push_back({.method = "POST",
                    .path = "/v1/review-settings",
                    .role = Role::kAdmin,
                    .body = BodyMode::kBuffered,
                    .handler = change_review_settings});
  routes.push_back({.method = "GET", .path = "/v1/audit", .role = Role::kAdmin, .handler = list_audit});
  routes.push_back({.method = "GET", .path = "/v1/audit/verify", .role = Role::kAdmin, .handler = verify_audit});
}

}  // namespace sekisho::server
