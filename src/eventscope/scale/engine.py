"""The pipeline over Ray: one ``Pipeline`` per actor, batches fed in input order, results committed in order.

Design (why it gives the records, event ids and mention counts of a one-process run):
- The driver reads the inputs and makes the duplicate pass itself, in input order, over the MinHash
  signatures (``DocumentIndex``, seeded from the store): which document copies which depends on order, and a
  signature costs ~1 ms against ~100 ms of parsing, so this pass is not what limits a cluster.  Workers get
  ``(document, duplicate_of)`` pairs and run ``Pipeline.annotate_batch``, exactly what a local worker runs.
- An event's id hashes the happening, not the shard, so a happening reported in several shards has one id;
  the store keeps one row per id and one mention row per report, and recounts mentions on every batch.
- Results are committed (store transaction, then a Parquet and a JSONL shard, each renamed into place) in
  input order, so what is committed is always a prefix of the input.  A restarted run skips the documents in
  the finished shards (or, without ``-o``, in the store) but still replays the duplicate pass over them, so a
  later copy of a finished document is still marked ``duplicate_of`` it.  A batch the store took but whose shard
  was lost is coded again: the store ignores documents it has, and the shard gets them once.
- A killed worker is restarted by Ray (``max_restarts``) and its batches re-run (``max_task_retries``).
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from typing import Any

from eventscope.dedup import DocumentIndex
from eventscope.ingest import SourceDocument
from eventscope.pipeline import Pipeline
from eventscope.records import AnnotatedDocument
from eventscope.runner import RunSummary, with_original_events
from eventscope.scale.progress import RunProgress
from eventscope.scale.shards import ShardWriter, iter_batches, read_records
from eventscope.scale.sources import count_documents, iter_sources
from eventscope.settings import Settings
from eventscope.store import open_store

BATCHES_IN_FLIGHT_PER_WORKER = 2
"""One batch parsing and one queued per actor: the actor never waits for the driver, memory stays bounded."""

WORKER_RESTARTS = 3
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024
"""A local Ray's object store: batches of text are small, and the default (30% of RAM) is greedy on a laptop."""

Batch = list[tuple[SourceDocument, str | None]]


class CodingWorker:
    """A Ray actor: loads the models once, then codes the batches it is sent."""

    def __init__(self, settings: Settings) -> None:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
        self.pipeline = Pipeline(settings)
        self.pipeline.nlp  # noqa: B018 - load the models once, before the first batch

    def pid(self) -> int:
        return os.getpid()

    def code(self, batch: Batch) -> list[AnnotatedDocument]:
        return self.pipeline.annotate_batch(batch)


class RayRun:
    """``eventscope code --engine ray``: resumable, sharded output (``-o`` folder) and/or the store."""

    def __init__(
        self,
        settings: Settings,
        output: str | None = None,
        db: str | None = None,
        progress: bool = False,
        address: str | None = None,
        workers: int | None = None,
        log_interval: float = 10.0,
        on_batch: Callable[[RayRun, list[AnnotatedDocument]], None] | None = None,
    ) -> None:
        if output == "-":
            raise ValueError("--engine ray writes sharded files: give -o a folder, not -")
        self.settings = settings
        self.output = output
        self.db = db
        self.progress = progress
        self.address = address
        self.workers = workers
        self.log_interval = log_interval
        self.on_batch = on_batch
        self.actors: list = []

    def run(self, inputs: Iterable[str]) -> RunSummary:
        import ray

        inputs = list(inputs)
        summary = RunSummary()
        started_here = _connect(self.address, self.workers)
        try:
            with ExitStack() as stack:
                store = stack.enter_context(open_store(self.db)) if self.db else None
                shards = ShardWriter(self.output) if self.output else None
                done = shards.done_doc_ids() if shards else store.known_doc_ids() if store else set()
                index = DocumentIndex()
                if store is not None:
                    index.seed(store.document_texts())
                progress = stack.enter_context(
                    RunProgress(count_documents(inputs), bar=self.progress, interval=self.log_interval)
                )
                self.actors = self._start_workers()
                sources = iter_sources(inputs, self.settings.default_date)
                batches = iter_batches(
                    _mark_and_skip(sources, index, done, summary, progress), self.settings.batch_size
                )
                originals = _Originals(store, shards)
                for records in _code_in_order(batches, self.actors):
                    records = originals.complete(records)
                    if store is not None:
                        store.add(records)
                    if shards is not None:
                        shards.write(records)
                    for record in records:
                        _count(record, summary)
                    progress.advance(len(records), sum(len(r.events) for r in records))
                    if self.on_batch is not None:
                        self.on_batch(self, records)
        finally:
            for actor in self.actors:
                ray.kill(actor)
            self.actors = []
            if started_here:
                ray.shutdown()
        return summary

    def worker_pids(self) -> list[int]:
        import ray

        return ray.get([actor.pid.remote() for actor in self.actors])

    def _start_workers(self) -> list:
        import ray

        count = self.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        actor_class: Any = ray.remote(num_cpus=1, max_restarts=WORKER_RESTARTS, max_task_retries=WORKER_RESTARTS)(
            CodingWorker
        )
        settings = _worker_settings(self.settings)
        actors: list[Any] = [actor_class.remote(settings) for _ in range(count)]
        ray.get([actor.pid.remote() for actor in actors])  # wait until every model is loaded
        return actors


