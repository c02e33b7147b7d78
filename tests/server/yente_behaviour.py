#!/usr/bin/env python3
"""Issue 20 §5: sekisho behaves as yente does, not only in its field names.

Drives a running `sekisho serve` with Python `requests` in the request shapes
of yente's documentation (POST /match/{dataset} with {"queries": {...}},
GET /search/{dataset}, GET /entities/{id}, GET /catalog) over the lists that
tests/server/yente_behaviour_test.cpp stores. Prints one line per behaviour
checked and exits non-zero at the first that does not hold.

Usage: yente_behaviour.py BASE_URL SCREENER_KEY ANALYST_KEY
"""
import sys
import time

import requests

KALASHNIKOV_OS = "NK-kalashnikov00000000001"
KALASHNIKOV_OFAC = "us_ofac_sdn-20295"
SMUGGLER = "NK-smuggler000000000000001"


def main() -> int:
    base, key, analyst = sys.argv[1:4]
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {key}"

    def match(dataset, queries, **params):
        resp = s.post(f"{base}/match/{dataset}", json={"queries": queries}, params=params, timeout=30)
        assert resp.status_code == 200, (dataset, params, resp.status_code, resp.text)
        return resp.json()["responses"]

    def results(dataset, example, **params):
        return match(dataset, {"q": example}, **params)["q"]["results"]

    def refused(method, path, param, **kwargs):
        resp = s.request(method, f"{base}{path}", timeout=30, **kwargs)
        assert resp.status_code == 400, (path, kwargs, resp.status_code, resp.text)
        assert param in resp.json()["detail"], (param, resp.json())

    kalashnikov = {"schema": "Company", "properties": {"name": ["Kalashnikov Concern"]}}
    petrov = {"schema": "Person", "properties": {"name": ["Ivan Petrov"]}}

    deadline = time.time() + 60
    while s.get(f"{base}/readyz", timeout=10).status_code != 200:
        assert time.time() < deadline, "server never became ready"
        time.sleep(0.2)
    print("ready")

    # Collections: default, sanctions, and one per list, as /catalog lists them.
    catalog = s.get(f"{base}/catalog", timeout=10).json()
    by_name = {ds["name"]: ds for ds in catalog["datasets"]}
    assert {"default", "sanctions", "us_ofac_sdn", "jp_meti_eul", "opensanctions"} <= set(by_name), by_name.keys()
    assert "jp_meti_eul" not in by_name["sanctions"]["children"], by_name["sanctions"]
    assert {"us_ofac_sdn", "jp_mof_sanctions", "un_sc_sanctions", "opensanctions"} == set(
        by_name["sanctions"]["children"]), by_name["sanctions"]["children"]
    assert by_name["jp_meti_eul"]["topics"] == ["export.control"], by_name["jp_meti_eul"]
    assert by_name["us_ofac_sdn"]["topics"] == ["sanction"], by_name["us_ofac_sdn"]
    # yente's usual collection answers; the METI End User List is not in it.
    hits = results("sanctions", kalashnikov, group="false")
    assert hits and all("jp_meti_eul" not in h["datasets"] for h in hits), hits
    assert all("sanction" in h["properties"]["topics"] for h in hits), hits
    resp = s.post(f"{base}/match/no-such-collection", json={"queries": {"q": kalashnikov}}, timeout=10)
    assert resp.status_code == 404, resp.status_code
    print("collections ok")

    # Ids: OpenSanctions entities keep their FollowTheMoney id; the list-prefixed id works too.
    e = s.get(f"{base}/entities/{SMUGGLER}", timeout=10)
    assert e.status_code == 200, e.text
    assert e.json()["id"] == SMUGGLER, e.json()["id"]
    e2 = s.get(f"{base}/entities/opensanctions-{SMUGGLER}", timeout=10).json()
    assert e2["id"] == SMUGGLER, e2["id"]
    top = results("opensanctions", {"schema": "Person", "properties": {"name": ["Viktor Lotsmanov"]}})[0]
    assert top["id"] == SMUGGLER, top["id"]
    print("ids ok")

    # Countries are ISO codes, as in FollowTheMoney; the publisher's words stay in the source record.
    ofac = s.get(f"{base}/entities/{KALASHNIKOV_OFAC}", params={"group": "false"}, timeout=10).json()
    assert ofac["id"] == KALASHNIKOV_OFAC, ofac["id"]
    assert ofac["properties"]["country"] == ["ru"], ofac["properties"]
    raw = s.get(f"{base}/v1/entities/{KALASHNIKOV_OFAC}", timeout=10).json()
    assert "Russia" in raw["raw"], raw
    found = s.get(f"{base}/search/default", params={"q": "Kalashnikov Concern", "countries": "ru"}, timeout=10).json()
    assert found["results"], found
    same = s.get(f"{base}/search/default", params={"q": "Kalashnikov Concern", "countries": "Russia"}, timeout=10).json()
    assert [r["id"] for r in same["results"]] == [r["id"] for r in found["results"]], (same, found)
    elsewhere = s.get(f"{base}/search/default", params={"q": "Kalashnikov Concern", "countries": "fr"}, timeout=10)
    assert elsewhere.json()["results"] == [], elsewhere.json()
    refused("GET", "/search/default", "countries", params={"q": "Kalashnikov", "countries": "Atlantis"})
    print("countries ok")

    # Topics by list kind, and the `topics` filter.
    eul = results("jp_meti_eul", kalashnikov, group="false")
    assert eul and eul[0]["properties"]["topics"] == ["export.control"], eul
    assert results("default", kalashnikov, topics="role.pep") == []
    assert results("default", petrov, topics="role.pep") == []
    export = results("default", kalashnikov, topics="export.control", group="false")
    assert {h["datasets"][0] for h in export} == {"jp_meti_eul", "opensanctions"}, export
    smuggler = results("default", {"schema": "Person", "properties": {"name": ["Viktor Lotsmanov"]}},
                       topics="crime.traffick")
    assert [h["id"] for h in smuggler] == [SMUGGLER], smuggler
    refused("POST", "/match/default", "topics", params={"topics": "Sanction List"}, json={"queries": {"q": petrov}})
    print("topics ok")

    # exclude_schema and exclude_entity_ids, with either id.
    assert results("default", kalashnikov, exclude_schema="Company") == []
    assert results("default", kalashnikov, exclude_schema="Organization") == []  # a Company is an Organization
    assert results("default", kalashnikov, exclude_schema="Person")
    refused("POST", "/match/default", "exclude_schema", params={"exclude_schema": "Spaceship"},
            json={"queries": {"q": kalashnikov}})
    for excluded in (KALASHNIKOV_OS, KALASHNIKOV_OFAC):
        left = results("default", kalashnikov, exclude_entity_ids=excluded)
        assert all(h["id"] != KALASHNIKOV_OS for h in left), (excluded, left)
    left = results("default", kalashnikov, exclude_entity_ids=KALASHNIKOV_OFAC, group="false")
    assert KALASHNIKOV_OFAC not in [h["id"] for h in left] and left, left
    print("filters ok")

    # first_seen and last_change from the version history; changed_since filters on last_change.
    ofac_v2 = by_name["us_ofac_sdn"]["updated_at"]
    assert ofac["first_seen"] and ofac["last_change"] == ofac_v2 and ofac["first_seen"] < ofac_v2, ofac
    ivan = s.get(f"{base}/entities/us_ofac_sdn-9001", params={"group": "false"}, timeout=10).json()
    assert ivan["first_seen"] == ivan["last_change"] < ofac_v2, ivan
    recent = results("us_ofac_sdn", petrov, changed_since=ofac_v2, group="false")
    assert recent == [], recent
    assert results("us_ofac_sdn", petrov, changed_since=ivan["last_change"], group="false")
    assert results("us_ofac_sdn", kalashnikov, changed_since=ofac_v2, group="false")
    assert results("default", kalashnikov, changed_since="2999-01-01") == []
    refused("POST", "/match/default", "changed_since", params={"changed_since": "last tuesday"},
            json={"queries": {"q": kalashnikov}})
    print("history ok")

    # Grouping: one result per party (on for yente routes), with every list it is on.
    grouped = results("default", kalashnikov)
    assert len(grouped) == 1, [h["id"] for h in grouped]
    k = grouped[0]
    assert k["id"] == KALASHNIKOV_OS, k["id"]
    assert set(k["datasets"]) == {"us_ofac_sdn", "jp_mof_sanctions", "jp_meti_eul", "opensanctions"}, k["datasets"]
    assert set(k["referents"]) == {KALASHNIKOV_OFAC, "jp_mof_sanctions-RU-123", "jp_meti_eul-512"}, k["referents"]
    assert {"sanction", "export.control"} <= set(k["properties"]["topics"]), k["properties"]["topics"]
    copies = results("default", kalashnikov, group="false")
    assert len(copies) == 4, [h["id"] for h in copies]
    # An entity fetched by any member's id is the party's merged entity.
    merged = s.get(f"{base}/entities/{KALASHNIKOV_OFAC}", timeout=10).json()
    assert merged["id"] == KALASHNIKOV_OS and set(merged["datasets"]) == set(k["datasets"]), merged
    # The same name alone does not group: OFAC's and the UN's Ivan Petrov agree on
    # the birth date (1960, 1960-05-17), MOF's was born in 1971.
    people = results("default", petrov)
    assert len(people) == 2, [(h["id"], h["datasets"]) for h in people]
    assert sorted(len(h["datasets"]) for h in people) == [1, 2], people
    lone = next(h for h in people if len(h["datasets"]) == 1)
    assert lone["datasets"] == ["jp_mof_sanctions"], lone
    refused("POST", "/match/default", "group", params={"group": "maybe"}, json={"queries": {"q": petrov}})
    print("grouping ok")

    # OFAC's website entries are websites, not identity numbers.
    assert ofac["properties"]["website"] == ["kalashnikovgroup.ru"], ofac["properties"]
    assert "kalashnikovgroup.ru" not in ofac["properties"].get("idNumber", []), ofac["properties"]
    assert ofac["properties"]["registrationNumber"] == ["1111832000198"], ofac["properties"]
    print("websites ok")

    # sekisho's own API does not group by default: one match per list entry.
    screened = s.post(f"{base}/v1/screen", json={"name": "Kalashnikov Concern", "schema": "Company"}, timeout=10)
    assert screened.status_code == 200, screened.text
    lists = sorted(m["list"] for m in screened.json()["results"][0]["matches"])
    assert lists == ["jp_meti_eul", "jp_mof_sanctions", "opensanctions", "us_ofac_sdn"], lists
    print("v1 ungrouped ok")
    grouped_v1 = s.post(f"{base}/v1/screen", json={"name": "Kalashnikov Concern", "schema": "Company", "group": True},
                        timeout=10).json()["results"][0]["matches"]
    assert len(grouped_v1) == 1, grouped_v1
    assert sorted([grouped_v1[0]["list"]] + [m["list"] for m in grouped_v1[0]["same_party"]]) == lists, grouped_v1
    searched = s.get(f"{base}/v1/search", params={"q": "Ivan Petrov", "group": "true"}, timeout=10).json()["matches"]
    assert len(searched) == 2, searched
    print("v1 grouped ok")

    print("all ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
