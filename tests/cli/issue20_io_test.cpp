// Issue 20 §3: inputs and outputs as offices have them. A CSV saved by
// Japanese Excel (CP932), EUC-JP or UTF-16 is read as what it is; CSV for
// Excel carries a byte-order mark; --format xlsx writes a workbook with hits,
// scores and explanations in columns; `show` prints one listed entity.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "io/spreadsheet.hpp"
#include "support/subprocess.hpp"
#include "support/temp_home.hpp"

namespace sekisho {
namespace {

using testing::run_process;
using testing::RunResult;
using testing::TempHome;

// Customers as a Japanese office keeps them: katakana, kanji, full-width and Latin names.
const std::string kCustomers =
    "id,name\n"
    "c1,ハマス\n"
    "c2,山田太郎\n"
    "c3,Jimmy Cherizier\n"
    "c4,株式会社東京精密機械\n"
    "c5,ＡＢＣ商事\n"
    "c6,佐藤花子\n";

// `utf8` in `charset`, through ICU (the reverse direction of what sekisho reads).
std::string encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<size_t>(n));
  return out;
}

class OfficeIo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    home_ = new TempHome("office-io");
    RunResult un = run({"import", "un-xml", std::string(SEKISHO_SHARED_DATA) + "/un/consolidated_2026-02-27.xml"});
    ASSERT_EQ(un.exit_code, 0) << un.err;
    RunResult mof =
        run({"import", "mof-xlsx", std::string(SEKISHO_SHARED_DATA) + "/japan/mof_shisantouketsu_20260305.xlsx"});
    ASSERT_EQ(mof.exit_code, 0) << mof.err;
    utf8_run_ = new RunResult(screen({}, kCustomers));
  }
  static void TearDownTestSuite() {
    delete utf8_run_;
    delete home_;
  }

  static RunResult run(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {SEKISHO_BINARY, "--home", home_->str()});
    return run_process(args, {}, input);
  }
  static RunResult screen(std::vector<std::string> extra, const std::string& input) {
    std::vector<std::string> args = {"screen", "--input", "-", "--output", "-"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args, input);
  }

  static TempHome* home_;
  static RunResult* utf8_run_;  // the customers as UTF-8: what every encoding must read the same
};
TempHome* OfficeIo::home_ = nullptr;
RunResult* OfficeIo::utf8_run_ = nullptr;

TEST_F(OfficeIo, TheUtf8RunFindsTheKatakanaName) {
  ASSERT_EQ(utf8_run_->exit_code, 0) << utf8_run_->err;
  nlohmann::json first = nlohmann::json::parse(utf8_run_->out.substr(0, utf8_run_->out.find('\n')));
  ASSERT_FALSE(first["matches"].empty()) << utf8_run_->out;
  EXPECT_EQ(first["matches"][0]["list"], "jp_mof_sanctions");
}

TEST_F(OfficeIo, ShiftJisFromJapaneseExcelIsDetected) {
  std::string sjis = encode(kCustomers, "windows-31j");
  ASSERT_NE(sjis.find("\x83\x6E\x83\x7D\x83\x58"), std::string::npos) << "ハマス in CP932";
  RunResult r = screen({}, sjis);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("read as cp932 (detected)"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, utf8_run_->out);
  RunResult named = screen({"--encoding", "shift_jis"}, sjis);
  ASSERT_EQ(named.exit_code, 0) << named.err;
  EXPECT_EQ(named.out, utf8_run_->out);
}

TEST_F(OfficeIo, EucJpIsReadWhenNamedAndDetected) {
  std::string euc = encode(kCustomers, "EUC-JP");
  ASSERT_NE(euc.find("\xA5\xCF\xA5\xDE\xA5\xB9"), std::string::npos) << "ハマス in EUC-JP";
  RunResult named = screen({"--encoding", "euc-jp"}, euc);
  ASSERT_EQ(named.exit_code, 0) << named.err;
  EXPECT_EQ(named.out, utf8_run_->out);
  RunResult detected = screen({}, euc);
  ASSERT_EQ(detected.exit_code, 0) << detected.err;
  EXPECT_NE(detected.err.find("read as euc-jp (detected)"), std::string::npos) << detected.err;
  EXPECT_EQ(detected.out, utf8_run_->out);
}

TEST_F(OfficeIo, Utf16WithAByteOrderMarkIsRead) {
  std::string utf16 = "\xFF\xFE" + encode(kCustomers, "UTF-16LE");
  RunResult r = screen({}, utf16);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, utf8_run_->out);
  RunResult named = screen({"--encoding", "utf-16"}, utf16);
  ASSERT_EQ(named.exit_code, 0) << named.err;
  EXPECT_EQ(named.out, utf8_run_->out);
}

