// Where the text part's data comes from, and the small tables loaded from it: iuliia schemes,
// rigour legal forms and titles (YAML), each with a built-in fallback written for sekisho.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/strings.hpp"
#include "sekisho/text.hpp"
#include "text/icu_util.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text {

namespace {

TextResourcePaths g_paths;
std::atomic<bool> g_in_use{false};

// Legal forms written for sekisho (class vocabulary follows rigour's "generic" where it has one).
struct BuiltinForm {
  const char* alias;
  const char* form_class;
};
constexpr BuiltinForm kBuiltinForms[] = {
    {"llc", "LLC"},
    {"l l c", "LLC"},
    {"ooo", "LLC"},
    {"ооо", "LLC"},
    {"тов", "LLC"},
    {"общество с ограниченной ответственностью", "LLC"},
    {"gmbh", "LLC"},
    {"ltd", "LLC"},
    {"limited", "LLC"},
    {"ltda", "LLC"},
    {"inc", "LLC"},
    {"incorporated", "LLC"},
    {"有限責任会社", "LLC"},
    {"有限会社", "LLC"},
    {"合同会社", "LLC"},
    {"(有)", "LLC"},
    {"jsc", "JSC"},
    {"ojsc", "JSC"},
    {"cjsc", "JSC"},
    {"pjsc", "JSC"},
    {"ao", "JSC"},
    {"ао", "JSC"},
    {"оао", "JSC"},
    {"зао", "JSC"},
    {"пао", "JSC"},
    {"oao", "JSC"},
    {"zao", "JSC"},
    {"pao", "JSC"},
    {"акционерное общество", "JSC"},
    {"публичное акционерное общество", "JSC"},
    {"joint stock company", "JSC"},
    {"plc", "JSC"},
    {"ag", "JSC"},
    {"株式会社", "JSC"},
    {"(株)", "JSC"},
    {"kabushiki kaisha", "JSC"},
    {"kk", "JSC"},
    // Japanese renderings of Russian forms: ОАО, ЗАО/АО, ПАО.
    {"公開株式会社", "JSC"},
    {"非公開株式会社", "JSC"},
    {"公共株式会社", "JSC"},
    // The forms spelt in katakana, as bank accounts and kana-only forms write them.
    {"カブシキガイシャ", "JSC"},
    {"カブシキカイシャ", "JSC"},
    {"ユウゲンガイシャ", "LLC"},
    {"ユウゲンカイシャ", "LLC"},
    {"ゴウドウガイシャ", "LLC"},
    {"ゴウドウカイシャ", "LLC"},
    {"co", "CO"},
    {"company", "CO"},
    {"corp", "CORP"},
    {"corporation", "CORP"},
    {"公司", "CO"},
    {"有限公司", "LLC"},
    {"股份有限公司", "JSC"},
};

// English legal forms as Japanese lists write them in katakana, after the name as in English
// (コリア・ソンギ・トレーディング・カンパニー・リミテッド = ... Trading Company Limited). Each
// takes the class of its English spelling, so that the katakana name and the English one carry
// the same class instead of a token the other lacks. Written for sekisho.
struct KatakanaForm {
  const char* katakana;  // as normalize() writes it: one token per word, "・" a boundary
  const char* english;   // a spelling the table above or rigour knows
};
constexpr KatakanaForm kKatakanaForms[] = {
    {"カンパニー", "company"},
    {"コーポレーション", "corporation"},
    {"コーポレイション", "corporation"},
    {"コープ", "corp"},
    {"リミテッド", "limited"},
    {"リミティッド", "limited"},
    {"インク", "inc"},
    {"インコーポレイテッド", "incorporated"},
    {"インコーポレーテッド", "incorporated"},
    {"エルエルシー", "llc"},
    {"エル エル シー", "llc"},
    {"ピーエルシー", "plc"},
    {"ピー エル シー", "plc"},
    {"オー オー オー", "ooo"},
    {"エスエー", "sa"},
    {"エス エー", "sa"},
    {"ゲーエムベーハー", "gmbh"},
    {"プライベート リミテッド", "pte ltd"},
    {"ジョイント ベンチャー", "joint venture"},
};

// English wordings of a Russian form that rigour lists under another wording: НПП is a
// "scientific and production enterprise" there, and as often a "research and production
// enterprise" in the lists and in the second gloss of 学術生産企業. Each takes the class of
// the wording rigour knows (second).
// НПО, a "scientific production association", is written NPO in the lists' English ("NPO
// Splav JSC"), the acronym rigour knows; 学術生産公団 glosses as the words.
constexpr std::pair<const char*, const char*> kOtherEnglishWordings[] = {
    {"research and production enterprise", "scientific and production enterprise"},
    {"research production enterprise", "scientific and production enterprise"},
    {"scientific production association", "npo"},
    {"scientific and production association", "npo"},
    {"research and production association", "npo"},
    {"research production association", "npo"},
};

// data/person_titles.txt: titles and honorifics in the lists' languages, one a line.
constexpr std::string_view kPersonTitlesTable =
#include "data/person_titles.inc"
    ;

}  // namespace

