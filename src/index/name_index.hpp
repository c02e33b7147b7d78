// Candidate generation for screening: from a query's token forms to the few
// indexed names worth scoring.
//
// Every indexed token is reachable three ways: exactly; through its deletion
// neighbourhood (SymSpell: a token and a query token within k edits share a
// string obtained by deleting ≤ k letters from each), with k growing with the
// token's length; and through its phonetic key, for spellings further apart
// than the edit budget (mohammed / muhamad). A query form read from Japanese or
// Korean, which write l and r alike and th as s, also reaches by the key of its
// tokens as kana writes them (razars → lazarus, sarwat → tharwat). Two adjacent
// tokens are also indexed joined, so "abdul rahman" reaches "abdulrahman" (and
// three of a letter or two, so "ch o l" reaches "chol"). Each reached token
// votes for the names holding it with its IDF, scaled by how it was reached; a
// name's vote is the best over the query's forms; the best-voted names are the
// candidates. Scoring them is the caller's job (src/screen/).
//
// Immutable after build(); find() may run on many threads at once (each call
// uses its own scratch space).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/flat_key_map.hpp"

namespace sekisho::index {

// One searchable form (transliteration variant) of a name. Forms are
// numbered by their position in the vector given to build(); candidates name
// the form that was reached, so the caller scores only that form.
struct IndexedForm {
  uint32_t name_id;  // the caller's id of the name; several forms (variants) may share one
  std::vector<std::string> tokens;
};

struct IndexOptions {
  // Tokens of this length ("aki", "abu") carry one deletion too, in a table of
  // their own that only a query of short tokens probes ("vki" alone may be
  // "aki"; in "vki ivanov" the long token does the work). Reaching them from
  // every longer query token ("abxu" → "abu") floods the candidates with the
  // long posting lists of "abu", "ali", "bin": find() took 1.5× as long.
  size_t short_token_length = 3;
  size_t one_edit_min_length = 4;   // from this length, 1 deletion each side
  size_t two_edits_min_length = 9;  // from this length, 2 deletions each side
  // A token held by more than this share of names brings in candidates only
  // when the query has nothing rarer; otherwise it only adds its vote to the
  // names the rarer tokens reached (so it ranks them without flooding them).
  double common_token_share = 0.002;
  // Vote of a token reached by an edit or by its phonetic key, relative to an exact hit.
  float edit_vote = 0.8f;
  float phonetic_vote = 0.6f;
  // Of a token reached only by its key as kana writes it (a query form read from kana): a
  // looser net than the phonetic key, and told apart from it by this vote.
  float heard_vote = 0.55f;
  // Of a token reached only by an ear key or an English stem (a kana form: スタイガー steiger,
  // institute institution): looser still, so that a spelling the kana key reaches ranks first.
  float ear_vote = 0.5f;
  // Ear keys of fewer consonants are not indexed: a key of three ("prs") reaches hundreds
  // of tokens, and the query's other words bring such a name in.
  size_t ear_key_consonants = 4;
  float joined_vote = 0.9f;
  // Work out each token's edit neighbourhood at build time (see
  // neighbour_offsets_); off, find() probes deletion neighbourhoods for every
  // query token. The same candidates either way (tests/index).
  bool precompute_neighbours = true;
  // Walk a reached token's posting list only while it can still bring in a
  // candidate above the vote floor (find()'s min_vote_ratio); past that, add
  // its vote to the forms already reached. Off, every list is walked. The
  // same candidates either way (tests/index).
  bool max_score = true;
};

struct Candidate {
  uint32_t form_id;     // index into the forms given to build()
  uint32_t name_id;     // that form's name
  uint16_t query_form;  // which of the query's forms voted best for it
  uint8_t tokens_met;   // that query form's own tokens that met a word of it (0 in reached_forms)
  uint8_t form_tokens;  // the form's tokens
  float vote;
};

class NameIndex {
 public:
  NameIndex() = default;
  static NameIndex build(const std::vector<IndexedForm>& forms, IndexOptions options = {});

