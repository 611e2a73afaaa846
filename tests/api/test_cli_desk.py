"""The command-line side of the desk: show filters, stats, exports from JSONL or the store."""

from __future__ import annotations

import csv
import json

import pytest

from eventscope.api.synthetic import build_store, synthetic_documents
from eventscope.cli import main
from eventscope.records import record_to_dict
from eventscope.store.export import admin1_code


@pytest.fixture(scope="module")
def coded(tmp_path_factory):
    """The same synthetic records as a JSONL output and as a store."""
    folder = tmp_path_factory.mktemp("cli")
    records = list(synthetic_documents(60, seed=5))
    jsonl = folder / "coded.jsonl"
    jsonl.write_text("".join(json.dumps(record_to_dict(r)) + "\n" for r in records), encoding="utf-8")
    db = folder / "coded.duckdb"
    build_store(str(db), 60, seed=5)
    return {"jsonl": jsonl, "db": db, "records": records, "folder": folder}


def _events(records):
    return [e for r in records for e in r.events]


@pytest.mark.parametrize("source", ["jsonl", "db"])
def test_export_csv_carries_document_title_url_and_sentence(coded, source):
    out = coded["folder"] / f"events-{source}.csv"
    args = [str(coded["jsonl"])] if source == "jsonl" else ["--db", str(coded["db"])]
    assert main(["export", *args, "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    by_id = {e.event_id: (r, e) for r in coded["records"] for e in r.events}
    assert {row["event_id"] for row in rows} == set(by_id)
    for row in rows:
        record, event = by_id[row["event_id"]]
        assert row["doc_title"] == record.title and row["doc_url"] == record.url
        assert row["sentence"] == record.text[event.sentence.start : event.sentence.end]


def test_export_geojson_and_cameo(coded):
    geo = coded["folder"] / "events.geojson"
    assert main(["export", str(coded["jsonl"]), "--format", "geojson", "-o", str(geo)]) == 0
    collection = json.loads(geo.read_text())
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == len(_events(coded["records"]))
    feature = collection["features"][0]
    assert feature["geometry"]["coordinates"] == [feature["properties"]["lon"], feature["properties"]["lat"]]

    cameo = coded["folder"] / "events.cameo.csv"
    assert main(["export", "--db", str(coded["db"]), "--format", "cameo", "-o", str(cameo)]) == 0
    rows = list(csv.DictReader(cameo.open(encoding="utf-8")))
    urls = {r.url for r in coded["records"]}
    assert rows and all(row["SOURCEURL"] in urls for row in rows)
    amarah = [row for row in rows if row["ActionGeo_FullName"] == "Amarah"]
    assert amarah and {row["ActionGeo_ADM1Code"] for row in amarah} == {admin1_code("IRQ", "Maysan")}


def test_admin1_codes_come_from_the_geonames_table():
    assert admin1_code("IRQ", "Maysan") == "IQ.14"
    assert admin1_code("IRQ", "maysan") == "IQ.14"
    assert admin1_code("IRQ", "Nowhere") is None and admin1_code(None, "Maysan") is None


def test_show_filters_and_n_of_m(coded, capsys):
    events = _events(coded["records"])
    wanted = [
        e
        for e in events
        if e.event_type == "ASSAULT" and "IRQ" in {e.location.country, e.actor1.country, e.actor2.country}
    ]
    assert wanted
    assert main(["show", str(coded["jsonl"]), "--type", "assault", "--country", "IRQ", "--all", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert f"1 of {len(wanted)} events" in out
    assert "document" in out and "Synthetic report" in out
    since = max(e.date for e in events)
    assert main(["show", "--db", str(coded["db"]), "--since", since, "--actor", "iran", "--all"]) == 0
    expected = sum(e.date >= since and any("iran" in a.name.lower() for a in (e.actor1, e.actor2)) for e in events)
    assert f"{expected} of {expected} events" in capsys.readouterr().out


def test_stats_counts(coded, capsys):
    assert main(["stats", str(coded["jsonl"])]) == 0
    out = capsys.readouterr().out
    events = _events(coded["records"])
    assert out.startswith(f"{len(events)} events")
    assert "events by type" in out and "events by country" in out and "events by day" in out
