"""Read queries over the store (documents / events / mentions): filters, sorting, paging, counts.

The HTTP API, ``eventscope show`` and ``eventscope stats`` share these so that a filter means the same
everywhere. Every value reaches DuckDB as a bound parameter; only whitelisted column names are
formatted into SQL, so filter values cannot change a query's meaning.
"""

from __future__ import annotations

import atexit
import base64
import json
import math
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from eventscope.errors import StoreBusy, StoreError, UsageError
from eventscope.store.database import EVENT_COLUMNS, one_row, scalar

MAX_PAGE = 500
SORTS: dict[str, str] = {  # public sort key -> SQL expression (whitelist)
    "date": "e.date",
    "confidence": "e.confidence",
    "mentions": "e.mentions",
    "type": "e.event_type",
    "country": "e.country",
    "actor": "e.actor1_name",
    "recipient": "e.actor2_name",
    "place": "e.place",
}


class StoreLocked(StoreBusy):
    """Another process holds DuckDB's single write lock, so the file cannot be opened now."""


class BadQuery(UsageError):
    """A filter, sort or cursor value that cannot be understood."""


@dataclass(frozen=True)
class EventFilter:
    """Every filter the events table, map, timeline and exports share (empty = no filter)."""

    event_type: tuple[str, ...] = ()
    family: tuple[str, ...] = ()
    mode: str | None = None
    context: str | None = None
    actor_country: str | None = None
    recipient_country: str | None = None
    country: str | None = None  # the event's place country, or either actor's country
    sector: str | None = None  # either actor's sector
    actor: str | None = None  # substring of either actor's name
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    near: tuple[float, float, float] | None = None  # lat, lon, radius_km
    since: str | None = None
    until: str | None = None
    doc_id: str | None = None
    text: str | None = None  # substring of a reporting sentence
    negated: bool | None = None
    modality: str | None = None
    min_confidence: float | None = None
    min_mentions: int | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, ()) for f in fields(self))


@lru_cache(maxsize=1)
def type_families() -> dict[str, str]:
    """PLOVER event type -> quad family (from the shipped ontology)."""
    from eventscope.events.ontology import load_ontology

    ontology = load_ontology()
    return {name: ontology.family(name) for name in ontology.event_types}


