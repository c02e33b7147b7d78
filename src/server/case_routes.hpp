// The case store's routes, and who a request acts as in it and its audit log.
#pragma once

#include "sekisho/cases.hpp"
#include "server/state.hpp"

namespace sekisho::server {

// "key:<id> (<name>)" with the key's role; "no-auth" as admin when the server
// runs without keys (a development mode on loopback only).
Reviewer reviewer_of(const RequestContext& ctx);

// /v1/parties, /v1/alerts, /v1/runs, /v1/transfers, /v1/review-settings, /v1/audit
void add_case_routes(RouteTable& routes);

}  // namespace sekisho::server
