// PENDING: stub, replaced by the real parser.
#include "lists/parsers.hpp"

namespace sekisho::parsers {

Result<ParsedList> parse_ftm(const Paths&, const ParseOptions&) { return internal_error("parse_ftm: not implemented yet"); }

Result<ParsedList> parse_ftm_delta(const Paths&, const ParseOptions&) { return internal_error("parse_ftm_delta: not implemented yet"); }

}  // namespace sekisho::parsers