def _check_date(value: str, name: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadQuery(f"{name} must be a date YYYY-MM-DD, got {value[:40]!r}") from None


def where_clause(flt: EventFilter) -> tuple[str, list[Any]]:
    """SQL condition over ``events e`` and its parameters."""
    conds: list[str] = []
    params: list[Any] = []
    types = list(flt.event_type)
    if flt.family:
        families = set(flt.family)
        types += [t for t, fam in type_families().items() if fam in families]
        if not types:
            types = ["\x00none"]
    if types:
        conds.append("e.event_type IN (SELECT unnest(?::VARCHAR[]))")
        params.append(types)
    simple = (
        ("mode", "e.mode"),
        ("actor_country", "e.actor1_country"),
        ("recipient_country", "e.actor2_country"),
        ("doc_id", None),
        ("modality", "e.modality"),
    )
    for name, column in simple:
        value = getattr(flt, name)
        if value is None:
            continue
        if name == "doc_id":
            conds.append("EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.event_id AND m.doc_id = ?)")
        else:
            conds.append(f"{column} = ?")
        params.append(value)
    if flt.context:
        conds.append("list_contains(from_json(json_extract(e.record, '$.context'), '[\"VARCHAR\"]'), ?)")
        params.append(flt.context)
    if flt.country:
        conds.append("(e.country = ? OR e.actor1_country = ? OR e.actor2_country = ?)")
        params += [flt.country] * 3
    if flt.sector:
        conds.append("(e.actor1_sector = ? OR e.actor2_sector = ?)")
        params += [flt.sector] * 2
    if flt.actor:
        conds.append("(contains(lower(e.actor1_name), lower(?)) OR contains(lower(e.actor2_name), lower(?)))")
        params += [flt.actor] * 2
    if flt.place:
        conds.append("contains(lower(e.place), lower(?))")
        params.append(flt.place)
    if flt.bbox:
        west, south, east, north = flt.bbox
        lon_cond = "e.lon BETWEEN ? AND ?" if west <= east else "(e.lon >= ? OR e.lon <= ?)"
        conds.append(f"e.lat BETWEEN ? AND ? AND {lon_cond}")
        params += [south, north, west, east]
    if flt.near:
        lat, lon, radius_km = flt.near
        # haversine distance in km; a coarse box first keeps it cheap
        conds.append(
            "e.lat IS NOT NULL AND 2 * 6371.0 * asin(sqrt(pow(sin(radians(e.lat - ?) / 2), 2) + "
            "cos(radians(?)) * cos(radians(e.lat)) * pow(sin(radians(e.lon - ?) / 2), 2))) <= ?"
        )
        params += [lat, lat, lon, radius_km]
    if flt.since:
        conds.append("e.date >= ?::DATE")
        params.append(_check_date(flt.since, "since"))
    if flt.until:
        conds.append("e.date <= ?::DATE")
        params.append(_check_date(flt.until, "until"))
    if flt.text:
        # documents containing the words anywhere first (one scan), then the reporting sentence itself
        conds.append("""EXISTS (SELECT 1 FROM mentions m
                        JOIN (SELECT doc_id, text FROM documents WHERE contains(lower(text), lower(?))) d
                          ON d.doc_id = m.doc_id
                        WHERE m.event_id = e.event_id AND contains(lower(substring(d.text, m.sentence_start + 1,
                              m.sentence_end - m.sentence_start)), lower(?)))""")
        params += [flt.text, flt.text]
    if flt.negated is not None:
        conds.append("e.negated = ?")
        params.append(flt.negated)
    if flt.min_confidence is not None:
        conds.append("e.confidence >= ?")
        params.append(flt.min_confidence)
    if flt.min_mentions is not None:
        conds.append("e.mentions >= ?")
        params.append(flt.min_mentions)
    return (" AND ".join(conds) or "TRUE"), params


def _placeholders(values: list[Any]) -> str:
    """``?, ?, ?`` for an IN list of bound values (DuckDB plans literal IN lists as point lookups)."""
    return ", ".join("?" * len(values))


def encode_cursor(offset: int, sort: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset, "s": sort}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> int:
    """Offset a cursor stands for; a cursor made for another sort order is refused."""
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        offset, cursor_sort = int(data["o"]), str(data["s"])
    except (ValueError, KeyError, TypeError, json.JSONDecodeError):
        raise BadQuery("cursor is not one this server issued") from None
    if offset < 0 or cursor_sort != sort:
        raise BadQuery("cursor belongs to another sort order; start again without a cursor")
    return offset


def _order_by(sort: str) -> str:
    key, descending = (sort[1:], True) if sort.startswith("-") else (sort, False)
    if key not in SORTS:
        raise BadQuery(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)} (prefix - for descending)")
    direction = "DESC" if descending else "ASC"
    return f"{SORTS[key]} {direction} NULLS LAST, e.event_id ASC"


ROW_COLUMNS: tuple[str, ...] = tuple(c for c in EVENT_COLUMNS if c != "record")
"""The events table's columns a query returns (the record JSON is read only for one event)."""


