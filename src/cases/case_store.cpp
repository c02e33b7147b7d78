// Opening the case store, its review settings, and the hook that runs after
// a list version lands.
#include <nlohmann/json.hpp>

#include "cases/cases_internal.hpp"

namespace sekisho {

namespace fs = std::filesystem;

namespace {
constexpr const char* kFileName = "cases.db";
}  // namespace

bool CaseStore::exists(const CaseStoreLocation& at) {
  // A store named by URL is there to be asked: open() finds out whether it
  // holds a case store, or refuses a URL it does not understand.
  if (!at.url.empty() && at.url != "sqlite:") return true;
  std::error_code ec;
  return fs::exists(at.home / kFileName, ec);
}

CaseStore::CaseStore(std::unique_ptr<SqlConnection> conn, fs::path path)
    : conn_(std::move(conn)), db_(conn_.get()), path_(std::move(path)) {}

Result<std::unique_ptr<CaseStore>> CaseStore::open(const CaseStoreLocation& at) {
  // A monitoring run holds the write lock while it screens; other writers
  // (a decision, an import) wait for it rather than fail.
  auto opened = open_sql_connection(at.url, at.home, kFileName, "case store", 120000);
  if (!opened.ok() && !at.url.empty() && !at.url_setting.empty()) return opened.status().with_context(at.url_setting);
  SEKISHO_ASSIGN_OR_RETURN(auto conn, std::move(opened));
  fs::path location = conn->location();
  std::unique_ptr<CaseStore> store(new CaseStore(std::move(conn), location));
  SEKISHO_RETURN_IF_ERROR(cases::migrate(store->db_).with_context(location.string()));
  return store;
}

CaseStore::~CaseStore() = default;

Result<ReviewSettings> CaseStore::review_settings() {
  ReviewSettings settings;
  SqlStatement st(db_, "SELECT key, value FROM case_meta WHERE key IN ('four_eyes', 'confirm_role')");
  SEKISHO_RETURN_IF_ERROR(st.status());
  while (st.step()) {
    std::string value(st.column_text(1));
    if (st.column_text(0) == "four_eyes") {
      settings.four_eyes = value == "on";
    } else {
      SEKISHO_ASSIGN_OR_RETURN(settings.confirm_role, parse_role(value));
    }
  }
  SEKISHO_RETURN_IF_ERROR(st.status());
  return settings;
}

Status CaseStore::set_review_settings(const ReviewSettings& settings, const std::string& actor) {
  if (settings.confirm_role < Role::kAnalyst) return invalid_argument("the confirming role must be analyst or admin");
  SqlTransaction tx(db_);
  SEKISHO_RETURN_IF_ERROR(tx.begin());
  SEKISHO_RETURN_IF_ERROR(cases::put_meta(db_, "four_eyes", settings.four_eyes ? "on" : "off"));
  SEKISHO_RETURN_IF_ERROR(cases::put_meta(db_, "confirm_role", std::string(role_name(settings.confirm_role))));
  nlohmann::json detail = {{"four_eyes", settings.four_eyes}, {"confirm_role", role_name(settings.confirm_role)}};
  SEKISHO_RETURN_IF_ERROR(cases::append_audit(db_, actor, "settings.review", "four_eyes", detail.dump()));
  return tx.commit();
}

Result<std::optional<RunRecord>> after_list_import(const CaseStoreLocation& cases_at, ListStore& lists,
                                                   const ImportReport& report, const std::string& actor,
                                                   bool run_monitor) {
  SEKISHO_ASSIGN_OR_RETURN(auto cases, CaseStore::open(cases_at));
  if (report.created) {
    const ListVersion& v = report.version;
    nlohmann::json detail = {{"list", v.list_id},          {"version", v.version},
                             {"format", v.format},         {"content_hash", v.content_hash},
                             {"entities", v.entity_count}, {"added", report.added},
                             {"changed", report.changed},  {"removed", report.removed}};
    SEKISHO_RETURN_IF_ERROR(cases->audit(actor, "list.import", v.list_id, detail.dump()));
  }
  if (!run_monitor || !report.created) return std::optional<RunRecord>();
  SEKISHO_ASSIGN_OR_RETURN(int64_t parties, cases->active_party_count());
  if (parties == 0) return std::optional<RunRecord>();
  SEKISHO_ASSIGN_OR_RETURN(RunRecord run, cases->monitor(lists, {}, actor));
  return std::optional<RunRecord>(std::move(run));
}

}  // namespace sekisho
