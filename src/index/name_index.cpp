#include "index/name_index.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "distance/distance.hpp"
#include "index/token_hash.hpp"
#include "phonetic/phonetic.hpp"

namespace sekisho::index {

namespace {

// Two adjacent tokens joined, when one of them is short enough to be a
// particle or a split-off prefix ("abdul rahman", "al qaida", "bin laden").
constexpr size_t kJoinMaxPartLength = 5;
// Three adjacent tokens joined, when each is a letter or two and not all are
// one: a syllable that apostrophes cut up ("KO CH'O'L-CHAE" is "ko ch o l chae",
// written "chol"). Three initials ("r c a") are left to the comparer's acronyms:
// joined, they reached every short token an edit away ("cra" → "rca", "cna")
// and outvoted "EP-CAR" for the typo "EP-CRA".
constexpr size_t kJoinThreeMaxPartLength = 2;

template <typename Emit>
void for_each_joined(const std::vector<std::string>& tokens, Emit&& emit) {
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].size() <= kJoinMaxPartLength || tokens[i + 1].size() <= kJoinMaxPartLength) {
      emit(tokens[i] + tokens[i + 1]);
    }
    if (i + 2 < tokens.size() && tokens[i].size() <= kJoinThreeMaxPartLength &&
        tokens[i + 1].size() <= kJoinThreeMaxPartLength && tokens[i + 2].size() <= kJoinThreeMaxPartLength &&
        tokens[i].size() + tokens[i + 1].size() + tokens[i + 2].size() > 3) {
      emit(tokens[i] + tokens[i + 1] + tokens[i + 2]);
    }
  }
}

// Per-thread scratch for find(): dense vote arrays sized to the index, reset
// through touched lists so a query costs what it touches, not the index size.
struct Scratch {
  // Everything find() keeps per form, side by side: a posting walk touches
  // forms at random, and one cache line per form beats four.
  struct Form {
    uint32_t stamp = 0;  // last query token that voted for it
    float vote = 0.0f;   // the current query form's vote
    float best = 0.0f;   // best vote over the query's forms
    uint16_t best_query_form = 0;
    // The current query form's tokens that met a word of it, a bit each (the eighth and later
    // share the last bit): a token may vote twice for a form, through a rare listed token and
    // then a common one, and still meets one word.
    uint8_t met = 0;
    uint8_t best_met = 0;  // the same, for the query form of `best`
  };
  std::vector<Form> form;
  std::vector<uint32_t> touched_best;
  std::vector<uint32_t> touched_form;
  // Bit f: touched_form holds form f. A list that only adds to forms already
  // reached reads this (a few kilobytes, in L1) instead of each form's entry.
  std::vector<uint64_t> touched_bits;
  std::vector<std::pair<uint32_t, uint32_t>> per_name;  // name id → forms kept
  uint32_t stamp_counter = 0;

  // Grows only: entries are left zero after every find(), so one thread may
  // alternate between indexes of different sizes (two snapshots during a
  // reload) without clearing megabytes per query.
  void fit(size_t n) {
    if (form.size() < n) form.resize(n);
    if (touched_bits.size() * 64 < n) touched_bits.resize((n + 63) / 64);
  }
  bool touched(uint32_t f) const { return touched_bits[f >> 6] >> (f & 63) & 1; }
  void touch(uint32_t f) {
    touched_form.push_back(f);
    touched_bits[f >> 6] |= uint64_t{1} << (f & 63);
  }
  uint32_t next_stamp() {
    if (++stamp_counter == 0) {
      for (Form& f : form) f.stamp = 0;
      stamp_counter = 1;
    }
    return stamp_counter;
  }
};

}  // namespace

size_t NameIndex::edit_budget(size_t length, bool short_form) const {
  if (length >= options_.two_edits_min_length) return 2;
  if (length >= options_.one_edit_min_length) return 1;
  return short_form && length == options_.short_token_length ? 1 : 0;
}

