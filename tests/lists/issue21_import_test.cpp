// Issue 21 regressions, list import: files cut short, fields of megabytes, names over the
// screening bounds. Every hostile file is built here from the real lists in ../shared/data (or
// the hand-written fixtures) at test time.
//
// A file cut anywhere but at a record's end is refused by its own parser, from the signals its
// publisher writes: a header with every column, every row as long as the header, a last line
// ended (or its last field closed by a quote), a JSON line complete, a METI block with its
// address line, OFAC's Record_Count. A cut exactly at a record's end leaves a shorter list that
// no format shows; the store's shrink guard (tests/cli/shrink_guard_test.cpp) refuses that.
#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lists/list_test_util.hpp"
#include "lists/value_bounds.hpp"
#include "lists/zip_fixture.hpp"
#include "sekisho/store.hpp"
#include "sekisho/text.hpp"
#include "support/subprocess.hpp"
#include "support/temp_home.hpp"

namespace sekisho::testing {
namespace {

namespace fs = std::filesystem;

struct Source {
  std::string format;
  fs::path file;
  ParseOptions options = {};
};

ParseOptions inhouse_options() {
  return ParseOptions{.list_id = "acme_inhouse", .mapping_path = fixture("csv/inhouse.mapping.yaml").string()};
}

// The line formats the issue truncated, each on real data (the UK CSV and the in-house CSV on
// their fixtures: no real full UK CSV is in shared/data).
std::vector<Source> line_format_sources() {
  return {
      {"uk-csv", fixture("uk/uk_sanctions_list_sample.csv")},
      {"bis-dpl", shared_data("us_bis/dpl_2022-09.txt")},
      {"bis-dpl", shared_data("us_bis/dpl_2019-07.txt")},
      {"us-csl", shared_data("us_csl/csl_2019-12.csv")},
      {"us-csl", shared_data("us_csl/consolidated_sample_2025-06.csv")},
      {"ftm", shared_data("opensanctions/ftm/zala_entities.ftm.json")},
      {"ftm-delta", shared_data("opensanctions/ftm/t2_deltas/20240527194702-wnk/entities.delta.json")},
      {"senzing", shared_data("opensanctions/senzing/us_congress_senzing.json")},
      {"csv", fixture("csv/inhouse.csv"), inhouse_options()},
  };
}

// Where a cut leaves only whole records: right after a line end, or just before one.
bool at_line_end(std::string_view text, size_t pos) {
  return pos == 0 || pos >= text.size() || text[pos - 1] == '\n' || text[pos] == '\n' || text[pos] == '\r';
}

// `count` cut points spread over `text`, each moved forward off a line end and off the inside of
// a UTF-8 character (a cut there fails as invalid UTF-8, which tests nothing of the format).
std::vector<size_t> cuts_inside_lines(std::string_view text, size_t count) {
  std::vector<size_t> cuts;
  for (size_t k = 1; k <= count; ++k) {
    size_t pos = text.size() * k / (count + 1);
    while (pos < text.size() && (at_line_end(text, pos) || (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80)) {
      ++pos;
    }
    if (pos < text.size() && (cuts.empty() || cuts.back() != pos)) cuts.push_back(pos);
  }
  return cuts;
}

TEST(Issue21Truncation, EveryLineFormatRefusesAFileCutInsideARecord) {
  TempDir dir;
  size_t tried = 0;
  std::string accepted;
  for (const Source& s : line_format_sources()) {
    const std::string text = read_file(s.file);
    ASSERT_GT(text.size(), 200u) << s.file;
    ASSERT_TRUE(parse_list(s.format, {s.file}, s.options).ok()) << "the whole file must parse: " << s.file;
    for (size_t cut : cuts_inside_lines(text, 24)) {
      const fs::path copy = dir.write(s.format + "/" + s.file.filename().string(), text.substr(0, cut));
      auto r = parse_list(s.format, {copy}, s.options);
      ++tried;
      if (r.ok()) {
        accepted += s.format + " " + s.file.filename().string() + " cut at byte " + std::to_string(cut) + " of " +
                    std::to_string(text.size()) + ": " + std::to_string(r->entities.size()) + " entities\n";
      }
    }
  }
  EXPECT_GT(tried, 190u);
  EXPECT_EQ(accepted, "") << "truncated files accepted";
}

TEST(Issue21Truncation, AUkCsvCutInsideItsHeaderIsRefused) {
  TempDir dir;
  const std::string text = read_file(fixture("uk/uk_sanctions_list_sample.csv"));
  const size_t header_start = text.find('\n') + 1;
  const size_t header_end = text.find('\n', header_start) + 1;
  // Inside the header, past every column the parser requires: before, rows longer than the header
  // were read by position and the cut gave a version of zero entities.
  for (size_t cut : {header_start + (header_end - header_start) * 3 / 4, header_end - 3}) {
    auto r = parse_list("uk-csv", {dir.write("UK-Sanctions-List.csv", text.substr(0, cut))});
    ASSERT_FALSE(r.ok()) << "cut at " << cut;
    EXPECT_EQ(r.status().code(), StatusCode::kParseError);
    EXPECT_NE(r.status().message().find("UK-Sanctions-List.csv"), std::string::npos) << r.status().message();
  }
  // Cut right after the header: the header alone is no list.
  auto header_only = parse_list("uk-csv", {dir.write("UK-Sanctions-List.csv", text.substr(0, header_end))});
  ASSERT_FALSE(header_only.ok());
  EXPECT_NE(header_only.status().message().find("header only, no rows"), std::string::npos)
      << header_only.status().message();
}

TEST(Issue21Truncation, AUkCsvRowShorterThanItsHeaderNamesItsLine) {
  TempDir dir;
  std::string text = read_file(fixture("uk/uk_sanctions_list_sample.csv"));
  // Drop the last field of the fourth line (the second data row).
  size_t line_start = 0;
  for (int i = 0; i < 3; ++i) line_start = text.find('\n', line_start) + 1;
  const size_t line_end = text.find_first_of("\r\n", line_start);
  const size_t last_comma = text.rfind(',', line_end);
  text.erase(last_comma, line_end - last_comma);
  auto r = parse_list("uk-csv", {dir.write("UK-Sanctions-List.csv", text)});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("UK-Sanctions-List.csv:4: expected 58 fields (as in the header), found 57"),
            std::string::npos)
      << r.status().message();
}

TEST(Issue21Truncation, ABisDplCutAtHalfIsRefusedNamingItsLastLine) {
  TempDir dir;
  const std::string text = read_file(shared_data("us_bis/dpl_2022-09.txt"));
  const size_t cut = cuts_inside_lines(text, 1).front();
  const size_t line = static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(cut), '\n')) + 1;
  auto r = parse_list("bis-dpl", {dir.write("dpl.txt", text.substr(0, cut))});
  ASSERT_FALSE(r.ok()) << r->entities.size() << " entities from half a file";
  EXPECT_NE(r.status().message().find("dpl.txt:" + std::to_string(line) + ":"), std::string::npos)
      << r.status().message();
}

