// The mapping file of the generic CSV format (docs/formats/csv-mapping.md), read and applied:
// the input is the mapping's YAML, then optionally kPartSeparator and the CSV it maps (the
// repository's in-house example when absent). A mapping is a file from outside like a list: any
// bytes must give a list or an error naming the file, never a crash; a list that parses must
// write and read back as the list targets require.
#include <filesystem>

#include "fuzz_input.hpp"
#include "sekisho/entity.hpp"
#include "sekisho/lists.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace fs = std::filesystem;
  const fs::path& dir = sekisho::fuzz::scratch_dir();
  std::vector<std::string_view> parts = sekisho::fuzz::split_parts(sekisho::fuzz::as_view(data, size), 2);
  const fs::path mapping = dir / "mapping.yaml";
  sekisho::fuzz::write_file(mapping, parts[0]);
  fs::path csv = SEKISHO_SOURCE_DIR "/tests/fixtures/csv/inhouse.csv";
  if (parts.size() > 1) {
    csv = dir / "list.csv";
    sekisho::fuzz::write_file(csv, parts[1]);
  }
  auto parsed = sekisho::parse_list("csv", {csv}, {.list_id = "inhouse", .mapping_path = mapping.string()});
  if (!parsed.ok()) {
    (void)parsed.status().to_string();
    return 0;
  }
  for (const sekisho::Entity& e : parsed->entities) {
    const std::string json = sekisho::entity_to_json(e);
    auto back = sekisho::entity_from_json(json);
    if (!back.ok() || sekisho::entity_to_json(*back) != json) __builtin_trap();
  }
  return 0;
}
