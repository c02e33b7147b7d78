// The table of formats. Adding a format: write src/lists/<format>.cpp, declare
// its entry point in parsers.hpp, add one row here and a test on real data.
#include <algorithm>

#include "lists/dated_names.hpp"
#include "lists/parsers.hpp"
#include "lists/value_bounds.hpp"
#include "sekisho/lists.hpp"

namespace sekisho {

const std::vector<FormatInfo>& formats() {
  using namespace parsers;
  static const std::vector<FormatInfo> kFormats = {
      {"ofac-csv", "us_ofac_sdn", "OFAC SDN legacy CSV set: sdn.csv, add.csv, alt.csv, sdn_comments.csv",
       parse_ofac_sdn_csv},
      {"ofac-cons-csv", "us_ofac_cons", "OFAC consolidated (non-SDN) CSV set: cons_prim/add/alt/comments.csv",
       parse_ofac_cons_csv},
      {"ofac-xml", "us_ofac_sdn", "OFAC SDN.XML schema (sdn.xml or consolidated.xml)", parse_ofac_xml},
      {"un-xml", "un_sc_sanctions", "UN Security Council consolidated list XML", parse_un_xml},
      {"eu-fsf-xml", "eu_fsf", "EU Financial Sanctions Files XML 1.1", parse_eu_fsf_xml},
      {"uk-ods", "gb_fcdo_sanctions", "UK FCDO sanctions list ODS summary", parse_uk_ods},
      {"uk-csv", "gb_fcdo_sanctions", "UK FCDO sanctions list full CSV", parse_uk_csv},
      {"canada-xml", "ca_dfatd_sema", "Canada consolidated autonomous sanctions list (SEMA) XML", parse_canada_xml},
      {"bis-dpl", "us_bis_denied", "US BIS Denied Persons List TSV", parse_bis_dpl},
      {"us-csl", "us_trade_csl", "US Consolidated Screening List CSV", parse_us_csl},
      {"us-csl-entity-list", "us_bis_entity",
       "US BIS Entity List: the (EL) rows of the Consolidated Screening List CSV", parse_us_csl_entity_list},
      {"us-csl-meu", "us_bis_meu",
       "US BIS Military End-User List: the (MEU) rows of the Consolidated Screening List CSV", parse_us_csl_meu},
      {"ftm", "opensanctions", "FollowTheMoney entities, JSON lines", parse_ftm},
      {"ftm-delta", "opensanctions", "FollowTheMoney delta files (ADD/MOD/DEL), applied in order", parse_ftm_delta},
      {"mof-xlsx", "jp_mof_sanctions", "Japan MOF asset-freeze list XLSX (shisantouketsu)", parse_mof_xlsx},
      {"meti-eul-xlsx", "jp_meti_eul", "Japan METI End User List XLSX", parse_meti_eul_xlsx},
      {"meti-tokutei", "jp_meti_export_ban", "Japan METI export-ban lists, PDF text (numbered blocks)",
       parse_meti_tokutei},
      {"senzing", "senzing", "Senzing entity-resolution JSON (JSON lines or an array; OpenSanctions exports)",
       parse_senzing_json},
      {"csv", "", "Generic CSV with a mapping file (--mapping), for in-house lists", parse_generic_csv},
  };
  return kFormats;
}

const FormatInfo* find_format(std::string_view name) {
  for (const FormatInfo& f : formats()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

Result<ParsedList> parse_list(std::string_view format, const std::vector<std::filesystem::path>& paths,
                              ParseOptions options) {
  const FormatInfo* info = find_format(format);
  if (!info) {
    std::string known;
    for (const FormatInfo& f : formats()) known += (known.empty() ? "" : ", ") + std::string(f.name);
    return invalid_argument("unknown format '" + std::string(format) + "' (known: " + known + ")");
  }
  if (paths.empty()) return invalid_argument(std::string(format) + ": no input files given");
  if (options.list_id.empty()) options.list_id = std::string(info->default_list_id);
  if (options.list_id.empty()) return invalid_argument(std::string(format) + ": a list id is required (--list)");
  auto parsed = info->parse(paths, options);
  if (!parsed.ok()) return parsed;
  parsed->format = std::string(format);
  // The list's age is only as honest as its date: the file's own date first,
  // else the date the publisher put in the file or folder name.
  if (!parsed->publication_date.empty() && parsed->publication_date_source.empty()) {
    parsed->publication_date_source = "file";
  }
  for (const std::filesystem::path& p : paths) {
    if (!parsed->publication_date.empty()) break;
    parsed->publication_date = date_in_path(p);
    if (!parsed->publication_date.empty()) parsed->publication_date_source = "file name";
  }
  // Duplicate ids would make versions and diffs ambiguous: refuse them here, for every format.
  std::vector<std::string_view> ids;
  ids.reserve(parsed->entities.size());
  for (const Entity& e : parsed->entities) ids.push_back(e.id);
  std::sort(ids.begin(), ids.end());
  auto dup = std::adjacent_find(ids.begin(), ids.end());
  if (dup != ids.end()) return parse_error(std::string(format) + ": duplicate entity id " + std::string(*dup));
  SEKISHO_RETURN_IF_ERROR(check_value_bounds(*parsed));
  return parsed;
}

std::map<std::string, int> count_by_schema(const std::vector<Entity>& entities) {
  std::map<std::string, int> counts;
  for (const Entity& e : entities) ++counts[std::string(schema_name(e.schema))];
  return counts;
}

}  // namespace sekisho
