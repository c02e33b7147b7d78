// The nomenklatura name_bench half we hold (../shared/data), as labelled pairs.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/csv_reader.hpp"
#include "sekisho/entity.hpp"
#include "support/shared_data.hpp"

namespace sekisho::match::testing {

struct LabelledPair {
  size_t line;
  Schema schema;
  std::string name1, name2;
  bool is_match;
};

inline std::vector<LabelledPair> name_bench_cases() {
  const std::string path = std::string(SEKISHO_SHARED_DATA) + "/nomenklatura_name_bench/cases.csv";
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  auto records = read_csv(text.str(), path);
  EXPECT_TRUE(records.ok()) << records.status().to_string();
  std::vector<LabelledPair> cases;
  if (!records.ok() || records->empty()) return cases;
  const auto& header = records->front().fields;
  auto col = [&](std::string_view name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const size_t schema = col("schema"), n1 = col("name1"), n2 = col("name2"), label = col("is_match");
  EXPECT_LT(std::max({schema, n1, n2, label}), header.size()) << "cases.csv lacks an expected column";
  for (size_t r = 1; r < records->size(); ++r) {
    const auto& f = (*records)[r].fields;
    if (f.size() < header.size()) continue;
    auto s = parse_schema(f[schema]);
    cases.push_back({(*records)[r].line, s.ok() ? *s : Schema::kLegalEntity, f[n1], f[n2], f[label] == "true"});
  }
  return cases;
}

}  // namespace sekisho::match::testing
