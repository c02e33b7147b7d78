#include <optional>
#include <unordered_map>

#include "core/strings.hpp"
#include "io/csv_reader.hpp"
#include "io/utf8.hpp"
#include "sekisho/screen.hpp"
#include "sekisho/text.hpp"

namespace sekisho {

Status check_query_name(std::string_view name) {
  name = trim(name);
  if (name.empty()) return invalid_argument("empty name");
  if (find_invalid_utf8(name) != std::string_view::npos) return invalid_argument("name is not valid UTF-8");
  if (name.size() > text::kMaxNameBytes) {
    return invalid_argument("name is " + std::to_string(name.size()) + " bytes long; at most " +
                            std::to_string(text::kMaxNameBytes) + " are screened");
  }
  if (text::bounded_name(name).size() < name.size()) {
    return invalid_argument("name has more than " + std::to_string(text::kMaxNameWords) + " words; at most " +
                            std::to_string(text::kMaxNameWords) + " are screened");
  }
  return Status::ok_status();
}

Result<ScreenQuery> make_query(std::string_view name, std::string_view schema, std::string_view birth_date,
                               std::string_view country, std::string_view id_number, std::string_view gender) {
  ScreenQuery q;
  q.name = std::string(trim(name));
  SEKISHO_RETURN_IF_ERROR(check_query_name(q.name));
  if (!trim(schema).empty()) {
    SEKISHO_ASSIGN_OR_RETURN(q.schema, parse_schema(trim(schema)));
  }
  if (!trim(birth_date).empty()) {
    DateSpec d = parse_date_loose(trim(birth_date));
    if (d.empty()) return invalid_argument("birth_date '" + std::string(birth_date) + "' is not a date");
    q.birth_dates.push_back(std::move(d));
  }
  for (const std::string& c : split_trimmed(country, ";")) q.countries.push_back(c);
  for (const std::string& id : split_trimmed(id_number, ";")) q.identifiers.push_back({"other", id, "", ""});
  std::string g = to_lower_ascii(trim(gender));
  if (g == "m" || g == "male")
    q.gender = "male";
  else if (g == "f" || g == "female")
    q.gender = "female";
  // FollowTheMoney's third value: a customer like any other, screened without a gender to compare.
  else if (g == "other" || g == "o")
    q.gender.clear();
  else if (!g.empty())
    return invalid_argument("gender '" + std::string(gender) + "' is not male, female or other");
  return q;
}

Result<DateOrder> parse_date_order(std::string_view text) {
  if (text == "dmy") return DateOrder::kDayMonthYear;
  if (text == "mdy") return DateOrder::kMonthDayYear;
  if (text == "ymd") return DateOrder::kYearMonthDay;
  return invalid_argument("date order must be dmy, mdy or ymd, not '" + std::string(text) + "'");
}

namespace {

// The two leading fields of a date written N/N/YYYY (any of . / - or space between):
// the one shape whose meaning depends on the writer's habit.
std::optional<std::pair<int, int>> day_or_month_first(std::string_view s) {
  auto digits = [&](size_t& i, size_t min, size_t max) -> std::optional<int> {
    size_t start = i;
    while (i < s.size() && i - start < max && s[i] >= '0' && s[i] <= '9') ++i;
    if (i - start < min || (i < s.size() && s[i] >= '0' && s[i] <= '9')) return std::nullopt;
    return std::stoi(std::string(s.substr(start, i - start)));
  };
  auto separator = [&](size_t& i) {
    if (i < s.size() && std::string_view("./- ").find(s[i]) != std::string_view::npos) return ++i, true;
    return false;
  };
  size_t i = 0;
  auto a = digits(i, 1, 2);
  if (!a || !separator(i)) return std::nullopt;
  auto b = digits(i, 1, 2);
  if (!b || !separator(i)) return std::nullopt;
  if (!digits(i, 4, 4) || i != s.size()) return std::nullopt;
  return std::make_pair(*a, *b);
}

// A batch's birth date read under its stated order; an error names what is wrong with the value.
Result<DateSpec> read_birth_date(std::string_view text, DateOrder order) {
  std::string quoted = "'" + std::string(text) + "'";
  bool month_first = order == DateOrder::kMonthDayYear;
  if (auto pair = day_or_month_first(text)) {
    auto [a, b] = *pair;
    switch (order) {
      case DateOrder::kUnstated:
        if (a <= 12 && b <= 12 && a != b) {
          return invalid_argument(quoted + " could be day/month or month/day; state --date-order dmy or mdy");
        }
        break;
      case DateOrder::kDayMonthYear:
        if (b > 12) return invalid_argument(quoted + " is not day/month/year (--date-order dmy)");
        break;
      case DateOrder::kMonthDayYear:
        if (a > 12) return invalid_argument(quoted + " is not month/day/year (--date-order mdy)");
        break;
      case DateOrder::kYearMonthDay:
        return invalid_argument(quoted + " is not year/month/day (--date-order ymd)");
    }
  }
  DateSpec d = parse_date_loose(text, month_first);
  if (d.empty()) return invalid_argument(quoted + " is not a date");
  return d;
}

// Every ';'-separated country must be one sekisho knows: an unknown one would
// silently weigh nothing in the score.
Status check_countries(std::string_view field) {
  for (const std::string& c : split_trimmed(field, ";")) {
    if (text::country_code(c).empty()) {
      return invalid_argument("'" + c + "' is not a country code or name sekisho knows (ISO 3166 codes: RU, JP, …)");
    }
  }
  return Status::ok_status();
}

}  // namespace

Result<std::vector<QueryRow>> read_query_rows(std::string_view csv_text, std::string_view file_name,
                                              const QueryRowOptions& options) {
  if (csv_text.substr(0, 3) == "\xEF\xBB\xBF") csv_text.remove_prefix(3);
  // Invalid UTF-8 is judged per row below, so the reader must not reject the file for it.
  SEKISHO_ASSIGN_OR_RETURN(std::vector<CsvRecord> records, read_csv(csv_text, file_name));
  if (records.empty()) return parse_error(std::string(file_name) + ": empty input, expected a header id,name,…");
  std::unordered_map<std::string, size_t> col;
  for (size_t i = 0; i < records[0].fields.size(); ++i) col[to_lower_ascii(trim(records[0].fields[i]))] = i;
  for (const char* required : {"id", "name"}) {
    if (!col.count(required)) {
      return parse_error(std::string(file_name) + ":1: header has no '" + required +
                         "' column (required: id,name; optional: schema,birth_date,country,id_number,gender)");
    }
  }
  auto field = [&](const CsvRecord& r, const char* name) -> std::string_view {
    auto it = col.find(name);
    if (it == col.end() || it->second >= r.fields.size()) return {};
    return r.fields[it->second];
  };
  std::vector<QueryRow> rows;
  rows.reserve(records.size() - 1);
  for (size_t i = 1; i < records.size(); ++i) {
    const CsvRecord& r = records[i];
    QueryRow row;
    row.line = r.line;
    row.id = std::string(trim(field(r, "id")));
    std::string where = std::string(file_name) + ":" + std::to_string(r.line);
    if (r.fields.size() != records[0].fields.size()) {
      row.error = where + ": expected " + std::to_string(records[0].fields.size()) + " fields, found " +
                  std::to_string(r.fields.size());
    } else if (row.id.empty()) {
      row.error = where + ": empty id";
    } else {
      std::string_view birth_text = trim(field(r, "birth_date"));
      Result<DateSpec> birth =
          birth_text.empty() ? Result<DateSpec>(DateSpec{}) : read_birth_date(birth_text, options.date_order);
      Status countries = check_countries(field(r, "country"));
      auto q = make_query(field(r, "name"), field(r, "schema"), "", field(r, "country"), field(r, "id_number"),
                          field(r, "gender"));
      if (!q.ok()) {
        row.error = where + ": " + q.status().message();
      } else if (!birth.ok()) {
        row.error = where + ": field birth_date: " + birth.status().message();
      } else if (!countries.ok()) {
        row.error = where + ": field country: " + countries.message();
      } else {
        row.query = std::move(q).value();
        if (!birth->empty()) row.query.birth_dates.push_back(std::move(birth).value());
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace sekisho