TEST(Issue21Truncation, ACsvWhoseLastLineLostItsEndIsRefused) {
  // The in-house CSV ends its last line; cut just before that line break, the last field (an
  // unquoted note) may have lost its tail, and nothing else shows it.
  TempDir dir;
  const std::string text = read_file(fixture("csv/inhouse.csv"));
  ASSERT_EQ(text.back(), '\n');
  const std::string cut = text.substr(0, text.size() - 3);
  auto r = parse_list("csv", {dir.write("inhouse.csv", cut)}, inhouse_options());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("the last line has no line break"), std::string::npos) << r.status().message();
  // A last field closed by its quote is whole: the 2019 DPL ends so, without a final line break.
  EXPECT_TRUE(parse_list("bis-dpl", {shared_data("us_bis/dpl_2019-07.txt")}).ok());
}

TEST(Issue21Truncation, AMetiBlockCutBeforeItsAddressIsRefused) {
  TempDir dir;
  const fs::path source = shared_data("export-control/jp_meti_250912_list_russia_tokutei.pdf.txt");
  const std::string text = read_file(source);
  std::vector<size_t> addresses;
  for (size_t p = text.find("所在地"); p != std::string::npos; p = text.find("所在地", p + 1)) addresses.push_back(p);
  ASSERT_GT(addresses.size(), 500u);
  for (size_t k = 1; k <= 20; ++k) {
    const size_t cut = addresses[addresses.size() * k / 21];
    auto r = parse_list("meti-tokutei", {dir.write(source.filename().string(), text.substr(0, cut))});
    ASSERT_FALSE(r.ok()) << "cut before the address at byte " << cut << ": " << r->entities.size() << " entities";
    EXPECT_NE(r.status().message().find("has no 所在地 (address) line"), std::string::npos) << r.status().message();
  }
}

