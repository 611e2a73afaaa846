"""DuckDB store: one row per document, one per event (counted once), one per report of an event.

Writes happen one batch per transaction, and documents already stored are skipped on re-runs,
so an interrupted run resumes without losing or duplicating records.  Every DuckDB failure leaves
here as one ``StoreError`` with a stable code (E301 unreadable, E302 write failed, E303 busy): the
command line prints it on one line instead of a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventscope.errors import StoreBusy, StoreError, StoreUnreadable, StoreWriteFailed
from eventscope.records import AnnotatedDocument, Event, event_from_dict, record_to_dict

DEFAULT_DB_PATH = "eventscope.duckdb"
TABLES = ("documents", "events", "mentions")


def open_store(location: str | Path = DEFAULT_DB_PATH, read_only: bool = False):
    """The store a ``--db`` value names: ``postgresql://...`` a PostgreSQL server, anything else a DuckDB file."""
    from eventscope.store.postgres import PostgresStore, is_postgres_url

    if is_postgres_url(location):
        return PostgresStore(str(location), read_only=read_only)
    return EventStore(location, read_only=read_only)


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


_DOCUMENT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("title", pa.string()),
        ("date", pa.date32()),
        ("url", pa.string()),
        ("source", pa.string()),
        ("duplicate_of", pa.string()),
        ("error", pa.string()),
        ("text", pa.string()),
        ("record", pa.string()),
    ]
)
_EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("event_type", pa.string()),
        ("mode", pa.string()),
        ("cameo", pa.string()),
        ("actor1_name", pa.string()),
        ("actor1_country", pa.string()),
        ("actor1_sector", pa.string()),
        ("actor2_name", pa.string()),
        ("actor2_country", pa.string()),
        ("actor2_sector", pa.string()),
        ("place", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("date", pa.date32()),
        ("negated", pa.bool_()),
        ("modality", pa.string()),
        ("confidence", pa.float64()),
        ("mentions", pa.int32()),
        ("first_doc_id", pa.string()),
        ("record", pa.string()),
    ]
)
DOCUMENT_COLUMNS: tuple[str, ...] = tuple(_DOCUMENT_SCHEMA.names)
"""Columns of the documents table, in order (shared by every backend)."""
EVENT_COLUMNS: tuple[str, ...] = tuple(_EVENT_SCHEMA.names)
"""Columns of the events table, in order: one row per happening, its record JSON last."""
_MENTION_SCHEMA = pa.schema(
    [("event_id", pa.string()), ("doc_id", pa.string()), ("sentence_start", pa.int32()), ("sentence_end", pa.int32())]
)
_COPY_SCHEMA = pa.schema([("doc_id", pa.string()), ("original", pa.string())])


def _iso_date(value: str | None):
    from datetime import date

    return date.fromisoformat(value) if value else None


def _document_row(record: AnnotatedDocument) -> dict:
    return {
        "doc_id": record.doc_id,
        "title": record.title,
        "date": _iso_date(record.date),
        "url": record.url,
        "source": record.source,
        "duplicate_of": record.duplicate_of,
        "error": record.error,
        "text": record.text,
        "record": json.dumps(record_to_dict(record), ensure_ascii=False),
    }


def _event_row(event: Event) -> dict:
    loc, a1, a2 = event.location, event.actor1, event.actor2
    return {
        "event_id": event.event_id,
        "event_type": event.event_type,
        "mode": event.mode,
        "cameo": event.cameo,
        "actor1_name": (a1.name or a1.text) if a1 else None,
        "actor1_country": a1.country if a1 else None,
        "actor1_sector": a1.sector if a1 else None,
        "actor2_name": (a2.name or a2.text) if a2 else None,
        "actor2_country": a2.country if a2 else None,
        "actor2_sector": a2.sector if a2 else None,
        "place": loc.name if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "date": _iso_date(event.date),
        "negated": event.negated,
        "modality": event.modality,
        "confidence": event.confidence,
        "mentions": 0,
        "first_doc_id": event.reports[0].doc_id if event.reports else None,
        "record": json.dumps(record_to_dict(event), ensure_ascii=False),
    }


