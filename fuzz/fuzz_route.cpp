// The handler of one HTTP route that reads a JSON body, called as the
// dispatcher calls it but without a socket: fuzz_route_<name>
// (SEKISHO_FUZZ_ROUTE). The body is the input. The server state holds a real
// list (the BIS Denied Persons List from the shared data) and the shipped policy
// bundle, so valid requests reach screening and decisions; for the case store's
// routes its case store holds a party that matches a denied person, and the
// alert (id 1) its screening raised. Any body must give a JSON answer with a
// status the API documents, never a crash or a 500.
#include "fuzz_input.hpp"
#include "policy_bundle.hpp"
#include "sekisho/cases.hpp"
#include "sekisho/lists.hpp"
#include "sekisho/server.hpp"
#include "sekisho/store.hpp"
#include "server/case_routes.hpp"
#include "server/request.hpp"
#include "server/state.hpp"

#ifndef SEKISHO_FUZZ_ROUTE
#error "SEKISHO_FUZZ_ROUTE names the route this binary fuzzes"
#endif

namespace {

namespace fs = std::filesystem;
using namespace sekisho;

struct RouteUnderTest {
  std::string method, path;  // as the route table has them
  std::string request_path;  // the path the request asks for
  bool cases = false;        // a case store route: the fixture raises an alert first
};

RouteUnderTest route_of(std::string_view name) {
  if (name == "screen") return {"POST", "/v1/screen", "/v1/screen"};
  if (name == "match") return {"POST", "/match/{dataset}", "/match/default"};
  if (name == "reconcile") return {"POST", "/reconcile/{dataset}", "/reconcile/default"};
  if (name == "transfer") return {"POST", "/v1/transfers/check", "/v1/transfers/check"};
  if (name == "parties") return {"POST", "/v1/parties", "/v1/parties", true};
  if (name == "decision") return {"POST", "/v1/alerts/{id}/decision", "/v1/alerts/1/decision", true};
  fprintf(stderr, "unknown route %.*s\n", static_cast<int>(name.size()), name.data());
  abort();
}

// The request path's segments where the route's template has a {parameter}, in order.
std::vector<std::string> path_parameters(std::string_view route, std::string_view request) {
  std::vector<std::string> out;
  while (!route.empty() && !request.empty()) {
    const size_t r = route.find('/'), q = request.find('/');
    const std::string_view r_seg = route.substr(0, r), q_seg = request.substr(0, q);
    if (r_seg.starts_with('{')) out.emplace_back(q_seg);
    route = r == std::string_view::npos ? "" : route.substr(r + 1);
    request = q == std::string_view::npos ? "" : request.substr(q + 1);
  }
  return out;
}

void die(const Status& status) {
  fprintf(stderr, "fuzz_route setup: %s\n", status.to_string().c_str());
  abort();
}

struct Fixture {
  server::ServerState state;
  server::Route route;

  // A party named as the first denied person, screened: alert 1 for the decision route to reach.
  void raise_alert(ListStore& lists) {
    auto cases = CaseStore::open(state.options.home);
    if (!cases.ok()) die(cases.status());
    Party party{.id = "c1", .schema = "Person", .names = {"I. ASH"}};
    if (auto imported = (*cases)->import_parties({party}, {}, "fuzz"); !imported.ok()) die(imported.status());
    auto run = (*cases)->monitor(lists, {}, "fuzz");
    if (!run.ok()) die(run.status());
    if (!(*cases)->alert(1).ok()) die(internal_error("the fixture's party raised no alert"));
  }

  Fixture() {
    state.options.home = sekisho::fuzz::scratch_dir() / "home";
    fs::create_directories(state.options.home);
    auto parsed = parse_list("bis-dpl", {fs::path(SEKISHO_SHARED_DATA) / "us_bis/dpl_2022-09.txt"});
    if (!parsed.ok()) die(parsed.status());
    auto store = ListStore::open(state.options.home);
    if (!store.ok()) die(store.status());
    if (auto imported = (*store)->import_list("us_bis_denied", *parsed); !imported.ok()) die(imported.status());
    auto snapshot = build_snapshot(**store, {}, 1);
    if (!snapshot.ok()) die(snapshot.status());
    state.snapshots.publish(*snapshot);
    auto policy = rules::load_policy_files(sekisho::fuzz::policy_files());
    if (!policy.ok()) die(policy.status());
    state.policy = std::move(policy).value();

    server::RouteTable routes;
    server::add_screen_routes(routes);
    server::add_match_routes(routes);
    server::add_reconcile_routes(routes);
    server::add_transfer_routes(routes);
    server::add_case_routes(routes);
    const RouteUnderTest wanted = route_of(SEKISHO_FUZZ_ROUTE);
    if (wanted.cases) raise_alert(**store);
    for (server::Route& r : routes) {
      if (r.method == wanted.method && r.path == wanted.path) route = r;
    }
    if (!route.handler) die(internal_error("route " + wanted.path + " is not in the table"));
  }
};

Fixture& fixture() {
  static Fixture built;
  return built;
}

}  // namespace

// The list import and the index build take seconds under ASan: done before the first input's
// time limit starts.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  sekisho::fuzz::use_shared_data();
  fixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const RouteUnderTest wanted = route_of(SEKISHO_FUZZ_ROUTE);

  server::HttpRequest http;
  http.method = wanted.method;
  http.path = wanted.request_path;
  http.matches = path_parameters(wanted.path, wanted.request_path);
  std::string body(sekisho::fuzz::as_view(data, size));
  // Reconcile takes a form (OpenRefine) or JSON; the body's first byte says which it looks like.
  http.headers = {
      {"Content-Type", !body.empty() && body[0] == '{' ? "application/json" : "application/x-www-form-urlencoded"}};
  server::RequestContext ctx{.http = http, .state = fixture().state, .snapshot = fixture().state.snapshots.get()};
  ctx.body = std::move(body);
  server::ApiResponse response = fixture().route.handler(ctx);
  // A request the handler cannot serve is the client's fault (4xx) or a documented refusal
  // (413); a 500 means the handler met something it did not expect.
  if (response.status >= 500 && response.status != 503) __builtin_trap();
  if (response.content_type == "application/json" &&
      nlohmann::json::parse(response.body, nullptr, false).is_discarded()) {
    __builtin_trap();
  }
  return 0;
}
