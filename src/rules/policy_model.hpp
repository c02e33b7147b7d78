// The compiled policy: every name resolved to an index, every country set a
// bitset, every date a day number. Built once by the loader (policy_load_*.cpp),
// then read-only; decide.cpp and predicate.cpp evaluate against it.
#pragma once

#include <array>
#include <bitset>
#include <climits>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "rules/country.hpp"
#include "sekisho/rules.hpp"

namespace sekisho::rules {

constexpr size_t kMaxTags = 256;   // item tags over all control lists
constexpr size_t kMaxFlags = 128;  // declared hop flags and undertaking terms
using TagSet = std::bitset<kMaxTags>;
using FlagSet = std::bitset<kMaxFlags>;
constexpr int32_t kDayMin = INT32_MIN;
constexpr int32_t kDayMax = INT32_MAX;

struct SourceRef {
  std::string file;
  int line = 0;
};

struct DatedMember {
  int country = -1;
  int32_t from = kDayMin, to = kDayMax;  // inclusive bounds
};

struct CountryGroup {
  std::string id, cite;
  bool verify = false;
  CountrySet ever;  // fast reject: countries with any membership interval
  std::vector<DatedMember> members;
  bool contains(int country, int32_t day) const {
    if (country < 0 || !ever.test(static_cast<size_t>(country))) return false;
    for (const DatedMember& m : members) {
      if (m.country == country && m.from <= day && day <= m.to) return true;
    }
    return false;
  }
};

// A country or a group, as written in a predicate's list.
struct CountryRef {
  int group = -1;
  int country = -1;
};

struct ControlEntry {
  std::string code, title;
  TagSet tags;
  uint32_t chart_reasons = 0;  // bits = columns of the list's chart
  // Value limits of licence exceptions for this code, e.g. {LVS: 1500}: the
  // ECCN's "LVS: $1500" (15 CFR 740.3(a)). No entry: the exception is N/A.
  std::map<std::string, double> value_limits;
};

struct ControlList {
  std::string id, scheme, cite, version;
  int chart = -1;
  // true (`when_absent: unknown`): an item that states no code in this scheme
  // has unknown status for every tag the list defines. For schemes the
  // jurisdiction's main classification does not settle (JP Appended Table 2-3,
  // the EU Russia annexes): silence must not read as "not listed".
  bool absent_is_unknown = false;
  TagSet defines;  // every tag some entry carries
  std::unordered_map<std::string, ControlEntry> entries;
};

struct CountryChart {
  std::string id, cite;
  std::vector<std::string> columns;
  std::array<uint32_t, kCountrySlots> cells{};  // bit c set = "X" in column c
  CountrySet has_row;                           // a missing row is a data gap, not "no X"
};

enum class DesignationType : uint8_t {
  kEmbargo = 0,
  kUnscPartyToConflict,    // UNSC measures after an armed attack (JP Principle 1(3))
  kActiveCombatJudgement,  // a government's own judgement; blocks consent (JP 2023 guidelines)
  kAggressionVictim,       // a government's judgement enabling non-lethal aid (JP 2023 guidelines)
};
inline constexpr std::string_view kDesignationTypeNames[] = {"EMBARGO", "UNSC_PARTY_TO_CONFLICT",
                                                             "ACTIVE_COMBAT_JUDGEMENT", "AGGRESSION_VICTIM"};

struct Designation {
  std::string id, holder, cite;
  bool verify = false;
  DesignationType type = DesignationType::kEmbargo;
  int country = -1;
  int32_t from = kDayMin, to = kDayMax;
  bool scoped = false;  // when true, applies only to items carrying a tag of `scope`
  TagSet scope;
};

// A sanction programme as rules compare it: "[npwmd]" and "NPWMD" are one.
inline std::string normalize_program(std::string_view program) {
  std::string out;
  for (char c : program) {
    if (c == '[' || c == ']' || c == ' ') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

struct PartyList {
  std::string id, holder, effect, cite;
  // Minimum score of a hit. Unset: a stated hit needs the matcher's default
  // threshold, a screened hit the threshold the screener was run with.
  std::optional<double> threshold;
  std::vector<std::string> aliases;  // store list ids whose hits count as this list
  std::string unscreened_note;       // trace note when screening did not cover the list
};

enum class HopKind : uint8_t { kAny, kFirst, kOnward };
enum class LicensorIs : uint8_t { kNone, kTo, kFrom };

struct DesignationRef {
  DesignationType type;
  std::string holder;  // "" = any holder
};

// A conjunction of conditions over the item, the hop and the evidence.
// Each field left empty does not constrain. See docs/policy-schema.md.
struct Predicate {
  std::string label;  // `case`: the name of an exception, for the trace
  HopKind hop = HopKind::kAny;
  // false: the to_* tests look at this hop's recipient. true (`recipients:
  // downstream`): they hold when this hop's recipient or any later one
  // (every later hop's recipient, then the stated end user) meets them —
  // "directly or indirectly", "destined for".
  bool downstream = false;
  std::vector<CountryRef> from_in, from_not_in, to_in, to_not_in, origin_in;
  std::vector<DesignationRef> to_designated;
  std::vector<int> to_listed, from_listed;  // party-list indexes
  // With to_listed / from_listed: only a hit designated under one of these
  // programmes counts (15 CFR 744.8 names EO 13382 designations, [NPWMD]);
  // upper case, without brackets.
  std::vector<std::string> listed_programs;
  std::vector<std::string> to_kind;
  TagSet tags_any, tags_none;
  bool has_tags_any = false;
  std::optional<bool> lethal;
  LicensorIs licensor = LicensorIs::kNone;
  int chart = -1;
  std::optional<double> us_content_gt, value_jpy_le;
  // `value_usd_within: LVS`: the item's value_usd is at most the limit its
  // codes give this exception (false when no code gives one: N/A).
  std::string value_usd_within;
  // `chart_hit_within: [NS2]`, with chart_hit: every column that puts an X
  // for the destination is one of these (GBS covers NS2 only, 740.4).
  uint32_t chart_hit_within = 0;
  bool has_chart_hit_within = false;
  FlagSet flags_any, flags_none;
  bool has_flags_any = false;
  std::optional<int32_t> on_or_after, before;
  FlagSet undertaking_terms;  // all of these terms given to the rule's jurisdiction for this hop
  bool has_undertaking = false;
  // An undertaking given by a party in one of these countries does not count:
  // a buyer in the prohibited destination cannot promise its way out of it.
  std::vector<CountryRef> undertaking_by_not_in;
};

struct Rule {
  std::string id, cite, appeal_path;
  SourceRef where;
  int jurisdiction = -1;
  Outcome then = Outcome::kLicenseRequired;
  bool authorization = false;  // true: lowers the rules in `authorises` to ALLOW
  std::vector<std::string> authorizes_ids;
  std::vector<int> authorizes;          // rule indexes
  std::vector<std::string> conditions;  // attached when an authorisation applies
  bool review_denial = false;           // LICENSE_REQUIRED reported as DENY unless licensed
  bool licence_clears = true;           // a licence on file for the hop lowers it to ALLOW
  bool verify = false;                  // `verify: true`: to be checked against the official text
  int32_t from = kDayMin, to = kDayMax;
  Predicate when;
  std::vector<Predicate> unless_any;  // the rule does not fire when any holds
};

struct ClaimRule {
  std::string id, cite;
  Predicate when;
};

struct Jurisdiction {
  std::string id, name, authority, law;
  std::vector<CountryRef> territory;
  std::string territory_text;  // "EU_MEMBER_STATES", worded once for the claim facts of every decision
  std::vector<int> schemes;    // control-list indexes an item needs a code in
  std::vector<ClaimRule> claims;
  std::vector<int> rules;           // restrictive rules, in file order
  std::vector<int> authorizations;  // authorisation rules, in file order
  std::string gap_rule_id;          // "<id>.DATA_GAP"
};

}  // namespace sekisho::rules

namespace sekisho::rules {

struct Policy::Impl {
  PolicyInfo info;
  std::vector<Jurisdiction> jurisdictions;
  std::vector<CountryGroup> groups;
  std::vector<ControlList> control_lists;
  std::vector<CountryChart> charts;
  std::vector<Designation> designations;
  std::vector<PartyList> party_lists;
  std::vector<Rule> rules;
  std::vector<std::string> tag_names;
  std::vector<std::string> flag_names;  // hop flags and undertaking terms share one vocabulary
  std::unordered_map<std::string, int> tag_index, flag_index, list_by_scheme, party_list_by_name;

  int find_jurisdiction(std::string_view id) const {
    for (size_t i = 0; i < jurisdictions.size(); ++i) {
      if (jurisdictions[i].id == id) return static_cast<int>(i);
    }
    return -1;
  }
};

}  // namespace sekisho::rules
