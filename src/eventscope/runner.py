"""A resumable coding run: inputs -> pipeline -> JSONL file and/or the DuckDB store.

One commit point serves both outputs (``CommitPoint``): a batch is committed to the store in one
transaction first, then its JSONL lines are appended and synced.  A kill at any moment leaves the
JSONL at most one batch behind the store (plus a torn last line, which is cut off).  On the next
run the done set comes from both outputs: a document in both is skipped, a document in only one is
copied into the other (the stored record re-emitted as a JSONL line, or the JSONL record re-stored),
and everything else is coded.  So the JSONL and the store always end equal to an uninterrupted run.

Output paths are checked before any work starts: a directory, an unwritable place, an input file, a
file that is not eventscope output (unless ``force``), or a file another run holds locked is refused
with one ``error [E3xx]`` line.  Ctrl-C stops feeding documents, lets the current batch finish and
commit, and reports ``Interrupted``.
"""

from __future__ import annotations

import errno
import fcntl
import glob
import json
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Protocol

from eventscope.dedup import DocumentIndex
from eventscope.errors import (
    Interrupted,
    OutputBusy,
    OutputError,
    OutputIsInput,
    OutputNotOurs,
    RecordsUnreadable,
    UsageError,
)
from eventscope.ingest import SourceDocument, read_inputs
from eventscope.pipeline import Pipeline
from eventscope.records import (
    AnnotatedDocument,
    Entity,
    Event,
    Paragraph,
    Place,
    Quote,
    Report,
    TextSpan,
    actor_from_dict,
    event_from_dict,
)
from eventscope.settings import Settings
from eventscope.store import open_store

RECORD_PREFIX = b'{"doc_id": '
"""Every eventscope JSONL line starts so (``doc_id`` is the record's first field): how an output file is
recognised as ours even when its only line is torn."""


@dataclass
class RunSummary:
    documents: int = 0
    failed: int = 0
    duplicates: int = 0
    skipped: int = 0
    repaired: int = 0
    events: int = 0
    interrupted: bool = False
    errors: list[tuple[str, str]] = field(default_factory=list)

    def describe(self) -> str:
        lines = [
            f"{self.documents} documents coded, {self.events} events, {self.duplicates} duplicate documents, "
            f"{self.skipped} already done (resumed), {self.failed} failed"
            + (f", {self.repaired} copied between the JSONL and the store" if self.repaired else "")
        ]
        lines += [f"  failed: {doc_id}: {message}" for doc_id, message in self.errors[:20]]
        if len(self.errors) > 20:
            lines.append(f"  ... and {len(self.errors) - 20} more (see the 'error' field in the output)")
        return "\n".join(lines)


# -- the commit point ---------------------------------------------------------------------------------------


class RecordStore(Protocol):
    """What a store backend offers the commit point (DuckDB's ``EventStore``; a PostgreSQL store likewise)."""

    def done_ids(self) -> set[str]:
        """Ids of committed documents."""

    def write_batch(self, records: Sequence[AnnotatedDocument]) -> int:
        """Commit a batch atomically; documents already stored are ignored."""

    def records_by_id(self, doc_ids: Iterable[str]) -> dict[str, dict]:
        """The JSON records of these stored documents."""


@dataclass
class _Pending:
    """One document waiting for the next commit: coded now, or copied from one output into the other."""

    doc_id: str
    record: AnnotatedDocument | None = None  # coded in this run
    from_store: bool = False  # stored, missing from the JSONL: re-emit the stored record
    from_jsonl: bool = False  # in the JSONL, missing from the store: store the JSONL record


