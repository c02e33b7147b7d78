// One list format's parser on arbitrary files: fuzz_list_<format> (SEKISHO_FUZZ_FORMAT).
// The input is written to the file names the format expects; formats read as a
// set of files (the OFAC CSV sets) take one part per file (kPartSeparator), and
// the parser reads the folder, as `sekisho import` does. Whatever the bytes, a
// parser must answer entities or a Status; each entity must serialise as the
// reference serialiser does (entity.hpp) and read back as it was, since the
// store keeps entities as that JSON.
#include <string>
#include <vector>

#include "fuzz_input.hpp"
#include "sekisho/entity.hpp"
#include "sekisho/lists.hpp"
#include "support/entity_json_reference.hpp"

#ifndef SEKISHO_FUZZ_FORMAT
#error "SEKISHO_FUZZ_FORMAT names the list format this binary fuzzes"
#endif

namespace {

namespace fs = std::filesystem;
using sekisho::fuzz::as_view;

struct Layout {
  std::vector<std::string> files;  // names of the parts, in input order
  bool read_folder = false;        // pass the folder (a file set) rather than the one file
};

Layout layout_of(std::string_view format) {
  if (format == "ofac-csv") return {{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}, true};
  if (format == "ofac-cons-csv") return {{"cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"}, true};
  if (format == "uk-ods") return {{"list.ods"}};
  if (format == "mof-xlsx" || format == "meti-eul-xlsx") return {{"list.xlsx"}};
  if (format == "bis-dpl" || format == "meti-tokutei") return {{"list.txt"}};
  if (format == "ftm") return {{"entities.ftm.json"}};
  if (format == "ftm-delta") return {{"entities.delta.json"}};
  if (format == "senzing") return {{"entities.json"}};
  if (format.ends_with("xml")) return {{"list.xml"}};
  return {{"list.csv"}};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Layout layout = layout_of(SEKISHO_FUZZ_FORMAT);
  const fs::path& dir = sekisho::fuzz::scratch_dir();
  std::vector<std::string_view> parts = sekisho::fuzz::split_parts(as_view(data, size), layout.files.size());
  for (size_t i = 0; i < layout.files.size(); ++i) {
    // A part the input lacks is absent, not empty: the optional files of a set.
    if (i < parts.size()) {
      sekisho::fuzz::write_file(dir / layout.files[i], parts[i]);
    } else {
      fs::remove(dir / layout.files[i]);
    }
  }
  sekisho::ParseOptions options;
  // The generic CSV reads its columns through a mapping: the repository's example.
  if (std::string_view(SEKISHO_FUZZ_FORMAT) == "csv") {
    options.list_id = "inhouse";
    options.mapping_path = SEKISHO_SOURCE_DIR "/tests/fixtures/csv/inhouse.mapping.yaml";
  }
  fs::path input = layout.read_folder ? dir : dir / layout.files[0];
  auto parsed = sekisho::parse_list(SEKISHO_FUZZ_FORMAT, {input}, options);
  if (parsed.ok()) {
    for (const sekisho::Entity& e : parsed->entities) {
      const std::string json = sekisho::entity_to_json(e);
      if (json != sekisho::entity_to_json_reference(e)) __builtin_trap();
      auto back = sekisho::entity_from_json(json);
      if (!back.ok() || sekisho::entity_to_json(*back) != json) __builtin_trap();
    }
  } else {
    (void)parsed.status().to_string();
  }
  return 0;
}
