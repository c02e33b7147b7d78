// The publishers' addresses. They move: OFAC's legacy paths now redirect to
// the Sanctions List Service; keep these in step with ../shared/data/README.md.
//
// max_age_days is each publisher's usual cadence with slack: lists amended
// several times a week (OFAC SDN, UK, EU, the CSL) are stale after a week,
// those amended a few times a month after two weeks to a month, METI's End
// User List (revised about yearly) after 400 days, METI's export-ban notices
// (irregular) after half a year, OpenSanctions (rebuilt daily) after two days.
#include <fstream>
#include <nlohmann/json.hpp>

#include "sekisho/update.hpp"

namespace sekisho {

const std::vector<SourceSpec>& default_sources() {
  static const std::vector<SourceSpec> kSources = {
      {.list_id = "us_ofac_sdn",
       .title = "US OFAC Specially Designated Nationals",
       .max_age_days = 7,
       .format = "ofac-csv",
       .urls = {"https://www.treasury.gov/ofac/downloads/sdn.csv", "https://www.treasury.gov/ofac/downloads/add.csv",
                "https://www.treasury.gov/ofac/downloads/alt.csv",
                "https://www.treasury.gov/ofac/downloads/sdn_comments.csv"},
       .mirror_paths = {"ofac/sdn_csv_2021-07/sdn.csv", "ofac/sdn_csv_2021-07/add.csv", "ofac/sdn_csv_2021-07/alt.csv",
                        "ofac/sdn_csv_2021-07/sdn_comments.csv"}},
      {.list_id = "us_ofac_cons",
       .title = "US OFAC Consolidated (non-SDN) lists",
       .max_age_days = 30,
       .format = "ofac-cons-csv",
       .urls = {"https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv",
                "https://www.treasury.gov/ofac/downloads/consolidated/cons_add.csv",
                "https://www.treasury.gov/ofac/downloads/consolidated/cons_alt.csv",
                "https://www.treasury.gov/ofac/downloads/consolidated/cons_comments.csv"},
       .mirror_paths = {"ofac/cons_csv_2025-12/cons_prim.csv", "ofac/cons_csv_2025-12/cons_add.csv",
                        "ofac/cons_csv_2025-12/cons_alt.csv", "ofac/cons_csv_2025-12/cons_comments.csv"}},
      {.list_id = "un_sc_sanctions",
       .title = "UN Security Council Consolidated List",
       .max_age_days = 14,
       .format = "un-xml",
       .urls = {"https://scsanctions.un.org/resources/xml/en/consolidated.xml"},
       .mirror_paths = {"un/consolidated_2026-02-27.xml"}},
      {.list_id = "eu_fsf",
       .title = "EU Consolidated Financial Sanctions",
       .max_age_days = 7,
       .format = "eu-fsf-xml",
       .urls =
           {"https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw"},
       .mirror_paths = {"eu/fsf/xmlFullSanctionsList_1_1.xml"}},
      {.list_id = "gb_fcdo_sanctions",
       .title = "UK Sanctions List (FCDO)",
       .max_age_days = 7,
       .format = "uk-csv",
       .urls = {"https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv"},
       .mirror_format = "uk-ods",
       .mirror_paths = {"uk/fcdo_uk_sanctions_list_summary_2025-08-11.ods"}},
      {.list_id = "ca_dfatd_sema",
       .title = "Canada Consolidated Autonomous Sanctions List",
       .max_age_days = 30,
       .format = "canada-xml",
       .urls = {"https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_"
                "internationales/sanctions/sema-lmes.xml"},
       .mirror_paths = {"canada/sema_consolidated_2025-05.xml"}},
      {.list_id = "us_bis_denied",
       .title = "US BIS Denied Persons List",
       .max_age_days = 30,
       .format = "bis-dpl",
       .urls = {"https://www.bis.doc.gov/dpl/dpl.txt"},
       .mirror_paths = {"us_bis/dpl_2022-09.txt"}},
      {.list_id = "us_trade_csl",
       .title = "US Consolidated Screening List",
       .max_age_days = 7,
       .format = "us-csl",
       .urls = {"https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"},
       .mirror_paths = {"us_csl/consolidated_sample_2025-06.csv"}},
      // The export-control lists the policies name, split out of the CSL by its `source` column.
      {.list_id = "us_bis_entity",
       .title = "US BIS Entity List (from the Consolidated Screening List)",
       .max_age_days = 7,
       .format = "us-csl-entity-list",
       .urls = {"https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"},
       .mirror_paths = {"us_csl/consolidated_sample_2025-06.csv"}},
      {.list_id = "us_bis_meu",
       .title = "US BIS Military End-User List (from the Consolidated Screening List)",
       .max_age_days = 7,
       .format = "us-csl-meu",
       .urls = {"https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"},
       .mirror_paths = {"us_csl/consolidated_sample_2025-06.csv"}},
      {.list_id = "jp_mof_sanctions",
       .title = "Japan MOF asset-freeze list",
       .max_age_days = 30,
       .format = "mof-xlsx",
       .discover_page = "https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/"
                        "list.html",
       .discover_pattern = R"(shisantouketsu\d{8}\.xlsx)",
       .mirror_paths = {"japan/mof_shisantouketsu_20260305.xlsx"}},
      {.list_id = "jp_meti_eul",
       .title = "Japan METI End User List",
       .max_age_days = 400,
       .format = "meti-eul-xlsx",
       .discover_page = "https://www.meti.go.jp/policy/anpo/law05.html",
       .discover_pattern = R"(\d{8}[^"/]*\.xlsx)",
       .mirror_paths = {"japan/meti_end_user_list_20250929.xlsx"}},
      // METI publishes the export-ban lists as PDF only; sekisho reads their text form.
      {.list_id = "jp_meti_belarus",
       .title = "Japan METI export ban: Belarus entities",
       .max_age_days = 180,
       .format = "meti-tokutei",
       .mirror_paths = {"export-control/jp_meti_list_belarus_tokutei.pdf.txt"}},
      {.list_id = "jp_meti_russia",
       .title = "Japan METI export ban: Russian entities",
       .max_age_days = 180,
       .format = "meti-tokutei",
       .mirror_paths = {"export-control/jp_meti_250912_list_russia_tokutei.pdf.txt"}},
      {.list_id = "jp_meti_third_country",
       .title = "Japan METI export ban: third-country entities",
       .max_age_days = 180,
       .format = "meti-tokutei",
       .mirror_paths = {"export-control/jp_meti_250912_list_daisangoku_tokutei.pdf.txt"}},
      // OpenSanctions publishes each dataset as FollowTheMoney JSON lines; the
      // bundled mirror holds a sample of real sanctioned entities in that format.
      {.list_id = "opensanctions",
       .title = "OpenSanctions consolidated sanctions (FollowTheMoney)",
       .max_age_days = 2,
       .format = "ftm",
       .urls = {"https://data.opensanctions.org/datasets/latest/sanctions/entities.ftm.json"},
       .mirror_paths = {"opensanctions/ftm/zala_entities.ftm.json"}},
  };
  return kSources;
}

