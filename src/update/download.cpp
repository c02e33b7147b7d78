// HTTP(S) downloads with libcurl: to a temporary name, renamed into place only
// when complete, so a partial download is never mistaken for a file.
#include <curl/curl.h>

#include <cstdio>
#include <ctime>
#include <mutex>

#include "sekisho/update.hpp"

namespace sekisho {

namespace fs = std::filesystem;

namespace {

void ensure_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t write_to_file(char* data, size_t size, size_t n, void* user) {
  return std::fwrite(data, size, n, static_cast<FILE*>(user)) * size;
}

}  // namespace

Status download_file(const std::string& url, const fs::path& dest, long timeout_seconds, std::string* last_modified) {
  ensure_curl();
  fs::path partial = dest;
  partial += ".part";
  FILE* out = std::fopen(partial.c_str(), "wb");
  if (!out) return io_error(partial.string() + ": cannot create download file");
  CURL* curl = curl_easy_init();
  if (!curl) {
    std::fclose(out);
    return internal_error("libcurl: cannot create a handle");
  }
  char err[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_to_file);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, out);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 20L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_FAILONERROR, 1L);
  curl_easy_setopt(curl, CURLOPT_FILETIME, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, err);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "sekisho/" SEKISHO_VERSION " (sanctions list update)");
  // gzip/deflate only: brotli at the quality some servers pick costs seconds per megabyte to produce.
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
  CURLcode rc = curl_easy_perform(curl);
  long http_code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &http_code);
  curl_off_t file_time = -1;
  curl_easy_getinfo(curl, CURLINFO_FILETIME_T, &file_time);
  if (last_modified) last_modified->clear();
  if (last_modified && file_time >= 0) {
    std::time_t t = static_cast<std::time_t>(file_time);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", &utc);
    *last_modified = day;
  }
  curl_easy_cleanup(curl);
  bool write_ok = std::fclose(out) == 0;
  std::error_code ec;
  if (rc != CURLE_OK) {
    fs::remove(partial, ec);
    std::string cause = err[0] ? err : curl_easy_strerror(rc);
    if (rc == CURLE_HTTP_RETURNED_ERROR)
      return unavailable(url + ": publisher answered HTTP " + std::to_string(http_code));
    return unavailable(url + ": cannot download: " + cause);
  }
  if (!write_ok) {
    fs::remove(partial, ec);
    return io_error(partial.string() + ": write failed (disk full?)");
  }
  fs::rename(partial, dest, ec);
  if (ec) return io_error(dest.string() + ": cannot move download into place: " + ec.message());
  return Status();
}

}  // namespace sekisho
