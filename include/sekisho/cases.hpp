// sekisho/cases.hpp — the case store: the customer's parties, screening runs,
// alerts and their decisions, the good-guy list, monitoring and the audit log.
//
// Screening is a process: parties are imported once and kept (versioned),
// every screening of them is a run that names the list versions and the
// threshold it used, every hit becomes an alert that a reviewer decides, and
// a false-positive decision suppresses that party–entity pair for as long as
// the party's screened facts and the listed entity's content stay the same.
// When a list version lands, monitor() screens only what changed: added and
// changed entities against every party, new and changed parties against
// everything, and closes the alerts of delisted entities. Every change is one
// transaction and one entry of a hash-chained, append-only audit log.
//
//   auto cases = sekisho::CaseStore::open(home);
//   auto parties = sekisho::read_party_file("customers.csv");
//   (*cases)->import_parties(*parties, {}, "alice");
//   auto lists = sekisho::ListStore::open(home);
//   auto run = (*cases)->monitor(**lists, {}, "alice");
//   (*cases)->decide(alert_id, AlertState::kFalsePositive, {"alice", Role::kAnalyst}, "other birth date");
//   auto check = (*cases)->verify_audit();   // check->ok, check->first_bad_seq
//
// Schema: docs/formats/cases.md. Thread safety: a CaseStore is one SQLite or
// PostgreSQL connection; use it from one thread at a time. Several processes
// may open the same case store (SQLite's lock or an advisory lock on
// PostgreSQL; writers queue), so several servers can share one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sekisho/keys.hpp"
#include "sekisho/status.hpp"
#include "sekisho/store.hpp"

