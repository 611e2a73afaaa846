"""DuckDB store: one row per document, one per event (counted once), one per report of an event.

Writes happen one batch per transaction, and documents already stored are skipped on re-runs,
so an interrupted run resumes without losing or duplicating records.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import pyarrow as pa

from eventscope.errors import StoreError
from eventscope.records import AnnotatedDocument, Event, event_from_dict, record_to_dict

DEFAULT_DB_PATH = "eventscope.duckdb"

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY, title VARCHAR, date DATE, url VARCHAR, source VARCHAR,
    duplicate_of VARCHAR, error VARCHAR, text VARCHAR, record JSON
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, event_type VARCHAR, mode VARCHAR, cameo VARCHAR,
    actor1_name VARCHAR, actor1_country VARCHAR, actor1_sector VARCHAR,
    actor2_name VARCHAR, actor2_country VARCHAR, actor2_sector VARCHAR,
    place VARCHAR, lat DOUBLE, lon DOUBLE, country VARCHAR, admin1 VARCHAR,
    date DATE, negated BOOLEAN, modality VARCHAR, confidence DOUBLE, mentions INTEGER,
    first_doc_id VARCHAR, record JSON
);
CREATE TABLE IF NOT EXISTS mentions (
    event_id VARCHAR, doc_id VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
    PRIMARY KEY (event_id, doc_id, sentence_start)
);
"""


_DOCUMENT_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("title", pa.string()), ("date", pa.date32()), ("url", pa.string()),
    ("source", pa.string()), ("duplicate_of", pa.string()), ("error", pa.string()), ("text", pa.string()),
    ("record", pa.string())])
_EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("event_type", pa.string()), ("mode", pa.string()), ("cameo", pa.string()),
    ("actor1_name", pa.string()), ("actor1_country", pa.string()), ("actor1_sector", pa.string()),
    ("actor2_name", pa.string()), ("actor2_country", pa.string()), ("actor2_sector", pa.string()),
    ("place", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()), ("country", pa.string()),
    ("admin1", pa.string()), ("date", pa.date32()), ("negated", pa.bool_()), ("modality", pa.string()),
    ("confidence", pa.float64()), ("mentions", pa.int32()), ("first_doc_id", pa.string()), ("record", pa.string())])
_MENTION_SCHEMA = pa.schema([("event_id", pa.string()), ("doc_id", pa.string()), ("sentence_start", pa.int32()),
                             ("sentence_end", pa.int32())])
_COPY_SCHEMA = pa.schema([("doc_id", pa.string()), ("original", pa.string())])


def _iso_date(value: str | None):
    from datetime import date

    return date.fromisoformat(value) if value else None


def _document_row(record: AnnotatedDocument) -> dict:
    return {"doc_id": record.doc_id, "title": record.title, "date": _iso_date(record.date), "url": record.url,
            "source": record.source, "duplicate_of": record.duplicate_of, "error": record.error,
            "text": record.text, "record": json.dumps(record_to_dict(record), ensure_ascii=False)}


def _event_row(event: Event) -> dict:
    loc, a1, a2 = event.location, event.actor1, event.actor2
    return {
        "event_id": event.event_id, "event_type": event.event_type, "mode": event.mode, "cameo": event.cameo,
        "actor1_name": (a1.name or a1.text) if a1 else None, "actor1_country": a1.country if a1 else None,
        "actor1_sector": a1.sector if a1 else None,
        "actor2_name": (a2.name or a2.text) if a2 else None, "actor2_country": a2.country if a2 else None,
        "actor2_sector": a2.sector if a2 else None,
        "place": loc.name if loc else None, "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "country": loc.country if loc else None, "admin1": loc.admin1 if loc else None,
        "date": _iso_date(event.date), "negated": event.negated, "modality": event.modality,
        "confidence": event.confidence, "mentions": 0,
        "first_doc_id": event.reports[0].doc_id if event.reports else None,
        "record": json.dumps(record_to_dict(event), ensure_ascii=False),
    }


