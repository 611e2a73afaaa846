"""A resumable coding run: inputs -> pipeline -> JSONL file and/or the DuckDB store.

Documents already in the output file (or, without one, in the store) are skipped, a torn last
JSONL line from an interrupted run is cut off, and the store is written one batch per
transaction, so re-running the same command resumes without losing or duplicating records.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from eventscope.dedup import DocumentIndex
from eventscope.ingest import SourceDocument, read_inputs
from eventscope.pipeline import Pipeline
from eventscope.records import AnnotatedDocument
from eventscope.settings import Settings
from eventscope.store import EventStore


@dataclass
class RunSummary:
    documents: int = 0
    failed: int = 0
    duplicates: int = 0
    skipped: int = 0
    events: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def describe(self) -> str:
        lines = [
            f"{self.documents} documents coded, {self.events} events, {self.duplicates} duplicate documents, "
            f"{self.skipped} already done (resumed), {self.failed} failed"
        ]
        lines += [f"  failed: {doc_id}: {message}" for doc_id, message in self.errors[:20]]
        if len(self.errors) > 20:
            lines.append(f"  ... and {len(self.errors) - 20} more (see the 'error' field in the output)")
        return "\n".join(lines)


class CodeRun:
    """Runs the pipeline over inputs, writing JSONL and/or the store, resumably."""

    def __init__(self, settings: Settings, output: str | None = None, db: str | None = None,
                 progress: bool = False, pipeline: Pipeline | None = None) -> None:
        self.settings = settings
        self.output = output
        self.db = db
        self.progress = progress
        self.pipeline = pipeline or Pipeline(settings)

    def run(self, inputs: Iterable[str]) -> RunSummary:
        summary = RunSummary()
        with ExitStack() as stack:
            store = stack.enter_context(EventStore(self.db)) if self.db else None
            done: set[str] = set()
            if self.output and self.output != "-":
                done = _resume_jsonl(Path(self.output))
            elif store is not None:
                done = store.known_doc_ids()
            out: IO[str] | None = None
            if self.output == "-":
                out = sys.stdout
            elif self.output:
                out = stack.enter_context(Path(self.output).open("a", encoding="utf-8"))
            index = DocumentIndex()
            if store is not None:
                index.seed(store.document_texts())
            sources = _skip_done(read_inputs(inputs, self.settings.default_date), done, summary)
            records = self.pipeline.annotate(sources, index)
            progress = stack.enter_context(_Progress(self.progress))
            pending: list[AnnotatedDocument] = []
            for record in records:
                _count(record, summary)
                if out is not None:
                    out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
                    out.flush()
                if store is not None:
                    pending.append(record)
                    if len(pending) >= self.settings.batch_size:
                        store.add(pending)
                        pending = []
                progress.advance(record)
            if store is not None and pending:
                store.add(pending)
        return summary


def _count(record: AnnotatedDocument, summary: RunSummary) -> None:
    summary.documents += 1
    summary.events += len(record.events)
    if record.error:
        summary.failed += 1
        summary.errors.append((record.doc_id, record.error))
    if record.duplicate_of:
        summary.duplicates += 1


def _skip_done(sources: Iterable[SourceDocument], done: set[str], summary: RunSummary) -> Iterator[SourceDocument]:
    for source in sources:
        if source.doc_id in done:
            summary.skipped += 1
            continue
        yield source


def _resume_jsonl(path: Path) -> set[str]:
    """Ids already written; a torn last line (interrupted write) is cut off."""
    if not path.exists():
        return set()
    done: set[str] = set()
    good_bytes = 0
    with path.open("rb") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError):
                break
            if not line.endswith(b"\n"):
                break
            done.add(record["doc_id"])
            good_bytes += len(line)
    if good_bytes != path.stat().st_size:
        with path.open("r+b") as handle:
            handle.truncate(good_bytes)
    return done


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

            self._progress = Progress(SpinnerColumn(), TextColumn("coding"), BarColumn(), MofNCompleteColumn(),
                                      TextColumn("{task.fields[events]} events"),
                                      console=Console(stderr=True), transient=True)
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
