"""Shared pieces of the scale tests: a synthetic corpus with planted cross-shard duplicates, and comparisons.

The corpus is ``eventscope.evaluation.synthetic`` wire copy plus, placed far from their originals so they land
in other shards (and other workers): exact copies under new ids, near copies (a byline added, a word changed),
and "roundups" that repeat one paragraph of an earlier report inside other text: a happening reported in
several shards, which must come out as one event with several mentions.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest


def planted_corpus(n_docs: int, seed: int = 7) -> list[dict]:
    from eventscope.evaluation.synthetic import generate_corpus

    docs = generate_corpus(n_docs, seed=seed)
    rng = random.Random(seed)
    planted: list[tuple[int, dict]] = []
    step = max(1, n_docs // 10)
    for number, original in enumerate(docs[: n_docs // 2 : step]):
        exact = dict(original, id=f"copy-{number}")
        near = dict(
            original,
            id=f"near-{number}",
            text=original["text"].replace(" said ", " told reporters ", 1) + "\n\n(Reporting by a stringer.)",
        )
        first_paragraph = original["text"].split("\n\n")[0]
        other = docs[-1 - number]["text"].split("\n\n")
        roundup = dict(
            original,
            id=f"roundup-{number}",
            title="Roundup",
            text=first_paragraph + "\n\n" + "\n\n".join(other[1:] or other),
        )
        for doc in (exact, near, roundup):
            planted.append((rng.randint(n_docs // 2, n_docs), doc))
    for position, doc in sorted(planted, key=lambda item: -item[0]):
        docs.insert(position, doc)
    return docs


def write_corpus(docs: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc) + "\n")
    return path


def jsonl_records(paths) -> dict[str, dict]:
    """{doc_id: record} of JSONL files; a doc id twice would be a duplicated document (asserted absent)."""
    records: dict[str, dict] = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                assert record["doc_id"] not in records, f"{record['doc_id']} written twice"
                records[record["doc_id"]] = record
    return records


def store_snapshot(db: str) -> tuple[dict, dict]:
    """(counts, {event_id: (mentions, sorted reports)}) of a store."""
    from eventscope.store import open_store

    with open_store(db, read_only=True) as store:
        events = {
            e.event_id: (e.mentions, tuple(sorted((r.doc_id, r.start, r.end) for r in e.reports)))
            for e in store.events()
        }
        return store.counts(), events


@pytest.fixture(scope="module")
def local_ray():
    """A local Ray for the in-process tests (two CPUs, no dashboard), shut down after the module."""
    ray = pytest.importorskip("ray")
    if not ray.is_initialized():
        os.environ.setdefault("RAY_memory_monitor_refresh_ms", "0")  # as the engine does for a local Ray
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, object_store_memory=256 * 1024 * 1024)
    yield ray
    ray.shutdown()


@pytest.fixture
def pg_url():
    """A new, empty PostgreSQL database on the test server (``EVENTSCOPE_TEST_PG``), dropped afterwards."""
    import uuid

    admin_url = os.environ.get("EVENTSCOPE_TEST_PG")
    if not admin_url:
        if os.environ.get("CI") or os.environ.get("EVENTSCOPE_REQUIRE_PG"):
            pytest.fail("EVENTSCOPE_TEST_PG is not set: .ci/run starts a PostgreSQL server for these tests")
        pytest.skip("no PostgreSQL server (set EVENTSCOPE_TEST_PG=postgresql://...)")
    import psycopg

    name = f"eventscope_scale_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield f"{admin_url.rpartition('/')[0]}/{name}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
