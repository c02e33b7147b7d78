// Monitoring: screen only what changed since the last run. Added and changed
// entities are screened against every party through a screener built over
// just those entities; new and changed parties against every list; alerts of
// delisted entities are closed. The whole run, from reading the registry to
// recording the run, is one write transaction: a kill leaves no half a run.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "cases/case_json.hpp"
#include "cases/cases_internal.hpp"
#include "core/hash.hpp"
#include "core/strings.hpp"
#include "core/utc_time.hpp"
#include "sekisho/screen.hpp"

namespace sekisho {

namespace {

using nlohmann::json;

// One party's hits, and per listed entity the best one with the party's name that met it.
struct PartyResult {
  std::vector<ScreenHit> hits;                       // owns the hits
  std::vector<std::pair<size_t, std::string>> best;  // index into hits, party name that matched
};

PartyResult screen_party(const Screener& screener, const StoredParty& sp, const ScreenOptions& options) {
  PartyResult out;
  std::unordered_map<std::string, size_t> by_entity;  // entity id → index in best
  const Party& p = sp.party;
  for (const std::string& name : p.names) {
    auto query = make_query(name, p.schema, p.birth_date, join(p.countries, ";"), join(p.identifiers, ";"), "");
    if (!query.ok()) continue;  // validated at import; nothing stored can fail here
    for (ScreenHit& hit : screener.screen(*query, options)) {
      out.hits.push_back(std::move(hit));
      size_t idx = out.hits.size() - 1;
      auto [it, fresh] = by_entity.emplace(out.hits[idx].entity->id, out.best.size());
      if (fresh) {
        out.best.emplace_back(idx, name);
      } else if (out.hits[out.best[it->second].first].score < out.hits[idx].score) {
        out.best[it->second] = {idx, name};
      }
    }
  }
  return out;
}

// Screens `parties[i]` for each i in `which`, on `threads` threads (a Screener is thread-safe).
std::vector<PartyResult> screen_parties(const Screener& screener, const std::vector<StoredParty>& parties,
                                        const std::vector<size_t>& which, const ScreenOptions& options,
                                        size_t threads) {
  std::vector<PartyResult> results(which.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < which.size(); i = next++)
      results[i] = screen_party(screener, parties[which[i]], options);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < std::min(threads, which.size()); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return results;
}

std::string pair_key(std::string_view party, std::string_view entity) {
  return std::string(party) + '\x1f' + std::string(entity);
}

RunRecord run_from_row(const SqlStatement& st) {
  RunRecord r;
  r.id = st.column_int(0);
  r.kind = std::string(st.column_text(1));
  r.actor = std::string(st.column_text(2));
  r.started_at = std::string(st.column_text(3));
  r.finished_at = std::string(st.column_text(4));
  r.threshold = st.column_double(5);
  json lists = json::parse(st.column_text(6), nullptr, false);
  if (lists.is_object()) {
    for (auto it = lists.begin(); it != lists.end(); ++it) r.lists[it.key()] = it.value().get<int>();
  }
  json s = json::parse(st.column_text(7), nullptr, false);
  if (s.is_object()) {
    for (auto it = s["deltas"].begin(); it != s["deltas"].end(); ++it) {
      const json& d = it.value();
      r.deltas[it.key()] = {d.value("from", 0), d.value("to", 0), d.value("added", 0), d.value("changed", 0),
                            d.value("removed", 0)};
    }
    r.parties_screened_full = s.value("parties_screened_full", 0);
    r.parties_screened_delta = s.value("parties_screened_delta", 0);
    r.entities_screened_delta = s.value("entities_screened_delta", 0);
    r.alerts_raised = s.value("alerts_raised", 0);
    r.alerts_suppressed = s.value("alerts_suppressed", 0);
    r.alerts_known = s.value("alerts_known", 0);
    r.alerts_closed = s.value("alerts_closed", 0);
  }
  return r;
}

constexpr const char* kRunColumns = "run_id, kind, actor, started_at, finished_at, threshold, lists_json, stats_json";

}  // namespace

Result<RunRecord> CaseStore::monitor(ListStore& lists, const MonitorOptions& options, const std::string& actor) {
  RunRecord run;
  run.kind = options.full ? "full" : "monitor";
  run.actor = actor;
  run.started_at = utc_now_iso();
  run.threshold = options.threshold > 0 ? options.threshold : kDefaultScreenThreshold;
  size_t threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());

  SqlTransaction tx(db_);
  SEKISHO_RETURN_IF_ERROR(tx.begin());

