// A transfer request (docs/transfer-request.md) as `sekisho transfer check`
// reads it: parsed, decided by the shipped policy bundle, and written as JSON
// and as text. Invalid data must come back as a Status, never a crash.
#include "fuzz_input.hpp"
#include "policy_bundle.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sekisho::rules::Policy& policy = sekisho::fuzz::shipped_policy();
  auto request = sekisho::rules::parse_transfer_request_json(sekisho::fuzz::as_view(data, size), "fuzz.json");
  if (!request.ok()) return 0;
  auto decision = policy.decide(*request);
  if (!decision.ok()) return 0;
  (void)sekisho::rules::decision_to_json(*decision, *request);
  (void)sekisho::rules::format_decision_text(*decision, *request);
  return 0;
}
