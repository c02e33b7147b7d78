#include "index/name_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "distance/distance.hpp"
#include "index/flat_key_map.hpp"
#include "index/token_hash.hpp"

namespace sekisho::index {
namespace {

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

NameIndex build(const std::vector<std::string>& names) {
  std::vector<IndexedForm> forms;
  for (uint32_t i = 0; i < names.size(); ++i) forms.push_back({i, split(names[i])});
  return NameIndex::build(forms);
}

std::vector<uint32_t> find_ids(const NameIndex& ix, const std::string& query, size_t k = 10) {
  std::vector<std::vector<std::string>> forms = {split(query)};
  std::vector<Candidate> out;
  ix.find(forms, k, out);
  std::vector<uint32_t> ids;
  for (const Candidate& c : out) ids.push_back(c.name_id);
  return ids;
}

bool contains(const std::vector<uint32_t>& ids, uint32_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

TEST(TokenHash, DeletionHashesEqualHashesOfTheShorterStrings) {
  std::string s = "zakharova";
  TokenHasher h(s);
  EXPECT_EQ(h.whole(), token_hash(s));
  for (size_t i = 0; i < s.size(); ++i) {
    std::string one = s.substr(0, i) + s.substr(i + 1);
    EXPECT_EQ(h.without(i), token_hash(one)) << i;
    for (size_t j = i + 1; j < s.size(); ++j) {
      std::string two = one.substr(0, j - 1) + one.substr(j);
      EXPECT_EQ(h.without(i, j), token_hash(two)) << i << "," << j;
    }
  }
}

TEST(FlatKeyMap, GathersValuesPerKey) {
  FlatKeyMap m({{7, 1}, {9, 2}, {7, 3}, {0, 4}});
  auto seven = m.find(7);
  EXPECT_EQ(std::vector<uint32_t>(seven.begin(), seven.end()), (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(m.find(0).size(), 1u);  // key 0 is stored (remapped internally)
  EXPECT_TRUE(m.find(8).empty());
  EXPECT_EQ(m.key_count(), 3u);
}

TEST(NameIndex, FindsExactTypoPhoneticAndJoinedForms) {
  NameIndex ix = build({"maria zakharova", "vladimir putin", "abdulrahman al qaida", "mohammed ali", "ivan petrov"});
  EXPECT_EQ(find_ids(ix, "maria zakharova").front(), 0u);
  EXPECT_EQ(find_ids(ix, "mariya zakharova").front(), 0u);  // 1 edit in a 6-letter token
  EXPECT_EQ(find_ids(ix, "zaharova").front(), 0u);          // 1 deletion
  EXPECT_EQ(find_ids(ix, "wladimir poutine").front(), 1u);  // edits and phonetic key
  EXPECT_EQ(find_ids(ix, "abdul rahman").front(), 2u);      // joined tokens
  EXPECT_EQ(find_ids(ix, "alqaida").front(), 2u);
  EXPECT_EQ(find_ids(ix, "muhamad ali").front(), 3u);  // phonetic: mhmt
  EXPECT_TRUE(find_ids(ix, "xyzzy").empty());
}

// McCune-Reischauer apostrophes cut a syllable into letters ("KO CH'O'L-CHAE" is
// "ko ch o l chae"): three such pieces are indexed joined, as "chol"; three
// initials are not (the comparer reads those as an acronym).
TEST(NameIndex, JoinsASyllableCutIntoThreePiecesButNotThreeInitials) {
  std::vector<std::string> names = {"ko ch o l chae", "r c a holding"};
  for (int i = 0; i < 40; ++i) names.push_back("ko chol man " + std::to_string(i));  // "ko chol" is common
  NameIndex ix = build(names);
  std::vector<std::vector<std::string>> query = {split("ko chol chae")};
  std::vector<Candidate> out;
  ix.find(query, 3, out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.front().name_id, 0u);  // "chol" and "chae" as listed: the best vote
  EXPECT_TRUE(contains(find_ids(ix, "chol", 50), 0u));
  EXPECT_FALSE(contains(find_ids(ix, "rca", 50), 1u));
  EXPECT_FALSE(contains(find_ids(ix, "cra", 50), 1u));
}

// `reached_forms` holds every form a query token's walk voted for, candidate or
// not, with its vote; a walk that could bring in no candidate over the floor
// votes only for forms reached already (MaxScore), and adds none.
TEST(NameIndex, ReportsEveryFormReachedPastTheCandidates) {
  NameIndex ix = build({"jamal lunisi", "jamal lounici", "ivan petrov", "jamal"});
  std::vector<std::vector<std::string>> query = {split("jamal lunisi")};
  std::vector<Candidate> out, reached;
  ix.find(query, 1, out, 1, 0.0f, {}, &reached);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out.front().form_id, 0u);
  std::vector<uint32_t> forms;
  for (const Candidate& c : reached) {
    forms.push_back(c.form_id);
    EXPECT_GT(c.vote, 0.0f);
    if (c.form_id == 0) {
      EXPECT_EQ(c.vote, out.front().vote);
    } else {
      EXPECT_LT(c.vote, out.front().vote);  // past the one candidate asked for
    }
  }
  std::sort(forms.begin(), forms.end());
  EXPECT_EQ(forms, (std::vector<uint32_t>{0, 1, 3}));  // not "ivan petrov"
  // A floor that "jamal" alone cannot reach: its list adds to "jamal lunisi" only.
  ix.find(query, 1, out, 1, 0.9f, {}, &reached);
  ASSERT_EQ(reached.size(), 1u);
  EXPECT_EQ(reached.front().form_id, 0u);
  // Given again, it is cleared first.
  ix.find({{split("ivan petrov")}}, 1, out, 1, 0.0f, {}, &reached);
  ASSERT_EQ(reached.size(), 1u);
  EXPECT_EQ(reached.front().form_id, 2u);
}

TEST(NameIndex, ShortTokensTakeOneEditOnlyWhenTheQueryIsShort) {
  NameIndex ix = build({"aki", "abu bakr", "ivan ivanov"});
  EXPECT_TRUE(contains(find_ids(ix, "vki"), 0u));  // a short query alone: one edit
  EXPECT_TRUE(contains(find_ids(ix, "abx"), 1u));
  const std::vector<uint32_t> mixed = find_ids(ix, "vki ivanov");
  EXPECT_FALSE(contains(mixed, 0u));  // beside a long token the short one is exact only
  EXPECT_TRUE(contains(mixed, 2u));
  EXPECT_FALSE(contains(find_ids(ix, "vkx"), 0u));  // two edits are too many
  // Two letters alone reach the three-letter tokens a letter away, not the two-letter ones.
  NameIndex tro = build({"tro", "ti", "tromso"});
  const std::vector<uint32_t> to = find_ids(tro, "to");
  EXPECT_TRUE(contains(to, 0u));
  EXPECT_FALSE(contains(to, 1u));
  EXPECT_FALSE(contains(to, 2u));
}

// A query token that is rare but a typo away from a common token may mean the
// common one: it must not turn the common tokens of the query into mere boosts.
TEST(NameIndex, ATypoOfACommonTokenDoesNotSilenceTheOthers) {
  std::vector<std::string> names = {"ahmda khan"};  // the rare token the typo happens to spell
  for (int i = 0; i < 400; ++i) names.push_back("ahmad jan " + std::to_string(i));
  names.push_back("ahmad jan wazir");
  for (int i = 0; i < 400; ++i) names.push_back("jan smit " + std::to_string(i));
  NameIndex ix = build(names);
  const std::vector<uint32_t> ids = find_ids(ix, "ahmda jan", 10);
  ASSERT_FALSE(ids.empty());
  // Names holding both tokens the query meant come first.
  const size_t with_both = static_cast<size_t>(
      std::count_if(ids.begin(), ids.end(), [&](uint32_t id) { return names[id].starts_with("ahmad jan"); }));
  EXPECT_GE(with_both, 5u);
}

TEST(NameIndex, RareTokensOutvoteCommonOnes) {
  std::vector<std::string> names;
  for (int i = 0; i < 300; ++i) names.push_back("trading company number" + std::to_string(i));
  names.push_back("zephyrine trading company");
  NameIndex ix = build(names);
  auto ids = find_ids(ix, "zephyrine trading company", 3);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), 300u);
  // Only common words: still candidates, not nothing.
  EXPECT_FALSE(find_ids(ix, "trading company", 5).empty());
}

// Reference: the tokens the index must reach for a query token, by the rules
// it documents (exact; OSA within the length budget; equal phonetic keys).
TEST(NameIndex, ReachesEveryTokenWithinTheEditBudgetOfRandomQueries) {
  std::mt19937 rng(7);
  auto random_token = [&](size_t len) {
    std::string t;
    for (size_t i = 0; i < len; ++i) t += static_cast<char>('a' + rng() % 8);  // small alphabet: many near pairs
    return t;
  };
  std::vector<std::string> names;
  for (int i = 0; i < 400; ++i) names.push_back(random_token(3 + rng() % 9));
  NameIndex ix = build(names);
  auto budget = [](size_t len) { return len >= 9 ? 2u : len >= 4 ? 1u : 0u; };
  for (int q = 0; q < 200; ++q) {
    std::string query = random_token(3 + rng() % 9);
    auto ids = find_ids(ix, query, names.size());
    for (uint32_t i = 0; i < names.size(); ++i) {
      size_t allowed = budget(std::max(query.size(), names[i].size()));
      bool near = distance::osa_distance(query, names[i]) <= allowed &&
                  std::min(query.size(), names[i].size()) >= (allowed ? 4u : 0u) &&
                  budget(std::min(query.size(), names[i].size())) >= allowed;
      if (near) {
        EXPECT_TRUE(contains(ids, i)) << query << " should reach " << names[i];
      }
    }
  }
}

// Random names over a small alphabet (many near pairs, many query tokens
// found exactly), several forms per name; a share of them holds "common".
struct RandomNames {
  std::mt19937 rng;
  char letters;  // the alphabet: 'a' up to 'a' + letters - 1
  std::vector<IndexedForm> forms;
  std::vector<std::string> vocabulary;

