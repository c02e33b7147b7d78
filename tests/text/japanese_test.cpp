#include <gtest/gtest.h>

#include <algorithm>

#include "sekisho/text.hpp"
#include "text/text_internal.hpp"
#include "text/text_test_util.hpp"

namespace sekisho::text {
namespace {

using testing::contains;

TEST(Kana, HepburnVariantsPeopleWrite) {
  auto yoko = kana_to_hepburn_variants("ようこ", {false});
  ASSERT_FALSE(yoko.empty());
  EXPECT_EQ(yoko[0], "yoko");
  EXPECT_TRUE(contains(yoko, "youko"));
  EXPECT_TRUE(contains(yoko, "yohko"));

  auto shinbashi = kana_to_hepburn_variants("しんばし", {false});
  EXPECT_EQ(shinbashi[0], "shinbashi");
  EXPECT_TRUE(contains(shinbashi, "shimbashi"));
  EXPECT_TRUE(contains(shinbashi, "sinbasi"));

  auto tsuchi = kana_to_hepburn_variants("つちや ふじ", {false});
  EXPECT_EQ(tsuchi[0], "tsuchiya fuji");
  EXPECT_TRUE(contains(tsuchi, "tutiya huzi"));
}

TEST(Kana, YouonSokuonAndForeignSounds) {
  EXPECT_EQ(kana_to_hepburn_variants("きょうと", {false})[0], "kyoto");
  EXPECT_EQ(kana_to_hepburn_variants("しゃちょう", {false})[0], "shacho");
  EXPECT_EQ(kana_to_hepburn_variants("マッチ", {false})[0], "matchi");
  EXPECT_EQ(kana_to_hepburn_variants("ニッポン", {false})[0], "nippon");
  EXPECT_EQ(kana_to_hepburn_variants("ファイル", {false})[0], "fairu");
  EXPECT_EQ(kana_to_hepburn_variants("ティー", {false})[0], "ti");
  EXPECT_EQ(kana_to_hepburn_variants("ウィ", {false})[0], "wi");
  auto vu = kana_to_hepburn_variants("ヴィクトル", {false});
  EXPECT_EQ(vu[0], "vikutoru");
  EXPECT_TRUE(contains(vu, "bikutoru"));
}

TEST(Kana, ForeignNamesMeetTheirLatinSpelling) {
  auto putin = kana_to_hepburn_variants("プーチン");
  EXPECT_TRUE(contains(putin, "putin"));
  EXPECT_TRUE(contains(putin, "puchin"));
  auto argut = kana_to_hepburn_variants("アルグト");
  EXPECT_EQ(argut[0], "aruguto");
  EXPECT_EQ(argut[1], "argut");  // a katakana name's reductions come right after Hepburn
  EXPECT_TRUE(contains(argut, "algut"));
  // Reductions come last for hiragana and kanji readings: Japanese words keep their vowels first.
  auto native = kana_to_hepburn_variants("ウラジーミル", {false});
  EXPECT_EQ(native[1], "urajiimiru");
  EXPECT_TRUE(contains(native, "urazimiru"));
  EXPECT_GE(std::find(native.begin(), native.end(), "vrajimir") - native.begin(), 3);
}

TEST(Kana, ArabicArticleAssimilatedToASunLetter) {
  // アッサイード is al-Sayyid said as Arabic says it (as-Sayyid), エッサイード el-Sayed.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ハニ アッサイード アッセバイ"), "hani al said al sebai"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("モハメド エッサイード"), "mohamed el said"));
  // Not before a moon letter, nor Allah's double l.
  for (const std::string& v : kana_to_hepburn_variants("アッバス アブダッラー")) {
    EXPECT_EQ(v.find("al "), std::string::npos) << v;
  }
}

TEST(Kana, ChineseNamesReadAsPinyin) {
  // A one-syllable surname and a given name of Mandarin syllables, the given name joined.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("マ シャオホン"), "ma xiaohong"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ルオ チュワンシュー"), "luo chuanxu"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ウー フイフイ"), "wu huihui"));
  EXPECT_EQ(detail::katakana_chinese_reading("ホン ジンホァー"), "hong jinhua");
  // Not a Chinese name: a word that is no run of those syllables, or the wrong shape.
  EXPECT_EQ(detail::katakana_chinese_reading("ウラジーミル プーチン"), "");
  EXPECT_EQ(detail::katakana_chinese_reading("シャオホン"), "");
  EXPECT_EQ(detail::katakana_chinese_reading("シャオ ホン マ"), "");
  // Hiragana is read as Japanese only.
  EXPECT_FALSE(contains(kana_to_hepburn_variants("ま しゃおほん", {false}), "ma xiaohong"));
}

TEST(Kana, ForeignReductionsOfSlavicNames) {
  // ッチ is a plain ch and the i after a final ch is epenthetic: -вич/-vić.
  auto milosevic = kana_to_hepburn_variants("ミロシェヴィッチ");
  EXPECT_EQ(milosevic[0], "miroshevitchi");
  EXPECT_TRUE(contains(milosevic, "miroshevich"));
  EXPECT_TRUE(contains(milosevic, "miloshevich"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ミリッツァ"), "militsa"));  // Milica
  // ト/ド before a ラ行 syllable is the tr/dr cluster, but "-toru" keeps its vowel (Viktor).
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ペトロフ"), "petrov"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ヴィクトル"), "viktor"));
  EXPECT_FALSE(contains(kana_to_hepburn_variants("ヴィクトル"), "viktr"));
  // A word-initial consonant cluster: クリモフ Klimov, ヴライコ Vlajko, スヴェトラーナ Svetlana.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("クリモフ"), "klimov"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ヴライコ"), "vlaiko"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("スヴェトラーナ"), "svetlana"));
  // ズ before a consonant is a z cluster as ス is an s one: ズベルバンク Sberbank (сб voiced).
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ズベルバンク"), "zberbank"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ズヴョーズダチカ"), "zvyozdachika"));
  // ...but not a doubled one, nor one before a vowel.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ムザファル"), "muzafar"));
  // A word-initial ウ before ラ行 is a v no vowel may follow: ウラジーミル Vladimir.
  auto vladimir = kana_to_hepburn_variants("ウラジーミル");
  EXPECT_TRUE(contains(vladimir, "vrajimir"));
  EXPECT_TRUE(contains(vladimir, "vlajimil"));
  // The u of プーチン is long, not epenthetic.
  EXPECT_FALSE(contains(kana_to_hepburn_variants("プーチン"), "pchin"));
}

