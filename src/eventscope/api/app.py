"""The analyst's desk over HTTP: code text, query the store, and serve the web page.

Reads open the DuckDB file read-only per request, so ``eventscope code --db`` may write between
requests; while a writer holds DuckDB's lock the API answers 503 ``store_locked`` instead of hanging.
Every error is JSON ``{"error": {"code", "message"}}`` with a stable code.
"""

from __future__ import annotations

import csv
import hmac
import io
import ipaddress
import json
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventscope.errors import EventscopeError, StoreBusy, StoreError
from eventscope.store.query import (
    MAX_PAGE,
    BadQuery,
    EventFilter,
    StoreLocked,
    StoreReader,
    parse_bbox,
    parse_near,
    type_families,
)

TOKEN_ENV = "EVENTSCOPE_TOKEN"
MAX_BODY_BYTES = 2_000_000
MAX_BATCH = 20
MAX_EXPORT = 50_000


class ApiError(Exception):
    """An error answered as JSON with a stable code."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


@dataclass
class ServerConfig:
    """What ``eventscope serve`` was started with."""

    db: str
    public: bool = False
    token: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    max_batch: int = MAX_BATCH
    pipeline: Any = None  # a loaded Pipeline to share (tests); else loaded on the first POST /code


class _ReadWriteLock:
    """Many readers or one writer *within this process*: DuckDB refuses a read-write open while this
    process still holds read-only connections to the same file."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False

    @contextmanager
    def reading(self):
        with self._cond:
            self._cond.wait_for(lambda: not self._writer)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self):
        with self._cond:
            self._cond.wait_for(lambda: not self._writer and self._readers == 0)
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


# -- request bodies ----------------------------------------------------------------------------------


class DocumentIn(BaseModel):
    """One document to code: plain ``text`` or an ``html`` page, with optional metadata."""

    id: str | None = Field(None, max_length=200)
    text: str | None = None
    html: str | None = None
    title: str | None = Field(None, max_length=1000)
    date: str | None = Field(None, max_length=40)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)

    @model_validator(mode="after")
    def _one_body(self) -> DocumentIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        return self


class CodeRequest(BaseModel):
    """``POST /code``: one document (text/html fields) or a batch in ``documents``."""

    text: str | None = None
    html: str | None = None
    title: str | None = Field(None, max_length=1000)
    date: str | None = Field(None, max_length=40)
    url: str | None = Field(None, max_length=2000)
    documents: list[DocumentIn] | None = None
    store: bool = False

    def batch(self) -> list[DocumentIn]:
        if self.documents is not None:
            if self.text is not None or self.html is not None:
                raise ApiError(422, "invalid_request", "give either text/html or documents, not both")
            return self.documents
        if self.text is None and self.html is None:
            raise ApiError(422, "invalid_request", "give text, html or documents")
        return [
            DocumentIn(
                id=None, text=self.text, html=self.html, title=self.title, date=self.date, url=self.url, source=None
            )
        ]


# -- the app -------------------------------------------------------------------------------------------


def create_app(config: ServerConfig) -> FastAPI:
    """The FastAPI app for one store file."""
    app = FastAPI(
        title="eventscope", summary="PLOVER political events from news text, with their evidence.", version=_version()
    )
    _add_guard(app, config)
    _add_error_handlers(app)
    _add_routes(app, config)
    return app


def _add_guard(app: FastAPI, config: ServerConfig) -> None:
    """Loopback-only reads unless --public; body size limit before anything is parsed."""

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if not config.public and not _is_loopback(request):
            return _error(403, "not_public", "this server answers loopback clients only; start it with --public")
        length = request.headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return _error(400, "bad_content_length", "Content-Length must be a number")
            if int(length) > config.max_body_bytes:
                return _error(413, "body_too_large", f"request body over {config.max_body_bytes} bytes")
        elif request.method in ("POST", "PUT", "PATCH"):
            body = b""
            async for chunk in request.stream():
                body += chunk
                if len(body) > config.max_body_bytes:
                    return _error(413, "body_too_large", f"request body over {config.max_body_bytes} bytes")
            request._body = body  # starlette reuses the buffered body
        return await call_next(request)


