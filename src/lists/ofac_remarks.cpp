#include "lists/ofac_remarks.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "core/strings.hpp"

namespace sekisho {

namespace {

enum class Fact : uint8_t {
  kBirthDate,  // DOB; also founding / build dates (the model keeps them in birth_dates)
  kBirthPlace,
  kNationality,
  kCountry,  // citizenship, registration nationality, vessel flag
  kGender,
  kIdentifier,
};

struct Label {
  std::string_view text;  // as OFAC writes it (matched case-insensitively)
  Fact fact;
  std::string_view id_type;  // for kIdentifier: Identifier::type
};

// The labels OFAC uses both in legacy Remarks and as SDN.XML idType (see
// dat_spec.txt and the real files). Longer labels first where one is a prefix
// of another ("Nationality of Registration" before "nationality").
constexpr std::array kLabels = {
    Label{"Nationality of Registration", Fact::kCountry, ""},
    Label{"nationality", Fact::kNationality, ""},
    Label{"citizen", Fact::kCountry, ""},
    Label{"DOB", Fact::kBirthDate, ""},
    Label{"POB", Fact::kBirthPlace, ""},
    Label{"Gender", Fact::kGender, ""},
    Label{"Organization Established Date", Fact::kBirthDate, ""},
    Label{"Aircraft Manufacture Date", Fact::kBirthDate, ""},
    Label{"Vessel Year of Build", Fact::kBirthDate, ""},
    Label{"Vessel Flag", Fact::kCountry, ""},
    Label{"Diplomatic Passport", Fact::kIdentifier, "passport"},
    Label{"Passport", Fact::kIdentifier, "passport"},
    Label{"Travel Document Number", Fact::kIdentifier, "passport"},
    Label{"National ID No.", Fact::kIdentifier, "national_id"},
    Label{"National Foreign ID Number", Fact::kIdentifier, "national_id"},
    Label{"Identification Number", Fact::kIdentifier, "national_id"},
    Label{"Cedula No.", Fact::kIdentifier, "national_id"},
    Label{"C.U.R.P. #", Fact::kIdentifier, "national_id"},
    Label{"C.U.R.P.", Fact::kIdentifier, "national_id"},
    Label{"C.U.I.P.", Fact::kIdentifier, "national_id"},
    Label{"D.N.I.", Fact::kIdentifier, "national_id"},
    Label{"SSN", Fact::kIdentifier, "national_id"},
    Label{"Personal ID Card", Fact::kIdentifier, "national_id"},
    Label{"Citizen's Card Number", Fact::kIdentifier, "national_id"},
    Label{"Kenyan ID No.", Fact::kIdentifier, "national_id"},
    Label{"Turkish Identification Number", Fact::kIdentifier, "national_id"},
    Label{"Numero de Identidad", Fact::kIdentifier, "national_id"},
    Label{"Electoral Registry No.", Fact::kIdentifier, "national_id"},
    Label{"Credencial electoral", Fact::kIdentifier, "national_id"},
    Label{"I.F.E.", Fact::kIdentifier, "national_id"},
    Label{"Residency Number", Fact::kIdentifier, "national_id"},
    Label{"Birth Certificate Number", Fact::kIdentifier, "national_id"},
    Label{"Italian Fiscal Code", Fact::kIdentifier, "tax_id"},
    Label{"Tax ID No.", Fact::kIdentifier, "tax_id"},
    Label{"NIT #", Fact::kIdentifier, "tax_id"},
    Label{"RUC #", Fact::kIdentifier, "tax_id"},
    Label{"R.F.C.", Fact::kIdentifier, "tax_id"},
    Label{"RFC", Fact::kIdentifier, "tax_id"},
    Label{"RIF #", Fact::kIdentifier, "tax_id"},
    Label{"RTN", Fact::kIdentifier, "tax_id"},
    Label{"C.U.I.T.", Fact::kIdentifier, "tax_id"},
    Label{"V.A.T. Number", Fact::kIdentifier, "tax_id"},
    Label{"US FEIN", Fact::kIdentifier, "tax_id"},
    Label{"Vessel Registration Identification", Fact::kIdentifier, "imo"},
    Label{"MMSI", Fact::kIdentifier, "mmsi"},
    Label{"Call Sign", Fact::kIdentifier, "call_sign"},
    Label{"Legal Entity Number", Fact::kIdentifier, "lei"},
    Label{"SWIFT/BIC", Fact::kIdentifier, "swift_bic"},
    Label{"Registration ID", Fact::kIdentifier, "registration"},
    Label{"Registration Number", Fact::kIdentifier, "registration"},
    Label{"Public Registration Number", Fact::kIdentifier, "registration"},
    Label{"Business Registration Document #", Fact::kIdentifier, "registration"},
    Label{"Business Registration Number", Fact::kIdentifier, "registration"},
    Label{"UK Company Number", Fact::kIdentifier, "registration"},
    Label{"Company Number", Fact::kIdentifier, "registration"},
    Label{"Commercial Registry Number", Fact::kIdentifier, "registration"},
    Label{"C.R. No.", Fact::kIdentifier, "registration"},
    Label{"Matricula Mercantil No", Fact::kIdentifier, "registration"},
    Label{"Folio Mercantil No.", Fact::kIdentifier, "registration"},
    Label{"Trade License No.", Fact::kIdentifier, "registration"},
    Label{"Unified Social Credit Code (USCC)", Fact::kIdentifier, "registration"},
    Label{"Government Gazette Number", Fact::kIdentifier, "registration"},
    Label{"Chamber of Commerce Number", Fact::kIdentifier, "registration"},
    Label{"Certificate of Incorporation Number", Fact::kIdentifier, "registration"},
    Label{"Enterprise Number", Fact::kIdentifier, "registration"},
    Label{"Registered Charity No.", Fact::kIdentifier, "registration"},
    Label{"Dubai Chamber of Commerce Membership No.", Fact::kIdentifier, "registration"},
    Label{"Aircraft Tail Number", Fact::kIdentifier, "registration"},
    Label{"Aircraft Manufacturer's Serial Number (MSN)", Fact::kIdentifier, "other"},
    Label{"Aircraft Construction Number (also called L/N or S/N or F/N)", Fact::kIdentifier, "other"},
    Label{"D-U-N-S Number", Fact::kIdentifier, "other"},
    Label{"Driver's License No.", Fact::kIdentifier, "other"},
    Label{"BIK (RU)", Fact::kIdentifier, "other"},
    Label{"ISIN", Fact::kIdentifier, "other"},
    Label{"Equity Ticker", Fact::kIdentifier, "other"},
    // Contact details have FollowTheMoney properties of their own (website, email, phone).
    Label{"Website", Fact::kIdentifier, "website"},
    Label{"Email Address", Fact::kIdentifier, "email"},
    Label{"Phone Number", Fact::kIdentifier, "phone"},
    Label{"Telephone", Fact::kIdentifier, "phone"},
    Label{"Digital Currency Address", Fact::kIdentifier, "other"},
};

// The label of `text` when it starts with one, matched case-insensitively and
// ending at a word boundary ("citizen Mexico" but not "Citizen's Card").
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool has_prefix_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (lower(s[i]) != lower(prefix[i])) return false;
  }
  return true;
}

