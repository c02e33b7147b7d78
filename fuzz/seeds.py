#!/usr/bin/env python3
"""Writes the seed inputs of each fuzz target, at run time, from ../shared/data and the repo.

    fuzz/seeds.py OUT_DIR [TARGET...]     (default: every target; seeds go to OUT_DIR/TARGET/)

Seeds are small slices of the real files (the first records of a list, kept well formed), so
that mutations start from what the parsers meet in practice; nothing from the shared data is
committed. A target's input layout (a choice byte first, files joined by the part separator,
a policy file's name on the first line) is written by fuzz/*.cpp's header comments.
"""
import csv
import io
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("SEKISHO_SHARED_DATA", REPO.parent / "shared" / "data"))
FIXTURES = REPO / "tests" / "fixtures"
SEPARATOR = b"\n--8<--\n"  # fuzz/fuzz_input.hpp kPartSeparator


def head_lines(path, count):
    with open(path, "rb") as f:
        return b"".join(line for _, line in zip(range(count), f))


def xml_slice(path, keep):
    """The file with every run of same-tag siblings cut to `keep`, still well formed."""
    tree = ET.parse(path)
    for parent in tree.iter():
        seen = {}
        for child in list(parent):
            seen[child.tag] = seen.get(child.tag, 0) + 1
            if seen[child.tag] > keep:
                parent.remove(child)
    out = io.BytesIO()
    tree.write(out, encoding="utf-8", xml_declaration=True)
    return out.getvalue()


def ofac_set(folder, names, entries):
    """The first `entries` primary records of an OFAC CSV set and the rows that join them."""
    prim = head_lines(folder / names[0], entries)
    ids = {row[0] for row in csv.reader(io.StringIO(prim.decode("latin-1"))) if row}
    parts = [prim]
    for name in names[1:]:
        path = folder / name
        if not path.exists():
            break
        rows = [line for line in open(path, "rb") if line.split(b",", 1)[0].decode("latin-1") in ids]
        parts.append(b"".join(rows))
    return SEPARATOR.join(parts)


def spreadsheet_slice(path, keep_rows, keep_sheets=6):
    """An XLSX or ODS with each sheet's rows cut to `keep_rows`, and emptied after the first
    `keep_sheets` sheets (XLSX; the workbook still names them all)."""
    src = zipfile.ZipFile(path)
    sheets = {}
    for info in src.infolist():
        sheet = re.match(r"xl/worksheets/sheet(\d+)\.xml$", info.filename)
        if sheet:
            keep = keep_rows if int(sheet.group(1)) <= keep_sheets else 0
            sheets[info.filename] = re.sub(rb"(<row [^>]*r=\"(\d+)\".*?</row>)",
                                           lambda m: m.group(1) if int(m.group(2)) <= keep else b"",
                                           src.read(info), flags=re.S)
    # The shared strings the kept rows use, renumbered in order (the full table is most of the file).
    shared = re.findall(rb"<si>.*?</si>", src.read("xl/sharedStrings.xml"), flags=re.S) if sheets else []
    renumber = {}
    shared_cell = rb"(<c [^>]*t=\"s\"[^>]*><v>)(\d+)(</v>)"
    for data in sheets.values():
        for m in re.finditer(shared_cell, data):
            renumber.setdefault(int(m.group(2)), len(renumber))
    for name, data in sheets.items():
        sheets[name] = re.sub(shared_cell, lambda m: m.group(1) + str(renumber[int(m.group(2))]).encode() + m.group(3),
                              data)
    kept = sorted(renumber, key=renumber.get)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename in sheets:
                data = sheets[info.filename]
            elif info.filename == "xl/sharedStrings.xml":
                start = data[:data.index(b"<si>")] if b"<si>" in data else data
                start = re.sub(rb'(count|uniqueCount)="\d+"', lambda m: m.group(1) + b'="%d"' % len(kept), start)
                data = start + b"".join(shared[i] for i in kept) + b"</sst>"
            elif info.filename == "content.xml":
                count = [0]

                def keep(m):
                    count[0] += 1
                    return m.group(0) if count[0] <= keep_rows else b""
                data = re.sub(rb"<table:table-row\b.*?</table:table-row>", keep, data, flags=re.S)
            dst.writestr(info, data)
    return out.getvalue()


def read(path):
    return Path(path).read_bytes()


def golden_requests():
    out = []
    for path in sorted((REPO / "tests" / "rules" / "golden").glob("*.json")):
        request = json.loads(path.read_text()).get("request")
        if request is not None:
            out.append(json.dumps(request, ensure_ascii=False).encode())
    out.append(read(REPO / "tests" / "rules" / "fixtures" / "bad_request.json"))
    return out


