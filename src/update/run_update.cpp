#include <algorithm>
#include <cstdint>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>

#include "sekisho/update.hpp"

namespace sekisho {

namespace fs = std::filesystem;

namespace {

std::string last_segment(const std::string& url) {
  std::string path = url.substr(0, url.find_first_of("?#"));
  size_t slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return name.empty() ? "download" : name;
}

// Resolves `href` found on `page` to an absolute URL.
std::string resolve_link(const std::string& page, const std::string& href) {
  if (href.find("://") != std::string::npos) return href;
  size_t scheme_end = page.find("://");
  if (scheme_end == std::string::npos) return href;
  size_t host_end = page.find('/', scheme_end + 3);
  std::string origin = host_end == std::string::npos ? page : page.substr(0, host_end);
  if (!href.empty() && href[0] == '/') return origin + href;
  std::string base = page.substr(0, page.rfind('/') + 1);
  return base + href;
}

// Finds the newest matching link on a publisher's page (dated names sort by date).
Result<std::string> discover(const SourceSpec& s, const fs::path& scratch, long timeout) {
  fs::path page = scratch / "page.html";
  SEKISHO_RETURN_IF_ERROR(download_file(s.discover_page, page, timeout));
  std::ifstream in(page, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string html = ss.str();
  std::regex href_re(R"(href\s*=\s*["']([^"']+)["'])", std::regex::icase);
  std::regex want(s.discover_pattern);
  std::string best;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href_re); it != std::sregex_iterator(); ++it) {
    std::string href = (*it)[1];
    if (std::regex_search(href, want) && (best.empty() || last_segment(href) > last_segment(best))) best = href;
  }
  if (best.empty()) {
    return unavailable(s.discover_page + ": no link matching " + s.discover_pattern + " (has the page changed?)");
  }
  return resolve_link(s.discover_page, best);
}

fs::path make_scratch(const fs::path& root, const std::string& list_id) {
  // Letters only: parsers read dates from folder names, and random digits could look like one.
  std::random_device rd;
  std::string tag;
  for (uint32_t n = rd(); tag.size() < 7; n /= 26) tag += static_cast<char>('a' + n % 26);
  fs::path dir = root / (list_id + "-" + tag);
  fs::create_directories(dir);
  return dir;
}

// The request importing source `s`: its files fetched into `scratch`, or found in the mirror.
Result<ImportRequest> fetch(const SourceSpec& s, const UpdateOptions& options, const fs::path& scratch) {
  ImportRequest request;
  request.format = s.format;
  request.list_id = s.list_id;
  request.allow_shrink = options.allow_shrink;
  if (!options.from_dir.empty()) {
    if (s.mirror_paths.empty()) return not_found(s.list_id + ": the mirror layout has no place for this list");
    if (!s.mirror_format.empty()) request.format = s.mirror_format;
    for (const std::string& rel : s.mirror_paths) {
      fs::path p = fs::path(options.from_dir) / rel;
      if (fs::exists(p)) request.files.push_back(p);
    }
    if (request.files.empty()) {
      return not_found(s.list_id + ": not in mirror " + options.from_dir + " (looked for " + s.mirror_paths.front() +
                       ")");
    }
    return request;
  }
  std::vector<std::string> urls = s.urls;
  if (!s.discover_page.empty()) {
    SEKISHO_ASSIGN_OR_RETURN(std::string url, discover(s, scratch, options.timeout_seconds));
    urls = {url};
  }
  if (urls.empty()) {
    return not_found(s.list_id +
                     ": the publisher offers no machine-readable file; import a local copy with "
                     "`sekisho import " +
                     s.format + " FILE --list " + s.list_id + "`");
  }
  for (const std::string& url : urls) {
    fs::path dest = scratch / last_segment(url);
    std::string modified;
    SEKISHO_RETURN_IF_ERROR(download_file(url, dest, options.timeout_seconds, &modified));
    // The newest of the list's files dates it when nothing else does.
    request.last_modified = std::max(request.last_modified, modified);
    request.files.push_back(dest);
  }
  return request;
}

// Fetches and imports source `s`.
Result<ImportReport> update_one(ListStore& store, const SourceSpec& s, const UpdateOptions& options,
                                const fs::path& scratch) {
  SEKISHO_ASSIGN_OR_RETURN(ImportRequest request, fetch(s, options, scratch));
  return import_files(store, request);
}

}  // namespace

std::vector<UpdateOutcome> run_update(ListStore& store, const std::vector<SourceSpec>& sources,
                                      const UpdateOptions& options) {
  std::vector<UpdateOutcome> outcomes;
  fs::path scratch_root = options.scratch_dir.empty() ? store.path().parent_path() / "downloads" : options.scratch_dir;
  for (const std::string& wanted : options.lists) {
    bool known = false;
    for (const SourceSpec& s : sources) known = known || s.list_id == wanted;
    if (!known) outcomes.push_back({wanted, not_found("no source for list '" + wanted + "'"), false, std::nullopt});
  }
  for (const SourceSpec& s : sources) {
    if (!options.lists.empty() &&
        std::find(options.lists.begin(), options.lists.end(), s.list_id) == options.lists.end()) {
      continue;
    }
    UpdateOutcome outcome{s.list_id, Status(), false, std::nullopt};
    std::error_code ec;
    fs::path scratch = make_scratch(scratch_root, s.list_id);
    auto report = update_one(store, s, options, scratch);
    if (report.ok()) {
      outcome.report = std::move(report).value();
    } else {
      outcome.status = report.status();
      // The store never refuses with kNotFound: that code is a source the mirror does not hold.
      outcome.skipped = !options.from_dir.empty() && report.status().code() == StatusCode::kNotFound;
    }
    fs::remove_all(scratch, ec);
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

}  // namespace sekisho