TEST(Issue21Truncation, OfacXmlWhoseRecordCountDisagreesIsRefused) {
  TempDir dir;
  const std::string text = read_file(shared_data("ofac/cons_xml_2025-03-28/consolidated.xml"));
  // The last entry dropped whole: the file is well-formed and one short of its Record_Count.
  const size_t last = text.rfind("<sdnEntry>");
  const size_t last_end = text.find("</sdnEntry>", last) + std::string_view("</sdnEntry>").size();
  std::string short_one = text;
  short_one.erase(last, last_end - last);
  auto r = parse_list("ofac-xml", {dir.write("consolidated.xml", short_one)});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("Record_Count says 443 but the file holds 442 sdnEntry elements"),
            std::string::npos)
      << r.status().message();

  std::string zero = text;
  const std::string count = "<Record_Count>443</Record_Count>";
  zero.replace(zero.find(count), count.size(), "<Record_Count>0</Record_Count>");
  auto r0 = parse_list("ofac-xml", {dir.write("consolidated.xml", zero)});
  ASSERT_FALSE(r0.ok());
  EXPECT_NE(r0.status().message().find("Record_Count says 0"), std::string::npos) << r0.status().message();
}

RunResult sekisho(const TempHome& home, std::vector<std::string> args) {
  args.insert(args.begin(), {SEKISHO_BINARY, "--home", home.str()});
  return run_process(args);
}

std::vector<int> entity_counts(const TempHome& home, const std::string& list_id) {
  std::vector<int> counts;
  auto store = ListStore::open(home.path());
  EXPECT_TRUE(store.ok()) << store.status().to_string();
  if (!store.ok()) return counts;
  if (auto versions = (*store)->versions(list_id); versions.ok()) {
    for (const ListVersion& v : *versions) counts.push_back(v.entity_count);
  }
  return counts;
}

TEST(Issue21Truncation, ARefusedTruncatedImportLeavesTheStoreUnchangedEvenWithAllowShrink) {
  TempHome home("issue21-uk-cut");
  const fs::path sample = fixture("uk/uk_sanctions_list_sample.csv");
  ASSERT_EQ(sekisho(home, {"import", "uk-csv", sample.string()}).exit_code, 0);
  const std::vector<int> before = entity_counts(home, "gb_fcdo_sanctions");
  ASSERT_EQ(before, std::vector<int>{4});

  const std::string text = read_file(sample);
  const size_t header_end = text.find('\n', text.find('\n') + 1);
  const fs::path cut = home.path() / "UK-Sanctions-List.csv";
  std::ofstream(cut, std::ios::binary) << text.substr(0, header_end - 5);
  for (bool allow : {false, true}) {
    std::vector<std::string> args = {"import", "uk-csv", cut.string()};
    if (allow) args.push_back("--allow-shrink");
    RunResult r = sekisho(home, args);
    EXPECT_EQ(r.exit_code, 65) << r.out << r.err;
    EXPECT_NE(r.err.find("UK-Sanctions-List.csv"), std::string::npos) << r.err;
    EXPECT_EQ(entity_counts(home, "gb_fcdo_sanctions"), before);
  }
}

TEST(Issue21Truncation, AnOfacXmlThatStatesNoRecordAndHoldsNoneGivesNoVersion) {
  // Record_Count 0 agrees with a file of no sdnEntry; an SDN list is never empty, so the import
  // refuses the empty version unless told the publisher really emptied it.
  TempHome home("issue21-ofac-empty");
  const fs::path empty = home.path() / "sdn.xml";
  std::ofstream(empty) << "<?xml version=\"1.0\"?>\n<sdnList><publshInformation><Publish_Date>03/28/2025"
                          "</Publish_Date><Record_Count>0</Record_Count></publshInformation></sdnList>\n";
  RunResult r = sekisho(home, {"import", "ofac-xml", empty.string(), "--no-monitor"});
  EXPECT_EQ(r.exit_code, 65) << r.out << r.err;
  EXPECT_NE(r.err.find("us_ofac_sdn: the new version would hold no entity"), std::string::npos) << r.err;
  EXPECT_TRUE(entity_counts(home, "us_ofac_sdn").empty());
}

