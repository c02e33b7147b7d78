// One entry point per format; each is defined in the file of the same name.
#pragma once

#include <filesystem>
#include <vector>

#include "sekisho/lists.hpp"

namespace sekisho::parsers {

using Paths = std::vector<std::filesystem::path>;

Result<ParsedList> parse_ofac_sdn_csv(const Paths& paths, const ParseOptions& options);        // ofac_csv.cpp
Result<ParsedList> parse_ofac_cons_csv(const Paths& paths, const ParseOptions& options);       // ofac_csv.cpp
Result<ParsedList> parse_ofac_xml(const Paths& paths, const ParseOptions& options);            // ofac_xml.cpp
Result<ParsedList> parse_un_xml(const Paths& paths, const ParseOptions& options);              // un_xml.cpp
Result<ParsedList> parse_eu_fsf_xml(const Paths& paths, const ParseOptions& options);          // eu_fsf_xml.cpp
Result<ParsedList> parse_uk_ods(const Paths& paths, const ParseOptions& options);              // uk_ods.cpp
Result<ParsedList> parse_uk_csv(const Paths& paths, const ParseOptions& options);              // uk_csv.cpp
Result<ParsedList> parse_canada_xml(const Paths& paths, const ParseOptions& options);          // canada_xml.cpp
Result<ParsedList> parse_bis_dpl(const Paths& paths, const ParseOptions& options);             // bis_dpl.cpp
Result<ParsedList> parse_us_csl(const Paths& paths, const ParseOptions& options);              // us_csl.cpp
Result<ParsedList> parse_us_csl_entity_list(const Paths& paths, const ParseOptions& options);  // us_csl.cpp
Result<ParsedList> parse_us_csl_meu(const Paths& paths, const ParseOptions& options);          // us_csl.cpp
Result<ParsedList> parse_ftm(const Paths& paths, const ParseOptions& options);                 // ftm_json.cpp
Result<ParsedList> parse_ftm_delta(const Paths& paths, const ParseOptions& options);           // ftm_json.cpp
Result<ParsedList> parse_mof_xlsx(const Paths& paths, const ParseOptions& options);            // mof_xlsx.cpp
Result<ParsedList> parse_meti_eul_xlsx(const Paths& paths, const ParseOptions& options);       // meti_eul_xlsx.cpp
Result<ParsedList> parse_meti_tokutei(const Paths& paths, const ParseOptions& options);        // meti_tokutei.cpp
Result<ParsedList> parse_generic_csv(const Paths& paths, const ParseOptions& options);         // generic_csv.cpp
Result<ParsedList> parse_senzing_json(const Paths& paths, const ParseOptions& options);        // senzing_json.cpp

}  // namespace sekisho::parsers
