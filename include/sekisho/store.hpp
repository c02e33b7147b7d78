// sekisho/store.hpp — the versioned list store (SQLite, WAL) in the data directory.
//
// Each import of a list creates a new version holding the complete set of
// entities of that list, unless its source files are byte-identical to the
// latest version's. Entities are stored once per distinct content (by
// SHA-256), so ten versions of a slowly changing list cost little more than
// one. An import is a single SQLite transaction: a failed parse never reaches
// the store, and a crash or kill mid-write leaves the previous version intact.
//
//   auto store = sekisho::ListStore::open(home);
//   auto parsed = sekisho::parse_list("un-xml", {file});
//   auto report = (*store)->import_list("un_sc_sanctions", *parsed);
//   auto diff = (*store)->diff("un_sc_sanctions", 1, 2);
//
// Thread safety: a ListStore is one SQLite connection; use it from one thread
// at a time. Several processes may open the same store (SQLite locking).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sekisho/entity.hpp"
#include "sekisho/lists.hpp"
#include "sekisho/status.hpp"

struct sqlite3;

namespace sekisho {

struct ListVersion {
  std::string list_id;
  int version = 0;                      // 1, 2, … per list
  std::string created_at;               // UTC, ISO 8601
  std::string publication_date;         // as stated by the publisher, else "" (ParsedList)
  std::string publication_date_source;  // "file", "file name", "download header" or ""
  std::string format;
  std::string content_hash;  // SHA-256 over the source files' digests
  int entity_count = 0;
  std::map<std::string, int> counts_by_schema;
  std::vector<SourceFile> files;
};

// A listed entity with the list version it was read from.
struct StoredEntity {
  Entity entity;
  ListVersion version;
};

// When an entity of a list version was first listed and last changed, from the
// versions stored up to that one (import times, UTC ISO 8601).
struct EntityHistory {
  std::string entity_id;
  std::string first_seen;   // created_at of the first version that held its id
  std::string last_change;  // created_at of the version that added it last or last changed its record
};

struct ImportReport {
  ListVersion version;                      // the new version, or the identical existing one
  bool created = false;                     // false: the files were identical to the latest version
  int added = 0, removed = 0, changed = 0;  // against the previous version
  std::vector<std::string> warnings;        // ParsedList::warnings of the imported list
};

struct EntityChange {
  std::string entity_id;
  std::string caption;
  std::string schema;
  std::vector<std::string> fields;  // changed fields ("names", "addresses", …); empty for added/removed
};

struct ListDiff {
  std::string list_id;
  int from = 0, to = 0;
  std::vector<EntityChange> added, removed, changed;
};

// Where an import stands, as told to an ImportObserver.
enum class ImportStep {
  kBegun,           // the write transaction is open
  kRecordWritten,   // one entity record stored (content-addressed, not yet visible)
  kVersionWritten,  // the new version's row stored (visible once committed)
  kEntityWritten,   // one row of the new version's entity table stored
  kCommitted,       // the transaction committed: the version is visible
};

// Told of every step of an import, in order, on the importing thread. Tests use
// it to kill a process at a chosen point of the transaction, as leveldb tests
// crash safety through its Env; the product installs none.
using ImportObserver = std::function<void(ImportStep step, size_t rows_so_far)>;

// How an import treats a new version much smaller than the one before it.
struct ImportOptions {
  // A version holding fewer than (1 - max_shrink) of the previous version's entities, or no
  // entity at all, is refused (kParseError, nothing stored): a truncated file, cut at a line end
  // where its format shows no sign of it, must not delist anyone.
  double max_shrink = 0.20;
  // The publisher really removed them: store the smaller version.
  bool allow_shrink = false;
};

class ListStore {
 public:
  // Opens (creating if needed) the store in directory `home` (file sekisho.db).
  static Result<std::unique_ptr<ListStore>> open(const std::filesystem::path& home);
  ~ListStore();
  ListStore(const ListStore&) = delete;
  ListStore& operator=(const ListStore&) = delete;

  // Stores `parsed` as a new version of `list_id` (see the header comment).
  // A delta (parsed.is_delta) is applied on top of the latest version.
  Result<ImportReport> import_list(const std::string& list_id, const ParsedList& parsed,
                                   const ImportOptions& options = {});

  // Every list's latest version, ordered by list id.
  Result<std::vector<ListVersion>> lists();
  // All versions of one list, oldest first. kNotFound for an unknown list.
  Result<std::vector<ListVersion>> versions(const std::string& list_id);
  // One version; `version` 0 means the latest.
  Result<ListVersion> version(const std::string& list_id, int version = 0);

  // The entities of a version (0 = latest), ordered by id.
  Result<std::vector<Entity>> load_entities(const std::string& list_id, int version = 0);
  // The latest stored content of an entity id in any list's latest version.
  Result<Entity> get_entity(const std::string& entity_id);
  // The same, with the version it is in (its list's latest). kNotFound when no latest version holds it.
  Result<StoredEntity> find_entity(const std::string& entity_id);

  // The listing history of every entity of `list_id` at `version` (0 = latest),
  // read from the versions up to it; ordered by entity id.
  Result<std::vector<EntityHistory>> entity_history(const std::string& list_id, int version = 0);

  // Entities added, removed and changed between two versions (0 = latest and
  // the one before it).
  Result<ListDiff> diff(const std::string& list_id, int from = 0, int to = 0);

  // Installs `observer` for every later import of this store (empty: none).
  void set_import_observer(ImportObserver observer) { observer_ = std::move(observer); }

  // Runs SQLite's integrity check; OK when the database is sound.
  Status check_integrity();

  const std::filesystem::path& path() const { return path_; }

 private:
  ListStore(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
  void observe(ImportStep step, size_t rows_so_far) const {
    if (observer_) observer_(step, rows_so_far);
  }
  sqlite3* db_;
  std::filesystem::path path_;
  ImportObserver observer_;
};

// One import of list files, as `sekisho import`, `POST /v1/lists/{id}/import`
// and `sekisho update` each ask for it.
struct ImportRequest {
  std::string format;                        // a format name (see formats())
  std::vector<std::filesystem::path> files;  // files, or one directory holding the format's files
  std::string list_id;                       // empty: the format's default list id
  std::string mapping_path;                  // generic CSV only: the mapping file
  bool allow_shrink = false;                 // ImportOptions::allow_shrink
  // The publisher's Last-Modified date (YYYY-MM-DD): the list's date when neither
  // the file nor its name is dated.
  std::string last_modified;
  // The files sit in this scratch directory, gone after the import (an upload):
  // messages and the version record name them by file name alone.
  std::filesystem::path scratch_dir;
};

// Where import_files finds its store; called only once the files parsed, so a bad
// file never creates or touches a store.
using StoreOpener = std::function<Result<ListStore*>()>;
// Opens the store in directory `home` into `store` when called.
StoreOpener open_store_in(const std::filesystem::path& home, std::unique_ptr<ListStore>& store);

// Parses request.files completely and only then stores them as a new version of
// the request's list (ListStore::import_list). The list id, the file names and
// the publication date are decided here, the same for every caller.
Result<ImportReport> import_files(const StoreOpener& open_store, const ImportRequest& request);
Result<ImportReport> import_files(ListStore& store, const ImportRequest& request);

}  // namespace sekisho
