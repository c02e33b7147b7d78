#include <gtest/gtest.h>

#include <thread>

#include "sekisho/text.hpp"
#include "text/text_internal.hpp"
#include "text/text_test_util.hpp"

namespace sekisho::text {
namespace {

using testing::contains;
using testing::gloss_of;

TEST(AnalyzeName, RussianPersonInEverySchemeListsUse) {
  NameForms f = analyze_name("Захарова Мария Владимировна");
  EXPECT_EQ(f.script, Script::kCyrillic);
  ASSERT_FALSE(f.variants.empty());
  EXPECT_EQ(f.variants[0], "zakharova mariya vladimirovna");
  EXPECT_TRUE(contains(f.variants, "zaharova maria vladimirovna"));
  EXPECT_TRUE(contains(f.variants, "sacharowa marija wladimirowna"));
  EXPECT_TRUE(contains(f.variants, "zakharova mariia vladimirovna"));
  EXPECT_EQ(f.variants.size(), f.sources.size());
  EXPECT_EQ(f.variants.size(), f.schemes.size());
}

TEST(AnalyzeName, PutinAcrossScripts) {
  NameForms ru = analyze_name("Путин");
  EXPECT_TRUE(contains(ru.variants, "putin"));
  EXPECT_TRUE(contains(ru.variants, "poutine"));
  NameForms ja = analyze_name("プーチン");
  EXPECT_TRUE(contains(ja.variants, "putin"));
  NameForms both = analyze_name("ウラジーミル・プーチン");
  EXPECT_EQ(both.variants[0], "urajimiru puchin");
  // The kana words are romanised as one run, so every word is reduced alike.
  EXPECT_EQ(both.variants[1], "vrajimir puchin");
  // The Russian reading before the l twins, which the comparer and the index no longer need
  // as much (a kana reading meets l as r): a name with a parenthesised alternative keeps few
  // variants of each reading (タチヤーナ(テチャーナ) needs its Russian "tatiyana").
  EXPECT_EQ(both.variants[2], "vradimir putin");
  EXPECT_TRUE(contains(both.variants, "vlajimil puchin"));
  EXPECT_TRUE(contains(analyze_name("アルグト").variants, "argut"));
}

TEST(AnalyzeName, KanjiNameGetsEveryEnamdictReading) {
  NameForms f = analyze_name("上川陽子");
  ASSERT_FALSE(f.variants.empty());
  EXPECT_EQ(f.variants[0], "kamikawa yoko");
  EXPECT_TRUE(contains(f.variants, "uekawa yoko"));
  EXPECT_TRUE(contains(f.variants, "kamikawa youko"));
  EXPECT_LE(f.variants.size(), 16u);
  // A person's name gets no English gloss.
  for (auto s : f.sources) EXPECT_NE(s, VariantSource::kGloss);
}

TEST(AnalyzeName, OneKanjiAloneGetsNoGloss) {
  // A Chinese name written with a space: 朱 is the surname Zhu, not "red".
  for (auto s : analyze_name("强 朱").sources) EXPECT_NE(s, VariantSource::kGloss);
  // An organisation's kanji words still get their English.
  bool glossed = false;
  for (auto s : analyze_name("連邦保安庁").sources) glossed = glossed || s == VariantSource::kGloss;
  EXPECT_TRUE(glossed);
}

TEST(AnalyzeName, JapaneseNamesInCyrillic) {
  EXPECT_TRUE(contains(analyze_name("Кисида Фумио").variants, "kishida fumio"));
  EXPECT_TRUE(contains(analyze_name("Хаяси Ёсимаса").variants, "hayashi yoshimasa"));
  // Polivanov is only tried where the spelling fits it: no "vradimir" for Vladimir.
  for (const auto& v : analyze_name("Владимир").variants) EXPECT_EQ(v.find("vradimir"), std::string::npos);
}

TEST(AnalyzeName, ArabicMeetsLatinThroughTheSkeleton) {
  NameForms ar = analyze_name("محمد علي");
  NameForms la = analyze_name("Mohamed Ali");
  EXPECT_EQ(ar.script, Script::kArabic);
  ASSERT_FALSE(ar.variants.empty());
  // Both words are in tables/arabic_names.tsv, which reads them first; the letters still follow.
  EXPECT_EQ(ar.variants[0], "muhammad ali");
  EXPECT_TRUE(contains(ar.variants, "mhmd li"));  // the final ي read as the vowel it writes
  EXPECT_TRUE(contains(ar.variants, "mhmd ly"));
  EXPECT_EQ(ar.skeleton, la.skeleton);
  EXPECT_NE(ar.skeleton, analyze_name("Hassan Ali").skeleton);
}

TEST(AnalyzeName, ArabicTaMarbutaIsSaidA) {
  // ة closing a word is a: al-Qaida, Fatima; the t of the construct state stays a reading.
  NameForms qaida = analyze_name("القاعدة");
  ASSERT_FALSE(qaida.variants.empty());
  EXPECT_EQ(qaida.variants[0], "alqada");
  EXPECT_TRUE(contains(qaida.variants, "alqadt"));
  // فاطمة is in tables/arabic_names.tsv (fatima first); its letter reading says the ة as a.
  EXPECT_EQ(analyze_name("فاطمة").variants[0], "fatima");
  EXPECT_TRUE(contains(analyze_name("فاطمة").variants, "fatma"));
}

TEST(AnalyzeName, LegalFormsBecomeClasses) {
  NameForms f = analyze_name("ООО Ромашка");
  EXPECT_EQ(f.legal_form_classes, std::vector<std::string>{"LLC"});
  ASSERT_FALSE(f.variants.empty());
  EXPECT_EQ(f.variants[0], "romashka");
  EXPECT_EQ(analyze_name("Romashka LLC").legal_form_classes, std::vector<std::string>{"LLC"});
  EXPECT_EQ(analyze_name("Romashka OOO").legal_form_classes, std::vector<std::string>{"LLC"});
  EXPECT_EQ(analyze_name("Siemens GmbH").variants[0], "siemens");
  EXPECT_EQ(analyze_name("АО Концерн ВКО Алмаз-Антей").legal_form_classes, std::vector<std::string>{"JSC"});
  EXPECT_EQ(analyze_name("Общество с ограниченной ответственностью \"Ромашка\"").variants[0], "romashka");
  NameForms jp = analyze_name("トヨタ自動車株式会社");
  EXPECT_EQ(jp.legal_form_classes, std::vector<std::string>{"JSC"});
  EXPECT_EQ(analyze_name("ロマシュカ有限責任会社").legal_form_classes, std::vector<std::string>{"LLC"});
  // A form alone is the name itself, not stripped to nothing.
  EXPECT_EQ(analyze_name("Limited").variants[0], "limited");
  // Forms are only searched at the edges: "Co" inside a name stays.
  EXPECT_EQ(analyze_name("Limited Brands").variants[0], "limited brands");
  // Persons keep every token.
  AnalyzeOptions person;
  person.kind = PartyKind::kPerson;
  EXPECT_TRUE(analyze_name("Ao Limited", person).legal_form_classes.empty());
}

TEST(AnalyzeName, JapaneseOrganisationGetsAGlossVariant) {
  NameForms f = analyze_name("連邦保安庁");
  bool found = false;
  for (size_t i = 0; i < f.variants.size(); ++i) {
    if (f.sources[i] != VariantSource::kGloss) continue;
    found = true;
    EXPECT_NE(f.variants[i].find("federal"), std::string::npos);
    EXPECT_NE(f.variants[i].find("security"), std::string::npos);
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(f.variants[0], "renpo hoancho");
}

TEST(AnalyzeName, KatakanaLegalFormsTakeTheirEnglishClasses) {
  AnalyzeOptions org;
  org.kind = PartyKind::kOrganization;
  NameForms f = analyze_name("コリア・ソンギ・シッピング・カンパニー・リミテッド", org);
  EXPECT_EQ(f.legal_form_classes, analyze_name("Korea Songi Shipping Company Limited", org).legal_form_classes);
  EXPECT_FALSE(f.legal_form_classes.empty());
  for (const std::string& v : f.variants) EXPECT_EQ(v.find("kampani"), std::string::npos) << v;
  // Only after the name: a katakana form never opens one.
  EXPECT_TRUE(analyze_name("カンパニー・ソンギ", org).legal_form_classes.empty());
}

TEST(AnalyzeName, KatakanaGlossesAreLoanwordsOnly) {
  AnalyzeOptions org;
  org.kind = PartyKind::kOrganization;
  // アル's EDICT gloss "be" does not begin with its sound: the article stays "al".
  NameForms f = analyze_name("アル・ラシード信託", org);
  EXPECT_EQ(gloss_of(f), "al rashid trust");
  // Digits stay, the ordinal 第 goes, 工場 is a plant.
  NameForms plant = analyze_name("第711航空機工場", org);
  EXPECT_EQ(gloss_of(plant), "711 aircraft plant");
}

TEST(AnalyzeName, KatakanaLetterNamesSpellAnAcronym) {
  AnalyzeOptions org;
  org.kind = PartyKind::kOrganization;
  // One word of letter names, and single letter names side by side, are the letters.
  EXPECT_EQ(analyze_name("エーディーエフ", org).variants.front(), "adf");
  EXPECT_EQ(analyze_name("エムアールビー・バンク", org).variants.front().substr(0, 4), "mrb ");
  EXPECT_EQ(analyze_name("ディー・シー・ビー・ファイナンス", org).variants.front().substr(0, 6), "d c b ");
  // エイチ is h, not エイ a and a stray チ.
  EXPECT_EQ(detail::spell_katakana_letters("エイチエス"), "hs");
  // One letter name alone is a word: エル is the Arabic article, アイ a name.
  EXPECT_EQ(detail::spell_katakana_letters("アブド エル カーデル"), "アブド エル カーデル");
  EXPECT_EQ(detail::spell_katakana_letters("アイ ナカムラ"), "アイ ナカムラ");
  EXPECT_EQ(detail::spell_katakana_letters("ジール エム"), "ジール エム");
  // A word that only begins with letter names is no acronym.
  EXPECT_EQ(detail::spell_katakana_letters("エスカレーター"), "エスカレーター");
}

TEST(AnalyzeName, KoreanNamesLoanwordsAlsoReadAsForeignWords) {
  AnalyzeOptions org;
  org.kind = PartyKind::kOrganization;
  // コリア makes the unglossed words Korean (フォーリン "hworing"); the other gloss reads them as
  // the loanwords they may be.
  NameForms f = analyze_name("コリア・フォーリン・テクニカル・トレード・センター", org);
  EXPECT_TRUE(contains(f.variants, "korea forin technical trade center"));
  EXPECT_TRUE(contains(f.variants, "korea hworing technical trade center"));
  // Without コリア there is one gloss only.
  NameForms other = analyze_name("フォーリン・テクニカル・トレード・センター", org);
  EXPECT_EQ(std::count(other.sources.begin(), other.sources.end(), VariantSource::kGloss), 1);
}

TEST(AnalyzeName, UnglossedLoanwordsTakeTheirEnglishEndings) {
  AnalyzeOptions org;
  org.kind = PartyKind::kOrganization;
  // EDICT lacks イスラミック and ミュニションズ; beside words it glosses they are English words.
  EXPECT_EQ(gloss_of(analyze_name("ミュニションズ・インダストリー・デパートメント", org)),
            "myunitions industry department");
  EXPECT_TRUE(contains(analyze_name("エジプシャン・イスラミック・センター", org).variants, "ejiptian isramic center"));
  // A clipped loanword inside a compound is no word of its own: エアロ is aero-, not EDICT's
  // (abbr) "aerobics"; alone, EDICT's gloss stands.
  const NameForms aero = analyze_name("ナショナル・エアロスペース・テクノロジー", org);
  EXPECT_EQ(gloss_of(aero), "national earo space technology");
  EXPECT_EQ(gloss_of(analyze_name("エアロ・テクノロジー", org)), "aerobics technology");
  // A name's word with no such ending keeps its reduction.
  EXPECT_EQ(gloss_of(analyze_name("アル・ラシード信託", org)), "al rashid trust");
}

TEST(AnalyzeName, JapaneseParticlesAndRussianFormsInOrganisationNames) {
  AnalyzeOptions org;
  org.kind = PartyKind::kOrganization;
  // の has no word in the English order; 国 is a state; 公開株式会社 (ОАО) is a legal form.
  NameForms isil = analyze_name("イラクのイスラム国", org);
  EXPECT_EQ(gloss_of(isil), "iraq islam state");
  NameForms oao = analyze_name("公開株式会社イリューシン", org);
  EXPECT_EQ(oao.legal_form_classes, std::vector<std::string>{"JSC"});
  EXPECT_EQ(oao.variants.front().find("kokai"), std::string::npos);
  // A katakana compound EDICT lacks is glossed as the loanwords it is made of.
  EXPECT_EQ(gloss_of(analyze_name("ロシアヘリコプター", org)), "russia helicopter");
  // In a name that says Korea, the words without a gloss are read as Korean (and, last, as
  // foreign words).
  const NameForms korea = analyze_name("コリア・テソン・トレーディング", org);
  EXPECT_EQ(gloss_of(korea), "korea tesong trading");
  EXPECT_TRUE(contains(korea.variants, "korea teson trading"));
  EXPECT_EQ(gloss_of(analyze_name("イラン・テソン・トレーディング", org)), "iran teson trading");
  // Latin words keep their place in the gloss.
  EXPECT_EQ(gloss_of(analyze_name("グローバル・リリーフ・ファウンデーション(GRF)", org)),
            "global relief foundation grf");
}

TEST(AnalyzeName, TitlesAreStripped) {
  NameForms f = analyze_name("Sheikh Mohammed bin Rashid");
  EXPECT_EQ(f.titles, std::vector<std::string>{"sheikh"});
  EXPECT_EQ(f.variants[0], "mohammed bin rashid");
  EXPECT_EQ(analyze_name("Dr. Hans Müller").variants[0], "hans muller");
  EXPECT_TRUE(contains(analyze_name("Dr. Hans Müller").variants, "hans mueller"));
  EXPECT_EQ(analyze_name("General").variants[0], "general");  // never strip the whole name
}

TEST(AnalyzeName, OtherScripts) {
  EXPECT_EQ(analyze_name("Αλέξης Τσίπρας").variants[0], "alexis tsipras");
  EXPECT_TRUE(contains(analyze_name("习近平").variants, "xi jinping"));
  EXPECT_FALSE(analyze_name("김정은").variants.empty());
  EXPECT_FALSE(analyze_name("Սարգսյան").variants.empty());
  EXPECT_FALSE(analyze_name("בנימין נתניהו").variants.empty());
  EXPECT_TRUE(analyze_name("").variants.empty());
  EXPECT_TRUE(analyze_name("-・-").variants.empty());
}

TEST(AnalyzeName, VariantsAreCappedCleanAndDeterministic) {
  AnalyzeOptions opts;
  opts.max_variants = 5;
  NameForms f = analyze_name("ウラジーミル・プーチン", opts);
  EXPECT_EQ(f.variants.size(), 5u);
  EXPECT_EQ(f.variants, analyze_name("ウラジーミル・プーチン", opts).variants);
  for (const char* raw : {"Захарова Мария", "上川陽子", "連邦保安庁", "O'Neil & Sons, Ltd.", "محمد علي"}) {
    for (const auto& v : analyze_name(raw).variants) {
      for (char c : v) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ') << raw << ": " << v;
      EXPECT_EQ(v.find("  "), std::string::npos);
      EXPECT_NE(v.front(), ' ');
    }
  }
}

TEST(AnalyzeName, ThreadsGetTheSameAnswers) {
  const std::vector<std::string> names = {
      "Захарова Мария Владимировна", "上川陽子", "プーチン", "Αλέξης Τσίπρας", "محمد علي", "ООО Ромашка", "連邦保安庁"};
  std::vector<std::vector<std::string>> expected;
  for (const auto& n : names) expected.push_back(analyze_name(n).variants);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        for (size_t i = 0; i < names.size(); ++i) {
          if (analyze_name(names[i]).variants != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(AnalyzeName, ExtraIuliiaSchemes) {
  ASSERT_FALSE(iuliia_tables().empty());
  AnalyzeOptions opts;
  opts.extra_iuliia_schemes = true;
  NameForms f = analyze_name("Ельцин", opts);
  EXPECT_TRUE(contains(f.variants, "yeltsin"));
  EXPECT_TRUE(contains(f.variants, "eltsin"));
}

TEST(WordOrder, Helpers) {
  EXPECT_EQ(swap_first_last("kamikawa yoko"), "yoko kamikawa");
  EXPECT_EQ(split_name_parts(" a  b c").size(), 3u);
  EXPECT_EQ(swap_first_last("solo"), "solo");
}

// The first reading of a person's name.
std::string person_first_reading(std::string_view raw) {
  AnalyzeOptions person;
  person.kind = PartyKind::kPerson;
  return analyze_name(raw, person).variants.at(0);
}

TEST(AnalyzeName, PersonWithTheFamilyNameInCapitalsFirstReadInNaturalOrder) {
  EXPECT_EQ(person_first_reading("PUTIN Vladimir Vladimirovich"), "vladimir vladimirovich putin");
  EXPECT_EQ(person_first_reading("ЗАХАРОВ Александр"), "aleksandr zakharov");
  // Capitals throughout, a one-letter surname, or capitals last: nothing to reorder.
  for (const char* as_written : {"KIM JONG UN", "O Kuk Ryol", "Aleksandr LUKASHENKO"}) {
    std::string folded = as_written;
    for (char& ch : folded) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    EXPECT_EQ(person_first_reading(as_written), folded);
  }
}

TEST(AnalyzeName, GreekReadWithoutTheSchemesApostropheAndWithUForOu) {
  AnalyzeOptions person;
  person.kind = PartyKind::kPerson;
  const NameForms forms = analyze_name("Αλέξανδρος Λουκασένκο", person);
  EXPECT_TRUE(contains(forms.variants, "alexandros loukasenko"));
  EXPECT_TRUE(contains(forms.variants, "alexander lukasenko"));  // the lists' form of Αλέξανδρος
}

TEST(AnalyzeName, PersonInvertedAroundACommaReadInNaturalOrder) {
  AnalyzeOptions person;
  person.kind = PartyKind::kPerson;
  const NameForms putin = analyze_name("PUTIN, Vladimir Vladimirovich", person);
  EXPECT_EQ(putin.variants[0], "vladimir vladimirovich putin");
  // As written too: a query of unknown kind is not reordered and should meet it in its order.
  EXPECT_TRUE(contains(putin.variants, "putin vladimir vladimirovich"));
  EXPECT_EQ(analyze_name("ПУТИН, Владимир", person).variants[0], "vladimir putin");
  // A generational suffix after the comma is no given name; organisations keep their order.
  EXPECT_EQ(analyze_name("RUBEN PESTANO LAVILLA, JR", person).variants[0], "ruben pestano lavilla jr");
  AnalyzeOptions org;
  org.kind = PartyKind::kOrganization;
  EXPECT_EQ(analyze_name("Bowne Global Solutions, Spain", org).variants[0], "bowne global solutions spain");
}

TEST(AnalyzeName, ParenthesisedAlternativesOfAPerson) {
  AnalyzeOptions person;
  person.kind = PartyKind::kPerson;
  NameForms f = analyze_name("Dmitry(Dmitriy/Dmytro) SEMYONOV", person);
  ASSERT_GE(f.variants.size(), 2u);
  EXPECT_EQ(f.variants[0], "dmitry semyonov");
  EXPECT_EQ(f.variants[1], "dmitriy semyonov");
  NameForms two = analyze_name("Aleksei (Alexey) Tkachev (Tkachov)", person);
  EXPECT_EQ(two.variants[0], "aleksei tkachev");
  EXPECT_TRUE(contains(two.variants, "alexey tkachov"));
  // Katakana too, with full-width parentheses.
  NameForms ja = analyze_name("アレクセイ（オレクシー）・カリャキン", person);
  EXPECT_TRUE(contains(ja.variants, "areksei karyakin"));
  EXPECT_TRUE(contains(ja.variants, "orekshi karyakin"));
  // An organisation's parentheses stay words of its name.
  AnalyzeOptions org;
  org.kind = PartyKind::kOrganization;
  EXPECT_EQ(analyze_name("Bank of China (Hong Kong)", org).variants[0], "bank of china hong kong");
}

TEST(AnalyzeName, OrganisationWithoutItsClosingAbbreviation) {
  AnalyzeOptions org;
  org.kind = PartyKind::kOrganization;
  NameForms plf = analyze_name("Palestine Liberation Front(PLF)", org);
  ASSERT_FALSE(plf.variants.empty());
  EXPECT_EQ(plf.variants[0], "palestine liberation front plf");  // as written first
  EXPECT_TRUE(testing::contains(plf.variants, "palestine liberation front"));
  // A qualifier in words, one word with its abbreviation, or lower case is no abbreviation.
  EXPECT_EQ(detail::without_trailing_abbreviation("Bank of China (Hong Kong)"), "");
  EXPECT_EQ(detail::without_trailing_abbreviation("Hamas (HAMAS)"), "");
  EXPECT_EQ(detail::without_trailing_abbreviation("Islamic State West Africa Province(ISWAP)"),
            "Islamic State West Africa Province");
}

TEST(AnalyzeName, AnOrganisationsWordSpelledTwoWaysGivesTwoNames) {
  NameForms guard =
      analyze_name("Self-proclaimed “Luhansk(Lugansk) Guard”", testing::of_kind(PartyKind::kOrganization));
  ASSERT_FALSE(guard.variants.empty());
  EXPECT_EQ(guard.variants[0], "self proclaimed luhansk lugansk guard");  // as written first
  EXPECT_TRUE(testing::contains(guard.variants, "self proclaimed luhansk guard"));
  EXPECT_TRUE(testing::contains(guard.variants, "self proclaimed lugansk guard"));
  auto salyut = detail::split_respellings("JSC Salute (Salyut)");
  EXPECT_EQ(salyut.main, "JSC Salute");
  EXPECT_EQ(salyut.alternative, "JSC Salyut");
  // Another word, more words, an abbreviation or a list of spellings is no respelling.
  EXPECT_TRUE(detail::split_respellings("Qingdao Construction (Namibia) CC").main.empty());
  EXPECT_TRUE(detail::split_respellings("Bank of China (Hong Kong)").main.empty());
  EXPECT_TRUE(detail::split_respellings("Russian Agricultural Bank (Rosselkhozbank)").main.empty());
  EXPECT_TRUE(detail::split_respellings("Kahane Chai(Kach)").main.empty());
  EXPECT_TRUE(detail::split_respellings("Rosneft Aero(RN AERO)").main.empty());
}

TEST(AnalyzeName, AGlossesEnglishLegalFormIsALegalForm) {
  // 貿易会社 glosses as "trading company": the English name's "company" is its legal form.
  const AnalyzeOptions org = testing::of_kind(PartyKind::kOrganization);
  NameForms arabi = analyze_name("アル・アラビー貿易会社", org);
  EXPECT_TRUE(testing::contains(arabi.legal_form_classes, std::string("CO")));
  EXPECT_TRUE(testing::contains(arabi.variants, "al arabi trading"));
  EXPECT_FALSE(testing::contains(arabi.variants, "al arabi trading company"));
  EXPECT_TRUE(analyze_name("アル・アラビー", org).legal_form_classes.empty());
  // НПП in either English wording, as lists and the second gloss of 学術生産企業 write it.
  const NameForms research = analyze_name("Research and Production Enterprise Kontakt", org);
  const NameForms scientific = analyze_name("Scientific and Production Enterprise Kontakt", org);
  ASSERT_FALSE(research.legal_form_classes.empty());
  EXPECT_EQ(research.legal_form_classes, scientific.legal_form_classes);
  EXPECT_EQ(research.variants.front(), "kontakt");
}

TEST(AnalyzeName, AKatakanaTitleIsATitle) {
  // ハッジ・ムハンマド・アシュラフ is listed as HAJI MUHAMMAD ASHRAF, whose Haji is a title.
  const NameForms ashraf = analyze_name("ハッジ・ムハンマド・アシュラフ", testing::of_kind(PartyKind::kPerson));
  EXPECT_TRUE(testing::contains(ashraf.titles, "ハッジ"));
  ASSERT_FALSE(ashraf.variants.empty());
  for (const std::string& v : ashraf.variants) EXPECT_EQ(v.find("haj"), std::string::npos) << v;
  EXPECT_TRUE(analyze_name("ムラー・オマル", testing::of_kind(PartyKind::kPerson)).variants.front().starts_with("om"));
}

TEST(AnalyzeName, SplitParenthesised) {
  auto maiden = detail::split_parenthesized("ZANKO (nee, AMELCHENKOVA)");
  EXPECT_EQ(maiden.main, "ZANKO");
  EXPECT_EQ(maiden.alternative, "AMELCHENKOVA");
  auto nee = detail::split_parenthesized("Oljga (Olga) Zanko (nee, Amelchenkova)");
  EXPECT_EQ(nee.main, "Oljga Zanko");
  EXPECT_EQ(nee.alternative, "Olga Zanko");  // the first reading with every word replaced
  // 旧称 (former name) introduces a name as 旧姓 does; it is no name itself.
  auto former = detail::split_parenthesized("タチヤーナ・モスカリコヴァ(旧称:ノセンコ)");
  EXPECT_EQ(former.main, "タチヤーナ・モスカリコヴァ");
  EXPECT_EQ(former.alternative, "ノセンコ");
  EXPECT_TRUE(detail::split_parenthesized("Vladimir Putin").main.empty());
  EXPECT_TRUE(detail::split_parenthesized("Unbalanced (name").main.empty());
}

// A title opening a name of unknown kind is dropped for a person's sake, but
// the as-written reading stays for an organisation named with it ("Haji Basir
// Hawala" is a money exchange); a person's or organisation's name is read one way.
TEST(AnalyzeName, UnknownKindKeepsTheTitleInALaterReading) {
  NameForms forms = analyze_name("Haji Basir Hawala", testing::of_kind(PartyKind::kUnknown));
  ASSERT_GE(forms.variants.size(), 2u);
  EXPECT_EQ(forms.variants.front(), "basir hawala");
  EXPECT_TRUE(contains(forms.variants, "haji basir hawala"));

  forms = analyze_name("Haji Basir Hawala", testing::of_kind(PartyKind::kPerson));
  EXPECT_FALSE(contains(forms.variants, "haji basir hawala"));
  forms = analyze_name("Haji Basir Hawala", testing::of_kind(PartyKind::kOrganization));
  ASSERT_FALSE(forms.variants.empty());
  EXPECT_EQ(forms.variants.front(), "haji basir hawala");
}

// "LLC" before the name, as translations of Russian names write ООО, is a legal
// form like "LLC" after it; "Co" and "AG" before a name stay words ("AG Barr").
TEST(AnalyzeName, LeadingLlcIsALegalForm) {
  const AnalyzeOptions organization = testing::of_kind(PartyKind::kOrganization);
  NameForms lead = analyze_name("LLC Romashka", organization);
  ASSERT_FALSE(lead.variants.empty());
  EXPECT_EQ(lead.variants.front(), "romashka");
  EXPECT_EQ(lead.legal_form_classes, analyze_name("Romashka LLC", organization).legal_form_classes);
  NameForms barr = analyze_name("AG Barr", organization);
  ASSERT_FALSE(barr.variants.empty());
  EXPECT_EQ(barr.variants.front(), "ag barr");
}

}  // namespace
}  // namespace sekisho::text
