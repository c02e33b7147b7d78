// sekisho/rules.hpp — export-control transfer decisions over whole chains.
//
// A Policy is compiled from the declarative policy files under policies/
// (docs/policy-schema.md): jurisdictions and what they claim, dated country
// groups, control lists, designations, party lists and rules, each with its
// legal citation. decide() evaluates every jurisdiction that claims the item at
// every hop of a TransferRequest and combines the outcomes deny-overrides
// (DENY > CONSENT_REQUIRED > LICENSE_REQUIRED > ALLOW). Rules may look down
// the chain (final destination, end user, every later recipient). Missing or
// "unknown" data never yields ALLOW: it becomes a DATA_GAP naming the field,
// at the outcome the rule would have if the fact were the worst one.
//
//   auto policy = sekisho::rules::load_policy_dir("policies");
//   auto request = sekisho::rules::parse_transfer_request_file("case.json");
//   auto store = sekisho::ListStore::open(home);
//   auto screener = sekisho::rules::ListScreener::from_store(**store);  // fuzzy, every list
//   sekisho::rules::Decision d = *(*policy)->decide(*request, screener->get());
//   std::cout << sekisho::rules::format_decision_text(d);  // or decision_to_json(d)
//
// Thread safety: a Policy is immutable after loading; decide() is const and
// may be called from many threads at once (a screener passed to it must be
// safe for concurrent screen() calls too — ListScreener is).
// A Decision holds string_views into the Policy and the request it was made
// from: keep both alive while reading it, or render it at once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sekisho/entity.hpp"
#include "sekisho/status.hpp"

namespace sekisho {
class ListStore;
class Screener;
struct ListVersion;
}  // namespace sekisho

