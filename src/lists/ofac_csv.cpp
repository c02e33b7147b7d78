// OFAC legacy CSV sets: SDN (sdn.csv, add.csv, alt.csv, sdn_comments.csv) and
// the consolidated non-SDN list (cons_prim.csv, cons_add.csv, cons_alt.csv,
// cons_comments.csv). Layout per OFAC's dat_spec.txt: no header, "-0- " for
// an empty field, CRLF, a trailing 0x1A; ent_num joins the files; Remarks that
// do not fit in the primary file continue in *_comments.csv (the two pieces
// are glued without a separator: the split falls mid-word).
#include <charconv>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>

#include "core/strings.hpp"
#include "io/csv_reader.hpp"
#include "io/source_file.hpp"
#include "lists/ofac_remarks.hpp"
#include "lists/parsers.hpp"

namespace sekisho::parsers {

namespace {

namespace fs = std::filesystem;

// Field names from dat_spec.txt, in column order.
constexpr std::string_view kPrimFields[] = {"ent_num",   "SDN_Name", "SDN_Type", "Program",   "Title",      "Call_Sign",
                                            "Vess_type", "Tonnage",  "GRT",      "Vess_flag", "Vess_owner", "Remarks"};
constexpr std::string_view kAddFields[] = {"ent_num",           "add_num", "address",
                                           "city/state/postal", "country", "add_remarks"};
constexpr std::string_view kAltFields[] = {"ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"};
constexpr std::string_view kCommentFields[] = {"ent_num", "remarks_extension"};

// One loaded file of the set, with its records and the text of each record.
struct Table {
  std::string path;
  std::unique_ptr<LoadedFile> file;  // owns the text `raw` points into
  std::vector<CsvRecord> records;
  std::vector<std::string_view> raw;  // source text of each record, line ends removed
  std::span<const std::string_view> field_names;