  std::string token(size_t len) {
    std::string t;
    for (size_t i = 0; i < len; ++i) t += static_cast<char>('a' + rng() % letters);
    return t;
  }
  RandomNames(uint32_t seed, char alphabet, uint32_t count, uint32_t forms_per_name, size_t max_tokens,
              size_t max_length, unsigned common_one_in)
      : rng(seed), letters(alphabet) {
    for (uint32_t i = 0; i < count; ++i) {
      IndexedForm f{i / forms_per_name, {}};
      for (size_t n = 1 + rng() % max_tokens; n > 0; --n) f.tokens.push_back(token(2 + rng() % max_length));
      if (common_one_in != 0 && rng() % common_one_in == 0) f.tokens.push_back("common");
      vocabulary.insert(vocabulary.end(), f.tokens.begin(), f.tokens.end());
      forms.push_back(std::move(f));
    }
  }
};

// Asserts two find() answers equal in candidates, votes and order; returns how many were compared.
size_t expect_same_candidates(const std::vector<Candidate>& a, const std::vector<Candidate>& b, int query) {
  EXPECT_EQ(a.size(), b.size()) << "query " << query;
  if (a.size() != b.size()) return 0;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].form_id, b[i].form_id) << "query " << query << " rank " << i;
    EXPECT_EQ(a[i].vote, b[i].vote) << "query " << query << " rank " << i;
    EXPECT_EQ(a[i].query_form, b[i].query_form) << "query " << query << " rank " << i;
  }
  return a.size();
}

