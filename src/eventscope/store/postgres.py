"""PostgreSQL store: the DuckDB store's tables and behaviour on a server several writers share.

Why a server: a cluster run has many machines that finish batches at once; DuckDB is one file with one
writer.  The tables and columns are those of ``store/database.py`` (plus an identity column ``seq`` on
``documents``, standing in for DuckDB's implicit ``rowid`` insertion order).  Every batch is one transaction;
rows are upserted on their content ids (``INSERT ... ON CONFLICT DO NOTHING``), and a transaction-scoped
advisory lock serialises the few statements that recount mentions, so two writers racing on the same
happening still leave the count of its distinct reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventscope.errors import StoreError
from eventscope.records import AnnotatedDocument, Event, event_from_dict
from eventscope.store.database import DOCUMENT_COLUMNS, EVENT_COLUMNS, _document_row, _event_row, scalar

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, title TEXT, date DATE, url TEXT, source TEXT,
    duplicate_of TEXT, error TEXT, text TEXT, record JSONB,
    seq BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY, event_type TEXT, mode TEXT, cameo TEXT,
    actor1_name TEXT, actor1_country TEXT, actor1_sector TEXT,
    actor2_name TEXT, actor2_country TEXT, actor2_sector TEXT,
    place TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, country TEXT, admin1 TEXT,
    date DATE, negated BOOLEAN, modality TEXT, confidence DOUBLE PRECISION, mentions INTEGER,
    first_doc_id TEXT, record JSONB
);
CREATE TABLE IF NOT EXISTS mentions (
    event_id TEXT, doc_id TEXT, sentence_start INTEGER, sentence_end INTEGER,
    PRIMARY KEY (event_id, doc_id, sentence_start)
);
CREATE INDEX IF NOT EXISTS mentions_doc_id ON mentions (doc_id);
CREATE INDEX IF NOT EXISTS documents_duplicate_of ON documents (duplicate_of);
"""

WRITE_LOCK = 0x65766E74  # pg_advisory_xact_lock key shared by every eventscope writer ("evnt")
"""Schema creation and the mention recount take it, so concurrent writers never interleave them."""

_DOCUMENT_COLUMNS = DOCUMENT_COLUMNS
_EVENT_COLUMNS = EVENT_COLUMNS


def is_postgres_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def _insert_sql(table: str, columns: tuple[str, ...], key: str) -> str:
    placeholders = ", ".join(["%s"] * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}) ON CONFLICT ({key}) DO NOTHING"