TEST(Kana, RussianEndingsAndPalatalisedConsonants) {
  // A final -オフ/-エフ and -フスキー are Russian -ov/-ev/-ovsky.
  auto antipov = kana_to_hepburn_variants("アンチポフ");
  EXPECT_TRUE(contains(antipov, "anchipov"));
  EXPECT_FALSE(contains(antipov, "anchipof"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ベレゾフスキー"), "berezovski"));
  // The Russian reading: シ/チ/ジ/ジェ are си/ти/ди/де.
  EXPECT_TRUE(contains(antipov, "antipov"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ヴァシリエフ"), "vasiliev"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("メドヴェージェフ"), "medvedev"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ウラジーミル"), "vladimil"));
  // ...with BGN's kh for х, ye for an initial е and -slav.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ミハイロフ"), "mikhailov"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("エヴゲーニー"), "yevgeni"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ヴャチェスラフ"), "vyacheslav"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("アシュラフ"), "ashraf"));  // the reduction keeps -af
  EXPECT_TRUE(contains(kana_to_hepburn_variants("シュコルキナ"), "shkolkina"));
  // Hepburn stays first: the Russian reading is an extra variant, not a replacement.
  EXPECT_EQ(kana_to_hepburn_variants("シシキン")[0], "shishikin");
}

// Issue 17 §4: katakana written from Russian, as the METI Russia list writes its bodies.
TEST(Issue17Kana, RussianSoundsOfOrganisationNames) {
  // Japanese writes sh as シ, so ス before ハ行 keeps its vowel: スホイ is Sukhoi (Сухой).
  EXPECT_TRUE(contains(kana_to_hepburn_variants("スホイ"), "sukhoi"));
  EXPECT_FALSE(contains(kana_to_hepburn_variants("スホイ"), "shoi"));
  // A final ль after a consonant is リ: Ярославль ヤロスラヴリ, Кремль クレムリ.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ヤロスラヴリ"), "yarosravl"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("クレムリ"), "kuremuri"));
  EXPECT_EQ(detail::kana_russian_reading("クレムリ"), "kreml");
  // Russian has no w: ワ is ва, and the u of クワ the epenthetic vowel of кв (Москва).
  EXPECT_TRUE(contains(kana_to_hepburn_variants("モスクワ"), "moskva"));
  // Only ウラ opens with the v of вл (ウラジーミル); ウリ is ул- (Ulyanovsk).
  EXPECT_EQ(detail::kana_russian_reading("ウリヤノフスク"), "uriyanovsk");
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ウラジーミル"), "vradimir"));
  // -ство is written ストヴォ, whose first o is epenthetic; the o before a final フ is -ov's.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ラヴェンストヴォ"), "ravenstvo"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("サラトフ"), "saratov"));
  // The s cluster stays where no sh can come of it: -フスキー, ストイリコヴィッチ.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ベレゾフスキー"), "berezovski"));
}

TEST(Kana, RuClosingASyllableIsNoCluster) {
  // ブル/トル before a consonant are bul/tol (Bulgakov, Tolmachev), not the br/tr of ブラ/トロ.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ブルガーコフ"), "bulgakov"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("トルマチョフ"), "tolmachov"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ブライコ"), "braiko"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ペトロフ"), "petrov"));
}

TEST(Kana, FinalLongTaIsEnglishTer) {
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ピーター"), "piter"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ハイダー"), "haider"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("タタール"), "tatar"));  // ール is not ー
}