namespace sekisho {

class SqlConnection;

namespace rules {
struct Decision;
struct PolicyInfo;
struct TransferRequest;
}  // namespace rules

// A party of the customer's own: what is screened about it, and free tags.
struct Party {
  std::string id;                        // the customer's own id, unique in the registry
  std::string schema = "LegalEntity";    // FollowTheMoney schema: Person, Company, Organization, Vessel, …
  std::vector<std::string> names;        // the first is the primary name; at least one
  std::string birth_date;                // as given ("1961-04-02", "1961"); "" unknown
  std::vector<std::string> countries;    // ISO codes or names
  std::vector<std::string> identifiers;  // passport, registration, tax numbers
  std::vector<std::string> tags;         // the customer's own labels; never screened
};

// SHA-256 over a party's screened facts (schema, names, birth date, countries,
// identifiers; not its tags): the key of its screenings and suppressions.
std::string party_facts_hash(const Party& party);

// A party as stored: its latest version and where it stands.
struct StoredParty {
  Party party;
  int version = 0;         // 1 at first import, +1 per change
  std::string facts_hash;  // party_facts_hash of this version
  bool screened = false;   // these facts have been screened by a run
  std::string removed_at;  // "" while in the registry
  std::string updated_at;
  int active_alerts = 0;  // open or escalated
};

// Reads parties from a .csv or .jsonl file (docs/formats/cases.md). Any bad
// row fails the whole file with an error naming the file, line and field.
Result<std::vector<Party>> read_party_file(const std::filesystem::path& path);
// The same from text already read; `file_name` is used in errors and picks the format.
Result<std::vector<Party>> parse_parties(std::string_view text, std::string_view file_name);

struct PartyImportOptions {
  // The file is the whole registry: stored parties missing from it are
  // removed and their open alerts closed. False: add and update only.
  bool replace_all = true;
};

struct PartyImportReport {
  int added = 0, changed = 0, unchanged = 0, removed = 0;
  int alerts_closed = 0;  // open alerts of removed parties
};

enum class AlertState : uint8_t {
  kOpen,
  kEscalated,
  kTrueMatch,
  kFalsePositive,
  kClosed,
};
std::string_view alert_state_name(AlertState state);  // "open", "escalated", "true_match", "false_positive", "closed"
Result<AlertState> parse_alert_state(std::string_view name);

struct Alert {
  int64_t id = 0;
  int64_t run_id = 0;  // the run that raised it
  std::string party_id;
  int party_version = 0;
  std::string facts_hash;  // the party's screened facts at the time
  std::string entity_id;
  std::string entity_hash;  // SHA-256 of the listed entity's canonical JSON (the list store's record hash)
  std::string entity_caption;
  std::string list_id;
  int list_version = 0;
  double score = 0;
  std::string matched_name;  // the listed name that matched
  std::string query_name;    // the party's name that matched it
  std::string explanation;   // the screener's explanation, as text
  AlertState state = AlertState::kOpen;
  // A decision waiting for a second reviewer (four-eyes), else pending_state empty.
  std::optional<AlertState> pending_state;
  std::string pending_by, pending_reason, pending_at;
  std::string created_at, updated_at;
};

// One change of an alert, in order. kind: raised, escalated, decided,
// proposed, confirmed, rejected, delisted, party_removed.
struct AlertEvent {
  int64_t alert_id = 0;
  int seq = 0;
  std::string kind;
  std::string from_state, to_state;
  std::string reviewer;
  std::string reason;
  std::string at;
};

struct AlertFilter {
  std::optional<AlertState> state;  // only alerts in this state
  std::string party_id;             // only this party's
  std::string entity_id;            // only alerts on this listed entity
  int64_t run_id = 0;               // only alerts raised by this run
  size_t limit = 0;                 // 0 = all
};

// Who acts: the API key's identity or a named CLI user, and the role it holds.
struct Reviewer {
  std::string name;
  Role role = Role::kAnalyst;
};

struct ReviewSettings {
  // A decision (true match, false positive, closed) takes effect only when a
  // second reviewer confirms it; escalation never waits.
  bool four_eyes = false;
  Role confirm_role = Role::kAdmin;  // the least role that may confirm
};

struct MonitorOptions {
  double threshold = 0;  // 0 = kDefaultScreenThreshold
  size_t threads = 0;    // screening threads; 0 = hardware concurrency
  // Every party against every list, not just what changed (after a threshold
  // change, or to prove the registry clean). The good-guy list still applies.
  bool full = false;
  // Called inside the run's transaction once its alerts are written, before the
  // run row and the commit. Tests kill the process there to show a run lands
  // whole or not at all, as the list store's ImportObserver; the product installs none.
  std::function<void()> inside_transaction;
};

// What one run screened and what it changed.
struct RunRecord {
  int64_t id = 0;
  std::string kind;  // "monitor" (what changed) or "full" (everything)
  std::string actor;
  std::string started_at, finished_at;
  double threshold = 0;
  std::map<std::string, int> lists;  // list id → version screened against
  struct ListDelta {
    int from = 0, to = 0;  // from 0: the list was new to monitoring
    int added = 0, changed = 0, removed = 0;
  };
  std::map<std::string, ListDelta> deltas;  // lists that changed since the last run
  int parties_screened_full = 0;            // new or changed parties, against every list
  int parties_screened_delta = 0;           // unchanged parties, against the changed entities only
  int entities_screened_delta = 0;          // added and changed entities
  int alerts_raised = 0;
  int alerts_suppressed = 0;  // hits on a good-guy pair whose facts and entity are unchanged
  int alerts_known = 0;       // hits on a pair that already has an open, escalated or true-match alert
  int alerts_closed = 0;      // alerts of delisted entities
};

struct AuditEntry {
  int64_t seq = 0;        // 1, 2, … with no gaps
  std::string at;         // UTC ISO 8601
  std::string actor;      // API key id and name, or the CLI user
  std::string action;     // "list.import", "run", "alert.decide", "key.create", …
  std::string subject;    // what it acted on: list id, alert id, run id, key id
  std::string detail;     // a JSON object
  std::string prev_hash;  // hash of entry seq-1; "" for the first
  std::string hash;       // SHA-256 over this entry's fields and prev_hash
};

struct AuditCheck {
  bool ok = true;
  int64_t entries = 0;
  int64_t first_bad_seq = 0;  // 0 when ok
  std::string problem;        // why the first bad entry is bad
};

// The policy bundle in use, file by file, so the audit log can say what
// changed from one bundle to the next.
struct PolicyBundleFiles {
  std::string sha256;                        // the bundle's hash (rules::PolicyInfo::sha256)
  std::map<std::string, std::string> files;  // relative path → SHA-256 of the file's bytes
};

// Reads the files of the bundle `loaded` (rules::Policy::info()) from `dir`,
// where it was loaded from. Fails when they no longer hash to the bundle
// loaded: a file changed in between.
Result<PolicyBundleFiles> read_policy_bundle_files(const std::filesystem::path& dir, const rules::PolicyInfo& loaded);

// A transfer decision kept as a case: what was asked, what was answered and
// on which rules, lists and policy bundle.
struct TransferCase {
  int64_t id = 0;           // 1, 2, … given when recorded
  std::string recorded_at;  // UTC ISO 8601
  std::string actor;        // who asked: API key or CLI user
  std::string request_id;   // the request's own id ("" when it has none)
  std::string as_of;        // the date the transfer was decided for
  std::string decision;     // ALLOW, LICENSE_REQUIRED, CONSENT_REQUIRED, DENY
  struct CitedRule {
    int hop = 0;
    std::string jurisdiction, rule, outcome, cite;
  };
  std::vector<CitedRule> rules;      // the determining rules, with their legal citations
  std::map<std::string, int> lists;  // list id → version screened; empty: no screening
  std::string policy_sha256;
  std::string request_json;   // the request as received
  std::string decision_json;  // the decision as answered
};

// The case of `decision`, made from `request` (given as `request_json`);
// `decision_json` is the answer as rendered to the caller.
TransferCase transfer_case_of(const rules::Decision& decision, const rules::TransferRequest& request,
                              std::string request_json, std::string decision_json);

// Where a case store is. The library reads no environment: the CLI and `sekisho serve`
// pass $SEKISHO_CASE_STORE as `url`.
struct CaseStoreLocation {
  // A data directory alone names the cases.db in it.
  CaseStoreLocation(std::filesystem::path home_dir = {}, std::string store_url = {},  // NOLINT: implicit by design
                    std::string store_url_setting = {})
      : home(std::move(home_dir)), url(std::move(store_url)), url_setting(std::move(store_url_setting)) {}