namespace sekisho::rules {

// The decision lattice, weakest first; the numeric order is the severity order.
enum class Outcome : uint8_t { kAllow = 0, kLicenseRequired = 1, kConsentRequired = 2, kDeny = 3 };
std::string_view outcome_name(Outcome outcome);  // "ALLOW", "LICENSE_REQUIRED", …
Result<Outcome> parse_outcome(std::string_view name);

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD"; kInvalidArgument otherwise.
Result<int32_t> parse_iso_day(std::string_view iso);
std::string format_iso_day(int32_t day);

// One match of a party against a list: from a PartyScreener or stated as
// evidence in the request (Party::list_hits).
struct ListHit {
  std::string list_id;       // a policy party-list id (JP_EUL) or a store list id it aliases
  std::string entity_id;     // the listed entity ("jp-eul-603")
  std::string matched_name;  // the listed name that matched
  double score = 0.0;        // 0..1; hits below the list's policy threshold are ignored
  int list_version = 0;      // store version screened; 0 for a hit stated in the request
  std::string explanation;   // the matcher's explanation, short form; "" for a stated hit
  // The sanction programmes the listed entity is designated under (OFAC
  // "NPWMD", "SDGT", …), as the list states them; empty when not stated. A
  // rule limited to some programmes (`listed_programs`) cannot rule on a hit
  // whose programmes are not stated: that is a DATA_GAP, not "no match".
  std::vector<std::string> programs;
};

// A list a PartyScreener screens against.
struct ScreenedList {
  std::string list_id;  // store list id (jp_meti_eul, us_ofac_sdn, …)
  int version = 0;
  size_t entity_count = 0;
  // The date the version counts from: its publication date when the source
  // states one, else the day it was imported; "" when not known.
  std::string effective_date;
  // Chosen for a decision date (ListScreenerOptions::as_of) before any stored
  // version: the earliest later version was screened instead, and the
  // decision says so.
  bool later_than_decision = false;
};

// The version of one list in force on `as_of` (ISO date): the latest whose
// publication date (else import date) is on or before it; when every version
// is later, the earliest one, marked later_than_decision. `versions` oldest
// first, not empty.
ScreenedList version_in_force(const std::vector<ListVersion>& versions, std::string_view as_of);

// The word a request uses for a party, code, country or fact it does not know.
// Unknown is never read as "not listed" or "not controlled": a rule that needs
// it becomes a DATA_GAP naming the field.
inline constexpr std::string_view kUnknown = "unknown";
inline bool is_unknown(std::string_view value) { return value == kUnknown; }

struct Party {
  std::string name;                // kUnknown: not yet known (a buyer "to be nominated")
  std::string country;             // ISO 3166-1 alpha-2, upper case, or kUnknown
  std::string kind;                // "government", "company", "individual", "" or kUnknown (both unknown)
  std::vector<ListHit> list_hits;  // hits stated as evidence
  // Its role in the transaction: "intermediate_consignee", "consignee"
  // (ultimate consignee), "end_user", "purchaser"; "" when not stated.
  std::string role;
};

class PartyScreener {
 public:
  virtual ~PartyScreener();
  // Every list hit for `party`, any score; the engine applies the thresholds.
  virtual std::vector<ListHit> screen(const Party& party) const = 0;
  // The store lists screen() searches. A policy party list none of whose
  // `store_lists` is here was not screened: a rule that tests it cannot rule
  // the party out, so it becomes a DATA_GAP unless a stated hit decides it.
  // The default (no lists) makes every party list unscreened.
  virtual std::vector<ScreenedList> screened_lists() const { return {}; }
  // The lowest score screen() reports, for the record of the decision.
  virtual double threshold() const { return 0.0; }
};

struct ListScreenerOptions {
  // Hits scoring below are dropped; unset = the Screener's default threshold
  // (kDefaultScreenThreshold in sekisho/screen.hpp, chosen on the evaluation sets).
  std::optional<double> threshold;
  size_t limit = 10;  // hits per party at most, best first
  // The decision date (ISO): screen each list at the version in force then
  // (version_in_force). "" screens the latest version of every list.
  std::string as_of;
};

// Screens each party with the fuzzy matching engine (sekisho::Screener: text
// pipeline, transliteration, index, name comparer, qualifiers) on its name,
// country and schema (from `kind`). Hits carry the store list id and version,
// the listed entity and name, the score and the short explanation.
// Safe for concurrent screen() calls (the Screener is an immutable snapshot).
class ListScreener final : public PartyScreener {
 public:
  // `lists` says what `screener` was built from (ids, versions) for the record.
  ListScreener(std::shared_ptr<const Screener> screener, std::vector<ScreenedList> lists,
               ListScreenerOptions options = {});
  // The latest version of every list in the store (or of `list_ids`), or with
  // options.as_of the version in force on that date. An empty
  // store gives a screener over no lists: every policy party list is then
  // unscreened (DATA_GAP), never silently clear.
  static Result<std::unique_ptr<ListScreener>> from_store(ListStore& store,
                                                          const std::vector<std::string>& list_ids = {},
                                                          ListScreenerOptions options = {});
  std::vector<ListHit> screen(const Party& party) const override;
  std::vector<ScreenedList> screened_lists() const override { return lists_; }
  double threshold() const override { return threshold_; }

