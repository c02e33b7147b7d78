// The policy loader (rules.hpp load_policy_files) on the shipped bundle with one
// file changed: the input's first line names the file (relative to policies/;
// an unknown name adds a file), the rest is its YAML. Changing one file of a
// bundle that otherwise loads reaches the cross-file checks (groups, charts,
// citations) that a lone file never gets to. A bundle that loads must decide.
#include "fuzz_input.hpp"
#include "policy_bundle.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = sekisho::fuzz::as_view(data, size);
  size_t eol = input.find('\n');
  if (eol == std::string_view::npos) return 0;
  std::map<std::string, std::string> files = sekisho::fuzz::policy_files();
  files[std::string(input.substr(0, eol))] = std::string(input.substr(eol + 1));
  auto policy = sekisho::rules::load_policy_files(files);
  if (!policy.ok()) return 0;
  for (const sekisho::rules::TransferRequest& request : sekisho::fuzz::golden_requests(4)) {
    auto decision = (*policy)->decide(request);
    if (decision.ok()) (void)sekisho::rules::decision_to_json(*decision, request);
  }
  return 0;
}
