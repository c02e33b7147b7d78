#include "lists/value_bounds.hpp"

#include <fmt/format.h>

#include "sekisho/text.hpp"

namespace sekisho {

namespace {

// The start of a long value, cut at a character boundary, for a message.
std::string preview(std::string_view value) {
  constexpr size_t kPreview = 40;
  if (value.size() <= kPreview) return std::string(value);
  size_t cut = kPreview;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return std::string(value.substr(0, cut)) + "…";
}

size_t word_count(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char ch : s) {
    const bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

class Checker {
 public:
  Checker(const ParsedList& list, const Entity& e)
      : where_(fmt::format("{}: entity {}", list.files.size() == 1 ? list.files[0].path : list.format,
                           e.source_id.empty() ? e.id : e.source_id)) {}

  Status value(std::string_view field, std::string_view v, size_t limit = kMaxListedValueBytes) const {
    if (v.size() <= limit) return Status::ok_status();
    return parse_error(fmt::format("{}: field {} ('{}') is {} bytes; a listed value may hold at most {}", where_, field,
                                   preview(v), v.size(), limit));
  }
  Status values(std::string_view field, const std::vector<std::string>& vs) const {
    for (size_t i = 0; i < vs.size(); ++i) {
      SEKISHO_RETURN_IF_ERROR(value(fmt::format("{}[{}]", field, i), vs[i]));
    }
    return Status::ok_status();
  }
  const std::string& where() const { return where_; }

 private:
  std::string where_;
};

Status check_entity(const ParsedList& list, const Entity& e, std::vector<std::string>& warnings) {
  const Checker c(list, e);
  for (size_t i = 0; i < e.names.size(); ++i) {
    const std::string& full = e.names[i].full;
    SEKISHO_RETURN_IF_ERROR(c.value(fmt::format("names[{}]", i), full, kMaxListedNameBytes));
    const std::string_view screened = text::bounded_name(full);
    if (screened.size() < full.size()) {
      warnings.push_back(fmt::format(
          "{}: name '{}' ({} bytes) is over the screening bounds ({} words, {} bytes): it is stored whole and "
          "screened by its first {} words",
          c.where(), preview(full), full.size(), text::kMaxNameWords, text::kMaxNameBytes, word_count(screened)));
    }
  }
  for (size_t i = 0; i < e.addresses.size(); ++i) {
    SEKISHO_RETURN_IF_ERROR(c.value(fmt::format("addresses[{}]", i), e.addresses[i].full));
    SEKISHO_RETURN_IF_ERROR(c.value(fmt::format("addresses[{}].street", i), e.addresses[i].street));
  }
  for (size_t i = 0; i < e.identifiers.size(); ++i) {
    SEKISHO_RETURN_IF_ERROR(c.value(fmt::format("identifiers[{}]", i), e.identifiers[i].value));
  }
  SEKISHO_RETURN_IF_ERROR(c.values("remarks", e.remarks));
  SEKISHO_RETURN_IF_ERROR(c.values("programs", e.programs));
  SEKISHO_RETURN_IF_ERROR(c.values("birth_places", e.birth_places));
  SEKISHO_RETURN_IF_ERROR(c.values("countries", e.countries));
  SEKISHO_RETURN_IF_ERROR(c.values("nationalities", e.nationalities));
  return c.value("raw (the source record)", e.raw, kMaxRawRecordBytes);
}

}  // namespace

Status check_value_bounds(ParsedList& list) {
  std::vector<std::string> warnings;
  for (const Entity& e : list.entities) SEKISHO_RETURN_IF_ERROR(check_entity(list, e, warnings));
  if (warnings.size() > kMaxListedWarnings) {
    const size_t more = warnings.size() - kMaxListedWarnings;
    warnings.resize(kMaxListedWarnings);
    warnings.push_back(fmt::format("… and {} more names over the screening bounds", more));
  }
  for (std::string& w : warnings) list.warnings.push_back(std::move(w));
  return Status::ok_status();
}

}  // namespace sekisho