class CommitPoint:
    """The one place a batch becomes durable, store first, then the JSONL lines (see the module docstring)."""

    def __init__(self, store: RecordStore | None, jsonl: JsonlOutput | None, stream: IO[str] | None) -> None:
        self.store = store
        self.jsonl = jsonl
        self.stream = stream
        self.pending: list[_Pending] = []
        self.committed = 0
        self._stored_ids = store.done_ids() if store is not None else set()

    def done_ids(self) -> tuple[set[str], set[str]]:
        """(ids in every persistent output: skip them, ids in only some: copy them across)."""
        sets = ([self._stored_ids] if self.store is not None else []) + (
            [self.jsonl.done_ids()] if self.jsonl is not None else []
        )
        if not sets:
            return set(), set()
        everywhere = set.intersection(*sets)
        return everywhere, set.union(*sets) - everywhere

    def repair(self, doc_id: str) -> None:
        """Queue a document that one output has and the other lacks."""
        in_store = doc_id in self._stored_ids
        self.pending.append(_Pending(doc_id, from_store=in_store, from_jsonl=not in_store))

    def add(self, record: AnnotatedDocument) -> None:
        self.pending.append(_Pending(record.doc_id, record=record))

    def find(self, doc_id: str) -> dict | None:
        """A committed or pending record by id (the original a duplicate document copies its events from)."""
        for item in self.pending:
            if item.doc_id == doc_id and item.record is not None:
                return item.record.to_dict()
        for source in (self.store, self.jsonl):
            if source is not None:
                found = source.records_by_id([doc_id]).get(doc_id)
                if found is not None:
                    return found
        return None

    def commit(self) -> None:
        """Store the batch (one transaction), then append and sync its JSONL lines; a second Ctrl-C waits."""
        if not self.pending:
            return
        with _signals_held():
            self._commit()

    def _commit(self) -> None:
        batch, self.pending = self.pending, []
        stored = self.store.records_by_id([p.doc_id for p in batch if p.from_store]) if self.store else {}
        from_jsonl = self.jsonl.records_by_id([p.doc_id for p in batch if p.from_jsonl]) if self.jsonl else {}
        records: list[tuple[_Pending, dict]] = []
        for item in batch:
            data = (
                item.record.to_dict()
                if item.record is not None
                else stored.get(item.doc_id)
                if item.from_store
                else from_jsonl.get(item.doc_id)
            )
            if data is not None:
                records.append((item, data))
        if self.store is not None:
            self.store.write_batch(
                [item.record or document_from_dict(data) for item, data in records if not item.from_store]
            )
        lines = [
            (item.doc_id, json.dumps(data, ensure_ascii=False) + "\n") for item, data in records if not item.from_jsonl
        ]
        if self.jsonl is not None:
            self.jsonl.write_lines(lines)
        elif self.stream is not None:
            self.stream.write("".join(line for _, line in lines))
            self.stream.flush()
        self.committed += len(records)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C (delivered when the block ends) so a batch is never cut between the store and the JSONL."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class JsonlOutput:
    """The JSONL output file, locked for this run, checked to be ours, resumable and readable by id."""

    def __init__(self, path: Path, force: bool = False) -> None:
        self.path = path
        self.offsets: dict[str, tuple[int, int]] = {}
        try:
            self.handle = path.open("a+b", buffering=0)  # unbuffered: nothing left to fail at close
        except IsADirectoryError as exc:
            raise OutputError(f"output {path} is a directory; give a file name (e.g. {path}/coded.jsonl)") from exc
        except OSError as exc:
            raise OutputError(f"cannot write output {path}: {exc.strerror or exc}") from exc
        try:
            self._lock()
            self._check_ours(force)
            self._scan()
        except BaseException:
            self.handle.close()
            raise

    def _lock(self) -> None:
        try:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise OutputBusy(
                f"another eventscope run is writing {self.path}; wait for it to finish "
                "(two runs on one file would interleave their lines)"
            ) from exc

    def _check_ours(self, force: bool) -> None:
        self.handle.seek(0)
        head = self.handle.read(len(RECORD_PREFIX))
        if not head or head == RECORD_PREFIX:
            return
        if not force:
            first = head + self.handle.readline(60)
            raise OutputNotOurs(
                f"{self.path} exists and is not eventscope output (it starts "
                f"{first.decode('utf-8', 'replace').strip()[:40]!r}); refusing to overwrite or "
                "append to it: choose another -o file, or add --force to replace it"
            )
        self.handle.truncate(0)

    def _scan(self) -> None:
        """Index the complete records (id -> byte offset); cut a torn last line left by a kill."""
        position = 0
        with self.path.open("rb") as reader:
            for number, line in enumerate(reader, start=1):
                if not line.endswith(b"\n"):
                    break  # torn: the last write of an interrupted run
                doc_id = _record_id(line)
                if doc_id is None:
                    raise RecordsUnreadable(
                        f"{self.path}:{number}: not an eventscope record; the file is damaged "
                        "(remove that line, or add --force to start the file afresh)"
                    )
                self.offsets[doc_id] = (position, len(line))
                position += len(line)
        if position != self.handle.seek(0, os.SEEK_END):
            self.handle.truncate(position)

    def done_ids(self) -> set[str]:
        return set(self.offsets)

    def records_by_id(self, doc_ids: Iterable[str]) -> dict[str, dict]:
        found = {}
        for doc_id in doc_ids:
            if doc_id in self.offsets:
                offset, size = self.offsets[doc_id]
                self.handle.seek(offset)
                found[doc_id] = json.loads(self.handle.read(size))
        return found

    def texts(self) -> Iterator[tuple[str, str]]:
        """(doc_id, text) of non-duplicate records that were read (see ``EventStore.document_texts``)."""
        for data in self.records_by_id(list(self.offsets)).values():
            if not str(data.get("error") or "").startswith("[E1") and not data.get("duplicate_of"):
                yield data["doc_id"], data.get("text") or ""

    def write_lines(self, lines: list[tuple[str, str]]) -> None:
        if not lines:
            return
        end = self.handle.seek(0, os.SEEK_END)
        payload = "".join(line for _, line in lines).encode("utf-8")
        try:
            view = memoryview(payload)
            while view:
                view = view[self.handle.write(view) :]
            os.fsync(self.handle.fileno())
        except OSError as exc:
            full = " (disk full)" if exc.errno == errno.ENOSPC else ""
            raise OutputError(
                f"cannot write {self.path}{full}: {exc.strerror or exc}; the documents before this "
                "batch are kept: free space and re-run the same command to resume"
            ) from exc
        for doc_id, line in lines:
            size = len(line.encode("utf-8"))
            self.offsets[doc_id] = (end, size)
            end += size

    def close(self) -> None:
        self.handle.close()


