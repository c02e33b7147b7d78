// The versioned list store. Schema and invariants: docs/formats/store.md.
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/hash.hpp"
#include "core/utc_time.hpp"
#include "sekisho/store.hpp"
#include "sqlite/sqlite_util.hpp"

namespace sekisho {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// 2: versions.publication_date_source.
constexpr int kSchemaVersion = 2;

constexpr const char* kSchemaSql = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS versions (
  list_id          TEXT    NOT NULL,
  version          INTEGER NOT NULL,
  created_at       TEXT    NOT NULL,
  publication_date TEXT    NOT NULL,
  format           TEXT    NOT NULL,
  content_hash     TEXT    NOT NULL,
  entity_count     INTEGER NOT NULL,
  counts_json      TEXT    NOT NULL,
  files_json       TEXT    NOT NULL,
  publication_date_source TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (list_id, version)
);
-- One row per distinct entity content; versions share unchanged records.
CREATE TABLE IF NOT EXISTS records (
  hash TEXT PRIMARY KEY,
  json TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS version_entities (
  list_id     TEXT    NOT NULL,
  version     INTEGER NOT NULL,
  entity_id   TEXT    NOT NULL,
  schema      TEXT    NOT NULL,
  caption     TEXT    NOT NULL,
  record_hash TEXT    NOT NULL,
  PRIMARY KEY (list_id, version, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS version_entities_by_id ON version_entities (entity_id);
)sql";

// Content hash of an import: the format and every file's digest, order-free.
std::string content_hash_of(const ParsedList& parsed) {
  std::vector<std::string> parts;
  for (const SourceFile& f : parsed.files) parts.push_back(f.name + ":" + f.sha256);
  std::sort(parts.begin(), parts.end());
  Sha256 h;
  h.update(parsed.format);
  for (const std::string& p : parts) {
    h.update("\n");
    h.update(p);
  }
  return h.hex_digest();
}

json files_to_json(const std::vector<SourceFile>& files) {
  json arr = json::array();
  for (const SourceFile& f : files) {
    arr.push_back({{"name", f.name}, {"path", f.path}, {"sha256", f.sha256}, {"size", f.size}});
  }
  return arr;
}

ListVersion version_from_row(const Statement& st) {
  ListVersion v;
  v.list_id = std::string(st.column_text(0));
  v.version = static_cast<int>(st.column_int(1));
  v.created_at = std::string(st.column_text(2));
  v.publication_date = std::string(st.column_text(3));
  v.format = std::string(st.column_text(4));
  v.content_hash = std::string(st.column_text(5));
  v.entity_count = static_cast<int>(st.column_int(6));
  json counts = json::parse(st.column_text(7), nullptr, false);
  if (counts.is_object()) {
    for (auto it = counts.begin(); it != counts.end(); ++it) v.counts_by_schema[it.key()] = it.value().get<int>();
  }
  v.publication_date_source = std::string(st.column_text(9));
  json files = json::parse(st.column_text(8), nullptr, false);
  if (files.is_array()) {
    for (const json& f : files) {
      v.files.push_back(
          {f.value("path", ""), f.value("name", ""), f.value("sha256", ""), f.value("size", uint64_t{0})});
    }
  }
  return v;
}

constexpr const char* kVersionColumns =
    "list_id, version, created_at, publication_date, format, content_hash, entity_count, counts_json, files_json, "
    "publication_date_source";

struct Row {
  std::string schema;
  std::string caption;
  std::string hash;
};

// entity id → (schema, caption, record hash) of one version.
Result<std::unordered_map<std::string, Row>> version_rows(sqlite3* db, const std::string& list_id, int version) {
  Statement st(db,
               "SELECT entity_id, schema, caption, record_hash FROM version_entities "
               "WHERE list_id = ?1 AND version = ?2");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, list_id).bind(2, version);
  std::unordered_map<std::string, Row> rows;
  while (st.step()) {
    rows.emplace(std::string(st.column_text(0)),
                 Row{std::string(st.column_text(1)), std::string(st.column_text(2)), std::string(st.column_text(3))});
  }
  SEKISHO_RETURN_IF_ERROR(st.status());
  return rows;
}

Result<std::string> record_json(sqlite3* db, const std::string& hash) {
  Statement st(db, "SELECT json FROM records WHERE hash = ?1");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, hash);
  if (!st.step()) {
    SEKISHO_RETURN_IF_ERROR(st.status());
    return internal_error("store: record " + hash + " is missing");
  }
  return std::string(st.column_text(0));
}

// Stores made before schema 2 gain the column; their versions keep '' (source unknown).
Status add_publication_date_source(sqlite3* db) {
  Statement columns(db, "SELECT 1 FROM pragma_table_info('versions') WHERE name = 'publication_date_source'");
  SEKISHO_RETURN_IF_ERROR(columns.status());
  if (columns.step()) return Status();
  SEKISHO_RETURN_IF_ERROR(columns.status());
  return sqlite_exec(db, "ALTER TABLE versions ADD COLUMN publication_date_source TEXT NOT NULL DEFAULT ''");
}

}  // namespace