class StoreReader:
    """Read-only access to a store file that another process may write between requests.

    DuckDB lets one process write and then nobody else may open the file, so the file is not held
    open while idle: requests share one read-only connection (a cursor each), closed ``idle_close_s``
    after the last one finishes. Opening costs tens of milliseconds and starts with cold caches, so
    under load it stays open; when idle, a writer process can take the file."""

    def __init__(
        self, path: str | Path, retries: int = 5, retry_wait_s: float = 0.1, idle_close_s: float = 1.0
    ) -> None:
        self.path = str(path)
        self.retries = retries
        self.retry_wait_s = retry_wait_s
        self.idle_close_s = idle_close_s
        self._lock = threading.Lock()
        self._shared: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._idle_since = 0.0
        self._janitor: threading.Thread | None = None
        self._stopping = False
        _READERS.add(self)

    def _open(self) -> duckdb.DuckDBPyConnection:
        if not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}; code some documents first (eventscope code ... --db)")
        last: Exception | None = None
        for attempt in range(self.retries + 1):
            try:
                return duckdb.connect(self.path, read_only=True)
            except duckdb.Error as exc:  # IOException "Could not set lock" while a writer holds the file
                last = exc
                if attempt < self.retries:
                    time.sleep(self.retry_wait_s * (attempt + 1))
        raise StoreLocked(
            f"the store {Path(self.path).name} is being written by another process (DuckDB "
            f"allows one writer and no readers meanwhile); retry when it finishes: {last}"
        )

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only cursor; waits briefly for a writer, then raises :class:`StoreLocked`."""
        with self._lock:
            if self._shared is None:
                self._shared = self._open()
                self._start_janitor()
            self._users += 1
            cursor = self._shared.cursor()
        try:
            yield cursor
        finally:
            cursor.close()
            with self._lock:
                self._users -= 1
                self._idle_since = time.monotonic()
                if self._users == 0 and self.idle_close_s <= 0:
                    self._close_idle()

    def _start_janitor(self) -> None:
        """One daemon thread per reader closes the connection once idle (no thread per request)."""
        if self.idle_close_s <= 0 or (self._janitor is not None and self._janitor.is_alive()):
            return
        self._janitor = threading.Thread(target=self._janitor_loop, name="eventscope-store-janitor", daemon=True)
        self._janitor.start()

    def _janitor_loop(self) -> None:
        while True:
            time.sleep(self.idle_close_s / 2)
            with self._lock:
                if self._shared is None or self._stopping:
                    self._janitor = None
                    return
                if self._users == 0 and time.monotonic() - self._idle_since >= self.idle_close_s:
                    self._close_idle()
                    self._janitor = None
                    return

    def _close_idle(self) -> None:
        if self._users == 0 and self._shared is not None:
            self._shared.close()
            self._shared = None

    def close(self) -> None:
        """Close the shared connection now (no request may be running): lets this process write the file."""
        with self._lock:
            self._close_idle()

    def shutdown(self) -> None:
        """Stop the janitor and close the connection in the calling thread.

        Run at interpreter exit: a daemon janitor caught inside DuckDB's close() while Python finalizes is
        unwound through C++ code that cannot be unwound, and the whole process aborts."""
        with self._lock:
            self._stopping = True
            janitor = self._janitor
        if janitor is not None and janitor is not threading.current_thread():
            janitor.join(timeout=max(1.0, self.idle_close_s))
        with self._lock:
            if self._shared is not None:
                self._shared.close()
                self._shared = None

    # -- events ------------------------------------------------------------------------------------

    def events_page(
        self, flt: EventFilter, sort: str = "-date", limit: int = 50, cursor: str | None = None
    ) -> dict[str, Any]:
        """One page of events with the total, and the cursor of the next page (None at the end)."""
        order = _order_by(sort)
        limit = max(1, min(int(limit), MAX_PAGE))
        offset = decode_cursor(cursor, sort) if cursor else 0
        where, params = where_clause(flt)
        cols = ", ".join(f"e.{c}" for c in ROW_COLUMNS)
        with self.connect() as con:
            total = scalar(con.execute(f"SELECT count(*) FROM events e WHERE {where}", params))
            rows = con.execute(
                f"SELECT {cols} FROM events e WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset]
            ).fetchall()
            rows = self._with_documents(con, rows)
        items = [self._row(row) for row in rows]
        next_offset = offset + len(items)
        return {
            "total": total,
            "offset": offset,
            "limit": limit,
            "sort": sort,
            "items": items,
            "next_cursor": encode_cursor(next_offset, sort) if next_offset < total else None,
        }

    @staticmethod
    def _with_documents(con: duckdb.DuckDBPyConnection, rows: list[tuple]) -> list[tuple]:
        """Add the first report's document title, url and sentence to a page of event rows.

        Point lookups by id (a few ms) instead of joining the documents table (a scan of every text)."""
        if not rows:
            return []
        ids = [row[0] for row in rows]
        spans = {
            event_id: (int(start), int(end))
            for event_id, start, end in con.execute(
                "SELECT event_id, record->>'$.sentence.start', record->>'$.sentence.end' FROM events "
                f"WHERE event_id IN ({_placeholders(ids)})",
                ids,
            ).fetchall()
            if start is not None
        }
        doc_index = ROW_COLUMNS.index("first_doc_id")
        doc_ids = sorted({row[doc_index] for row in rows if row[doc_index]})
        docs = (
            {
                doc_id: (title, url, text)
                for doc_id, title, url, text in con.execute(
                    f"SELECT doc_id, title, url, text FROM documents WHERE doc_id IN ({_placeholders(doc_ids)})",
                    doc_ids,
                ).fetchall()
            }
            if doc_ids
            else {}
        )
        out = []
        for row in rows:
            title, url, text = docs.get(row[doc_index], (None, None, None))
            span = spans.get(row[0])
            sentence = text[span[0] : span[1]] if text and span else None
            out.append((*row, title, url, sentence))
        return out

    @staticmethod
    def _row(row: tuple) -> dict[str, Any]:
        data = dict(zip((*ROW_COLUMNS, "doc_title", "doc_url", "sentence"), row, strict=True))
        if data["date"] is not None:
            data["date"] = data["date"].isoformat()
        data["family"] = type_families().get(data["event_type"])
        return data

    def events_all(self, flt: EventFilter, limit: int = 100_000) -> list[dict[str, Any]]:
        """Every matching event as a flat row with its document title, url and sentence (for exports)."""
        return (
            self.events_page(flt, sort="-date", limit=MAX_PAGE)["items"]
            if limit <= MAX_PAGE
            else self._events_bulk(flt, limit)
        )

    def _events_bulk(self, flt: EventFilter, limit: int) -> list[dict[str, Any]]:
        where, params = where_clause(flt)
        cols = ", ".join(f"e.{c}" for c in ROW_COLUMNS)
        with self.connect() as con:
            rows = con.execute(
                f"""SELECT {cols}, d.title, d.url,
                           substring(d.text, m.sentence_start + 1, m.sentence_end - m.sentence_start)
                    FROM (SELECT {cols} FROM events e WHERE {where} ORDER BY e.date DESC NULLS LAST, e.event_id
                          LIMIT ?) e
                    LEFT JOIN documents d ON d.doc_id = e.first_doc_id
                    LEFT JOIN (SELECT event_id, doc_id, min(sentence_start) AS sentence_start,
                                      min(sentence_end) AS sentence_end FROM mentions GROUP BY ALL) m
                           ON m.event_id = e.event_id AND m.doc_id = e.first_doc_id
                    ORDER BY e.date DESC NULLS LAST, e.event_id""",
                [*params, limit],
            ).fetchall()
        return [self._row(row) for row in rows]

    def event_detail(self, event_id: str) -> dict[str, Any] | None:
        """An event's record with every report: document title, url and the sentence it rests on."""
        with self.connect() as con:
            found = con.execute("SELECT record, mentions FROM events WHERE event_id = ?", [event_id]).fetchone()
            if found is None:
                return None
            reports = con.execute(
                """SELECT m.doc_id, m.sentence_start, m.sentence_end, d.title, d.url, d.date, d.source,
                          substring(d.text, m.sentence_start + 1, m.sentence_end - m.sentence_start),
                          d.duplicate_of, d.record->>'$.origin'
                   FROM mentions m LEFT JOIN documents d ON d.doc_id = m.doc_id
                   WHERE m.event_id = ? ORDER BY d.date NULLS LAST, m.doc_id, m.sentence_start""",
                [event_id],
            ).fetchall()
            first_doc = json.loads(found[0]).get("reports", [{}])
            quotes = []
            if first_doc:
                doc_row = con.execute(
                    "SELECT record->'$.quotes' FROM documents WHERE doc_id = ?", [first_doc[0].get("doc_id")]
                ).fetchone()
                for quote in json.loads(doc_row[0]) if doc_row and doc_row[0] else []:
                    if event_id in (quote.get("event_ids") or []):
                        quotes.append(quote)
        event = json.loads(found[0])
        event["mentions"] = found[1]
        event["family"] = type_families().get(event["event_type"])
        event["quotes"] = quotes
        event["reports"] = [
            {
                "doc_id": r[0],
                "start": r[1],
                "end": r[2],
                "title": r[3],
                "url": r[4],
                "date": r[5].isoformat() if r[5] else None,
                "source": r[6],
                "sentence": r[7],
                "duplicate_of": r[8],
                "origin": r[9],
            }
            for r in reports
        ]
        return event

    # -- documents ---------------------------------------------------------------------------------

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """A stored document's full record (text with every annotation); a copy points at its original."""
        with self.connect() as con:
            row = con.execute("SELECT record FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
            if row is None:
                return None
            record = json.loads(row[0])
            counts = dict(
                con.execute(
                    "SELECT m.event_id, e.mentions FROM mentions m JOIN events e USING (event_id) WHERE m.doc_id = ?",
                    [doc_id],
                ).fetchall()
            )
        for event in record.get("events") or []:
            event["mentions"] = counts.get(event["event_id"], event.get("mentions", 1))
            event["family"] = type_families().get(event["event_type"])
        return record

    # -- aggregates --------------------------------------------------------------------------------

    def actors(self, flt: EventFilter, limit: int = 100) -> list[dict[str, Any]]:
        """Events per actor (as actor or recipient), with country and sector."""
        where, params = where_clause(flt)
        with self.connect() as con:
            rows = con.execute(
                f"""WITH f AS (SELECT * FROM events e WHERE {where}),
                    a AS (SELECT actor1_name AS name, actor1_country AS country, actor1_sector AS sector,
                                 1 AS as_actor, 0 AS as_recipient FROM f WHERE actor1_name IS NOT NULL
                          UNION ALL
                          SELECT actor2_name, actor2_country, actor2_sector, 0, 1 FROM f
                          WHERE actor2_name IS NOT NULL)
                    SELECT name, country, sector, count(*) AS events, sum(as_actor), sum(as_recipient)
                    FROM a GROUP BY ALL ORDER BY events DESC, name LIMIT ?""",
                [*params, int(limit)],
            ).fetchall()
        return [
            {
                "name": r[0],
                "country": r[1],
                "sector": r[2],
                "events": r[3],
                "as_actor": int(r[4]),
                "as_recipient": int(r[5]),
            }
            for r in rows
        ]

    def stats(self, flt: EventFilter, top: int = 50) -> dict[str, Any]:
        """Counts by type, family, dyad, country and day (and family per day for the timeline)."""
        where, params = where_clause(flt)
        base = f"SELECT * FROM events e WHERE {where}"
        with self.connect() as con:

            def grouped(expr: str, order: str = "n DESC, k", limit: int | None = top) -> list[tuple]:
                sql = f"SELECT {expr} AS k, count(*) AS n FROM ({base}) e GROUP BY k ORDER BY {order}"
                return con.execute(sql + (f" LIMIT {int(limit)}" if limit else ""), params).fetchall()

            total = one_row(con.execute(f"SELECT count(*), coalesce(sum(mentions), 0) FROM ({base})", params))
            by_type = grouped("e.event_type", limit=None)
            by_country = grouped("coalesce(e.country, e.actor1_country)")
            by_day = grouped("e.date", order="k", limit=None)
            dyads = con.execute(
                f"""SELECT coalesce(e.actor1_name, '?'), coalesce(e.actor2_name, '?'), e.actor1_country,
                           e.actor2_country, e.event_type, count(*) AS n
                    FROM ({base}) e WHERE e.actor1_name IS NOT NULL AND e.actor2_name IS NOT NULL
                    GROUP BY ALL ORDER BY n DESC LIMIT ?""",
                [*params, int(top) * 4],
            ).fetchall()
        families = type_families()
        family_day: dict[str, dict[str, int]] = {}
        with self.connect() as con:
            for day, event_type, n in con.execute(
                f"SELECT e.date, e.event_type, count(*) FROM ({base}) e WHERE e.date IS NOT NULL GROUP BY ALL", params
            ).fetchall():
                row = family_day.setdefault(day.isoformat(), {})
                fam = families.get(event_type, "other")
                row[fam] = row.get(fam, 0) + n
        return {
            "events": total[0],
            "mentions": int(total[1]),
            "by_type": [{"event_type": k, "family": families.get(k), "count": n} for k, n in by_type],
            "by_country": [{"country": k, "count": n} for k, n in by_country],
            "by_day": [{"date": k.isoformat() if k else None, "count": n} for k, n in by_day],
            "by_family_day": [{"date": d, **family_day[d]} for d in sorted(family_day)],
            "dyads": [
                {
                    "actor1": a,
                    "actor2": b,
                    "actor1_country": c1,
                    "actor2_country": c2,
                    "event_type": t,
                    "family": families.get(t),
                    "count": n,
                }
                for a, b, c1, c2, t, n in dyads
            ],
        }


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """``west,south,east,north`` in degrees."""
    try:
        west, south, east, north = (float(x) for x in value.split(","))
    except ValueError:
        raise BadQuery("bbox must be west,south,east,north in degrees") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)) or not (
        -180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90
    ):
        raise BadQuery("bbox out of range: longitudes -180..180, latitudes -90..90, south <= north")
    return west, south, east, north


def parse_near(value: str) -> tuple[float, float, float]:
    """``lat,lon,radius_km``."""
    try:
        lat, lon, radius = (float(x) for x in value.split(","))
    except ValueError:
        raise BadQuery("near must be lat,lon,radius_km") from None
    if not all(math.isfinite(v) for v in (lat, lon, radius)) or not (
        -90 <= lat <= 90 and -180 <= lon <= 180 and 0 < radius <= 20_000
    ):
        raise BadQuery("near out of range: lat -90..90, lon -180..180, 0 < radius_km <= 20000")
    return lat, lon, radius


__all__ = [
    "BadQuery",
    "EventFilter",
    "MAX_PAGE",
    "SORTS",
    "StoreLocked",
    "StoreReader",
    "parse_bbox",
    "parse_near",
    "type_families",
    "where_clause",
]


_READERS: weakref.WeakSet[StoreReader] = weakref.WeakSet()


@atexit.register
def _shutdown_readers() -> None:
    for reader in list(_READERS):
        reader.shutdown()
