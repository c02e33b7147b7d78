// sekisho/update.hpp — fetching the current official lists from their
// publishers (libcurl) or from a local mirror, and importing them.
//
// A source says where a list is published and in which format. `run_update`
// downloads each selected source into a scratch directory inside the data
// directory, parses it completely and only then imports it: an unreachable
// publisher or a bad file leaves the stored versions as they were.
//
//   auto sources = sekisho::default_sources();
//   auto outcomes = sekisho::run_update(*store, sources, {.from_dir = "../shared/data"});
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sekisho/status.hpp"
#include "sekisho/store.hpp"

namespace sekisho {

struct SourceSpec {
  std::string list_id;
  std::string title;
  std::string format;              // format of the publisher's files
  std::vector<std::string> urls;   // fetched in order; saved under their last path segment
  // Publishers that date their file names (MOF shisantouketsuYYYYMMDD.xlsx)
  // are found by scanning a page for the newest link matching a pattern.
  std::string discover_page;
  std::string discover_pattern;    // ECMAScript regex over href values
  // A local mirror (--from DIR) may hold another published form of the list.
  std::string mirror_format;       // empty = same as `format`
  std::vector<std::string> mirror_paths;  // relative to the mirror root
};

// The lists sekisho knows how to fetch, with their official addresses and
// their place in the bundled mirror (../shared/data layout).
const std::vector<SourceSpec>& default_sources();

// Reads a catalogue in the same shape from JSON (for private mirrors and tests):
// [{"list_id": …, "format": …, "urls": [...], "mirror_paths": [...], …}, …]
Result<std::vector<SourceSpec>> load_sources(const std::filesystem::path& json_file);

struct UpdateOptions {
  std::vector<std::string> lists;  // empty = every source
  std::string from_dir;            // non-empty: read files from this mirror instead of the network
  std::filesystem::path scratch_dir;  // where downloads land before import (default: <store dir>/downloads)
  long timeout_seconds = 120;      // per download
  bool allow_shrink = false;       // store versions that lose over 20% of a list (ImportOptions)
};

struct UpdateOutcome {
  std::string list_id;
  Status status;                      // not OK: nothing was imported for this list
  bool skipped = false;               // mirror mode: the mirror holds no copy of this list
  std::optional<ImportReport> report; // set when imported or found unchanged
};

std::vector<UpdateOutcome> run_update(ListStore& store, const std::vector<SourceSpec>& sources,
                                      const UpdateOptions& options);

// Downloads `url` to `dest` (whole file or nothing). Errors name the URL and the cause.
Status download_file(const std::string& url, const std::filesystem::path& dest, long timeout_seconds);

}  // namespace sekisho