NameIndex NameIndex::build(const std::vector<IndexedForm>& forms, IndexOptions options) {
  NameIndex ix;
  ix.options_ = options;
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::vector<uint32_t>> holders;  // token id → form ids
  std::vector<bool> joined;                    // token id → only ever seen as a joined token
  uint32_t max_name = 0;
  auto add = [&](const std::string& t, uint32_t form, bool is_joined) {
    auto [it, inserted] = ids.emplace(t, static_cast<uint32_t>(holders.size()));
    if (inserted) {
      holders.emplace_back();
      joined.push_back(is_joined);
    } else if (!is_joined) {
      joined[it->second] = false;
    }
    holders[it->second].push_back(form);
  };
  ix.form_name_.reserve(forms.size());
  ix.form_tokens_.reserve(forms.size());
  for (uint32_t form = 0; form < forms.size(); ++form) {
    const IndexedForm& f = forms[form];
    ix.form_name_.push_back(f.name_id);
    ix.form_tokens_.push_back(static_cast<uint8_t>(std::min<size_t>(f.tokens.size(), 255)));
    max_name = std::max(max_name, f.name_id + 1);
    for (const std::string& t : f.tokens) {
      if (!t.empty()) add(t, form, false);
    }
    for_each_joined(f.tokens, [&](std::string t) { add(t, form, true); });
  }
  ix.name_count_ = max_name;
  const double form_count = std::max<double>(1, forms.size());
  ix.common_df_ = static_cast<uint32_t>(std::max(50.0, options.common_token_share * form_count));

  // Token arena in id order.
  std::vector<const std::string*> by_id(holders.size());
  for (const auto& [t, id] : ids) by_id[id] = &t;
  ix.joined_only_.assign(joined.begin(), joined.end());
  ix.token_offsets_.reserve(by_id.size() + 1);
  ix.token_offsets_.push_back(0);
  for (const std::string* t : by_id) {
    ix.token_text_ += *t;
    ix.token_offsets_.push_back(static_cast<uint32_t>(ix.token_text_.size()));
  }

  // Postings (unique, sorted) and IDF.
  ix.token_entries_.reserve(holders.size() + 1);
  for (auto& h : holders) {
    std::sort(h.begin(), h.end());
    h.erase(std::unique(h.begin(), h.end()), h.end());
    ix.token_entries_.push_back({static_cast<uint32_t>(ix.postings_.size()),
                                 static_cast<float>(std::log(1.0 + form_count / double(h.size())))});
    ix.postings_.insert(ix.postings_.end(), h.begin(), h.end());
    std::vector<uint32_t>().swap(h);
  }
  ix.token_entries_.push_back({static_cast<uint32_t>(ix.postings_.size()), 0.0f});

  std::vector<std::pair<uint64_t, uint32_t>> exact, deletes, short_deletes, phonetic, heard_phonetic, ear, stems;
  exact.reserve(by_id.size());
  for (uint32_t id = 0; id < by_id.size(); ++id) {
    std::string_view t = *by_id[id];
    exact.emplace_back(token_hash(t), id);
    if (t.size() >= 4) {
      phonetic.emplace_back(token_hash(phonetic::phonetic_key(t)), id);
      const std::string heard = phonetic::heard_in_kana(t);
      if (heard != t) heard_phonetic.emplace_back(token_hash(phonetic::phonetic_key(heard)), id);
      const phonetic::EarKeys keys = phonetic::ear_keys(t, options.ear_key_consonants);
      for (size_t k = 0; k < keys.size(); ++k) {
        if (keys[k] != 0 && std::find(keys.begin(), keys.begin() + k, keys[k]) == keys.begin() + k) {
          ear.emplace_back(keys[k], id);
        }
      }
      if (const uint64_t stem = phonetic::stem_hash(t); stem != 0) stems.emplace_back(stem, id);
    }
    size_t k = ix.edit_budget(t.size(), /*short_form=*/true);  // short tokens are indexed loosely
    // A joined token ("al fawaz" → alfawaz) is reached within one edit: an
    // Arabic-script query writes the article on the word (الفواز → alfwaz).
    if (joined[id]) k = std::min<size_t>(k, 1);
    if (k == 0 || t.size() > kMaxHashedToken) continue;
    auto& into = t.size() == options.short_token_length ? short_deletes : deletes;
    TokenHasher h(t);
    into.emplace_back(h.whole(), id);
    for (size_t i = 0; i < t.size(); ++i) {
      into.emplace_back(h.without(i), id);
      if (k >= 2) {
        for (size_t j = i + 1; j < t.size(); ++j) into.emplace_back(h.without(i, j), id);
      }
    }
  }
  ix.exact_ = FlatKeyMap(std::move(exact));
  ix.deletes_ = FlatKeyMap(std::move(deletes));
  ix.short_deletes_ = FlatKeyMap(std::move(short_deletes));
  ix.phonetic_ = FlatKeyMap(std::move(phonetic));
  ix.heard_phonetic_ = FlatKeyMap(std::move(heard_phonetic));
  ix.ear_ = FlatKeyMap(std::move(ear));
  ix.stems_ = FlatKeyMap(std::move(stems));

  // Each token's edit neighbourhood, by the very search a query runs (reach()
  // takes the probing path while neighbour_offsets_ is empty).
  if (!options.precompute_neighbours) return ix;
  std::vector<uint32_t> offsets;
  offsets.reserve(by_id.size() + 1);
  offsets.push_back(0);
  for (uint32_t id = 0; id < by_id.size(); ++id) {
    ix.reach(ix.token(id), /*short_form=*/false, /*kana=*/false, [&](uint32_t other, float) {
      if (other != id) ix.neighbours_.push_back(other);
    });
    offsets.push_back(static_cast<uint32_t>(ix.neighbours_.size()));
  }
  ix.neighbours_.shrink_to_fit();
  ix.neighbour_offsets_ = std::move(offsets);
  return ix;
}