// The edit neighbourhoods worked out at build time give find() exactly the
// candidates, votes and order that probing the deletion tables at query time
// gives: on random names and queries, with joined tokens and several forms.
TEST(NameIndex, PrecomputedNeighboursFindWhatProbingFinds) {
  RandomNames names(11, 6, 600, 2, 3, 10, 0);
  IndexOptions probing;
  probing.precompute_neighbours = false;
  const NameIndex fast = NameIndex::build(names.forms), slow = NameIndex::build(names.forms, probing);
  EXPECT_GT(fast.memory_bytes(), slow.memory_bytes());
  size_t compared = 0;
  for (int q = 0; q < 300; ++q) {
    std::vector<std::vector<std::string>> query(1 + names.rng() % 2);
    for (auto& qf : query) {
      for (size_t n = 1 + names.rng() % 3; n > 0; --n) {
        // Half the tokens as listed (the precomputed path), half made up.
        qf.push_back(names.rng() % 2 ? names.vocabulary[names.rng() % names.vocabulary.size()]
                                     : names.token(2 + names.rng() % 10));
      }
    }
    std::vector<Candidate> a, b;
    fast.find(query, 20, a, 2, 0.3f);
    slow.find(query, 20, b, 2, 0.3f);
    compared += expect_same_candidates(a, b, q);
    if (HasFailure()) return;
  }
  EXPECT_GT(compared, 1000u);  // the queries did reach candidates
}

