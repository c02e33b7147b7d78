// Words read as the form the lists use for the same name in another language
// (tables/name_equivalents.tsv): Poetin, Putinas and 普京 are all Putin.
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

std::string equivalent_name_reading(const std::vector<std::string>& words, bool keep_unknown) {
  const EquivalentNames& table = equivalent_names();
  if (table.list_form.empty()) return {};
  std::string out;
  bool known = false;
  for (const std::string& w : words) {
    auto it = table.list_form.find(w);
    if (it == table.list_form.end() && !keep_unknown) return {};
    known = known || it != table.list_form.end();
    if (!out.empty()) out += ' ';
    out += it == table.list_form.end() ? w : it->second;
  }
  return known ? out : std::string();
}

}  // namespace sekisho::text::detail
