// PENDING: stub, replaced by the real parser.
#include "lists/parsers.hpp"

namespace sekisho::parsers {

Result<ParsedList> parse_bis_dpl(const Paths&, const ParseOptions&) { return internal_error("parse_bis_dpl: not implemented yet"); }

}  // namespace sekisho::parsers