// MaxScore: a reached token's list is walked only while it can bring in a
// candidate above the vote floor. The candidates, their votes and order must
// be those of walking every list, on indexes with common tokens (a small
// alphabet makes many) and queries of listed, made-up and common tokens.
TEST(NameIndex, SkippingListsUnderTheVoteFloorChangesNoCandidate) {
  RandomNames names(29, 5, 3000, 3, 4, 9, 4);
  IndexOptions every_list;
  every_list.max_score = false;
  const NameIndex fast = NameIndex::build(names.forms), slow = NameIndex::build(names.forms, every_list);
  size_t compared = 0;
  for (int q = 0; q < 400; ++q) {
    std::vector<std::vector<std::string>> query(1 + names.rng() % 3);
    for (auto& qf : query) {
      for (size_t n = 1 + names.rng() % 4; n > 0; --n) {
        const unsigned kind = names.rng() % 5;
        qf.push_back(kind == 0   ? "common"
                     : kind <= 2 ? names.vocabulary[names.rng() % names.vocabulary.size()]
                                 : names.token(2 + names.rng() % 9));
      }
    }
    for (float ratio : {0.0f, 0.3f, 0.5f, 0.8f}) {
      std::vector<Candidate> a, b;
      fast.find(query, 24, a, 1, ratio);
      slow.find(query, 24, b, 1, ratio);
      compared += expect_same_candidates(a, b, q);
    }
    if (HasFailure()) return;
  }
  EXPECT_GT(compared, 5000u);  // the queries did reach candidates
}

// A common query token found as listed ("abdallah") votes with its own IDF:
// a rare listed token a typo away ("abdallaq") gets no more, so it cannot
// push out the names that hold the query's token as it is; among those, the
// name that is nothing but the query comes first.
TEST(NameIndex, ACommonTokenFoundAsListedIsNotOutvotedByARareNeighbour) {
  std::vector<std::string> names;
  for (int i = 0; i < 80; ++i) names.push_back("abdallah filler" + std::to_string(i));  // makes "abdallah" common
  names.push_back("abdallaq");                                                          // rare, one edit away
  const uint32_t target = static_cast<uint32_t>(names.size());
  names.push_back("abdallah");
  const std::vector<uint32_t> ids = find_ids(build(names), "abdallah", 3);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), target);
  EXPECT_FALSE(contains(ids, target - 1)) << "the rare neighbour outvoted names holding the token itself";
}

// A common token ("muhammad", in more than common_token_share of the names)
// brings in no candidates of its own when the query has a rare one, but it
// still ranks those the rare token reached: the one "muhammad ashraf" among
// many other ashrafs must survive a budget smaller than their number.
TEST(NameIndex, CommonTokensRankTheNamesRareTokensReach) {
  std::vector<std::string> names;
  for (int i = 0; i < 40; ++i) names.push_back("ashraf other" + std::to_string(i));  // the rare token's crowd
  const uint32_t target = static_cast<uint32_t>(names.size());
  names.push_back("muhammad ashraf");
  for (int i = 0; i < 3000; ++i) names.push_back("muhammad filler" + std::to_string(i));  // makes "muhammad" common
  NameIndex ix = build(names);
  std::vector<uint32_t> ids = find_ids(ix, "muhammad ashraf", 5);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), target);
  // Alone, the common token still finds its names (no rare token to defer to).
  EXPECT_TRUE(contains(find_ids(ix, "muhammad filler7", 5), target + 8));
}

// The names one query form reaches, the form marked as read from kana or not.
std::vector<uint32_t> kana_ids(const NameIndex& ix, const std::string& query, bool kana) {
  std::vector<std::vector<std::string>> forms = {split(query)};
  const std::vector<uint8_t> flags = {static_cast<uint8_t>(kana)};
  std::vector<Candidate> out;
  ix.find(forms, 10, out, 1, 0.0f, flags);
  std::vector<uint32_t> ids;
  for (const Candidate& c : out) ids.push_back(c.name_id);
  return ids;
}

// `query` reaches name `id` when its form is marked as read from kana, and not when it is not.
void expect_reached_only_as_kana(const NameIndex& ix, const std::string& query, uint32_t id) {
  EXPECT_TRUE(contains(kana_ids(ix, query, true), id)) << query << " as kana";
  EXPECT_FALSE(contains(kana_ids(ix, query, false), id)) << query << " as Latin";
}

