// The OpenAPI 3 description served at /openapi.json. Written by hand, not
// generated from the route table, so that tests/server/openapi_test.cpp can
// hold the two against each other: every registered route must be here with
// its role (x-sekisho-role), and nothing else.
#include "sekisho/server.hpp"

namespace sekisho {

std::string_view Server::openapi_document() {
  static constexpr std::string_view kDocument = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "sekisho",
    "version": "0.1.0",
    "description": "Sanctions-list screening API. sekisho's own routes live under /v1; /match, /search, /entities and /catalog follow yente's formats; /reconcile is the OpenRefine Reconciliation Service API 0.2. Routes other than /healthz, /readyz, /metrics and /openapi.json need 'Authorization: Bearer <key>' with a role of at least x-sekisho-role (screener < analyst < admin). Every error is {\"error\": {\"code\", \"message\"}}. Every answer carries an X-Request-Id header: the client's own when sane, else a new one."
  },
  "servers": [{"url": "/"}],
  "security": [{"bearerAuth": []}],
  "paths": {
    "/healthz": {
      "get": {
        "summary": "Liveness: the process answers.",
        "security": [], "x-sekisho-role": "none",
        "responses": {"200": {"description": "Alive", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}}}
      }
    },
    "/readyz": {
      "get": {
        "summary": "Readiness: a snapshot holding at least one list is loaded.",
        "security": [], "x-sekisho-role": "none",
        "responses": {
          "200": {"description": "Ready", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ready"}}}},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/metrics": {
      "get": {
        "summary": "Prometheus metrics: requests and latency per route, list versions, entity counts.",
        "security": [], "x-sekisho-role": "none",
        "responses": {"200": {"description": "Prometheus text format 0.0.4", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"text/plain": {"schema": {"type": "string"}}}}}
      }
    },
    "/openapi.json": {
      "get": {
        "summary": "This document.",
        "security": [], "x-sekisho-role": "none",
        "responses": {"200": {"description": "OpenAPI 3 document", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"type": "object"}}}}}
      }
    },
    "/v1/lists": {
      "get": {
        "summary": "The latest version of every list being served.",
        "x-sekisho-role": "analyst",
        "responses": {
          "200": {"description": "Lists", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {
            "type": "object",
            "properties": {
              "lists": {"type": "array", "items": {"$ref": "#/components/schemas/ListAge"}},
              "missing": {"type": "array", "description": "Lists of the built-in catalogue the store does not hold: never silently absent.", "items": {"$ref": "#/components/schemas/MissingList"}},
              "snapshot": {"type": "object", "properties": {"generation": {"type": "integer"}, "loaded_at": {"type": "string"}, "entities": {"type": "integer"},
                "last_build_failure": {"type": "object", "nullable": true, "description": "The last snapshot build's failure, after which this snapshot kept serving; null when the last build succeeded.", "properties": {"failed_at": {"type": "string"}, "generation": {"type": "integer"}, "error": {"type": "string"}}}}}
            }}}}},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "429": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/v1/lists/{id}/diff": {
      "get": {
        "summary": "Entities added, removed and changed between two versions of a list.",
        "x-sekisho-role": "analyst",
        "parameters": [
          {"$ref": "#/components/parameters/ListId"},
          {"name": "from", "in": "query", "schema": {"type": "integer", "minimum": 0}, "description": "Older version; default the one before `to`."},
          {"name": "to", "in": "query", "schema": {"type": "integer", "minimum": 0}, "description": "Newer version; default the latest."}
        ],
        "responses": {
          "200": {"description": "Diff", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ListDiff"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/v1/lists/{id}/import": {
      "post": {
        "summary": "Upload list files (multipart, one part per file, or a raw body) as a new version of a list.",
        "x-sekisho-role": "admin",
        "parameters": [
          {"$ref": "#/components/parameters/ListId"},
          {"name": "format", "in": "query", "required": true, "schema": {"type": "string"}, "description": "Format name, as `sekisho formats` lists them (un-xml, ofac-csv, ...)."},
          {"name": "filename", "in": "query", "schema": {"type": "string"}, "description": "File name for a raw body."},
          {"name": "wait", "in": "query", "schema": {"type": "boolean", "default": true}, "description": "Answer once the new version is being served."}
        ],
        "requestBody": {"required": true, "content": {
          "multipart/form-data": {"schema": {"type": "object", "additionalProperties": {"type": "string", "format": "binary"}}},
          "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
        }},
        "responses": {
          "200": {"description": "Identical to the latest version; nothing stored", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportReport"}}}},
          "201": {"description": "New version stored", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportReport"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/v1/entities/{id}": {
      "get": {
        "summary": "One entity as stored, with its source record (raw) and list version.",
        "x-sekisho-role": "screener",
        "parameters": [{"$ref": "#/components/parameters/EntityId"}],
        "responses": {
          "200": {"description": "Entity", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Entity"}}}},
          "401": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/v1/keys": {
      "get": {
        "summary": "API keys (never their secrets).",
        "x-sekisho-role": "admin",
        "responses": {
          "200": {"description": "Keys", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"type": "object", "properties": {"keys": {"type": "array", "items": {"$ref": "#/components/schemas/ApiKey"}}}}}}},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}
        }
      },
      "post": {
        "summary": "Create a key; the secret is in this response only.",
        "x-sekisho-role": "admin",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "required": ["role"],
          "properties": {"role": {"type": "string", "enum": ["screener", "analyst", "admin"]}, "name": {"type": "string"}, "rate_limit": {"type": "number", "minimum": 0}}
        }}}},
        "responses": {
          "201": {"description": "Created", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"type": "object", "properties": {"key": {"$ref": "#/components/schemas/ApiKey"}, "secret": {"type": "string"}}}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/v1/keys/{id}": {
      "delete": {
        "summary": "Revoke a key.",
        "x-sekisho-role": "admin",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {
          "200": {"description": "Revoked", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"type": "object", "properties": {"revoked": {"type": "string"}}}}}},
          "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/v1/parties": {
      "get": {
        "summary": "The party registry (case store): each party's latest version, whether its facts are screened, its active alerts.",
        "x-sekisho-role": "analyst",
        "parameters": [{"name": "include_removed", "in": "query", "schema": {"type": "boolean", "default": false}}],
        "responses": {"200": {"description": "Parties", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"type": "object", "properties": {"parties": {"type": "array", "items": {"$ref": "#/components/schemas/StoredParty"}}}}}}}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      },
      "post": {
        "summary": "Import parties (add and update; replace_all removes the ones missing and closes their alerts), then screen what changed unless screen is false.",
        "x-sekisho-role": "admin",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "required": ["parties"],
          "properties": {
            "parties": {"type": "array", "items": {"$ref": "#/components/schemas/RegistryParty"}},
            "replace_all": {"type": "boolean", "default": false},
            "screen": {"type": "boolean", "default": true}
          }
        }}}},
        "responses": {
          "201": {"description": "Imported: counts, and the run when one was made", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"type": "object"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/v1/parties/{id}": {
      "get": {
        "summary": "One party and all its alerts.",
        "x-sekisho-role": "analyst",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "The party", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StoredParty"}}}}, "404": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/v1/alerts": {
      "get": {
        "summary": "Alerts raised by screening runs, oldest first.",
        "x-sekisho-role": "analyst",
        "parameters": [
          {"name": "state", "in": "query", "schema": {"$ref": "#/components/schemas/AlertState"}},
          {"name": "party", "in": "query", "schema": {"type": "string"}},
          {"name": "entity", "in": "query", "schema": {"type": "string"}},
          {"name": "run", "in": "query", "schema": {"type": "integer"}},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0}}
        ],
        "responses": {"200": {"description": "Alerts", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"type": "object", "properties": {"alerts": {"type": "array", "items": {"$ref": "#/components/schemas/Alert"}}}}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/v1/alerts/{id}": {
      "get": {
        "summary": "One alert with its explanation and every change (events).",
        "x-sekisho-role": "analyst",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "The alert", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}}}, "404": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/v1/alerts/{id}/decision": {
      "post": {
        "summary": "Escalate or decide an alert as the calling key. With four-eyes on, a decision (not an escalation) waits as pending for a confirmation.",
        "x-sekisho-role": "analyst",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "required": ["state", "reason"],
          "properties": {"state": {"type": "string", "enum": ["escalated", "true_match", "false_positive", "closed"]}, "reason": {"type": "string", "minLength": 1}}
        }}}},
        "responses": {"200": {"description": "The alert after the decision", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}}}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/v1/alerts/{id}/confirmation": {
      "post": {
        "summary": "Confirm (approve, default) or reject another reviewer's pending decision. Needs the configured confirming role (admin by default); never the proposer's own key.",
        "x-sekisho-role": "analyst",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "requestBody": {"required": false, "content": {"application/json": {"schema": {
          "type": "object", "properties": {"approve": {"type": "boolean", "default": true}, "reason": {"type": "string"}}
        }}}},
        "responses": {"200": {"description": "The alert after the confirmation", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}}}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/v1/runs": {
      "get": {
        "summary": "Screening runs, newest first.",
        "x-sekisho-role": "analyst",
        "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 20}}],
        "responses": {"200": {"description": "Runs", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"type": "object", "properties": {"runs": {"type": "array", "items": {"$ref": "#/components/schemas/Run"}}}}}}}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      },
      "post": {
        "summary": "Run monitoring now: new and changed parties against every list, the rest against list changes since the last run (full: everything).",
        "x-sekisho-role": "screener",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {
          "type": "object", "properties": {"full": {"type": "boolean", "default": false}, "threshold": {"type": "number", "exclusiveMinimum": 0, "maximum": 1}}
        }}}},
        "responses": {"201": {"description": "The run", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Run"}}}}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/v1/runs/{id}": {
      "get": {
        "summary": "One run.",
        "x-sekisho-role": "analyst",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "The run", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Run"}}}}, "404": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/v1/audit": {
      "get": {
        "summary": "Audit log entries in a time window (ISO 8601 prefixes, to inclusive at its precision).",
        "x-sekisho-role": "admin",
        "parameters": [{"name": "from", "in": "query", "schema": {"type": "string"}}, {"name": "to", "in": "query", "schema": {"type": "string"}}],
        "responses": {"200": {"description": "Entries", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"type": "object", "properties": {"entries": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}}}}}}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/v1/audit/verify": {
      "get": {
        "summary": "Walk the audit hash chain; name the first changed, missing or reordered entry.",
        "x-sekisho-role": "admin",
        "responses": {"200": {"description": "The check (ok false names first_bad_seq and the problem)", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {
          "type": "object", "properties": {"ok": {"type": "boolean"}, "entries": {"type": "integer"}, "first_bad_seq": {"type": "integer"}, "problem": {"type": "string"}}
        }}}}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/v1/transfers": {
      "get": {
        "summary": "Transfer decisions recorded as cases (check with record=true, or `sekisho transfer check --record`), newest first.",
        "x-sekisho-role": "analyst",
        "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "default": 20}, "description": "At most this many; 0 = all."}],
        "responses": {"200": {"description": "Transfer cases", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"type": "object", "properties": {"transfers": {"type": "array", "items": {"$ref": "#/components/schemas/TransferCase"}}}}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/v1/transfers/{id}": {
      "get": {
        "summary": "One recorded transfer decision with the request as received and the answer as given.",
        "x-sekisho-role": "analyst",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "The transfer case", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TransferCase"}}}}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/v1/review-settings": {
      "get": {
        "summary": "The review settings: whether a decision waits for a second reviewer (four-eyes) and the least role that may confirm it.",
        "x-sekisho-role": "admin",
        "responses": {"200": {"description": "The settings", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReviewSettings"}}}}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      },
      "post": {
        "summary": "Change the review settings as the calling key; a field left out keeps its value. Recorded in the audit log (settings.review).",
        "x-sekisho-role": "admin",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReviewSettings"}}}},
        "responses": {"200": {"description": "The settings now in force", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReviewSettings"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/v1/screen": {
      "post": {
        "summary": "Screen one party or a batch (at most 1,000) against the lists; results in the shape of `sekisho screen`.",
        "x-sekisho-role": "screener",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"oneOf": [
          {"type": "object", "required": ["parties"], "properties": {
            "parties": {"type": "array", "maxItems": 1000, "items": {"$ref": "#/components/schemas/Party"}},
            "threshold": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.75},
            "limit": {"type": "integer", "minimum": 1, "maximum": 500, "default": 10},
            "lists": {"type": "array", "items": {"type": "string"}, "description": "Only these list ids; default all."},
            "group": {"type": "boolean", "default": false, "description": "One match per party that several lists name, with the other entries in same_party."}
          }},
          {"$ref": "#/components/schemas/Party"}
        ]}}}},
        "responses": {
          "200": {"description": "One result per party, in request order", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {
            "type": "object",
            "properties": {
              "results": {"type": "array", "items": {"type": "object", "properties": {
                "id": {"type": "string"},
                "matches": {"type": "array", "items": {"$ref": "#/components/schemas/Match"}},
                "error": {"type": "string", "description": "Why this party was not screened (batch only)."},
                "complete": {"type": "boolean", "description": "Present and false only when the party's screening spent its work budget: the matches are those found so far, and the party is not screened in full."},
                "incomplete_reason": {"type": "string", "description": "Why the screening is not complete (with complete: false)."}
              }}},
              "lists": {"$ref": "#/components/schemas/ListRefs"}
            }}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"},
          "429": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/v1/search": {
      "get": {
        "summary": "Search the lists for one name.",
        "x-sekisho-role": "screener",
        "parameters": [
          {"name": "q", "in": "query", "required": true, "schema": {"type": "string"}, "description": "The name, in any script."},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 10}},
          {"name": "threshold", "in": "query", "schema": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.5}},
          {"name": "schema", "in": "query", "schema": {"type": "string"}, "description": "Person, Organization, Company, LegalEntity, Vessel, Aircraft."},
          {"name": "lists", "in": "query", "schema": {"type": "string"}, "description": "Comma-separated list ids; default all."},
          {"name": "group", "in": "query", "schema": {"type": "boolean", "default": false}, "description": "One match per party that several lists name, with the other entries in same_party."}
        ],
        "responses": {
          "200": {"description": "Hits, best first", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"type": "object", "properties": {
            "query": {"type": "string"}, "matches": {"type": "array", "items": {"$ref": "#/components/schemas/Match"}},
            "lists": {"$ref": "#/components/schemas/ListRefs"},
            "complete": {"type": "boolean", "description": "Present and false only when the search spent its work budget."},
            "incomplete_reason": {"type": "string"}
          }}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/match/{dataset}": {
      "post": {
        "summary": "yente-compatible query-by-example matching (EntityMatchQuery in, EntityMatchResponse out).",
        "description": "Scores are sekisho's; every yente algorithm name is accepted and means sekisho's scorer. `weights` and `config` are accepted and not used. At most 1,000 queries per request (yente: 100).",
        "x-sekisho-role": "screener",
        "parameters": [
          {"$ref": "#/components/parameters/Dataset"},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 5}},
          {"name": "threshold", "in": "query", "schema": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.75}, "description": "Results at or above it have match: true."},
          {"name": "cutoff", "in": "query", "deprecated": true, "schema": {"type": "number"}, "description": "Results below min(cutoff, threshold) are left out; default threshold."},
          {"name": "algorithm", "in": "query", "schema": {"type": "string", "default": "best"}},
          {"name": "include_dataset", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
          {"name": "exclude_dataset", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
          {"name": "topics", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, "description": "Keep results carrying any of these FollowTheMoney topics (sanction, export.control, debarment, crime.traffick, ...)."},
          {"name": "exclude_schema", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, "description": "Drop results of these schemas and their descendants (Organization drops Company)."},
          {"name": "exclude_entity_ids", "in": "query", "schema": {"type": "array", "maxItems": 50, "items": {"type": "string"}}, "description": "yente or list-prefixed ids; a grouped result is dropped when any of its members is named."},
          {"name": "changed_since", "in": "query", "schema": {"type": "string"}, "description": "UTC date or time (2025-04-19, 2025-04-19T08:30:00Z): keep results whose last_change is at or after it."},
          {"name": "group", "in": "query", "schema": {"type": "boolean", "default": true}, "description": "One result per party listed on several lists (merged properties, every list in datasets, the others' ids in referents)."}
        ],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "required": ["queries"],
          "properties": {
            "queries": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/FtmExample"}},
            "weights": {"type": "object"}, "config": {"type": "object"}
          }}}}},
        "responses": {
          "200": {"description": "One response per query key", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {
            "type": "object",
            "properties": {
              "responses": {"type": "object", "additionalProperties": {"type": "object", "properties": {
                "status": {"type": "integer"},
                "results": {"type": "array", "items": {"$ref": "#/components/schemas/ScoredFtmEntity"}},
                "total": {"$ref": "#/components/schemas/Total"},
                "query": {"$ref": "#/components/schemas/FtmExample"}
              }}},
              "matcher": {"type": "object"},
              "limit": {"type": "integer"}
            }}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/search/{dataset}": {
      "get": {
        "summary": "yente-compatible name search (SearchResponse).",
        "x-sekisho-role": "screener",
        "parameters": [
          {"$ref": "#/components/parameters/Dataset"},
          {"name": "q", "in": "query", "required": true, "schema": {"type": "string"}},
          {"name": "schema", "in": "query", "schema": {"type": "string"}},
          {"name": "countries", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
          {"name": "include_dataset", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
          {"name": "exclude_dataset", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 10}},
          {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 0}},
          {"name": "threshold", "in": "query", "schema": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.5}},
          {"name": "topics", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, "description": "Keep results carrying any of these FollowTheMoney topics (sanction, export.control, debarment, crime.traffick, ...)."},
          {"name": "exclude_schema", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, "description": "Drop results of these schemas and their descendants (Organization drops Company)."},
          {"name": "exclude_entity_ids", "in": "query", "schema": {"type": "array", "maxItems": 50, "items": {"type": "string"}}, "description": "yente or list-prefixed ids; a grouped result is dropped when any of its members is named."},
          {"name": "changed_since", "in": "query", "schema": {"type": "string"}, "description": "UTC date or time (2025-04-19, 2025-04-19T08:30:00Z): keep results whose last_change is at or after it."},
          {"name": "group", "in": "query", "schema": {"type": "boolean", "default": true}, "description": "One result per party listed on several lists (merged properties, every list in datasets, the others' ids in referents)."}
        ],
        "responses": {
          "200": {"description": "Entities, best first", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"type": "object", "properties": {
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/FtmEntity"}},
            "total": {"$ref": "#/components/schemas/Total"},
            "limit": {"type": "integer"}, "offset": {"type": "integer"}, "facets": {"type": "object"}
          }}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/reconcile/{dataset}": {
      "get": {
        "summary": "OpenRefine Reconciliation Service API 0.2: the service manifest, or the answers to `queries`.",
        "description": "The key may also be sent as ?api_key= (OpenRefine cannot send headers).",
        "x-sekisho-role": "screener",
        "parameters": [
          {"$ref": "#/components/parameters/Dataset"},
          {"name": "queries", "in": "query", "schema": {"type": "string"}, "description": "JSON {\"q0\": {\"query\", \"type\", \"limit\", \"properties\": [{\"pid\", \"v\"}]}}."},
          {"name": "api_key", "in": "query", "schema": {"type": "string"}}
        ],
        "responses": {
          "200": {"description": "Manifest, or {key: {result: [candidates]}}", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"oneOf": [
            {"$ref": "#/components/schemas/ReconcileManifest"}, {"$ref": "#/components/schemas/ReconcileResults"}]}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}
        }
      },
      "post": {
        "summary": "OpenRefine Reconciliation Service API 0.2: answers a batch of queries (form field `queries`, or a JSON body).",
        "x-sekisho-role": "screener",
        "parameters": [
          {"$ref": "#/components/parameters/Dataset"},
          {"name": "api_key", "in": "query", "schema": {"type": "string"}}
        ],
        "requestBody": {"required": true, "content": {
          "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {"queries": {"type": "string"}}}},
          "application/json": {"schema": {"type": "object"}}
        }},
        "responses": {
          "200": {"description": "Candidates per query key", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReconcileResults"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/v1/transfers/check": {
      "post": {
        "summary": "Decide an export transfer chain (docs/transfer-request.md) against the policy bundle; the answer is `sekisho transfer check --json`.",
        "x-sekisho-role": "analyst",
        "parameters": [
          {"name": "screen", "in": "query", "schema": {"type": "boolean", "default": true}, "description": "Screen every party against the loaded lists (false: only the hits the request states, as --no-screen)."},
          {"name": "threshold", "in": "query", "schema": {"type": "number", "minimum": 0, "maximum": 1}, "description": "Screening score threshold; default the matcher's (0.75)."},
          {"name": "record", "in": "query", "schema": {"type": "boolean", "default": false}, "description": "Keep the decision as a transfer case (GET /v1/transfers/{id}) with an audit entry transfer.decide; the answer gains record.id."}
        ],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object"}}}},
        "responses": {
          "200": {"description": "Decision with its cited trace", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"type": "object", "properties": {
            "decision": {"type": "string", "enum": ["ALLOW", "LICENSE_REQUIRED", "CONSENT_REQUIRED", "DENY"]},
            "record": {"type": "object", "description": "With record=true: the transfer case kept.", "properties": {"id": {"type": "integer"}, "recorded_at": {"type": "string"}}}
          }}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/entities/{id}": {
      "get": {
        "summary": "yente-compatible: one entity in FollowTheMoney form.",
        "x-sekisho-role": "screener",
        "parameters": [
          {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "The entity's yente id (an OpenSanctions entity's FollowTheMoney id, else sekisho's list-prefixed id), or its list-prefixed id."},
          {"name": "group", "in": "query", "schema": {"type": "boolean", "default": true}, "description": "Answer the party's merged entity when other lists name it too."}
        ],
        "responses": {
          "200": {"description": "Entity", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FtmEntity"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/catalog": {
      "get": {
        "summary": "yente-compatible: the datasets (lists) being served, plus the collections 'default' (all of them) and 'sanctions'.",
        "x-sekisho-role": "screener",
        "responses": {
          "200": {"description": "Catalog", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Catalog"}}}}
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearerAuth": {"type": "http", "scheme": "bearer", "description": "An API key from `sekisho keys create`."}
    },
    "parameters": {
      "ListId": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "List id, e.g. un_sc_sanctions."},
      "EntityId": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "Entity id, e.g. un_sc_sanctions-QDi.001."},
      "Dataset": {"name": "dataset", "in": "path", "required": true, "schema": {"type": "string"}, "description": "'default' (every list), 'sanctions' (the entities with topic sanction on the sanction lists) or a list id; anything else is 404."}
    },
    "responses": {
      "Error": {"description": "Error", "headers": {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "headers": {
      "RequestId": {"description": "The request's id: the client's own X-Request-Id when it is 1 to 128 characters of A-Za-z0-9._:-, else a new one. The access log records it.", "schema": {"type": "string", "maxLength": 128, "pattern": "^[A-Za-z0-9._:-]{1,128}$"}}
    },
    "schemas": {
      "Error": {
        "type": "object", "required": ["error"],
        "properties": {
          "error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}}},
          "detail": {"type": "string", "description": "The message again, where yente clients look for it."}
        }
      },
      "Status": {"type": "object", "properties": {"status": {"type": "string"}}},
      "Ready": {"type": "object", "properties": {
        "status": {"type": "string"}, "generation": {"type": "integer"}, "loaded_at": {"type": "string"},
        "lists": {"type": "integer"}, "entities": {"type": "integer"}, "names": {"type": "integer", "description": "Indexed names."}
      }},
      "ListVersion": {
        "type": "object",
        "properties": {
          "list": {"type": "string"}, "version": {"type": "integer"}, "created_at": {"type": "string"},
          "publication_date": {"type": "string"}, "format": {"type": "string"}, "entities": {"type": "integer"},
          "by_schema": {"type": "object", "additionalProperties": {"type": "integer"}}, "content_hash": {"type": "string"},
          "files": {"type": "array", "items": {"type": "object"}}
        }
      },
      "ListAge": {
        "allOf": [{"$ref": "#/components/schemas/ListVersion"}, {"type": "object", "properties": {
          "title": {"type": "string"},
          "publication_date_source": {"type": "string", "enum": ["file", "file name", "download header", ""], "description": "Where the publisher's date was read."},
          "age_seconds": {"type": "integer", "nullable": true, "description": "Since the publication date; null when undated."},
          "max_age_days": {"type": "integer", "description": "The publisher's cadence with slack; 0 when unknown."},
          "state": {"$ref": "#/components/schemas/ListAgeState"},
          "stale": {"type": "boolean", "description": "true unless state is fresh."}
        }}]
      },
      "ListAgeState": {"type": "string", "enum": ["fresh", "stale", "undated", "missing"]},
      "MissingList": {
        "type": "object",
        "properties": {
          "list": {"type": "string"}, "title": {"type": "string"}, "state": {"$ref": "#/components/schemas/ListAgeState"},
          "stale": {"type": "boolean"}, "missing": {"type": "boolean", "enum": [true]}
        }
      },
      "ListDiff": {
        "type": "object",
        "properties": {
          "list": {"type": "string"}, "from": {"type": "integer"}, "to": {"type": "integer"},
          "counts": {"type": "object"},
          "added": {"type": "array", "items": {"type": "object"}},
          "removed": {"type": "array", "items": {"type": "object"}},
          "changed": {"type": "array", "items": {"type": "object"}}
        }
      },
      "AlertState": {"type": "string", "enum": ["open", "escalated", "true_match", "false_positive", "closed"]},
      "RegistryParty": {
        "type": "object", "required": ["id"],
        "description": "A party of the registry: name or names required. Same fields as a line of a .jsonl party file (docs/formats/cases.md).",
        "properties": {
          "id": {"type": "string"}, "name": {"type": "string"}, "names": {"type": "array", "items": {"type": "string"}},
          "aliases": {"type": "array", "items": {"type": "string"}}, "schema": {"type": "string", "default": "LegalEntity"},
          "birth_date": {"type": "string"}, "country": {"type": "string"}, "countries": {"type": "array", "items": {"type": "string"}},
          "identifiers": {"type": "array", "items": {"type": "string"}}, "tags": {"type": "array", "items": {"type": "string"}}
        }
      },
      "StoredParty": {
        "type": "object",
        "properties": {
          "id": {"type": "string"}, "schema": {"type": "string"}, "names": {"type": "array", "items": {"type": "string"}},
          "birth_date": {"type": "string"}, "countries": {"type": "array", "items": {"type": "string"}},
          "identifiers": {"type": "array", "items": {"type": "string"}}, "tags": {"type": "array", "items": {"type": "string"}},
          "version": {"type": "integer"}, "facts_hash": {"type": "string"},
          "screened": {"type": "boolean", "description": "false: these facts have not been screened yet (never a clean result)"},
          "removed_at": {"type": "string"}, "updated_at": {"type": "string"}, "active_alerts": {"type": "integer"},
          "alerts": {"type": "array", "items": {"$ref": "#/components/schemas/Alert"}}
        }
      },
      "Alert": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"}, "run_id": {"type": "integer"}, "party_id": {"type": "string"}, "party_version": {"type": "integer"},
          "facts_hash": {"type": "string"}, "entity_id": {"type": "string"}, "entity_hash": {"type": "string"},
          "entity_caption": {"type": "string"}, "list_id": {"type": "string"}, "list_version": {"type": "integer"},
          "score": {"type": "number"}, "matched_name": {"type": "string"}, "query_name": {"type": "string"},
          "explanation": {"type": "string"}, "state": {"$ref": "#/components/schemas/AlertState"},
          "pending": {"type": "object", "nullable": true, "properties": {"state": {"$ref": "#/components/schemas/AlertState"}, "by": {"type": "string"}, "reason": {"type": "string"}, "at": {"type": "string"}}},
          "created_at": {"type": "string"}, "updated_at": {"type": "string"},
          "events": {"type": "array", "items": {"type": "object", "properties": {
            "seq": {"type": "integer"}, "kind": {"type": "string"}, "from": {"type": "string"}, "to": {"type": "string"},
            "reviewer": {"type": "string"}, "reason": {"type": "string"}, "at": {"type": "string"}}}}
        }
      },
      "Run": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"}, "kind": {"type": "string", "enum": ["monitor", "full"]}, "actor": {"type": "string"},
          "started_at": {"type": "string"}, "finished_at": {"type": "string"}, "threshold": {"type": "number"},
          "lists": {"type": "object", "additionalProperties": {"type": "integer"}},
          "deltas": {"type": "object", "additionalProperties": {"type": "object", "properties": {
            "from": {"type": "integer"}, "to": {"type": "integer"}, "added": {"type": "integer"}, "changed": {"type": "integer"}, "removed": {"type": "integer"}}}},
          "parties_screened_full": {"type": "integer"}, "parties_screened_delta": {"type": "integer"},
          "entities_screened_delta": {"type": "integer"}, "alerts_raised": {"type": "integer"},
          "alerts_suppressed": {"type": "integer"}, "alerts_known": {"type": "integer"}, "alerts_closed": {"type": "integer"}
        }
      },
      "TransferCase": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"}, "recorded_at": {"type": "string"}, "actor": {"type": "string"},
          "request_id": {"type": "string"}, "as_of": {"type": "string"},
          "decision": {"type": "string", "enum": ["ALLOW", "LICENSE_REQUIRED", "CONSENT_REQUIRED", "DENY"]},
          "rules": {"type": "array", "description": "The determining rules with their citations.", "items": {"type": "object", "properties": {
            "hop": {"type": "integer"}, "jurisdiction": {"type": "string"}, "rule": {"type": "string"}, "outcome": {"type": "string"}, "cite": {"type": "string"}}}},
          "lists": {"type": "object", "additionalProperties": {"type": "integer"}, "description": "List id → version screened; empty when not screened."},
          "policy_sha256": {"type": "string"},
          "request": {"type": "object", "description": "One case only: the request as received."},
          "answer": {"type": "object", "description": "One case only: the decision as answered."}
        }
      },
      "ReviewSettings": {
        "type": "object", "additionalProperties": false,
        "properties": {
          "four_eyes": {"type": "boolean", "description": "A decision (not an escalation) takes effect only when a second reviewer confirms it."},
          "confirm_role": {"type": "string", "enum": ["analyst", "admin"], "description": "The least role that may confirm."}
        }
      },
      "AuditEntry": {
        "type": "object",
        "properties": {
          "seq": {"type": "integer"}, "at": {"type": "string"}, "actor": {"type": "string"}, "action": {"type": "string"},
          "subject": {"type": "string"}, "detail": {"type": "object"}, "prev_hash": {"type": "string"}, "hash": {"type": "string"}
        }
      },
      "ImportReport": {
        "type": "object",
        "properties": {
          "list": {"type": "string"}, "version": {"type": "integer"}, "created": {"type": "boolean"},
          "entities": {"type": "integer"}, "added": {"type": "integer"}, "removed": {"type": "integer"},
          "changed": {"type": "integer"}, "live": {"type": "boolean"}
        }
      },
      "Entity": {
        "type": "object",
        "properties": {
          "id": {"type": "string"}, "schema": {"type": "string"}, "caption": {"type": "string"},
          "names": {"type": "array", "items": {"type": "object"}}, "raw": {"type": "string"},
          "list": {"type": "object", "properties": {"id": {"type": "string"}, "version": {"type": "integer"}}}
        }
      },
      "ApiKey": {
        "type": "object",
        "properties": {
          "id": {"type": "string"}, "role": {"type": "string"}, "name": {"type": "string"},
          "rate_limit": {"type": "number"}, "created_at": {"type": "string"}, "revoked_at": {"type": "string", "nullable": true}
        }
      },
      "Party": {
        "type": "object", "required": ["name"],
        "properties": {
          "id": {"type": "string"}, "name": {"type": "string"},
          "schema": {"type": "string", "description": "Person, Organization, Company, LegalEntity, Vessel, Aircraft."},
          "birth_date": {"type": "string"}, "country": {"type": "string", "description": "Several separated by ';'."},
          "id_number": {"type": "string"}, "gender": {"type": "string", "enum": ["male", "female", "m", "f"]}
        }
      },
      "Match": {
        "type": "object",
        "properties": {
          "entity_id": {"type": "string"}, "list": {"type": "string"}, "schema": {"type": "string"},
          "caption": {"type": "string"}, "matched_name": {"type": "string"}, "score": {"type": "number"},
          "explanation": {"type": "object"},
          "same_party": {"type": "array", "description": "With group: the other lists' entries for the same party (docs/server.md, Grouping).", "items": {"type": "object", "properties": {"entity_id": {"type": "string"}, "list": {"type": "string"}}}}
        }
      },
      "ListRefs": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "version": {"type": "integer"}}}},
      "Total": {"type": "object", "properties": {"value": {"type": "integer"}, "relation": {"type": "string"}}},
      "FtmExample": {
        "type": "object", "required": ["schema", "properties"],
        "properties": {
          "id": {"type": "string"}, "schema": {"type": "string"},
          "properties": {"type": "object", "additionalProperties": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}}
        }
      },
      "ScoredFtmEntity": {
        "allOf": [{"$ref": "#/components/schemas/FtmEntity"}, {"type": "object", "properties": {
          "score": {"type": "number"}, "match": {"type": "boolean"},
          "features": {"type": "object", "additionalProperties": {"type": "number"}},
          "explanations": {"type": "object"}
        }}]
      },
      "ReconcileManifest": {
        "type": "object",
        "properties": {
          "versions": {"type": "array", "items": {"type": "string"}}, "name": {"type": "string"},
          "identifierSpace": {"type": "string"}, "schemaSpace": {"type": "string"},
          "defaultTypes": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}},
          "view": {"type": "object", "properties": {"url": {"type": "string"}}}
        }
      },
      "ReconcileResults": {
        "type": "object",
        "additionalProperties": {"type": "object", "properties": {"result": {"type": "array", "items": {"type": "object", "properties": {
          "id": {"type": "string"}, "name": {"type": "string"},
          "type": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}},
          "score": {"type": "number", "description": "0 to 100"}, "match": {"type": "boolean"}, "description": {"type": "string"}
        }}}}}
      },
      "FtmEntity": {
        "type": "object",
        "properties": {
          "id": {"type": "string"}, "caption": {"type": "string"}, "schema": {"type": "string"},
          "properties": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
          "datasets": {"type": "array", "items": {"type": "string"}}, "referents": {"type": "array", "items": {"type": "string"}},
          "target": {"type": "boolean"}, "first_seen": {"type": "string", "nullable": true},
          "last_seen": {"type": "string", "nullable": true}, "last_change": {"type": "string", "nullable": true}
        }
      },
      "Catalog": {
        "type": "object",
        "properties": {
          "datasets": {"type": "array", "items": {"type": "object", "properties": {
            "name": {"type": "string"}, "title": {"type": "string"}, "summary": {"type": "string", "nullable": true},
            "load": {"type": "boolean"}, "version": {"type": "string"}, "index_version": {"type": "string", "nullable": true},
            "index_current": {"type": "boolean"}, "children": {"type": "array", "items": {"type": "string"}},
            "entity_count": {"type": "integer"}, "updated_at": {"type": "string"},
            "publication_date": {"type": "string", "description": "Lists only: the publisher's date."},
            "age_seconds": {"type": "integer", "nullable": true, "description": "Lists only."},
            "state": {"$ref": "#/components/schemas/ListAgeState"},
            "stale": {"type": "boolean", "description": "Lists only."},
            "topics": {"type": "array", "items": {"type": "string"}, "description": "Lists only: the FollowTheMoney topics of the list's kind (sanction, export.control, debarment); empty when unknown."}
          }}},
          "current": {"type": "array", "items": {"type": "string"}},
          "outdated": {"type": "array", "items": {"type": "string"}},
          "index_stale": {"type": "boolean"},
          "missing": {"type": "array", "items": {"type": "string"}, "description": "Ids of the built-in catalogue's lists the store does not hold."}
        }
      }
    }
  }
})json";
  return kDocument;
}

}  // namespace sekisho
