// PENDING: stub, replaced by the real parser.
#include "lists/parsers.hpp"

namespace sekisho::parsers {

Result<ParsedList> parse_meti_eul_xlsx(const Paths&, const ParseOptions&) { return internal_error("parse_meti_eul_xlsx: not implemented yet"); }

}  // namespace sekisho::parsers
