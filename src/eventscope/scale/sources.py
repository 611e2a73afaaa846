"""Inputs for a sharded run: ``eventscope.ingest`` readers plus Parquet corpora, and a cheap document count.

Why here: a cluster corpus is usually Parquet (one row per document, columns ``id``, ``text`` and the optional
``title``, ``date``, ``url``, ``source``, like the JSONL/CSV corpora), and a progress bar with an ETA needs the
total before coding starts, which for corpus files costs a line count, not a parse.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventscope.errors import MalformedRecord
from eventscope.ingest import SourceDocument, read_inputs
from eventscope.ingest.readers import (
    CSV_SUFFIXES,
    FEED_SUFFIXES,
    JSONL_SUFFIXES,
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    _error_doc,
    _from_mapping,
    _with_default_date,
)

PARQUET_SUFFIXES = {".parquet", ".pq"}
PARQUET_COLUMNS = ("id", "doc_id", "text", "title", "date", "url", "source")


def iter_sources(inputs: Iterable[str], default_date: str | None = None) -> Iterator[SourceDocument]:
    """Every document of ``inputs`` in order, as ``read_inputs`` yields them, with Parquet files read too."""
    for item in inputs:
        files = _files(item)
        if files is None or not any(p.suffix.lower() in PARQUET_SUFFIXES for p in files):
            yield from read_inputs([item], default_date)
            continue
        for path in files:
            if path.suffix.lower() in PARQUET_SUFFIXES:
                yield from _with_default_date(read_parquet(path), default_date)
            else:
                yield from read_inputs([str(path)], default_date)


def read_parquet(path: Path) -> Iterator[SourceDocument]:
    """One document per row, streamed by row group (a corpus need not fit in memory)."""
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a broken file
        yield _error_doc(str(path), MalformedRecord(f"malformed Parquet file {path}: {exc}"))
        return
    columns = [c for c in PARQUET_COLUMNS if c in parquet.schema_arrow.names]
    row_number = 0
    for batch in parquet.iter_batches(columns=columns, batch_size=1000):
        for row in batch.to_pylist():
            row_number += 1
            yield _from_mapping(
                {k: (str(v) if k != "text" and v is not None else v) for k, v in row.items()}, f"{path}#{row_number}"
            )


def count_documents(inputs: Iterable[str]) -> int | None:
    """How many documents ``iter_sources`` will yield, or None when that needs a full parse (feeds, stdin)."""
    total = 0
    for item in inputs:
        files = _files(item)
        if files is None:
            return None
        for path in files:
            counted = _count_file(path)
            if counted is None:
                return None
            total += counted
    return total


def _files(item: str) -> list[Path] | None:
    """The files an input names, in reading order (None for stdin)."""
    if item == "-":
        return None
    path = Path(item)
    suffixes = SUPPORTED_SUFFIXES | PARQUET_SUFFIXES
    if path.is_dir():
        return sorted(
            p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in suffixes
        )
    if path.exists():
        return [path]
    import glob

    return sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file()) or [path]


def _count_file(path: Path) -> int | None:
    suffix = path.suffix.lower()
    try:
        if suffix in PARQUET_SUFFIXES:
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        if suffix in CSV_SUFFIXES:
            text = path.read_text(encoding="utf-8", errors="replace")
            dialect = csv.excel_tab if suffix == ".tsv" else csv.excel
            csv.field_size_limit(MAX_FILE_BYTES)
            return max(0, sum(1 for _ in csv.reader(io.StringIO(text), dialect=dialect)) - 1)
        if suffix in FEED_SUFFIXES:
            return None
    except (OSError, csv.Error, ValueError):
        return 1  # an unreadable file becomes one error record
    return 1
