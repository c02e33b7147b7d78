#include "lists/pugi_helpers.hpp"

#include <sstream>

#include "core/strings.hpp"

namespace sekisho {

Status load_xml_document(const LoadedFile& file, pugi::xml_document& doc) {
  std::string_view body = text_body(file);
  pugi::xml_parse_result ok = doc.load_buffer(body.data(), body.size(), pugi::parse_default, pugi::encoding_utf8);
  if (ok) return Status::ok_status();
  LineCol lc = line_col_at(body, static_cast<size_t>(ok.offset));
  return parse_error(file.meta.path + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column) +
                     ": XML error: " + ok.description());
}

Result<LoadedFile> open_xml_list(const std::vector<std::filesystem::path>& paths, std::string_view format,
                                 pugi::xml_document& doc) {
  SEKISHO_ASSIGN_OR_RETURN(std::filesystem::path path, resolve_single(paths, ".xml", format));
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  SEKISHO_RETURN_IF_ERROR(load_xml_document(file, doc));
  return file;
}

std::string node_xml(const pugi::xml_node& node) {
  std::ostringstream os;
  node.print(os, "", pugi::format_raw);
  return os.str();
}

}  // namespace sekisho
