"""The HTTP API over a synthetic store: every endpoint, filters, paging, errors, tokens, limits, injection."""

from __future__ import annotations

import csv
import io
import json
import threading

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventscope.api import ServerConfig, create_app
from eventscope.api.synthetic import build_store
from eventscope.store.query import type_families

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "events.duckdb"
    build_store(str(path), 400, seed=11)
    return path


@pytest.fixture(scope="module")
def client(store_path):
    return TestClient(create_app(ServerConfig(db=str(store_path), token=TOKEN)))


@pytest.fixture(scope="module")
def all_events(store_path):
    con = duckdb.connect(str(store_path), read_only=True)
    cols = [
        "event_id",
        "event_type",
        "actor1_country",
        "actor2_country",
        "country",
        "date",
        "confidence",
        "mentions",
        "modality",
        "negated",
        "lat",
        "lon",
        "actor1_name",
        "actor2_name",
        "first_doc_id",
    ]
    rows = [dict(zip(cols, r, strict=True)) for r in con.execute(f"SELECT {', '.join(cols)} FROM events").fetchall()]
    con.close()
    return rows


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code, body
    assert body["error"]["message"]
    return body


# -- events: filters, sort, paging -----------------------------------------------------------------------


def test_events_total_and_page(client, all_events):
    page = client.get("/events", params={"limit": 7}).json()
    assert page["total"] == len(all_events)
    assert len(page["items"]) == 7
    dates = [item["date"] for item in page["items"]]
    assert dates == sorted(dates, reverse=True)
    first = page["items"][0]
    assert first["doc_title"].startswith("Synthetic report")
    assert first["sentence"] and first["actor1_name"] in first["sentence"]
    assert first["family"] == type_families()[first["event_type"]]


def test_cursor_walks_every_event_once(client, all_events):
    seen, cursor = [], None
    while True:
        params = {"limit": 90, "sort": "confidence"}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/events", params=params).json()
        seen += [item["event_id"] for item in page["items"]]
        confidences = [item["confidence"] for item in page["items"]]
        assert confidences == sorted(confidences)
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(e["event_id"] for e in all_events)


@pytest.mark.parametrize(
    ("params", "keep"),
    [
        ({"type": "ASSAULT"}, lambda e: e["event_type"] == "ASSAULT"),
        ({"type": ["ASSAULT", "CONSULT"]}, lambda e: e["event_type"] in ("ASSAULT", "CONSULT")),
        ({"family": "verbal_cooperation"}, lambda e: type_families()[e["event_type"]] == "verbal_cooperation"),
        ({"actor_country": "IRQ"}, lambda e: e["actor1_country"] == "IRQ"),
        ({"recipient_country": "pol"}, lambda e: e["actor2_country"] == "POL"),
        ({"country": "MLI"}, lambda e: "MLI" in (e["country"], e["actor1_country"], e["actor2_country"])),
        ({"actor": "taliban"}, lambda e: "taliban" in f"{e['actor1_name']}|{e['actor2_name']}".lower()),
        (
            {"since": "2024-02-01", "until": "2024-02-29"},
            lambda e: "2024-02-01" <= e["date"].isoformat() <= "2024-02-29",
        ),
        ({"modality": "future"}, lambda e: e["modality"] == "future"),
        ({"negated": "true"}, lambda e: e["negated"]),
        ({"min_confidence": 0.7}, lambda e: e["confidence"] >= 0.7),
        ({"min_mentions": 2}, lambda e: e["mentions"] >= 2),
        ({"bbox": "40,25,50,35"}, lambda e: 25 <= e["lat"] <= 35 and 40 <= e["lon"] <= 50),
    ],
)
def test_filters_match_a_direct_count(client, all_events, params, keep):
    expected = {e["event_id"] for e in all_events if keep(e)}
    assert expected, "the synthetic store should have events for every filter"
    page = client.get("/events", params={**params, "limit": 500}).json()
    assert page["total"] == len(expected)
    assert {item["event_id"] for item in page["items"]} == expected


