// The one import operation: parse, name, date, then store (see sekisho/store.hpp).
#include "sekisho/store.hpp"

namespace sekisho {

namespace {

// Parser messages name the scratch path; the files are known by their own names.
Status without_scratch_path(const Status& st, const std::filesystem::path& dir) {
  std::string message = st.message();
  std::string prefix = dir.string() + "/";
  for (size_t at = message.find(prefix); at != std::string::npos; at = message.find(prefix, at)) {
    message.erase(at, prefix.size());
  }
  return Status(st.code(), message);
}

Result<ParsedList> parse_request(const ImportRequest& request) {
  ParseOptions options;
  options.list_id = request.list_id;
  options.mapping_path = request.mapping_path;
  Result<ParsedList> parsed = parse_list(request.format, request.files, options);
  if (!parsed.ok()) {
    if (request.scratch_dir.empty()) return parsed.status();
    return without_scratch_path(parsed.status(), request.scratch_dir);
  }
  if (!request.scratch_dir.empty()) {
    for (SourceFile& f : parsed->files) f.path = f.name;
  }
  // The last resort for a list's age: when neither the file nor its name is
  // dated, the publisher's Last-Modified header.
  if (parsed->publication_date.empty() && !request.last_modified.empty()) {
    parsed->publication_date = request.last_modified;
    parsed->publication_date_source = "download header";
  }
  return parsed;
}

}  // namespace

Result<ImportReport> import_files(const StoreOpener& open_store, const ImportRequest& request) {
  SEKISHO_ASSIGN_OR_RETURN(ParsedList parsed, parse_request(request));
  // parse_list succeeded, so the format is known.
  std::string list_id =
      request.list_id.empty() ? std::string(find_format(request.format)->default_list_id) : request.list_id;
  SEKISHO_ASSIGN_OR_RETURN(ListStore * store, open_store());
  return store->import_list(list_id, parsed, {.allow_shrink = request.allow_shrink});
}

StoreOpener open_store_in(const std::filesystem::path& home, std::unique_ptr<ListStore>& store) {
  return [home, &store]() -> Result<ListStore*> {
    SEKISHO_ASSIGN_OR_RETURN(store, ListStore::open(home));
    return store.get();
  };
}

Result<ImportReport> import_files(ListStore& store, const ImportRequest& request) {
  return import_files([&store]() -> Result<ListStore*> { return &store; }, request);
}

}  // namespace sekisho
