// A user of the installed library: calls the text part through its public header and reads a
// Status, to prove the installed headers, libraries and third-party dependencies link.
#include <iostream>

#include "sekisho/status.hpp"
#include "sekisho/text.hpp"

int main() {
  const sekisho::text::NameForms forms = sekisho::text::analyze_name("ООО Ромашка");
  if (forms.variants.empty()) return 1;
  std::cout << "country " << sekisho::text::country_code("Russian Federation") << '\n';
  std::cout << "script " << sekisho::text::script_name(forms.script) << '\n';
  std::cout << "variant " << forms.variants.front() << '\n';
  const sekisho::Status status(sekisho::StatusCode::kNotFound, "no such list");
  std::cout << "status " << status.to_string() << " exit " << status.exit_code() << '\n';
  return 0;
}
