// pugixml glue for the Canada and EU parsers: loading a checked source file
// with errors that name file, line and column, and a node's verbatim XML for
// Entity::raw. (The OFAC/UN parsers have their own XML utilities.)
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "lists/source_file.hpp"
#include "sekisho/status.hpp"

namespace sekisho {

// Parses `file` into `doc`; a malformed document is a parse error
// "<path>:<line>:<column>: XML error: <what>".
Status load_xml_document(const LoadedFile& file, pugi::xml_document& doc);

// Resolves the single XML file of a list format, loads it (exists, not empty,
// UTF-8) and parses it into `doc`. Returns the loaded file for its metadata.
Result<LoadedFile> open_xml_list(const std::vector<std::filesystem::path>& paths, std::string_view format,
                                 pugi::xml_document& doc);

// The element and its subtree as compact XML.
std::string node_xml(const pugi::xml_node& node);

}  // namespace sekisho
