#include "server/list_json.hpp"

namespace sekisho::server {

nlohmann::json list_version_json(const ListVersion& v) {
  nlohmann::json files = nlohmann::json::array();
  for (const SourceFile& f : v.files) files.push_back({{"name", f.name}, {"sha256", f.sha256}, {"size", f.size}});
  return {{"list", v.list_id},
          {"version", v.version},
          {"created_at", v.created_at},
          {"publication_date", v.publication_date},
          {"format", v.format},
          {"entities", v.entity_count},
          {"by_schema", v.counts_by_schema},
          {"content_hash", v.content_hash},
          {"files", files}};
}

}  // namespace sekisho::server
