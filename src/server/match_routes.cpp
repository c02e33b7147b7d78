// yente-compatible screening: POST /match/{dataset} and GET /search/{dataset},
// in the request and response shapes of yente's routers/match.py and
// routers/search.py (EntityMatchQuery → EntityMatchResponse, SearchResponse).
//
// Differences, documented in docs/server.md: scores come from sekisho's scorer
// (the `algorithm` names yente knows are accepted and all mean it), so the
// default threshold is sekisho's calibrated 0.75 rather than yente's 0.70;
// `weights` and `config` are accepted and not used; a batch may hold
// ServerOptions::max_batch queries (1,000) where yente allows 100.
#include <algorithm>
#include <cmath>

#include "core/strings.hpp"
#include "server/ftm_query.hpp"
#include "server/ftm_view.hpp"
#include "server/screening.hpp"
#include "server/state.hpp"
#include "wire/hit_json.hpp"

namespace sekisho::server {

namespace {

constexpr int kMatchLimit = 5;  // yente settings.MATCH_PAGE
constexpr int kMaxMatchLimit = 500;
constexpr int kSearchLimit = 10;      // yente settings.DEFAULT_PAGE
constexpr int kMaxSearchLimit = 500;  // yente settings.MAX_PAGE
constexpr size_t kMaxExcludedIds = 50;

// yente's algorithm names (nomenklatura's, plus its alias "best"); every one
// scores with sekisho's comparer. An unknown name is refused as yente does.
constexpr const char* kAlgorithms[] = {"best",       "sekisho",        "logic-v2",      "logic-v1",     "ofac",
                                       "name-based", "name-qualified", "regression-v1", "regression-v2"};

Status check_algorithm(const std::string& name) {
  if (name.empty()) return Status();
  std::string clean = to_lower_ascii(trim(name));
  for (const char* known : kAlgorithms) {
    if (clean == known) return Status();
  }
  return invalid_argument("Invalid algorithm: " + name +
                          " (known: best, logic-v2, logic-v1, ofac, name-based, "
                          "name-qualified, regression-v1, regression-v2; all score with sekisho's comparer)");
}

Result<int> parse_limit(const RequestContext& ctx, int fallback, int max) {
  SEKISHO_ASSIGN_OR_RETURN(int limit, parse_query_int(ctx.query("limit"), "limit", fallback));
  if (limit < 1 || limit > max) {
    return invalid_argument("limit: expected 1 to " + std::to_string(max) + ", got " + std::to_string(limit));
  }
  return limit;
}

// The dataset of the path narrowed by include_dataset and exclude_dataset.
Result<DatasetScope> dataset_lists(const RequestContext& ctx) {
  SEKISHO_ASSIGN_OR_RETURN(DatasetScope scope, dataset_scope(*ctx.snapshot, ctx.param(0)));
  std::vector<std::string> include = query_list(ctx.http, "include_dataset");
  std::vector<std::string> exclude = query_list(ctx.http, "exclude_dataset");
  if (include.empty() && exclude.empty()) return scope;
  std::vector<std::string> candidates = scope.lists.ids;
  if (scope.lists.all) {
    for (const ListVersion& v : ctx.snapshot->lists) candidates.push_back(v.list_id);
  }
  ListSelection narrowed{.all = false};
  for (const std::string& id : candidates) {
    bool in = include.empty() || std::find(include.begin(), include.end(), id) != include.end();
    bool out = std::find(exclude.begin(), exclude.end(), id) != exclude.end();
    if (in && !out) narrowed.ids.push_back(id);
  }
  scope.lists = std::move(narrowed);
  return scope;
}

// The dataset's lists and the yente filters of the query string.
struct YenteScope {
  ListSelection lists;
  YenteFilters filters;
};
Result<YenteScope> yente_scope(const RequestContext& ctx) {
  SEKISHO_ASSIGN_OR_RETURN(DatasetScope scope, dataset_lists(ctx));
  SEKISHO_ASSIGN_OR_RETURN(YenteFilters filters, parse_yente_filters(ctx.http, scope.topic));
  if (filters.exclude_ids.size() > kMaxExcludedIds) {
    return invalid_argument("exclude_entity_ids: at most " + std::to_string(kMaxExcludedIds) + " ids");
  }
  return YenteScope{std::move(scope.lists), std::move(filters)};
}

double rounded(double v) { return std::round(v * 10000) / 10000; }

// yente's ScoredEntityResponse: the entity, its score, match, features and
// explanations (feature → {score, detail, query, candidate}).
nlohmann::json scored_entity(const Snapshot& snapshot, const YenteHit& found, bool group, double threshold) {
  const ScreenHit& hit = *found.hit;
  nlohmann::json r = yente_entity(snapshot, found.at, group);
  r["score"] = rounded(hit.score);
  r["match"] = hit.score >= threshold;
  nlohmann::json features = {{"name_match", rounded(hit.detail.name.score)}};
  nlohmann::json explanations = {{"name_match",
                                  {{"score", rounded(hit.detail.name.score)},
                                   {"detail", hit.explanation_text()},
                                   {"query", hit.query_form},
                                   {"candidate", hit.matched_name}}}};
  for (const match::QualifierEffect& q : hit.detail.qualifiers) {
    double effect = rounded(q.score_after - q.score_before);
    features[q.qualifier] = effect;
    explanations[q.qualifier] = {{"score", effect},
                                 {"detail", std::string(match::qualifier_outcome_name(q.outcome)) + ": " + q.detail},
                                 {"query", nullptr},
                                 {"candidate", nullptr}};
  }
  r["features"] = std::move(features);
  r["explanations"] = std::move(explanations);
  return r;
}

// What the features mean, as yente's "matcher" (FeatureDocs) gives it.
nlohmann::json matcher_docs() {
  auto doc = [](const char* description) {
    return nlohmann::json{{"description", description}, {"coefficient", 1.0}, {"url", nullptr}};
  };
  return {
      {"name_match", doc("Best name score over every name and transliteration variant of both sides "
                         "(token alignment with weights; see docs/matching.md).")},
      {"birth_date", doc("Change of the score from comparing birth dates (boost when equal, penalty when disjoint).")},
      {"country", doc("Change of the score from comparing countries and nationalities.")},
      {"identifier", doc("Change of the score from comparing identifiers (passport, IMO, ...).")},
      {"gender", doc("Change of the score when the genders conflict.")},
      {"schema", doc("An incompatible schema scores 0.")}};
}

ApiResponse match(RequestContext& ctx) {
  Result<YenteScope> scope = yente_scope(ctx);
  if (!scope.ok()) return error_response(scope.status());
  const YenteFilters& filters = scope->filters;
  Result<int> limit = parse_limit(ctx, kMatchLimit, kMaxMatchLimit);
  if (!limit.ok()) return error_response(limit.status());
  Result<double> threshold = parse_query_score(ctx.query("threshold"), "threshold", kDefaultScreenThreshold);
  if (!threshold.ok()) return error_response(threshold.status());
  // yente's deprecated `cutoff`: results below min(cutoff, threshold) are not returned.
  Result<double> cutoff = parse_query_score(ctx.query("cutoff"), "cutoff", *threshold);
  if (!cutoff.ok()) return error_response(cutoff.status());
  if (Status s = check_algorithm(ctx.query("algorithm")); !s.ok()) return error_response(s);

  nlohmann::json body = nlohmann::json::parse(ctx.body, nullptr, false);
  if (body.is_discarded()) return error_response(invalid_argument("request body: not valid JSON"));
  if (!body.is_object() || !body.contains("queries") || !body["queries"].is_object()) {
    return error_response(
        invalid_argument("request body: expected {\"queries\": {\"q1\": {\"schema\": ..., \"properties\": {...}}}}"));
  }
  for (const char* optional : {"weights", "config"}) {
    if (body.contains(optional) && !body[optional].is_object() && !body[optional].is_null()) {
      return error_response(invalid_argument(std::string(optional) + ": expected an object"));
    }
  }
  const nlohmann::json& queries = body["queries"];
  if (queries.empty()) return error_response(invalid_argument("No queries provided."));
  if (queries.size() > ctx.state.options.max_batch) {
    return error_response(
        invalid_argument("Too many queries in one batch (limit: " + std::to_string(ctx.state.options.max_batch) + ")"));
  }
  // Parse every query first: one bad example refuses the batch, as in yente.
  std::vector<std::pair<std::string, FtmQuery>> parsed;
  for (const auto& [key, example] : queries.items()) {
    Result<FtmQuery> q = parse_ftm_example(example);
    if (!q.ok())
      return error_response(invalid_argument("Cannot parse example entity '" + key + "': " + q.status().message()));
    parsed.emplace_back(key, std::move(q).value());
  }

  ScreenOptions options = budgeted_options(ctx.state.options);
  options.threshold = std::min(*cutoff, *threshold);
  // Ask for more than the page so `total` counts every hit above the cutoff,
  // and for enough that filters and grouping still leave a page.
  options.limit = std::max<size_t>(static_cast<size_t>(*limit) * 4, options.candidates) + filters.exclude_ids.size();
  nlohmann::json responses = nlohmann::json::object();
  for (const auto& [key, q] : parsed) {
    ScreenResult screened = screen_names(*ctx.snapshot->screener, q.query, q.names, scope->lists, options);
    std::vector<YenteHit> kept = filter_yente_hits(*ctx.snapshot, screened.hits, filters);
    nlohmann::json results = nlohmann::json::array();
    for (size_t i = 0; i < kept.size() && i < static_cast<size_t>(*limit); ++i) {
      results.push_back(scored_entity(*ctx.snapshot, kept[i], filters.group, *threshold));
    }
    responses[key] = {{"status", 200},
                      {"results", std::move(results)},
                      {"total", {{"value", kept.size()}, {"relation", "eq"}}},
                      {"query", q.echo}};
    mark_incomplete(screened, responses[key]);
  }
  ApiResponse r = json_response({{"responses", std::move(responses)}, {"matcher", matcher_docs()}, {"limit", *limit}});
  r.headers.emplace_back("x-batch-size", std::to_string(parsed.size()));
  return r;
}

ApiResponse search(RequestContext& ctx) {
  Result<YenteScope> scope = yente_scope(ctx);
  if (!scope.ok()) return error_response(scope.status());
  Result<int> limit = parse_limit(ctx, kSearchLimit, kMaxSearchLimit);
  if (!limit.ok()) return error_response(limit.status());
  Result<int> offset = parse_query_int(ctx.query("offset"), "offset", 0);
  if (!offset.ok()) return error_response(offset.status());
  Result<double> threshold = parse_query_score(ctx.query("threshold"), "threshold", 0.5);
  if (!threshold.ok()) return error_response(threshold.status());
  std::string q = ctx.query("q");
  if (trim(q).empty()) return error_response(invalid_argument("q: the name to search for is missing"));
  Result<ScreenQuery> query = make_query(q, ctx.query("schema"), "", "", "", "");
  if (!query.ok()) return error_response(invalid_argument(query.status().message()));

  ScreenOptions options = budgeted_options(ctx.state.options);
  options.threshold = *threshold;
  options.limit = static_cast<size_t>(*offset + *limit) + options.candidates;
  ScreenResult screened = screen_names(*ctx.snapshot->screener, *query, {query->name}, scope->lists, options);
  const std::vector<ScreenHit>& hits = screened.hits;
  std::vector<YenteHit> kept = filter_yente_hits(*ctx.snapshot, hits, scope->filters);
  nlohmann::json results = nlohmann::json::array();
  for (size_t i = static_cast<size_t>(*offset); i < kept.size() && results.size() < static_cast<size_t>(*limit); ++i) {
    nlohmann::json e = yente_entity(*ctx.snapshot, kept[i].at, scope->filters.group);
    e["score"] = rounded(kept[i].hit->score);
    results.push_back(std::move(e));
  }
  // The screener was asked for a bounded number of hits: reaching it means there may be more.
  const char* relation = hits.size() >= options.limit ? "gte" : "eq";
  nlohmann::json answer = {{"results", std::move(results)},
                           {"total", {{"value", kept.size()}, {"relation", relation}}},
                           {"limit", *limit},
                           {"offset", *offset},
                           {"facets", nlohmann::json::object()}};
  mark_incomplete(screened, answer);
  return json_response(std::move(answer));
}

}  // namespace

void add_match_routes(RouteTable& routes) {
  routes.push_back({.method = "POST",
                    .path = "/match/{dataset}",
                    .role = Role::kScreener,
                    .body = BodyMode::kBuffered,
                    .needs_snapshot = true,
                    .handler = match});
  routes.push_back({.method = "GET",
                    .path = "/search/{dataset}",
                    .role = Role::kScreener,
                    .needs_snapshot = true,
                    .handler = search});
}

}  // namespace sekisho::server
