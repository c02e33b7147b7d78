// The handler of one HTTP route that reads a JSON body, called as the
// dispatcher calls it but without a socket: fuzz_route_<name>
// (SEKISHO_FUZZ_ROUTE). The body is the input. The server state holds a real
// list (the BIS Denied Persons List from the shared data) and the shipped policy
// bundle, so valid requests reach screening and decisions. Any body must give
// a JSON answer with a status the API documents, never a crash or a 500.
#include "fuzz_input.hpp"
#include "policy_bundle.hpp"
#include "sekisho/lists.hpp"
#include "sekisho/server.hpp"
#include "sekisho/store.hpp"
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
};

RouteUnderTest route_of(std::string_view name) {
  if (name == "screen") return {"POST", "/v1/screen", "/v1/screen"};
  if (name == "match") return {"POST", "/match/{dataset}", "/match/default"};
  if (name == "reconcile") return {"POST", "/reconcile/{dataset}", "/reconcile/default"};
  if (name == "transfer") return {"POST", "/v1/transfers/check", "/v1/transfers/check"};
  fprintf(stderr, "unknown route %.*s\n", static_cast<int>(name.size()), name.data());
  abort();
}

void die(const Status& status) {
  fprintf(stderr, "fuzz_route setup: %s\n", status.to_string().c_str());
  abort();
}

struct Fixture {
  server::ServerState state;
  server::Route route;

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
    const RouteUnderTest wanted = route_of(SEKISHO_FUZZ_ROUTE);
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
  fixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const RouteUnderTest wanted = route_of(SEKISHO_FUZZ_ROUTE);

  server::HttpRequest http;
  http.method = wanted.method;
  http.path = wanted.request_path;
  if (wanted.path != wanted.request_path) http.matches = {"default"};  // /match/{dataset}, /reconcile/{dataset}
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