class PostgresStore:
    """The ``EventStore`` interface (add, known_doc_ids, document_texts, events, documents, counts) on PostgreSQL."""

    def __init__(self, url: str, read_only: bool = False) -> None:
        import psycopg

        self.path = url
        try:
            self.connection = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {_redact(url)}: {exc}") from exc
        if not read_only:
            with self.connection.transaction():
                self.connection.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
                self.connection.execute(SCHEMA)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the commit-point protocol the local runner uses (runner.RecordStore) --------------------------------

    def done_ids(self) -> set[str]:
        return self.known_doc_ids()

    def write_batch(self, records: Iterable[AnnotatedDocument]) -> int:
        return self.add(records)

    def records_by_id(self, doc_ids: Iterable[str]) -> dict[str, dict]:
        """The stored JSON records of these documents."""
        ids = list(doc_ids)
        if not ids:
            return {}
        rows = self.connection.execute("SELECT doc_id, record FROM documents WHERE doc_id = ANY(%s)", [ids])
        return {doc_id: record for doc_id, record in rows.fetchall()}

    def known_doc_ids(self) -> set[str]:
        return {row[0] for row in self.connection.execute("SELECT doc_id FROM documents").fetchall()}

    def document_texts(self) -> Iterator[tuple[str, str]]:
        """(doc_id, text) of stored, non-duplicate documents in insertion order: seeds duplicate detection.

        As in the DuckDB store, a document that failed a later stage (E2xx) was in the run's duplicate index and
        is seeded too; one that could not be read (E1xx) never was."""
        rows = self.connection.execute(
            "SELECT doc_id, text FROM documents WHERE duplicate_of IS NULL "
            "AND (error IS NULL OR error NOT LIKE '[E1%%') ORDER BY seq"
        ).fetchall()
        yield from rows

    def add(self, records: Iterable[AnnotatedDocument]) -> int:
        """Store a batch in one transaction; returns how many documents were new (0 on a re-run)."""
        records = list(records)
        if not records:
            return 0
        con = self.connection
        with con.transaction(), con.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
            cur.execute("SELECT doc_id FROM documents WHERE doc_id = ANY(%s)", [[r.doc_id for r in records]])
            known = {row[0] for row in cur.fetchall()}
            fresh: list[AnnotatedDocument] = []
            for record in records:
                if record.doc_id not in known:
                    known.add(record.doc_id)
                    fresh.append(record)
            if not fresh:
                return 0
            cur.executemany(
                _insert_sql("documents", _DOCUMENT_COLUMNS, "doc_id"),
                [_row_values(_document_row(r), _DOCUMENT_COLUMNS) for r in fresh],
            )
            events = [e for r in fresh for e in r.events]
            if events:
                cur.executemany(
                    _insert_sql("events", _EVENT_COLUMNS, "event_id"),
                    [_row_values(_event_row(e), _EVENT_COLUMNS) for e in events],
                )
                mentions = {(e.event_id, rep.doc_id, rep.start, rep.end) for e in events for rep in e.reports}
                cur.executemany("INSERT INTO mentions VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING", sorted(mentions))
            fresh_ids = [r.doc_id for r in fresh]
            # a copied document reports every event of its original once more, whichever was stored first
            cur.execute(
                """INSERT INTO mentions
                SELECT DISTINCT m.event_id, c.doc_id, m.sentence_start, m.sentence_end
                FROM documents c JOIN mentions m ON m.doc_id = c.duplicate_of
                WHERE c.doc_id = ANY(%(ids)s) OR c.duplicate_of = ANY(%(ids)s)
                ON CONFLICT DO NOTHING""",
                {"ids": fresh_ids},
            )
            cur.execute(
                """UPDATE events SET mentions = counted.n FROM (
                    SELECT event_id, count(*) AS n FROM mentions
                    WHERE event_id IN (SELECT event_id FROM mentions WHERE doc_id = ANY(%(ids)s))
                    GROUP BY event_id) AS counted
                WHERE events.event_id = counted.event_id""",
                {"ids": fresh_ids},
            )
        return len(fresh)

    def events(self, limit: int | None = None) -> list[Event]:
        """Stored events, one per happening, with their mention counts and every report."""
        sql = """SELECT e.record, e.mentions,
                        coalesce(json_agg(json_build_object('doc_id', m.doc_id, 'start', m.sentence_start,
                                                            'end', m.sentence_end)
                                 ORDER BY m.doc_id, m.sentence_start) FILTER (WHERE m.doc_id IS NOT NULL), '[]')
                 FROM events e LEFT JOIN mentions m USING (event_id)
                 GROUP BY e.event_id, e.record, e.mentions, e.date
                 ORDER BY e.date NULLS LAST, e.event_id"""
        if limit:
            sql += f" LIMIT {int(limit)}"
        events = []
        for record, mentions, reports in self.connection.execute(sql).fetchall():
            data = dict(record)
            data["mentions"] = mentions
            data["reports"] = reports
            events.append(event_from_dict(data))
        return events

    def documents(self) -> Iterator[dict]:
        for (record,) in self.connection.execute("SELECT record FROM documents ORDER BY seq").fetchall():
            yield record

    def counts(self) -> dict[str, int]:
        one = self._scalar
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "errors": one("SELECT count(*) FROM documents WHERE error IS NOT NULL"),
            "events": one("SELECT count(*) FROM events"),
            "mentions": one("SELECT count(*) FROM mentions"),
        }

    def _scalar(self, sql: str) -> int:
        return scalar(self.connection.execute(sql))


def _row_values(row: dict, columns: tuple[str, ...]) -> tuple:
    """Values in column order; the record JSON goes as text (psycopg sends str untyped, the server casts)."""
    return tuple(row[c] for c in columns)


def _redact(url: str) -> str:
    """The URL without its password, for error messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    return urlunsplit(parts)
