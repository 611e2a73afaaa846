"""Readers for .txt, .html, .jsonl, .csv files, folders, globs and stdin.

Every input yields ``SourceDocument`` records; a bad document yields one with ``error`` set
(and the batch goes on), so nothing is silently dropped.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from eventscope.errors import (
    BinaryInput,
    DecodeFailure,
    EmptyInput,
    InputError,
    MalformedRecord,
    MissingInput,
    TooLarge,
    UnsupportedFormat,
    UnsupportedLanguage,
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
    language: str | None = None  # ISO 639-1, identified with confidence ("en" when unsure)
    warnings: tuple[str, ...] = ()  # repairs made while reading (mojibake fixed)


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
            if isinstance(path, tuple):
                yield _error_doc(*path)
                continue
            yield from _with_default_date(read_path(path), default_date)


def read_path(path: Path) -> Iterator[SourceDocument]:
    """Read one file by its suffix; errors become error records."""
    suffix = path.suffix.lower()
    origin = str(path)
    try:
        if suffix not in SUPPORTED_SUFFIXES:
            raise UnsupportedFormat(f"unsupported file type {suffix!r} for {path}")
        if suffix in JSONL_SUFFIXES | CSV_SUFFIXES | FEED_SUFFIXES:
            reader = _read_jsonl if suffix in JSONL_SUFFIXES else _read_csv if suffix in CSV_SUFFIXES else _read_feed
            count = 0
            for count, document in enumerate(reader(path), start=1):  # noqa: B007 - count is read after the loop
                yield document
            if count == 0:  # an empty corpus is reported, so every input leaves a trace in the output
                raise EmptyInput(f"no documents in {path}")
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
    """Normalise and validate one document's text; ids derive from content when not given.

    Mojibake (UTF-8 read as Windows-1252: "donâ€™t") is repaired first, with a warning on the record; a
    confidently non-English text keeps its language and an E108 error instead of being coded."""
    repaired, warnings = _repair_mojibake(text or "")
    normalized = normalize_text(repaired)
    error: str | None = None
    language: str | None = None
    if not normalized:
        error = str(EmptyInput(f"no text in {origin or 'document'}"))
    elif len(normalized) > MAX_DOCUMENT_CHARS:
        error = str(TooLarge(f"{len(normalized)} characters > {MAX_DOCUMENT_CHARS} in {origin or 'document'}"))
        normalized = ""
    else:
        from eventscope.nlp.language import identify, is_supported

        language = identify(normalized)
        if not is_supported(language):
            error = str(UnsupportedLanguage(f"language {language} not supported in {origin or 'document'}"))
    return SourceDocument(
        doc_id=str(doc_id) if doc_id not in (None, "") else content_id(normalized or origin, "doc"),
        text=normalized,
        title=_clean(title),
        date=parse_date(date),
        url=_clean(url),
        source=_clean(source),
        origin=origin,
        error=error,
        language=language,
        warnings=warnings,
    )


MOJIBAKE_HINT = re.compile(
    "[\u00c2\u00c3\u00c5\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
"""The second character of a UTF-8 sequence seen through Windows-1252/Latin-1: only then is ftfy asked."""


C1_CONTROLS = re.compile("[\u0080-\u009f]")
"""C1 control characters: in news text, Windows-1252 punctuation read as Latin-1 ("messaging \x97 warning")."""


def _repair_mojibake(text: str) -> tuple[str, tuple[str, ...]]:
    """ftfy's encoding repair only (quotes, dashes and spacing are left as written); C1 controls alone (a dash or
    quote of Windows-1252, one character for one, so offsets hold) are read as Windows-1252 too: the parser
    takes "\x97" for a word."""
    if not MOJIBAKE_HINT.search(text):
        if not C1_CONTROLS.search(text):
            return text, ()
        from ftfy.fixes import fix_c1_controls

        fixed = fix_c1_controls(text)
        return (fixed, ("C1 control characters read as Windows-1252 (ftfy)",)) if fixed != text else (text, ())
    import ftfy

    fixed = ftfy.fix_encoding(text)
    return (fixed, ("mojibake repaired (ftfy)",)) if fixed != text else (text, ())


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


def _expand(item: str) -> Iterator[Path | tuple[str, InputError]]:
    """Files to read, in path order; what cannot be read (a symlink loop, a dangling link) as (origin, error)."""
    path = Path(item)
    if path.is_dir():
        real = Path(os.path.realpath(path))  # a link to the folder or any folder above it leads back into it
        found: list[Path | tuple[str, InputError]] = list(_walk(path, {str(p) for p in (real, *real.parents)}))
        yield from sorted(found, key=lambda entry: str(entry[0] if isinstance(entry, tuple) else entry))
    elif path.exists():
        yield path
    elif path.is_symlink():
        yield str(path), MissingInput(f"cannot read {path}: symlink loop or dangling link")
    else:
        matches = sorted(Path(p) for p in glob.glob(item, recursive=True))
        if not matches:
            yield item, MissingInput(f"no such file, folder or glob: {item}")
        for match in matches:
            if match.is_file():
                yield match


def _walk(folder: Path, ancestors: set[str]) -> Iterator[Path | tuple[str, InputError]]:
    """Files under ``folder``, following symlinks except those that lead back up the tree (reported)."""
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        yield str(folder), MissingInput(f"cannot read folder {folder}: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                yield str(path), MissingInput(f"cannot read {path}: symlink loop or dangling link")
                continue
            if target.is_dir():
                if str(target) in ancestors:
                    yield str(path), MissingInput(f"symlink loop: {path} -> {target}")
                else:
                    yield from _walk(path, ancestors | {str(target)})
                continue
        if entry.is_dir(follow_symlinks=True):
            yield from _walk(path, ancestors | {os.path.realpath(path)})
        elif entry.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path


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
    """Main text by trafilatura's boilerplate remover; title/date/url from the page metadata.

    Precision mode first; when it finds nothing, or only a reprint notice, recall mode; then a plain
    text-density pass over the paragraphs (pages nested too deep for trafilatura, odd markup).  Scripts
    too big to be anything but code are cut first: an 11 MB script must not hide the article."""
    import trafilatura

    html = _drop_huge_scripts(html)
    warnings: tuple[str, ...] = ()
    text = _trafilatura_text(html, favor_precision=True)
    if _is_notice(text):
        text = _trafilatura_text(html, favor_recall=True)
        warnings = ("main text by trafilatura's recall mode",)
    if _is_notice(text):
        text = _density_text(html)
        warnings = ("main text by the text-density fallback",)
    if not text:
        raise EmptyInput(f"no main text found in HTML {origin}")
    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:  # metadata is a bonus; a page that breaks it still has its text
        meta = None
    document = make_document(
        text,
        title=getattr(meta, "title", None),
        date=getattr(meta, "date", None),
        url=getattr(meta, "url", None),
        source=getattr(meta, "sitename", None) or getattr(meta, "hostname", None),
        origin=origin,
    )
    return replace(document, warnings=document.warnings + warnings) if warnings else document


def _trafilatura_text(html: str, **mode: Any) -> str | None:
    import trafilatura

    try:
        return trafilatura.extract(html, include_comments=False, include_tables=False, **mode)
    except Exception:  # a parser failure on hostile markup means "found nothing", not a lost batch
        return None


NOTICE = re.compile(
    r"\b(reprint|republish|originally (published|appeared)|all rights reserved|copyright|"
    r"cookies?|subscribe|sign up|javascript)\b",
    re.IGNORECASE,
)
NOTICE_MAX_WORDS = 40


def _is_notice(text: str | None) -> bool:
    """Nothing, or a short reprint/copyright/cookie notice instead of the article."""
    if not text or not text.strip():
        return True
    return len(text.split()) <= NOTICE_MAX_WORDS and bool(NOTICE.search(text))


MAX_SCRIPT_CHARS = 200_000


def _drop_huge_scripts(html: str) -> str:
    """Empty every <script>/<style> body longer than ``MAX_SCRIPT_CHARS`` (libxml2 gives up on 10 MB nodes)."""
    if len(html) < MAX_SCRIPT_CHARS:
        return html
    lower = html.lower()
    parts: list[str] = []
    position = 0
    while True:
        start = min(
            (i for i in (lower.find("<script", position), lower.find("<style", position)) if i >= 0), default=-1
        )
        if start < 0:
            break
        name = "script" if lower.startswith("<script", start) else "style"
        body = lower.find(">", start)
        end = lower.find(f"</{name}", body) if body >= 0 else -1
        if body < 0 or end < 0:
            break
        parts.append(html[position : body + 1])
        if end - body > MAX_SCRIPT_CHARS:
            parts.append(" ")
        else:
            parts.append(html[body + 1 : end])
        position = end
    parts.append(html[position:])
    return "".join(parts)


DENSITY_MIN_WORDS = 8
DENSITY_MAX_LINKS = 0.5


def _density_text(html: str) -> str:
    """Paragraph-like blocks with enough words and few link words, in page order: a last resort."""
    import lxml.html

    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for element in list(root.iter("script", "style", "noscript", "nav", "header", "footer", "aside", "form")):
        element.drop_tree()
    blocks = []
    for element in root.iter("p", "li", "blockquote", "h1", "h2", "h3", "td", "pre"):
        text = " ".join(element.text_content().split())
        words = len(text.split())
        link_words = sum(len(a.text_content().split()) for a in element.iter("a"))
        if words >= DENSITY_MIN_WORDS and link_words <= DENSITY_MAX_LINKS * words:
            blocks.append(text)
    return "\n".join(blocks)


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
    """One document per row; a broken row becomes an error record (file:line) and the rows after it are kept."""
    raw = _read_corpus_text(path)
    dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    csv.field_size_limit(MAX_FILE_BYTES)
    header: list[str] | None = None
    for number, row, problem in _csv_rows(raw, dialect):
        origin = f"{path}:{number}"
        if problem is not None:
            yield _error_doc(origin, MalformedRecord(f"malformed CSV row {origin}: {problem}"))
        elif header is None:
            header = [name.strip() for name in row]
        elif any(field.strip() for field in row):
            yield _from_mapping(dict(zip(header, row, strict=False)), origin)


MAX_ROW_LINES = 2000
"""A quoted field spanning more lines than this is a quote left open, not a text (reported, not swallowed)."""


def _csv_rows(raw: str, dialect) -> Iterator[tuple[int, list[str], str | None]]:
    """(first line number, fields, problem) per row, parsed row by row.

    A quoted field may span lines, so a row is complete when its quotes balance.  A quote left open would
    otherwise swallow every later row into one field: when a line that is itself a complete row starting
    with an id-like first field follows an unbalanced row, the open row is reported and that line starts
    afresh.
    """
    lines = [line + "\n" for line in raw.split("\n")]  # not splitlines(): it also breaks on \x1e, \x85, \u2028
    lines[-1] = lines[-1][:-1]
    pending: list[str] = []
    start = quotes = 0
    width = None
    for number, line in enumerate(lines, start=1):
        if pending and _starts_row(line, dialect, width):
            yield start, [], "unclosed quote (the row is not merged with the next one)"
            pending = []
        if not pending:
            start, quotes = number, 0
        pending.append(line)
        quotes += line.count('"')
        if quotes % 2 and len(pending) < MAX_ROW_LINES:
            continue
        text, pending = "".join(pending), []
        try:
            row = next(
                csv.reader(
                    [text.rstrip("\r\n")] if "\n" not in text.rstrip("\r\n") else io.StringIO(text),
                    dialect=dialect,
                    strict=True,
                ),
                [],
            )
        except csv.Error as exc:
            yield start, [], str(exc)
            continue
        width = width or len(row)
        yield start, row, None
    if pending:
        yield start, [], "unclosed quote at the end of the file"


_ID_FIELD = re.compile(r"[^\s\",;\t]{0,63}\d[^\s\",;\t]{0,63}")
"""An id: one short token with a digit ("a3", "2024-001"); a wrapped text line rarely starts with one."""


def _starts_row(line: str, dialect, width: int | None) -> bool:
    """Does this line look like a whole row of its own (id-like first field, the header's field count)?"""
    if width is None or line.count('"') % 2:
        return False
    try:
        row = next(csv.reader([line.rstrip("\r\n")], dialect=dialect, strict=True), [])
    except csv.Error:
        return False
    return len(row) == width and bool(_ID_FIELD.fullmatch(row[0]))


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
        return _error_doc(origin, MalformedRecord(f"missing or non-string 'text' at {origin}"), record.get("id"))
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