class EventStore:
    """A DuckDB file holding coded documents and events."""

    def __init__(self, path: str | Path = DEFAULT_DB_PATH, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}; code some documents first (eventscope code ... --db)")
        try:
            self.connection = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        if not read_only:
            self.connection.execute(SCHEMA)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known_doc_ids(self) -> set[str]:
        return {row[0] for row in self.connection.execute("SELECT doc_id FROM documents").fetchall()}

    def document_texts(self) -> Iterator[tuple[str, str]]:
        """(doc_id, text) of stored, non-duplicate documents: seeds duplicate detection."""
        cursor = self.connection.execute(
            "SELECT doc_id, text FROM documents WHERE error IS NULL AND duplicate_of IS NULL ORDER BY rowid")
        while rows := cursor.fetchmany(1000):
            yield from rows

    def add(self, records: Iterable[AnnotatedDocument]) -> int:
        """Store a batch in one transaction (bulk, through Arrow); returns how many documents were new."""
        records = list(records)
        if not records:
            return 0
        con = self.connection
        known = self._existing([r.doc_id for r in records])
        fresh: list[AnnotatedDocument] = []
        for record in records:
            if record.doc_id not in known:
                known.add(record.doc_id)
                fresh.append(record)
        if not fresh:
            return 0
        documents = pa.Table.from_pylist([_document_row(r) for r in fresh], schema=_DOCUMENT_SCHEMA)
        events = [e for r in fresh for e in r.events]
        event_rows = pa.Table.from_pylist([_event_row(e) for e in events], schema=_EVENT_SCHEMA)
        mention_rows = pa.Table.from_pylist(
            [{"event_id": e.event_id, "doc_id": rep.doc_id, "sentence_start": rep.start, "sentence_end": rep.end}
             for e in events for rep in e.reports], schema=_MENTION_SCHEMA)
        copies = pa.Table.from_pylist([{"doc_id": r.doc_id, "original": r.duplicate_of}
                                       for r in fresh if r.duplicate_of], schema=_COPY_SCHEMA)
        con.execute("BEGIN TRANSACTION")
        try:
            con.register("batch_documents", documents)
            con.register("batch_events", event_rows)
            con.register("batch_mentions", mention_rows)
            con.register("batch_copies", copies)
            con.execute("INSERT OR IGNORE INTO documents SELECT * FROM batch_documents")
            con.execute("INSERT OR IGNORE INTO events SELECT * FROM batch_events")
            con.execute("INSERT OR IGNORE INTO mentions SELECT * FROM batch_mentions")
            # a copied document reports every event of its original once more
            con.execute("""INSERT OR IGNORE INTO mentions
                SELECT DISTINCT m.event_id, c.doc_id, m.sentence_start, m.sentence_end
                FROM batch_copies c JOIN mentions m ON m.doc_id = c.original""")
            con.execute("""UPDATE events SET mentions = counted.n FROM (
                    SELECT event_id, count(*) AS n FROM mentions
                    WHERE event_id IN (SELECT event_id FROM batch_mentions)
                       OR doc_id IN (SELECT doc_id FROM batch_copies)
                    GROUP BY event_id) AS counted
                WHERE events.event_id = counted.event_id""")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        finally:
            for name in ("batch_documents", "batch_events", "batch_mentions", "batch_copies"):
                con.unregister(name)
        return len(fresh)

    def _existing(self, doc_ids: list[str]) -> set[str]:
        rows = self.connection.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [doc_ids]).fetchall()
        return {row[0] for row in rows}

    def events(self, limit: int | None = None) -> list[Event]:
        """Stored events, one per happening, with their mention counts and every report."""
        sql = """SELECT e.record, e.mentions,
                        list(struct_pack(doc_id := m.doc_id, start := m.sentence_start, "end" := m.sentence_end)
                             ORDER BY m.doc_id, m.sentence_start) AS reports
                 FROM events e LEFT JOIN mentions m USING (event_id)
                 GROUP BY e.event_id, e.record, e.mentions, e.date
                 ORDER BY e.date NULLS LAST, e.event_id"""
        if limit:
            sql += f" LIMIT {int(limit)}"
        events = []
        for record, mentions, reports in self.connection.execute(sql).fetchall():
            data = json.loads(record)
            data["mentions"] = mentions
            data["reports"] = [r for r in reports if r["doc_id"] is not None]
            events.append(event_from_dict(data))
        return events

    def documents(self) -> Iterator[dict]:
        cursor = self.connection.execute("SELECT record FROM documents ORDER BY rowid")
        while rows := cursor.fetchmany(500):
            for (record,) in rows:
                yield json.loads(record)

    def counts(self) -> dict[str, int]:
        con = self.connection
        return {
            "documents": con.execute("SELECT count(*) FROM documents").fetchone()[0],
            "errors": con.execute("SELECT count(*) FROM documents WHERE error IS NOT NULL").fetchone()[0],
            "events": con.execute("SELECT count(*) FROM events").fetchone()[0],
            "mentions": con.execute("SELECT count(*) FROM mentions").fetchone()[0],
        }
