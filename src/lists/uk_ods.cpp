// PENDING: stub, replaced by the real parser.
#include "lists/parsers.hpp"

namespace sekisho::parsers {

Result<ParsedList> parse_uk_ods(const Paths&, const ParseOptions&) { return internal_error("parse_uk_ods: not implemented yet"); }

}  // namespace sekisho::parsers