def test_near_place_and_text_filters(client):
    near = client.get("/events", params={"near": "31.83,47.14,60", "limit": 500}).json()
    assert near["total"] > 0 and all(item["place"] in ("Amarah", "Basrah") for item in near["items"])
    place = client.get("/events", params={"place": "amar", "limit": 500}).json()
    assert place["total"] > 0 and {item["place"] for item in place["items"]} == {"Amarah"}
    text = client.get("/events", params={"q": "protested against", "limit": 500}).json()
    assert text["total"] > 0 and all("protested against" in item["sentence"] for item in text["items"])


def test_document_filter(client, all_events):
    doc_id = all_events[0]["first_doc_id"]
    page = client.get("/events", params={"doc_id": doc_id, "limit": 500}).json()
    assert page["total"] == sum(e["first_doc_id"] == doc_id for e in all_events)


# -- one event, one document ------------------------------------------------------------------------------


def test_event_detail_has_every_report_and_sentence(client, all_events):
    event_id = all_events[3]["event_id"]
    event = client.get(f"/events/{event_id}").json()
    assert event["event_id"] == event_id
    report = event["reports"][0]
    assert report["title"].startswith("Synthetic report") and report["url"].startswith("https://")
    assert event["trigger"]["text"] in report["sentence"]
    _error(client.get("/events/0000000000000000"), 404, "event_not_found")
    _error(client.get("/events/bad id;drop"), 422, "invalid_request")


def test_document_with_annotations(client, all_events):
    doc_id = all_events[0]["first_doc_id"]
    record = client.get(f"/documents/{doc_id}").json()
    assert record["doc_id"] == doc_id
    for event in record["events"]:
        assert record["text"][event["trigger"]["start"] : event["trigger"]["end"]] == event["trigger"]["text"]
    _error(client.get("/documents/ffffffffffffffff"), 404, "document_not_found")


# -- aggregates, ontology, exports ---------------------------------------------------------------------------


def test_actors_counts(client, all_events):
    items = client.get("/actors", params={"limit": 1000}).json()["items"]
    by_name: dict[str, int] = {}
    for item in items:
        by_name[item["name"]] = by_name.get(item["name"], 0) + item["events"]
    name = all_events[0]["actor1_name"]
    expected = sum(e["actor1_name"] == name for e in all_events) + sum(e["actor2_name"] == name for e in all_events)
    assert by_name[name] == expected


def test_stats_counts(client, all_events):
    stats = client.get("/stats").json()
    assert stats["events"] == len(all_events)
    assert sum(row["count"] for row in stats["by_type"]) == len(all_events)
    assert sum(row["count"] for row in stats["by_day"]) == len(all_events)
    per_family_day = sum(v for row in stats["by_family_day"] for k, v in row.items() if k != "date")
    assert per_family_day == len(all_events)
    assert stats["dyads"] and all(d["count"] >= 1 for d in stats["dyads"])
    filtered = client.get("/stats", params={"type": "ASSAULT"}).json()
    assert [row["event_type"] for row in filtered["by_type"]] == ["ASSAULT"]


def test_ontology(client):
    onto = client.get("/ontology").json()
    names = {t["name"] for t in onto["types"]}
    assert {"ASSAULT", "CONSULT", "PROTEST"} <= names and len(names) == 16
    assert all(t["definition"] for t in onto["types"])
    assert onto["contexts"] and all(c["definition"] for c in onto["contexts"])


