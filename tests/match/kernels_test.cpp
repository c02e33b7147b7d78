// The fast kernels against naive, obviously right references on many seeded
// random strings, including the edges (empty, 1, 63, 64, 65 bytes, bytes ≥ 0x80).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "distance/distance.hpp"
#include "phonetic/phonetic.hpp"

namespace sekisho::distance {
namespace {

using phonetic::phonetic_key;

// Wagner-Fischer over the full matrix.
size_t ref_levenshtein(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j)
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
  return d[a.size()][b.size()];
}

// The same matrix with the restricted (OSA) transposition.
size_t ref_osa(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

// Textbook Jaro: for each character of `b`, the first unmatched equal character
// of `a` within the window; transpositions counted over the matched sequences.
double ref_jaro(const std::string& a, const std::string& b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const long window = std::max<long>(0, static_cast<long>(std::max(a.size(), b.size())) / 2 - 1);
  std::vector<bool> fa(a.size()), fb(b.size());
  double m = 0;
  for (long j = 0; j < static_cast<long>(b.size()); ++j)
    for (long i = std::max(0L, j - window); i <= std::min<long>(static_cast<long>(a.size()) - 1, j + window); ++i)
      if (!fa[i] && a[i] == b[j]) {
        fa[i] = fb[j] = true;
        ++m;
        break;
      }
  if (m == 0) return 0.0;
  std::string sa, sb;
  for (size_t i = 0; i < a.size(); ++i)
    if (fa[i]) sa += a[i];
  for (size_t j = 0; j < b.size(); ++j)
    if (fb[j]) sb += b[j];
  double t = 0;
  for (size_t k = 0; k < sa.size(); ++k) t += sa[k] != sb[k];
  t = std::floor(t / 2);
  return (m / a.size() + m / b.size() + (m - t) / m) / 3.0;
}

double ref_jaro_winkler(const std::string& a, const std::string& b) {
  const double j = ref_jaro(a, b);
  if (j <= 0.7) return j;
  size_t l = 0;
  while (l < 4 && l < a.size() && l < b.size() && a[l] == b[l]) ++l;
  return j + l * 0.1 * (1 - j);
}

// Random strings over a small alphabet (so edits and matches are frequent),
// sometimes with high bytes, at lengths that cover the 64-bit word edges.
class RandomStrings {
 public:
  explicit RandomStrings(uint32_t seed) : rng_(seed) {}
  std::string next() {
    static const size_t kLengths[] = {0, 1, 2, 3, 5, 8, 13, 31, 63, 64, 65, 100};
    size_t len = std::uniform_int_distribution<int>(0, 3)(rng_) == 0
                     ? kLengths[std::uniform_int_distribution<size_t>(0, std::size(kLengths) - 1)(rng_)]
                     : std::uniform_int_distribution<size_t>(0, 20)(rng_);
    const bool high = std::uniform_int_distribution<int>(0, 9)(rng_) == 0;
    std::string s;
    for (size_t i = 0; i < len; ++i) {
      int c = std::uniform_int_distribution<int>(0, 5)(rng_);
      s.push_back(high && c == 5 ? static_cast<char>(0xC3) : static_cast<char>('a' + c));
    }
    return s;
  }
  // A variant of `s` with a few random edits, so that near pairs get tested too.
  std::string mutate(std::string s) {
    const int edits = std::uniform_int_distribution<int>(0, 4)(rng_);
    for (int e = 0; e < edits; ++e) {
      const int op = std::uniform_int_distribution<int>(0, 3)(rng_);
      const size_t pos = s.empty() ? 0 : std::uniform_int_distribution<size_t>(0, s.size() - 1)(rng_);
      const char c = static_cast<char>('a' + std::uniform_int_distribution<int>(0, 5)(rng_));
      if (op == 0)
        s.insert(s.begin() + static_cast<long>(pos), c);
      else if (op == 1 && !s.empty())
        s.erase(pos, 1);
      else if (op == 2 && !s.empty())
        s[pos] = c;
      else if (op == 3 && pos + 1 < s.size())
        std::swap(s[pos], s[pos + 1]);
    }
    return s;
  }
  std::mt19937& rng() { return rng_; }

 private:
  std::mt19937 rng_;
};

constexpr int kPairs = 20000;

TEST(KernelsTest, LevenshteinEqualsReference) {
  RandomStrings gen(1234);
  for (int k = 0; k < kPairs; ++k) {
    std::string a = gen.next();
    std::string b = k % 2 ? gen.mutate(a) : gen.next();
    const size_t want = ref_levenshtein(a, b);
    ASSERT_EQ(levenshtein(a, b), want) << "'" << a << "' '" << b << "'";
    CachedPattern p(a);
    ASSERT_EQ(p.levenshtein(b), want) << "'" << a << "' '" << b << "'";
    for (size_t max : {size_t{0}, size_t{1}, size_t{2}, size_t{5}}) {
      const size_t bounded = want <= max ? want : max + 1;
      ASSERT_EQ(levenshtein_bounded(a, b, max), bounded) << "'" << a << "' '" << b << "' max " << max;
      ASSERT_EQ(p.levenshtein(b, max), bounded) << "'" << a << "' '" << b << "' max " << max;
    }
  }
}

TEST(KernelsTest, OsaEqualsReference) {
  RandomStrings gen(99);
  for (int k = 0; k < kPairs; ++k) {
    std::string a = gen.next();
    std::string b = k % 2 ? gen.mutate(a) : gen.next();
    const size_t want = ref_osa(a, b);
    ASSERT_EQ(osa_distance(a, b), want) << "'" << a << "' '" << b << "'";
    CachedPattern p(a);
    ASSERT_EQ(p.osa(b), want) << "'" << a << "' '" << b << "'";
    for (size_t max : {size_t{0}, size_t{1}, size_t{3}}) {
      const size_t bounded = want <= max ? want : max + 1;
      ASSERT_EQ(osa_bounded(a, b, max), bounded) << "'" << a << "' '" << b << "' max " << max;
      ASSERT_EQ(p.osa(b, max), bounded) << "'" << a << "' '" << b << "' max " << max;
    }
  }
}

TEST(KernelsTest, JaroAndJaroWinklerEqualReference) {
  RandomStrings gen(7);
  for (int k = 0; k < kPairs; ++k) {
    std::string a = gen.next();
    std::string b = k % 2 ? gen.mutate(a) : gen.next();
    ASSERT_NEAR(jaro(a, b), ref_jaro(a, b), 1e-12) << "'" << a << "' '" << b << "'";
    ASSERT_NEAR(jaro_winkler(a, b), ref_jaro_winkler(a, b), 1e-12) << "'" << a << "' '" << b << "'";
    CachedPattern p(a);
    ASSERT_NEAR(p.jaro(b), ref_jaro(a, b), 1e-12) << "'" << a << "' '" << b << "'";
    ASSERT_NEAR(p.jaro_winkler(b), ref_jaro_winkler(a, b), 1e-12) << "'" << a << "' '" << b << "'";
  }
}

TEST(KernelsTest, JaroWinklerCutoffNeverDropsAScoreAboveIt) {
  RandomStrings gen(8);
  for (int k = 0; k < kPairs; ++k) {
    std::string a = gen.next();
    std::string b = gen.mutate(a);
    CachedPattern p(a);
    const double full = ref_jaro_winkler(a, b);
    const double cut = p.jaro_winkler(b, 0.1, 0.9);
    if (full >= 0.9)
      ASSERT_NEAR(cut, full, 1e-12) << a << " " << b;
    else
      ASSERT_EQ(cut, 0.0) << a << " " << b;
  }
}

// A pattern reassigned in place clears the masks of the token before it: it answers as a
// pattern built for its new token, whatever the old one held (longer, shorter, past 64 bytes).
TEST(KernelsTest, ReassignedPatternEqualsAFreshOne) {
  RandomStrings gen(4321);
  CachedPattern reused;
  for (int k = 0; k < kPairs / 4; ++k) {
    std::string a = k % 50 == 0 ? std::string(65 + k % 7, 'q') + gen.next() : gen.next();
    std::string b = k % 2 ? gen.mutate(a) : gen.next();
    reused.assign(a);
    CachedPattern fresh(a);
    ASSERT_EQ(reused.token(), a);
    ASSERT_EQ(reused.osa(b), fresh.osa(b)) << "'" << a << "' '" << b << "'";
    ASSERT_EQ(reused.levenshtein(b, 2), fresh.levenshtein(b, 2)) << "'" << a << "' '" << b << "'";
    ASSERT_EQ(reused.jaro_winkler(b), fresh.jaro_winkler(b)) << "'" << a << "' '" << b << "'";
  }
}

TEST(KernelsTest, KnownValues) {
  // Classic values from Winkler's papers and their usual citations.
  EXPECT_NEAR(jaro("martha", "marhta"), 0.944444, 1e-6);
  EXPECT_NEAR(jaro_winkler("martha", "marhta"), 0.961111, 1e-6);
  EXPECT_NEAR(jaro_winkler("dwayne", "duane"), 0.84, 1e-6);
  EXPECT_NEAR(jaro_winkler("dixon", "dicksonx"), 0.813333, 1e-6);
  EXPECT_EQ(levenshtein("kitten", "sitting"), 3u);
  EXPECT_EQ(osa_distance("ca", "ac"), 1u);
  EXPECT_EQ(levenshtein("ca", "ac"), 2u);
  EXPECT_EQ(osa_distance("ca", "abc"), 3u);  // OSA, not full Damerau (which gives 2)
  EXPECT_EQ(levenshtein("", ""), 0u);
  EXPECT_EQ(jaro("", ""), 1.0);
  EXPECT_EQ(jaro("a", ""), 0.0);
  const std::string s64(64, 'x'), s65(65, 'x');
  EXPECT_EQ(levenshtein(s64, s65), 1u);
  EXPECT_EQ(CachedPattern(s65).levenshtein(s64), 1u);
  EXPECT_EQ(CachedPattern(s64).osa(s65 + "yy", 2), 3u);
}

TEST(PhoneticKeyTest, FoldsTransliterationVariants) {
  EXPECT_EQ(phonetic_key("mohamed"), phonetic_key("muhammad"));
  EXPECT_EQ(phonetic_key("mohammed"), "mhmt");
  EXPECT_EQ(phonetic_key("usama"), phonetic_key("osama"));
  EXPECT_EQ(phonetic_key("rohani"), phonetic_key("rouhani"));
  EXPECT_EQ(phonetic_key("ahmadinejad"), phonetic_key("ahmadinezhad"));
  EXPECT_EQ(phonetic_key("zelenskyy"), phonetic_key("selenskyj"));
  EXPECT_EQ(phonetic_key("volodymyr"), phonetic_key("wolodymyr"));
  EXPECT_EQ(phonetic_key("khodorkovsky"), phonetic_key("hodorkovskiy"));
  EXPECT_EQ(phonetic_key("schroeder"), phonetic_key("shroder"));
  EXPECT_NE(phonetic_key("putin"), phonetic_key("pulin"));
  EXPECT_NE(phonetic_key("ortega"), phonetic_key("ortiz"));
  EXPECT_EQ(phonetic_key(""), "");
}

}  // namespace
}  // namespace sekisho::distance
