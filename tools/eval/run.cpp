// run_eval: loads the lists the selected metrics need once, runs them in
// table order, and adds the index-vs-exhaustive agreement row (h) gathered
// from the labelled queries of b, c and d.
#include <fmt/format.h>

#include <chrono>

#include "core/strings.hpp"
#include "eval/eval.hpp"

namespace sekisho::eval {

namespace {

bool selected(const std::vector<std::string>& only, std::string_view key) {
  if (only.empty()) return true;
  for (const std::string& k : only) {
    if (k == key) return true;
  }
  return false;
}

void note(const EvalOptions& options, std::string_view text) {
  if (options.progress) options.progress(text);
}

template <typename T>
void append(std::vector<Metric>& out, T&& value) {
  if constexpr (std::is_same_v<std::decay_t<T>, Metric>) {
    out.push_back(std::forward<T>(value));
  } else {
    for (Metric& m : value) out.push_back(std::move(m));
  }
}

}  // namespace

Result<std::vector<Metric>> run_eval(const EvalOptions& options_in) {
  EvalOptions options = options_in;
  std::vector<std::string> only;
  for (const std::string& k : split_trimmed(options.only, ",")) {
    if (k.size() != 1 || ((k[0] < 'a' || k[0] > 'i') && k != "m" && k != "x")) {
      return invalid_argument("--only: unknown metric '" + k + "' (expected letters a to i, m or x)");
    }
    only.push_back(k);
  }
  const bool want_h = selected(only, "h");
  std::vector<std::string> need;
  if (selected(only, "b") || want_h) need.push_back("un");
  if (selected(only, "c") || want_h) need.push_back("congress");
  if (selected(only, "d") || want_h) {
    need.insert(need.end(), {"ofac", "un", "mof"});
  }
  if (selected(only, "e")) need.push_back("ofac");
  if (selected(only, "f")) need.push_back("mof");
  if (selected(only, "m")) need.push_back("meti");
  if (selected(only, "x")) need.push_back("ofac");
  note(options, "loading lists");
  SEKISHO_ASSIGN_OR_RETURN(EvalLists lists, load_lists(options.data_dir, need));

  std::vector<Metric> out;
  Agreement agreement;
  agreement.wanted = want_h;
  auto timed = [&](std::string_view key, auto&& fn) -> Status {
    if (!selected(only, key) && !(want_h && (key == "b" || key == "c" || key == "d"))) return Status();
    note(options, fmt::format("metric {}", key));
    auto start = std::chrono::steady_clock::now();
    auto result = fn();
    if (!result.ok()) return result.status();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<Metric> ms;
    append(ms, std::move(*result));
    if (!ms.empty()) ms.front().note += fmt::format("{}{:.1f} s", ms.front().note.empty() ? "" : "; ", seconds);
    if (selected(only, key)) append(out, std::move(ms));
    return Status();
  };
  SEKISHO_RETURN_IF_ERROR(timed("a", [&] { return metric_name_bench(options); }));
  SEKISHO_RETURN_IF_ERROR(timed("b", [&] { return metric_un_positives(options, lists, agreement); }));
  SEKISHO_RETURN_IF_ERROR(timed("c", [&] { return metric_congress(options, lists, agreement); }));
  SEKISHO_RETURN_IF_ERROR(timed("d", [&] { return metric_negatives(options, lists, agreement); }));
  SEKISHO_RETURN_IF_ERROR(timed("e", [&] { return metric_ofac_aliases(options, lists); }));
  SEKISHO_RETURN_IF_ERROR(timed("f", [&] { return metric_mof_katakana(options, lists); }));
  SEKISHO_RETURN_IF_ERROR(timed("g", [&] { return metric_putin(options); }));
  SEKISHO_RETURN_IF_ERROR(timed("i", [&] { return metric_self_consistency(options); }));
  SEKISHO_RETURN_IF_ERROR(timed("m", [&] { return metric_meti_russia(options, lists); }));
  SEKISHO_RETURN_IF_ERROR(timed("x", [&] { return metric_cross_script(options, lists); }));
  if (want_h) {
    Metric m;
    m.key = "h";
    m.name = "index top-10 = exhaustive top-10 (labelled queries of b, c, d)";
    m.n = agreement.total;
    m.value = agreement.total ? double(agreement.same) / double(agreement.total) : 0;
    m.goal = "≥ 99.5%";
    m.goal_met = m.value >= 0.995;
    m.note = "d: first 300 rows of each negative set";
    if (!agreement.differing.empty()) {
      m.note += "; differ e.g. ";
      for (size_t i = 0; i < agreement.differing.size(); ++i)
        m.note += (i ? ", \"" : "\"") + agreement.differing[i] + "\"";
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace sekisho::eval