def test_geojson_and_csv_share_filters(client, all_events):
    expected = {e["event_id"] for e in all_events if e["event_type"] == "COERCE"}
    geo = client.get("/events.geojson", params={"type": "COERCE"})
    assert geo.headers["content-type"].startswith("application/geo+json")
    features = geo.json()["features"]
    assert {f["id"] for f in features} == expected
    lon, lat = features[0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    text = client.get("/events.csv", params={"type": "COERCE"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["event_id"] for r in rows} == expected
    assert all(r["doc_title"] and r["doc_url"] and r["sentence"] for r in rows)


def test_openapi_docs(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/code",
        "/events",
        "/events/{event_id}",
        "/documents/{doc_id}",
        "/actors",
        "/stats",
        "/ontology",
        "/events.geojson",
        "/events.csv",
    } <= set(paths)


def test_index_page_is_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "eventscope" in page.text
    assert client.get("/static/vendor/countries-50m.json").json()["type"] == "Topology"


# -- bad requests ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"sort": "date; DROP TABLE events"}, 422, "invalid_request"),
        ({"sort": "event_id"}, 400, "bad_query"),
        ({"type": "NOT_A_TYPE"}, 400, "bad_query"),
        ({"family": "friendly"}, 400, "bad_query"),
        ({"since": "yesterday"}, 400, "bad_query"),
        ({"bbox": "1,2,3"}, 400, "bad_query"),
        ({"bbox": "0,50,10,40"}, 400, "bad_query"),
        ({"near": "91,0,10"}, 400, "bad_query"),
        ({"limit": 0}, 422, "invalid_request"),
        ({"limit": 100000}, 422, "invalid_request"),
        ({"min_confidence": 2}, 422, "invalid_request"),
        ({"modality": "maybe"}, 422, "invalid_request"),
        ({"cursor": "not-a-cursor"}, 400, "bad_query"),
    ],
)
def test_bad_queries_are_json_errors(client, params, status, code):
    _error(client.get("/events", params=params), status, code)


def test_cursor_from_another_sort_is_refused(client):
    cursor = client.get("/events", params={"limit": 5, "sort": "date"}).json()["next_cursor"]
    _error(client.get("/events", params={"cursor": cursor, "sort": "-mentions"}), 400, "bad_query")


@pytest.mark.parametrize(
    "value",
    [
        "' OR 1=1 --",
        "x'); DROP TABLE events; --",
        "%' UNION SELECT doc_id FROM documents --",
        '\\"; SELECT 1',
    ],
)
def test_injection_attempts_match_nothing_and_change_nothing(client, store_path, all_events, value):
    for name in ("actor", "place", "q", "mode", "context", "doc_id"):
        page = client.get("/events", params={name: value})
        assert page.status_code == 200, page.text
        assert page.json()["total"] == 0
    _error(client.get("/events", params={"country": value}), 422, "invalid_request")
    assert client.get("/stats", params={"actor": value}).json()["events"] == 0
    assert client.get("/events").json()["total"] == len(all_events)


def test_unknown_route_and_method(client):
    _error(client.get("/nowhere"), 404, "not_found")
    _error(client.delete("/events"), 405, "method_not_allowed")


# -- writes: token, size, batch --------------------------------------------------------------------------------


def test_code_needs_the_token(client):
    body = {"text": "Rebels attacked an army base near Kidal on Tuesday."}
    _error(client.post("/code", json=body), 401, "token_missing")
    _error(client.post("/code", json=body, headers={"Authorization": "Bearer wrong"}), 401, "token_invalid")


def test_writes_refused_without_a_configured_token(store_path):
    bare = TestClient(create_app(ServerConfig(db=str(store_path), token=None)))
    _error(bare.post("/code", json={"text": "x"}, headers={"Authorization": "Bearer anything"}), 403, "writes_disabled")
    assert bare.get("/events").status_code == 200  # reads stay open on loopback


def test_oversized_body_and_batch(store_path):
    small = TestClient(create_app(ServerConfig(db=str(store_path), token=TOKEN, max_body_bytes=1000, max_batch=2)))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    _error(small.post("/code", json={"text": "x" * 5000}, headers=auth), 413, "body_too_large")
    chunks = (b"x" * 600 for _ in range(3))  # no Content-Length: counted while streaming
    _error(
        small.post("/code", content=chunks, headers={**auth, "Content-Type": "application/json"}), 413, "body_too_large"
    )
    batch = {"documents": [{"text": "a."}, {"text": "b."}, {"text": "c."}]}
    _error(small.post("/code", json=batch, headers=auth), 413, "batch_too_large")


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": "a", "documents": [{"text": "b"}]},
        {"documents": []},
        {"documents": [{"title": "no text"}]},
        {"documents": [{"text": "a", "html": "<p>b</p>"}]},
    ],
)
def test_malformed_code_bodies(client, body):
    _error(client.post("/code", json=body, headers={"Authorization": f"Bearer {TOKEN}"}), 422, "invalid_request")