Result<std::unique_ptr<ListStore>> ListStore::open(const fs::path& home) {
  const fs::path path = home / "sekisho.db";
  SEKISHO_ASSIGN_OR_RETURN(sqlite3 * db, open_wal_database(home, "sekisho.db", "store", 10000));
  std::unique_ptr<ListStore> store(new ListStore(db, path));
  SEKISHO_RETURN_IF_ERROR(sqlite_exec(db, "PRAGMA synchronous=NORMAL"));
  // A list version touches tens of megabytes of B-tree pages; the default 2 MB
  // cache made an OFAC import spend a quarter of its time re-reading pages.
  SEKISHO_RETURN_IF_ERROR(sqlite_exec(db, "PRAGMA cache_size=-65536"));
  SEKISHO_RETURN_IF_ERROR(sqlite_exec(db, "PRAGMA foreign_keys=ON"));
  SEKISHO_RETURN_IF_ERROR(sqlite_exec(db, kSchemaSql).with_context(path.string()));
  SEKISHO_RETURN_IF_ERROR(add_publication_date_source(db).with_context(path.string()));
  Statement meta(db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?1)");
  SEKISHO_RETURN_IF_ERROR(meta.status());
  meta.bind(1, std::to_string(kSchemaVersion));
  meta.step();
  SEKISHO_RETURN_IF_ERROR(meta.status());
  return store;
}

ListStore::~ListStore() { sqlite3_close(db_); }

namespace {

// The shrink guard of ImportOptions: an error naming both counts, or OK.
Status check_shrink(const std::string& list_id, const ImportOptions& options, const ListVersion* previous,
                    size_t next_count) {
  if (options.allow_shrink) return Status::ok_status();
  const std::string advice = "; if the publisher really removed them, import again with --allow-shrink";
  if (next_count == 0) {
    return parse_error(list_id + ": the new version would hold no entity (a truncated or empty file?)" + advice);
  }
  if (previous == nullptr || previous->entity_count <= 0) return Status::ok_status();
  const double kept = static_cast<double>(next_count) / previous->entity_count;
  if (kept >= 1.0 - options.max_shrink) return Status::ok_status();
  return parse_error(list_id + ": the new version would hold " + std::to_string(next_count) + " entities, " +
                     std::to_string(static_cast<int>((1.0 - kept) * 100 + 0.5)) + "% fewer than version " +
                     std::to_string(previous->version) + "'s " + std::to_string(previous->entity_count) +
                     " (more than the " + std::to_string(static_cast<int>(options.max_shrink * 100 + 0.5)) +
                     "% a version may lose; a truncated file?)" + advice);
}

}  // namespace