template <typename Visit>
void NameIndex::reach(std::string_view q, bool short_form, bool kana, Visit&& visit) const {
  // A token shares several deletion keys with the query ("zakharova" and
  // "zaharova" meet under many): each indexed token is verified once and
  // visited once, by its best way (exact, then edit, then phonetic).
  thread_local std::vector<uint32_t> mark;
  thread_local uint32_t stamp = 0;  // mark == stamp: failed the edit check; stamp + 1: visited
  const size_t token_count = token_offsets_.empty() ? 0 : token_offsets_.size() - 1;
  if (mark.size() < token_count) mark.resize(token_count, 0);  // grows only, as Scratch::fit
  stamp += 2;
  if (stamp < 2) {  // wrapped
    std::fill(mark.begin(), mark.end(), 0);
    stamp = 2;
  }
  const uint32_t failed = stamp, visited = stamp + 1;
  auto first_time = [&](uint32_t id) {
    if (mark[id] == visited) return false;
    mark[id] = visited;
    return true;
  };
  // Read from kana, a token also reaches the spellings it was heard from (ear keys) and,
  // glossed, other English forms of its word (stems): the comparer's ear and word-form
  // tiers. After the exact and edit searches, whose votes are higher; not for a token
  // found as listed, which casts no net (as for the phonetic key).
  auto cast_kana_nets = [&] {
    if (!kana || q.size() < 4) return;
    for (uint64_t key : phonetic::ear_keys(q, options_.ear_key_consonants)) {
      if (key == 0) continue;
      for (uint32_t id : ear_.find(key)) {
        if (first_time(id)) visit(id, options_.ear_vote);
      }
    }
    if (const uint64_t stem = phonetic::stem_hash(q); stem != 0) {
      for (uint32_t id : stems_.find(stem)) {
        if (first_time(id)) visit(id, options_.ear_vote);
      }
    }
  };
  bool reached_exactly = false;
  for (uint32_t id : exact_.find(token_hash(q))) {
    if (token(id) == q && first_time(id)) {
      visit(id, 1.0f);
      reached_exactly = true;
      if (!short_form && !neighbour_offsets_.empty()) {
        // Known token: its neighbourhood was searched at build time (each
        // neighbour once), and a token met exactly casts no phonetic net.
        for (uint32_t p = neighbour_offsets_[id]; p < neighbour_offsets_[id + 1]; ++p) {
          visit(neighbours_[p], options_.edit_vote);
        }
        return;
      }
    }
  }
  size_t kq = edit_budget(q.size(), short_form);
  // In a form of short tokens, one a letter shorter than short_token_length also reaches the
  // tokens of that length an edit away ("to" / "tro", as the comparer meets them): their
  // deletions are in short_deletes_, and the check below allows that edit by the longer one.
  if (short_form && q.size() + 1 == options_.short_token_length) kq = 1;
  if (kq > 0 && q.size() <= kMaxHashedToken) {
    // The whole neighbourhood is hashed and prefetched before the first probe:
    // the table is far larger than the cache, and up to ~100 misses overlap
    // instead of following one another. Doubled letters delete to the same
    // string ("anna" without either n): each key is probed once.
    thread_local std::vector<uint64_t> keys;
    thread_local std::vector<std::span<const uint32_t>> found;
    keys.clear();
    found.clear();
    TokenHasher h(q);
    keys.push_back(h.whole());
    for (size_t i = 0; i < q.size(); ++i) {
      keys.push_back(h.without(i));
      if (kq >= 2) {
        for (size_t j = i + 1; j < q.size(); ++j) keys.push_back(h.without(i, j));
      }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (uint64_t key : keys) deletes_.prefetch(key);
    for (uint64_t key : keys) {
      std::span<const uint32_t> ids = deletes_.find(key);
      if (!ids.empty()) found.push_back(ids);
      if (short_form) {
        ids = short_deletes_.find(key);
        if (!ids.empty()) found.push_back(ids);
      }
    }
    thread_local distance::CachedPattern pattern;  // reassigned in place: 2 KB of masks a query token
    pattern.assign(q);
    for (std::span<const uint32_t> ids : found) {
      for (uint32_t id : ids) {
        if (mark[id] == visited || mark[id] == failed) continue;
        std::string_view t = token(id);
        size_t allowed = edit_budget(std::max(q.size(), t.size()), short_form);
        if (joined_only_[id]) allowed = std::min<size_t>(allowed, 1);  // as indexed
        if (pattern.osa(t, allowed) <= allowed) {
          mark[id] = visited;
          visit(id, options_.edit_vote);
        } else {
          mark[id] = failed;
        }
      }
    }
  }
  // The phonetic key is the net for spellings beyond the edit budget; a token
  // already met exactly needs no net, and common keys reach hundreds of tokens.
  if (q.size() >= 4 && !reached_exactly) {
    const std::string key = phonetic::phonetic_key(q);
    for (uint32_t id : phonetic_.find(token_hash(key))) {
      if (first_time(id)) visit(id, options_.phonetic_vote);
    }
    // Read from kana or hangul, "razars" is Lazarus, "shmirev" Shmelev and "sarwat" Tharwat:
    // the net is cast again with both sides as kana writes them (l as r, th as s), over the
    // tokens kana writes as spelled (phonetic_, when the query had an l) and the others
    // (heard_phonetic_).
    if (kana) {
      const std::string heard_key = phonetic::phonetic_key(phonetic::heard_in_kana(q));
      if (heard_key != key) {
        for (uint32_t id : phonetic_.find(token_hash(heard_key))) {
          if (first_time(id)) visit(id, options_.heard_vote);
        }
      }
      for (uint32_t id : heard_phonetic_.find(token_hash(heard_key))) {
        if (first_time(id)) visit(id, options_.heard_vote);
      }
    }
  }
  cast_kana_nets();
}

void NameIndex::find(std::span<const std::vector<std::string>> query_forms, size_t max_candidates,
                     std::vector<Candidate>& out, size_t forms_per_name, float min_vote_ratio,
                     std::span<const uint8_t> kana_forms, std::vector<Candidate>* reached_forms) const {
  out.clear();
  if (form_name_.empty() || max_candidates == 0) return;
  thread_local Scratch scratch;
  scratch.fit(form_name_.size());

  struct Reached {
    uint32_t token;
    float vote;
    float idf;                              // the token's
    uint32_t postings_begin, postings_end;  // its posting list, read once with its IDF
    bool spelled;                           // reached exactly or within the edit budget, not by the phonetic key only
    bool heard;                             // reached only by the key of both sides as kana writes them
    bool exact;                             // the query token itself
  };
  // The query's forms (transliteration variants, readings) share most tokens:
  // each distinct token is reached once per query, its reached tokens kept in
  // one flat array (best vote first) and named by a range.
  struct Distinct {
    std::string text;
    bool short_form;
    bool kana;
    uint32_t begin, end;
  };
  auto is_common = [&](const Reached& r) { return r.postings_end - r.postings_begin > common_df_; };
  thread_local std::vector<Reached> reached;
  thread_local std::vector<Distinct> distinct;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> ranges;  // per token of the current form
  // Per range: kJoin, kOwn, or kOwnInitial (a query token of one letter, which meets a listed
  // word only as itself: reaching another initial by an edit is no word met).
  enum Own : uint8_t { kJoin, kOwn, kOwnInitial };
  thread_local std::vector<uint8_t> own_tokens;
  thread_local std::vector<std::string> query_tokens;
  thread_local std::vector<std::pair<float, uint32_t>> order;  // (most a query token gives, its range)
  reached.clear();
  float top = 0.0f;  // the best vote of any form so far: the vote floor is min_vote_ratio of it
  size_t distinct_used = 0;

  for (size_t qf = 0; qf < query_forms.size(); ++qf) {
    const std::vector<std::string>& form = query_forms[qf];
    query_tokens.assign(form.begin(), form.end());
    for_each_joined(form, [&](std::string t) { query_tokens.push_back(std::move(t)); });
    ranges.clear();
    bool any_rare = false;
    const bool short_form = std::all_of(form.begin(), form.end(),
                                        [&](const std::string& t) { return t.size() <= options_.short_token_length; });
    const bool kana = qf < kana_forms.size() && kana_forms[qf] != 0;
    own_tokens.clear();
    for (size_t qi = 0; qi < query_tokens.size(); ++qi) {
      const std::string& qt = query_tokens[qi];
      if (qt.empty()) continue;
      auto cached =
          std::find_if(distinct.begin(), distinct.begin() + static_cast<std::ptrdiff_t>(distinct_used),
                       [&](const Distinct& d) { return d.short_form == short_form && d.kana == kana && d.text == qt; });
      if (cached == distinct.begin() + static_cast<std::ptrdiff_t>(distinct_used)) {
        const uint32_t begin = static_cast<uint32_t>(reached.size());
        // reach() visits each token once, by its best way.
        float own_idf = std::numeric_limits<float>::infinity();  // the query token's, when it is listed
        reach(qt, short_form, kana, [&](uint32_t id, float factor) {
          const TokenEntry& entry = token_entries_[id];
          if (factor == 1.0f) own_idf = entry.idf;
          const bool heard = factor == options_.heard_vote || factor == options_.ear_vote;
          reached.push_back({id, entry.idf * factor, entry.idf, entry.postings, token_entries_[id + 1].postings,
                             factor != options_.phonetic_vote && !heard, heard, factor == 1.0f});
        });
        // A listed token tells no more than its own IDF says, whatever it reaches: a rare
        // token a typo away ("abdalalak" from "abdallah") must not outvote the names that
        // hold the query's common token as it is.
        for (size_t ri = begin; ri < reached.size(); ++ri) {
          const float own = own_idf * (reached[ri].vote / reached[ri].idf);
          reached[ri].vote = std::min(reached[ri].vote, own);
        }
        std::sort(reached.begin() + begin, reached.end(),
                  [](const Reached& a, const Reached& b) { return a.vote > b.vote; });
        if (distinct_used == distinct.size()) distinct.emplace_back();
        Distinct& d = distinct[distinct_used++];
        d.text.assign(qt);
        d.short_form = short_form;
        d.kana = kana;
        d.begin = begin;
        d.end = static_cast<uint32_t>(reached.size());
        cached = distinct.begin() + static_cast<std::ptrdiff_t>(distinct_used - 1);
      }
      ranges.emplace_back(cached->begin, cached->end);
      own_tokens.push_back(qi >= form.size() ? kJoin : qt.size() == 1 ? kOwnInitial : kOwn);
      // A query token is rare when everything it spells is rare. One that is
      // also a typo away from a common token ("ahmda": a rare listed "ahmda",
      // and "ahmad") may mean the common one: it must not silence the common
      // tokens of the query, or "Ahmda Jan" never reaches the Ahmad Jans.
      // What a kana reading only may sound like is no evidence either way: "heryon" reaching a
      // rare "hellen" must not silence "shipping" either.
      bool reaches_rare = false, spells_common = false;
      for (uint32_t r = cached->begin; r < cached->end; ++r) {
        if (reached[r].heard) continue;
        const bool common = is_common(reached[r]);
        reaches_rare = reaches_rare || !common;
        spells_common = spells_common || (common && reached[r].spelled);
      }
      any_rare = any_rare || (reaches_rare && !spells_common);
    }
    // Each query token votes once per name: its best way of reaching that name.
    Scratch::Form* const form_votes = scratch.form.data();  // hoisted: the walks below are the hot loop
    // Adds a reached token's vote to the forms of its posting list that the
    // current query token has not voted for; with `touched_only`, only to
    // forms some query token reached already.
    // The bit of query token `k` in Form::met when its vote meets a word of the listed form
    // (Candidate::tokens_met), else 0: a join reaching the word its part reached meets no
    // other, nor does an initial reaching another by an edit.
    auto met_bit = [&](size_t k, const Reached& r) -> uint8_t {
      const bool meets = own_tokens[k] == kOwn || (own_tokens[k] == kOwnInitial && r.exact);
      return meets ? static_cast<uint8_t>(1u << std::min<size_t>(k, 7)) : 0;
    };
    auto vote = [&](const Reached& r, uint32_t stamp, bool touched_only, uint8_t met) {
      const uint32_t begin = r.postings_begin, end = r.postings_end;
      if (touched_only && scratch.touched_form.size() * 16 < end - begin) {
        // Few forms reached, a long posting list: look each of them up in it (sorted) instead.
        const uint32_t* first_posting = postings_.data() + begin;
        const uint32_t* last_posting = postings_.data() + end;
        for (uint32_t f : scratch.touched_form) {
          if (form_votes[f].stamp == stamp || !std::binary_search(first_posting, last_posting, f)) continue;
          form_votes[f].stamp = stamp;
          form_votes[f].vote += r.vote;
          form_votes[f].met |= met;
          top = std::max(top, form_votes[f].vote);
        }
        return;
      }
      for (uint32_t i = begin; i < end; ++i) {
        const uint32_t f = postings_[i];
        if (touched_only && !scratch.touched(f)) continue;
        Scratch::Form& v = form_votes[f];
        if (v.stamp == stamp) continue;
        v.stamp = stamp;
        if (v.vote == 0.0f) scratch.touch(f);
        v.vote += r.vote;
        v.met |= met;
        top = std::max(top, v.vote);
      }
    };

    // The query tokens that bring in names, strongest first (MaxScore): a form
    // no stronger token reached can gain at most what the tokens after it
    // give, and once that falls under the vote floor (min_vote_ratio of the
    // best vote so far, which only grows) a reached token's list can bring in
    // no candidate: it only adds its vote to the forms already reached. The
    // candidates and their votes are those of walking every list (tests/index).
    order.clear();
    float common_most = 0.0f;  // what the common tokens may add, with a rare token in the query
    for (uint32_t k = 0; k < ranges.size(); ++k) {
      float most = 0.0f, most_common = 0.0f;
      for (uint32_t ri = ranges[k].first; ri < ranges[k].second; ++ri) {
        float& m = any_rare && is_common(reached[ri]) ? most_common : most;
        m = std::max(m, reached[ri].vote);
      }
      common_most += most_common;
      order.push_back({most, k});
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    float after = common_most;  // the most the query tokens after the current one (and the common ones) add
    for (const auto& [most, k] : order) after += most;
    for (const auto& [most, k] : order) {
      after -= most;
      const uint32_t stamp = scratch.next_stamp();
      bool walk = true;
      for (uint32_t ri = ranges[k].first; ri < ranges[k].second; ++ri) {
        const Reached& r = reached[ri];
        if (any_rare && is_common(r)) continue;  // the second pass's
        // Reached lists come best first: once one cannot bring in a candidate, none after it can.
        // (A hair of slack: the votes are float sums added in another order than `after`.)
        walk = walk && !(options_.max_score && (r.vote + after) * 1.0001f < top * min_vote_ratio);
        vote(r, stamp, !walk, met_bit(k, r));
      }
    }
    // With a rare token in the query, common tokens ("muhammad", "al") bring
    // in no names of their own, but still vote for the names the rare ones
    // reached: "Muhammad Ashraf" must rank the Muhammad Ashrafs above the
    // other Ashrafs, or the candidate budget cuts among them blindly.
    if (any_rare) {
      for (size_t k = 0; k < ranges.size(); ++k) {
        const uint32_t stamp = scratch.next_stamp();
        for (uint32_t ri = ranges[k].first; ri < ranges[k].second; ++ri) {
          if (is_common(reached[ri])) vote(reached[ri], stamp, true, met_bit(k, reached[ri]));
        }
      }
    }
    for (uint32_t f : scratch.touched_form) {
      if (scratch.form[f].best == 0.0f) scratch.touched_best.push_back(f);
      if (scratch.form[f].vote > scratch.form[f].best) {
        scratch.form[f].best = scratch.form[f].vote;
        scratch.form[f].best_query_form = static_cast<uint16_t>(qf);
        scratch.form[f].best_met = scratch.form[f].met;
      }
      scratch.form[f].vote = 0.0f;
      scratch.form[f].met = 0;
      scratch.touched_bits[f >> 6] = 0;
    }
    scratch.touched_form.clear();
  }

  // Forms below the vote floor are dropped before any sorting: a query of
  // common tokens touches thousands of forms, few of them near the best.
  top = 0.0f;
  for (uint32_t f : scratch.touched_best) top = std::max(top, scratch.form[f].best);
  const float floor = top * min_vote_ratio;
  out.reserve(scratch.touched_best.size());
  if (reached_forms != nullptr) reached_forms->clear();
  for (uint32_t f : scratch.touched_best) {
    const Scratch::Form& sf = scratch.form[f];
    Candidate c{f, form_name_[f], sf.best_query_form, 0, form_tokens_[f], sf.best};
    if (c.vote >= floor) {
      c.tokens_met = static_cast<uint8_t>(std::popcount(sf.best_met));  // candidates only: a call without -mpopcnt
      out.push_back(c);
    }
    if (reached_forms != nullptr) reached_forms->push_back(c);
    scratch.form[f].best = 0.0f;
  }
  scratch.touched_best.clear();
  // Equal votes: the form with fewer words first (the query's words make up
  // more of it: "abdallah" alone before "abdallah" in a longer name), then by id.
  auto better = [this](const Candidate& a, const Candidate& b) {
    if (a.vote != b.vote) return a.vote > b.vote;
    if (form_tokens_[a.form_id] != form_tokens_[b.form_id]) return form_tokens_[a.form_id] < form_tokens_[b.form_id];
    return a.form_id < b.form_id;
  };
  constexpr size_t kTieCap = 4;  // see the tie rule below
  // Keep the best `forms_per_name` forms of each name, then the first
  // max_candidates, and past them those tied with the last one kept: a common
  // name ("Muhammad Ashraf") is shared by dozens of entries with one vote, and
  // which of them made the cut would otherwise be an accident of form ids.
  // Ties stop at kTieCap times the budget, so a query of one very common token
  // stays bounded. Only a head of the candidates can make the cut: it is
  // selected and sorted first, and doubled while the rule needs more of it.
  std::vector<std::pair<uint32_t, uint32_t>>& seen = scratch.per_name;
  const size_t total = out.size();
  for (size_t head = std::min(total, max_candidates * 2);; head = std::min(total, head * 2)) {
    if (head < total) std::nth_element(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(head), out.end(), better);
    std::sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(head), better);
    size_t kept = 0, examined = 0;
    float last_vote = 0.0f;
    bool decided = false;  // the rule stopped before the end of the head
    seen.clear();
    thread_local std::vector<Candidate> chosen;
    chosen.clear();
    for (; examined < head; ++examined) {
      const Candidate& c = out[examined];
      if (kept >= max_candidates && (c.vote < last_vote || kept == max_candidates * kTieCap)) {
        decided = true;
        break;
      }
      auto it = std::find_if(seen.begin(), seen.end(), [&](const auto& p) { return p.first == c.name_id; });
      if (it == seen.end()) {
        seen.push_back({c.name_id, 1});
      } else if (it->second >= forms_per_name) {
        continue;
      } else {
        ++it->second;
      }
      last_vote = c.vote;
      chosen.push_back(c);
      ++kept;
    }
    if (decided || head == total) {
      out.assign(chosen.begin(), chosen.end());
      return;
    }
  }
}

size_t NameIndex::memory_bytes() const {
  return token_text_.capacity() + token_offsets_.capacity() * 4 + form_name_.capacity() * 4 +
         token_entries_.capacity() * sizeof(TokenEntry) + postings_.capacity() * 4 + form_tokens_.capacity() +
         exact_.memory_bytes() + deletes_.memory_bytes() + short_deletes_.memory_bytes() + phonetic_.memory_bytes() +
         heard_phonetic_.memory_bytes() + ear_.memory_bytes() + stems_.memory_bytes() +
         neighbour_offsets_.capacity() * 4 + neighbours_.capacity() * 4 + joined_only_.capacity();
}

}  // namespace sekisho::index
