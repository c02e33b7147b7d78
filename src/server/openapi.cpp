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
    "description": "Sanctions-list screening API. sekisho's own routes live under /v1; /entities and /catalog follow yente's formats. Routes other than /healthz, /readyz, /metrics and /openapi.json need 'Authorization: Bearer <key>' with a role of at least x-sekisho-role (screener < analyst < admin). Every error is {\"error\": {\"code\", \"message\"}}."
  },
  "servers": [{"url": "/"}],
  "security": [{"bearerAuth": []}],
  "paths": {
    "/healthz": {
      "get": {
        "summary": "Liveness: the process answers.",
        "security": [], "x-sekisho-role": "none",
        "responses": {"200": {"description": "Alive", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}}}
      }
    },
    "/readyz": {
      "get": {
        "summary": "Readiness: a snapshot holding at least one list is loaded.",
        "security": [], "x-sekisho-role": "none",
        "responses": {
          "200": {"description": "Ready", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/metrics": {
      "get": {
        "summary": "Prometheus metrics: requests and latency per route, list versions, entity counts.",
        "security": [], "x-sekisho-role": "none",
        "responses": {"200": {"description": "Prometheus text format 0.0.4", "content": {"text/plain": {"schema": {"type": "string"}}}}}
      }
    },
    "/openapi.json": {
      "get": {
        "summary": "This document.",
        "security": [], "x-sekisho-role": "none",
        "responses": {"200": {"description": "OpenAPI 3 document", "content": {"application/json": {"schema": {"type": "object"}}}}}
      }
    },
    "/v1/lists": {
      "get": {
        "summary": "The latest version of every list being served.",
        "x-sekisho-role": "analyst",
        "responses": {
          "200": {"description": "Lists", "content": {"application/json": {"schema": {
            "type": "object",
            "properties": {
              "lists": {"type": "array", "items": {"$ref": "#/components/schemas/ListVersion"}},
              "snapshot": {"type": "object", "properties": {"generation": {"type": "integer"}, "loaded_at": {"type": "string"}, "entities": {"type": "integer"}}}
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
          "200": {"description": "Diff", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ListDiff"}}}},
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
          "200": {"description": "Identical to the latest version; nothing stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportReport"}}}},
          "201": {"description": "New version stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportReport"}}}},
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
          "200": {"description": "Entity", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Entity"}}}},
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
          "200": {"description": "Keys", "content": {"application/json": {"schema": {"type": "object", "properties": {"keys": {"type": "array", "items": {"$ref": "#/components/schemas/ApiKey"}}}}}}},
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
          "201": {"description": "Created", "content": {"application/json": {"schema": {"type": "object", "properties": {"key": {"$ref": "#/components/schemas/ApiKey"}, "secret": {"type": "string"}}}}}},
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
          "200": {"description": "Revoked", "content": {"application/json": {"schema": {"type": "object", "properties": {"revoked": {"type": "string"}}}}}},
          "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/entities/{id}": {
      "get": {
        "summary": "yente-compatible: one entity in FollowTheMoney form.",
        "x-sekisho-role": "screener",
        "parameters": [{"$ref": "#/components/parameters/EntityId"}],
        "responses": {
          "200": {"description": "Entity", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FtmEntity"}}}},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/catalog": {
      "get": {
        "summary": "yente-compatible: the datasets (lists) being served, plus the 'default' collection of all of them.",
        "x-sekisho-role": "screener",
        "responses": {
          "200": {"description": "Catalog", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Catalog"}}}}
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
      "EntityId": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "Entity id, e.g. un_sc_sanctions-QDi.001."}
    },
    "responses": {
      "Error": {"description": "Error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
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
      "ListVersion": {
        "type": "object",
        "properties": {
          "list": {"type": "string"}, "version": {"type": "integer"}, "created_at": {"type": "string"},
          "publication_date": {"type": "string"}, "format": {"type": "string"}, "entities": {"type": "integer"},
          "by_schema": {"type": "object", "additionalProperties": {"type": "integer"}}, "content_hash": {"type": "string"},
          "files": {"type": "array", "items": {"type": "object"}}
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
            "index_current": {"type": "boolean"}, "children": {"type": "array", "items": {"type": "string"}}
          }}},
          "current": {"type": "array", "items": {"type": "string"}},
          "outdated": {"type": "array", "items": {"type": "string"}},
          "index_stale": {"type": "boolean"}
        }
      }
    }
  }
})json";
  return kDocument;
}

}  // namespace sekisho