def _record_id(line: bytes) -> str | None:
    try:
        data = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("doc_id"), str) or "events" not in data:
        return None
    return data["doc_id"]


# -- the run ------------------------------------------------------------------------------------------------


class CodeRun:
    """Runs the pipeline over inputs, writing JSONL and/or the store, resumably."""

    def __init__(
        self,
        settings: Settings,
        output: str | None = None,
        db: str | None = None,
        progress: bool = False,
        pipeline: Pipeline | None = None,
        force: bool = False,
    ) -> None:
        self.settings = settings
        self.output = output
        self.db = db
        self.progress = progress
        self.force = force
        self.pipeline = pipeline or Pipeline(settings)
        self._stop = False

    def run(self, inputs: Iterable[str]) -> RunSummary:
        inputs = list(inputs)
        summary = RunSummary()
        output = Path(self.output) if self.output and self.output != "-" else None
        if output is not None:
            check_output_path(output, inputs, self.db)
        with ExitStack() as stack:
            stack.enter_context(self._catch_interrupt())  # from the start: a Ctrl-C while opening is clean too
            jsonl = JsonlOutput(output, self.force) if output is not None else None
            if jsonl is not None:
                stack.callback(jsonl.close)
            store = stack.enter_context(open_store(self.db)) if self.db else None  # DuckDB file or postgresql://
            commit = CommitPoint(store, jsonl, sys.stdout if self.output == "-" else None)
            done, partial = commit.done_ids()
            index = DocumentIndex()
            if store is not None:
                index.seed(store.document_texts())
            if jsonl is not None:
                index.seed(jsonl.texts())
            sources = self._plan(read_inputs(inputs, self.settings.default_date), done, partial, commit, summary)
            records = self.pipeline.annotate(sources, index)
            progress = stack.enter_context(_Progress(self.progress))
            memory: dict[str, dict] = {}  # originals by id when no output can be read back (stdout only)
            for record in records:
                if record.duplicate_of and not record.events:
                    original = commit.find(record.duplicate_of) or memory.get(record.duplicate_of)
                    record = with_original_events(record, original)
                elif store is None and jsonl is None and record.events:
                    memory[record.doc_id] = {"doc_id": record.doc_id, "events": record.to_dict()["events"]}
                _count(record, summary)
                commit.add(record)
                if len(commit.pending) >= self.settings.batch_size:
                    commit.commit()
                progress.advance(record)
            commit.commit()
        if self._stop:
            raise Interrupted(
                f"stopped on Ctrl-C after committing the current batch ({summary.documents} "
                "documents coded in this run); re-run the same command to resume"
            )
        return summary

    def _plan(
        self,
        sources: Iterable[SourceDocument],
        done: set[str],
        partial: set[str],
        commit: CommitPoint,
        summary: RunSummary,
    ) -> Iterator[SourceDocument]:
        """Skip what is done, queue copies for what one output lacks, and stop feeding on Ctrl-C."""
        seen: set[str] = set()
        for source in sources:
            if self._stop:
                return
            if source.doc_id in seen or source.doc_id in done:
                summary.skipped += 1
                continue
            seen.add(source.doc_id)
            if source.doc_id in partial:
                summary.skipped += 1
                summary.repaired += 1
                commit.repair(source.doc_id)
                continue
            yield source

    def _catch_interrupt(self):
        """Ctrl-C sets a flag (the batch in hand finishes and commits); a second Ctrl-C interrupts at once."""
        stack = ExitStack()
        if threading.current_thread() is not threading.main_thread():
            return stack

        def stop(signum: int, frame: object) -> None:
            self._stop = True
            signal.signal(signal.SIGINT, signal.default_int_handler)

        previous = signal.signal(signal.SIGINT, stop)
        stack.callback(signal.signal, signal.SIGINT, previous)
        return stack


