#include "screen/entity_groups.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "core/strings.hpp"
#include "sekisho/text.hpp"
#include "text/normalize.hpp"

namespace sekisho {

namespace {

constexpr const char* kStrongIdentifierTypes[] = {"passport", "national_id", "tax_id",       "imo",
                                                  "mmsi",     "lei",         "registration", "swift_bic"};
constexpr size_t kMinIdentifierLength = 5;

bool is_strong_type(const std::string& type) {
  for (const char* t : kStrongIdentifierTypes) {
    if (type == t) return true;
  }
  return false;
}

std::string identifier_key(const Identifier& id) {
  std::string value;
  for (char c : id.value) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      value += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (value.size() < kMinIdentifierLength) return "";
  return id.type + ":" + value;
}

std::set<std::string> iso_countries(const Entity& e) {
  std::set<std::string> out;
  for (const auto* values : {&e.nationalities, &e.countries}) {
    for (const std::string& v : *values) {
      std::string code = text::country_code(v);
      if (!code.empty()) out.insert(std::move(code));
    }
  }
  return out;
}

// Equal at the precision both state: 1960 agrees with 1960-05-17, 1960-04 does not.
bool dates_agree(const PartialDate& a, const PartialDate& b) {
  if (a.year != b.year) return false;
  if (a.month && b.month && a.month != b.month) return false;
  return !(a.day && b.day && a.day != b.day);
}

bool has_date(const Entity& e) {
  return std::any_of(e.birth_dates.begin(), e.birth_dates.end(), [](const DateSpec& d) { return !d.empty(); });
}

// -1: they disagree; 0: nothing to compare; 1: they agree.
int compare_dates(const Entity& a, const Entity& b) {
  if (!has_date(a) || !has_date(b)) return 0;
  for (const DateSpec& x : a.birth_dates) {
    for (const DateSpec& y : b.birth_dates) {
      if (!x.empty() && !y.empty() && dates_agree(x.date, y.date)) return 1;
    }
  }
  return -1;
}

int compare_countries(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  for (const std::string& c : a) {
    if (b.count(c)) return 1;
  }
  return -1;
}

bool identifier_countries_agree(const Identifier& a, const Identifier& b) {
  if (a.country.empty() || b.country.empty()) return true;
  std::string ca = text::country_code(a.country), cb = text::country_code(b.country);
  return ca.empty() || cb.empty() || ca == cb;
}

// Union-find whose sets remember their lists, so no set takes two entities of one list.
class Groups {
 public:
  explicit Groups(const std::vector<GroupMember>& members) : parent_(members.size()), lists_(members.size()) {
    std::iota(parent_.begin(), parent_.end(), 0);
    for (size_t i = 0; i < members.size(); ++i) lists_[i] = {members[i].list};
  }
  size_t root(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void join(size_t a, size_t b) {
    a = root(a);
    b = root(b);
    if (a == b) return;
    for (uint32_t l : lists_[b]) {
      if (lists_[a].count(l)) return;
    }
    if (a > b) std::swap(a, b);
    parent_[b] = a;
    lists_[a].insert(lists_[b].begin(), lists_[b].end());
    lists_[b].clear();
  }

 private:
  std::vector<size_t> parent_;
  std::vector<std::set<uint32_t>> lists_;
};

}  // namespace

std::string group_name_key(const Entity& e) {
  const Name* primary = e.primary_name();
  if (primary == nullptr) return "";
  std::vector<std::string> words = split_trimmed(text::normalize(primary->full).text(), " ");
  std::sort(words.begin(), words.end());
  return join(words, " ");
}

std::vector<std::vector<size_t>> group_entities(const std::vector<GroupMember>& members) {
  Groups groups(members);
  // Rule 1: a strong identifier shared.
  std::unordered_map<std::string, std::vector<std::pair<size_t, const Identifier*>>> by_identifier;
  for (size_t i = 0; i < members.size(); ++i) {
    for (const Identifier& id : members[i].entity->identifiers) {
      if (!is_strong_type(id.type)) continue;
      std::string key = identifier_key(id);
      if (!key.empty()) by_identifier[key].push_back({i, &id});
    }
  }
  for (const auto& [key, holders] : by_identifier) {
    for (size_t x = 0; x < holders.size(); ++x) {
      for (size_t y = x + 1; y < holders.size(); ++y) {
        const auto& [i, a] = holders[x];
        const auto& [j, b] = holders[y];
        if (members[i].list == members[j].list) continue;
        if (!schema_compatible(members[i].entity->schema, members[j].entity->schema)) continue;
        if (identifier_countries_agree(*a, *b)) groups.join(i, j);
      }
    }
  }
  // Rule 2: the same name, and agreement on birth date or country with no disagreement.
  std::unordered_map<std::string, std::vector<size_t>> by_name;
  for (size_t i = 0; i < members.size(); ++i) {
    std::string key = group_name_key(*members[i].entity);
    if (!key.empty()) by_name[key].push_back(i);
  }
  std::vector<std::set<std::string>> countries(members.size());
  for (const auto& [key, holders] : by_name) {
    if (holders.size() < 2) continue;
    for (size_t i : holders) countries[i] = iso_countries(*members[i].entity);
    for (size_t x = 0; x < holders.size(); ++x) {
      for (size_t y = x + 1; y < holders.size(); ++y) {
        size_t i = holders[x], j = holders[y];
        const Entity& a = *members[i].entity;
        const Entity& b = *members[j].entity;
        if (members[i].list == members[j].list || !schema_compatible(a.schema, b.schema)) continue;
        int dates = compare_dates(a, b);
        int places = compare_countries(countries[i], countries[j]);
        if (dates >= 0 && places >= 0 && dates + places > 0) groups.join(i, j);
      }
    }
  }
  std::map<size_t, std::vector<size_t>> by_root;
  for (size_t i = 0; i < members.size(); ++i) by_root[groups.root(i)].push_back(i);
  std::vector<std::vector<size_t>> out;
  for (auto& [root, group] : by_root) {
    if (group.size() > 1) out.push_back(std::move(group));
  }
  return out;
}

}  // namespace sekisho
