// POST /v1/lists/{id}/import?format=…: an admin uploads list files.
//
// The upload streams to a private scratch directory in the data directory
// (never held whole in memory), is parsed completely and only then imported by
// import_files, exactly like `sekisho import`: a bad file answers 422 with
// the parser's message and leaves the store untouched. The scratch directory
// is removed whatever happens. After a new version lands, the reloader builds
// a new snapshot; unless ?wait=false the response waits until it is served.
#include <sodium.h>

#include <cstdio>
#include <filesystem>

#include "cases/case_json.hpp"
#include "core/strings.hpp"
#include "sekisho/lists.hpp"
#include "sekisho/store.hpp"
#include "server/case_routes.hpp"
#include "server/multipart.hpp"
#include "server/state.hpp"

namespace sekisho::server {

namespace fs = std::filesystem;

namespace {

constexpr auto kWaitForSnapshot = std::chrono::seconds(120);

// Removes the scratch directory on every path out of the handler.
class ScratchDir {
 public:
  explicit ScratchDir(fs::path path) : path_(std::move(path)) {}
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// A client's file name reduced to a safe base name: no directories, no
// leading dots, only [A-Za-z0-9._-].
std::string safe_file_name(std::string_view name) {
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  for (char c : name) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    out += ok ? c : '_';
  }
  while (!out.empty() && out.front() == '.') out.erase(0, 1);
  if (out.size() > 120) out.resize(120);
  return out;
}

// Parsers see a file name; for a raw body without ?filename= it is derived
// from the format ("un-xml" → upload.xml).
std::string default_file_name(std::string_view format) {
  for (std::string_view ext : {"xml", "csv", "ods", "xlsx", "json"}) {
    if (format.size() > ext.size() && format.substr(format.size() - ext.size()) == ext) {
      return "upload." + std::string(ext);
    }
  }
  if (format == "ftm" || format == "ftm-delta") return "upload.json";
  return "upload.txt";
}

bool valid_list_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

// Writes the request body into files in `dir`: one per multipart part, or one
// for a raw body. Fails on limits and write errors.
class UploadWriter {
 public:
  UploadWriter(fs::path dir, size_t limit) : dir_(std::move(dir)), limit_(limit) {}
  ~UploadWriter() { close(); }

  bool open(std::string name) {
    if (!status_.ok()) return true;  // over the limit: the rest is being dropped
    close();
    if (name.empty()) name = "upload-" + std::to_string(paths_.size() + 1);
    while (fs::exists(dir_ / name)) name = "_" + name;
    fs::path path = dir_ / name;
    file_ = std::fopen(path.c_str(), "wb");
    if (file_ == nullptr) {
      status_ = io_error(path.string() + ": cannot create upload file");
      return false;
    }
    paths_.push_back(path);
    return true;
  }
  // Returns false on a write error; past the size limit the rest of the body
  // is read and dropped (so the connection stays usable for the 413).
  bool write(const char* data, size_t n) {
    total_ += n;
    if (total_ > limit_) {
      status_ = Status(StatusCode::kResourceExhausted, "upload over the limit of " + std::to_string(limit_) + " bytes");
      close();
      return true;
    }
    if (!status_.ok()) return true;
    if (file_ == nullptr || std::fwrite(data, 1, n, file_) != n) {
      status_ = io_error("cannot write upload file in " + dir_.string());
      return false;
    }
    return true;
  }
  Status finish() {
    close();
    return status_;
  }
  std::vector<fs::path>& paths() { return paths_; }
  size_t total() const { return total_; }