def check_output_path(output: Path, inputs: Sequence[str], db: str | None) -> None:
    """Refuse, before any work, an output that is an input, lies inside an input folder, or is the database."""
    from eventscope.ingest.readers import SUPPORTED_SUFFIXES

    target = output.resolve()
    if db and Path(db).resolve() == target:
        raise UsageError(f"-o {output} and --db {db} are the same file; give them different names")
    if output.is_dir():
        raise OutputError(f"output {output} is a directory; give a file name (e.g. {output}/coded.jsonl)")
    if not output.parent.is_dir():
        raise OutputError(f"cannot write output {output}: folder {output.parent} does not exist")
    for item in inputs:
        if item == "-":
            continue
        paths = [Path(p) for p in glob.glob(item, recursive=True)] if glob.has_magic(item) else [Path(item)]
        for path in paths:
            resolved = path.resolve()
            if resolved == target:
                raise OutputIsInput(f"output {output} is also an input; coding would overwrite what it reads")
            if path.is_dir() and target.is_relative_to(resolved) and target.suffix.lower() in SUPPORTED_SUFFIXES:
                raise OutputIsInput(
                    f"output {output} is inside input folder {path} and would be read back as "
                    "input on the next run; write it elsewhere"
                )


EXPORT_SIGNATURES = (b'{"event_id"', b'{"id"', b'{"type": "FeatureCollection"', b"event_id,", b"GLOBALEVENTID", b"PAR1")
"""How an earlier export starts (JSONL/PLOVER, GeoJSON, flat CSV, CAMEO table, Parquet): those are replaced
freely; any other existing file is someone's data."""


