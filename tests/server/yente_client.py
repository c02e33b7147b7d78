#!/usr/bin/env python3
"""Drives sekisho's yente-compatible routes the way a yente user's code does:
catalog, entities, /match (query by example) and /search.

Usage: yente_client.py BASE_URL API_KEY ENTITY_ID EXPECTED_CAPTION
Prints one line per check and exits non-zero on the first failure.
"""
import sys

import requests


def main() -> int:
    base, key, entity_id, caption = sys.argv[1:5]
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {key}"

    # A yente client first reads the catalog to see which datasets are loaded.
    resp = session.get(f"{base}/catalog", timeout=10)
    resp.raise_for_status()
    catalog = resp.json()
    names = [ds["name"] for ds in catalog["datasets"]]
    assert "default" in names, names
    default = next(ds for ds in catalog["datasets"] if ds["name"] == "default")
    for child in default["children"]:
        assert child in names, (child, names)
    for ds in catalog["datasets"]:
        for field in ("name", "title", "load", "version", "children"):
            assert field in ds, (field, ds)
    assert set(catalog["current"]) == set(names), catalog["current"]
    assert catalog["outdated"] == [] and catalog["index_stale"] is False
    print("catalog ok:", ", ".join(names))

    # Then fetches an entity by id and reads FtM properties.
    resp = session.get(f"{base}/entities/{entity_id}", timeout=10)
    resp.raise_for_status()
    entity = resp.json()
    assert entity["id"] == entity_id, entity
    assert entity["caption"] == caption, entity["caption"]
    assert entity["schema"] in ("Person", "Company", "Organization", "LegalEntity", "Vessel", "Aircraft")
    props = entity["properties"]
    assert caption in props.get("name", []), props
    assert all(isinstance(v, list) for v in props.values()), props
    assert entity["datasets"] and entity["datasets"][0] in names, entity["datasets"]
    print("entity ok:", entity["id"], entity["schema"], props.get("name"))

    # A missing id is a 404 with yente's "detail" message.
    resp = session.get(f"{base}/entities/{entity_id}-does-not-exist", timeout=10)
    assert resp.status_code == 404, resp.status_code
    assert "detail" in resp.json() and resp.json()["error"]["code"] == "not_found"
    try:
        resp.raise_for_status()
        raise AssertionError("raise_for_status did not raise on 404")
    except requests.HTTPError:
        pass

    # Query by example, as yente's matching tutorial does: a batch keyed by the
    # caller's own ids, FtM schema and properties, limit and threshold in the URL.
    query = {
        "queries": {
            "customer-1": {"schema": "Person", "properties": {"name": [caption]}},
            "customer-2": {"schema": "Company", "properties": {"name": ["Xqzv Plorptu Wembrin Holdings"]}},
        }
    }
    resp = session.post(f"{base}/match/default", json=query, params={"limit": 3, "algorithm": "best"}, timeout=10)
    resp.raise_for_status()
    body = resp.json()
    assert body["limit"] == 3, body["limit"]
    assert set(body["responses"]) == {"customer-1", "customer-2"}, body["responses"].keys()
    hit = body["responses"]["customer-1"]
    assert hit["status"] == 200 and hit["total"]["relation"] == "eq", hit
    assert hit["results"], hit
    top = hit["results"][0]
    assert top["id"] == entity_id and top["match"] is True, top
    assert 0 < top["score"] <= 1 and "name_match" in top["features"], top
    assert all(isinstance(v, list) for v in top["properties"].values()), top["properties"]
    assert body["responses"]["customer-2"]["results"] == [], body["responses"]["customer-2"]
    print("match ok:", top["id"], top["score"])

    # The same through a single dataset, and the errors yente gives.
    dataset = entity["datasets"][0]
    resp = session.post(f"{base}/match/{dataset}", json=query, timeout=10)
    resp.raise_for_status()
    assert resp.json()["responses"]["customer-1"]["results"][0]["id"] == entity_id
    resp = session.post(f"{base}/match/no-such-dataset", json=query, timeout=10)
    assert resp.status_code == 404, resp.status_code
    resp = session.post(f"{base}/match/default", json=query, params={"algorithm": "no-such-algo"}, timeout=10)
    assert resp.status_code == 400 and "algorithm" in resp.json()["detail"], resp.text

    # Text search, paged as yente pages it.
    resp = session.get(f"{base}/search/default", params={"q": caption, "limit": 5}, timeout=10)
    resp.raise_for_status()
    found = resp.json()
    assert found["limit"] == 5 and found["offset"] == 0, found
    assert found["results"] and found["results"][0]["id"] == entity_id, found["results"]
    assert found["total"]["value"] >= len(found["results"]), found["total"]
    print("search ok:", found["total"]["value"], "results")

    # Without the key the same call is refused, not silently answered.
    resp = requests.get(f"{base}/entities/{entity_id}", timeout=10)
    assert resp.status_code == 401, resp.status_code
    print("errors ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
