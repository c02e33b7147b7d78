// `sekisho show ENTITY_ID`: one listed entity as an officer checks a hit —
// every name, identifier and programme, the publisher's source record, and
// the list version it comes from with that list's age.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "sekisho/store.hpp"
#include "sekisho/update.hpp"
#include "wire/list_json.hpp"

namespace sekisho::cli {

namespace {

struct ShowArgs {
  std::string entity_id;
  bool as_json = false;
};

ListAge age_of(const ListVersion& v) {
  for (ListAge& a : list_ages({v}, default_sources())) {
    if (a.list_id == v.list_id) return a;
  }
  return {};
}

std::string name_line(const Name& n) {
  std::string kind(name_kind_name(n.kind));
  if (!n.quality.empty()) kind += ", " + n.quality;
  if (!n.lang.empty()) kind += ", " + n.lang;
  return fmt::format("{} ({})", n.full, kind);
}

std::string identifier_line(const Identifier& id) {
  std::string line = fmt::format("{} {}", id.type, id.value);
  if (!id.country.empty()) line += fmt::format(" ({})", id.country);
  if (!id.note.empty()) line += fmt::format(" — {}", id.note);
  return line;
}

std::string address_line(const Address& a) {
  if (!a.full.empty()) return a.full;
  std::string line;
  for (const std::string* part : {&a.street, &a.city, &a.region, &a.postal_code, &a.country}) {
    if (part->empty()) continue;
    if (!line.empty()) line += ", ";
    line += *part;
  }
  return line;
}

void print_field(const std::string& label, const std::vector<std::string>& values) {
  if (values.empty()) return;
  for (size_t i = 0; i < values.size(); ++i) {
    std::cout << fmt::format("{:<12} {}\n", i == 0 ? label : "", values[i]);
  }
}

template <typename T, typename F>
std::vector<std::string> lines_of(const std::vector<T>& items, F line) {
  std::vector<std::string> out;
  for (const T& item : items) out.push_back(line(item));
  return out;
}

Status run_show(const GlobalOptions& global, const ShowArgs& args) {
  SEKISHO_ASSIGN_OR_RETURN(auto home, resolve_home(global));
  SEKISHO_ASSIGN_OR_RETURN(auto store, ListStore::open(home));
  SEKISHO_ASSIGN_OR_RETURN(StoredEntity found, store->find_entity(args.entity_id));
  const Entity& e = found.entity;
  ListAge age = age_of(found.version);
  if (args.as_json) {
    nlohmann::json out;
    out["entity"] = nlohmann::json::parse(entity_to_json(e));
    out["list"] = wire::list_age_json(age);
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return Status();
  }
  std::cout << fmt::format("{}  {}  {}\n", e.id, schema_name(e.schema), e.caption);
  print_field("list", {fmt::format("{} version {}, imported {}", found.version.list_id, found.version.version,
                                   found.version.created_at),
                       describe_list_age(age)});
  print_field("source id", {e.source_id});
  print_field("names", lines_of(e.names, name_line));
  print_field("born", lines_of(e.birth_dates, [](const DateSpec& d) { return d.raw.empty() ? d.date.iso() : d.raw; }));
  print_field("birthplace", e.birth_places);
  print_field("nationality", e.nationalities);
  print_field("countries", e.countries);
  print_field("gender", e.gender.empty() ? std::vector<std::string>{} : std::vector<std::string>{e.gender});
  print_field("identifiers", lines_of(e.identifiers, identifier_line));
  print_field("addresses", lines_of(e.addresses, address_line));
  print_field("programmes", e.programs);
  print_field("listed on", e.listed_on.empty() ? std::vector<std::string>{} : std::vector<std::string>{e.listed_on});
  print_field("remarks", e.remarks);
  if (!e.raw.empty()) std::cout << "source record:\n" << e.raw << "\n";
  return Status();
}

}  // namespace

void add_show_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* sub =
      app.add_subcommand("show", "Show one listed entity: names, identifiers, programmes, source record, list version");
  sub->add_option("entity_id", args->entity_id,
                  "The entity id, as search and screen print it (un_sc_sanctions-QDi.001)")
      ->required();
  sub->add_flag("--json", args->as_json, "Machine-readable output: the entity and its list's version and age");
  set_command_body(sub, [&global, args] { return run_show(global, *args); });
}

}  // namespace sekisho::cli