def _add_error_handlers(app: FastAPI) -> None:
    """Every error as ``{"error": {"code", "message"}}``."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return _error(422, "invalid_request", f"{where}: {first.get('msg', 'invalid request')}".strip(": "))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not_found", 405: "method_not_allowed", 400: "bad_request"}
        return _error(exc.status_code, codes.get(exc.status_code, f"http_{exc.status_code}"), str(exc.detail))

    @app.exception_handler(BadQuery)
    async def bad_query(request: Request, exc: BadQuery) -> JSONResponse:
        return _error(400, "bad_query", str(exc))

    @app.exception_handler(StoreLocked)
    async def locked(request: Request, exc: StoreLocked) -> JSONResponse:
        return _error(503, "store_locked", str(exc), {"Retry-After": "2"})

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return _error(503, "store_unavailable", str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        return _error(500, "internal_error", f"{type(exc).__name__}: the server failed on this request")


def _add_routes(app: FastAPI, config: ServerConfig) -> None:
    reader = StoreReader(config.db)
    lock = _ReadWriteLock()
    pipeline_lock = threading.Lock()
    state: dict[str, Any] = {"pipeline": config.pipeline} if config.pipeline is not None else {}

    require_token = _token_checker(config)

    def read(fn, *args, **kwargs):
        with lock.reading():
            return fn(*args, **kwargs)

    # -- routes ----------------------------------------------------------------------------------

    @app.post("/code", dependencies=[Depends(require_token)], tags=["code"])
    def code(body: CodeRequest) -> dict[str, Any]:
        """Code text, HTML or a batch of documents into annotated records (the JSONL record contract);
        ``store: true`` also stores them."""
        docs = body.batch()
        if not docs:
            raise ApiError(422, "invalid_request", "documents is empty")
        if len(docs) > config.max_batch:
            raise ApiError(413, "batch_too_large", f"{len(docs)} documents > {config.max_batch} per request")
        sources = [_source(doc, i) for i, doc in enumerate(docs)]
        with pipeline_lock:
            if "pipeline" not in state:
                from eventscope.pipeline import Pipeline

                state["pipeline"] = Pipeline()
            records = list(state["pipeline"].annotate(sources))
        stored = 0
        if body.store:
            from eventscope.store.database import EventStore

            with lock.writing():
                reader.close()  # this process's read-only handle would block its own write
                try:
                    with EventStore(config.db) as store:
                        stored = store.add(records)
                except StoreBusy as exc:
                    raise StoreLocked(str(exc)) from exc
        from eventscope.records import record_to_dict

        return {"records": [record_to_dict(r) for r in records], "stored": stored}

    @app.get("/events", tags=["events"])
    def events(
        flt: Annotated[EventFilter, Depends(event_filter)],
        sort: Annotated[
            str,
            Query(
                max_length=20,
                description="date, confidence, mentions, type, country, "
                "actor, recipient, place; prefix - for descending",
            ),
        ] = "-date",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
    ) -> JSONResponse:
        """Events matching the filters, one page at a time (``next_cursor``), with the total."""
        return JSONResponse(read(reader.events_page, flt, sort=sort, limit=limit, cursor=cursor))

    @app.get("/events.geojson", tags=["events"])
    def events_geojson(
        flt: Annotated[EventFilter, Depends(event_filter)],
        limit: Annotated[int, Query(ge=1, le=MAX_EXPORT)] = MAX_EXPORT,
    ) -> Response:
        """Located events as a GeoJSON FeatureCollection (same filters as ``/events``)."""
        rows = read(reader.events_all, flt, limit=limit)
        return Response(json.dumps(to_geojson(rows), ensure_ascii=False), media_type="application/geo+json")

    @app.get("/events.csv", tags=["events"])
    def events_csv(
        flt: Annotated[EventFilter, Depends(event_filter)],
        limit: Annotated[int, Query(ge=1, le=MAX_EXPORT)] = MAX_EXPORT,
    ) -> Response:
        """Events as CSV with the document title, url and sentence (same filters as ``/events``)."""
        rows = read(reader.events_all, flt, limit=limit)
        return Response(
            to_csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="events.csv"'},
        )

    @app.get("/events/{event_id}", tags=["events"])
    def event(event_id: Annotated[str, _id_path()]) -> dict[str, Any]:
        """One event with every report (document title, url, the sentence) and the quote it rests on."""
        found = read(reader.event_detail, event_id)
        if found is None:
            raise ApiError(404, "event_not_found", f"no event {event_id}")
        return found

    @app.get("/documents/{doc_id}", tags=["documents"])
    def document(doc_id: Annotated[str, _id_path()]) -> dict[str, Any]:
        """A stored document's text with every annotation (entities, places, quotes, events, paragraphs)."""
        found = read(reader.document, doc_id)
        if found is None:
            raise ApiError(404, "document_not_found", f"no document {doc_id}")
        return found

    @app.get("/actors", tags=["aggregates"])
    def actors(
        flt: Annotated[EventFilter, Depends(event_filter)], limit: Annotated[int, Query(ge=1, le=1000)] = 100
    ) -> dict[str, Any]:
        """Event counts per actor (as actor or recipient), with country and sector."""
        return {"items": read(reader.actors, flt, limit=limit)}

    @app.get("/stats", tags=["aggregates"])
    def stats(
        flt: Annotated[EventFilter, Depends(event_filter)], top: Annotated[int, Query(ge=1, le=500)] = 50
    ) -> dict[str, Any]:
        """Counts by type, dyad, country and day (and by family per day, for the timeline)."""
        return read(reader.stats, flt, top=top)

    @app.get("/ontology", tags=["ontology"])
    def ontology() -> dict[str, Any]:
        """PLOVER event types (family, CAMEO, definition, modes) and context tags with definitions."""
        return ontology_json()

    static = resources.files("eventscope.web") / "static"
    if static.is_dir():
        app.mount("/static", StaticFiles(directory=str(static)), name="static")

        @app.get("/", include_in_schema=False)
        def index() -> FileResponse:
            return FileResponse(str(static / "index.html"), headers={"Cache-Control": "no-cache"})