TEST_F(OfficeIo, BytesInvalidInTheNamedEncodingNameTheLine) {
  // The CP932 file read as EUC-JP: ハマス's bytes (0x83…) pass as C1 controls, but 山 (0x8E 0x52)
  // is no EUC-JP sequence, so reading stops on line 3 at its first byte.
  RunResult r = screen({"--encoding", "euc-jp"}, encode(kCustomers, "windows-31j"));
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_NE(r.err.find("<stdin>:3: byte 4 of the line is not valid euc-jp"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  RunResult bad = screen({"--encoding", "latin-9"}, kCustomers);
  EXPECT_EQ(bad.exit_code, 64);
  EXPECT_NE(bad.err.find("--encoding must be one of"), std::string::npos) << bad.err;
}

TEST_F(OfficeIo, ExcelCsvStartsWithAByteOrderMark) {
  RunResult r = screen({"--format", "csv", "--excel"}, kCustomers);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, 6), "\xEF\xBB\xBFid,");
  RunResult plain = screen({"--format", "csv"}, kCustomers);
  EXPECT_EQ(plain.out.substr(0, 3), "id,");
  EXPECT_EQ(r.out.substr(3), plain.out);
  EXPECT_EQ(screen({"--excel"}, kCustomers).exit_code, 64) << "--excel is for CSV";
}

TEST_F(OfficeIo, XlsxHasHitsScoresAndExplanationsInColumns) {
  std::string path = (home_->path() / "screening.xlsx").string();
  RunResult r = run({"screen", "--input", "-", "--output", path, "--format", "xlsx"}, kCustomers);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto wb = read_xlsx(std::filesystem::path(path));
  ASSERT_TRUE(wb.ok()) << wb.status().to_string();
  const Sheet* hits = wb->find_sheet("screening");
  ASSERT_NE(hits, nullptr);
  EXPECT_EQ(hits->text(0, 0), "id");
  EXPECT_EQ(hits->text(0, 10), "score");
  EXPECT_EQ(hits->text(0, 11), "explanation");
  EXPECT_EQ(hits->text(1, 0), "c1");
  EXPECT_EQ(hits->text(1, 1), "ハマス");
  EXPECT_EQ(hits->text(1, 3), "jp_mof_sanctions");
  EXPECT_EQ(hits->cell(1, 10).type, CellType::kNumber);
  EXPECT_GE(std::stod(hits->text(1, 10)), 0.9);
  EXPECT_NE(hits->text(1, 11).find("name score"), std::string::npos) << hits->text(1, 11);
  // Every input row appears, with or without hits.
  std::set<std::string> ids;
  for (size_t row = 1; row < hits->row_count(); ++row) ids.insert(hits->text(row, 0));
  EXPECT_EQ(ids, (std::set<std::string>{"c1", "c2", "c3", "c4", "c5", "c6"}));
  const Sheet* lists = wb->find_sheet("lists");
  ASSERT_NE(lists, nullptr);
  bool mof = false;
  for (size_t row = 1; row < lists->row_count(); ++row) {
    mof = mof || (lists->text(row, 0) == "jp_mof_sanctions" && lists->text(row, 3) == "2026-03-05");
  }
  EXPECT_TRUE(mof);
  EXPECT_EQ(run({"screen", "--input", "-", "--format", "xlsx"}, kCustomers).exit_code, 64) << "a workbook needs a file";
}

TEST_F(OfficeIo, ShowPrintsOneListedEntityWithItsListVersion) {
  RunResult r = run({"show", "un_sc_sanctions-HTi.001"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("un_sc_sanctions-HTi.001  Person"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("un_sc_sanctions version 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("published 2026-02-27 (from the file)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("names"), std::string::npos);
  EXPECT_NE(r.out.find("(primary"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1977-03-30"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("source record:\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("HTi.001"), r.out.rfind("HTi.001")) << "the source record names its reference too";

  RunResult j = run({"show", "un_sc_sanctions-HTi.001", "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  nlohmann::json out = nlohmann::json::parse(j.out);
  EXPECT_EQ(out["entity"]["id"], "un_sc_sanctions-HTi.001");
  EXPECT_FALSE(out["entity"]["names"].empty());
  EXPECT_EQ(out["list"]["list"], "un_sc_sanctions");
  EXPECT_EQ(out["list"]["version"], 1);
  EXPECT_EQ(out["list"]["publication_date"], "2026-02-27");

  RunResult missing = run({"show", "un_sc_sanctions-nope"});
  EXPECT_EQ(missing.exit_code, 66);
  EXPECT_NE(missing.err.find("un_sc_sanctions-nope"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace sekisho