class EventStore:
    """A DuckDB file holding coded documents and events."""

    def __init__(self, path: str | Path = DEFAULT_DB_PATH, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}; code some documents first (eventscope code ... --db)")
        if Path(self.path).is_dir():
            raise StoreUnreadable(f"{self.path} is a directory, not a database file")
        try:
            self.connection = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise _open_error(self.path, exc) from exc
        except OSError as exc:  # e.g. a read-only folder for a new file
            raise StoreWriteFailed(f"cannot create database {self.path}: {exc.strerror or exc}") from exc
        try:
            self._check_tables(read_only)
            if not read_only:
                self.connection.execute(SCHEMA)
        except BaseException:
            self._close_quietly()
            raise

    def _check_tables(self, read_only: bool) -> None:
        """Refuse a file that DuckDB opens but that is not ours: no tables (read) or another program's tables."""
        with self._reading():
            names = {
                row[0]
                for row in self.connection.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
                ).fetchall()
            }
        missing = [t for t in TABLES if t not in names]
        if read_only and missing:
            raise StoreUnreadable(
                f"{self.path} is not an eventscope database (no table {missing[0]!r}); "
                "code some documents into it first"
            )
        if not read_only and names and len(missing) == len(TABLES):
            raise StoreUnreadable(
                f"{self.path} holds other tables ({', '.join(sorted(names)[:3])}), "
                "not eventscope's; choose another --db file"
            )

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """A read that fails (corrupt block, bad checksum, truncated file) is E301, not a traceback."""
        try:
            yield
        except duckdb.Error as exc:
            raise StoreUnreadable(
                f"cannot read database {self.path} (damaged or not an eventscope database): {_first_line(exc)}"
            ) from exc

    def close(self) -> None:
        try:
            self.connection.close()  # the checkpoint at close can hit a full disk too
        except duckdb.Error as exc:
            raise StoreWriteFailed(
                f"cannot close database {self.path}: {_first_line(exc)}; committed batches are kept (re-run to resume)"
            ) from exc

    def _close_quietly(self) -> None:
        try:
            self.connection.close()
        except duckdb.Error:
            pass

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:  # already failing: the first error is the one to report
            self._close_quietly()

    # -- the commit-point protocol the runner uses (see runner.RecordStore) -----------------------

    def done_ids(self) -> set[str]:
        """Ids of every stored document: committed, so never coded again."""
        return self.known_doc_ids()

    def write_batch(self, records: Iterable[AnnotatedDocument]) -> int:
        """Commit one batch atomically (all of it or none of it)."""
        return self.add(records)

    def records_by_id(self, doc_ids: Iterable[str]) -> dict[str, dict]:
        """The stored JSON records of these documents: rewrites JSONL lines lost after the store committed."""
        ids = list(doc_ids)
        if not ids:
            return {}
        with self._reading():
            rows = self.connection.execute(
                "SELECT doc_id, record FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]
            ).fetchall()
        return {doc_id: json.loads(record) for doc_id, record in rows}

    def known_doc_ids(self) -> set[str]:
        with self._reading():
            return {row[0] for row in self.connection.execute("SELECT doc_id FROM documents").fetchall()}

    def document_texts(self) -> Iterator[tuple[str, str]]:
        """(doc_id, text) of stored, non-duplicate documents: seeds duplicate detection.

        A document that was read but failed a later stage (E2xx) was in the run's duplicate index, so it is
        seeded too; one that could not be read (E1xx) never was.  A resumed run thus marks the same copies."""
        with self._reading():
            cursor = self.connection.execute(
                "SELECT doc_id, text FROM documents WHERE duplicate_of IS NULL "
                "AND (error IS NULL OR NOT starts_with(error, '[E1')) ORDER BY rowid"
            )
            while rows := cursor.fetchmany(1000):
                yield from rows

    def add(self, records: Iterable[AnnotatedDocument]) -> int:
        """Store a batch in one transaction (bulk, through Arrow); returns how many documents were new."""
        records = list(records)
        if not records:
            return 0
        con = self.connection
        with self._reading():
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
            [
                {"event_id": e.event_id, "doc_id": rep.doc_id, "sentence_start": rep.start, "sentence_end": rep.end}
                for e in events
                for rep in e.reports
            ],
            schema=_MENTION_SCHEMA,
        )
        copies = pa.Table.from_pylist(
            [{"doc_id": r.doc_id, "original": r.duplicate_of} for r in fresh if r.duplicate_of], schema=_COPY_SCHEMA
        )
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
                    WHERE event_id IN (SELECT event_id FROM mentions
                                       WHERE doc_id IN (SELECT doc_id FROM batch_documents))
                    GROUP BY event_id) AS counted
                WHERE events.event_id = counted.event_id""")
            con.execute("COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            raise StoreWriteFailed(
                f"cannot write {len(fresh)} documents to {self.path}: {_first_line(exc)}; "
                "earlier batches are kept, this one was rolled back (re-run to resume)"
            ) from exc
        except BaseException:
            self._rollback()
            raise
        finally:
            for name in ("batch_documents", "batch_events", "batch_mentions", "batch_copies"):
                try:
                    con.unregister(name)
                except duckdb.Error:
                    pass
        return len(fresh)

    def _rollback(self) -> None:
        """After a failed COMMIT DuckDB has already ended the transaction: ROLLBACK would raise "cannot rollback"
        and hide the real cause (a full disk), so its own failure is ignored."""
        try:
            self.connection.execute("ROLLBACK")
        except duckdb.Error:
            pass

    def _existing(self, doc_ids: list[str]) -> set[str]:
        rows = self.connection.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [doc_ids]
        ).fetchall()
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
        with self._reading():
            rows = self.connection.execute(sql).fetchall()
        for record, mentions, reports in rows:
            data = json.loads(record)
            data["mentions"] = mentions
            data["reports"] = [r for r in reports if r["doc_id"] is not None]
            events.append(event_from_dict(data))
        return events

    def documents(self) -> Iterator[dict]:
        with self._reading():
            cursor = self.connection.execute("SELECT record FROM documents ORDER BY rowid")
            while rows := cursor.fetchmany(500):
                for (record,) in rows:
                    yield json.loads(record)

    def counts(self) -> dict[str, int]:
        con = self.connection
        with self._reading():
            return {
                "documents": scalar(con.execute("SELECT count(*) FROM documents")),
                "errors": scalar(con.execute("SELECT count(*) FROM documents WHERE error IS NOT NULL")),
                "events": scalar(con.execute("SELECT count(*) FROM events")),
                "mentions": scalar(con.execute("SELECT count(*) FROM mentions")),
            }


def one_row(cursor: Any) -> tuple[Any, ...]:
    """The row of an aggregate query (``count(*)``, ``sum(...)``), which always returns exactly one."""
    row = cursor.fetchone()
    if row is None:
        raise StoreError("an aggregate query returned no row")
    return tuple(row)


def scalar(cursor: Any) -> Any:
    """The one value of a one-column aggregate query."""
    return one_row(cursor)[0]


def _first_line(exc: BaseException) -> str:
    return " ".join(str(exc).split("\n")[0].split())


def _open_error(path: str, exc: duckdb.Error) -> StoreError:
    """Name why DuckDB refused the file: held by another process, or not a (whole) DuckDB database."""
    message = _first_line(exc)
    lowered = message.lower()
    if "lock" in lowered:
        return StoreBusy(f"database {path} is in use by another process (another eventscope run?): {message}")
    if isinstance(exc, duckdb.IOException) and (
        "no space" in lowered or "read-only" in lowered or "permission" in lowered
    ):
        return StoreWriteFailed(f"cannot open database {path} for writing: {message}")
    return StoreUnreadable(f"cannot open database {path} (damaged or not a DuckDB file): {message}")