  std::filesystem::path home;  // the data directory, which holds cases.db
  // "" or "sqlite:": cases.db in `home`; a postgresql:// URL: the case store in that
  // PostgreSQL database, which a team's servers share (same schema and migrations; `home`
  // unused).
  std::string url;
  // The setting `url` came from, named in the errors of opening it ("SEKISHO_CASE_STORE").
  std::string url_setting;
};

class CaseStore {
 public:
  // Opens (creating if needed) the case store at `at`: cases.db in its data directory, or
  // the PostgreSQL database its URL names.
  static Result<std::unique_ptr<CaseStore>> open(const CaseStoreLocation& at);
  // True when `at` already holds a case store (a store named by URL is taken to).
  static bool exists(const CaseStoreLocation& at);
  ~CaseStore();
  CaseStore(const CaseStore&) = delete;
  CaseStore& operator=(const CaseStore&) = delete;

  // Adds, updates and (replace_all) removes parties in one transaction.
  Result<PartyImportReport> import_parties(const std::vector<Party>& parties, const PartyImportOptions& options,
                                           const std::string& actor);
  // Parties in the registry (and removed ones when `include_removed`), by id.
  Result<std::vector<StoredParty>> parties(bool include_removed = false);
  // One party's latest version; kNotFound when unknown.
  Result<StoredParty> party(const std::string& id);
  // Parties in the registry (not removed).
  Result<int64_t> active_party_count();

  Result<std::vector<Alert>> alerts(const AlertFilter& filter = {});
  Result<Alert> alert(int64_t id);
  Result<std::vector<AlertEvent>> alert_events(int64_t id);
  // Moves an alert to `to`. With four-eyes on, a decision (anything but
  // escalated) waits for confirm(). Needs an analyst; a reason is required.
  Result<Alert> decide(int64_t id, AlertState to, const Reviewer& reviewer, const std::string& reason);
  // Confirms (or, with approve false, rejects) the waiting decision of another
  // reviewer. kPermissionDenied for one's own decision or too low a role.
  Result<Alert> confirm(int64_t id, const Reviewer& reviewer, const std::string& reason, bool approve = true);

  Result<ReviewSettings> review_settings();
  Status set_review_settings(const ReviewSettings& settings, const std::string& actor);

  // Screens what changed since the last run (see the header comment) and
  // records the run, its alerts and closures in one transaction.
  Result<RunRecord> monitor(ListStore& lists, const MonitorOptions& options, const std::string& actor);
  // Runs, newest first (at most `limit`, 0 = all); one run by id.
  Result<std::vector<RunRecord>> runs(size_t limit = 0);
  Result<RunRecord> run(int64_t id);

  // Records `bundle` as the policy bundle in use. When it differs from the
  // last one recorded, appends the audit entry "policy.bundle" naming its
  // hash and the files added, changed and removed; returns whether it did.
  Result<bool> record_policy_bundle(const PolicyBundleFiles& bundle, const std::string& actor);

  // Stores a transfer decision (id and time given here) with its audit entry
  // "transfer.decide", which holds the hashes of the stored request and decision.
  Result<TransferCase> record_transfer(TransferCase transfer, const std::string& actor);
  // Recorded transfer decisions, newest first (at most `limit`, 0 = all); one by id.
  Result<std::vector<TransferCase>> transfers(size_t limit = 0);
  Result<TransferCase> transfer(int64_t id);

  // Appends an entry to the audit log in its own transaction.
  Status audit(const std::string& actor, const std::string& action, const std::string& subject,
               const std::string& detail_json);
  // Walks the whole chain; names the first entry that is changed, missing or out of place.
  Result<AuditCheck> verify_audit();
  // Entries whose time lies in [from, to] (ISO prefixes; "" = open end), oldest first.
  Result<std::vector<AuditEntry>> audit_entries(const std::string& from = "", const std::string& to = "");

  // The SQLite file, or the PostgreSQL URL without its password.
  const std::filesystem::path& path() const { return path_; }

 private:
  CaseStore(std::unique_ptr<SqlConnection> conn, std::filesystem::path path);
  std::unique_ptr<SqlConnection> conn_;
  SqlConnection* db_;  // conn_.get(), as the statements take it
  std::filesystem::path path_;
};

// After a list version landed: records it in the audit log (creating the case
// store when needed) and, when `run_monitor` and the registry holds parties,
// runs monitoring. Returns the run, or nullopt when none was due.
Result<std::optional<RunRecord>> after_list_import(const CaseStoreLocation& cases_at, ListStore& lists,
                                                   const ImportReport& report, const std::string& actor,
                                                   bool run_monitor = true);

// Opens the case store at `cases_at` and records the bundle `loaded` from `dir`
// as the one in use; see record_policy_bundle.
Status audit_policy_bundle(const CaseStoreLocation& cases_at, const std::filesystem::path& dir,
                           const rules::PolicyInfo& loaded, const std::string& actor);

}  // namespace sekisho
