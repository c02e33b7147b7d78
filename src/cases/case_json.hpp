// The JSON form of parties, alerts, runs, audit entries and transfer cases, shared by the
// CLI (--json, audit export) and the HTTP API so both speak the same shape.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "sekisho/cases.hpp"

namespace sekisho::cases {

nlohmann::json party_to_json(const StoredParty& party);
nlohmann::json alert_to_json(const Alert& alert);
nlohmann::json alert_to_json(const Alert& alert, const std::vector<AlertEvent>& events);
nlohmann::json run_to_json(const RunRecord& run);
nlohmann::json audit_entry_to_json(const AuditEntry& entry);
nlohmann::json audit_check_to_json(const AuditCheck& check);
// `whole`: with the request and the answer as recorded (objects), not just the summary.
nlohmann::json transfer_to_json(const TransferCase& transfer, bool whole);

// A party from the API's JSON object; errors name `where` and the field.
Result<Party> party_from_request(const nlohmann::json& object, const std::string& where);

}  // namespace sekisho::cases
