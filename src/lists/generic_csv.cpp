// PENDING: stub, replaced by the real parser.
#include "lists/parsers.hpp"

namespace sekisho::parsers {

Result<ParsedList> parse_generic_csv(const Paths&, const ParseOptions&) { return internal_error("parse_generic_csv: not implemented yet"); }

}  // namespace sekisho::parsers
