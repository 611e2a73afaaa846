"""Sharded output of a run: ``part-RRR-SSSSSS.jsonl`` (our record) and ``.parquet`` (one row per event).

Why this layout: each finished batch becomes one pair of files, written to a temporary name and renamed, so
a shard is either complete or absent whatever moment the run is killed at.  The JSONL shard is renamed last
and is the commit mark: a Parquet shard without its JSONL twin is a leftover of a killed run and is removed.
Shards sort in input order (R: the run that wrote it, S: the batch), so ``cat part-*.jsonl`` gives the
records in the order a one-process run writes them.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from eventscope.records import AnnotatedDocument, Event, record_to_dict
from eventscope.store.export import FLAT_COLUMNS, flat_row

SHARD_NAME = re.compile(r"^part-(\d{3})-(\d{6})\.(jsonl|parquet)$")
_FLOATS = {"lat", "lon", "confidence"}
_INTS = {"geonames_id", "mentions", "sentence_start", "sentence_end"}
EVENT_SCHEMA = pa.schema(
    [
        (
            c,
            pa.float64()
            if c in _FLOATS
            else pa.int64()
            if c in _INTS
            else pa.bool_()
            if c == "negated"
            else pa.string(),
        )
        for c in FLAT_COLUMNS
    ]
    + [("record_doc_id", pa.string()), ("duplicate_of", pa.string()), ("record", pa.string())]
)


class ShardWriter:
    """Writes one shard pair per batch into ``folder``, atomically; knows what earlier runs finished."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._clean_leftovers()
        runs = [int(m.group(1)) for m in map(SHARD_NAME.match, os.listdir(self.folder)) if m]
        self.run_number = max(runs, default=0) + 1
        self._batch = 0

    def done_doc_ids(self) -> set[str]:
        """Ids of the documents in finished shards (what a resumed run skips)."""
        return {record["doc_id"] for record in read_records(self.folder)}

    def write(self, records: list[AnnotatedDocument]) -> None:
        if not records:
            return
        name = f"part-{self.run_number:03d}-{self._batch:06d}"
        self._batch += 1
        rows = [_event_row(record, event) for record in records for event in record.events]
        _atomic(
            self.folder / f"{name}.parquet",
            lambda tmp: pq.write_table(pa.Table.from_pylist(rows, schema=EVENT_SCHEMA), tmp),
        )
        lines = "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records)
        _atomic(self.folder / f"{name}.jsonl", lambda tmp: tmp.write_text(lines, encoding="utf-8"))

    def _clean_leftovers(self) -> None:
        for path in self.folder.iterdir():
            if path.name.endswith(".tmp") and path.name.startswith("part-"):
                path.unlink()
            elif SHARD_NAME.match(path.name) and path.suffix == ".parquet" and not path.with_suffix(".jsonl").exists():
                path.unlink()


def shard_paths(folder: str | Path, suffix: str = ".jsonl") -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if SHARD_NAME.match(p.name) and p.suffix == suffix)


def read_records(folder: str | Path) -> Iterator[dict]:
    """Every record of the finished JSONL shards, in input order."""
    for path in shard_paths(folder):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)


def _event_row(record: AnnotatedDocument, event: Event) -> dict:
    row = flat_row(event)
    row["record_doc_id"] = record.doc_id
    row["duplicate_of"] = record.duplicate_of
    row["record"] = json.dumps(record_to_dict(event), ensure_ascii=False)
    return row


def _atomic(path: Path, write) -> None:
    """Write through ``path.tmp`` + fsync + rename: the file is whole or absent after a crash."""
    tmp = path.with_name(path.name + ".tmp")
    write(tmp)
    with tmp.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def iter_batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