Result<ImportReport> ListStore::import_list(const std::string& list_id, const ParsedList& parsed,
                                            const ImportOptions& options) {
  if (list_id.empty()) return invalid_argument("import: empty list id");
  ImportReport report;
  report.warnings = parsed.warnings;
  const std::string content_hash = content_hash_of(parsed);

  Transaction tx(db_);
  SEKISHO_RETURN_IF_ERROR(tx.begin());
  observe(ImportStep::kBegun, 0);

  auto latest = version(list_id, 0);
  bool has_previous = latest.ok();
  if (!has_previous && latest.status().code() != StatusCode::kNotFound) return latest.status();
  if (has_previous && latest->content_hash == content_hash) {
    report.version = *latest;
    report.created = false;
    return report;
  }
  if (parsed.is_delta && !has_previous) {
    return invalid_argument("import: " + list_id + " has no version to apply a delta to; import the full list first");
  }

  std::unordered_map<std::string, Row> previous;
  if (has_previous) {
    SEKISHO_ASSIGN_OR_RETURN(previous, version_rows(db_, list_id, latest->version));
  }

  // The new version's rows: for a delta, the previous rows with the changes applied.
  std::unordered_map<std::string, Row> next;
  if (parsed.is_delta) {
    next = previous;
    for (const std::string& id : parsed.deleted_ids) next.erase(id);
  }

  // Records go in in key order: appending to the B-tree instead of scattering
  // random hashes over it keeps the page cache warm.
  struct Record {
    std::string hash;
    std::string body;
  };
  std::vector<Record> records;
  records.reserve(parsed.entities.size());
  for (const Entity& e : parsed.entities) {
    std::string body = entity_to_json(e);
    std::string hash = sha256_hex(body);
    next[e.id] = Row{std::string(schema_name(e.schema)), e.caption, hash};
    records.push_back({std::move(hash), std::move(body)});
  }
  SEKISHO_RETURN_IF_ERROR(check_shrink(list_id, options, has_previous ? &*latest : nullptr, next.size()));
  std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.hash < b.hash; });
  Statement put_record(db_, "INSERT OR IGNORE INTO records (hash, json) VALUES (?1, ?2)");
  SEKISHO_RETURN_IF_ERROR(put_record.status());
  size_t records_written = 0;
  for (const Record& r : records) {
    put_record.bind(1, r.hash).bind(2, r.body);
    put_record.step();
    SEKISHO_RETURN_IF_ERROR(put_record.status());
    put_record.reset();
    observe(ImportStep::kRecordWritten, ++records_written);
  }

  const int new_version = has_previous ? latest->version + 1 : 1;
  std::map<std::string, int> counts;
  for (const auto& [id, row] : next) {
    ++counts[row.schema];
    auto prev = previous.find(id);
    if (prev == previous.end()) {
      ++report.added;
    } else if (prev->second.hash != row.hash) {
      ++report.changed;
    }
  }
  for (const auto& [id, row] : previous) {
    if (!next.count(id)) ++report.removed;
  }

  ListVersion v;
  v.list_id = list_id;
  v.version = new_version;
  v.created_at = utc_now_iso();
  v.publication_date = parsed.publication_date;
  v.publication_date_source = parsed.publication_date.empty() ? "" : parsed.publication_date_source;
  v.format = parsed.format;
  v.content_hash = content_hash;
  v.entity_count = static_cast<int>(next.size());
  v.counts_by_schema = counts;
  v.files = parsed.files;

  Statement put_version(db_,
                        "INSERT INTO versions (list_id, version, created_at, publication_date, format, content_hash, "
                        "entity_count, counts_json, files_json, publication_date_source) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  SEKISHO_RETURN_IF_ERROR(put_version.status());
  put_version.bind(1, v.list_id)
      .bind(2, v.version)
      .bind(3, v.created_at)
      .bind(4, v.publication_date)
      .bind(5, v.format)
      .bind(6, v.content_hash)
      .bind(7, v.entity_count)
      .bind(8, json(counts).dump())
      .bind(9, files_to_json(v.files).dump())
      .bind(10, v.publication_date_source);
  put_version.step();
  SEKISHO_RETURN_IF_ERROR(put_version.status());
  observe(ImportStep::kVersionWritten, 0);

  // The version row goes in before its entity rows: only the transaction keeps a
  // reader from seeing a version whose entities are half written.
  Statement put_entity(db_,
                       "INSERT INTO version_entities (list_id, version, entity_id, schema, caption, record_hash) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  SEKISHO_RETURN_IF_ERROR(put_entity.status());
  size_t entities_written = 0;
  for (const auto& [id, row] : next) {
    put_entity.bind(1, list_id)
        .bind(2, new_version)
        .bind(3, id)
        .bind(4, row.schema)
        .bind(5, row.caption)
        .bind(6, row.hash);
    put_entity.step();
    SEKISHO_RETURN_IF_ERROR(put_entity.status());
    put_entity.reset();
    observe(ImportStep::kEntityWritten, ++entities_written);
  }

  SEKISHO_RETURN_IF_ERROR(tx.commit());
  observe(ImportStep::kCommitted, entities_written);
  report.version = std::move(v);
  report.created = true;
  return report;
}

Result<std::vector<ListVersion>> ListStore::lists() {
  std::string sql = std::string("SELECT ") + kVersionColumns +
                    " FROM versions v WHERE version = (SELECT MAX(version) FROM versions w WHERE w.list_id = v.list_id)"
                    " ORDER BY list_id";
  Statement st(db_, sql.c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  std::vector<ListVersion> out;
  while (st.step()) out.push_back(version_from_row(st));
  SEKISHO_RETURN_IF_ERROR(st.status());
  return out;
}

Result<std::vector<ListVersion>> ListStore::versions(const std::string& list_id) {
  std::string sql = std::string("SELECT ") + kVersionColumns + " FROM versions WHERE list_id = ?1 ORDER BY version";
  Statement st(db_, sql.c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, list_id);
  std::vector<ListVersion> out;
  while (st.step()) out.push_back(version_from_row(st));
  SEKISHO_RETURN_IF_ERROR(st.status());
  if (out.empty()) return not_found("no list '" + list_id + "' in the store");
  return out;
}

Result<ListVersion> ListStore::version(const std::string& list_id, int version) {
  std::string sql = std::string("SELECT ") + kVersionColumns + " FROM versions WHERE list_id = ?1 AND " +
                    (version > 0 ? "version = ?2" : "version = (SELECT MAX(version) FROM versions WHERE list_id = ?1)");
  Statement st(db_, sql.c_str());
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, list_id);
  if (version > 0) st.bind(2, version);
  if (st.step()) return version_from_row(st);
  SEKISHO_RETURN_IF_ERROR(st.status());
  if (version > 0) return not_found("list '" + list_id + "' has no version " + std::to_string(version));
  return not_found("no list '" + list_id + "' in the store");
}

Result<std::vector<EntityHistory>> ListStore::entity_history(const std::string& list_id, int version_number) {
  SEKISHO_ASSIGN_OR_RETURN(ListVersion v, version(list_id, version_number));
  // A row starts a listing period when the version before it did not hold the
  // id, and is a change when its record differs from that version's. Versions
  // of a list are numbered 1, 2, … without gaps.
  Statement st(db_,
               "WITH rows AS ("
               " SELECT ve.entity_id AS id, ve.version AS version, ve.record_hash AS hash, v.created_at AS at,"
               "  LAG(ve.version) OVER w AS prev_version, LAG(ve.record_hash) OVER w AS prev_hash"
               " FROM version_entities ve JOIN versions v ON v.list_id = ve.list_id AND v.version = ve.version"
               " WHERE ve.list_id = ?1 AND ve.version <= ?2"
               " WINDOW w AS (PARTITION BY ve.entity_id ORDER BY ve.version))"
               "SELECT id, MIN(at), MAX(CASE WHEN prev_version IS NULL OR prev_version <> version - 1"
               " OR prev_hash <> hash THEN at END) FROM rows"
               " WHERE id IN (SELECT entity_id FROM version_entities WHERE list_id = ?1 AND version = ?2)"
               " GROUP BY id ORDER BY id");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, list_id);
  st.bind(2, static_cast<int64_t>(v.version));
  std::vector<EntityHistory> out;
  while (st.step()) {
    out.push_back({std::string(st.column_text(0)), std::string(st.column_text(1)), std::string(st.column_text(2))});
  }
  SEKISHO_RETURN_IF_ERROR(st.status());
  return out;
}