const Label* match_label(std::string_view text) {
  if (text.empty()) return nullptr;
  const Label* best = nullptr;
  const char first = lower(text[0]);
  for (const Label& l : kLabels) {
    // This runs for every fact of every Remarks field: check one byte before comparing more.
    if (lower(l.text[0]) != first || !has_prefix_ci(text, l.text)) continue;
    if (text.size() > l.text.size()) {
      char next = text[l.text.size()];
      bool label_ends_in_word = std::isalnum(static_cast<unsigned char>(l.text.back()));
      if (label_ends_in_word && next != ' ' && next != ':') continue;
    }
    if (!best || l.text.size() > best->text.size()) best = &l;
  }
  return best;
}

std::string_view strip_final_period(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  return trim(s);
}

// "717637093 (Russia) issued 2005" → value, country, rest.
void split_value_country(std::string_view text, std::string& value, std::string& country, std::string& rest) {
  size_t open = text.find(" (");
  size_t close = open == std::string_view::npos ? open : text.find(')', open);
  if (open == std::string_view::npos || close == std::string_view::npos) {
    value = std::string(trim(text));
    return;
  }
  value = std::string(trim(text.substr(0, open)));
  country = std::string(trim(text.substr(open + 2, close - open - 2)));
  rest = std::string(trim(text.substr(close + 1)));
}

void add_identifier(std::string_view label, std::string_view type, std::string value, std::string country,
                    std::string rest, Entity& e) {
  Identifier id;
  id.type = std::string(type);
  // OFAC writes vessel IMO numbers as "Vessel Registration Identification IMO 9187629".
  if (starts_with_ascii_ci(value, "IMO ") && (type == "imo" || type == "national_id")) {
    id.type = "imo";
    value = std::string(trim(std::string_view(value).substr(4)));
  }
  if (type == "other" && value.size() > 2 && value.compare(0, 2, "- ") == 0) value.erase(0, 2);
  id.value = std::move(value);
  id.country = std::move(country);
  // The note keeps the publisher's own label (NIT #, RUC #, Website …) and any trailing remark.
  id.note = std::string(label);
  if (!rest.empty()) id.note += "; " + rest;
  if (!id.value.empty()) e.identifiers.push_back(std::move(id));
}

