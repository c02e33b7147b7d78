#include "cli/screener_loader.hpp"

namespace sekisho::cli {

Result<std::shared_ptr<const Screener>> load_screener(const GlobalOptions& global, const std::vector<std::string>& lists) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto store, ListStore::open(home));
  SEKISHO_ASSIGN_OR_RETURN(auto stored, store->lists());
  if (stored.empty()) {
    return not_found("no lists in " + store->path().string() + ": import some first (`sekisho update` or `sekisho import`)");
  }
  for (const std::string& id : lists) {
    bool known = false;
    for (const ListVersion& v : stored) known = known || v.list_id == id;
    if (!known) return not_found("unknown list '" + id + "' (see `sekisho lists`)");
  }
  // Only the named lists are loaded: a smaller snapshot builds faster.
  return Screener::from_store(*store, lists);
}

}  // namespace sekisho::cli