 private:
  void close() {
    if (file_ != nullptr && std::fclose(file_) != 0 && status_.ok()) status_ = io_error("cannot finish upload file");
    file_ = nullptr;
  }
  fs::path dir_;
  size_t limit_;
  size_t total_ = 0;
  std::FILE* file_ = nullptr;
  std::vector<fs::path> paths_;
  Status status_;
};

ApiResponse payload_too_large(size_t limit) {
  return error_response(413, "payload_too_large", "upload over the limit of " + std::to_string(limit) + " bytes");
}

}  // namespace

ApiResponse import_list_upload(RequestContext& ctx) {
  const ServerOptions& options = ctx.state.options;
  std::string list_id = ctx.param(0);
  if (!valid_list_id(list_id)) {
    return error_response(invalid_argument("list id '" + list_id + "': use 1-64 of a-z, 0-9, '_' and '-'"));
  }
  std::string format = ctx.query("format");
  if (format.empty())
    return error_response(invalid_argument("the format query parameter is required (?format=un-xml)"));
  if (find_format(format) == nullptr) {
    std::vector<std::string> known;
    for (const FormatInfo& f : formats()) known.emplace_back(f.name);
    return error_response(invalid_argument("unknown format '" + format + "' (known: " + join(known, ", ") + ")"));
  }
  std::string wait = ctx.query("wait");
  if (!wait.empty() && wait != "true" && wait != "false") {
    return error_response(invalid_argument("wait must be true or false"));
  }
  Result<int> length = parse_query_int(ctx.http.header("Content-Length"), "Content-Length", 0);
  if (length.ok() && static_cast<size_t>(*length) > options.max_upload_bytes) {
    return payload_too_large(options.max_upload_bytes);
  }
  if (ctx.reader == nullptr) return error_response(invalid_argument("no request body"));

  unsigned char nonce[8];
  randombytes_buf(nonce, sizeof nonce);
  char hex[sizeof nonce * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, nonce, sizeof nonce);
  ScratchDir scratch(options.home / "uploads" / hex);
  std::error_code ec;
  fs::create_directories(scratch.path(), ec);
  if (ec) return error_response(io_error(scratch.path().string() + ": " + ec.message()));

  UploadWriter writer(scratch.path(), options.max_upload_bytes);
  std::string mapping_path;
  bool read = false;
  if (ctx.http.is_multipart_form_data()) {
    // Each part with a file is one list file; a part named "mapping" is the
    // generic CSV format's mapping file.
    MultipartParser parts(
        multipart_boundary(ctx.http.header("Content-Type")),
        [&](const std::string& field, const std::string& filename) {
          std::string name = safe_file_name(filename.empty() ? field : filename);
          if (field == "mapping") name = "mapping-" + name;
          if (!writer.open(name)) return false;
          if (field == "mapping") mapping_path = writer.paths().back().string();
          return true;
        },
        [&](const char* data, size_t n) { return writer.write(data, n); });
    read = (*ctx.reader)([&](const char* data, size_t n) { return parts.feed(data, n); }) && parts.done();
  } else {
    std::string name = safe_file_name(ctx.query("filename"));
    read = writer.open(name.empty() ? default_file_name(format) : name) &&
           (*ctx.reader)([&](const char* data, size_t n) { return writer.write(data, n); });
  }
  Status written = writer.finish();
  if (written.code() == StatusCode::kResourceExhausted) return payload_too_large(options.max_upload_bytes);
  if (!written.ok()) return error_response(written);
  if (!read)
    return error_response(
        invalid_argument("the upload could not be read (connection closed or malformed multipart body)"));
  std::vector<fs::path> paths;
  for (const fs::path& p : writer.paths()) {
    if (p.string() != mapping_path) paths.push_back(p);
  }
  if (paths.empty() || writer.total() == 0) return error_response(invalid_argument("the upload holds no file"));

  ImportRequest request;
  request.format = format;
  request.files = std::move(paths);
  request.list_id = list_id;
  request.mapping_path = mapping_path;
  request.allow_shrink = ctx.query("allow_shrink") == "true";
  request.scratch_dir = scratch.path();
  std::unique_ptr<ListStore> store;
  Result<ImportReport> report = import_files(open_store_in(options.home, store), request);
  if (!report.ok()) return error_response(report.status());
  // The version is stored whatever follows: a failed monitoring run is reported beside it.
  auto run = after_list_import(case_store_at(ctx.state.options), *store, *report, reviewer_of(ctx).name);
  store.reset();

  int version = report->version.version;
  bool live = false;
  if (ctx.state.request_reload) ctx.state.request_reload();
  if (wait != "false") {
    live = ctx.state.snapshots.wait_until(
        [&](const Snapshot& s) {
          int i = s.list_index(list_id);
          return i >= 0 && s.lists[i].version >= version;
        },
        kWaitForSnapshot);
  }
  return json_response(
      {{"list", list_id},
       {"version", version},
       {"created", report->created},
       {"entities", report->version.entity_count},
       {"added", report->added},
       {"removed", report->removed},
       {"changed", report->changed},
       {"publication_date", report->version.publication_date},
       {"content_hash", report->version.content_hash},
       {"warnings", report->warnings},
       {"live", live},
       {"run", run.ok() && *run ? cases::run_to_json(**run) : nlohmann::json(nullptr)},
       {"monitor_error", run.ok() ? nlohmann::json(nullptr) : nlohmann::json(run.status().to_string())}},
      report->created ? 201 : 200);
}

}  // namespace sekisho::server
