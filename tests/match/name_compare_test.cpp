// Name comparison behaviour: the peers' known failure modes (matching-notes.md)
// each get a test that would fail on the behaviour they complain about.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <utility>

#include "match/prepared_query.hpp"
#include "phonetic/phonetic.hpp"
#include "sekisho/match.hpp"

namespace sekisho::match {
namespace {

using namespace phonetic;

double score(std::string_view a, std::string_view b, Schema schema = Schema::kPerson) {
  NameComparer comparer;
  return comparer.compare(tokens_from_text(a), tokens_from_text(b), schema).score;
}

TEST(NameCompareTest, OnlyIdenticalNamesScoreOne) {
  EXPECT_EQ(score("vladimir putin", "vladimir putin"), 1.0);
  EXPECT_LT(score("vladimir putin", "vladimir putn"), 1.0);
  EXPECT_LT(score("vladimir putin", "putin vladimir"), 1.0);  // a swap is not exact (nomenklatura #247)
  EXPECT_LT(score("sergey shoigu", "sergey sergey shoigu"), 1.0);
}

TEST(NameCompareTest, ShortNamesDoNotFallOffATypoCliff) {
  // nomenklatura #366: Jon/John 0.50 while Johnn/John 0.90.
  const double jon = score("jon smith", "john smith");
  const double johnn = score("johnn smith", "john smith");
  EXPECT_GE(jon, kDefaultThreshold);
  EXPECT_GE(johnn, kDefaultThreshold);
  EXPECT_LT(std::abs(jon - johnn), 0.05);
}

TEST(NameCompareTest, OmittedPartCostsLessThanContradictedPart) {
  const double omitted = score("sergey lavrov", "sergey viktorovich lavrov");
  const double contradicted = score("sergey borisovich lavrov", "sergey viktorovich lavrov");
  EXPECT_GE(omitted, kDefaultThreshold);
  EXPECT_LT(contradicted, kDefaultThreshold);
  EXPECT_GT(omitted - contradicted, 0.2);
}

TEST(NameCompareTest, GenericTokensDoNotMakeUnrelatedNamesMatch) {
  // watchman #483 / #338: "corp", "llc" made unrelated companies score 100%.
  std::vector<NameToken> q = tokens_from_text("belletech corp");
  std::vector<NameToken> c = tokens_from_text("11420 corp");
  EXPECT_LT(NameComparer().compare(q, c, Schema::kCompany).score, 0.5);
  EXPECT_LT(score("emma trading international group", "acme trading international group", Schema::kCompany),
            kDefaultThreshold);
  NameToken llc{.text = "llc", .legal_form = true};
  std::vector<NameToken> a = tokens_from_text("emma");
  a.push_back(llc);
  std::vector<NameToken> b = tokens_from_text("gamma");
  b.push_back(llc);
  EXPECT_LT(NameComparer().compare(a, b, Schema::kCompany).score, 0.5);
}

TEST(NameCompareTest, CallerSuppliedFrequenciesLowerCommonTokens) {
  std::unordered_map<std::string, uint32_t> df{{"mohammad", 900}, {"rahimi", 3}, {"karimi", 4}};
  const TokenWeights weights = TokenWeights::from_frequencies(df, 10000);
  EXPECT_LT(weights.weight(NameToken{.text = "mohammad"}), 0.6);
  EXPECT_EQ(weights.weight(NameToken{.text = "rahimi"}), 1.0);
  NameComparer with_table(&weights);
  // Sharing only a very common given name is weak evidence.
  EXPECT_LT(
      with_table.compare(tokens_from_text("mohammad rahimi"), tokens_from_text("mohammad karimi"), Schema::kPerson)
          .score,
      0.5);
}

TEST(NameCompareTest, MergedAndSplitTokens) {
  EXPECT_GE(score("abdul rahman", "abdulrahman"), kDefaultThreshold);
  EXPECT_GE(score("sergeilavrov", "sergei lavrov"), kDefaultThreshold);
  EXPECT_GE(score("vanderbilt corp", "van der bilt corp", Schema::kCompany), kDefaultThreshold);
  const NameMatch m = NameComparer().compare(tokens_from_text("nikolai patr ushev"),
                                             tokens_from_text("nikolai patrushev"), Schema::kPerson);
  ASSERT_EQ(m.pairs.size(), 2u);
  EXPECT_EQ(m.pairs[1].query, "patr+ushev");
  EXPECT_EQ(m.pairs[1].method, PairMethod::kMerged);
}

TEST(NameCompareTest, InitialsAndAcronyms) {
  EXPECT_GE(score("hans j friedrich", "hans joachim friedrich"), kDefaultThreshold);
  EXPECT_LT(score("hans k friedrich", "hans joachim friedrich"), kDefaultThreshold);
  EXPECT_GE(score("us department of state", "united states department of state", Schema::kOrganization),
            kDefaultThreshold);
}

TEST(NameCompareTest, InitialsAloneAreNoName) {
  // A company written as dotted initials ("M.A.T.S.A.") met a person's three
  // initials: letters that agree, no word that does.
  EXPECT_LT(score("morgan adam thompson", "m a t", Schema::kLegalEntity), kDefaultThreshold);
  EXPECT_LT(score("m a t", "morgan adam thompson", Schema::kLegalEntity), kDefaultThreshold);
  // People do not go by acronyms; organisations do.
  EXPECT_LT(score("akira kyosuke ishida", "aki", Schema::kPerson), kDefaultThreshold);
  EXPECT_GE(score("pla", "peoples liberation army", Schema::kOrganization), kDefaultThreshold);
  // One initial beside a matched word keeps its full worth.
  EXPECT_GE(score("j smith", "john smith"), kDefaultThreshold);
}

TEST(NameCompareTest, TranspositionsAndTransliterationVariants) {
  EXPECT_GE(score("olaf schloz", "olaf scholz"), kDefaultThreshold);
  EXPECT_GE(score("usama bin ladin", "osama bin laden"), kDefaultThreshold);
  EXPECT_GE(score("mahmood ahmadinezhad", "mahmoud ahmadinejad"), kDefaultThreshold);
  EXPECT_LT(score("sergej viktorovich navros", "sergey viktorovich lavrov"), kDefaultThreshold);
  EXPECT_LT(score("daniel ortiz", "daniel ortega"), kDefaultThreshold);
}

TEST(NameCompareTest, ScoresRankCloserNamesHigher) {
  // Graded, not saturated: fewer edits, higher score.
  const double one = score("friedrich lindenberg", "fridrich lindenberg");
  const double two = score("friedrich lindenberg", "fridrich lindenburg");
  EXPECT_GT(1.0, one);
  EXPECT_GT(one, two);
  EXPECT_GE(two, kDefaultThreshold);
}

TEST(NameCompareTest, RolesThatDisagreeArePenalised) {
  std::vector<NameToken> q{{.text = "hans", .role = NamePartRole::kGiven},
                           {.text = "friedrich", .role = NamePartRole::kFamily}};
  std::vector<NameToken> c{{.text = "friedrich", .role = NamePartRole::kGiven},
                           {.text = "hans", .role = NamePartRole::kFamily}};
  const NameMatch m = NameComparer().compare(q, c, Schema::kPerson);
  EXPECT_LT(m.score, kDefaultThreshold);
  EXPECT_FALSE(m.penalties.empty());
}

TEST(NameCompareTest, ExplanationRendersAsTextAndJson) {
  const NameMatch m = NameComparer().compare(tokens_from_text("barack obama"),
                                             tokens_from_text("george hussein onyango obama"), Schema::kPerson);
  EXPECT_LT(m.score, 0.5);
  EXPECT_NE(m.to_text().find("contradicted"), std::string::npos);
  const nlohmann::json j = nlohmann::json::parse(m.to_json());
  EXPECT_DOUBLE_EQ(j["score"].get<double>(), m.score);
  ASSERT_EQ(j["pairs"].size(), 1u);
  EXPECT_EQ(j["pairs"][0]["query"], "obama");
  EXPECT_EQ(j["pairs"][0]["method"], "exact");
  int contradicted = 0, extra = 0;
  for (const auto& u : j["unmatched"]) {
    contradicted += u["kind"] == "contradicted";
    extra += u["kind"] == "candidate_extra";
  }
  EXPECT_EQ(contradicted, 2);  // barack vs one of george/hussein/onyango
  EXPECT_EQ(extra, 2);
}

TEST(NameCompareTest, EmptyInputsScoreZero) {
  EXPECT_EQ(score("", "vladimir putin"), 0.0);
  EXPECT_EQ(score("vladimir putin", ""), 0.0);
}

TEST(NameCompareTest, PreparedQueryGivesTheSameResult) {
  NameComparer comparer;
  const PreparedQuery q = comparer.prepare(tokens_from_text("mohammed bin salman"));
  for (std::string_view c : {"muhammad bin salman", "salman mohammed", "mohammed bin sultan"}) {
    EXPECT_DOUBLE_EQ(
        comparer.compare(q, tokens_from_text(c), Schema::kPerson).score,
        comparer.compare(tokens_from_text("mohammed bin salman"), tokens_from_text(c), Schema::kPerson).score)
        << c;
  }
}

// One PreparedQuery prepared again and again in place (as a screener's thread does) scores as
// one prepared fresh: nothing of a longer query before it stays behind.
TEST(NameCompareTest, QueryPreparedInPlaceGivesTheSameResult) {
  NameComparer comparer;
  PreparedQuery reused;
  const std::vector<std::string_view> queries = {"abd al rahman bin abdullah al fawaz", "mohammed bin salman", "salman",
                                                 "rosneft oil company", "abdulrahman al fawaz"};
  const std::vector<std::string_view> listed = {"abdulrahman al fawaz", "muhammad bin salman", "salman mohammed",
                                                "rosneft", "abd al rahman al fawwaz"};
  for (int round = 0; round < 2; ++round) {
    for (std::string_view q : queries) {
      comparer.prepare_into(tokens_from_text(q), reused);
      ASSERT_EQ(reused.tokens().size(), reused.impl().patterns().size()) << q;
      const PreparedQuery fresh = comparer.prepare(tokens_from_text(q));
      for (std::string_view c : listed) {
        EXPECT_DOUBLE_EQ(comparer.compare(reused, tokens_from_text(c), Schema::kPerson).score,
                         comparer.compare(fresh, tokens_from_text(c), Schema::kPerson).score)
            << q << " / " << c;
      }
    }
  }
}

// The person score of `kana` against `latin`: as plain Latin, and with `kana` flagged as read
// from kana (NameToken::r_may_be_l).
struct KanaScores {
  double plain, kana;
};
KanaScores kana_scores(std::string_view kana, std::string_view latin, Schema schema = Schema::kPerson) {
  std::vector<NameToken> query = tokens_from_text(kana);
  const std::vector<NameToken> listed = tokens_from_text(latin);
  NameComparer comparer;
  const double plain = comparer.compare(query, listed, schema).score;
  for (NameToken& t : query) t.r_may_be_l = true;
  return {plain, comparer.compare(query, listed, schema).score};
}

TEST(NameCompareTest, KanaTokensReadRAsL) {
  // アレクセイ・グロモフ reduced to "areksei gromof": Japanese writes Aleksei's l with ラ行.
  const KanaScores aleksei = kana_scores("areksei gromof", "aleksei gromov");
  EXPECT_GT(aleksei.kana, aleksei.plain);
  EXPECT_GE(aleksei.kana, kDefaultThreshold);
  EXPECT_LT(aleksei.kana, 1.0);  // still not identical
  // Only where r and l differ: "gromof" ~ "gromov" is unchanged by it.
  const KanaScores gromov = kana_scores("gromof", "gromov");
  EXPECT_EQ(gromov.kana, gromov.plain);
}

TEST(NameCompareTest, KanaTokensReadThAsS) {
  // サルワト・ムサンナー reduced to "sarwat musanna": Japanese has no th and writes it with サ行.
  const KanaScores tharwat = kana_scores("sarwat musanna", "tharwat muthanna");
  EXPECT_LT(tharwat.plain, kDefaultThreshold);
  EXPECT_GE(tharwat.kana, kDefaultThreshold);
  EXPECT_LT(tharwat.kana, 1.0);
  // A Korean th is an aspirated t (テソン Thaesong): the kana reading keeps the better of both.
  const KanaScores thaesong = kana_scores("tesong", "thaesong");
  EXPECT_GE(thaesong.kana, thaesong.plain);
  EXPECT_EQ(heard_in_kana("dhu al thahab"), "zu ar sahab");
}

TEST(NameCompareTest, KanaReadingsMeetTheSpellingsTheyWereHeardFrom) {
  // ジェルマン・カタンガ, ローラン・ンクンダ, ヤコブ・スタイガー, クロフォード read back
  // from kana: kana keeps the consonants the ear caught, not the letters.
  for (const auto& [kana, latin] : {std::pair{"jeruman katanga", "germain katanga"},
                                    {"roran nkunda", "laurent nkunda"},
                                    {"yakob sutaiga", "jakob steiger"},
                                    {"shen dominiku kurofodo", "shane dominic crawford"}}) {
    const KanaScores s = kana_scores(kana, latin);
    EXPECT_LT(s.plain, kDefaultThreshold) << kana;
    EXPECT_GE(s.kana, kDefaultThreshold) << kana;
    EXPECT_LT(s.kana, 1.0) << kana;
  }
  EXPECT_TRUE(heard_alike(ear_keys("inobetibu"), ear_keys("innovative")));     // v as b
  EXPECT_TRUE(heard_alike(ear_keys("papasu"), ear_keys("purpose")));           // the r unsaid
  EXPECT_TRUE(heard_alike(ear_keys("inosan"), ear_keys("innocent")));          // the t silent
  EXPECT_TRUE(heard_alike(ear_keys("jeruman"), ear_keys("germain")));          // the r kept
  EXPECT_TRUE(heard_alike(ear_keys("giasuddin"), ear_keys("ghiassouddine")));  // gh (غ) as ガ
  // Other consonants, or the same in another order, are another word; and a word of two
  // consonants has no key (it would meet too much).
  EXPECT_FALSE(heard_alike(ear_keys("tanaka"), ear_keys("nakata")));
  EXPECT_FALSE(heard_alike(ear_keys("kamikawa"), ear_keys("yamakawa")));
  EXPECT_FALSE(heard_alike(ear_keys("juru"), ear_keys("jules")));
  EXPECT_EQ(ear_keys("juru"), EarKeys{});
}

TEST(NameCompareTest, AGlossMeetsOtherFormsOfItsWords) {
  // 研究所 glosses as "institute" where the English entry says "institution".
  const KanaScores institution = kana_scores("federal budgetary scientific research institute",
                                             "federal budgetary scientific research institution");
  EXPECT_LT(institution.plain, institution.kana);
  EXPECT_GE(institution.kana, kDefaultThreshold);
  EXPECT_LT(institution.kana, 1.0);
  EXPECT_EQ(phonetic::stem_hash("technology"), phonetic::stem_hash("technologies"));
  EXPECT_EQ(phonetic::stem_hash("association"), phonetic::stem_hash("associated"));
  EXPECT_EQ(phonetic::stem_hash("metallurgy"), phonetic::stem_hash("metallurgical"));
  // Five letters of stem at least: a state is no station, and a short word has none.
  EXPECT_NE(phonetic::stem_hash("state"), phonetic::stem_hash("station"));
  EXPECT_EQ(phonetic::stem_hash("bank"), 0u);
  // The same word meets as itself, not as another form of it.
  const KanaScores same = kana_scores("trading", "trading");
  EXPECT_EQ(same.kana, 1.0);
}

TEST(NameCompareTest, AGlossMeetsTheWordsTranslatorsChooseBetween) {
  // 工場 glosses as "plant"; the English entry keeps the Russian Zavod, or says Factory.
  const KanaScores zavod = kana_scores("votkinsk plant", "votkinsky zavod", Schema::kOrganization);
  EXPECT_LT(zavod.plain, kDefaultThreshold);
  EXPECT_GE(zavod.kana, kDefaultThreshold);
  const KanaScores factory = kana_scores("alagir resistor plant", "alagir resistor factory", Schema::kOrganization);
  EXPECT_GE(factory.kana, kDefaultThreshold);
  // 技術 as technical, technology or technological: one root.
  EXPECT_EQ(phonetic::stem_hash("technical"), phonetic::stem_hash("technological"));
  EXPECT_EQ(phonetic::stem_hash("technology"), phonetic::stem_hash("technological"));
  // Words of different lines stay apart: a plant is no institute.
  const KanaScores other = kana_scores("votkinsk plant", "votkinsk institute", Schema::kOrganization);
  EXPECT_LT(other.kana, zavod.kana);
}

TEST(NameCompareTest, ATranslatedOrganisationNameMayOrderItsWordsFreely) {
  // イラクとレバント地方のイスラム国 glossed in Japanese order.
  std::vector<NameToken> glossed = tokens_from_text("iraq levant islamic state");
  const std::vector<NameToken> listed = tokens_from_text("islamic state iraq levant");
  NameComparer comparer;
  const double as_spelled = comparer.compare(glossed, listed, Schema::kOrganization).score;
  for (NameToken& t : glossed) t.r_may_be_l = true;
  const double translated = comparer.compare(glossed, listed, Schema::kOrganization).score;
  EXPECT_LT(as_spelled, translated);
  EXPECT_GT(translated, 0.95);
  // A person's name read from kana keeps its order: exchanged parts are another person.
  std::vector<NameToken> person = tokens_from_text("abdullah omar");
  for (NameToken& t : person) t.r_may_be_l = true;
  EXPECT_LT(comparer.compare(person, tokens_from_text("omar abdullah"), Schema::kPerson).score, 0.95);
}

TEST(NameCompareTest, GermanTschAndArabicTshAreCh) {
  EXPECT_EQ(phonetic_key("wladimirowitsch"), phonetic_key("vladimirovich"));
  EXPECT_EQ(phonetic_key("fladimirufitsh"), phonetic_key("vladimirovich"));  // فلاديميروفيتش
  EXPECT_NE(phonetic_key("wladimirowitsch"), phonetic_key("vladimirovits"));
}

TEST(NameCompareTest, OmittedPatronymicCostsLittleForAPerson) {
  const double omitted = score("vladimir putin", "vladimir vladimirovich putin");
  const double other_word = score("vladimir putin", "vladimir vladislav putin");
  EXPECT_GT(omitted, other_word);  // a patronymic left out is the norm, a middle name less so
  EXPECT_GE(score("wladimir piutin", "vladimir vladimirovich putin"), kDefaultThreshold);
  // A different patronymic is still a contradiction (Lavrov's Viktorovich vs Borisovich).
  EXPECT_LT(score("sergey viktorovich lavrov", "sergey borisovich lavrov"), omitted);
  // Given name and patronymic are one form of address: a query of the surname alone leaves
  // both out, and the patronymic costs nothing beyond the given name.
  EXPECT_DOUBLE_EQ(score("putin", "vladimir vladimirovich putin"), score("putin", "vladimir putin"));
  EXPECT_LT(score("putin", "vladimir vladislav putin"), score("putin", "vladimir putin"));
  // Serbian -ović is a surname, not a patronymic.
  EXPECT_LT(score("slobodan", "slobodan milosevic"), score("slobodan", "slobodan vladimirovich"));
}

// Issue 17: "Vladimir Putin" is not "Maria Vladimirovna Putina": his given name meets her
// patronymic while her own given name goes unmet, so the name met is her father's.
TEST(NameCompareTest, AGivenNameMetByAPatronymicIsAnotherRole) {
  const double father = score("vladimir putin", "maria vladimirovna putina");
  const double same_roles = score("vladimir putin", "maria vladimirov putina");
  EXPECT_LT(father, same_roles);
  // With the patronymic's own given name met, nothing is left in another role: a patronymic
  // read from another script may not look like one ("fladimirufitsh").
  NameComparer comparer;
  const NameMatch read = comparer.compare(tokens_from_text("fladimir fladimirufitsh butin"),
                                          tokens_from_text("vladimir vladimirovich putin"), Schema::kPerson);
  EXPECT_TRUE(read.penalties.empty()) << read.penalties.front().reason;
}

// A patronymic in another nation's form (Kazakh -uly, Ukrainian -ovych) is the same patronymic:
// the stems before the endings are compared, and only endings of one sex meet so.
TEST(NameCompareTest, NationalFormsOfOnePatronymicMeet) {
  EXPECT_GE(score("vladimir vladimiruly putin", "vladimir vladimirovich putin"), 0.95);
  EXPECT_GT(score("vladimir vladimiruly putin", "vladimir vladimirovich putin"),
            score("vladimir vladislavuly putin", "vladimir vladimirovich putin"));
  EXPECT_LT(score("aigerim serikkyzy", "aigerim serikuly"), score("aigerim serikkyzy", "aigerim serikovna"));
}

// An initial never outweighs the word it stands for: the pairing takes the words spelled out
// on both sides, not the honoree's initials ("P.I." in "named after P.I. Plandin").
TEST(NameCompareTest, WordsSpelledOutPairBeforeInitials) {
  NameComparer comparer;
  const NameMatch m =
      comparer.compare(tokens_from_text("arzamas instrument plant named after plandin"),
                       tokens_from_text("arzamas instrument plant named after p i plandin"), Schema::kOrganization);
  for (const AlignedPair& p : m.pairs) EXPECT_NE(p.method, PairMethod::kInitial) << p.query << " ~ " << p.candidate;
}

// A dedication ("named after", имени) is given or left out by lists as they please: its words
// cost as particles, the honoree's name as any name word.
TEST(NameCompareTest, ADedicationLeftOutCostsLittle) {
  const Schema org = Schema::kOrganization;
  EXPECT_GT(score("tikhomirov institute", "tikhomirov institute named after", org),
            score("tikhomirov institute", "tikhomirov institute moscow region", org));
  EXPECT_GE(score("tikhomirov institute", "tikhomirov institute named after", org), kDefaultThreshold);
}

// Issue 17: an organisation's sector word (aviation, plant, bank) says what it does; a name
// that leaves it out still names it ("Sukhoi" for Sukhoi Aviation JSC), and two sector words
// that differ are weak evidence, as a translated 工場 is plant or factory.
TEST(NameCompareTest, ASectorWordLeftOutCostsLittleForAnOrganisation) {
  const Schema org = Schema::kOrganization;
  EXPECT_GE(score("sukhoi", "sukhoi aviation"), kDefaultThreshold);
  EXPECT_GT(score("sukhoi", "sukhoi aviation", org), score("sukhoi", "sukhoi tupolev", org));
  EXPECT_GE(score("yaroslavl shipbuilding plant", "yaroslavl shipbuilding factory", org), kDefaultThreshold);
  // A distinctive word both sides disagree on still sinks the pair, and so do two sector
  // words that are all a short name has besides one shared word.
  EXPECT_LT(score("yaroslavl shipbuilding plant", "yaroslavl tractor plant", org), kDefaultThreshold);
  EXPECT_LT(score("alfa bank", "alfa insurance", org), kDefaultThreshold);
  // A generic word of the same weight that is no sector word ("international") still costs
  // what an organisation's extra word costs.
  EXPECT_GT(score("sukhoi", "sukhoi aviation", org), score("sukhoi", "sukhoi international", org));
}

TEST(NameCompareTest, NumbersMeetByValueHoweverWritten) {
  EXPECT_GE(score("brigade forty four", "brigade 44", Schema::kOrganization), kDefaultThreshold);
  EXPECT_GE(score("3 percenters", "three percenters", Schema::kOrganization), kDefaultThreshold);
  EXPECT_GE(score("1st international bank", "first international bank", Schema::kCompany), kDefaultThreshold);
  // Different numbers stay different things.
  EXPECT_LT(score("brigade forty five", "brigade 44", Schema::kOrganization), kDefaultThreshold);
  EXPECT_LT(score("brigade 45", "brigade 44", Schema::kOrganization), kDefaultThreshold);
  // A digit is no initial of a longer number: "2" does not stand for "2006".
  const NameMatch m =
      NameComparer().compare(tokens_from_text("trust 2006 2"), tokens_from_text("trust 2 2007"), Schema::kCompany);
  for (const AlignedPair& p : m.pairs) EXPECT_NE(p.method, PairMethod::kInitial) << p.query << " ~ " << p.candidate;
}

TEST(NameCompareTest, ParticlesAreFillerEvenWhenTheTextPipelineDoesNotSaySo) {
  // The screener's tokens carry no stopword flag: "the" is known by the particle list.
  EXPECT_GE(score("the world bank", "world bank", Schema::kOrganization), kDefaultThreshold);
  EXPECT_GE(score("party of the regions", "party regions", Schema::kOrganization), kDefaultThreshold);
  // A word that is no particle still counts as another organisation's.
  EXPECT_LT(score("party of green regions", "party regions", Schema::kOrganization), kDefaultThreshold);
}

TEST(NameCompareTest, AnArabicNasabChainLeftOutIsLikeAPatronymic) {
  // Usama, son of Muhammad, son of Awad, of the bin Ladin family.
  EXPECT_GE(score("osama bin laden", "usama bin muhammad ibn awad ibn ladin"), kDefaultThreshold);
  // The father named differently is a contradiction, as with Russian patronymics.
  EXPECT_LT(score("ahmed bin salem al harbi", "ahmed bin omar al harbi"), kDefaultThreshold);
  // The last link is the family name people go by: leaving it out still costs.
  EXPECT_LT(score("mohammed", "mohammed bin salman"), kDefaultThreshold);
}

TEST(NameCompareTest, AnInitialIsNotGluedToTheNextWord) {
  // "a lindeman" once merged into "alindeman", which then met "lindemann" nowhere.
  EXPECT_GE(score("thomas a lindeman", "thomas lindemann"), kDefaultThreshold);
  const NameMatch m = NameComparer().compare(tokens_from_text("thomas a lindeman"),
                                             tokens_from_text("thomas lindemann"), Schema::kPerson);
  for (const AlignedPair& p : m.pairs) EXPECT_NE(p.method, PairMethod::kMerged) << p.query;
  EXPECT_GE(score("abdul rahman", "abdulrahman"), kDefaultThreshold);  // real splits still merge
}

TEST(NameCompareTest, ExchangedNamePartsAreAnotherName) {
  // Son and father swapped: Omar son of Abdullah is not Abdullah son of Omar.
  EXPECT_LT(score("abdullah bin omar al muhammad", "omar bin abdullah al muhammad"), kDefaultThreshold);
  // A rotation is a list convention (family name first or last), not another person.
  EXPECT_GE(score("putin vladimir vladimirovich", "vladimir vladimirovich putin"), kDefaultThreshold);
  EXPECT_GE(score("bin salman mohammed", "mohammed bin salman"), kDefaultThreshold);
}

TEST(NameCompareTest, OrganisationsMayOrderTheirWordsByLanguage) {
  // 中央自動設計局 glossed word by word against the English name: not a rotation, still the bureau.
  EXPECT_GE(score("central automatic design bureau", "central design bureau of automatics", Schema::kOrganization),
            kDefaultThreshold);
}

TEST(NameCompareTest, APossessiveSIsNoWord) {
  // "People’s" and "Bank's" reach the comparer as a word and a lone "s".
  EXPECT_GE(score("pla", "people s liberation army", Schema::kOrganization), kDefaultThreshold);
  EXPECT_GE(score("deutsche bank s", "deutsche bank", Schema::kCompany), kDefaultThreshold);
  // After an initial, "s" is one more initial (U.S.).
  EXPECT_GE(score("u s department of state", "united states department of state", Schema::kOrganization),
            kDefaultThreshold);
  // A person's lone "s" is an initial and stays one.
  const NameMatch m =
      NameComparer().compare(tokens_from_text("harry s truman"), tokens_from_text("harry truman"), Schema::kPerson);
  ASSERT_EQ(m.unmatched.size(), 1u);
  EXPECT_EQ(m.unmatched[0].text, "s");
}

TEST(NameCompareTest, AVesselTypePrefixIsFiller) {
  EXPECT_GE(score("hellenic spirit", "mv hellenic spirit", Schema::kVessel), kDefaultThreshold);
  EXPECT_GE(score("m v hellenic spirit", "hellenic spirit", Schema::kVessel), kDefaultThreshold);
  // Only for vessels: a company's "MV" is part of its name.
  EXPECT_LT(score("hellenic spirit", "mv hellenic spirit", Schema::kCompany),
            score("hellenic spirit", "mv hellenic spirit", Schema::kVessel));
  // The prefix alone is not a name to match on.
  EXPECT_LT(score("mv ocean star", "mv hellenic spirit", Schema::kVessel), 0.5);
}

TEST(NameCompareTest, SyllablesWrittenApartMeetTheWordTheySound) {
  // Wade-Giles writes Mao's given name as two syllables, pinyin as one word.
  EXPECT_GE(score("mao tse tung", "mao zedong"), kDefaultThreshold);
  const NameMatch m =
      NameComparer().compare(tokens_from_text("mao tse tung"), tokens_from_text("mao zedong"), Schema::kPerson);
  ASSERT_EQ(m.pairs.size(), 2u);
  EXPECT_EQ(m.pairs[1].query, "tse+tung");
}

TEST(NameCompareTest, AnotherNumberOfTheSameSeriesIsWeakEvidence) {
  // The sister ship: a screener shows it, below the identical name.
  const double sister = score("snow storm 1", "snow storm 2", Schema::kVessel);
  EXPECT_GE(sister, kDefaultThreshold);
  EXPECT_LT(sister, score("snow storm 1", "snow storm 1", Schema::kVessel));
  // A name word that differs is no series member.
  EXPECT_LT(score("snow storm 1", "snow ocean 1", Schema::kVessel), kDefaultThreshold);
}

TEST(NameCompareTest, LettersInAnotherOrderAreAnotherAcronym) {
  // "C.B.A. Company" as the text pipeline gives it: three letters and a legal form.
  auto with_form = [](std::string_view letters) {
    std::vector<NameToken> t = tokens_from_text(letters);
    t.push_back(NameToken{.text = "co", .legal_form = true});
    return t;
  };
  NameComparer comparer;
  EXPECT_LT(comparer.compare(with_form("c b a"), with_form("a b c"), Schema::kCompany).score, kDefaultThreshold);
  EXPECT_EQ(comparer.compare(with_form("a b c"), with_form("a b c"), Schema::kCompany).score, 1.0);
  // Words in another order are not letters: an organisation may order them by language.
  EXPECT_GE(score("design bureau central", "central design bureau", Schema::kOrganization), kDefaultThreshold);
}

}  // namespace
}  // namespace sekisho::match