TEST(Kana, VowelBeforeACodaNIsReal) {
  EXPECT_TRUE(contains(kana_to_hepburn_variants("デドン"), "dedon"));
  EXPECT_FALSE(contains(kana_to_hepburn_variants("デドン"), "dedn"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("メドヴェージェフ"), "medvedev"));  // ド before ヴ still drops
}

TEST(Kana, VowelBeforeAGeminateIsReal) {
  // ルッラー is -ullah (Khairullah), not "rrra", and a final ッラー writes -llah's h as ー.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ハイルッラー"), "hairullah"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("アブダッラー"), "abdallah"));
  EXPECT_FALSE(contains(kana_to_hepburn_variants("ハイルッラー"), "hairrra"));
}

TEST(Kana, SyllableClosingFuIsH) {
  // フ closing a syllable writes the Arabic/Persian h or kh: アフマド Ahmad, マフムード Mahmoud.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("アフマド"), "ahmad"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("マフムード"), "mahmud"));
  // Not before s, where it is the v of -ovsky, nor at a word's start (フセイン).
  EXPECT_FALSE(contains(kana_to_hepburn_variants("ベレゾフスキー"), "berezohski"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("フセイン"), "fusein"));
}

TEST(Kana, ArabicArticleFinalGeminateAndShortWords) {
  // アル/エル alone are the article al/el; a final geminate is written once; a two-letter word
  // keeps its u (アブ Abu).
  auto qaida = kana_to_hepburn_variants("アル カーイダ");
  EXPECT_TRUE(contains(qaida, "al kaida"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("アブド エル カーデル"), "abd el kader"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("イスラミック"), "isramik"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("リミテッド"), "rimited"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("アブ サヤフ"), "abu sayaf"));
  EXPECT_FALSE(contains(kana_to_hepburn_variants("アブ サヤフ"), "ab sayaf"));
}

TEST(Kana, SmallVowelAfterKuKeepsItsW) {
  EXPECT_EQ(kana_to_hepburn_variants("クォン")[0], "kwon");
  EXPECT_EQ(kana_to_hepburn_variants("グァンホ")[0], "gwanho");
  EXPECT_EQ(kana_to_hepburn_variants("ファイル", {false})[0], "fairu");  // ファ is still fa
}

