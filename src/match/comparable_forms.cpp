// From a raw name to what the comparer compares: the text pipeline's variants as tokens. The
// screener reads listed names and queries this way, and compare_names reads both of its names.
#include "core/strings.hpp"
#include "sekisho/match.hpp"
#include "sekisho/text.hpp"

namespace sekisho::match {

namespace {

text::PartyKind party_kind(Schema schema) {
  switch (schema) {
    case Schema::kPerson:
      return text::PartyKind::kPerson;
    case Schema::kOrganization:
    case Schema::kCompany:
      return text::PartyKind::kOrganization;
    default:
      return text::PartyKind::kUnknown;
  }
}

}  // namespace

std::vector<ComparableForm> comparable_forms(std::string_view raw, Schema schema, size_t max_variants) {
  text::AnalyzeOptions options;
  options.kind = party_kind(schema);
  options.max_variants = max_variants;
  text::NameForms nf = text::analyze_name(raw, options);
  std::vector<ComparableForm> out;
  out.reserve(nf.variants.size());
  for (size_t i = 0; i < nf.variants.size(); ++i) {
    ComparableForm f;
    f.text = nf.variants[i];
    f.tokens = tokens_from_text(f.text);
    if (text::r_may_be_l(nf.schemes[i])) {
      for (NameToken& t : f.tokens) t.r_may_be_l = true;
    }
    for (const std::string& cls : nf.legal_form_classes) {
      NameToken t;
      t.text = to_lower_ascii(cls);  // classes arrive as "LLC"
      t.legal_form = true;
      f.tokens.push_back(std::move(t));
    }
    if (!f.tokens.empty()) out.push_back(std::move(f));
  }
  return out;
}

NameComparison compare_names(std::string_view a, std::string_view b, Schema schema, const NameComparer& comparer) {
  NameComparison best;
  const std::vector<ComparableForm> fa = comparable_forms(a, schema, 8);
  const std::vector<ComparableForm> fb = comparable_forms(b, schema, 8);
  bool found = false;
  for (const ComparableForm& x : fa) {
    const PreparedQuery pq = comparer.prepare(x.tokens);
    for (const ComparableForm& y : fb) {
      NameMatch m = comparer.compare(pq, y.tokens, schema);
      if (!found || m.score > best.score) {
        best.score = m.score;
        best.form_a = x.text;
        best.form_b = y.text;
        best.detail = std::move(m);
        found = true;
      }
    }
  }
  return best;
}

}  // namespace sekisho::match