// Japanese and Korean write l and r alike and th as s: a query form read from kana ("razars",
// r for a listed l) reaches the listed spelling only when the form is marked as such, by the
// key of both sides as kana writes them; an unmarked Latin query does not cast that net.
TEST(NameIndex, KanaFormsReachTokensAsKanaWritesThem) {
  NameIndex ix = build({"lazarus group", "syriatel", "shmelev dmytro", "ivan rosov", "tharwat"});
  expect_reached_only_as_kana(ix, "razars", 0u);
  expect_reached_only_as_kana(ix, "siriater", 1u);
  EXPECT_TRUE(contains(kana_ids(ix, "shmirev", true), 2u));
  // A listed r is reached from a query l too (the key of the query read with l as r).
  expect_reached_only_as_kana(ix, "losof", 3u);
  // th is written as s: サルワト "sarwat" is Tharwat.
  expect_reached_only_as_kana(ix, "sarwat", 4u);
  // A flag list shorter than the forms leaves the rest unmarked.
  std::vector<std::vector<std::string>> forms = {{"razars"}};
  std::vector<Candidate> out;
  ix.find(forms, 10, out, 1, 0.0f, {});
  EXPECT_TRUE(out.empty());
}

// The comparer meets a kana reading with the spelling it was heard from (ear keys: イノベーティブ
// "inobetibu" / innovative) and a glossed word with another English form of it (institute /
// institution): the index reaches them too, for forms read from kana only.
TEST(NameIndex, KanaFormsReachWhatTheyWereHeardFromAndOtherWordForms) {
  NameIndex ix = build({"innovative technologies", "crawford", "federal research institution", "jakob steiger"});
  expect_reached_only_as_kana(ix, "inobetibu", 0u);
  // A key of three consonants (sutaiga: s t g) reaches too much to be indexed: the query's
  // other words bring such a name in ("yakob" reaches "jakob" within an edit).
  EXPECT_FALSE(contains(kana_ids(ix, "sutaiga", true), 3u));
  EXPECT_TRUE(contains(kana_ids(ix, "yakob sutaiga", true), 3u));
  expect_reached_only_as_kana(ix, "kurofodo", 1u);
  expect_reached_only_as_kana(ix, "institute", 2u);
}

// What a kana form only sounds like ("heryon" like a rare "hellen") is no rare token of the
// query: "shipping", common, still brings in the names it holds (Hoeryong Shipping).
TEST(NameIndex, KanaSoundAlikesDoNotSilenceCommonTokens) {
  std::vector<std::string> names;
  for (int i = 0; i < 80; ++i) names.push_back("shipping filler" + std::to_string(i));
  const uint32_t target = static_cast<uint32_t>(names.size());
  names.push_back("hoeryong shipping");
  names.push_back("hellen smith");
  NameIndex ix = build(names);
  std::vector<std::vector<std::string>> forms = {{"heryon", "shipping"}};
  const std::vector<uint8_t> kana = {1};
  std::vector<Candidate> out;
  ix.find(forms, 200, out, 1, 0.0f, kana);
  EXPECT_TRUE(std::any_of(out.begin(), out.end(), [&](const Candidate& c) { return c.name_id == target; }));
  EXPECT_TRUE(std::any_of(out.begin(), out.end(), [&](const Candidate& c) { return c.name_id == target + 1; }));
}

}  // namespace
}  // namespace sekisho::index

namespace sekisho::index {
namespace {

// Letters no sound key folds together, so only the edit budget can reach these: a long word
// (nine letters or more) is reached with two edits, a word joined from two listed words with
// one at most (as it was indexed).
TEST(NameIndex, LongWordsTakeTwoEditsAndJoinedWordsOne) {
  NameIndex ix = build({"xqzvbnmlkj", "qjxzw vkpqz", "plmokn ijbuhv"});
  EXPECT_TRUE(contains(find_ids(ix, "xqzvbwmlkq"), 0u));   // two substitutions in ten letters
  EXPECT_TRUE(contains(find_ids(ix, "qjxzwvkpqx"), 1u));   // the join, one substitution
  EXPECT_FALSE(contains(find_ids(ix, "qjxzwvkwqx"), 1u));  // the join, two substitutions
  // Two letters added: the query's deletions meet the word itself, and only the budget decides.
  EXPECT_TRUE(contains(find_ids(ix, "xqzvbnmlkjab"), 0u));
  EXPECT_FALSE(contains(find_ids(ix, "qjxzwvkpqzab"), 1u));
}

}  // namespace
}  // namespace sekisho::index
