#include "cli/screener_loader.hpp"

#include <algorithm>

namespace sekisho::cli {

Result<LoadedScreener> load_screener(const GlobalOptions& global, const std::vector<std::string>& lists) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto store, ListStore::open(home));
  SEKISHO_ASSIGN_OR_RETURN(auto stored, store->lists());
  if (stored.empty()) {
    return not_found("no lists in " + store->path().string() +
                     ": import some first (`sekisho update` or `sekisho import`)");
  }
  for (const std::string& id : lists) {
    bool known = false;
    for (const ListVersion& v : stored) known = known || v.list_id == id;
    if (!known) return not_found("unknown list '" + id + "' (see `sekisho lists`)");
  }
  LoadedScreener out;
  for (ListAge& age : list_ages(stored, default_sources())) {
    if (lists.empty() || std::find(lists.begin(), lists.end(), age.list_id) != lists.end()) {
      out.ages.push_back(std::move(age));
    }
  }
  // Only the named lists are loaded: a smaller snapshot builds faster.
  SEKISHO_ASSIGN_OR_RETURN(out.screener, Screener::from_store(*store, lists));
  return out;
}

}  // namespace sekisho::cli
