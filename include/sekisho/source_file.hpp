// sekisho/source_file.hpp — what was read: the description of one file a list was parsed
// from, as src/io/ reads it and ParsedList (lists.hpp) and the store's versions record it.
//
//   for (const sekisho::SourceFile& f : parsed->files) std::cout << f.name << " " << f.sha256;
#pragma once

#include <cstdint>
#include <string>

namespace sekisho {

struct SourceFile {
  std::string path;    // as given
  std::string name;    // file name only
  std::string sha256;  // hex digest of the bytes read
  uint64_t size = 0;
};

}  // namespace sekisho