Result<std::vector<Entity>> ListStore::load_entities(const std::string& list_id, int version_number) {
  SEKISHO_ASSIGN_OR_RETURN(ListVersion v, version(list_id, version_number));
  Statement st(db_,
               "SELECT r.json FROM version_entities ve JOIN records r ON r.hash = ve.record_hash "
               "WHERE ve.list_id = ?1 AND ve.version = ?2 ORDER BY ve.entity_id");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, list_id).bind(2, v.version);
  std::vector<Entity> out;
  out.reserve(v.entity_count);
  while (st.step()) {
    auto e = entity_from_json(st.column_text(0));
    if (!e.ok()) return e.status().with_context("store: list " + list_id + " version " + std::to_string(v.version));
    out.push_back(std::move(e).value());
  }
  SEKISHO_RETURN_IF_ERROR(st.status());
  return out;
}

Result<Entity> ListStore::get_entity(const std::string& entity_id) {
  SEKISHO_ASSIGN_OR_RETURN(StoredEntity found, find_entity(entity_id));
  return std::move(found.entity);
}

Result<StoredEntity> ListStore::find_entity(const std::string& entity_id) {
  Statement st(
      db_,
      "SELECT ve.list_id, ve.version, r.json FROM version_entities ve JOIN records r ON r.hash = ve.record_hash "
      "WHERE ve.entity_id = ?1 AND ve.version = "
      "(SELECT MAX(version) FROM versions v WHERE v.list_id = ve.list_id) LIMIT 1");
  SEKISHO_RETURN_IF_ERROR(st.status());
  st.bind(1, entity_id);
  if (!st.step()) {
    SEKISHO_RETURN_IF_ERROR(st.status());
    return not_found("no entity '" + entity_id +
                     "' in any list's latest version (ids look like un_sc_sanctions-QDi.001)");
  }
  std::string list_id(st.column_text(0));
  int version_number = static_cast<int>(st.column_int(1));
  SEKISHO_ASSIGN_OR_RETURN(Entity entity, entity_from_json(st.column_text(2)));
  SEKISHO_ASSIGN_OR_RETURN(ListVersion v, version(list_id, version_number));
  return StoredEntity{std::move(entity), std::move(v)};
}

