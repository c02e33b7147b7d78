// sekisho/screen.hpp — screening names against the loaded lists.
//
// A Screener is an immutable snapshot of every entity of the lists it was
// built from, with each name analysed once (text pipeline: normalisation,
// transliteration variants, Japanese readings, legal forms), an index for
// candidate generation, and the token weights of those lists. screen() runs
// the query through the same text pipeline, asks the index for candidates,
// scores each candidate entity's names with the name comparer and the
// qualifiers (birth date, country, identifiers, gender, schema), and returns
// explained hits above the threshold, best first.
//
//   auto store = ListStore::open(home);
//   auto screener = Screener::from_store(**store);
//   ScreenQuery q{.name = "Maria Zakharova", .schema = Schema::kPerson};
//   for (const ScreenHit& hit : (*screener)->screen(q, {})) {
//     std::cout << hit.entity->caption << " " << hit.score << "\n" << hit.explanation_text();
//   }
//
// Thread safety: a Screener is immutable once built; screen() may run on any
// number of threads at once. Rebuild and swap (shared_ptr) when lists change.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sekisho/entity.hpp"
#include "sekisho/match.hpp"
#include "sekisho/status.hpp"
#include "sekisho/store.hpp"

namespace sekisho {

struct ScreenQuery {
  std::string name;
  Schema schema = Schema::kLegalEntity;  // LegalEntity: any party
  std::vector<DateSpec> birth_dates;
  std::vector<std::string> countries;
  std::vector<Identifier> identifiers;
  std::string gender;
};

// The score at or above which a hit is reported by default; chosen on the
// evaluation sets (docs/matching.md).
inline constexpr double kDefaultScreenThreshold = match::kDefaultThreshold;

// Where screen() calls spent their work, summed over the calls given the same
// object: for benchmarks and tuning (clock reads cost ~20 ns each, so only
// when asked). Not thread-safe: one per thread.
struct ScreenStats {
  uint64_t queries = 0;
  uint64_t query_forms = 0;     // transliteration variants, readings, word orders
  uint64_t candidates = 0;      // listed forms the index handed over
  uint64_t pairs_scored = 0;    // (query form, listed form) comparisons
  uint64_t hits_explained = 0;  // hits whose explanation was built
  uint64_t analyze_ns = 0, find_ns = 0, score_ns = 0, finish_ns = 0;
};

// One candidate the index handed over, in its order (best vote first), and the
// best score its entity reached so far: why a name was or was not found.
struct CandidateTrace {
  const Entity* entity = nullptr;
  std::string listed_form;  // the form the index reached
  std::string query_form;   // the query form that voted best for it
  float vote = 0;
  double score = 0;  // the entity's best name score after this candidate (a bound when under the floor)
};

// The (query form, listed form) comparisons one query may spend by default. The index bounds
// a query's candidates, forms and near-miss expansion, and so its comparisons, far below this:
// a screening that reaches it was asked for more than the index hands over (a caller's
// `candidates`), and stops there rather than let one request hold a worker.
inline constexpr size_t kDefaultMaxPairs = 50000;

struct ScreenOptions {
  double threshold = kDefaultScreenThreshold;
  size_t limit = 10;               // hits returned at most
  std::vector<std::string> lists;  // only these list ids; empty = all
  size_t candidates = 24;          // names the index hands to the scorer, at most
  // Candidates whose index vote is below this share of the best vote are not
  // scored: they share too little of the query to reach any sensible threshold.
  double min_vote_ratio = 0.5;
  // Candidates between this share and min_vote_ratio are weak: scored only for a hit (against
  // the least score that can make one), never as near misses. At min_vote_ratio or above: none.
  double weak_vote_ratio = 0.2;
  bool exhaustive = false;  // score every entity (the reference for index recall; no work budget)
  // The query's work budget: comparisons scored at most (ScreenStats::pairs_scored). A screening
  // that spends it before every candidate is scored stops and is incomplete (ScreenResult).
  // 0: no bound.
  size_t max_pairs = kDefaultMaxPairs;
  ScreenStats* stats = nullptr;                  // when set, screen() adds its counts and phase times
  std::vector<CandidateTrace>* trace = nullptr;  // when set, screen() appends each candidate (not exhaustive)
};

struct ScreenHit {
  const Entity* entity = nullptr;
  std::string list_id;
  int list_version = 0;
  double score = 0;
  std::string matched_name;  // the listed name as published
  NameKind matched_kind = NameKind::kPrimary;
  std::string query_form;  // the two forms whose comparison decided the name score
  std::string listed_form;
  match::HitScore detail;