namespace detail {

const TextResourcePaths& resource_paths() {
  g_in_use = true;
  return g_paths;
}

const std::string& shared_data_dir() { return resource_paths().shared_data; }

}  // namespace detail

namespace {

struct LegalFormTable {
  std::unordered_map<std::string, std::string> by_alias;         // normalised tokens joined by ' '
  std::vector<std::pair<std::string, std::string>> cjk_affixes;  // (affix, class), longest first
  std::vector<std::string> suffix_only;                          // aliases that are a legal form only after the name
  size_t max_tokens = 1;
  // First and last words of the aliases: a name whose edge word is neither
  // (most names) needs no lookup of the joined edge runs at all.
  std::unordered_set<std::string> first_words, last_words;
  std::vector<std::string> titles;              // normalised, may have several tokens
  std::vector<std::string> cjk_title_suffixes;  // titles Japanese and Korean write after the name
  size_t max_title_tokens = 1;
  std::unordered_set<std::string> title_first_words;
  Status status;
};

void add_form(LegalFormTable& t, std::string_view alias, const std::string& form_class) {
  NormalizedName n = normalize(alias);
  if (n.tokens.empty()) return;
  std::string key = n.text();
  t.by_alias.emplace(key, form_class);  // first wins: built-ins are added first
  t.max_tokens = std::max(t.max_tokens, n.tokens.size());
  // Japanese and Chinese write forms without spaces: 株式会社トヨタ, トヨタ自動車株式会社.
  // Only affixes of two or more characters: a lone 社 or 会 would cut real names.
  if (n.tokens.size() == 1 && (n.script == Script::kHan || n.script == Script::kKatakana) &&
      detail::to_u32(key).size() >= 2) {
    t.cjk_affixes.emplace_back(key, form_class);
  }
}

std::string class_of(const YAML::Node& type) {
  for (const char* field : {"generic", "compare", "display"}) {
    if (type[field] && type[field].IsScalar()) {
      std::string v = type[field].as<std::string>();
      std::string folded = fold_to_ascii(v);
      if (!folded.empty()) {
        std::transform(folded.begin(), folded.end(), folded.begin(),
                       [](char c) { return c == ' ' ? '_' : static_cast<char>(std::toupper(c)); });
        return folded;
      }
    }
  }
  return "";
}

Status load_rigour_org_types(LegalFormTable& t, const std::string& path) {
  YAML::Node root;
  try {  // yaml-cpp reports errors by exception; they stop here
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    return parse_error(path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  if (!root["types"] || !root["types"].IsSequence()) return parse_error(path + ": field 'types' is not a list");
  size_t index = 0;
  for (const auto& type : root["types"]) {
    std::string form_class = class_of(type);
    if (form_class.empty()) {
      ++index;
      continue;
    }
    for (const char* field : {"display", "compare"}) {
      if (type[field] && type[field].IsScalar()) add_form(t, type[field].as<std::string>(), form_class);
    }
    if (type["aliases"]) {
      if (!type["aliases"].IsSequence()) {
        return parse_error(path + ":" + std::to_string(type.Mark().line + 1) + ": types[" + std::to_string(index) +
                           "].aliases is not a list");
      }
      for (const auto& a : type["aliases"]) {
        if (a.IsScalar()) add_form(t, a.as<std::string>(), form_class);
      }
    }
    ++index;
  }
  return Status::ok_status();
}

Status load_rigour_titles(LegalFormTable& t, const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    return parse_error(path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  const YAML::Node prefixes = root["PERSON_NAME_PREFIXES"];
  if (!prefixes || !prefixes.IsSequence()) {
    return parse_error(path + ": field 'PERSON_NAME_PREFIXES' is not a list");
  }
  for (const auto& p : prefixes) {
    if (!p.IsScalar()) continue;
    NormalizedName n = normalize(p.as<std::string>());
    if (n.tokens.empty()) continue;
    t.titles.push_back(n.text());
    t.max_title_tokens = std::max(t.max_title_tokens, n.tokens.size());
  }
  return Status::ok_status();
}

LegalFormTable build_tables(const std::string& shared) {
  LegalFormTable t;
  for (const auto& f : kBuiltinForms) add_form(t, f.alias, f.form_class);
  for (const std::string& line : split_trimmed(kPersonTitlesTable, "\n")) {
    if (line.front() == '#') continue;
    NormalizedName n = normalize(line);
    if (n.tokens.empty()) continue;
    t.titles.push_back(n.text());
    t.max_title_tokens = std::max(t.max_title_tokens, n.tokens.size());
    // Japanese and Korean write a title after the name, on the same word (プーチン大統領).
    const Script script = n.tokens[0].script;
    if (n.tokens.size() == 1 && (script == Script::kHan || script == Script::kHiragana || script == Script::kKatakana ||
                                 script == Script::kHangul)) {
      t.cjk_title_suffixes.push_back(n.tokens[0].text);
    }
  }
  std::error_code ec;
  if (!shared.empty()) {
    std::string org = shared + "/rigour/org_types.yml";
    std::string stop = shared + "/rigour/stopwords.yml";
    if (std::filesystem::exists(org, ec)) t.status = load_rigour_org_types(t, org);
    if (t.status.ok() && std::filesystem::exists(stop, ec)) t.status = load_rigour_titles(t, stop);
  }
  for (const auto& [wording, known] : kOtherEnglishWordings) {
    auto it = t.by_alias.find(normalize(known).text());
    if (it != t.by_alias.end()) add_form(t, wording, std::string(it->second));
  }
  // Katakana forms last, with the classes their English spellings received above; not CJK
  // affixes: インク or コープ ending a katakana word is more often part of it.
  for (const auto& f : kKatakanaForms) {
    auto english = t.by_alias.find(normalize(f.english).text());
    if (english == t.by_alias.end()) continue;
    NormalizedName n = normalize(f.katakana);
    t.by_alias.emplace(n.text(), english->second);
    t.max_tokens = std::max(t.max_tokens, n.tokens.size());
    t.suffix_only.push_back(n.text());
  }
  // Not "llc": translations of Russian names put it first as ООО stands ("LLC Valtex-ST"), and
  // no name begins with the word.
  for (const char* latin :
       {"co", "company", "corp", "corporation", "ltd", "limited", "inc", "incorporated", "gmbh", "plc",  "ag", "sa",
        "lp", "llp",     "bv",   "nv",          "ab",  "as",      "oy",  "spa",          "srl",  "sarl", "kg"}) {
    t.suffix_only.emplace_back(latin);
  }
  std::sort(t.titles.begin(), t.titles.end());
  t.titles.erase(std::unique(t.titles.begin(), t.titles.end()), t.titles.end());
  std::stable_sort(t.cjk_affixes.begin(), t.cjk_affixes.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const std::string& title : t.titles) t.title_first_words.insert(title.substr(0, title.find(' ')));
  for (const auto& [alias, cls] : t.by_alias) {
    t.first_words.insert(alias.substr(0, alias.find(' ')));
    t.last_words.insert(alias.substr(alias.rfind(' ') + 1));  // npos + 1 = 0: the whole alias
  }
  return t;
}

const LegalFormTable& tables() {
  static const LegalFormTable t = build_tables(detail::shared_data_dir());
  return t;
}

struct IuliiaState {
  std::vector<TranslitTable> tables;
  Status status;
};

const IuliiaState& iuliia_state() {
  static const IuliiaState state = [] {
    IuliiaState s;
    const std::string& shared = detail::shared_data_dir();
    std::error_code ec;
    std::string dir = shared + "/translit/iuliia";
    if (shared.empty() || !std::filesystem::is_directory(dir, ec)) return s;
    auto loaded = load_iuliia_dir(dir);
    if (loaded.ok()) {
      s.tables = std::move(*loaded);
    } else {
      s.status = loaded.status();
    }
    return s;
  }();
  return state;
}

bool token_matches_title(const std::vector<NormalizedToken>& tokens, size_t at, size_t& length) {
  const auto& t = tables();
  length = 0;
  if (!t.title_first_words.contains(tokens[at].text)) return false;  // most names: no title at all
  std::string joined;
  size_t best = 0;
  for (size_t n = 1; n <= t.max_title_tokens && at + n <= tokens.size(); ++n) {
    if (n > 1) joined += ' ';
    joined += tokens[at + n - 1].text;
    if (std::binary_search(t.titles.begin(), t.titles.end(), joined)) best = n;
  }
  length = best;
  return best > 0;
}

}  // namespace

Status init_text_resources(const TextResourcePaths& paths) {
  if (g_in_use) return invalid_argument("init_text_resources: text resources are already in use");
  g_paths = paths;
  (void)detail::resource_paths();
  if (!tables().status.ok()) return tables().status;
  return iuliia_state().status;
}

Status set_text_resource_paths(const TextResourcePaths& paths) {
  if (g_in_use) return invalid_argument("set_text_resource_paths: text resources are already in use");
  g_paths = paths;
  return Status();
}

const std::vector<TranslitTable>& iuliia_tables() { return iuliia_state().tables; }

Status preload_japanese_dictionaries() { return detail::japanese_dictionaries_status(); }

bool is_person_title(std::string_view token) {
  const auto& t = tables();
  return std::binary_search(t.titles.begin(), t.titles.end(), std::string(token));
}

namespace detail {
bool strip_title_suffix(std::string& token) {
  for (const std::string& title : tables().cjk_title_suffixes) {
    if (token.size() > title.size() && token.ends_with(title)) {
      token.resize(token.size() - title.size());
      return true;
    }
  }
  return false;
}

// Number of leading tokens that are titles ("prof dr", "sheikh").
size_t leading_title_tokens(const std::vector<NormalizedToken>& tokens) {
  size_t at = 0;
  size_t len = 0;
  while (at < tokens.size() && token_matches_title(tokens, at, len)) at += len;
  return at;
}
}  // namespace detail

std::vector<LegalFormHit> find_legal_forms(const NormalizedName& name) {
  const auto& t = tables();
  const auto& tokens = name.tokens;
  std::vector<LegalFormHit> hits;
  // Forms stand at the start ("ООО Ромашка") or the end ("Romashka LLC", "Foo Co Ltd") of a
  // name; one in the middle is usually part of the name itself, so only the edges are searched.
  auto match_at = [&](size_t begin, size_t count) -> const std::string* {
    std::string joined;
    for (size_t i = begin; i < begin + count; ++i) {
      if (i > begin) joined += ' ';
      joined += tokens[i].text;
    }
    auto it = t.by_alias.find(joined);
    return it == t.by_alias.end() ? nullptr : &it->second;
  };
  size_t end = tokens.size();
  size_t begin = 0;
  bool progress = true;
  while (progress && end > begin + 1 && t.last_words.contains(tokens[end - 1].text)) {
    progress = false;
    for (size_t n = std::min(t.max_tokens, end - begin - 1); n >= 1; --n) {
      if (const std::string* c = match_at(end - n, n)) {
        hits.push_back({end - n, n, *c});
        end -= n;
        progress = true;
        break;
      }
    }
  }
  // Forms that languages write after the name only ("Limited Brands", "Co Op Bank" keep theirs).
  auto suffix_only = [&](size_t at, size_t n) {
    std::string joined;
    for (size_t i = at; i < at + n; ++i) joined += (i > at ? " " : "") + tokens[i].text;
    return std::find(t.suffix_only.begin(), t.suffix_only.end(), joined) != t.suffix_only.end();
  };
  progress = true;
  while (progress && end > begin + 1 && t.first_words.contains(tokens[begin].text)) {
    progress = false;
    for (size_t n = std::min(t.max_tokens, end - begin - 1); n >= 1; --n) {
      if (suffix_only(begin, n)) continue;
      if (const std::string* c = match_at(begin, n)) {
        hits.push_back({begin, n, *c});
        begin += n;
        progress = true;
        break;
      }
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const LegalFormHit& a, const LegalFormHit& b) { return a.first_token < b.first_token; });
  return hits;
}

namespace detail {
// Splits a CJK legal-form affix off a token: 株式会社トヨタ → ("トヨタ", "JSC").
bool strip_cjk_legal_form(std::string& token, std::string& form_class, bool prefix, bool suffix) {
  for (const auto& [affix, cls] : tables().cjk_affixes) {
    if (prefix && token.size() > affix.size() && token.compare(0, affix.size(), affix) == 0) {
      token.erase(0, affix.size());
      form_class = cls;
      return true;
    }
    if (suffix && token.size() > affix.size() && token.compare(token.size() - affix.size(), affix.size(), affix) == 0) {
      token.erase(token.size() - affix.size());
      form_class = cls;
      return true;
    }
  }
  return false;
}
}  // namespace detail

std::vector<std::string> split_name_parts(std::string_view variant) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos < variant.size()) {
    size_t sp = variant.find(' ', pos);
    if (sp == std::string_view::npos) sp = variant.size();
    if (sp > pos) parts.emplace_back(variant.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return parts;
}

std::string swap_first_last(std::string_view variant) {
  std::vector<std::string> parts = split_name_parts(variant);
  if (parts.size() >= 2) std::swap(parts.front(), parts.back());
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

}  // namespace sekisho::text
