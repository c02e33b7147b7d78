#include "match/token_similarity.hpp"

#include <algorithm>
#include <string>

#include "match/token_features.hpp"
#include "phonetic/phonetic.hpp"

namespace sekisho::match::detail {
namespace {

// Two national forms of one patronymic: the ending is a convention, not a difference, but
// the pair stays short of identical.
constexpr double kNationalPatronymicSimilarity = 0.95;

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Both tokens as kana writes them (l as r; with `dentals`, th and dh as s and z), compared.
TokenSimilarity heard_similarity(std::string_view q, std::string_view c, bool dentals, const NameMatchOptions& o) {
  // The difference still costs a little, so that only identical names score 1.
  constexpr double kHeardSimilarity = 0.98;
  thread_local std::string fq, fc;
  phonetic::heard_in_kana_into(q, dentals, fq);
  phonetic::heard_in_kana_into(c, dentals, fc);
  if (fq == fc) return {kHeardSimilarity, PairMethod::kEdit, 0};
  // Without keys the tiers stop before the phonetic one, which comes last:
  // the keys of the folded spellings are computed only when it is reached.
  TokenSimilarity ts = token_similarity({fq, {}, nullptr, false, false, -1}, {fc, {}, nullptr, false, false, -1}, o);
  if (ts.similarity == 0.0 && ts.method == PairMethod::kEdit) {
    // One query token meets every token of every candidate: its key is kept
    // while the token stays the same.
    thread_local std::string kq, kq_of, kc;
    if (kq_of != fq) {
      phonetic::phonetic_key_into(fq, kq);
      kq_of = fq;
    }
    phonetic::phonetic_key_into(fc, kc);
    if (kq.size() >= 2 && kq == kc) {
      const double first_letter = fq[0] != fc[0] ? o.first_letter_penalty : 0.0;
      ts = {o.phonetic_similarity - first_letter, PairMethod::kPhonetic, ts.edits};
    }
  }
  return ts;
}

TokenSimilarity spelled_similarity(const TokenView& qv, const TokenView& cv, const NameMatchOptions& o);

// A short word that starts with a consonant of another class is another word, not a typo of
// this one: Hamas / Kamaz, Hamas / Tamas differ by one letter, and in five letters that letter
// is a fifth of the name. Transliterations change a first consonant only within its class
// (Kasem / Qasem, Sergei / Zergei), and vowels freely (Elena / Alena, Yusuf / Jusuf).
bool other_short_word(std::string_view q, std::string_view c) {
  constexpr size_t kShortWord = 5;
  if (q[0] == c[0] || std::max(q.size(), c.size()) > kShortWord) return false;
  const auto vowel = [](char x) { return x == 'a' || x == 'e' || x == 'i' || x == 'o' || x == 'u' || x == 'y'; };
  if (vowel(q[0]) || vowel(c[0])) return false;
  return phonetic::first_sound_class(q) != phonetic::first_sound_class(c);
}

}  // namespace

TokenSimilarity token_similarity(const TokenView& qv, const TokenView& cv, const NameMatchOptions& o) {
  const TokenSimilarity spelled = spelled_similarity(qv, cv, o);
  // Two patronymics of one sex formed from one father's name are one patronymic in two national
  // forms (Vladimirovich, Volodymyrovych, Kazakh Vladimiruly): their stems are compared.
  if (qv.patronymic && cv.patronymic && spelled.similarity < kNationalPatronymicSimilarity) {
    const PatronymicStem q = patronymic_stem(qv.text), c = patronymic_stem(cv.text);
    if (!q.stem.empty() && !c.stem.empty() && q.female == c.female) {
      const TokenSimilarity stems = spelled_similarity(TokenView{.text = q.stem}, TokenView{.text = c.stem}, o);
      const double similarity = kNationalPatronymicSimilarity * stems.similarity;
      if (stems.similarity >= o.pair_floor && similarity > spelled.similarity) {
        return {similarity, PairMethod::kWordForm, stems.edits};
      }
    }
  }
  if (!(qv.r_may_be_l || cv.r_may_be_l) || qv.legal || cv.legal || (qv.number >= 0 && cv.number >= 0)) return spelled;
  // A gloss of kanji words gives one English form of each; the listed name may use another.
  if (spelled.similarity < o.word_form_similarity && qv.stem != 0 && qv.stem == cv.stem && qv.text != cv.text) {
    return {o.word_form_similarity, PairMethod::kWordForm, spelled.edits};
  }
  // A token read from kana meets a foreign spelling it was written from by ear (ear_keys:
  // イノベーティブ inobetibu / innovative, クロフォード kurofodo / crawford), as the
  // phonetic key meets two spellings of one sound.
  if (spelled.similarity < o.phonetic_similarity && qv.ear != nullptr && cv.ear != nullptr &&
      phonetic::heard_alike(*qv.ear, *cv.ear)) {
    // Keys of three consonants or more: neither token is empty.
    const double first_letter = qv.text[0] != cv.text[0] ? o.first_letter_penalty : 0.0;
    const double heard = o.phonetic_similarity - first_letter;
    if (spelled.similarity < heard) return {heard, PairMethod::kPhonetic, spelled.edits};
  }
  return spelled;
}

namespace {

TokenSimilarity spelled_similarity(const TokenView& qv, const TokenView& cv, const NameMatchOptions& o) {
  const std::string_view q = qv.text, c = cv.text;
  const distance::CachedPattern* qp = qv.pattern;
  const bool q_legal = qv.legal, c_legal = cv.legal;
  if (q_legal || c_legal) {
    // Legal forms meet only legal forms, and only by class.
    if (q_legal && c_legal && q == c) return {1.0, PairMethod::kLegalForm, 0};
    return {0.0, PairMethod::kLegalForm, 0};
  }
  if (q == c) return {1.0, PairMethod::kExact, 0};
  if (q.empty() || c.empty()) return {};
  // Numbers meet by value, however written ("three" / "3", "1st" / "first"); different
  // numbers are different things (fund II vs fund III, 44 vs 45), and "2" is no initial of "2006".
  if (qv.number >= 0 && cv.number >= 0) {
    if (qv.number == cv.number) return {o.number_similarity, PairMethod::kNumber, 0};
    return {};
  }
  if (qv.r_may_be_l || cv.r_may_be_l) {
    // Japanese and Korean write l and r alike, and th, dh as s, z: a token romanised from
    // them meets the other side as they hear it.
    const bool has_l = q.find('l') != std::string_view::npos || c.find('l') != std::string_view::npos;
    const bool has_dental = phonetic::has_dental_h(q) || phonetic::has_dental_h(c);
    if (has_l || has_dental) {
      const TokenSimilarity plain = has_l ? heard_similarity(q, c, false, o)
                                          : token_similarity({q, qv.key, qp, false, false, qv.number},
                                                             {c, cv.key, cv.pattern, false, false, cv.number}, o);
      if (!has_dental) return plain;
      // th may be a t as well (Korean thae テ): the better of both readings.
      const TokenSimilarity heard = heard_similarity(q, c, true, o);
      return heard.similarity > plain.similarity ? heard : plain;
    }
  }
  if (q.size() == 1 || c.size() == 1) {
    const std::string_view longer = q.size() == 1 ? c : q;
    const char initial = q.size() == 1 ? q[0] : c[0];
    if (longer.size() > 1 && longer[0] == initial) return {o.initial_similarity, PairMethod::kInitial, 0};
    return {};
  }
  // Different numbers are different things (fund II vs fund III, 44 vs 45).
  if (all_digits(q) || all_digits(c)) return {};

  const size_t longer = std::max(q.size(), c.size());
  const size_t budget = typo_budget(longer);
  const size_t edits = qp != nullptr ? qp->osa(c, budget + 1) : distance::osa_bounded(q, c, budget + 1);
  // A wrong first letter is rarer than a wrong later one: with other edits
  // besides, it uses up one more edit of the budget ("navros" is not "lavrov";
  // "allison" may be "ellison").
  const bool first_differs = q[0] != c[0];
  const double first_letter = first_differs ? o.first_letter_penalty : 0.0;
  if (edits + (first_differs && edits >= 2 ? 1 : 0) <= budget && !other_short_word(q, c)) {
    const double sim = 1.0 - o.edit_cost * static_cast<double>(edits) / static_cast<double>(longer) - first_letter;
    return {sim, PairMethod::kEdit, edits};
  }
  const std::string_view shorter_token = q.size() < c.size() ? q : c;
  const std::string_view longer_token = q.size() < c.size() ? c : q;
  if (shorter_token.size() >= 3 && longer_token.starts_with(shorter_token)) {
    return {o.prefix_similarity, PairMethod::kPrefix, edits};
  }
  if (qv.key.size() >= 2 && qv.key == cv.key) {
    return {o.phonetic_similarity - first_letter, PairMethod::kPhonetic, edits};
  }
  // Beyond every tier: no match (the edit count is a lower bound, past the budget).
  return {0.0, PairMethod::kEdit, edits};
}

}  // namespace

}  // namespace sekisho::match::detail
