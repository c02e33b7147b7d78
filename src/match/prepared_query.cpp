#include "match/prepared_query.hpp"

#include <utility>

namespace sekisho::match {

PreparedQuery::PreparedQuery() : impl_(std::make_unique<Impl>()) {}

PreparedQuery::PreparedQuery(std::vector<NameToken> tokens, const TokenWeights& weights)
    : impl_(std::make_unique<Impl>()) {
  assign(std::move(tokens), weights);
}

PreparedQuery::PreparedQuery(const PreparedQuery& other)
    : tokens_(other.tokens_), impl_(other.impl_ ? std::make_unique<Impl>(*other.impl_) : nullptr) {}

PreparedQuery::PreparedQuery(PreparedQuery&& other) noexcept = default;

PreparedQuery& PreparedQuery::operator=(const PreparedQuery& other) {
  if (this != &other) *this = PreparedQuery(other);
  return *this;
}

PreparedQuery& PreparedQuery::operator=(PreparedQuery&& other) noexcept = default;

PreparedQuery::~PreparedQuery() = default;

void PreparedQuery::assign(std::vector<NameToken> tokens, const TokenWeights& weights) {
  // A query moved from has no Impl; one prepared before keeps its Impl, and with it the
  // memory of its features and patterns, so a screener's thread allocates nothing per query.
  if (!impl_) impl_ = std::make_unique<Impl>();
  Impl& im = *impl_;
  tokens_ = std::move(tokens);
  detail::token_features_into(tokens_, weights, im.features_);
  if (im.patterns_.size() < tokens_.size()) im.patterns_.resize(tokens_.size());
  for (size_t i = 0; i < tokens_.size(); ++i) im.patterns_[i].assign(tokens_[i].text);
  // Patterns past the tokens keep their memory for the next query; the span the comparer
  // reads is as long as the tokens.
  im.pattern_count_ = tokens_.size();
}

}  // namespace sekisho::match
