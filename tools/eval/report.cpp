// The evaluation table as markdown (for people and docs/matching.md) and JSON (for scripts).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "eval/eval.hpp"

namespace sekisho::eval {

namespace {

std::string shown(const Metric& m) {
  return m.percent ? fmt::format("{:.2f}%", 100.0 * m.value) : fmt::format("{:.3f}", m.value);
}

// Table cells must not break the markdown row.
std::string cell(std::string s) {
  for (char& c : s) {
    if (c == '|' || c == '\n') c = ' ';
  }
  return s;
}

}  // namespace

std::string metrics_markdown(const std::vector<Metric>& metrics, double threshold) {
  std::string out = fmt::format("Evaluation at threshold {:.2f}\n\n", threshold);
  out += "| | metric | value | n | goal | peer | notes |\n|---|---|---|---|---|---|---|\n";
  for (const Metric& m : metrics) {
    std::string goal = m.goal.empty() ? "" : m.goal + (m.goal_met ? " ✓" : " ✗");
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", m.key, cell(m.name), shown(m), m.n, goal, cell(m.peer),
                       cell(m.note));
  }
  return out;
}

std::string metrics_json(const std::vector<Metric>& metrics, double threshold) {
  nlohmann::ordered_json j;
  j["threshold"] = threshold;
  j["metrics"] = nlohmann::ordered_json::array();
  for (const Metric& m : metrics) {
    nlohmann::ordered_json row;
    row["key"] = m.key;
    row["name"] = m.name;
    row["value"] = m.value;
    row["n"] = m.n;
    row["goal"] = m.goal;
    row["goal_met"] = m.goal_met;
    row["peer"] = m.peer;
    row["note"] = m.note;
    j["metrics"].push_back(std::move(row));
  }
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace sekisho::eval
