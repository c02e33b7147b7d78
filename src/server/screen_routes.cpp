// sekisho's own screening routes: POST /v1/screen (one party or a batch, the
// CLI's fields and result shape) and GET /v1/search?q= (one name).
#include "core/strings.hpp"
#include "server/screening.hpp"
#include "server/state.hpp"
#include "wire/hit_json.hpp"

namespace sekisho::server {

namespace {

constexpr size_t kMaxLimit = 500;

// A party field as text: a string, an array of strings (joined with ';', as the CLI's CSV columns
// take several values), or for an id or identity number a number. A number where a name belongs
// is a caller's mistake, never a name to screen.
Result<std::string> field_text(const nlohmann::json& party, const char* key) {
  auto it = party.find(key);
  if (it == party.end() || it->is_null()) return std::string();
  if (it->is_string()) return it->get<std::string>();
  const std::string_view k(key);
  if (it->is_number() && (k == "id" || k == "id_number")) return it->dump();
  if (it->is_array()) {
    std::vector<std::string> parts;
    for (const nlohmann::json& v : *it) {
      if (!v.is_string()) return invalid_argument(std::string("'") + key + "' must hold strings");
      parts.push_back(v.get<std::string>());
    }
    return join(parts, ";");
  }
  return invalid_argument(std::string("'") + key + "' must be a string");
}

struct Party {
  std::string id;
  ScreenQuery query;
  std::string error;  // non-empty: not screened, and why
};

// `where` names the party in errors ("parties[3]"); its id defaults to its 1-based position.
Party parse_party(const nlohmann::json& j, size_t position, const std::string& where) {
  Party p;
  p.id = std::to_string(position + 1);
  if (!j.is_object()) {
    p.error = where + ": expected an object with at least \"name\"";
    return p;
  }
  std::string fields[7];
  const char* keys[7] = {"id", "name", "schema", "birth_date", "country", "id_number", "gender"};
  for (int i = 0; i < 7; ++i) {
    Result<std::string> text = field_text(j, keys[i]);
    if (!text.ok()) {
      p.error = where + ": " + text.status().message();
      return p;
    }
    fields[i] = std::move(text).value();
  }
  if (!fields[0].empty()) p.id = fields[0];
  if (trim(fields[1]).empty()) {
    p.error = where + " (id " + p.id + "): \"name\" is missing or empty";
    return p;
  }
  Result<ScreenQuery> q = make_query(fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]);
  if (!q.ok()) {
    p.error = where + " (id " + p.id + "): " + q.status().message();
    return p;
  }
  p.query = std::move(q).value();
  return p;
}

// threshold, limit and lists: from the body (screen) or the query string (search).
struct Settings {
  ScreenOptions options;
  ListSelection lists;
  bool group = false;  // one match per party across lists (matches_json); off by default on /v1
};

Status check_limit(size_t limit) {
  if (limit == 0 || limit > kMaxLimit) {
    return invalid_argument("limit: expected 1 to " + std::to_string(kMaxLimit) + ", got " + std::to_string(limit));
  }
  return Status();
}

Result<Settings> body_settings(const nlohmann::json& body, const Snapshot& snapshot, const ServerOptions& server) {
  Settings s;
  s.options = budgeted_options(server);
  if (body.contains("threshold")) {
    const nlohmann::json& t = body["threshold"];
    if (!t.is_number() || t.get<double>() < 0 || t.get<double>() > 1) {
      return invalid_argument("threshold: expected a number between 0 and 1");
    }
    s.options.threshold = t.get<double>();
  }
  if (body.contains("limit")) {
    const nlohmann::json& l = body["limit"];
    if (!l.is_number_integer() || l.get<int64_t>() < 1) return invalid_argument("limit: expected a positive integer");
    s.options.limit = static_cast<size_t>(l.get<int64_t>());
    SEKISHO_RETURN_IF_ERROR(check_limit(s.options.limit));
  }
  std::vector<std::string> ids;
  if (body.contains("lists")) {
    const nlohmann::json& l = body["lists"];
    if (!l.is_array()) return invalid_argument("lists: expected an array of list ids");
    for (const nlohmann::json& id : l) {
      if (!id.is_string()) return invalid_argument("lists: expected an array of list ids");
      ids.push_back(id.get<std::string>());
    }
  }
  SEKISHO_ASSIGN_OR_RETURN(s.lists, select_lists(snapshot, ids));
  if (body.contains("group")) {
    if (!body["group"].is_boolean()) return invalid_argument("group: expected true or false");
    s.group = body["group"].get<bool>();
  }
  return s;
}

nlohmann::json party_result(const Snapshot& snapshot, const Party& party, const ScreenResult& screened, bool group) {
  nlohmann::json r = {{"id", party.id}, {"matches", matches_json(snapshot, screened.hits, group)}};
  if (!party.error.empty()) r["error"] = party.error;
  mark_incomplete(screened, r);
  return r;
}

ApiResponse screen(RequestContext& ctx) {
  nlohmann::json body = nlohmann::json::parse(ctx.body, nullptr, false);
  if (body.is_discarded()) return error_response(invalid_argument("request body: not valid JSON"));
  if (!body.is_object()) {
    return error_response(invalid_argument("request body: expected {\"parties\": [...]} or one party object"));
  }
  Result<Settings> settings = body_settings(body, *ctx.snapshot, ctx.state.options);
  if (!settings.ok()) return error_response(settings.status());

  std::vector<Party> parties;
  if (body.contains("parties")) {
    const nlohmann::json& list = body["parties"];
    if (!list.is_array()) return error_response(invalid_argument("parties: expected an array of party objects"));
    if (list.empty()) return error_response(invalid_argument("parties: empty; send at least one party"));
    size_t limit = ctx.state.options.max_batch;
    if (list.size() > limit) {
      return error_response(413, "payload_too_large",
                            "parties: " + std::to_string(list.size()) + " in one request; the limit is " +
                                std::to_string(limit) + " (split the batch)");
    }
    parties.reserve(list.size());
    for (size_t i = 0; i < list.size(); ++i)
      parties.push_back(parse_party(list[i], i, "parties[" + std::to_string(i) + "]"));
  } else {
    // One party, sent bare: an unusable one is the whole request's error.
    Party p = parse_party(body, 0, "party");
    if (!p.error.empty()) return error_response(invalid_argument(p.error));
    parties.push_back(std::move(p));
  }

  nlohmann::json results = nlohmann::json::array();
  for (const Party& p : parties) {
    ScreenResult screened;
    if (p.error.empty()) {
      screened = screen_names(*ctx.snapshot->screener, p.query, {p.query.name}, settings->lists, settings->options);
    }
    results.push_back(party_result(*ctx.snapshot, p, screened, settings->group));
  }
  return json_response({{"results", std::move(results)}, {"lists", lists_json(*ctx.snapshot, settings->lists)}});
}

ApiResponse search(RequestContext& ctx) {
  std::string q = ctx.query("q");
  Result<ScreenQuery> query = make_query(q, ctx.query("schema"), "", "", "", "");
  if (!query.ok()) {
    return error_response(invalid_argument(
        "q: " + (trim(q).empty() ? std::string("the name to search for is missing") : query.status().message())));
  }
  ScreenOptions options = budgeted_options(ctx.state.options);
  // A person at a search box wants near misses too: the CLI's `search` default.
  Result<double> threshold = parse_query_score(ctx.query("threshold"), "threshold", 0.5);
  if (!threshold.ok()) return error_response(threshold.status());
  options.threshold = *threshold;
  Result<int> limit = parse_query_int(ctx.query("limit"), "limit", 10);
  if (!limit.ok()) return error_response(limit.status());
  options.limit = static_cast<size_t>(*limit);
  if (Status s = check_limit(options.limit); !s.ok()) return error_response(s);
  Result<ListSelection> lists = select_lists(*ctx.snapshot, query_list(ctx.http, "lists"));
  if (!lists.ok()) return error_response(lists.status());

  std::string group = ctx.query("group");
  if (!group.empty() && group != "true" && group != "false") {
    return error_response(invalid_argument("group: expected true or false, got '" + group + "'"));
  }
  ScreenResult screened = screen_names(*ctx.snapshot->screener, *query, {query->name}, *lists, options);
  nlohmann::json answer = {{"query", query->name},
                           {"matches", matches_json(*ctx.snapshot, screened.hits, group == "true")},
                           {"lists", lists_json(*ctx.snapshot, *lists)}};
  mark_incomplete(screened, answer);
  return json_response(std::move(answer));
}

}  // namespace

void add_screen_routes(RouteTable& routes) {
  routes.push_back({.method = "POST",
                    .path = "/v1/screen",
                    .role = Role::kScreener,
                    .body = BodyMode::kBuffered,
                    .needs_snapshot = true,
                    .handler = screen});
  routes.push_back(
      {.method = "GET", .path = "/v1/search", .role = Role::kScreener, .needs_snapshot = true, .handler = search});
}

}  // namespace sekisho::server
