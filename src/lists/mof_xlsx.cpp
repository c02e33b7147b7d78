// PENDING: stub, replaced by the real parser.
#include "lists/parsers.hpp"

namespace sekisho::parsers {

Result<ParsedList> parse_mof_xlsx(const Paths&, const ParseOptions&) { return internal_error("parse_mof_xlsx: not implemented yet"); }

}  // namespace sekisho::parsers