TEST(Issue21Bounds, AFileOfAnotherFormatIsNamedByTheColumnItLacks) {
  // UN XML given as the CSL: the first complaint used to be "expected 1 fields" on line 2.
  auto r = parse_list("us-csl", {shared_data("un/consolidated_2025-04-19.xml")});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("missing column 'source'"), std::string::npos) << r.status().message();
  EXPECT_EQ(r.status().message().find("fields"), std::string::npos) << r.status().message();
  auto dpl = parse_list("bis-dpl", {shared_data("us_csl/csl_2019-12.csv")});
  ASSERT_FALSE(dpl.ok());
  EXPECT_NE(dpl.status().message().find("missing column 'Name'"), std::string::npos) << dpl.status().message();
}

// Every format's real file with ten megabytes written into the first entity's name (inside its
// longest Latin word). Spreadsheets get it in the part holding the text.
struct Bomb {
  std::string format;
  fs::path source;             // a file, or a folder for the OFAC CSV sets
  std::string file_in_folder;  // the file of the folder that holds the names
  std::string part;            // the zip part for a spreadsheet
  ParseOptions options = {};
};

std::vector<Bomb> bombs() {
  return {
      {"ofac-csv", shared_data("ofac/sdn_csv_2021-07"), "sdn.csv", ""},
      {"ofac-cons-csv", shared_data("ofac/cons_csv_2025-12"), "cons_prim.csv", ""},
      {"ofac-xml", shared_data("ofac/cons_xml_2025-03-28/consolidated.xml"), "", ""},
      {"un-xml", shared_data("un/consolidated_2025-04-19.xml"), "", ""},
      {"eu-fsf-xml", fixture("eu/fsf_sample.xml"), "", ""},
      {"uk-ods", shared_data("uk/fcdo_uk_sanctions_list_summary_2025-08-11.ods"), "", "content.xml"},
      {"uk-csv", fixture("uk/uk_sanctions_list_sample.csv"), "", ""},
      {"canada-xml", shared_data("canada/sema_consolidated_2025-05.xml"), "", ""},
      {"bis-dpl", shared_data("us_bis/dpl_2022-09.txt"), "", ""},
      {"us-csl", shared_data("us_csl/csl_2019-12.csv"), "", ""},
      {"ftm", shared_data("opensanctions/ftm/zala_entities.ftm.json"), "", ""},
      {"ftm-delta", shared_data("opensanctions/ftm/t2_deltas/20240527194702-wnk/entities.delta.json"), "", ""},
      {"mof-xlsx", shared_data("japan/mof_shisantouketsu_20260305.xlsx"), "", "xl/sharedStrings.xml"},
      {"meti-eul-xlsx", shared_data("japan/meti_end_user_list_20250929.xlsx"), "", "xl/sharedStrings.xml"},
      {"meti-tokutei", shared_data("export-control/jp_meti_250912_list_russia_tokutei.pdf.txt"), "", ""},
      {"senzing", shared_data("opensanctions/senzing/us_congress_senzing.json"), "", ""},
      {"csv", fixture("csv/inhouse.csv"), "", "", inhouse_options()},
  };
}

// The longest word of three or more ASCII letters in `name`.
std::string longest_latin_word(std::string_view name) {
  std::string best, word;
  for (char c : std::string(name) + " ") {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      word += c;
      continue;
    }
    if (word.size() >= 3 && word.size() > best.size()) best = word;
    word.clear();
  }
  return best;
}

// A word of the first entity's primary name, else of its other names (METI's primary is Japanese).
std::string latin_word(const Entity& e) {
  if (std::string w = longest_latin_word(e.primary_name()->full); !w.empty()) return w;
  for (const Name& n : e.names) {
    if (std::string w = longest_latin_word(n.full); !w.empty()) return w;
  }
  return "";
}

// The entries of a zip archive, in order.
std::vector<std::pair<std::string, std::string>> read_zip(const fs::path& path) {
  std::vector<std::pair<std::string, std::string>> out;
  int err = 0;
  zip_t* z = zip_open(path.string().c_str(), ZIP_RDONLY, &err);
  if (!z) return out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
    std::string bytes(st.size, '\0');
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    if (f && st.size > 0) zip_fread(f, bytes.data(), bytes.size());
    if (f) zip_fclose(f);
    out.emplace_back(st.name, std::move(bytes));
  }
  zip_discard(z);
  return out;
}

