// Internal to the spreadsheet readers: a zip archive held in memory (libzip)
// and the pugixml helpers both XLSX and ODS need.
#pragma once

#include <zip.h>

#include <memory>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "sekisho/status.hpp"

namespace sekisho::spreadsheet_detail {

class ZipArchive {
 public:
  // Opens `bytes` (which must outlive the archive) as a zip; errors name `file_name`.
  static Result<std::unique_ptr<ZipArchive>> open(std::string_view bytes, std::string_view file_name);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool has(std::string_view entry) const;
  // The whole entry, uncompressed; kNotFound-style parse error when absent.
  Result<std::string> read(std::string_view entry) const;

 private:
  ZipArchive(zip_t* zip, std::string file_name) : zip_(zip), file_name_(std::move(file_name)) {}
  zip_t* zip_;
  std::string file_name_;
};

// Parses `xml` (an entry of the archive) into `doc`; the error names file, entry and offset.
Status parse_xml(pugi::xml_document& doc, const std::string& xml, std::string_view file_name,
                 std::string_view entry);

// Element name without its namespace prefix ("x:sheet" → "sheet").
std::string_view local_name(const pugi::xml_node& node);
// First child element with local name `name`, or an empty node.
pugi::xml_node child_local(const pugi::xml_node& node, std::string_view name);
// Attribute by local name (prefix ignored), or an empty attribute.
pugi::xml_attribute attr_local(const pugi::xml_node& node, std::string_view name);

}  // namespace sekisho::spreadsheet_detail
