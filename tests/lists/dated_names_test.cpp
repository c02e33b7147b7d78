// Publication dates in publishers' file and folder names (issue 20 §1).
#include <gtest/gtest.h>

#include "lists/dated_names.hpp"

namespace sekisho {
namespace {

TEST(DatedNames, ReadsTheShapesPublishersUse) {
  EXPECT_EQ(date_in_name("consolidated_2026-02-27.xml"), "2026-02-27");
  EXPECT_EQ(date_in_name("mof_shisantouketsu_20260305.xlsx"), "2026-03-05");
  EXPECT_EQ(date_in_name("list_2025_08_11.ods"), "2025-08-11");
  EXPECT_EQ(date_in_name("sdn_csv_2021-07"), "2021-07");
  EXPECT_EQ(date_in_name("sema_consolidated_2025-05.xml"), "2025-05");
}

TEST(DatedNames, NumbersThatAreNoDatesAreLeft) {
  EXPECT_EQ(date_in_name("xmlFullSanctionsList_1_1.xml"), "");
  EXPECT_EQ(date_in_name("zala_entities.ftm.json"), "");
  EXPECT_EQ(date_in_name("export-20261307.csv"), "");  // month 13
  EXPECT_EQ(date_in_name("batch-202607121.csv"), "");  // digits run on
  EXPECT_EQ(date_in_name("2021-0712.csv"), "");        // separators differ
}

TEST(DatedNames, TheFolderDatesAFileWhoseNameDoesNot) {
  EXPECT_EQ(date_in_path("ofac/sdn_csv_2021-07/sdn.csv"), "2021-07");
  EXPECT_EQ(date_in_path("un/consolidated_2026-02-27.xml"), "2026-02-27");
  EXPECT_EQ(date_in_path("opensanctions/ftm/zala_entities.ftm.json"), "");
}

}  // namespace
}  // namespace sekisho
