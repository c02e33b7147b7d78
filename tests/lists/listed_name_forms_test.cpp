// Issue 17 §1: listed names as publishers write them become the name forms of one entity.
#include "lists/listed_name_forms.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace sekisho {
namespace {

Name name(std::string full, NameKind kind = NameKind::kPrimary) {
  Name n;
  n.full = std::move(full);
  n.kind = kind;
  return n;
}

// The form of that text, or nullptr.
const ListedNameForm* find(const std::vector<ListedNameForm>& forms, std::string_view text) {
  auto it = std::find_if(forms.begin(), forms.end(), [&](const ListedNameForm& f) { return f.text == text; });
  return it == forms.end() ? nullptr : &*it;
}

std::string all(const std::vector<ListedNameForm>& forms) {
  std::string s;
  for (const ListedNameForm& f : forms) s += "\n  [" + std::string(name_form_role_name(f.role)) + "] " + f.text;
  return s;
}

TEST(ListedNameForms, ThePublishedNameComesFirstAndIsNotDerived) {
  auto forms = listed_name_forms(name("PUTIN, Vladimir Vladimirovich"), Schema::kPerson);
  ASSERT_EQ(forms.size(), 1u) << all(forms);
  EXPECT_EQ(forms[0].text, "PUTIN, Vladimir Vladimirovich");
  EXPECT_FALSE(forms[0].derived);
  EXPECT_EQ(forms[0].role, NameFormRole::kPrimary);
}

TEST(ListedNameForms, ABracketGivesThePlainNameAndTheAlternative) {
  // UK list: "PJSC Sberbank (Public Joint-Stock Company Sberbank)".
  auto forms = listed_name_forms(name("PJSC Sberbank (Public Joint-Stock Company Sberbank)"), Schema::kCompany);
  const ListedNameForm* plain = find(forms, "PJSC Sberbank");
  ASSERT_NE(plain, nullptr) << all(forms);
  EXPECT_TRUE(plain->derived);
  EXPECT_EQ(plain->role, NameFormRole::kPrimary);
  const ListedNameForm* alt = find(forms, "Public Joint-Stock Company Sberbank");
  ASSERT_NE(alt, nullptr) << all(forms);
  EXPECT_EQ(alt->role, NameFormRole::kAlias);
}

TEST(ListedNameForms, IncludingNamesAPartInBracketsOrInline) {
  // MOF: "Hamas (including Hamas-Izz al-Din al-Qassem)"; UK: "Hamas including Izz al-Din al-Qassam Brigades".
  auto mof = listed_name_forms(name("Hamas (including Hamas-Izz al-Din al-Qassem)"), Schema::kOrganization);
  ASSERT_NE(find(mof, "Hamas"), nullptr) << all(mof);
  EXPECT_EQ(find(mof, "Hamas")->role, NameFormRole::kPrimary);
  ASSERT_NE(find(mof, "Hamas-Izz al-Din al-Qassem"), nullptr) << all(mof);
  EXPECT_EQ(find(mof, "Hamas-Izz al-Din al-Qassem")->role, NameFormRole::kPart);

  auto uk = listed_name_forms(name("Hamas including Izz al-Din al-Qassam Brigades"), Schema::kOrganization);
  ASSERT_NE(find(uk, "Hamas"), nullptr) << all(uk);
  ASSERT_NE(find(uk, "Izz al-Din al-Qassam Brigades"), nullptr) << all(uk);
  EXPECT_EQ(find(uk, "Izz al-Din al-Qassam Brigades")->role, NameFormRole::kPart);
}

TEST(ListedNameForms, MarkersListsAndQuotesSplitOneField) {
  auto forms = listed_name_forms(name("AL-QAIDA a.k.a. THE BASE; AL QAEDA f.k.a. ISLAMIC SALVATION FOUNDATION"),
                                 Schema::kOrganization);
  for (const char* text : {"AL-QAIDA", "THE BASE", "AL QAEDA", "ISLAMIC SALVATION FOUNDATION"}) {
    EXPECT_NE(find(forms, text), nullptr) << text << all(forms);
  }
  ASSERT_NE(find(forms, "ISLAMIC SALVATION FOUNDATION"), nullptr);
  EXPECT_EQ(find(forms, "ISLAMIC SALVATION FOUNDATION")->role, NameFormRole::kFormerName);

  auto quoted = listed_name_forms(name("ООО «Газпром бурение»"), Schema::kCompany);
  EXPECT_NE(find(quoted, "Газпром бурение"), nullptr) << all(quoted);
  EXPECT_NE(find(quoted, "ООО Газпром бурение"), nullptr) << all(quoted);

  auto slashed = listed_name_forms(name("ISLAMIC ARMY / AL-QAIDA NETWORK"), Schema::kOrganization);
  EXPECT_NE(find(slashed, "ISLAMIC ARMY"), nullptr) << all(slashed);
  EXPECT_NE(find(slashed, "AL-QAIDA NETWORK"), nullptr) << all(slashed);
}

TEST(ListedNameForms, AVesselPrefixIsNoList) {
  auto forms = listed_name_forms(name("M/V GLAROS"), Schema::kVessel);
  EXPECT_EQ(forms.size(), 1u) << all(forms);
}

TEST(ListedNameForms, AUnbalancedBracketLeavesTheNameAsWritten) {
  auto forms = listed_name_forms(name("ACME (TRADING"), Schema::kCompany);
  EXPECT_EQ(forms.size(), 1u) << all(forms);
}

TEST(ListedNameForms, APersonsBracketedSpellingOfOneWordIsNoNameAlone) {
  // parenthesized.cpp reads "(Dmitriy/Dmytro)" as spellings of the word before it.
  auto forms = listed_name_forms(name("Dmitry(Dmitriy/Dmytro) SEMYONOV"), Schema::kPerson);
  EXPECT_NE(find(forms, "Dmitry SEMYONOV"), nullptr) << all(forms);
  EXPECT_EQ(find(forms, "Dmitriy"), nullptr) << all(forms);
  EXPECT_EQ(find(forms, "Dmytro"), nullptr) << all(forms);
}

TEST(ListedNameForms, ARepeatedWordIsMetOnce) {
  // UN: "QUREN SALIH QUREN AL QADHAFI"; queries write QUREN once.
  auto forms = listed_name_forms(name("QUREN SALIH QUREN AL QADHAFI"), Schema::kPerson);
  EXPECT_NE(find(forms, "SALIH QUREN AL QADHAFI"), nullptr) << all(forms);
  EXPECT_NE(find(forms, "QUREN SALIH AL QADHAFI"), nullptr) << all(forms);
}

TEST(ListedNameForms, OneWordAliasesOfPeopleAndWeakAliasesAreWeak) {
  EXPECT_EQ(listed_name_forms(name("John", NameKind::kAlias), Schema::kPerson)[0].role, NameFormRole::kWeakAlias);
  EXPECT_EQ(listed_name_forms(name("ABU MUHAMMAD", NameKind::kWeakAlias), Schema::kPerson)[0].role,
            NameFormRole::kWeakAlias);
  // A title is no word of the name: "Sheikh Hassan" is a one-word alias, "Sheikh Hassan Aweys" is not.
  EXPECT_EQ(listed_name_forms(name("Sheikh Hassan", NameKind::kAlias), Schema::kPerson)[0].role,
            NameFormRole::kWeakAlias);
  EXPECT_EQ(listed_name_forms(name("Sheikh Hassan Aweys", NameKind::kAlias), Schema::kPerson)[0].role,
            NameFormRole::kAlias);
  // A person's primary name stays primary however short; an organisation's one-word alias is its name.
  EXPECT_EQ(listed_name_forms(name("RAMZI"), Schema::kPerson)[0].role, NameFormRole::kPrimary);
  EXPECT_EQ(listed_name_forms(name("HAMAS", NameKind::kAlias), Schema::kOrganization)[0].role, NameFormRole::kAlias);
  // What a weak alias's brackets hold is no stronger than it.
  auto weak = listed_name_forms(name("ABU ALI (ABU HASSAN ALI)", NameKind::kWeakAlias), Schema::kPerson);
  for (const ListedNameForm& f : weak) EXPECT_EQ(f.role, NameFormRole::kWeakAlias) << f.text;
}

TEST(ListedNameForms, ABracketNamingOnlyACountryIsNoName) {
  auto forms = listed_name_forms(name("Bank Rossiya (Russia)"), Schema::kCompany);
  EXPECT_NE(find(forms, "Bank Rossiya"), nullptr) << all(forms);
  EXPECT_EQ(find(forms, "Russia"), nullptr) << all(forms);
}

TEST(ListedNameForms, ABodyNamedAfterItsParentIsAPartOfTheName) {
  // MOFA/METI: the subsidiary follows its parent and a comma, in English and in Japanese.
  auto forms =
      listed_name_forms(name("Tactical Missile Corporation, Joint Stock Company Elektrotyaga"), Schema::kOrganization);
  const ListedNameForm* body = find(forms, "Joint Stock Company Elektrotyaga");
  ASSERT_NE(body, nullptr) << all(forms);
  EXPECT_EQ(body->role, NameFormRole::kPart);
  forms =
      listed_name_forms(name("戦術ミサイル兵器コーポレーション、株式会社エレクトロチャーガ"), Schema::kOrganization);
  EXPECT_NE(find(forms, "株式会社エレクトロチャーガ"), nullptr) << all(forms);
  // A legal form after the comma names no other body; a person's comma orders the name.
  forms = listed_name_forms(name("Grupo Industrial Mexicano, S.A. de C.V."), Schema::kOrganization);
  EXPECT_EQ(forms.size(), 1u) << all(forms);
  forms = listed_name_forms(name("IVANOV, Ivan Petrovich"), Schema::kPerson);
  EXPECT_EQ(forms.size(), 1u) << all(forms);
  // An enumeration inside the name ("Physical,Technical and Radio") has no space after its comma.
  forms = listed_name_forms(name("Institute of Physical,Technical and Radio Engineering Measurements"),
                            Schema::kOrganization);
  EXPECT_EQ(forms.size(), 1u) << all(forms);
}

TEST(ListedNameForms, ADedicatedBodyIsAlsoNamedWithoutItsDedication) {
  // Russian bodies named after a person (имени, "named after"): other names of the body leave the
  // dedication out, and so may a query; Japanese writes the person first, before 名称.
  auto forms = listed_name_forms(
      name("Joint Stock Company Machine-Building Engineering Office Fakel Named After Akademika P.D. Grushina"),
      Schema::kOrganization);
  const ListedNameForm* body = find(forms, "Joint Stock Company Machine-Building Engineering Office Fakel");
  ASSERT_NE(body, nullptr) << all(forms);
  EXPECT_EQ(body->role, NameFormRole::kPart);
  forms = listed_name_forms(name("株式会社P.D.グルシン名称機械製造設計局ファケル"), Schema::kOrganization);
  EXPECT_NE(find(forms, "機械製造設計局ファケル"), nullptr) << all(forms);
  // A body whose words say only what it is names no body once its dedication is gone, and a
  // person's name is no body at all.
  forms = listed_name_forms(name("Design Bureau named after A.S. Yakovlev"), Schema::kOrganization);
  EXPECT_EQ(find(forms, "Design Bureau"), nullptr) << all(forms);
  forms = listed_name_forms(name("Ivan Petrov named after his grandfather"), Schema::kPerson);
  EXPECT_EQ(forms.size(), 1u) << all(forms);
}

TEST(ListedNameForms, ARussianKindStandsAsAcronymAndInWords) {
  // text/tables/russian_acronyms.tsv: NPP is a scientific production enterprise, TsNII a central
  // scientific research institute; either way round, with a word of the name beside it.
  auto forms = listed_name_forms(name("NPP Start"), Schema::kOrganization);
  EXPECT_NE(find(forms, "scientific production enterprise Start"), nullptr) << all(forms);
  forms = listed_name_forms(name("48th Central Scientific Research Institute"), Schema::kOrganization);
  EXPECT_NE(find(forms, "48th TsNII"), nullptr) << all(forms);
  // Nothing but the kind is no name; a person's initials are no acronym.
  forms = listed_name_forms(name("Central Scientific Research Institute"), Schema::kOrganization);
  EXPECT_EQ(find(forms, "TsNII"), nullptr) << all(forms);
  forms = listed_name_forms(name("KB Mashinostroeniya"), Schema::kOrganization);
  EXPECT_NE(find(forms, "design bureau Mashinostroeniya"), nullptr) << all(forms);
  forms = listed_name_forms(name("NII Ahmad"), Schema::kPerson);
  EXPECT_EQ(forms.size(), 1u) << all(forms);
}

}  // namespace
}  // namespace sekisho
