// The party registry: versioned like the lists. A party whose screened facts
// change gets a new version and is screened again by the next run; a party
// missing from a whole-registry import is removed and its open alerts closed.
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "cases/cases_internal.hpp"
#include "core/hash.hpp"
#include "core/utc_time.hpp"

namespace sekisho {

namespace {

using nlohmann::json;

json facts_json(const Party& p) {
  return {{"schema", p.schema},
          {"names", p.names},
          {"birth_date", p.birth_date},
          {"countries", p.countries},
          {"identifiers", p.identifiers}};
}

std::string party_to_json(const Party& p) {
  json j = facts_json(p);
  j["id"] = p.id;
  j["tags"] = p.tags;
  return j.dump();
}

Party party_from_json(std::string_view text) {
  json j = json::parse(text);
  Party p;
  p.id = j.value("id", "");
  p.schema = j.value("schema", "LegalEntity");
  p.names = j.value("names", std::vector<std::string>{});
  p.birth_date = j.value("birth_date", "");
  p.countries = j.value("countries", std::vector<std::string>{});
  p.identifiers = j.value("identifiers", std::vector<std::string>{});
  p.tags = j.value("tags", std::vector<std::string>{});
  return p;
}

constexpr const char* kPartyColumns =
    "p.party_id, p.version, p.party_json, p.facts_hash, p.screened_hash, p.removed_at, p.updated_at, "
    "(SELECT count(*) FROM alerts a WHERE a.party_id = p.party_id AND a.state IN ('open', 'escalated'))";

StoredParty party_from_row(const SqlStatement& st) {
  StoredParty sp;
  sp.party = party_from_json(st.column_text(2));
  sp.version = static_cast<int>(st.column_int(1));
  sp.facts_hash = std::string(st.column_text(3));
  sp.screened = st.column_text(4) == sp.facts_hash;
  sp.removed_at = std::string(st.column_text(5));
  sp.updated_at = std::string(st.column_text(6));
  sp.active_alerts = static_cast<int>(st.column_int(7));
  return sp;
}

struct Current {
  int version = 0;
  std::string json;
  std::string facts_hash;
  bool removed = false;
};

}  // namespace

std::string party_facts_hash(const Party& party) { return sha256_hex(facts_json(party).dump()); }

Result<PartyImportReport> CaseStore::import_parties(const std::vector<Party>& parties,
                                                    const PartyImportOptions& options, const std::string& actor) {
  PartyImportReport report;
  const std::string now = utc_now_iso();
  SqlTransaction tx(db_);
  SEKISHO_RETURN_IF_ERROR(tx.begin());

  std::unordered_map<std::string, Current> current;
  {
    SqlStatement st(db_, "SELECT party_id, version, party_json, facts_hash, removed_at FROM parties");
    SEKISHO_RETURN_IF_ERROR(st.status());
    while (st.step()) {
      current.emplace(std::string(st.column_text(0)),
                      Current{static_cast<int>(st.column_int(1)), std::string(st.column_text(2)),
                              std::string(st.column_text(3)), !st.column_text(4).empty()});
    }
    SEKISHO_RETURN_IF_ERROR(st.status());
  }

  SqlStatement upsert(
      db_,
      "INSERT INTO parties (party_id, version, schema_name, party_json, facts_hash, screened_hash, "
      "removed_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, '', '', ?6) "
      "ON CONFLICT (party_id) DO UPDATE SET version = excluded.version, schema_name = excluded.schema_name, "
      "party_json = excluded.party_json, facts_hash = excluded.facts_hash, "
      // A party back in the registry is screened afresh: its alerts were closed when it left.
      "screened_hash = CASE WHEN parties.removed_at = '' THEN parties.screened_hash ELSE '' END, removed_at = '', "
      "updated_at = excluded.updated_at");
  SqlStatement history(db_,
                       "INSERT INTO party_versions (party_id, version, party_json, facts_hash, removed, created_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  SEKISHO_RETURN_IF_ERROR(upsert.status());
  SEKISHO_RETURN_IF_ERROR(history.status());
  std::unordered_map<std::string, bool> in_file;
  for (const Party& p : parties) {
    in_file[p.id] = true;
    std::string body = party_to_json(p);
    std::string facts = party_facts_hash(p);
    auto it = current.find(p.id);
    if (it != current.end() && !it->second.removed && it->second.json == body) {
      ++report.unchanged;
      continue;
    }
    int version = it == current.end() ? 1 : it->second.version + 1;
    (it == current.end() ? report.added : report.changed)++;
    upsert.bind(1, p.id).bind(2, version).bind(3, p.schema).bind(4, body).bind(5, facts).bind(6, now);
    upsert.step();
    upsert.reset();
    history.bind(1, p.id).bind(2, version).bind(3, body).bind(4, facts).bind(5, int64_t{0}).bind(6, now);
    history.step();
    history.reset();
    SEKISHO_RETURN_IF_ERROR(upsert.status());
    SEKISHO_RETURN_IF_ERROR(history.status());
  }

  if (options.replace_all) {
    SqlStatement remove(
        db_, "UPDATE parties SET version = version + 1, removed_at = ?2, updated_at = ?2 WHERE party_id = ?1");
    SEKISHO_RETURN_IF_ERROR(remove.status());
    for (const auto& [id, cur] : current) {
      if (cur.removed || in_file.count(id)) continue;
      ++report.removed;
      remove.bind(1, id).bind(2, now);
      remove.step();
      remove.reset();
      history.bind(1, id).bind(2, cur.version + 1).bind(3, cur.json).bind(4, cur.facts_hash).bind(5, int64_t{1});
      history.bind(6, now);
      history.step();
      history.reset();
      SEKISHO_RETURN_IF_ERROR(remove.status());
      SEKISHO_RETURN_IF_ERROR(history.status());
      SEKISHO_ASSIGN_OR_RETURN(int closed, cases::close_active_alerts(db_, "party_id = ?1", id, "party_removed", actor,
                                                                      "the party left the registry", now));
      report.alerts_closed += closed;
    }
  }
  json detail = {{"added", report.added},
                 {"changed", report.changed},
                 {"unchanged", report.unchanged},
                 {"removed", report.removed},
                 {"alerts_closed", report.alerts_closed},
                 {"replace_all", options.replace_all}};
  SEKISHO_RETURN_IF_ERROR(cases::append_audit(db_, actor, "parties.import", "parties", detail.dump()));
  SEKISHO_RETURN_IF_ERROR(tx.commit());
  return report;
}

Result<std::vector<StoredParty>> CaseStore::parties(bool include_removed) {
  std::string sql = std::string("SELECT ") + kPartyColumns + " FROM parties p" +
                    (include_removed ? "" : " WHERE p.removed_at = ''") + " ORDER BY p.party_id";
  SqlStatement st(db_, sql.c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  std::vector<StoredParty> out;
  while (st.step()) out.push_back(party_from_row(st));
  SEKISHO_RETURN_IF_ERROR(st.status());
  return out;
}

Result<StoredParty> CaseStore::party(const std::string& id) {
  std::string sql = std::string("SELECT ") + kPartyColumns + " FROM parties p WHERE p.party_id = ?1";
  SqlStatement st(db_, sql.c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, id);
  if (!st.step()) {
    SEKISHO_RETURN_IF_ERROR(st.status());
    return not_found("no party '" + id + "' in the registry");
  }
  return party_from_row(st);
}

Result<int64_t> CaseStore::active_party_count() {
  SqlStatement st(db_, "SELECT count(*) FROM parties WHERE removed_at = ''");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.step();
  SEKISHO_RETURN_IF_ERROR(st.status());
  return st.column_int(0);
}

}  // namespace sekisho