def _token_checker(config: ServerConfig):
    """The dependency every write route takes: a token must be configured, sent, and match."""

    def require_token(request: Request) -> None:
        expected = config.token
        if not expected:
            raise ApiError(403, "writes_disabled", f"writes are refused: start the server with {TOKEN_ENV} set")
        given = request.headers.get("x-eventscope-token") or ""
        auth = request.headers.get("authorization") or ""
        if auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        if not given:
            raise ApiError(
                401,
                "token_missing",
                "send the token as 'Authorization: Bearer <token>'",
                {"WWW-Authenticate": "Bearer"},
            )
        if not hmac.compare_digest(given.encode(), expected.encode()):
            raise ApiError(401, "token_invalid", "the token does not match", {"WWW-Authenticate": "Bearer"})

    return require_token


def _id_path():
    from fastapi import Path as PathParam

    return PathParam(max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")


def event_filter(
    type: Annotated[list[str] | None, Query(description="PLOVER event type(s)", max_length=20)] = None,
    family: Annotated[list[str] | None, Query(description="quad family(ies)", max_length=4)] = None,
    mode: Annotated[str | None, Query(max_length=40)] = None,
    context: Annotated[str | None, Query(max_length=40)] = None,
    actor_country: Annotated[str | None, Query(max_length=3, description="actor's ISO alpha-3")] = None,
    recipient_country: Annotated[str | None, Query(max_length=3)] = None,
    country: Annotated[str | None, Query(max_length=3, description="place's or either actor's country")] = None,
    sector: Annotated[str | None, Query(max_length=20, description="either actor's sector")] = None,
    actor: Annotated[str | None, Query(max_length=100, description="part of either actor's name")] = None,
    place: Annotated[str | None, Query(max_length=100)] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north")] = None,
    near: Annotated[str | None, Query(max_length=100, description="lat,lon,radius_km")] = None,
    since: Annotated[str | None, Query(max_length=10)] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
    doc_id: Annotated[str | None, Query(max_length=64)] = None,
    q: Annotated[str | None, Query(max_length=200, description="text in a reporting sentence")] = None,
    negated: bool | None = None,
    modality: Annotated[Literal["asserted", "future", "hypothetical"] | None, Query()] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    min_mentions: Annotated[int | None, Query(ge=0)] = None,
) -> EventFilter:
    """The shared filter parameters of every event query."""
    families = type_families()
    types = tuple(t.upper() for t in type or () for t in t.split(",") if t)
    unknown = [t for t in types if t not in families]
    if unknown:
        raise BadQuery(f"unknown event type {unknown[0][:40]!r}; see GET /ontology")
    fams = tuple(f for f in family or () for f in f.split(",") if f)
    bad_family = [f for f in fams if f not in set(families.values())]
    if bad_family:
        raise BadQuery(f"unknown family {bad_family[0][:40]!r}; one of {', '.join(sorted(set(families.values())))}")
    return EventFilter(
        event_type=types,
        family=fams,
        mode=mode,
        context=context,
        actor_country=actor_country.upper() if actor_country else None,
        recipient_country=recipient_country.upper() if recipient_country else None,
        country=country.upper() if country else None,
        sector=sector.upper() if sector else None,
        actor=actor,
        place=place,
        bbox=parse_bbox(bbox) if bbox else None,
        near=parse_near(near) if near else None,
        since=since,
        until=until,
        doc_id=doc_id,
        text=q,
        negated=negated,
        modality=modality,
        min_confidence=min_confidence,
        min_mentions=min_mentions,
    )


def _source(doc: DocumentIn, position: int):
    """The ingest stage's document for one request item (HTML through the same boilerplate remover)."""
    from dataclasses import replace

    from eventscope.errors import InputError
    from eventscope.ingest.readers import _from_html, make_document, parse_date

    origin = f"POST /code[{position}]"
    if doc.html is None:
        return make_document(
            doc.text or "", doc_id=doc.id, title=doc.title, date=doc.date, url=doc.url, source=doc.source, origin=origin
        )
    try:
        parsed = _from_html(doc.html, origin)
    except InputError as exc:
        return replace(make_document("", doc_id=doc.id, origin=origin), error=str(exc))
    return replace(
        parsed,
        doc_id=doc.id or parsed.doc_id,
        title=doc.title or parsed.title,
        date=parse_date(doc.date) or parsed.date,
        url=doc.url or parsed.url,
        source=doc.source or parsed.source,
    )


def ontology_json() -> dict[str, Any]:
    """The shipped PLOVER ontology as plain JSON."""
    from eventscope.events.ontology import load_ontology

    onto = load_ontology()
    return {
        "version": onto.version,
        "types": [
            {
                "name": t.name,
                "family": t.family,
                "cameo": t.cameo,
                "definition": t.definition,
                "modes": [{"name": m.name, "cameo": m.cameo, "definition": m.definition} for m in t.modes],
            }
            for t in onto.types.values()
        ],
        "contexts": [{"name": name, "definition": text} for name, text in onto.contexts.items()],
        "families": sorted({t.family for t in onto.types.values()}),
    }


GEO_PROPERTIES = (
    "event_id",
    "event_type",
    "family",
    "mode",
    "date",
    "actor1_name",
    "actor1_country",
    "actor2_name",
    "actor2_country",
    "place",
    "country",
    "admin1",
    "mentions",
    "confidence",
    "modality",
    "negated",
    "first_doc_id",
    "doc_title",
    "doc_url",
)


def to_geojson(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection of the rows that have coordinates."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": row["event_id"],
                "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                "properties": {k: row.get(k) for k in GEO_PROPERTIES},
            }
            for row in rows
            if row.get("lat") is not None and row.get("lon") is not None
        ],
    }


CSV_COLUMNS = (
    "event_id",
    "event_type",
    "family",
    "mode",
    "cameo",
    "date",
    "actor1_name",
    "actor1_country",
    "actor1_sector",
    "actor2_name",
    "actor2_country",
    "actor2_sector",
    "place",
    "country",
    "admin1",
    "lat",
    "lon",
    "negated",
    "modality",
    "confidence",
    "mentions",
    "first_doc_id",
    "doc_title",
    "doc_url",
    "sentence",
)


def to_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _is_loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    if host == "testclient":  # starlette's in-process test client
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _version() -> str:
    from eventscope import __version__

    return __version__


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory eventscope.api.app:app_from_env`` (settings from the environment)."""
    return create_app(
        ServerConfig(
            db=os.environ.get("EVENTSCOPE_DB", "eventscope.duckdb"),
            public=os.environ.get("EVENTSCOPE_PUBLIC") == "1",
            token=os.environ.get(TOKEN_ENV) or None,
        )
    )


__all__ = ["ApiError", "EventscopeError", "ServerConfig", "create_app", "ontology_json", "to_csv", "to_geojson"]
