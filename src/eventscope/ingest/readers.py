"""Readers for .txt, .html, .jsonl, .csv files, folders, globs and stdin.

Every input yields ``SourceDocument`` records; a bad document yields one with ``error`` set
(and the batch goes on), so nothing is silently dropped.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from eventscope.errors import (
    BinaryInput,
    DecodeFailure,
    EmptyInput,
    InputError,
    MalformedRecord,
    MissingInput,
    TooLarge,
    UnsupportedFormat,
)
from eventscope.ids import content_id
from eventscope.ingest.normalize import normalize_text

MAX_DOCUMENT_CHARS = 1_000_000
"""spaCy's own default ``max_length``; longer documents are reported, not truncated silently."""

MAX_FILE_BYTES = 20_000_000
"""A single .txt/.html document above this is reported as too large (corpora are streamed)."""

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | FEED_SUFFIXES


@dataclass(frozen=True)
class SourceDocument:
    """A document as read, before any analysis: metadata plus normalised text."""

    doc_id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""  # file path (and line) it came from, for error reports
    error: str | None = None


def read_inputs(
    inputs: Iterable[str], default_date: str | None = None, stdin: io.TextIOBase | None = None
) -> Iterator[SourceDocument]:
    """Read every path, folder (recursively), glob or ``-`` (stdin) in order."""
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin
            yield from _with_default_date(_read_stream(stream.read(), "<stdin>"), default_date)
            continue
        for path in _expand(item):
            if isinstance(path, InputError):
                yield _error_doc(item, path)
                continue
            yield from _with_default_date(read_path(path), default_date)


def read_path(path: Path) -> Iterator[SourceDocument]:
    """Read one file by its suffix; errors become error records."""
    suffix = path.suffix.lower()
    origin = str(path)
    try:
        if suffix not in SUPPORTED_SUFFIXES:
            raise UnsupportedFormat(f"unsupported file type {suffix!r} for {path}")
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path)
        elif suffix in CSV_SUFFIXES:
            yield from _read_csv(path)
        elif suffix in FEED_SUFFIXES:
            yield from _read_feed(path)
        else:
            raw = _read_bytes(path)
            text = _decode(raw, origin)
            if suffix in HTML_SUFFIXES:
                yield _from_html(text, origin)
            else:
                yield make_document(text, origin=origin, source=path.parent.name or None)
    except InputError as exc:
        yield _error_doc(origin, exc)
    except OSError as exc:
        yield _error_doc(origin, MissingInput(f"cannot read {path}: {exc.strerror or exc}"))


def make_document(
    text: str,
    *,
    doc_id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    source: str | None = None,
    origin: str = "",
) -> SourceDocument:
    """Normalise and validate one document's text; ids derive from content when not given."""
    normalized = normalize_text(text or "")
    error: str | None = None
    if not normalized:
        error = str(EmptyInput(f"no text in {origin or 'document'}"))
    elif len(normalized) > MAX_DOCUMENT_CHARS:
        error = str(TooLarge(f"{len(normalized)} characters > {MAX_DOCUMENT_CHARS} in {origin or 'document'}"))
        normalized = ""
    return SourceDocument(
        doc_id=str(doc_id) if doc_id not in (None, "") else content_id(normalized or origin, "doc"),
        text=normalized,
        title=_clean(title),
        date=parse_date(date),
        url=_clean(url),
        source=_clean(source),
        origin=origin,
        error=error,
    )