  // What changed in the lists since the versions the last run screened.
  SEKISHO_ASSIGN_OR_RETURN(std::vector<ListVersion> versions, lists.lists());
  // Fail closed: with no list loaded, no party can be called clean.
  if (versions.empty()) return not_found("no lists loaded: import a list before screening parties");
  std::unordered_map<std::string, int> monitored;
  {
    SqlStatement st(db_, "SELECT list_id, version FROM monitored_lists");
    SEKISHO_RETURN_IF_ERROR(st.status());
    while (st.step()) monitored[std::string(st.column_text(0))] = static_cast<int>(st.column_int(1));
    SEKISHO_RETURN_IF_ERROR(st.status());
  }
  std::vector<Screener::ListInput> delta_inputs;
  std::vector<std::pair<std::string, std::string>> delisted;  // entity id, reason
  for (const ListVersion& v : versions) {
    run.lists[v.list_id] = v.version;
    int from = monitored.count(v.list_id) ? monitored[v.list_id] : 0;
    if (from == v.version) continue;
    RunRecord::ListDelta& d = run.deltas[v.list_id];
    d.from = from;
    d.to = v.version;
    SEKISHO_ASSIGN_OR_RETURN(std::vector<Entity> entities, lists.load_entities(v.list_id, v.version));
    if (from == 0) {
      d.added = static_cast<int>(entities.size());
    } else {
      SEKISHO_ASSIGN_OR_RETURN(ListDiff diff, lists.diff(v.list_id, from, v.version));
      std::unordered_set<std::string> wanted;
      for (const EntityChange& c : diff.added) wanted.insert(c.entity_id);
      for (const EntityChange& c : diff.changed) wanted.insert(c.entity_id);
      std::erase_if(entities, [&](const Entity& e) { return !wanted.count(e.id); });
      d.added = static_cast<int>(diff.added.size());
      d.changed = static_cast<int>(diff.changed.size());
      d.removed = static_cast<int>(diff.removed.size());
      for (const EntityChange& c : diff.removed) {
        delisted.emplace_back(c.entity_id, "delisted: " + v.list_id + " version " + std::to_string(v.version) +
                                               " no longer holds it (it was in version " + std::to_string(from) + ")");
      }
    }
    run.entities_screened_delta += static_cast<int>(entities.size());
    if (!entities.empty()) delta_inputs.push_back({v.list_id, v.version, std::move(entities)});
  }

  // New and changed parties go against everything; the rest only against the delta.
  SEKISHO_ASSIGN_OR_RETURN(std::vector<StoredParty> parties, this->parties(false));
  std::vector<size_t> dirty, clean;
  for (size_t i = 0; i < parties.size(); ++i) (parties[i].screened && !options.full ? clean : dirty).push_back(i);
  ScreenOptions screen_options;
  screen_options.threshold = run.threshold;

  std::shared_ptr<const Screener> full, delta;
  std::vector<PartyResult> dirty_results, clean_results;
  if (!dirty.empty()) {
    SEKISHO_ASSIGN_OR_RETURN(full, Screener::from_store(lists));
    dirty_results = screen_parties(*full, parties, dirty, screen_options, threads);
  }
  if (!clean.empty() && !delta_inputs.empty()) {
    delta = Screener::build(std::move(delta_inputs));
    clean_results = screen_parties(*delta, parties, clean, screen_options, threads);
  } else {
    clean.clear();
  }
  run.parties_screened_full = static_cast<int>(dirty.size());
  run.parties_screened_delta = static_cast<int>(clean.size());

  // What is already known about each party–entity pair.
  std::unordered_map<std::string, AlertState> latest;
  {
    SqlStatement st(db_, "SELECT party_id, entity_id, state FROM alerts ORDER BY alert_id");
    SEKISHO_RETURN_IF_ERROR(st.status());
    while (st.step())
      latest[pair_key(st.column_text(0), st.column_text(1))] = parse_alert_state(st.column_text(2)).value();
    SEKISHO_RETURN_IF_ERROR(st.status());
  }
  std::unordered_set<std::string> suppressed;
  {
    SqlStatement st(db_, "SELECT party_id, facts_hash, entity_id, entity_hash FROM suppressions");
    SEKISHO_RETURN_IF_ERROR(st.status());
    while (st.step()) {
      suppressed.insert(pair_key(st.column_text(0), st.column_text(1)) + '\x1f' +
                        pair_key(st.column_text(2), st.column_text(3)));
    }
    SEKISHO_RETURN_IF_ERROR(st.status());
  }

