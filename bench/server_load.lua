-- wrk script for bench/server_load.sh: one screening request per call,
-- rotating through listed names (hits) and ordinary customer names (mostly no
-- hit), as a payment or onboarding system would send them.
--   SCENARIO=screen  POST /v1/screen   {"id", "name"}
--   SCENARIO=match   POST /match/default {"queries": {"q1": {"schema", "properties": {"name": [...]}}}}
--   KEY=<api key>
local scenario = os.getenv("SCENARIO") or "screen"
local key = os.getenv("KEY") or ""

local names = {
  "Julio Cesar Nasser David",        -- OFAC SDN
  "John Smith",
  "Gun Gun Rusman Gunawan",          -- OFAC SDN
  "Maria Garcia Lopez",
  "Banco Nacional de Cuba",          -- OFAC SDN
  "Tanaka Hiroshi",
  "Gilberto Rincon Castillo",        -- OFAC SDN
  "Acme Trading Company Limited",
  "Esperanza Maria Gonzalez Muniz",  -- OFAC SDN
  "Olga Ivanova",
  "Global Logistics GmbH",
  "山田太郎",
  "Chen Wei Ming",
  "Mohammed Al Rashid",
  "Northern Shipping Co",
  "Pierre Dubois",
}

local bodies = {}
for i, name in ipairs(names) do
  if scenario == "match" then
    bodies[i] = string.format(
      '{"queries": {"q1": {"schema": "LegalEntity", "properties": {"name": ["%s"]}}}}', name)
  else
    bodies[i] = string.format('{"id": "c-%d", "name": "%s"}', i, name)
  end
end

local path = scenario == "match" and "/match/default" or "/v1/screen"
local headers = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("POST", path, headers, bodies[(counter % #bodies) + 1])
end
