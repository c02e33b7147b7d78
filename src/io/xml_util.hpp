// Small pugixml helpers shared by the XML list parsers (OFAC SDN.XML, UN, …).
//
// Publishers change XML namespaces and prefixes between releases (OFAC moved
// from http://tempuri.org/sdnList.xsd to a treasury URL), so lookups here match
// elements by LOCAL name and ignore any "prefix:". Errors name the element by
// a path with 1-based sibling indexes (/sdnList/sdnEntry[17]/uid) plus its
// line, so a reader can find the record in the file.
//
//   pugi::xml_document doc;
//   SEKISHO_RETURN_IF_ERROR(load_xml(doc, text, "consolidated.xml"));
//   for (pugi::xml_node e : children_named(doc.document_element(), "sdnEntry")) {
//     std::string uid = child_text(e, "uid");
//   }
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "io/source_file.hpp"
#include "sekisho/status.hpp"

namespace sekisho::xml {

// The element name without any namespace prefix: "ns:sdnEntry" → "sdnEntry".
std::string_view local_name(const pugi::xml_node& node);

// First child element whose local name is `name`; an empty node when none.
pugi::xml_node child_named(const pugi::xml_node& node, std::string_view name);

// All child elements whose local name is `name`, in document order.
std::vector<pugi::xml_node> children_named(const pugi::xml_node& node, std::string_view name);

// Trimmed text content of the first child named `name` ("" when absent or empty).
std::string child_text(const pugi::xml_node& node, std::string_view name);

// Trimmed text content of `node` itself.
std::string node_text(const pugi::xml_node& node);

// Path of an element by local names, with a 1-based index where same-named
// siblings exist: "/sdnList/sdnEntry[17]/uid".
std::string element_path(const pugi::xml_node& node);

// "file:LINE: /path" for error messages; `text` must be the buffer the
// document was parsed from (pugixml offsets point into it).
std::string element_location(const pugi::xml_node& node, std::string_view text, std::string_view file_name);

// The element serialised compactly (no indentation), for Entity::raw.
std::string node_xml(const pugi::xml_node& node);

// Parses `text` into `doc`. On failure a kParseError "file:line:column: XML
// parse error: <pugixml description>".
Status load_xml(pugi::xml_document& doc, std::string_view text, std::string_view file_name);

// For single-file XML formats: resolves the file (a path, or a directory with
// one .xml), loads it (exists, not empty, UTF-8) and parses it into `doc`.
// Returns the loaded file for its metadata and text.
Result<LoadedFile> open_xml_list(const std::vector<std::filesystem::path>& paths, std::string_view format,
                                 pugi::xml_document& doc);

}  // namespace sekisho::xml
