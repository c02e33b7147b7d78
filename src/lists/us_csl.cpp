// PENDING: stub, replaced by the real parser.
#include "lists/parsers.hpp"

namespace sekisho::parsers {

Result<ParsedList> parse_us_csl(const Paths&, const ParseOptions&) { return internal_error("parse_us_csl: not implemented yet"); }

}  // namespace sekisho::parsers