Result<std::vector<SourceSpec>> load_sources(const std::filesystem::path& json_file) {
  std::ifstream in(json_file);
  if (!in) return not_found(json_file.string() + ": cannot open source catalogue");
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_array()) {
    return parse_error(json_file.string() + ": expected a JSON array of sources");
  }
  std::vector<SourceSpec> out;
  for (size_t i = 0; i < j.size(); ++i) {
    const auto& s = j[i];
    std::string where = json_file.string() + ": source [" + std::to_string(i) + "]";
    if (!s.is_object() || !s.contains("list_id") || !s.contains("format")) {
      return parse_error(where + ": needs 'list_id' and 'format'");
    }
    try {
      SourceSpec spec;
      spec.list_id = s.at("list_id").get<std::string>();
      spec.format = s.at("format").get<std::string>();
      spec.title = s.value("title", spec.list_id);
      spec.urls = s.value("urls", std::vector<std::string>{});
      spec.discover_page = s.value("discover_page", "");
      spec.discover_pattern = s.value("discover_pattern", "");
      spec.mirror_format = s.value("mirror_format", "");
      spec.mirror_paths = s.value("mirror_paths", std::vector<std::string>{});
      spec.max_age_days = s.value("max_age_days", 0);
      out.push_back(std::move(spec));
    } catch (const nlohmann::json::exception& e) {
      return parse_error(where + ": " + e.what());
    }
  }
  return out;
}

}  // namespace sekisho
