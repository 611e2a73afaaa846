import csv
import json

import pyarrow.parquet as pq

from eventscope.records import (
    Actor,
    AnnotatedDocument,
    Event,
    EventLocation,
    Report,
    SentenceSpan,
    TextSpan,
)
from eventscope.store import EventStore, export


def _event(doc_id: str, event_id: str = "e1") -> Event:
    return Event(
        event_id=event_id,
        event_type="ASSAULT",
        mode="aerial",
        context=("military",),
        cameo="195",
        actor1=Actor(0, 5, "Rebels", "Rebels", None, "REB"),
        actor2=Actor(15, 20, "a town", None, None, None),
        claimed_by=None,
        location=EventLocation(15, 20, "Homs", 169577, "Homs", 34.73, 36.72, "SYR", "Homs", "PPLA", 0.9, "exact"),
        date="2020-01-01",
        date_precision="day",
        date_source="text",
        sentence=SentenceSpan(0, 30),
        trigger=TextSpan(7, 14, "shelled"),
        negated=False,
        modality="asserted",
        confidence=0.8,
        reports=(Report(doc_id, 0, 30),),
    )


def _doc(doc_id: str, events=(), duplicate_of=None) -> AnnotatedDocument:
    return AnnotatedDocument(
        doc_id=doc_id,
        title=None,
        date="2020-01-01",
        url=None,
        source=None,
        text="Rebels shelled Homs on Monday.",
        events=tuple(events),
        duplicate_of=duplicate_of,
    )


def test_same_event_reported_twice_is_stored_once_with_two_mentions(tmp_path):
    db = tmp_path / "e.duckdb"
    with EventStore(db) as store:
        assert store.add([_doc("d1", [_event("d1")])]) == 1
        assert store.add([_doc("d2", [_event("d2")])]) == 1
        assert store.add([_doc("d1", [_event("d1")])]) == 0  # re-run: nothing duplicated
        events = store.events()
    assert len(events) == 1
    assert events[0].mentions == 2
    assert {r.doc_id for r in events[0].reports} == {"d1", "d2"}


def test_copied_document_adds_a_mention_of_the_originals_events(tmp_path):
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add([_doc("orig", [_event("orig")]), _doc("copy", duplicate_of="orig")])
        assert store.events()[0].mentions == 2
        assert store.counts()["documents"] == 2


def test_exports_in_every_format(tmp_path):
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add([_doc("d1", [_event("d1"), _event("d1", "e2")])])
        for fmt in ("jsonl", "csv", "parquet", "plover", "cameo"):
            assert export(store, fmt, tmp_path / f"out.{fmt}") == 2
    rows = list(csv.DictReader((tmp_path / "out.csv").open()))
    assert rows[0]["event_type"] == "ASSAULT" and rows[0]["place"] == "Homs"
    assert pq.read_table(tmp_path / "out.parquet").num_rows == 2
    plover = json.loads((tmp_path / "out.plover").read_text().splitlines()[0])
    assert plover["event"] == "ASSAULT" and plover["actor_sector"] == "REB" and plover["location"]["geonamesID"]
    cameo = list(csv.DictReader((tmp_path / "out.cameo").open()))
    assert cameo[0]["EventRootCode"] == "19" and cameo[0]["QuadClass"] == "4"


def test_a_compound_reciprocal_event_keeps_its_members_through_store_and_plover_export(tmp_path):
    from dataclasses import replace

    rebels, militia = Actor(0, 6, "Rebels", None, None, "REB"), Actor(11, 18, "militia", None, None, "MILITIA")
    sides = Actor(0, 18, "Rebels and militia", None, None, None, members=(rebels, militia))
    clash = replace(_event("d1"), actor1=sides, actor2=Actor(26, 32, "troops", None, "SYR", "MIL"), reciprocal=True)
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add([_doc("d1", [clash])])
        assert export(store, "plover", tmp_path / "out.plover") == 1
        assert export(store, "jsonl", tmp_path / "out.jsonl") == 1
    plover = json.loads((tmp_path / "out.plover").read_text().splitlines()[0])
    assert plover["reciprocal"] is True and len(plover["actor_members"]) == 2 and plover["recipient_members"] == []
    record = (tmp_path / "out.jsonl").read_text()
    assert '"members"' in record and '"reciprocal": true' in record