  SEKISHO_ASSIGN_OR_RETURN(run.id, cases::next_id(db_, "runs", "run_id"));
  SEKISHO_ASSIGN_OR_RETURN(int64_t alert_id, cases::next_id(db_, "alerts", "alert_id"));
  const std::string now = utc_now_iso();
  SqlStatement insert(db_,
                      (std::string("INSERT INTO alerts (") + cases::kAlertColumns +
                       ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'open', '', '', '', '', "
                       "?15, ?15)")
                          .c_str());
  SEKISHO_RETURN_IF_ERROR(insert.status());
  std::unordered_map<const Entity*, std::string> entity_hashes;
  auto record = [&](const StoredParty& sp, const PartyResult& result) -> Status {
    for (const auto& [idx, query_name] : result.best) {
      const ScreenHit& hit = result.hits[idx];
      auto [h, fresh] = entity_hashes.try_emplace(hit.entity);
      // The list store's record key: SHA-256 of the entity's canonical JSON.
      if (fresh) h->second = sha256_hex(entity_to_json(*hit.entity));
      const std::string& entity_hash = h->second;
      if (suppressed.count(pair_key(sp.party.id, sp.facts_hash) + '\x1f' + pair_key(hit.entity->id, entity_hash))) {
        ++run.alerts_suppressed;
        continue;
      }
      std::string key = pair_key(sp.party.id, hit.entity->id);
      auto known = latest.find(key);
      if (known != latest.end() && (known->second == AlertState::kOpen || known->second == AlertState::kEscalated ||
                                    known->second == AlertState::kTrueMatch)) {
        ++run.alerts_known;
        continue;
      }
      insert.bind(1, alert_id).bind(2, run.id).bind(3, sp.party.id).bind(4, sp.version).bind(5, sp.facts_hash);
      insert.bind(6, hit.entity->id).bind(7, entity_hash).bind(8, hit.entity->caption).bind(9, hit.list_id);
      insert.bind(10, hit.list_version).bind_double(11, hit.score).bind(12, hit.matched_name).bind(13, query_name);
      insert.bind(14, hit.explanation_text()).bind(15, now);
      insert.step();
      insert.reset();
      SEKISHO_RETURN_IF_ERROR(insert.status());
      SEKISHO_RETURN_IF_ERROR(cases::add_alert_event(
          db_, {alert_id, 0, "raised", "", "open", actor,
                fmt::format("run {}: score {:.3f} on {} version {}", run.id, hit.score, hit.list_id, hit.list_version),
                now}));
      latest[key] = AlertState::kOpen;
      ++alert_id;
      ++run.alerts_raised;
    }
    return Status();
  };
  for (size_t i = 0; i < dirty.size(); ++i) SEKISHO_RETURN_IF_ERROR(record(parties[dirty[i]], dirty_results[i]));
  for (size_t i = 0; i < clean.size(); ++i) SEKISHO_RETURN_IF_ERROR(record(parties[clean[i]], clean_results[i]));

  for (const auto& [entity_id, reason] : delisted) {
    SEKISHO_ASSIGN_OR_RETURN(
        int closed, cases::close_active_alerts(db_, "entity_id = ?1", entity_id, "delisted", actor, reason, now));
    run.alerts_closed += closed;
  }

  if (options.inside_transaction) options.inside_transaction();

  {
    SqlStatement st(db_, "UPDATE parties SET screened_hash = ?2 WHERE party_id = ?1");
    SEKISHO_RETURN_IF_ERROR(st.status());
    for (size_t i : dirty) {
      st.bind(1, parties[i].party.id).bind(2, parties[i].facts_hash);
      st.step();
      st.reset();
      SEKISHO_RETURN_IF_ERROR(st.status());
    }
  }
  {
    SqlStatement st(db_,
                    "INSERT INTO monitored_lists (list_id, version, run_id) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT (list_id) DO UPDATE SET version = excluded.version, run_id = excluded.run_id");
    SEKISHO_RETURN_IF_ERROR(st.status());
    for (const auto& [list, version] : run.lists) {
      st.bind(1, list).bind(2, version).bind(3, run.id);
      st.step();
      st.reset();
      SEKISHO_RETURN_IF_ERROR(st.status());
    }
  }
  run.finished_at = utc_now_iso();
  // The run's own JSON form is its stats: one shape for the row, the API and the audit entry.
  json stats = cases::run_to_json(run);
  json lists_json(run.lists);
  {
    SqlStatement st(
        db_, (std::string("INSERT INTO runs (") + kRunColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)").c_str());
    SEKISHO_RETURN_IF_ERROR(st.status());
    st.bind(1, run.id).bind(2, run.kind).bind(3, actor).bind(4, run.started_at).bind(5, run.finished_at);
    st.bind_double(6, run.threshold).bind(7, lists_json.dump()).bind(8, stats.dump());
    st.step();
    SEKISHO_RETURN_IF_ERROR(st.status());
  }
  SEKISHO_RETURN_IF_ERROR(cases::append_audit(db_, actor, "run", std::to_string(run.id), stats.dump()));
  SEKISHO_RETURN_IF_ERROR(tx.commit());
  return run;
}

Result<std::vector<RunRecord>> CaseStore::runs(size_t limit) {
  std::string sql = std::string("SELECT ") + kRunColumns + " FROM runs ORDER BY run_id DESC";
  if (limit > 0) sql += " LIMIT " + std::to_string(limit);
  SqlStatement st(db_, sql.c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  std::vector<RunRecord> out;
  while (st.step()) out.push_back(run_from_row(st));
  SEKISHO_RETURN_IF_ERROR(st.status());
  return out;
}

Result<RunRecord> CaseStore::run(int64_t id) {
  SqlStatement st(db_, (std::string("SELECT ") + kRunColumns + " FROM runs WHERE run_id = ?1").c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, id);
  if (!st.step()) {
    SEKISHO_RETURN_IF_ERROR(st.status());
    return not_found("no run " + std::to_string(id));
  }
  return run_from_row(st);
}

}  // namespace sekisho