  std::string explanation_text() const;
  std::string explanation_json() const;  // a JSON object
};

// What a screening found, and whether it was done in full. An incomplete screening (its work
// budget spent, ScreenOptions::max_pairs) keeps the hits it found, but the candidates it did
// not score may hold others: it is never a clean result.
struct ScreenResult {
  std::vector<ScreenHit> hits;
  bool complete = true;
  std::string incomplete_reason;  // why not, when not complete
};

// Thrown by Screener::screen() for an incomplete screening: a caller that reads only the hits
// must not take a screening cut short for a clean one.
class IncompleteScreening : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ScreenerOptions {
  size_t max_variants_per_name = 8;
};

class Screener {
 public:
  struct ListInput {
    std::string list_id;
    int version = 0;
    std::vector<Entity> entities;
  };

  static std::shared_ptr<const Screener> build(std::vector<ListInput> lists, ScreenerOptions options = {});
  // The latest version of every list in the store (or of `list_ids`).
  static Result<std::shared_ptr<const Screener>> from_store(ListStore& store,
                                                            const std::vector<std::string>& list_ids = {},
                                                            ScreenerOptions options = {});

  // The hits and whether the screening was done in full.
  ScreenResult screen_result(const ScreenQuery& query, const ScreenOptions& options = {}) const;
  // The hits of a complete screening; throws IncompleteScreening when the work budget ran out.
  std::vector<ScreenHit> screen(const ScreenQuery& query, const ScreenOptions& options = {}) const;

  const Entity* find_entity(std::string_view entity_id) const;
  bool has_list(std::string_view list_id) const;
  size_t entity_count() const;
  size_t name_count() const;
  size_t memory_bytes() const;

  ~Screener();
  Screener(const Screener&) = delete;
  Screener& operator=(const Screener&) = delete;

 private:
  struct Impl;
  explicit Screener(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// One row of a screening batch (CSV: id,name[,schema,birth_date,country,id_number,gender]).
struct QueryRow {
  size_t line = 0;  // 1-based line in the input
  std::string id;
  ScreenQuery query;
  std::string error;  // non-empty: the row is unusable, and why
};

// How a batch writes numeric dates whose first two fields could both be a month.
enum class DateOrder {
  kUnstated,      // such dates (07/10/1952) are refused: guessing would screen the wrong birthday
  kDayMonthYear,  // 07/10/1952 is 7 October
  kMonthDayYear,  // 07/10/1952 is 10 July
  kYearMonthDay,  // only 1952/10/07 forms; day-or-month-first dates are refused
};

// Parses "dmy", "mdy" or "ymd"; kInvalidArgument otherwise.
Result<DateOrder> parse_date_order(std::string_view text);

struct QueryRowOptions {
  DateOrder date_order = DateOrder::kUnstated;  // see DateOrder
};

// Reads a screening batch. A missing `id` or `name` column, or an unreadable
// file, is an error for the whole batch; a bad row (empty name, invalid UTF-8,
// unknown schema, an ambiguous birth date, a country sekisho does not know)
// keeps its `error`, naming the line and the field, and the rest go on.
Result<std::vector<QueryRow>> read_query_rows(std::string_view csv_text, std::string_view file_name,
                                              const QueryRowOptions& options = {});

// Whether `name` may be screened: not empty, valid UTF-8, and within the
// pipeline's bounds (text.hpp kMaxNameBytes, kMaxNameWords). Screening a
// longer name by its first words would leave the rest unscreened, so it is
// refused with an error that says the limit.
Status check_query_name(std::string_view name);

// Builds a query from loose field values (as the CLI and the HTTP API receive
// them): schema name, birth date text, country, identifier number, gender.
Result<ScreenQuery> make_query(std::string_view name, std::string_view schema, std::string_view birth_date,
                               std::string_view country, std::string_view id_number, std::string_view gender);

}  // namespace sekisho
