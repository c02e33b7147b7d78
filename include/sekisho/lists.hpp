// sekisho/lists.hpp — reading official sanctions lists in their native formats.
//
// One parser per format, each in its own file under src/lists/. A parser
// reads whole files into memory, validates them and returns every entity, or
// a Status that names the file, the line (or XML element path, or sheet and
// cell) and what was wrong. Parsers never touch the store: a list update is
// parsed completely before anything is written, so it lands whole or not at all.
//
//   auto parsed = sekisho::parse_list("un-xml", {"consolidated.xml"});
//   if (!parsed.ok()) return parsed.status();
//   for (const sekisho::Entity& e : parsed->entities) { ... }
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sekisho/entity.hpp"
#include "sekisho/source_file.hpp"
#include "sekisho/status.hpp"

namespace sekisho {

struct ParsedList {
  std::string format;            // the format name used
  std::string publication_date;  // ISO date (or year-month) the publisher gave the list, else ""
  // Where publication_date was read: "file" (the format states it), "file name"
  // (the publisher dates its file or folder names), "download header" (HTTP
  // Last-Modified); "" when there is no date.
  std::string publication_date_source;
  std::vector<SourceFile> files;
  std::vector<Entity> entities;  // ids already prefixed with the list id

  // Delta formats (FTM delta files) describe changes to the list's latest
  // version rather than the whole list: `entities` are then upserts and
  // `deleted_ids` removals, the net effect of the operations in file order.
  bool is_delta = false;
  std::vector<std::string> deleted_ids;

  // What the import must tell without refusing the list (a name screened only in part), one line
  // each, naming file and entity.
  std::vector<std::string> warnings;
};

struct ParseOptions {
  // Prefix of every entity id ("us_ofac_sdn" → "us_ofac_sdn-306").
  std::string list_id;
  // Generic CSV only: path of the mapping file (see docs/formats/csv-mapping.md).
  std::string mapping_path;
};

using ParserFn = Result<ParsedList> (*)(const std::vector<std::filesystem::path>& paths, const ParseOptions& options);

struct FormatInfo {
  std::string_view name;             // "ofac-csv", "un-xml", …
  std::string_view default_list_id;  // list id used when --list is not given
  std::string_view description;      // one line for `sekisho formats`
  ParserFn parse;
};

// Every supported format, in a fixed order.
const std::vector<FormatInfo>& formats();
const FormatInfo* find_format(std::string_view name);

// Parses `paths` (files, or one directory holding the format's files) as `format`.
// When options.list_id is empty the format's default list id is used. Every format's values are
// bounded (a value of megabytes is refused naming file, entity and field; a name over the
// screening bounds is kept whole with a line in ParsedList::warnings).
Result<ParsedList> parse_list(std::string_view format, const std::vector<std::filesystem::path>& paths,
                              ParseOptions options = {});

// Entity counts by schema name, for reports and version records.
std::map<std::string, int> count_by_schema(const std::vector<Entity>& entities);

}  // namespace sekisho