Result<ListDiff> ListStore::diff(const std::string& list_id, int from, int to) {
  SEKISHO_ASSIGN_OR_RETURN(std::vector<ListVersion> all, versions(list_id));
  if (to == 0) to = all.back().version;
  if (from == 0) from = to > 1 ? to - 1 : to;
  SEKISHO_ASSIGN_OR_RETURN(ListVersion vfrom, version(list_id, from));
  SEKISHO_ASSIGN_OR_RETURN(ListVersion vto, version(list_id, to));
  SEKISHO_ASSIGN_OR_RETURN(auto before, version_rows(db_, list_id, vfrom.version));
  SEKISHO_ASSIGN_OR_RETURN(auto after, version_rows(db_, list_id, vto.version));
  ListDiff d;
  d.list_id = list_id;
  d.from = vfrom.version;
  d.to = vto.version;
  for (const auto& [id, row] : after) {
    auto it = before.find(id);
    if (it == before.end()) {
      d.added.push_back({id, row.caption, row.schema, {}});
    } else if (it->second.hash != row.hash) {
      SEKISHO_ASSIGN_OR_RETURN(std::string a_json, record_json(db_, it->second.hash));
      SEKISHO_ASSIGN_OR_RETURN(std::string b_json, record_json(db_, row.hash));
      SEKISHO_ASSIGN_OR_RETURN(Entity a, entity_from_json(a_json));
      SEKISHO_ASSIGN_OR_RETURN(Entity b, entity_from_json(b_json));
      std::vector<std::string> fields = changed_fields(a, b);
      // The raw record always differs when anything does; report it only when nothing else changed.
      if (fields.size() > 1) fields.erase(std::remove(fields.begin(), fields.end(), "raw"), fields.end());
      d.changed.push_back({id, row.caption, row.schema, std::move(fields)});
    }
  }
  for (const auto& [id, row] : before) {
    if (!after.count(id)) d.removed.push_back({id, row.caption, row.schema, {}});
  }
  auto by_id = [](const EntityChange& a, const EntityChange& b) { return a.entity_id < b.entity_id; };
  std::sort(d.added.begin(), d.added.end(), by_id);
  std::sort(d.removed.begin(), d.removed.end(), by_id);
  std::sort(d.changed.begin(), d.changed.end(), by_id);
  return d;
}

Status ListStore::check_integrity() {
  Statement st(db_, "PRAGMA integrity_check");
  SEKISHO_RETURN_IF_ERROR(st.status());
  if (!st.step()) return st.status().ok() ? internal_error("integrity_check returned nothing") : st.status();
  std::string_view result = st.column_text(0);
  if (result != "ok") return io_error(path_.string() + ": integrity check failed: " + std::string(result));
  return Status();
}

}  // namespace sekisho