def test_not_json_body(client):
    response = client.post(
        "/code", content=b"{not json", headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    )
    _error(response, 422, "invalid_request")


def test_remote_reads_need_public(store_path):
    remote = TestClient(create_app(ServerConfig(db=str(store_path))), client=("203.0.113.9", 5000))
    _error(remote.get("/events"), 403, "not_public")
    public = TestClient(create_app(ServerConfig(db=str(store_path), public=True)), client=("203.0.113.9", 5000))
    assert public.get("/events").status_code == 200
    _error(public.post("/code", json={"text": "x"}), 403, "writes_disabled")


# -- the store being written by another process ------------------------------------------------------------------


def test_locked_store_answers_503(tmp_path):
    path = tmp_path / "locked.duckdb"
    build_store(str(path), 10)
    app = create_app(ServerConfig(db=str(path)))
    # a writer in another process holds DuckDB's lock: simulate with a child process keeping it open
    import subprocess
    import sys

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); time.sleep(30)"),
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        response = TestClient(app).get("/events")
        body = _error(response, 503, "store_locked")
        assert "another process" in body["error"]["message"]
        assert response.headers["retry-after"]
    finally:
        holder.kill()
        holder.wait()
    assert TestClient(app).get("/events").json()["total"] == 10  # readable again once the writer is gone


def test_missing_store(tmp_path):
    _error(
        TestClient(create_app(ServerConfig(db=str(tmp_path / "none.duckdb")))).get("/events"), 503, "store_unavailable"
    )


def test_concurrent_reads_share_the_store(client, all_events):
    totals: list[int] = []

    def read() -> None:
        for _ in range(5):
            totals.append(client.get("/events", params={"limit": 3}).json()["total"])

    threads = [threading.Thread(target=read) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert totals == [len(all_events)] * 30


# -- coding through the API (real pipeline) ---------------------------------------------------------------------------


def test_code_text_and_store_it(tmp_path, pipeline):
    path = tmp_path / "coded.duckdb"
    build_store(str(path), 5)
    app = create_app(ServerConfig(db=str(path), token=TOKEN, pipeline=pipeline))
    api = TestClient(app)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = (
        "Rebels attacked an army base near Kidal on Tuesday, killing four soldiers. "
        "The defence minister condemned the attack."
    )
    response = api.post(
        "/code", json={"text": text, "date": "2024-03-12", "title": "Kidal base attacked"}, headers=auth
    )
    assert response.status_code == 200, response.text
    record = response.json()["records"][0]
    assert record["text"] == text and record["title"] == "Kidal base attacked" and record["error"] is None
    assert response.json()["stored"] == 0
    assert api.get(f"/documents/{record['doc_id']}").status_code == 404
    stored = api.post("/code", json={"text": text, "date": "2024-03-12", "store": True}, headers=auth).json()
    assert stored["stored"] == 1
    assert api.get(f"/documents/{record['doc_id']}").json()["text"] == text
    ids = {e["event_id"] for e in stored["records"][0]["events"]}
    listed = api.get("/events", params={"doc_id": record["doc_id"], "limit": 500}).json()
    assert {item["event_id"] for item in listed["items"]} == ids


def test_code_batch_and_html(client, pipeline, store_path):
    app = create_app(ServerConfig(db=str(store_path), token=TOKEN, pipeline=pipeline))
    html = (
        "<html><head><title>Talks in Doha</title></head><body><nav>Home | World</nav><article><p>"
        "Afghan and Pakistani officials met in Doha on Monday to discuss the border.</p></article></body></html>"
    )
    body = {"documents": [{"html": html, "date": "2024-03-12"}, {"text": "   "}]}
    result = TestClient(app).post("/code", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).json()
    first, second = result["records"]
    assert "Home | World" not in first["text"] and "Doha" in first["text"]
    assert second["error"] and second["error"].startswith("[E101]")
    json.dumps(result)  # the record contract is plain JSON