def parse_date(value: object) -> str | None:
    """ISO ``YYYY-MM-DD`` from common date forms; None when absent or unparseable."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    import dateparser  # slow import; only for non-ISO dates

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None


def _expand(item: str) -> Iterator[Path | InputError]:
    path = Path(item)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        yield from (p for p in files if p.suffix.lower() in SUPPORTED_SUFFIXES)
    elif path.exists():
        yield path
    else:
        matches = sorted(Path(p) for p in glob.glob(item, recursive=True))
        if not matches:
            yield MissingInput(f"no such file, folder or glob: {item}")
        for match in matches:
            if match.is_file():
                yield match


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise TooLarge(f"{path} is {size} bytes > {MAX_FILE_BYTES}")
    return path.read_bytes()


def _decode(raw: bytes, origin: str) -> str:
    """UTF-8 first; otherwise a detected encoding; binary or hopeless input is an error."""
    if not raw.strip():
        raise EmptyInput(f"empty file {origin}")
    if b"\x00" in raw[:8192]:
        raise BinaryInput(f"binary content in {origin}")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.chaos > 0.2:
        raise DecodeFailure(f"cannot decode {origin}: not UTF-8 and no reliable encoding detected")
    return str(best)


def _from_html(html: str, origin: str) -> SourceDocument:
    """Main text by trafilatura's boilerplate remover; title/date/url from the page metadata."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    meta = trafilatura.extract_metadata(html)
    if not text:
        raise EmptyInput(f"no main text found in HTML {origin}")
    return make_document(
        text,
        title=getattr(meta, "title", None),
        date=getattr(meta, "date", None),
        url=getattr(meta, "url", None),
        source=getattr(meta, "sitename", None) or getattr(meta, "hostname", None),
        origin=origin,
    )


def _read_jsonl(path: Path) -> Iterator[SourceDocument]:
    with path.open("rb") as handle:
        for number, raw_line in enumerate(handle, start=1):
            origin = f"{path}:{number}"
            if not raw_line.strip():
                continue
            try:
                line = raw_line.decode("utf-8-sig")
                record = json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield _error_doc(origin, MalformedRecord(f"malformed JSON line {origin}: {exc}"))
                continue
            yield _from_mapping(record, origin)


def _read_csv(path: Path) -> Iterator[SourceDocument]:
    raw = _read_corpus_text(path)
    dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.DictReader(io.StringIO(raw), dialect=dialect)
    try:
        for number, row in enumerate(reader, start=2):
            yield _from_mapping(row, f"{path}:{number}")
    except csv.Error as exc:
        yield _error_doc(str(path), MalformedRecord(f"malformed CSV {path}: {exc}"))


def _read_feed(path: Path) -> Iterator[SourceDocument]:
    from eventscope.ingest.feeds import feed_items

    for number, item in enumerate(feed_items(_decode(_read_bytes(path), str(path)), str(path)), start=1):
        yield _from_mapping(item, f"{path}#{number}")


def _read_corpus_text(path: Path) -> str:
    return _decode(path.read_bytes(), str(path))


def _read_stream(content: str, origin: str) -> Iterator[SourceDocument]:
    stripped = content.lstrip()
    if stripped.startswith("{"):
        for number, line in enumerate(content.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield _from_mapping(json.loads(line), f"{origin}:{number}")
            except json.JSONDecodeError as exc:
                yield _error_doc(f"{origin}:{number}", MalformedRecord(f"malformed JSON line: {exc}"))
    elif stripped.startswith("<"):
        try:
            yield _from_html(content, origin)
        except InputError as exc:
            yield _error_doc(origin, exc)
    else:
        yield make_document(content, origin=origin)


def _from_mapping(record: object, origin: str) -> SourceDocument:
    if not isinstance(record, dict):
        return _error_doc(origin, MalformedRecord(f"expected a JSON object at {origin}"))
    text = record.get("text")
    if not isinstance(text, str):
        return _error_doc(
            origin, MalformedRecord(f"missing or non-string 'text' at {origin}"), record.get("id")
        )
    return make_document(
        text,
        doc_id=record.get("id") or record.get("doc_id"),
        title=record.get("title"),
        date=record.get("date"),
        url=record.get("url"),
        source=record.get("source"),
        origin=origin,
    )


def _error_doc(origin: str, exc: Exception, doc_id: object = None) -> SourceDocument:
    return SourceDocument(
        doc_id=str(doc_id) if doc_id else content_id(origin, "error"), text="", origin=origin, error=str(exc)
    )


def _with_default_date(docs: Iterable[SourceDocument], default_date: str | None) -> Iterator[SourceDocument]:
    for doc in docs:
        yield replace(doc, date=default_date) if doc.date is None and default_date else doc


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