TEST(Issue21Bounds, ATenMegabyteFieldIsRefusedByEveryFormat) {
  TempDir dir;
  const std::string padding(10u << 20, 'x');
  for (const Bomb& b : bombs()) {
    SCOPED_TRACE(b.format);
    auto whole = parse_list(b.format, {b.source}, b.options);
    ASSERT_TRUE(whole.ok()) << whole.status().to_string();
    const std::string word = latin_word(whole->entities.front());
    ASSERT_FALSE(word.empty()) << whole->entities.front().caption;
    auto pad = [&](std::string text) {
      const size_t at = text.find(word);
      EXPECT_NE(at, std::string::npos) << word;
      if (at != std::string::npos) text.insert(at + 1, padding);
      return text;
    };
    fs::path hostile;
    if (!b.part.empty()) {
      auto entries = read_zip(b.source);
      for (auto& [name, bytes] : entries) {
        if (name == b.part) bytes = pad(bytes);
      }
      hostile = dir.path() / b.format / b.source.filename();
      fs::create_directories(hostile.parent_path());
      ASSERT_TRUE(write_zip(hostile, entries));
    } else if (!b.file_in_folder.empty()) {
      const fs::path folder = dir.path() / b.format;
      fs::create_directories(folder);
      for (const auto& entry : fs::directory_iterator(b.source)) {
        const std::string name = entry.path().filename().string();
        const std::string bytes = read_file(entry.path());
        dir.write(b.format + "/" + name, name == b.file_in_folder ? pad(bytes) : bytes);
      }
      hostile = folder;
    } else {
      hostile = dir.write(b.format + "/" + b.source.filename().string(), pad(read_file(b.source)));
    }
    auto r = parse_list(b.format, {hostile}, b.options);
    ASSERT_FALSE(r.ok()) << r->entities.size() << " entities accepted";
    EXPECT_EQ(r.status().code(), StatusCode::kParseError);
    EXPECT_NE(r.status().message().find("bytes; a listed value may hold at most"), std::string::npos)
        << r.status().message().substr(0, 400);
    EXPECT_LT(r.status().message().size(), 1000u) << "the message repeats the value";
  }
}

// The in-house CSV with one more row whose name has `words` words.
std::string inhouse_with_long_name(size_t words) {
  std::string name;
  for (size_t i = 0; i < words; ++i) name += (i ? " " : "") + std::string("Petrov") + std::to_string(i);
  return read_file(fixture("csv/inhouse.csv")) + "X-LONG,P," + name + ",,,,,,,,,,\n";
}

TEST(Issue21Bounds, AListedNameOverTheScreeningBoundsIsStoredWholeWithAWarning) {
  TempDir dir;
  const size_t words = text::kMaxNameWords + 36;
  auto r = parse_list("csv", {dir.write("inhouse.csv", inhouse_with_long_name(words))}, inhouse_options());
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  const Entity* e = find_by_id(r->entities, "acme_inhouse-X-LONG");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(e->names.front().full.find("Petrov" + std::to_string(words - 1)), std::string::npos) << "stored whole";
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find("inhouse.csv: entity X-LONG: name 'Petrov0 Petrov1"), std::string::npos)
      << r->warnings[0];
  EXPECT_NE(r->warnings[0].find("screened by its first 64 words"), std::string::npos) << r->warnings[0];

  // A name of more than 64 KB is no name: refused, naming the entity and the field.
  auto huge =
      parse_list("csv", {dir.write("inhouse.csv", inhouse_with_long_name(kMaxListedNameBytes / 8))}, inhouse_options());
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.status().message().find("inhouse.csv: entity X-LONG: field names[0]"), std::string::npos)
      << huge.status().message().substr(0, 300);
}

TEST(Issue21Bounds, TheCliImportPrintsTheWarningAndStoresTheNameWhole) {
  TempHome home("issue21-long-name");
  const fs::path csv = home.path() / "inhouse.csv";
  std::ofstream(csv, std::ios::binary) << inhouse_with_long_name(100);
  RunResult r = sekisho(home, {"import", "csv", csv.string(), "--list", "acme_inhouse", "--mapping",
                               fixture("csv/inhouse.mapping.yaml").string(), "--no-monitor"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("entity X-LONG"), std::string::npos) << r.err;
  auto store = ListStore::open(home.path());
  ASSERT_TRUE(store.ok());
  auto entity = (*store)->get_entity("acme_inhouse-X-LONG");
  ASSERT_TRUE(entity.ok()) << entity.status().to_string();
  EXPECT_NE(entity->names.front().full.find("Petrov99"), std::string::npos);
}

}  // namespace
}  // namespace sekisho::testing
