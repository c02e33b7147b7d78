#include "io/xml_util.hpp"

#include <sstream>

#include "core/strings.hpp"

namespace sekisho::xml {

std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child_named(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  }
  return {};
}

std::vector<pugi::xml_node> children_named(const pugi::xml_node& node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c) == name) out.push_back(c);
  }
  return out;
}

std::string node_text(const pugi::xml_node& node) {
  // child_value() would miss text split by comments or CDATA; text() joins the first PCDATA/CDATA only,
  // so collect every direct text piece.
  std::string out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  return std::string(trim(out));
}

std::string child_text(const pugi::xml_node& node, std::string_view name) {
  pugi::xml_node c = child_named(node, name);
  return c ? node_text(c) : std::string();
}

std::string element_path(const pugi::xml_node& node) {
  std::vector<std::string> parts;
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    std::string_view name = local_name(n);
    int index = 0, same = 0;
    for (pugi::xml_node s = n.parent().first_child(); s; s = s.next_sibling()) {
      if (s.type() != pugi::node_element || local_name(s) != name) continue;
      ++same;
      if (s == n) index = same;
    }
    std::string part(name);
    if (same > 1) part += "[" + std::to_string(index) + "]";
    parts.push_back(std::move(part));
  }
  std::string path;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) path += "/" + *it;
  return path;
}

std::string element_location(const pugi::xml_node& node, std::string_view text, std::string_view file_name) {
  std::string out(file_name);
  ptrdiff_t offset = node.offset_debug();
  if (offset >= 0 && static_cast<size_t>(offset) <= text.size()) {
    out += ":" + std::to_string(line_col_at(text, static_cast<size_t>(offset)).line);
  }
  return out + ": " + element_path(node);
}

std::string node_xml(const pugi::xml_node& node) {
  std::ostringstream out;
  node.print(out, "", pugi::format_raw);
  return std::move(out).str();
}

Status load_xml(pugi::xml_document& doc, std::string_view text, std::string_view file_name) {
  pugi::xml_parse_result result = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    size_t offset = result.offset < 0 ? 0 : static_cast<size_t>(result.offset);
    if (offset > text.size()) offset = text.size();
    LineCol lc = line_col_at(text, offset);
    // An error on the last line is almost always a cut-off download: say so.
    std::string_view rest = trim(text.substr(offset));
    bool at_end = rest.find('\n') == std::string_view::npos;
    return parse_error(std::string(file_name) + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column) +
                       ": XML parse error: " + result.description() +
                       (at_end ? " (on the last line: is the file truncated?)" : ""));
  }
  if (!doc.document_element()) return parse_error(std::string(file_name) + ": XML has no root element");
  return Status::ok_status();
}

Result<LoadedFile> open_xml_list(const std::vector<std::filesystem::path>& paths, std::string_view format,
                                 pugi::xml_document& doc) {
  SEKISHO_ASSIGN_OR_RETURN(std::filesystem::path path, resolve_single(paths, ".xml", format));
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  // load_xml copies the text into the document, so `file` may move afterwards.
  SEKISHO_RETURN_IF_ERROR(load_xml(doc, text_body(file), path.string()));
  return file;
}

}  // namespace sekisho::xml