def sample_names():
    """Names in many scripts: the name benchmark's pairs and the demo customers."""
    names = []
    with open(DATA / "nomenklatura_name_bench" / "cases.csv", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if i % 7 == 0:
                names += [row["name1"], row["name2"]]
    with open(REPO / "data" / "demo" / "customers.csv", newline="") as f:
        names += [row["name"] for row in csv.DictReader(f)]
    names += ["山田 太郎", "株式会社エグザンプル", "Владимир Путин", "Кисида Фумио", "محمد علي", "김정은",
              "ミロシェヴィッチ", "連邦保安庁", "Ζαχαρόβα", "OOO \"Ромашка\""]
    return [n for n in dict.fromkeys(names) if n]


def list_seeds():
    ofac_names = ["sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"]
    cons_names = ["cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"]
    fixture_sets = [sorted((FIXTURES / "ofac" / d).iterdir()) for d in ("bad_utf8", "empty", "orphan_alias")]
    return {
        "fuzz_list_ofac_csv": [ofac_set(DATA / "ofac/sdn_csv_2021-07", ofac_names, 25),
                               ofac_set(DATA / "ofac/sdn_csv_2019-01", ofac_names, 10),
                               head_lines(DATA / "ofac/invalid_watchman/sdn.csv", 5)]
                              + [SEPARATOR.join(read(p) for p in s) for s in fixture_sets if s],
        "fuzz_list_ofac_cons_csv": [ofac_set(DATA / "ofac/cons_csv_2025-12", cons_names, 25)],
        "fuzz_list_ofac_xml": [xml_slice(DATA / "ofac/cons_xml_2025-03-28/consolidated.xml", 4)],
        "fuzz_list_un_xml": [xml_slice(DATA / "un/consolidated_2026-02-27.xml", 3),
                             xml_slice(DATA / "un/consolidated_2025-04-19.xml", 2)],
        "fuzz_list_eu_fsf_xml": [read(FIXTURES / "eu/fsf_sample.xml")],
        "fuzz_list_uk_ods": [spreadsheet_slice(DATA / "uk/fcdo_uk_sanctions_list_summary_2025-08-11.ods", 12)],
        "fuzz_list_uk_csv": [read(FIXTURES / "uk/uk_sanctions_list_sample.csv")],
        "fuzz_list_canada_xml": [xml_slice(DATA / "canada/sema_consolidated_2025-05.xml", 5)],
        "fuzz_list_bis_dpl": [head_lines(DATA / "us_bis/dpl_2022-09.txt", 15),
                              head_lines(DATA / "us_bis/dpl_2019-07.txt", 8)],
        "fuzz_list_us_csl": [read(DATA / "us_csl/consolidated_sample_2025-06.csv"),
                             head_lines(DATA / "us_csl/csl_2019-12.csv", 12), read(FIXTURES / "csl/short_row.csv"),
                             read(DATA / "ofac/invalid_watchman/csl.csv")],
        "fuzz_list_ftm": [head_lines(DATA / "opensanctions/ftm/zala_entities.ftm.json", 15),
                          head_lines(DATA / "opensanctions/ftm/t1_entities.ftm.json", 10),
                          read(FIXTURES / "golden/jp_people.ftm.json"), read(FIXTURES / "ftm/broken_line.ftm.json")],
        "fuzz_list_ftm_delta": [head_lines(p, 12) for p in
                                sorted((DATA / "opensanctions/ftm/t2_deltas").glob("*/entities.delta.json"))],
        "fuzz_list_mof_xlsx": [spreadsheet_slice(DATA / "japan/mof_shisantouketsu_20260305.xlsx", 8)],
        "fuzz_list_meti_eul_xlsx": [spreadsheet_slice(DATA / "japan/meti_end_user_list_20250929.xlsx", 12)],
        "fuzz_list_meti_tokutei": [head_lines(DATA / "export-control" / f, 40) for f in
                                   ("jp_meti_250912_list_russia_tokutei.pdf.txt",
                                    "jp_meti_list_belarus_tokutei.pdf.txt",
                                    "jp_meti_250912_list_daisangoku_tokutei.pdf.txt")],
        "fuzz_list_senzing": [head_lines(DATA / "opensanctions/senzing/us_congress_senzing.json", 8),
                              read(DATA / "opensanctions/senzing/peps_senzing.json")],
        "fuzz_list_csv": [read(FIXTURES / "csv/inhouse.csv")],
    }


def seeds():
    out = list_seeds()
    # The Entity List and MEU formats read the CSL's rows of their own list.
    out["fuzz_list_us_csl_entity_list"] = out["fuzz_list_us_csl"]
    out["fuzz_list_us_csl_meu"] = out["fuzz_list_us_csl"]
    csvs = [(0, head_lines(DATA / "ofac/cons_csv_2025-12/cons_prim.csv", 10)),
            (1, head_lines(DATA / "us_bis/dpl_2022-09.txt", 10)),
            (0, read(FIXTURES / "uk/uk_sanctions_list_sample.csv")),
            (0, read(FIXTURES / "csv/inhouse.csv")),
            (2, head_lines(DATA / "opensanctions_curated/cn_countersanctions.csv", 10))]
    out["fuzz_csv"] = [bytes([flags]) + text for flags, text in csvs] + \
                      [bytes([4]) + head_lines(DATA / "ofac/sdn_csv_2021-07/sdn.csv", 10)]
    customers = read(REPO / "data/demo/customers.csv")
    out["fuzz_query_rows"] = [bytes([c]) + customers for c in (0, 8, 16)] + \
        [bytes([0]) + head_lines(DATA / "yente_candidate_generation/positives_un_untreated.csv", 10),
         bytes([0]) + customers.decode().encode("utf-16"), bytes([2]) + customers.decode().encode("shift_jis", errors="replace")]

    policies = REPO / "policies"
    out["fuzz_policy"] = [str(p.relative_to(policies)).encode() + b"\n" + read(p)
                          for p in sorted(policies.rglob("*.yaml"))] + \
                         [b"extra/" + p.name.encode() + b"\n" + read(p)
                          for p in sorted((REPO / "tests/rules/fixtures").glob("*.yaml"))]
    requests = golden_requests()
    out["fuzz_transfer_request"] = requests
    out["fuzz_route_transfer"] = requests

    names = sample_names()
    out["fuzz_text"] = [bytes([i % 256]) + n.encode() for i, n in enumerate(names)]
    with open(REPO / "data/demo/customers.csv", newline="") as f:
        parties = list(csv.DictReader(f))
    out["fuzz_route_screen"] = [json.dumps(p, ensure_ascii=False).encode() for p in parties[:6]] + [
        json.dumps({"parties": parties[:5], "threshold": 0.7, "limit": 3}, ensure_ascii=False).encode(),
        json.dumps({"parties": [{"id": "x", "name": "AARON ABRAHAM VILLA"}], "lists": ["us_bis_denied"]}).encode()]
    out["fuzz_route_match"] = [json.dumps({"queries": {f"q{i}": {"schema": "Person" if p.get("schema") == "Person"
                                                                   else "LegalEntity",
                                                                   "properties": {"name": [p["name"]],
                                                                                  "birthDate": [p.get("birth_date", "")],
                                                                                  "country": [p.get("country", "")]}}
                                                    for i, p in enumerate(parties[:3])}},
                                          ensure_ascii=False).encode(),
                               json.dumps({"queries": {"a": {"schema": "Person", "properties": {
                                   "firstName": ["Aaron"], "lastName": ["Villa"], "idNumber": ["26265-177"]}}}}).encode()]
    out["fuzz_route_parties"] = [
        json.dumps({"parties": [{k: v for k, v in p.items() if v and k in ("id", "name", "schema", "birth_date", "country")}
                                for p in parties[:4]], "screen": True},
                   ensure_ascii=False).encode(),
        json.dumps({"parties": [{"id": "c2", "names": ["AARON ABRAHAM VILLA", "A. VILLA"], "schema": "Person",
                                 "birth_date": "1970", "countries": ["US"], "tags": ["t"]}],
                    "replace_all": False, "screen": False}).encode()]
    out["fuzz_route_decision"] = [json.dumps({"state": s, "reason": "checked the birth date"}).encode()
                                  for s in ("escalated", "true_match", "false_positive", "closed")]
    mapping = read(FIXTURES / "csv/inhouse.mapping.yaml")
    out["fuzz_csv_mapping"] = [mapping, mapping + SEPARATOR + read(FIXTURES / "csv/inhouse.csv"),
                               b"id: id\nname: [first, last]\nschema: Person\n" + SEPARATOR +
                               b"id,first,last\n1,Ivan,Petrov\n"]
    reconcile = {f"q{i}": {"query": n, "type": "Person", "limit": 3} for i, n in enumerate(names[:4])}
    out["fuzz_route_reconcile"] = [json.dumps({"queries": reconcile}, ensure_ascii=False).encode(),
                                   b"queries=" + json.dumps(reconcile).encode().replace(b" ", b"+")]
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = Path(sys.argv[1])
    wanted = set(sys.argv[2:])
    for target, inputs in seeds().items():
        if wanted and target not in wanted:
            continue
        folder = root / target
        folder.mkdir(parents=True, exist_ok=True)
        for i, data in enumerate(inputs):
            (folder / f"seed-{i:03d}").write_bytes(data)


if __name__ == "__main__":
    main()