TEST(Kana, KoreanNamesReadWithNgAndL) {
  // After a common Korean surname, ン closing a syllable is ng, ル closing one l, ファ hwa.
  // The given name's syllables are written apart, a syllable-initial g is k, シ si, ク closing k.
  auto jong = kana_to_hepburn_variants("キム ジョンシク");
  EXPECT_EQ(jong[0], "kimu jonshiku");
  EXPECT_EQ(jong[1], "kim jong sik");
  EXPECT_TRUE(contains(kana_to_hepburn_variants("チャン ソンチョル"), "jang song chol"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("チャン ソンチョル"), "chang song chol"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ムン ギョンファン"), "mung kyong hwang"));
  // ン before a vowel or a labial stays n; without a Korean surname there is no Korean reading.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("キム ソンイル"), "kim son il"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("カン ボムス"), "kang bom su"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("キム クムサン"), "kim kum sang"));
  EXPECT_FALSE(contains(kana_to_hepburn_variants("コンスタンチン"), "kongstangching"));
}

TEST(Kana, RussianReadingOfTyaSoftLAndKh) {
  // チャ/チュ/チョ write тя/тю/тё (Degtyarev, Antyufeyev, Artyom); the reduction keeps ча.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("デグチャリョフ"), "degtyaryov"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("アルチョム"), "artyom"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ビチャエフ"), "bichaev"));
  // リ before a consonant is a soft л: イリダル Ildar, モスカリコヴァ Moskalkova; not in a
  // word's last syllable (ボリス Boris) nor before ル (キリル Kirill).
  EXPECT_TRUE(contains(kana_to_hepburn_variants("イリダル"), "ildar"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("モスカリコヴァ"), "moskalkova"));
  EXPECT_FALSE(contains(kana_to_hepburn_variants("ボリス"), "bols"));
  EXPECT_FALSE(contains(kana_to_hepburn_variants("キリル"), "kill"));
  // х before u or a consonant, and the -ых of a surname, are written フ.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("フロモフ"), "khromov"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("フベゾフ"), "khubezov"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("ベールィフ"), "belikh"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("フロモフ"), "fromov"));  // Frolov's f too
}

TEST(Kana, KoreanWordInitialChIsJ) {
  // Japanese hears the unvoiced word-initial ㅈ as チ: チャン 장 Jang, チョン 정 Jong; チェ is 최 Choe.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("チャン ボムス"), "jang bom su"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("チョン ヨンナム"), "jong yong nam"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("チュ ギュチャン"), "chu kyuchang"));  // 추 Chu is one too
  EXPECT_TRUE(contains(kana_to_hepburn_variants("チェ ソンイル"), "che son il"));
  // ...but not inside the name, where ㅈ is voiced and written ジ: a given name's チ is ㅊ ch.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("キム ソンチョル"), "kim song chol"));
  EXPECT_TRUE(contains(kana_to_hepburn_variants("チェ チュンシク"), "che chung sik"));
  // グワン is 광 kwang, as グァン is.
  EXPECT_TRUE(contains(kana_to_hepburn_variants("キム グワンイル"), "kim kwan il"));
}

TEST(Kana, HiraganaForeignNameStillReduced) {
  auto v = kana_to_hepburn_variants("うらじーみる", {false});
  EXPECT_EQ(v[0], "urajimiru");
  EXPECT_TRUE(contains(v, "vlajimil"));
}

TEST(Kanji, EnamdictGivesEveryReading) {
  auto readings = kanji_readings("上川");
  std::vector<std::string> romaji;
  for (const auto& r : readings) romaji.push_back(r.romaji);
  ASSERT_FALSE(romaji.empty());
  EXPECT_EQ(romaji[0], "kamikawa");  // MeCab's reading first
  for (const char* r : {"uekawa", "kamigawa", "jogawa", "uegawa"}) EXPECT_TRUE(contains(romaji, r)) << r;
  bool surname_flag = false;
  for (const auto& r : readings) {
    if (r.romaji == "uekawa") surname_flag = (r.kinds & static_cast<uint8_t>(ReadingKind::kSurname)) != 0;
  }
  EXPECT_TRUE(surname_flag);
}

TEST(Kanji, MecabSegmentsNamesAndOrganisations) {
  auto segs = segment_japanese("上川陽子");
  ASSERT_TRUE(segs.ok()) << segs.status().to_string();
  ASSERT_EQ(segs->size(), 2u);
  EXPECT_EQ((*segs)[0].surface, "上川");
  EXPECT_EQ((*segs)[1].reading_kana, "ヨウコ");
  EXPECT_TRUE((*segs)[0].person_name);

  auto org = segment_japanese("連邦保安庁");
  ASSERT_TRUE(org.ok());
  ASSERT_EQ(org->size(), 2u);
  EXPECT_TRUE((*org)[1].proper_noun);
}

// MeCab reads its input up to a NUL whatever length it is given: a view into a longer text
// (a name's part) is segmented as the view alone.
TEST(Kanji, MecabSegmentsAViewAndNothingPastIt) {
  const std::string text = "上川陽子連邦保安庁";
  auto segs = segment_japanese(std::string_view(text).substr(0, std::string_view("上川陽子").size()));
  ASSERT_TRUE(segs.ok()) << segs.status().to_string();
  std::string joined;
  for (const JapaneseSegment& s : *segs) joined += s.surface;
  EXPECT_EQ(joined, "上川陽子");
}

TEST(Kanji, GlossOfOrganisationNames) {
  std::string fsb = japanese_gloss("連邦保安庁");
  EXPECT_NE(fsb.find("federal"), std::string::npos) << fsb;
  EXPECT_NE(fsb.find("security"), std::string::npos) << fsb;
  EXPECT_EQ(japanese_gloss("造船所"), "shipyard");
  EXPECT_EQ(japanese_gloss("研究所"), "research institute");
  EXPECT_NE(japanese_gloss("国防省通信センター").find("center"), std::string::npos);
  // Two curated words beat one EDICT compound: 修理工場 is "repair plant", not "repair shop".
  EXPECT_EQ(japanese_gloss("航空機修理工場"), "aircraft repair plant");
  EXPECT_EQ(japanese_gloss(""), "");
}

TEST(Kanji, PlacesReadAsTheListsWriteThem) {
  // The lists write Moscow and St Petersburg, not Moskva: tables/name_equivalents.tsv.
  EXPECT_EQ(japanese_gloss("モスクワ航空大学"), "moscow aviation university");
  EXPECT_EQ(japanese_gloss("サンクトペテルブルク海軍設計局"), "st petersburg navy design bureau");
}

TEST(Kana, UralIsNoVladimir) {
  // A word-initial ウラ is the вла of Владимир, but ウラル is Урал.
  EXPECT_EQ(detail::kana_foreign_reduction("ウラジーミル"), "vrajimir");
  EXPECT_EQ(detail::kana_foreign_reduction("ウラル"), "urar");
  EXPECT_EQ(detail::kana_foreign_reduction("ウラリスク"), "urarisk");
}

TEST(Kana, AClosingFuIsReadAsRussianHearsIt) {
  // Russian devoices в before a voiceless consonant and Japanese hears f; ф stands before r or
  // l; before any other consonant フ writes the х Japanese lacks. The plain reduction keeps the
  // h of Arabic names (アフマド ahmad).
  EXPECT_EQ(detail::kana_russian_reading("アフトマティカ"), "avtomatika");
  EXPECT_EQ(detail::kana_russian_reading("サフロノフ"), "safronov");
  EXPECT_EQ(detail::kana_russian_reading("バフムト"), "bakhmut");
  EXPECT_EQ(detail::kana_foreign_reduction("アフマド"), "ahmad");
  EXPECT_EQ(detail::kana_foreign_reduction("アフトマティカ"), "ahtomatika");
}

TEST(Kanji, AForeignNameThatSpellsLoanwordsKeepsItsReading) {
  // イルティシュ (Irtysh) splits into イル + ティシュ "tissue", エレクトロチャーガ (Elektrotyaga)
  // into エレクトロ + チャーガ "chaga mushroom": the name's Russian reading is a gloss as well.
  const std::vector<std::string> glosses = detail::japanese_glosses("オムスク イルティシュ 生産組合", 4);
  EXPECT_TRUE(contains(glosses, "omsk irtish production union")) << ::testing::PrintToString(glosses);
  const std::vector<std::string> tyaga = detail::japanese_glosses("エレクトロチャーガ 工場", 4);
  EXPECT_TRUE(std::any_of(tyaga.begin(), tyaga.end(), [](const std::string& g) {
    return g.find("tyaga") != std::string::npos;
  })) << ::testing::PrintToString(tyaga);
}

TEST(Kanji, ACompanyFormInsideAGlossIsALegalForm) {
  // MOFA keeps a Russian body's form where its Russian name has it, inside the name.
  AnalyzeOptions options;
  options.kind = PartyKind::kOrganization;
  NameForms forms = analyze_name("全ロシア科学研究所株式会社エタロン", options);
  ASSERT_FALSE(forms.variants.empty());
  EXPECT_EQ(forms.variants.front().find("joint stock company"), std::string::npos) << forms.variants.front();
  EXPECT_NE(forms.variants.front().find("etalon"), std::string::npos) << forms.variants.front();
  EXPECT_TRUE(contains(forms.legal_form_classes, "JSC"));
  // A state body's form opens its name in every language: it stays a word of the name.
  forms = analyze_name("連邦国家企業カザン国立火薬工場", options);
  ASSERT_FALSE(forms.variants.empty());
  EXPECT_EQ(forms.variants.front().rfind("federal state enterprise kazan", 0), 0u) << forms.variants.front();
}

TEST(Kanji, ADedicatedBodyIsAlsoReadAlone) {
  // X名称Y is Y named after X; English names of Y often leave X out.
  EXPECT_EQ(detail::without_dedication("P.D.グルシン名称機械製造設計局ファケル"), "機械製造設計局ファケル");
  EXPECT_EQ(detail::without_dedication("Machine-Building Engineering Office Fakel Named After Akademika P.D. Grushina"),
            "Machine-Building Engineering Office Fakel");
  EXPECT_EQ(detail::without_dedication("ОКБ Сухого имени П.О. Сухого"), "ОКБ Сухого");
  EXPECT_EQ(detail::without_dedication("Design Bureau named after A.S. Yakovlev"), "");
  EXPECT_EQ(detail::without_dedication("Rostvertol"), "");
  AnalyzeOptions options;
  options.kind = PartyKind::kOrganization;
  const NameForms forms = analyze_name("株式会社P.D.グルシン名称機械製造設計局ファケル", options);
  EXPECT_TRUE(std::any_of(forms.variants.begin(), forms.variants.end(), [](const std::string& v) {
    return v.rfind("machine", 0) == 0 && v.find("fake") != std::string::npos;
  })) << ::testing::PrintToString(forms.variants);
}

TEST(Kanji, LoanwordSpellingVariantsFoldTogether) {
  // ヴァ/バ, a written or unwritten final ー, and a long e written エイ or エー are one word.
  EXPECT_EQ(detail::fold_katakana_spelling("アヴィエーション"), detail::fold_katakana_spelling("アビエーション"));
  EXPECT_EQ(detail::fold_katakana_spelling("セイフティー"), detail::fold_katakana_spelling("セーフティー"));
  EXPECT_EQ(detail::fold_katakana_spelling("ニュークリアー"), detail::fold_katakana_spelling("ニュークリア"));
  EXPECT_NE(detail::fold_katakana_spelling("ボリス"), detail::fold_katakana_spelling("ボルス"));
  // EDICT spells aviation アビエーション only: the gloss still finds it.
  EXPECT_EQ(japanese_gloss("アヴィエーション"), "aviation");
}

TEST(Kanji, KatakanaPluralsGlossAsEnglishPlurals) {
  EXPECT_EQ(japanese_gloss("インダストリーズ"), "industries");
  EXPECT_EQ(japanese_gloss("サービシーズ"), "services");
  EXPECT_EQ(japanese_gloss("プロジェクツ"), "projects");
  EXPECT_EQ(japanese_gloss("エンジニアーズ"), "engineers");
}

// Issue 17 §4: the words of Russian bodies' names as the lists' English gives them, from
// tables/japanese_org_words.tsv; a word with two usual renderings gives a gloss with each.
TEST(Issue17Kanji, RussianBodiesGlossAsTheListsEnglish) {
  ASSERT_TRUE(detail::japanese_org_words_status().ok()) << detail::japanese_org_words_status().to_string();
  EXPECT_EQ(japanese_gloss("連邦保安庁"), "federal security agency");
  EXPECT_TRUE(contains(detail::japanese_glosses("連邦保安庁", 3), "federal security service"));
  EXPECT_EQ(japanese_gloss("対外諜報庁"), "foreign intelligence agency");
  EXPECT_EQ(japanese_gloss("連邦国家単一企業"), "federal state unitary enterprise");
  // 名称 ("named after") is left out, as most English renderings do; the alternative keeps it.
  EXPECT_EQ(japanese_gloss("ボレスコフ名称触媒研究センター"), "boreskov catalyst research center");
  EXPECT_TRUE(contains(detail::japanese_glosses("ボレスコフ名称触媒研究センター", 3),
                       "boreskov named after catalyst research center"));
  // Each word's alternative alone as well as all at once: 会社 corporation with 造船所 shipyard.
  const std::vector<std::string> usc = detail::japanese_glosses("統一造船会社「アストラハン造船所」", 4);
  EXPECT_EQ(usc.front(), "united shipbuilding company astrahan shipyard");
  EXPECT_TRUE(contains(usc, "united shipbuilding corporation astrahan shipyard")) << ::testing::PrintToString(usc);
  EXPECT_TRUE(contains(usc, "united shipbuilding company astrakhan shipyard")) << ::testing::PrintToString(usc);
  EXPECT_LE(usc.size(), 5u);
  // Nothing translated: no gloss, whatever the alternatives.
  EXPECT_TRUE(detail::japanese_glosses("ウリヤノフスク", 3).empty());
}

// A name and loanwords written as one katakana word: the loanwords glossed off its end.
TEST(Issue17Kanji, ANameWrittenTogetherWithLoanwords) {
  EXPECT_EQ(japanese_gloss("フォルステクノロジー"), "fors technology");
  EXPECT_EQ(japanese_gloss("セルニアエンジニアリング"), "sernia engineering");
  // No loanword ends a person's name: no gloss.
  EXPECT_EQ(japanese_gloss("アレクサンドロヴィッチ"), "");
  // MOFA writes верфь ワーフ: a yard, as the English renderings translate it, or Verf.
  EXPECT_EQ(japanese_gloss("イースタン・ワーフ"), "eastern shipyard");
  EXPECT_TRUE(contains(detail::japanese_glosses("セーヴェルナヤ・ワーフ", 3), "severnaya verf"));
}

TEST(Issue17Kanji, AnOrganisationsGlossIsItsFirstForm) {
  AnalyzeOptions org;
  org.kind = PartyKind::kOrganization;
  const NameForms body = analyze_name("連邦国家単一企業学術生産企業ガンマ", org);
  ASSERT_FALSE(body.variants.empty());
  EXPECT_EQ(body.sources.front(), VariantSource::kGloss) << ::testing::PrintToString(body.variants);
  // A legal form says it is a body even without a schema.
  const NameForms company = analyze_name("株式会社計算機科学研究所", {});
  ASSERT_FALSE(company.variants.empty());
  EXPECT_EQ(company.variants.front(), "computer scientific research institute")
      << ::testing::PrintToString(company.variants);
  // A katakana name transcribes: its reading stays first.
  const NameForms sukhoi = analyze_name("株式会社スホイ", {});
  ASSERT_FALSE(sukhoi.variants.empty());
  EXPECT_EQ(sukhoi.variants.front(), "suhoi");
  EXPECT_EQ(sukhoi.legal_form_classes, std::vector<std::string>{"JSC"});
  // A person's name keeps its reading first.
  AnalyzeOptions unknown;
  const NameForms person = analyze_name("上川陽子", unknown);
  ASSERT_FALSE(person.variants.empty());
  EXPECT_NE(person.sources.front(), VariantSource::kGloss);
}

// As in a Latin name, a legal form stands at the name's start or end, or opens a later comma-set
// part (a subsidiary after its parent, as "Tactical Missile Corporation, AO TMKB Soyuz"); one
// inside a part of a Latin name is a word of the name. MOFA's Japanese keeps a Russian body's
// company form inside the name where the Russian has it, so there it is a form.
TEST(Issue17Kanji, ALegalFormOpeningACommaSetPartIsOneInsideAPartAWord) {
  AnalyzeOptions org;
  org.kind = PartyKind::kOrganization;
  const NameForms sub = analyze_name("戦術ミサイル兵器コーポレーション、株式会社アヴァンガルド", org);
  EXPECT_EQ(testing::gloss_of(sub), "tactical missile weapons corporation avangard");
  EXPECT_EQ(sub.legal_form_classes, std::vector<std::string>{"JSC"});
  const NameForms inside = analyze_name("戦術ミサイル兵器コーポレーション株式会社アヴァンガルド", org);
  EXPECT_EQ(inside.legal_form_classes, std::vector<std::string>{"JSC"});
  EXPECT_EQ(testing::gloss_of(inside), "tactical missile weapons corporation avangard");
  const NameForms closing = analyze_name("フォルステクノロジー有限会社", org);
  EXPECT_EQ(closing.legal_form_classes, std::vector<std::string>{"LLC"});
  // The same in Latin letters: the form opening the second part is one, "Corporation" closing
  // the first is a word of the parent's name.
  const NameForms latin = analyze_name("Tactical Missile Corporation, AO TMKB Soyuz", org);
  EXPECT_EQ(latin.normalized.substr(0, 4), "tact");
  EXPECT_TRUE(contains(latin.variants, "tactical missile corporation tmkb soyuz"))
      << ::testing::PrintToString(latin.variants);
  EXPECT_FALSE(latin.legal_form_classes.empty());
  // A name in one part keeps a form inside it as a word.
  EXPECT_TRUE(analyze_name("Tactical Missile AO TMKB Soyuz", org).legal_form_classes.empty());
  // Quotes set off a part too; an abbreviated form closing the parent's part is a form, and a
  // part may be a form alone.
  const NameForms quoted = analyze_name("United Shipbuilding Corporation JSC “Astrakhan Shipyard”", org);
  EXPECT_TRUE(contains(quoted.variants, "united shipbuilding corporation astrakhan shipyard"))
      << ::testing::PrintToString(quoted.variants);
  const NameForms alone = analyze_name("Tactical Missile Corporation, PJSC “MBDB ISKRA”", org);
  EXPECT_TRUE(contains(alone.variants, "tactical missile corporation mbdb iskra"))
      << ::testing::PrintToString(alone.variants);
  EXPECT_EQ(testing::gloss_of(analyze_name("戦術ミサイル兵器コーポレーション、公共株式会社「MBDBイスクラ」", org)),
            "tactical missile weapons corporation mbdb iskura");
}

TEST(Kanji, WordsListsTranslateTwoWaysGiveASecondGloss) {
  // 学術生産 is "scientific (and) production" as often as "research and production".
  EXPECT_EQ(japanese_gloss("学術生産企業"), "scientific production enterprise");
  EXPECT_EQ(detail::japanese_glosses("学術生産企業", 3),
            (std::vector<std::string>{"scientific production enterprise", "research and production enterprise"}));
  // One translation: no second gloss.
  EXPECT_EQ(detail::japanese_glosses("修理", 3), std::vector<std::string>{"repair"});
  AnalyzeOptions org;
  org.kind = PartyKind::kOrganization;
  NameForms forms = analyze_name("株式会社学術生産団体インパルス", org);
  EXPECT_EQ(detail::japanese_glosses("学術生産団体", 3),
            (std::vector<std::string>{"scientific production association", "research and production association"}));
  // Both glosses of 学術生産団体 are the Russian НПО (NPO in the lists' English), kept as its
  // class, as both of 学術生産企業 are НПП.
  EXPECT_TRUE(contains(forms.variants, "impars")) << ::testing::PrintToString(forms.variants);
  EXPECT_EQ(forms.legal_form_classes.size(), 2u) << ::testing::PrintToString(forms.legal_form_classes);
  EXPECT_TRUE(contains(analyze_name("株式会社学術生産企業コンタクト", org).variants, "contact"));
  EXPECT_LE(forms.variants.size(), org.max_variants);
}

TEST(Kanji, CountryNamesEdictLacksGlossFromIcu) {
  // EDICT has no シリア or チュニジア: ICU's region names give their English.
  EXPECT_EQ(japanese_gloss("シリア石油会社"), "syria oil company");
  EXPECT_EQ(japanese_gloss("チュニジア"), "tunisia");
}

TEST(Kanji, LoanwordSplitByNakaguroReadAsOneWord) {
  // EDICT writes アルカーイダ as one word; a name writes アル・カーイダ.
  EXPECT_EQ(japanese_gloss("アル カーイダ"), "al qaeda");
  // Two words that each have a gloss stay two (ロシア・ラジオ is not one word).
  EXPECT_EQ(japanese_gloss("センター ラジオ"), "center radio");
}

TEST(Kanji, SeparatorAfterAKanjiWordKeepsTheNextKatakanaWordApart) {
  // 設計技術センター・エレクトロニカ: センター is "center", not the head of an unknown compound
  // センターエレクトロニカ.
  NameForms forms =
      analyze_name("株式会社設計技術センター・エレクトロニカ", testing::of_kind(PartyKind::kOrganization));
  ASSERT_FALSE(forms.variants.empty());
  const std::vector<std::string> words = split_name_parts(testing::gloss_of(forms));
  EXPECT_TRUE(contains(words, "center")) << testing::gloss_of(forms);
}

TEST(Kanji, DictionariesLoad) {
  Status s = preload_japanese_dictionaries();
  EXPECT_TRUE(s.ok()) << s.to_string();
}

}  // namespace
}  // namespace sekisho::text