def check_export_target(output: Path, source: str | None, db: str | None, force: bool = False) -> None:
    """An export must not land on a folder, in a missing folder, on the file it reads, or on a file that is not
    an earlier export (unless ``force``): checked before anything is read."""
    if output.is_dir():
        raise OutputError(f"output {output} is a directory; give a file name")
    if not output.parent.is_dir():
        raise OutputError(f"cannot write output {output}: folder {output.parent} does not exist")
    reads = Path(source) if source else Path(db) if db else None
    if reads is not None and reads.resolve() == output.resolve():
        raise OutputIsInput(f"output {output} is the file being exported from; it would be destroyed")
    if force or not output.is_file():
        return
    with output.open("rb") as handle:
        head = handle.read(64).lstrip(b"\xef\xbb\xbf")
    if head and not head.startswith(EXPORT_SIGNATURES):
        raise OutputNotOurs(
            f"{output} exists and is not an eventscope export; refusing to overwrite it: choose "
            "another -o file, or add --force to replace it"
        )


def with_original_events(record: AnnotatedDocument, original: dict | None) -> AnnotatedDocument:
    """A copy of an earlier document carries the original's events, reported by the copy (its doc_id, the
    original's sentence offsets, one report per report the original had), so a run over a renamed copy is
    complete, not empty.  Its ``mentions`` are the copy's own, as for any document: merging the records'
    events by id (``show``/``export`` of a JSONL) then counts what the store counts."""
    if original is None or not original.get("events"):
        return record
    original_id = original["doc_id"]
    events: list[Event] = []
    for data in original["events"]:
        event = event_from_dict(data)
        reports = tuple(Report(record.doc_id, r.start, r.end) for r in event.reports if r.doc_id == original_id)
        events.append(replace(event, mentions=len(reports), reports=reports))
    return replace(record, events=tuple(events))


def document_from_dict(data: dict) -> AnnotatedDocument:
    """Rebuild a record from its JSON line (to store a document the JSONL has and the store lacks)."""

    def span(value: dict | None) -> TextSpan | None:
        return TextSpan(**value) if value else None

    return AnnotatedDocument(
        doc_id=data["doc_id"],
        title=data.get("title"),
        date=data.get("date"),
        url=data.get("url"),
        source=data.get("source"),
        text=data.get("text") or "",
        duplicate_of=data.get("duplicate_of"),
        paragraphs=tuple(Paragraph(**p) for p in data.get("paragraphs") or ()),
        entities=tuple(Entity(**e) for e in data.get("entities") or ()),
        places=tuple(Place(**p) for p in data.get("places") or ()),
        quotes=tuple(
            Quote(
                start=q["start"],
                end=q["end"],
                text=q["text"],
                direct=q["direct"],
                speaker=actor_from_dict(q.get("speaker")),
                cue=span(q.get("cue")),
                event_ids=tuple(q.get("event_ids") or ()),
            )
            for q in data.get("quotes") or ()
        ),
        events=tuple(event_from_dict(e) for e in data.get("events") or ()),
        error=data.get("error"),
    )


def _count(record: AnnotatedDocument, summary: RunSummary) -> None:
    summary.documents += 1
    summary.events += len(record.events)
    if record.error:
        summary.failed += 1
        summary.errors.append((record.doc_id, record.error))
    if record.duplicate_of:
        summary.duplicates += 1


class _Progress:
    """A rich progress bar on stderr (only when it is a terminal)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._progress = None
        self._task = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("coding"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[events]} events"),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("coding", total=None, events=0)
        return self

    def advance(self, record: AnnotatedDocument) -> None:
        if self._progress is not None:
            task = self._progress.tasks[0]
            self._progress.update(self._task, advance=1, events=task.fields["events"] + len(record.events))

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(None, None, None)