void apply_fact(const Label& label, std::string_view label_text, std::string_view value, std::string_view country,
                Entity& e) {
  switch (label.fact) {
    case Fact::kBirthDate: {
      DateSpec d = parse_date_loose(value);
      if (d.empty()) {
        e.remarks.push_back(std::string(label_text) + " " + std::string(value));
      } else {
        e.birth_dates.push_back(std::move(d));
      }
      return;
    }
    case Fact::kBirthPlace:
      push_unique(e.birth_places, value);
      return;
    case Fact::kNationality:
      push_unique(e.nationalities, value);
      return;
    case Fact::kCountry:
      push_unique(e.countries, value);
      return;
    case Fact::kGender: {
      std::string g = to_lower_ascii(value);
      if (g == "male" || g == "female") {
        e.gender = g;
      } else {
        e.remarks.push_back(std::string(label_text) + " " + std::string(value));
      }
      return;
    }
    case Fact::kIdentifier: {
      std::string v, c, rest;
      if (country.empty()) {
        split_value_country(value, v, c, rest);
      } else {
        v = std::string(value);
        c = std::string(country);
      }
      add_identifier(label_text, label.id_type, std::move(v), std::move(c), std::move(rest), e);
      return;
    }
  }
}

// "a.k.a. 'BNC'" → a weak name; returns false when `segment` is not a quoted name.
bool apply_quoted_name(std::string_view segment, Entity& e) {
  NameKind kind;
  if (starts_with_ascii_ci(segment, "a.k.a.")) {
    kind = NameKind::kWeakAlias;
  } else if (starts_with_ascii_ci(segment, "f.k.a.")) {
    kind = NameKind::kFormerName;
  } else if (starts_with_ascii_ci(segment, "n.k.a.")) {
    kind = NameKind::kAlias;
  } else {
    return false;
  }
  size_t open = segment.find('\'');
  size_t close = segment.rfind('\'');
  if (open == std::string_view::npos || close <= open) return false;
  Name n;
  n.full = std::string(trim(segment.substr(open + 1, close - open - 1)));
  n.kind = kind;
  n.quality = "weak";
  if (e.schema == Schema::kPerson) split_ofac_person_name(n);
  e.add_name(std::move(n));
  return true;
}

// Splits on ";" outside parentheses: "(Linked To: X; Y)" stays one fact.
std::vector<std::string_view> split_facts(std::string_view s) {
  std::vector<std::string_view> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && depth > 0) --depth;
    if (s[i] == ';' && depth == 0) {
      out.push_back(trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  out.push_back(trim(s.substr(start)));
  return out;
}

}  // namespace

void push_unique(std::vector<std::string>& list, std::string_view value) {
  value = trim(value);
  if (value.empty()) return;
  if (std::find(list.begin(), list.end(), value) == list.end()) list.emplace_back(value);
}

void split_ofac_person_name(Name& name) {
  size_t comma = name.full.find(", ");
  if (comma == std::string::npos) return;
  name.last = std::string(trim(std::string_view(name.full).substr(0, comma)));
  name.first = std::string(trim(std::string_view(name.full).substr(comma + 2)));
}

void apply_ofac_feature(std::string_view label, std::string_view value, std::string_view country, Entity& entity) {
  label = trim(label);
  value = trim(value);
  country = trim(country);
  if (value.empty()) return;
  std::string_view bare = label;
  while (!bare.empty() && (bare.back() == ':' || bare.back() == '-' || bare.back() == ' ')) bare.remove_suffix(1);
  const Label* known = match_label(bare);
  if (known && known->text.size() == bare.size()) {
    apply_fact(*known, bare, value, country, entity);
    return;
  }
  std::string remark = std::string(label) + " " + std::string(value);
  if (!country.empty()) remark += " (" + std::string(country) + ")";
  entity.remarks.push_back(std::move(remark));
}

void apply_ofac_remarks(std::string_view remarks, Entity& entity) {
  for (std::string_view fact : split_facts(trim(remarks))) {
    if (fact.empty()) continue;
    std::string_view body = fact;
    if (starts_with_ascii_ci(body, "alt. ")) body = trim(body.substr(5));
    if (apply_quoted_name(body, entity)) continue;
    const Label* label = match_label(body);
    if (!label) {
      entity.remarks.emplace_back(fact);
      continue;
    }
    std::string_view value = body.substr(label->text.size());
    value = trim(value);
    if (!value.empty() && value.front() == ':') value = trim(value.substr(1));
    value = strip_final_period(value);  // the last fact ends the Remarks sentence
    if (value.empty()) {
      entity.remarks.emplace_back(fact);
      continue;
    }
    apply_fact(*label, body.substr(0, label->text.size()), value, "", entity);
  }
}

}  // namespace sekisho
