// The table-driven romanisation engine (the iuliia rule model: ending, previous letter, next
// letter, plain letter) and the loader for iuliia JSON scheme files.
#include <unicode/uchar.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sekisho/text.hpp"
#include "text/icu_util.hpp"
#include "text/text_internal.hpp"
#include "text/translit_table.hpp"

namespace sekisho::text {

namespace {

constexpr uint64_t pack(char32_t a, char32_t b) { return (static_cast<uint64_t>(a) << 32) | static_cast<uint64_t>(b); }

char32_t lower(char32_t cp) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))); }

bool is_word_char(char32_t cp) {
  return u_isalnum(static_cast<UChar32>(cp)) || u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK;
}

// Packs a rule key of one or two letters; `single_first` says where a lone letter goes:
// prev keys put "no letter" first (word start), next keys put it second (word end).
bool pack_key(std::string_view key, bool single_first, uint64_t& out) {
  std::u32string k = detail::to_u32(key);
  for (char32_t& c : k) c = lower(c);
  if (k.size() == 1) {
    out = single_first ? pack(0, k[0]) : pack(k[0], 0);
    return true;
  }
  if (k.size() == 2) {
    out = pack(k[0], k[1]);
    return true;
  }
  return false;
}

const std::string* find(const std::unordered_map<uint64_t, std::string>& m, uint64_t key) {
  auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

}  // namespace

TranslitTable TranslitTable::Impl::build(const Rules& rules) {
  auto im = std::make_unique<Impl>();
  im->name = std::string(rules.name);
  uint64_t key = 0;
  for (const auto& r : rules.mapping) {
    if (pack_key(r.key, true, key)) im->mapping[key] = std::string(r.value);
  }
  for (const auto& r : rules.prev) {
    if (pack_key(r.key, true, key)) im->prev[key] = std::string(r.value);
  }
  for (const auto& r : rules.next) {
    if (pack_key(r.key, false, key)) im->next[key] = std::string(r.value);
  }
  for (const auto& r : rules.ending) {
    if (pack_key(r.key, true, key)) im->ending[key] = std::string(r.value);
  }
  return TranslitTable(std::move(im));
}

TranslitTable::TranslitTable(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TranslitTable::TranslitTable(const TranslitTable& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
TranslitTable::TranslitTable(TranslitTable&& other) noexcept = default;
TranslitTable& TranslitTable::operator=(const TranslitTable& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}
TranslitTable& TranslitTable::operator=(TranslitTable&& other) noexcept = default;
TranslitTable::~TranslitTable() = default;

const std::string& TranslitTable::name() const { return impl_->name; }
const std::vector<TranslitTable::Sample>& TranslitTable::samples() const { return impl_->samples; }

std::string TranslitTable::apply(std::string_view text) const {
  const Impl& im = *impl_;
  std::u32string s = detail::to_u32(text);
  for (char32_t& c : s) c = lower(c);
  std::string out;
  out.reserve(text.size() + 8);

  auto translate_letters = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      char32_t prev = i > begin ? s[i - 1] : 0;
      char32_t next = i + 1 < end ? s[i + 1] : 0;
      const std::string* hit = find(im.prev, pack(prev, s[i]));
      if (hit == nullptr) hit = find(im.next, pack(s[i], next));
      if (hit == nullptr) hit = find(im.mapping, pack(0, s[i]));
      if (hit != nullptr) {
        out += *hit;
      } else {
        detail::append_utf8(out, s[i]);
      }
    }
  };

  size_t i = 0;
  while (i < s.size()) {
    if (!is_word_char(s[i])) {
      detail::append_utf8(out, s[i]);
      ++i;
      continue;
    }
    size_t end = i;
    while (end < s.size() && is_word_char(s[end])) ++end;
    const std::string* ending = nullptr;
    if (end - i > 2) ending = find(im.ending, pack(s[end - 2], s[end - 1]));
    if (ending != nullptr && !ending->empty()) {
      translate_letters(i, end - 2);
      out += *ending;
    } else {
      translate_letters(i, end);
    }
    i = end;
  }
  return out;
}

Result<TranslitTable> TranslitTable::load_iuliia_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return io_error("cannot open iuliia scheme " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  nlohmann::json doc = nlohmann::json::parse(buffer.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return parse_error(path + ": not a JSON object (iuliia scheme expected)");
  }
  auto field_error = [&](std::string_view field, std::string_view what) {
    return parse_error(path + ": field '" + std::string(field) + "': " + std::string(what));
  };
  if (!doc.contains("name") || !doc["name"].is_string()) return field_error("name", "missing or not a string");
  if (!doc.contains("mapping") || !doc["mapping"].is_object()) {
    return field_error("mapping", "missing or not an object");
  }

  // Owned copies first, views for the builder after (the builder copies again).
  using Owned = std::vector<std::pair<std::string, std::string>>;
  auto read_rules = [&](const char* field, Owned& dest, size_t max_key_letters) -> Status {
    if (!doc.contains(field) || doc[field].is_null()) return Status::ok_status();
    if (!doc[field].is_object()) return field_error(field, "not an object or null");
    for (auto it = doc[field].begin(); it != doc[field].end(); ++it) {
      if (!it.value().is_string()) return field_error(field, "value of '" + it.key() + "' is not a string");
      size_t letters = detail::to_u32(it.key()).size();
      if (letters == 0 || letters > max_key_letters) {
        return field_error(field,
                           "key '" + it.key() + "' must have 1.." + std::to_string(max_key_letters) + " letters");
      }
      dest.emplace_back(it.key(), it.value().get<std::string>());
    }
    return Status::ok_status();
  };
  Owned mapping, prev, next, ending;
  SEKISHO_RETURN_IF_ERROR(read_rules("mapping", mapping, 1));
  SEKISHO_RETURN_IF_ERROR(read_rules("prev_mapping", prev, 2));
  SEKISHO_RETURN_IF_ERROR(read_rules("next_mapping", next, 2));
  SEKISHO_RETURN_IF_ERROR(read_rules("ending_mapping", ending, 2));
  Impl::Rules rules;
  auto views = [](const Owned& owned, std::vector<Impl::Rule>& dest) {
    for (const auto& [k, v] : owned) dest.push_back({k, v});
  };
  views(mapping, rules.mapping);
  views(prev, rules.prev);
  views(next, rules.next);
  views(ending, rules.ending);
  std::string name = doc["name"].get<std::string>();
  rules.name = name;
  TranslitTable table = Impl::build(rules);

  if (doc.contains("samples")) {
    if (!doc["samples"].is_array()) return field_error("samples", "not an array");
    size_t index = 0;
    for (const auto& pair : doc["samples"]) {
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
        return field_error("samples", "entry " + std::to_string(index) + " is not a [source, result] pair");
      }
      table.impl_->samples.push_back({pair[0].get<std::string>(), pair[1].get<std::string>()});
      ++index;
    }
  }
  return table;
}

Result<std::vector<TranslitTable>> load_iuliia_dir(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return not_found("iuliia directory not found: " + dir);
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  if (ec) return io_error("cannot list " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<TranslitTable> tables;
  for (const auto& f : files) {
    SEKISHO_ASSIGN_OR_RETURN(TranslitTable t, TranslitTable::load_iuliia_file(f));
    tables.push_back(std::move(t));
  }
  return tables;
}

}  // namespace sekisho::text