  std::string where(const CsvRecord& rec, size_t field) const {
    return path + ":" + std::to_string(rec.line) + ": field " + std::to_string(field + 1) + " (" +
           std::string(field_names[field]) + ")";
  }
};

void append_line(std::string& raw, std::string_view line) {
  raw += '\n';
  raw += line;
}

bool is_empty_marker(std::string_view f) { return trim(f) == "-0-"; }

// A field's value: trimmed, with OFAC's "-0- " read as empty.
std::string_view value_of(const CsvRecord& rec, size_t i) {
  std::string_view f = rec.fields[i];
  return is_empty_marker(f) ? std::string_view() : trim(f);
}

// The text of each record: from its first line up to the next record's.
std::vector<std::string_view> record_texts(std::string_view text, const std::vector<CsvRecord>& records) {
  std::vector<size_t> line_starts = {0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts.push_back(i + 1);
  }
  std::vector<std::string_view> out;
  out.reserve(records.size());
  for (size_t r = 0; r < records.size(); ++r) {
    size_t begin = line_starts[records[r].line - 1];
    size_t end = r + 1 < records.size() ? line_starts[records[r + 1].line - 1] : text.size();
    std::string_view piece = text.substr(begin, end - begin);
    while (!piece.empty() && (piece.back() == '\n' || piece.back() == '\r')) piece.remove_suffix(1);
    out.push_back(piece);
  }
  return out;
}

Result<Table> load_table(const fs::path& path, std::span<const std::string_view> field_names) {
  SEKISHO_ASSIGN_OR_RETURN(LoadedFile file, load_source(path));
  Table t;
  t.path = path.string();
  t.file = std::make_unique<LoadedFile>(std::move(file));
  t.field_names = field_names;
  std::string_view text = text_body(*t.file);
  // Some published files quote a field and keep writing after the closing quote; lenient
  // mode reads that as text instead of failing the whole list.
  SEKISHO_ASSIGN_OR_RETURN(t.records, read_csv(text, t.path, {.lenient_quotes = true}));
  if (t.records.empty()) return parse_error(t.path + ": no records");
  // Copies that lost their last bytes end in "-0" or "-" where "-0- " was written; the
  // field is the optional remarks column, so read it as the empty marker it was.
  bool ends_in_newline = !text.empty() && text.back() == '\n';
  CsvRecord& last = t.records.back();
  if (!ends_in_newline && last.fields.size() == field_names.size() &&
      (last.fields.back() == "-0" || last.fields.back() == "-")) {
    last.fields.back() = "-0- ";
  }
  for (const CsvRecord& rec : t.records) {
    if (rec.fields.size() != field_names.size()) {
      bool is_last = &rec == &t.records.back();
      return parse_error(
          t.path + ":" + std::to_string(rec.line) + ": expected " + std::to_string(field_names.size()) + " fields (" +
          std::string(field_names.front()) + " … " + std::string(field_names.back()) + "), found " +
          std::to_string(rec.fields.size()) +
          (is_last ? ": the file is truncated or has a trailing non-OFAC line" : ": the row is malformed"));
    }
  }
  t.raw = record_texts(text, t.records);
  return t;
}

Result<long> parse_number(const Table& t, const CsvRecord& rec, size_t field) {
  std::string_view v = value_of(rec, field);
  long n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n <= 0) {
    return parse_error(t.where(rec, field) + ": expected a positive number, found '" + std::string(rec.fields[field]) +
                       "'");
  }
  return n;
}

struct Draft {
  Entity entity;
  size_t line = 0;      // where the primary record starts
  std::string remarks;  // Remarks with any *_comments.csv continuation glued on
};

// Looks up the entity a secondary file's row belongs to.
Result<Draft*> owner_of(const Table& t, const CsvRecord& rec, std::unordered_map<long, size_t>& index,
                        std::vector<Draft>& drafts, std::string_view prim_name) {
  SEKISHO_ASSIGN_OR_RETURN(long ent_num, parse_number(t, rec, 0));
  auto it = index.find(ent_num);
  if (it == index.end()) {
    return parse_error(t.where(rec, 0) + ": ent_num " + std::to_string(ent_num) + " is not in " +
                       std::string(prim_name));
  }
  return &drafts[it->second];
}

Result<Schema> schema_of(const Table& t, const CsvRecord& rec) {
  std::string type = to_lower_ascii(value_of(rec, 2));
  if (type.empty()) return Schema::kOrganization;  // dat_spec: blank SDN_Type is an entity
  if (type == "individual") return Schema::kPerson;
  if (type == "vessel") return Schema::kVessel;
  if (type == "aircraft") return Schema::kAircraft;
  return parse_error(t.where(rec, 2) + ": unknown type '" + std::string(value_of(rec, 2)) +
                     "' (expected individual, vessel, aircraft or -0-)");
}

Status read_primary(const Table& t, const ParseOptions& options, std::vector<Draft>& drafts,
                    std::unordered_map<long, size_t>& index) {
  drafts.reserve(t.records.size());
  for (size_t r = 0; r < t.records.size(); ++r) {
    const CsvRecord& rec = t.records[r];
    SEKISHO_ASSIGN_OR_RETURN(long ent_num, parse_number(t, rec, 0));
    auto [it, inserted] = index.emplace(ent_num, drafts.size());
    if (!inserted) {
      return parse_error(t.where(rec, 0) + ": ent_num " + std::to_string(ent_num) + " appears twice (first on line " +
                         std::to_string(drafts[it->second].line) + ")");
    }
    Draft d;
    d.line = rec.line;
    Entity& e = d.entity;
    e.source_id = std::to_string(ent_num);
    e.id = make_entity_id(options.list_id, e.source_id);
    SEKISHO_ASSIGN_OR_RETURN(e.schema, schema_of(t, rec));
    Name primary;
    primary.full = std::string(value_of(rec, 1));
    if (primary.full.empty()) return parse_error(t.where(rec, 1) + ": the name is empty");
    if (e.schema == Schema::kPerson) split_ofac_person_name(primary);
    e.caption = primary.full;
    e.add_name(std::move(primary));
    // "SDGT] [IRAN": the column holds the inside of "[SDGT] [IRAN]".
    for (std::string& p : split_trimmed(value_of(rec, 3), "] [")) {
      std::string_view prog = trim(p);
      if (!prog.empty() && prog.front() == '[') prog.remove_prefix(1);
      if (!prog.empty() && prog.back() == ']') prog.remove_suffix(1);
      push_unique(e.programs, prog);
    }
    if (!value_of(rec, 4).empty()) e.remarks.push_back("Title: " + std::string(value_of(rec, 4)));
    if (!value_of(rec, 5).empty()) {
      e.identifiers.push_back(Identifier{.type = "call_sign", .value = std::string(value_of(rec, 5))});
    }
    if (!value_of(rec, 6).empty()) e.remarks.push_back("Vessel Type: " + std::string(value_of(rec, 6)));
    if (!value_of(rec, 7).empty()) e.remarks.push_back("Tonnage: " + std::string(value_of(rec, 7)));
    if (!value_of(rec, 8).empty()) e.remarks.push_back("GRT: " + std::string(value_of(rec, 8)));
    push_unique(e.countries, value_of(rec, 9));  // Vess_flag
    if (!value_of(rec, 10).empty()) e.remarks.push_back("Vessel Owner: " + std::string(value_of(rec, 10)));
    // Remarks are kept untrimmed until any continuation is glued on.
    if (!is_empty_marker(rec.fields[11])) d.remarks = rec.fields[11];
    e.raw = std::string(t.raw[r]);
    drafts.push_back(std::move(d));
  }
  return Status::ok_status();
}

Status read_comments(const Table& t, std::unordered_map<long, size_t>& index, std::vector<Draft>& drafts,
                     std::string_view prim_name) {
  for (size_t r = 0; r < t.records.size(); ++r) {
    const CsvRecord& rec = t.records[r];
    SEKISHO_ASSIGN_OR_RETURN(Draft * d, owner_of(t, rec, index, drafts, prim_name));
    if (!is_empty_marker(rec.fields[1])) d->remarks += rec.fields[1];
    append_line(d->entity.raw, t.raw[r]);
  }
  return Status::ok_status();
}

Status read_addresses(const Table& t, std::unordered_map<long, size_t>& index, std::vector<Draft>& drafts,
                      std::string_view prim_name) {
  for (size_t r = 0; r < t.records.size(); ++r) {
    const CsvRecord& rec = t.records[r];
    SEKISHO_ASSIGN_OR_RETURN(Draft * d, owner_of(t, rec, index, drafts, prim_name));
    SEKISHO_RETURN_IF_ERROR(parse_number(t, rec, 1).status());
    Entity& e = d->entity;
    append_line(e.raw, t.raw[r]);
    Address a;
    a.street = std::string(value_of(rec, 2));
    // dat_spec: one column for "City/State/Province/Postal Code", never split by OFAC.
    a.city = std::string(value_of(rec, 3));
    a.country = std::string(value_of(rec, 4));
    std::vector<std::string> parts;
    for (const std::string* p : {&a.street, &a.city, &a.country}) {
      if (!p->empty()) parts.push_back(*p);
    }
    a.full = join(parts, ", ");
    if (!value_of(rec, 5).empty()) e.remarks.push_back("Address remark: " + std::string(value_of(rec, 5)));
    if (a.full.empty()) continue;
    push_unique(e.countries, a.country);
    e.addresses.push_back(std::move(a));
  }
  return Status::ok_status();
}

Status read_aliases(const Table& t, std::unordered_map<long, size_t>& index, std::vector<Draft>& drafts,
                    std::string_view prim_name) {
  for (size_t r = 0; r < t.records.size(); ++r) {
    const CsvRecord& rec = t.records[r];
    SEKISHO_ASSIGN_OR_RETURN(Draft * d, owner_of(t, rec, index, drafts, prim_name));
    SEKISHO_RETURN_IF_ERROR(parse_number(t, rec, 1).status());
    Entity& e = d->entity;
    append_line(e.raw, t.raw[r]);
    std::string type = to_lower_ascii(value_of(rec, 2));
    Name n;
    // alt.csv holds OFAC's strong aliases; weak ones are only in Remarks.
    n.quality = "strong";
    if (type == "aka" || type == "nka") {
      n.kind = NameKind::kAlias;
    } else if (type == "fka") {
      n.kind = NameKind::kFormerName;
    } else {
      return parse_error(t.where(rec, 2) + ": unknown alias type '" + std::string(value_of(rec, 2)) +
                         "' (expected aka, fka or nka)");
    }
    n.full = std::string(value_of(rec, 3));
    if (n.full.empty()) return parse_error(t.where(rec, 3) + ": the alias name is empty");
    if (!value_of(rec, 4).empty()) e.remarks.push_back(n.full + ": " + std::string(value_of(rec, 4)));
    if (e.schema == Schema::kPerson) split_ofac_person_name(n);
    e.add_name(std::move(n));
  }
  return Status::ok_status();
}

struct SetLayout {
  std::string_view format;
  std::string_view prim, add, alt, comments;
};

Result<ParsedList> parse_set(const Paths& paths, const ParseOptions& options, const SetLayout& layout) {
  SEKISHO_ASSIGN_OR_RETURN(
      std::vector<fs::path> files,
      resolve_files(paths, {{layout.prim, true}, {layout.add, false}, {layout.alt, false}, {layout.comments, false}},
                    layout.format));
  ParsedList out;
  std::vector<Draft> drafts;
  std::unordered_map<long, size_t> index;

  SEKISHO_ASSIGN_OR_RETURN(Table prim, load_table(files[0], kPrimFields));
  out.files.push_back(prim.file->meta);
  SEKISHO_RETURN_IF_ERROR(read_primary(prim, options, drafts, index));

  using Reader = Status (*)(const Table&, std::unordered_map<long, size_t>&, std::vector<Draft>&, std::string_view);
  struct Step {
    const fs::path& path;
    std::span<const std::string_view> fields;
    Reader read;
  };
  // Comments first: they complete the Remarks parsed below.
  const Step steps[] = {{files[3], kCommentFields, read_comments},
                        {files[1], kAddFields, read_addresses},
                        {files[2], kAltFields, read_aliases}};
  for (const Step& step : steps) {
    if (step.path.empty()) continue;
    SEKISHO_ASSIGN_OR_RETURN(Table t, load_table(step.path, step.fields));
    out.files.push_back(t.file->meta);
    SEKISHO_RETURN_IF_ERROR(step.read(t, index, drafts, layout.prim));
  }

  out.entities.reserve(drafts.size());
  for (Draft& d : drafts) {
    apply_ofac_remarks(d.remarks, d.entity);
    out.entities.push_back(std::move(d.entity));
  }
  return out;
}

}  // namespace

Result<ParsedList> parse_ofac_sdn_csv(const Paths& paths, const ParseOptions& options) {
  return parse_set(paths, options, {"ofac-csv", "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"});
}

Result<ParsedList> parse_ofac_cons_csv(const Paths& paths, const ParseOptions& options) {
  return parse_set(paths, options,
                   {"ofac-cons-csv", "cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"});
}

}  // namespace sekisho::parsers