def _worker_settings(settings: Settings) -> Settings:
    from dataclasses import replace

    return replace(settings, n_process=1)


def _connect(address: str | None, workers: int | None) -> bool:
    """Join the cluster at ``address`` (``auto``, ``ray://host:10001``), else start a local Ray; True if started."""
    import ray

    if ray.is_initialized():
        return False
    common: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.WARNING, "log_to_driver": False}
    if address:
        ray.init(address=address, **common)
    else:
        # Ray's memory monitor kills *our* workers when the node is nearly full, whoever fills it: on a shared
        # machine that is other people's jobs.  A local run's memory is bounded by its batches, so it is off.
        os.environ.setdefault("RAY_memory_monitor_refresh_ms", "0")
        ray.init(num_cpus=workers or os.cpu_count() or 1, object_store_memory=LOCAL_OBJECT_STORE_BYTES, **common)
    return True


class _Originals:
    """Where a copy's events come from (as in the local runner): the batch in hand, else the store, else the
    shards' records (kept in memory only when there is no store to ask)."""

    def __init__(self, store, shards: ShardWriter | None) -> None:
        self.store = store
        self.memory: dict[str, dict] | None = None
        if store is None:
            self.memory = {}
            if shards is not None:
                self._remember(read_records(shards.folder))

    def complete(self, records: list[AnnotatedDocument]) -> list[AnnotatedDocument]:
        in_batch = {r.doc_id: r for r in records if not r.duplicate_of}
        completed = []
        for record in records:
            if record.duplicate_of and not record.events and not record.error:
                record = with_original_events(record, self._find(record.duplicate_of, in_batch))
            completed.append(record)
        if self.memory is not None:
            self._remember(r.to_dict() for r in records)
        return completed

    def _find(self, doc_id: str, in_batch: dict[str, AnnotatedDocument]) -> dict | None:
        if doc_id in in_batch:
            return in_batch[doc_id].to_dict()
        if self.memory is not None:
            return self.memory.get(doc_id)
        return self.store.records_by_id([doc_id]).get(doc_id)

    def _remember(self, records: Iterable[dict]) -> None:
        assert self.memory is not None
        for data in records:
            if data.get("events") and not data.get("duplicate_of"):
                self.memory[data["doc_id"]] = {"doc_id": data["doc_id"], "events": data["events"]}


def _mark_and_skip(
    sources: Iterable[SourceDocument], index: DocumentIndex, done: set[str], summary: RunSummary, progress: RunProgress
) -> Iterator[tuple[SourceDocument, str | None]]:
    """The duplicate pass over every document in input order; finished ones (and repeated ids, as the local
    runner does) are then left out."""
    seen: set[str] = set()
    for source in sources:
        duplicate_of = None if source.error else index.check_and_add(source.doc_id, source.text)
        if source.doc_id in done or source.doc_id in seen:
            summary.skipped += 1
            progress.skip(1)
            continue
        seen.add(source.doc_id)
        yield source, duplicate_of


def _code_in_order(batches: Iterable[Batch], actors: list) -> Iterator[list[AnnotatedDocument]]:
    """Round-robin batches over the actors, a bounded number in flight, results yielded in input order."""
    import ray

    pending: deque = deque()
    limit = len(actors) * BATCHES_IN_FLIGHT_PER_WORKER
    for number, batch in enumerate(batches):
        pending.append(actors[number % len(actors)].code.remote(batch))
        if len(pending) >= limit:
            yield ray.get(pending.popleft())
    while pending:
        yield ray.get(pending.popleft())


def _count(record: AnnotatedDocument, summary: RunSummary) -> None:
    summary.documents += 1
    summary.events += len(record.events)
    if record.error:
        summary.failed += 1
        summary.errors.append((record.doc_id, record.error))
    if record.duplicate_of:
        summary.duplicates += 1