  // The up to `max_candidates` forms with the highest votes from any of the
  // query's forms, best first, at most `forms_per_name` forms of one name,
  // none with less than `min_vote_ratio` times the best vote. `out` is
  // cleared first. `kana_forms[i]` non-zero: query form i was read from kana
  // or hangul, which write l and r alike and th as s (see reach()); missing
  // entries are zero. `reached_forms`, when given, is cleared and receives every form
  // a query token's walk voted for, candidate or not, with its best vote, in no
  // order: what a caller looking past the candidates (another name of a near
  // miss) knows to share a word with the query. A walk that can bring in no
  // candidate over the floor votes only for forms reached already (MaxScore), so
  // a form that shares only such words is not among them.
  void find(std::span<const std::vector<std::string>> query_forms, size_t max_candidates, std::vector<Candidate>& out,
            size_t forms_per_name = 1, float min_vote_ratio = 0.0f, std::span<const uint8_t> kana_forms = {},
            std::vector<Candidate>* reached_forms = nullptr) const;

  size_t name_count() const { return name_count_; }
  size_t form_count() const { return form_name_.size(); }
  size_t token_count() const { return token_offsets_.empty() ? 0 : token_offsets_.size() - 1; }
  size_t memory_bytes() const;

 private:
  std::string_view token(uint32_t id) const {
    return std::string_view(token_text_).substr(token_offsets_[id], token_offsets_[id + 1] - token_offsets_[id]);
  }
  // Edits allowed between a query token and an indexed token whose longer one has `length` bytes.
  size_t edit_budget(size_t length, bool short_form = false) const;
  // Visits each indexed token within reach of `query_token` (exactly, within
  // the edit budget, or by phonetic key) once, with its vote factor.
  // `short_form`: every token of the query's form is short (short_token_length).
  // `kana`: the query token was read from kana or hangul (r for a listed l, s
  // for th), so the phonetic net is cast with both sides as kana writes them too.
  template <typename Visit>
  void reach(std::string_view query_token, bool short_form, bool kana, Visit&& visit) const;

  IndexOptions options_;
  uint32_t name_count_ = 0;
  std::vector<uint32_t> form_name_;   // form id → name id
  std::vector<uint8_t> form_tokens_;  // form id → its number of tokens (ties rank the shorter first)
  uint32_t common_df_ = 0;
  // Tokens: text in one arena, document frequency, IDF, postings (CSR).
  std::string token_text_;
  std::vector<uint32_t> token_offsets_;
  // Per token id, side by side: a reached token's IDF and where its postings begin are read
  // together, at random, for every token a query reaches (one cache miss instead of two). Entry
  // id + 1 says where they end; one entry past the last token ends the last.
  struct TokenEntry {
    uint32_t postings;  // offset of the first posting
    float idf;
  };
  std::vector<TokenEntry> token_entries_;
  std::vector<uint8_t> joined_only_;  // token id → only ever seen joined (reached within one edit)
  std::vector<uint32_t> postings_;    // form ids
  FlatKeyMap exact_;                  // token hash → token id
  FlatKeyMap deletes_;                // hash of token with ≤ k letters deleted → token ids
  FlatKeyMap short_deletes_;          // the same for tokens of short_token_length, probed by short queries only
  FlatKeyMap phonetic_;               // phonetic key hash → token ids
  // Key hash of the token as kana writes it (phonetic::heard_in_kana) → ids of the tokens
  // it changes (the others are in phonetic_ under that key already). Probed by kana
  // queries only.
  FlatKeyMap heard_phonetic_;
  // Ear keys (phonetic::ear_keys) and English stem hashes (institute, institution) → token ids:
  // the spellings a kana reading was heard from, and other forms of a glossed word, as the
  // comparer meets them. Probed by kana queries only.
  FlatKeyMap ear_;
  FlatKeyMap stems_;
  // Token id → the tokens within its edit budget (itself excluded): reach()'s
  // answer for a query token found exactly, worked out at build time. Most
  // tokens of a Latin query are listed ones; for them one lookup replaces the
  // probes of a whole deletion neighbourhood (up to ~90 for a long token,
  // each a cache miss) and their verification. CSR, like the postings.
  std::vector<uint32_t> neighbour_offsets_;
  std::vector<uint32_t> neighbours_;
};

}  // namespace sekisho::index