 private:
  std::shared_ptr<const Screener> screener_;
  std::vector<ScreenedList> lists_;
  double threshold_;
  size_t limit_;
};

// The normal form in which party names are compared for equality (ASCII folded,
// punctuation as spaces): "Co.,Ltd" == "co ltd".
std::string normalize_party_name(std::string_view name);

struct Hop {
  Party from;
  Party to;
  std::string end_use;                     // free text, for the record
  std::vector<std::string> flags;          // stated facts: WMD_END_USE, ART4_INFORMED, UGEA_REGISTERED, …
  std::vector<std::string> unknown_flags;  // facts whose truth is not known (a rule testing them: DATA_GAP)
};

struct Item {
  std::string id;
  std::string description;
  // scheme → codes, e.g. {"JP_AT1": ["1"], "WA_ML": ["ML4"], "US_ECCN": ["EAR99"]}.
  std::map<std::string, std::vector<std::string>> classifications;
  std::string origin;                    // country of origin (ISO alpha-2)
  std::string licensor_country;          // licensed production: the licensor's country, else ""
  std::string licensor;                  // the licensor's name, for the record
  std::optional<double> us_content_pct;  // controlled US content, percent; unknown when absent
  std::optional<bool> lethal;            // unknown when absent
  std::optional<double> value_jpy;       // unknown when absent
  // Net value of the shipment in US dollars (EAR licence exception LVS,
  // 15 CFR 740.3); unknown when absent: never read as "within the limit".
  std::optional<double> value_usd;
};

// What a licence or consent was issued for. An empty field is not stated and
// not checked; a stated one must cover the transfer, else the evidence does
// not clear anything and the trace says which condition failed.
struct EvidenceScope {
  std::vector<std::string> items;         // item ids
  std::vector<std::string> destinations;  // countries: every known recipient downstream must be in it
  std::vector<std::string> end_users;     // names of the end user (or final recipient)
  std::string valid_from, valid_to;       // ISO dates, inclusive; "" = open
};

struct Licence {  // an individual licence / approval on file
  std::string id;
  std::string holder;                   // jurisdiction that granted it (JP, US, EU)
  int hop = 0;                          // 1-based hop it covers
  std::vector<std::string> conditions;  // provisos passed downstream
  EvidenceScope scope;
};

struct Consent {  // a re-transfer consent (or its refusal) on file
  std::string id;
  std::string holder;  // the jurisdiction whose consent it is
  int hop = 0;
  bool granted = false;
  EvidenceScope scope;
};

struct Undertaking {  // an assurance given by a recipient (EUC, exchange of notes)
  std::string id;
  std::string by;                  // who gave it
  std::string holder;              // to whom (the jurisdiction it binds towards)
  int hop = 0;                     // the hop whose recipient gave it
  std::vector<std::string> terms;  // NO_THIRD_PARTY_TRANSFER_WITHOUT_CONSENT, NO_EXTRA_PURPOSE_USE, …
  std::string by_country;          // where the giver is; "" = the hop's recipient's country
};

struct TransferRequest {
  std::string id;
  std::string as_of;  // ISO date the transfer is decided for
  Item item;
  std::vector<Hop> hops;
  // The end user when it is not the last hop's recipient (stated apart, or
  // kUnknown by name or country). Rules about "the end user" and
  // "destined for" see it as the last recipient of the chain.
  std::optional<Party> end_user;
  std::vector<Licence> licences;
  std::vector<Consent> consents;
  std::vector<Undertaking> undertakings;
};

// Parses and validates the JSON request format of docs/transfer-request.md.
// Errors name `source_name`, the line (syntax errors) and the field path.
Result<TransferRequest> parse_transfer_request_json(std::string_view json, std::string_view source_name);
Result<TransferRequest> parse_transfer_request_file(const std::filesystem::path& path);

// Why a trace entry has the outcome it has.
enum class Reason : uint8_t {
  kFired,           // the rule's conditions hold
  kDataGap,         // the rule may apply but data is missing: never ALLOW, never softer than the fact
  kReviewDenial,    // a licence requirement whose published review policy is denial
  kLicensed,        // a licence on file clears the requirement
  kAuthorized,      // a general authorisation (UGEA, exemption) clears it
  kConsented,       // a consent on file clears it
  kConsentRefused,  // a refusal on file: DENY
  kNotApplicable,   // evaluated; its conditions do not hold (ALLOW)
  kExcepted,        // evaluated; its conditions hold but an exception (permitted case) applies (ALLOW)
};
std::string_view reason_name(Reason reason);

struct TraceEntry {
  int hop = 0;  // 1-based
  std::string_view jurisdiction;
  std::string_view rule_id;
  std::string_view cite;
  Outcome raw = Outcome::kAllow;      // what the rule says
  Outcome outcome = Outcome::kAllow;  // after evidence and review policy
  Reason reason = Reason::kFired;
  std::string_view by;           // licence / authorisation / consent id that changed it
  std::string_view designation;  // designation id that made it fire, if any
  const ListHit* hit = nullptr;  // list hit that made it fire, if any
  std::string_view note;         // data gap or appeal path
  std::string missing;           // DATA_GAP: the request field that is unknown ("hops[1].to.country")
  std::string detail;            // the settling fact: the exception that held, evidence not applied and why
  int via_hop = 0;               // a chain rule fired on the recipient of this later hop (0: this hop's own)
  bool verify = false;           // a rule, designation or group marked `verify: true` decided this entry
  // A licence exception or general authorisation (GBS, LVS, EU001) weighed
  // against a requirement that fired at this hop: AUTHORISED (applied),
  // NOT_APPLICABLE (`detail`: the restriction or condition that failed) or
  // DATA_GAP (`missing`: what it needs to be used).
  bool authorization = false;
};

struct Condition {
  int hop = 0;              // the hop it attaches to; it binds every later hop
  std::string_view code;    // C_JP_CONSENT, UGEA_REPORTING, NO_EXTRA_PURPOSE_USE, …
  std::string_view holder;  // jurisdiction it is owed to
  std::string_view source;  // licence, undertaking or authorisation id
};

struct Claim {
  int hop = 0;
  std::string_view jurisdiction;
  std::string_view basis;  // "territory" or a claim id (US.734.3.ORIGIN, …)
};

// Whether a jurisdiction of the bundle claims a hop, and the fact that
// settled it, for every jurisdiction and hop: an auditor reads why a regime
// did not apply ("exporter in JP not in US; item origin JP not in US; US
// content 0% not above (de minimis) 25%") as well as why it did.
struct JurisdictionCheck {
  int hop = 0;
  std::string_view jurisdiction;
  enum class Claimed : uint8_t {
    kNo,
    kYes,
    kUnknown
  } claimed = Claimed::kNo;  // kUnknown: depends on missing data (DATA_GAP)
  std::string_view basis;    // "territory" or the claim id; "" when not claimed
  std::string fact;          // the facts that settled it
};
std::string_view claimed_name(JurisdictionCheck::Claimed claimed);  // "yes", "no", "unknown"

struct Decision {
  Outcome decision = Outcome::kLicenseRequired;
  int hop = 0;  // determining hop (1-based); 0 when the decision is ALLOW
  std::vector<std::string_view> determining_rules;
  std::vector<Condition> conditions;
  std::vector<Claim> claims;
  std::vector<JurisdictionCheck> jurisdictions;  // every jurisdiction at every hop, claimed or not
  std::vector<TraceEntry> trace;
  std::vector<Outcome> hop_outcomes;                     // per hop, strictest over jurisdictions
  std::vector<std::vector<ListHit>> screened;            // per hop: [2h] from, [2h+1] to — screener hits
  bool screening = false;                                // a screener was given to decide()
  std::vector<ScreenedList> screened_lists;              // what it screened against (empty: nothing loaded)
  double screening_threshold = 0;                        // the screener's threshold()
  std::vector<std::string_view> unscreened_party_lists;  // policy party lists no screened list feeds
  std::string_view policy_sha256;
  std::string as_of;
  // The policy data marked `verify: true` (to be checked against the official
  // text) that this decision relied on: rule, designation and group ids.
  std::vector<std::string_view> verify;
};

struct PolicyInfo {
  std::string sha256;  // of the bundle: every file's relative path and bytes, in path order
  std::vector<std::string> files;
  size_t rule_count = 0, group_count = 0, designation_count = 0, list_entry_count = 0;
};

class Policy {
 public:
  ~Policy();
  Policy(const Policy&) = delete;
  Policy& operator=(const Policy&) = delete;

  // Decides `request`; `screener` (optional) screens every party of the chain.
  // Invalid data inside the request (bad date, country) gives kInvalidArgument.
  Result<Decision> decide(const TransferRequest& request, const PartyScreener* screener = nullptr) const;
  const PolicyInfo& info() const;

  struct Impl;
  explicit Policy(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

// Loads every *.yaml file under `dir` (recursively, in path order) as one
// bundle, validates it and compiles it. Errors name file, line and field.
Result<std::unique_ptr<Policy>> load_policy_dir(const std::filesystem::path& dir);
// Same, from in-memory files (relative name → YAML text).
Result<std::unique_ptr<Policy>> load_policy_files(const std::map<std::string, std::string>& files);

// The decision as JSON for machines; the wire part's (src/wire/decision_json.cpp).
std::string decision_to_json(const Decision& decision, const TransferRequest& request, bool pretty = true);
std::string format_decision_text(const Decision& decision, const TransferRequest& request);

}  // namespace sekisho::rules
