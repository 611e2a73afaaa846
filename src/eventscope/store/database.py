"""DuckDB store: one row per document, one per event (counted once), one per report of an event.

Writes happen one batch per transaction, and documents already stored are skipped on re-runs,
so an interrupted run resumes without losing or duplicating records.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb

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


class EventStore:
    """A DuckDB file holding coded documents and events."""

    def __init__(self, path: str | Path = DEFAULT_DB_PATH, read_only: bool = False) -> None:
        self.path = str(path)
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
        """Store a batch in one transaction; returns how many documents were new."""
        added = 0
        con = self.connection
        con.execute("BEGIN TRANSACTION")
        try:
            for record in records:
                if con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [record.doc_id]).fetchone():
                    continue
                data = record_to_dict(record)
                con.execute(
                    "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [record.doc_id, record.title, record.date, record.url, record.source, record.duplicate_of,
                     record.error, record.text, json.dumps(data, ensure_ascii=False)],
                )
                for event in record.events:
                    self._add_event(event)
                if record.duplicate_of:
                    self._add_copy_mentions(record.doc_id, record.duplicate_of)
                added += 1
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return added

    def _add_event(self, event: Event) -> None:
        con = self.connection
        data = record_to_dict(event)
        if not con.execute("SELECT 1 FROM events WHERE event_id = ?", [event.event_id]).fetchone():
            loc = event.location
            a1, a2 = event.actor1, event.actor2
            con.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                [event.event_id, event.event_type, event.mode, event.cameo,
                 a1.name or a1.text if a1 else None, a1.country if a1 else None, a1.sector if a1 else None,
                 a2.name or a2.text if a2 else None, a2.country if a2 else None, a2.sector if a2 else None,
                 loc.name if loc else None, loc.lat if loc else None, loc.lon if loc else None,
                 loc.country if loc else None, loc.admin1 if loc else None,
                 event.date, event.negated, event.modality, event.confidence,
                 event.reports[0].doc_id if event.reports else None, json.dumps(data, ensure_ascii=False)],
            )
        for report in event.reports:
            con.execute("INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?)",
                        [event.event_id, report.doc_id, report.start, report.end])
        self._recount(event.event_id)

    def _add_copy_mentions(self, doc_id: str, original_id: str) -> None:
        """A copied document reports every event of its original once more."""
        rows = self.connection.execute(
            "SELECT DISTINCT event_id, sentence_start, sentence_end FROM mentions WHERE doc_id = ?", [original_id]
        ).fetchall()
        for event_id, start, end in rows:
            self.connection.execute("INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?)",
                                    [event_id, doc_id, start, end])
            self._recount(event_id)

    def _recount(self, event_id: str) -> None:
        self.connection.execute(
            "UPDATE events SET mentions = (SELECT count(*) FROM mentions WHERE mentions.event_id = events.event_id)"
            " WHERE event_id = ?", [event_id])

    def events(self, limit: int | None = None) -> list[Event]:
        """Stored events with their mention counts and every report, strongest first."""
        sql = "SELECT event_id, record, mentions FROM events ORDER BY date NULLS LAST, event_id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        events = []
        for event_id, record, mentions in self.connection.execute(sql).fetchall():
            data = json.loads(record)
            data["mentions"] = mentions
            data["reports"] = [
                {"doc_id": d, "start": s, "end": e}
                for d, s, e in self.connection.execute(
                    "SELECT doc_id, sentence_start, sentence_end FROM mentions WHERE event_id = ? ORDER BY doc_id,"
                    " sentence_start", [event_id]).fetchall()
            ]
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
