// PENDING: stub, replaced by the real parser.
#include "lists/parsers.hpp"

namespace sekisho::parsers {

Result<ParsedList> parse_un_xml(const Paths&, const ParseOptions&) { return internal_error("parse_un_xml: not implemented yet"); }

}  // namespace sekisho::parsers
