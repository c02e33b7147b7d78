// Publication dates read from file and folder names, for publishers whose
// files carry no date inside but name them by date (the bundled mirror's
// sdn_csv_2021-07/, consolidated_2026-02-27.xml, shisantouketsu20260305.xlsx).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace sekisho {

// The date in `name`: "YYYY-MM-DD" for 2026-02-27, 2026_02_27 or 20260305, else
// "YYYY-MM" for 2021-07, else "". Digits that run on (a longer number) are no date.
std::string date_in_name(std::string_view name);

// The date in the file's name, else in the name of the folder holding it, else "".
std::string date_in_path(const std::filesystem::path& path);

}  // namespace sekisho
