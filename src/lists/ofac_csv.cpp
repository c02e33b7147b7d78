// PENDING: stub, replaced by the real parser.
#include "lists/parsers.hpp"

namespace sekisho::parsers {

Result<ParsedList> parse_ofac_sdn_csv(const Paths&, const ParseOptions&) { return internal_error("parse_ofac_sdn_csv: not implemented yet"); }

Result<ParsedList> parse_ofac_cons_csv(const Paths&, const ParseOptions&) { return internal_error("parse_ofac_cons_csv: not implemented yet"); }

}  // namespace sekisho::parsers
