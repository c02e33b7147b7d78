// Qualifiers: the facts besides the name, and how they move a hit's score.
// Positive evidence moves the score part of the way towards 1 (so it never
// reaches 1 unless the name already did); counter-evidence scales it down.
// Every step is recorded, so an analyst sees why a hit ranks where it does.
#include <algorithm>
#include <cctype>

#include "sekisho/match.hpp"
#include "sekisho/text.hpp"

namespace sekisho::match {
namespace {

// A monotone day number; months are taken as 31 days, which keeps interval
// overlap exact without a calendar.
int day_number(int year, int month, int day) { return year * 372 + (month - 1) * 31 + (day - 1); }

struct Interval {
  int lo = 0;
  int hi = 0;
  bool exact_day = false;
};

Interval start_of(const PartialDate& d) {
  return {day_number(d.year, d.month ? d.month : 1, d.day ? d.day : 1), 0, false};
}

int end_of(const PartialDate& d) { return day_number(d.year, d.month ? d.month : 12, d.day ? d.day : 31); }

Interval interval_of(const DateSpec& s) {
  Interval iv = start_of(s.date);
  iv.hi = end_of(s.until.empty() ? s.date : s.until);
  if (iv.hi < iv.lo) std::swap(iv.lo, iv.hi);  // a range written backwards still means the span
  if (s.circa) {
    iv.lo -= kCircaYears * 372;
    iv.hi += kCircaYears * 372;
  }
  iv.exact_day = !s.circa && s.until.empty() && s.date.month != 0 && s.date.day != 0;
  return iv;
}

int rank(QualifierOutcome o) {
  switch (o) {
    case QualifierOutcome::kMatch:
      return 3;
    case QualifierOutcome::kCompatible:
      return 2;
    case QualifierOutcome::kConflict:
      return 1;
    case QualifierOutcome::kUnknown:
      break;
  }
  return 0;
}

std::string join_values(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : "|") + x;
  return s;
}

std::string lower_trim(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    else if (!out.empty() && out.back() != ' ')
      out.push_back(' ');
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Identifier values are compared on letters and digits only: "AB 123-456" = "ab123456".
std::string id_key(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

// Types of which an entity holds exactly one: a different value means a different thing.
bool unique_type(std::string_view type) { return type == "imo" || type == "mmsi" || type == "lei"; }

struct Step {
  QualifierOutcome outcome;
  std::string detail;
  bool unique = false;
};

Step compare_identifiers(const std::vector<Identifier>& q, const std::vector<Identifier>& l) {
  Step step{QualifierOutcome::kUnknown, "", false};
  for (const Identifier& a : q) {
    const std::string ka = id_key(a.value);
    if (ka.empty()) continue;
    for (const Identifier& b : l) {
      const std::string kb = id_key(b.value);
      if (kb.empty()) continue;
      const bool same_type = a.type == b.type;
      // An untyped ("other") id still counts when its value is long enough to be specific.
      const bool typed_compare = same_type && a.type != "other";
      const bool loose_compare = (a.type == "other" || b.type == "other") && ka.size() >= 6;
      if (ka == kb && (typed_compare || loose_compare)) {
        return {QualifierOutcome::kMatch, (same_type ? a.type : std::string("id")) + " " + a.value + " = " + b.value,
                unique_type(a.type)};
      }
      const bool same_issuer = a.country.empty() || b.country.empty() || lower_trim(a.country) == lower_trim(b.country);
      if (typed_compare && same_issuer && step.outcome == QualifierOutcome::kUnknown) {
        step = {QualifierOutcome::kConflict, a.type + " " + a.value + " != " + b.value, unique_type(a.type)};
      }
    }
  }
  return step;
}

Step compare_date_lists(const std::vector<DateSpec>& q, const std::vector<DateSpec>& l) {
  Step best{QualifierOutcome::kUnknown, "", false};
  for (const DateSpec& a : q) {
    for (const DateSpec& b : l) {
      const QualifierOutcome o = compare_dates(a, b);
      if (rank(o) > rank(best.outcome)) {
        best = {o, (a.raw.empty() ? a.date.iso() : a.raw) + " vs " + (b.raw.empty() ? b.date.iso() : b.raw), false};
      }
    }
  }
  return best;
}

// After country_value(): resolved values are upper-case codes, the rest lower case.
bool is_iso_code(std::string_view s) {
  return s.size() == 2 && std::isupper(static_cast<unsigned char>(s[0])) &&
         std::isupper(static_cast<unsigned char>(s[1]));
}

// A value as its ISO code ("RU") when it names a country, else as written in lower case.
// A code is one hash lookup; names (the slow path) are resolved once at build by normalize_countries().
std::string country_value(const std::string& s) {
  std::string code = text::country_code(s);
  return code.empty() ? lower_trim(s) : code;
}

Step compare_countries(const std::vector<std::string>& q, const std::vector<std::string>& l) {
  if (q.empty() || l.empty()) return {QualifierOutcome::kUnknown, "", false};  // before resolving the other side
  std::vector<std::string> a, b;
  for (const auto& s : q)
    if (auto t = country_value(s); !t.empty()) a.push_back(t);
  for (const auto& s : l)
    if (auto t = country_value(s); !t.empty()) b.push_back(t);
  if (a.empty() || b.empty()) return {QualifierOutcome::kUnknown, "", false};
  const std::string detail = join_values(a) + " vs " + join_values(b);
  for (const auto& x : a)
    if (std::find(b.begin(), b.end(), x) != b.end()) return {QualifierOutcome::kMatch, detail, false};
  // Two sets of known countries that do not meet conflict; a value no table
  // resolves ("Kurdistan", "stateless") may be another name of one that did:
  // only unresolved values on both sides conflict among themselves.
  const bool known_a = std::all_of(a.begin(), a.end(), [](const std::string& s) { return is_iso_code(s); });
  const bool known_b = std::all_of(b.begin(), b.end(), [](const std::string& s) { return is_iso_code(s); });
  const bool unknown_a = std::none_of(a.begin(), a.end(), [](const std::string& s) { return is_iso_code(s); });
  const bool unknown_b = std::none_of(b.begin(), b.end(), [](const std::string& s) { return is_iso_code(s); });
  if ((known_a && known_b) || (unknown_a && unknown_b)) return {QualifierOutcome::kConflict, detail, false};
  return {QualifierOutcome::kUnknown, detail, false};
}

}  // namespace

QualifierOutcome compare_dates(const DateSpec& a, const DateSpec& b) {
  if (a.empty() || b.empty()) return QualifierOutcome::kUnknown;
  const Interval x = interval_of(a);
  const Interval y = interval_of(b);
  if (x.exact_day && y.exact_day && x.lo == y.lo) return QualifierOutcome::kMatch;
  if (x.lo <= y.hi && y.lo <= x.hi) return QualifierOutcome::kCompatible;
  // 1960-05-07 vs 1960-07-05: day and month swapped by a clerk, not another person.
  if (x.exact_day && y.exact_day && a.date.year == b.date.year && a.date.month == b.date.day &&
      a.date.day == b.date.month) {
    return QualifierOutcome::kCompatible;
  }
  return QualifierOutcome::kConflict;
}

std::vector<std::string> normalize_countries(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    std::string code = text::country_code(v);
    out.push_back(code.empty() ? v : code);
  }
  return out;
}

Facts facts_from_entity(const Entity& entity) {
  Facts f;
  f.schema = entity.schema;
  f.birth_dates = entity.birth_dates;
  f.countries = entity.nationalities;
  f.countries.insert(f.countries.end(), entity.countries.begin(), entity.countries.end());
  f.countries = normalize_countries(f.countries);
  f.identifiers = entity.identifiers;
  f.gender = entity.gender;
  return f;
}

HitScore score_hit(NameMatch name, const Facts& query, const Facts& listed, const HitOptions& o) {
  HitScore hit;
  double s = name.score;
  hit.name = std::move(name);
  auto record = [&hit, &s](std::string qualifier, const Step& step, double after) {
    hit.qualifiers.push_back({std::move(qualifier), step.outcome, step.detail, s, after});
    s = after;
  };
  auto towards_one = [&s](double share) { return s + (1.0 - s) * share; };

  if (!schema_compatible(query.schema, listed.schema)) {
    record("schema",
           {QualifierOutcome::kConflict,
            std::string(schema_name(query.schema)) + " vs " + std::string(schema_name(listed.schema)), false},
           0.0);
    hit.score = 0.0;
    return hit;
  }

  if (Step id = compare_identifiers(query.identifiers, listed.identifiers); id.outcome != QualifierOutcome::kUnknown) {
    if (id.outcome == QualifierOutcome::kMatch) {
      record("identifier", id, towards_one(o.identifier_match_boost));
    } else {
      const double p = id.unique ? o.unique_identifier_conflict_penalty : o.identifier_conflict_penalty;
      record("identifier", id, s * (1.0 - p));
    }
  }
  if (Step d = compare_date_lists(query.birth_dates, listed.birth_dates); d.outcome != QualifierOutcome::kUnknown) {
    double after = s;
    if (d.outcome == QualifierOutcome::kMatch) after = towards_one(o.date_match_boost);
    if (d.outcome == QualifierOutcome::kCompatible) after = towards_one(o.date_compatible_boost);
    if (d.outcome == QualifierOutcome::kConflict) after = s * (1.0 - o.date_conflict_penalty);
    record("birth_date", d, after);
  }
  if (Step c = compare_countries(query.countries, listed.countries); c.outcome != QualifierOutcome::kUnknown) {
    record("country", c,
           c.outcome == QualifierOutcome::kMatch ? towards_one(o.country_match_boost)
                                                 : s * (1.0 - o.country_conflict_penalty));
  }
  const std::string qg = lower_trim(query.gender), lg = lower_trim(listed.gender);
  if (!qg.empty() && !lg.empty()) {
    const bool same = qg == lg;
    record("gender", {same ? QualifierOutcome::kMatch : QualifierOutcome::kConflict, qg + " vs " + lg, false},
           same ? s : s * (1.0 - o.gender_conflict_penalty));
  }
  hit.score = std::clamp(s, 0.0, 1.0);
  return hit;
}

double least_name_score(double threshold, const Facts& query, const HitOptions& o) {
  // Each boost moves the score part of the way to 1: what is left to 1 shrinks by (1 - boost).
  double left = 1.0;
  if (!query.identifiers.empty()) left *= 1.0 - o.identifier_match_boost;
  if (!query.birth_dates.empty()) left *= 1.0 - std::max(o.date_match_boost, o.date_compatible_boost);
  if (!query.countries.empty()) left *= 1.0 - o.country_match_boost;
  return std::max(0.0, 1.0 - (1.0 - threshold) / left);
}

}  // namespace sekisho::match
